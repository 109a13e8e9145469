//! `nianbao-cards DIST`: draws the share card of every report, section and 图解 panel of the
//! built site's data set into `DIST/cards/` (1200×630 PNG), on all cores, and prints the
//! time. Run by the post-build step (scripts/post-build.mjs) after the pre-render.
//!
//! The font is Debian's `fonts-noto-cjk` (Noto Sans CJK, a .ttc), or the file named by
//! `NIANBAO_CARD_FONT`; without it the build fails and says so. Addresses on the cards (text
//! and QR code) come from `NIANBAO_SITE_ORIGIN` and `TRUNK_PUBLIC_URL`, as the pre-render's.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use nianbao_cards::{card_svg, cards, Card, HEIGHT, WIDTH};
use resvg::{tiny_skia, usvg};

/// Where Debian's fonts-noto-cjk puts the fonts the cards use.
const DEBIAN_FONTS: [&str; 2] = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
];
const FAMILY: &str = "Noto Sans CJK SC";

fn main() -> std::process::ExitCode {
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("nianbao-cards: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn fonts() -> Result<Arc<usvg::fontdb::Database>, String> {
    let files: Vec<PathBuf> = match std::env::var_os("NIANBAO_CARD_FONT") {
        Some(file) => vec![PathBuf::from(file)],
        None => DEBIAN_FONTS.iter().map(PathBuf::from).collect(),
    };
    let mut db = usvg::fontdb::Database::new();
    for file in &files {
        if !file.is_file() {
            return Err(format!(
                "the CJK font {} is missing: install Debian's fonts-noto-cjk \
                 (`cargo xtask serve` and `cargo xtask test` do, with apt-get), or name a \
                 Noto Sans CJK font file in NIANBAO_CARD_FONT",
                file.display()
            ));
        }
        let data = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
        db.load_font_data(data);
    }
    if !db
        .faces()
        .any(|f| f.families.iter().any(|(name, _)| name == FAMILY))
    {
        return Err(format!(
            "{} holds no {FAMILY} face: the cards need fonts-noto-cjk's Noto Sans CJK",
            files[0].display()
        ));
    }
    Ok(Arc::new(db))
}

/// Time spent per stage (layout with text shaping, drawing, PNG encoding), summed over cards.
#[derive(Default, Clone, Copy)]
struct Stages([std::time::Duration; 3]);

fn render(
    card: &Card,
    url: &str,
    options: &usvg::Options,
    stages: &mut Stages,
) -> Result<Vec<u8>, String> {
    let t = std::time::Instant::now();
    let svg = card_svg(card, url, FAMILY);
    let tree = usvg::Tree::from_str(&svg, options).map_err(|e| format!("{}: {e}", card.file))?;
    let t1 = std::time::Instant::now();
    let mut pixmap = tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or("no pixmap")?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    let t2 = std::time::Instant::now();
    let png = encode(&pixmap).map_err(|e| format!("{}: {e}", card.file))?;
    stages.0[0] += t1 - t;
    stages.0[1] += t2 - t1;
    stages.0[2] += t2.elapsed();
    Ok(png)
}

/// The card as an opaque RGB PNG (its background is white, so premultiplied is plain).
fn encode(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    encoder.write_header()?.write_image_data(&rgb)?;
    Ok(out)
}

fn load(dist: &Path) -> Result<Vec<nianbao_model::Report>, String> {
    let read = |relative: &str| {
        let path = dist.join(relative);
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let catalog = nianbao_model::parse_catalog(&read(nianbao_model::paths::CATALOG)?)
        .map_err(|e| format!("catalog: {e}"))?;
    let mut reports = Vec::new();
    for agency in &catalog.agencies {
        for entry in &agency.reports {
            let relative = nianbao_model::paths::report(&agency.agency.id, entry.year);
            reports.push(
                nianbao_model::parse_report(&read(&relative)?)
                    .map_err(|e| format!("{relative}: {e}"))?,
            );
        }
    }
    Ok(reports)
}

fn run() -> Result<(), String> {
    let started = std::time::Instant::now();
    let dist: PathBuf = std::env::args_os()
        .nth(1)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR"))
        .map(PathBuf::from)
        .ok_or("usage: nianbao-cards DIST (the built site's folder)")?;
    let origin =
        std::env::var("NIANBAO_SITE_ORIGIN").unwrap_or_else(|_| "http://127.0.0.1:8080".into());
    let base = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".into());
    let prefix = format!(
        "{}{}",
        origin.trim_end_matches('/'),
        base.trim_end_matches('/')
    );
    let fontdb = fonts()?;
    let all: Vec<Card> = load(&dist)?.iter().flat_map(cards).collect();
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let chunk = all.len().div_ceil(threads).max(1);
    let results: Vec<Result<Stages, String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = all
            .chunks(chunk)
            .map(|cards| {
                let (fontdb, prefix, dist) = (fontdb.clone(), &prefix, &dist);
                scope.spawn(move || -> Result<Stages, String> {
                    let mut stages = Stages::default();
                    let options = usvg::Options {
                        fontdb,
                        font_family: FAMILY.into(),
                        ..usvg::Options::default()
                    };
                    for card in cards {
                        let url = format!("{prefix}{}", card.page);
                        let png = render(card, &url, &options, &mut stages)?;
                        let path = dist.join(&card.file);
                        if let Some(dir) = path.parent() {
                            std::fs::create_dir_all(dir)
                                .map_err(|e| format!("{}: {e}", dir.display()))?;
                        }
                        std::fs::write(&path, png)
                            .map_err(|e| format!("{}: {e}", path.display()))?;
                    }
                    Ok(stages)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err("a drawing thread failed".into()))
            })
            .collect()
    });
    let mut total = Stages::default();
    for stages in results {
        for (sum, part) in total.0.iter_mut().zip(stages?.0) {
            *sum += part;
        }
    }
    let [layout, draw, encode] = total.0.map(|d| d.as_secs_f64());
    eprintln!(
        "nianbao-cards: {} cards (1200×630 PNG) on {threads} threads in {:.1} s \
         (summed over threads: layout {layout:.1} s, drawing {draw:.1} s, PNG {encode:.1} s)",
        all.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
