//! The PDF library comparison of crates/ingest/README.md: each derived PDF read by
//! (a) `pdf-extract` (pure Rust, what the ingest uses) and (b) poppler (`pdftotext
//! -bbox-layout` for the words, `pdftocairo -svg` for the ruling lines, as subprocesses),
//! both through the same layout and table rebuild; cells right / cells total against the
//! HTML's tables, time per report and peak memory.
//!
//!   cargo run --release -p nianbao-ingest --example pdf_compare     (needs poppler-utils)

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use nianbao_ingest::pdf::{read_pages, Glyph, Page, Rule};
use nianbao_ingest::{build, ingest_bytes, ingest_file, ReportMeta};
use nianbao_model::Tables;

fn meta() -> ReportMeta {
    ReportMeta {
        agency_id: Some("pingtan".into()),
        ..ReportMeta::default()
    }
}

/// Every value cell of the expected tables, and how many the read tables have equal at the
/// same place (row by row, as JSON).
fn cells(expected: &Tables, got: &Tables) -> (usize, usize) {
    fn walk(
        e: &serde_json::Value,
        g: Option<&serde_json::Value>,
        in_values: bool,
        n: &mut (usize, usize),
    ) {
        match e {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    let in_values = k == "values" || (in_values && k == "value");
                    walk(v, g.and_then(|g| g.get(k)), in_values, n);
                }
            }
            serde_json::Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk(v, g.and_then(|g| g.get(i)), in_values, n);
                }
            }
            leaf if in_values => {
                n.1 += 1;
                if g == Some(leaf) {
                    n.0 += 1;
                }
            }
            _ => {}
        }
    }
    let (e, g) = (
        serde_json::to_value(expected).unwrap(),
        serde_json::to_value(got).unwrap(),
    );
    let mut n = (0, 0);
    walk(&e, Some(&g), false, &mut n);
    n
}

fn attr(tag: &str, name: &str) -> Option<f64> {
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    tag[at..].split('"').next()?.parse().ok()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Words with their boxes from `pdftotext -bbox-layout`, as glyphs (a word's width shared by
/// its characters).
fn poppler_words(pdf: &Path) -> Vec<Page> {
    let out = Command::new("pdftotext")
        .arg("-bbox-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let xml = String::from_utf8_lossy(&out.stdout);
    let mut pages = Vec::new();
    for chunk in xml.split("<page ").skip(1) {
        let head = &chunk[..chunk.find('>').unwrap_or(0)];
        let mut page = Page {
            width: attr(&format!(" {head}"), "width").unwrap_or(595.0),
            height: attr(&format!(" {head}"), "height").unwrap_or(842.0),
            ..Page::default()
        };
        for word in chunk.split("<word ").skip(1) {
            let close = word.find('>').unwrap_or(0);
            let tag = format!(" {}", &word[..close]);
            let text = unescape(&word[close + 1..word.find("</word>").unwrap_or(close + 1)]);
            let (Some(x0), Some(y0), Some(x1), Some(y1)) = (
                attr(&tag, "xMin"),
                attr(&tag, "yMin"),
                attr(&tag, "xMax"),
                attr(&tag, "yMax"),
            ) else {
                continue;
            };
            let n = text.chars().count().max(1) as f64;
            let size = y1 - y0;
            for (i, ch) in text.chars().enumerate() {
                let w = (x1 - x0) / n;
                page.glyphs.push(Glyph {
                    ch,
                    x: x0 + w * i as f64,
                    y: y1 - size * 0.2,
                    w,
                    size,
                });
            }
        }
        pages.push(page);
    }
    pages
}

/// Ruling lines from `pdftocairo -svg` (one page per run): straight path segments and thin
/// filled boxes, after the path's transform.
fn poppler_rules(pdf: &Path, page: usize, dir: &Path) -> Vec<Rule> {
    let svg = dir.join(format!("p{page}.svg"));
    let status = Command::new("pdftocairo")
        .args(["-svg", "-f", &page.to_string(), "-l", &page.to_string()])
        .arg(pdf)
        .arg(&svg)
        .status()
        .expect("pdftocairo");
    assert!(status.success());
    let text = std::fs::read_to_string(&svg).unwrap();
    let body = text.split("</defs>").last().unwrap_or(&text);
    let mut rules = Vec::new();
    for tag in body.split("<path ").skip(1) {
        let tag = &tag[..tag.find("/>").unwrap_or(tag.len())];
        let filled = !tag.contains("fill:none") && !tag.contains("fill=\"none\"");
        let m: Vec<f64> = tag
            .split("transform=\"matrix(")
            .nth(1)
            .and_then(|t| t.split(')').next())
            .map(|t| t.split(',').filter_map(|v| v.trim().parse().ok()).collect())
            .filter(|v: &Vec<f64>| v.len() == 6)
            .unwrap_or(vec![1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);
        let d = tag
            .split(" d=\"")
            .nth(1)
            .and_then(|t| t.split('"').next())
            .unwrap_or("");
        let pt = |x: f64, y: f64| (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]);
        let mut subpaths: Vec<Vec<(f64, f64)>> = Vec::new();
        let tokens: Vec<&str> = d.split_whitespace().collect();
        let mut i = 0;
        while i < tokens.len() {
            match tokens[i] {
                "M" | "L" if i + 2 < tokens.len() => {
                    let (x, y) = (
                        tokens[i + 1].parse().unwrap_or(0.0),
                        tokens[i + 2].parse().unwrap_or(0.0),
                    );
                    if tokens[i] == "M" || subpaths.is_empty() {
                        subpaths.push(Vec::new());
                    }
                    subpaths.last_mut().unwrap().push(pt(x, y));
                    i += 3;
                }
                "C" => {
                    subpaths.push(Vec::new());
                    i += 7;
                }
                _ => i += 1,
            }
        }
        for sub in subpaths {
            if filled && sub.len() > 2 {
                let (x0, x1) = sub
                    .iter()
                    .fold((f64::MAX, f64::MIN), |a, p| (a.0.min(p.0), a.1.max(p.0)));
                let (y0, y1) = sub
                    .iter()
                    .fold((f64::MAX, f64::MIN), |a, p| (a.0.min(p.1), a.1.max(p.1)));
                if y1 - y0 <= 2.5 && x1 - x0 > 2.5 {
                    let y = (y0 + y1) / 2.0;
                    rules.push(Rule {
                        x0,
                        y0: y,
                        x1,
                        y1: y,
                    });
                } else if x1 - x0 <= 2.5 && y1 - y0 > 2.5 {
                    let x = (x0 + x1) / 2.0;
                    rules.push(Rule {
                        x0: x,
                        y0,
                        x1: x,
                        y1,
                    });
                }
            } else if !filled {
                for w in sub.windows(2) {
                    let ((ax, ay), (bx, by)) = (w[0], w[1]);
                    if (ay - by).abs() < 0.5 && (ax - bx).abs() > 2.5 {
                        rules.push(Rule {
                            x0: ax.min(bx),
                            y0: ay,
                            x1: ax.max(bx),
                            y1: ay,
                        });
                    } else if (ax - bx).abs() < 0.5 && (ay - by).abs() > 2.5 {
                        rules.push(Rule {
                            x0: ax,
                            y0: ay.min(by),
                            x1: ax,
                            y1: ay.max(by),
                        });
                    }
                }
            }
        }
    }
    rules
}

fn poppler_report(pdf: &Path, dir: &Path) -> Result<nianbao_model::Report, String> {
    let mut pages = poppler_words(pdf);
    for (i, page) in pages.iter_mut().enumerate() {
        page.rules = poppler_rules(pdf, i + 1, dir);
    }
    let doc = read_pages(&pages, None).map_err(|e| e.to_string())?;
    build::build(doc, &meta()).map_err(|e| e.to_string())
}

/// Peak resident memory of this process so far (MB).
fn peak_self() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0.0);
    kb / 1000.0
}

/// Peak resident memory (MB) of the poppler runs for one file, by /usr/bin/time.
fn peak_poppler(pdf: &Path, dir: &Path) -> f64 {
    let svg = dir.join("mem.svg");
    let runs: [Vec<std::ffi::OsString>; 2] = [
        vec![
            "pdftotext".into(),
            "-bbox-layout".into(),
            pdf.into(),
            "/dev/null".into(),
        ],
        vec![
            "pdftocairo".into(),
            "-svg".into(),
            "-f".into(),
            "1".into(),
            "-l".into(),
            "1".into(),
            pdf.into(),
            svg.into(),
        ],
    ];
    runs.iter()
        .map(|args| {
            let out = Command::new("/usr/bin/time")
                .arg("-f")
                .arg("%M")
                .args(args)
                .output()
                .expect("/usr/bin/time");
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .last()
                .and_then(|l| l.trim().parse::<f64>().ok())
                .unwrap_or(0.0)
                / 1000.0
        })
        .fold(0.0, f64::max)
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let only = std::env::args().nth(1);
    let dir = std::env::temp_dir().join(format!("pdf_compare_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for producer in ["libreoffice", "chromium"] {
        for year in [2015, 2024] {
            let name = format!("{year}.derived-{producer}.pdf");
            let pdf = root.join("tests/derived").join(&name);
            let html = ingest_file(
                &root.join(format!("../../corpus/pingtan/{year}.html")),
                &meta(),
            )
            .unwrap();
            let bytes = std::fs::read(&pdf).unwrap();
            if only.as_deref() != Some("poppler") {
                let start = Instant::now();
                let runs = 10;
                let mut got = None;
                for _ in 0..runs {
                    got = Some(ingest_bytes(&bytes, &meta()));
                }
                let ms = start.elapsed().as_secs_f64() * 1000.0 / runs as f64;
                let (right, total) = match got.unwrap() {
                    Ok(r) => cells(&html.tables, &r.tables),
                    Err(e) => {
                        println!("pdf-extract {name}: {e}");
                        (0, cells(&html.tables, &html.tables).1)
                    }
                };
                println!("pdf-extract {name}: cells {right}/{total}, {ms:.1} ms per report, peak RSS of this process so far {:.1} MB", peak_self());
            }
            if only.as_deref() != Some("pdf-extract") {
                let start = Instant::now();
                let runs = 3;
                let mut got = None;
                for _ in 0..runs {
                    got = Some(poppler_report(&pdf, &dir));
                }
                let ms = start.elapsed().as_secs_f64() * 1000.0 / runs as f64;
                let (right, total) = match got.unwrap() {
                    Ok(r) => cells(&html.tables, &r.tables),
                    Err(e) => {
                        println!("poppler {name}: {e}");
                        (0, cells(&html.tables, &html.tables).1)
                    }
                };
                println!(
                    "poppler {name}: cells {right}/{total}, {ms:.1} ms per report (subprocesses), peak RSS of one poppler run {:.1} MB",
                    peak_poppler(&pdf, &dir)
                );
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
