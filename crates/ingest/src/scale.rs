//! A synthetic data set for measuring the portal at scale: the real 平潭 reports, ingested
//! again under invented bodies in invented regions. Every body, region and title says
//! 合成测试数据; `cargo xtask scale` writes it under `target/scale-N/`, never into `public/`.

use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use nianbao_model::overview::{self, OverviewFile, Totals};
use nianbao_model::{paths, AgencyEntry, BodyKind, Catalog, Region, Report, SeriesFile};

use crate::dataset::{region_files, SOURCES};
use crate::{ingest_file_with_warnings, to_json, ReportMeta};

/// The mark every synthetic name and title carries.
pub const MARK: &str = "合成测试数据";

/// The invented country: as the real one, a fixed geography that bodies fill, so that a
/// region's file stays the size of a region. 8 provinces of 12 cities of 10 counties.
const PROVINCES: usize = 8;
const CITIES: usize = 12;
const COUNTIES: usize = 10;

/// What a run produced, for the xtask's table.
#[derive(Debug)]
pub struct ScaleRun {
    pub bodies: usize,
    pub reports: usize,
    pub files: usize,
    pub bytes: u64,
    pub seconds: f64,
    pub threads: usize,
    /// The process's peak resident memory (Linux), MB.
    pub peak_memory_mb: Option<u64>,
}

fn peak_memory_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb = status.lines().find_map(|l| l.strip_prefix("VmHWM:"))?;
    Some(
        kb.trim()
            .trim_end_matches("kB")
            .trim()
            .parse::<u64>()
            .ok()?
            / 1024,
    )
}

fn region(slug: String, name: String) -> Region {
    Region {
        slug,
        name,
        code: None,
    }
}

/// Body `i`'s region path, top first.
fn region_of(i: usize) -> Vec<Region> {
    let (p, c, x) = (
        i % PROVINCES,
        (i / PROVINCES) % CITIES,
        (i / (PROVINCES * CITIES)) % COUNTIES,
    );
    vec![
        region(format!("synthetic-p{p}"), format!("{MARK}省{}", p + 1)),
        region(
            format!("synthetic-p{p}-c{c}"),
            format!("{MARK}市{}-{}", p + 1, c + 1),
        ),
        region(
            format!("synthetic-p{p}-c{c}-x{x}"),
            format!("{MARK}县{}-{}-{}", p + 1, c + 1, x + 1),
        ),
    ]
}

/// Writes the data files of `bodies` invented bodies with `years` reports each (the newest
/// `years` of 平潭's, ingested again for each body) under `out` (`out/data/…`).
pub fn generate(
    corpus: &Path,
    out: &Path,
    bodies: usize,
    years: usize,
) -> Result<ScaleRun, String> {
    let mut sources: Vec<&str> = SOURCES
        .iter()
        .filter(|s| s.agency_id == "pingtan")
        .map(|s| s.file)
        .collect();
    sources.reverse();
    if years == 0 || years > sources.len() {
        return Err(format!(
            "--years must be 1 to {} (平潭's reports)",
            sources.len()
        ));
    }
    if bodies == 0 {
        return Err("--bodies must be at least 1".into());
    }
    sources.truncate(years);
    let started = Instant::now();
    let next = AtomicUsize::new(0);
    let written = AtomicUsize::new(0);
    let bytes = std::sync::atomic::AtomicU64::new(0);
    let write = |relative: String, contents: String| -> Result<(), String> {
        let path = out.join(relative);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        bytes.fetch_add(contents.len() as u64, Ordering::Relaxed);
        written.fetch_add(1, Ordering::Relaxed);
        std::fs::write(&path, contents).map_err(|e| format!("{}: {e}", path.display()))
    };
    let body = |i: usize| -> Result<AgencyEntry, String> {
        let id = format!("synthetic-{i}");
        let name = format!("{MARK}机关{}", i + 1);
        let meta = ReportMeta {
            agency_id: Some(id.clone()),
            agency_name: Some(name.clone()),
            agency_kind: Some(if i.is_multiple_of(3) {
                BodyKind::Government
            } else {
                BodyKind::Department
            }),
            region: region_of(i),
            ..ReportMeta::default()
        };
        let mut reports: Vec<Report> = Vec::new();
        for file in &sources {
            let (mut report, _) =
                ingest_file_with_warnings(&corpus.join(file), &meta).map_err(|e| e.to_string())?;
            report.title = format!("{}（{MARK}，原文为平潭综合实验区的报告）", report.title);
            write(paths::report(&id, report.year), to_json(&report))?;
            reports.push(report);
        }
        let mine: Vec<&Report> = reports.iter().collect();
        write(
            paths::series(&id),
            to_json(&SeriesFile::new(nianbao_model::agency_series(&mine))),
        )?;
        Catalog::from_reports(&reports)
            .agencies
            .pop()
            .ok_or_else(|| format!("{id}: no report"))
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let results: Vec<Result<Vec<(usize, AgencyEntry)>, String>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= bodies {
                            return Ok(mine);
                        }
                        mine.push((i, body(i)?));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join()
                    .unwrap_or_else(|_| Err("a generating thread failed".into()))
            })
            .collect()
    });
    let mut agencies = Vec::with_capacity(bodies);
    for result in results {
        agencies.extend(result?);
    }
    agencies.sort_unstable_by_key(|(i, _)| *i);
    let catalog = Catalog {
        schema_version: nianbao_model::SCHEMA_VERSION,
        agencies: agencies.into_iter().map(|(_, a)| a).collect(),
    };
    write(paths::CATALOG.into(), to_json(&catalog))?;
    for (path, contents) in region_files(&catalog) {
        write(path.to_string_lossy().into_owned(), contents)?;
    }
    // The overview's totals and the CSV, in catalog order, reading back one body's series at
    // a time (the generating threads finish out of order; holding them all would not scale).
    let mut totals = Totals::default();
    let csv_path = out.join(paths::DATA_CSV);
    let mut csv = std::io::BufWriter::new(
        std::fs::File::create(&csv_path).map_err(|e| format!("{}: {e}", csv_path.display()))?,
    );
    let mut csv_bytes = 0;
    let mut put = |text: String| -> Result<(), String> {
        csv_bytes += text.len() as u64;
        csv.write_all(text.as_bytes())
            .map_err(|e| format!("{}: {e}", csv_path.display()))
    };
    put(overview::csv_header())?;
    for agency in &catalog.agencies {
        let (id, name) = (&agency.agency.id, &agency.agency.name);
        let relative = paths::series(id);
        let text =
            std::fs::read_to_string(out.join(&relative)).map_err(|e| format!("{relative}: {e}"))?;
        let series = nianbao_model::parse_series(&text).map_err(|e| format!("{relative}: {e}"))?;
        totals.add(name, &series);
        put(overview::csv_rows(id, name, &series))?;
    }
    csv.flush()
        .map_err(|e| format!("{}: {e}", csv_path.display()))?;
    bytes.fetch_add(csv_bytes, Ordering::Relaxed);
    written.fetch_add(1, Ordering::Relaxed);
    write(
        paths::OVERVIEW.into(),
        to_json(&OverviewFile::new(totals.finish())),
    )?;
    Ok(ScaleRun {
        bodies,
        reports: bodies * years,
        files: written.load(Ordering::Relaxed),
        bytes: bytes.load(Ordering::Relaxed),
        seconds: started.elapsed().as_secs_f64(),
        threads,
        peak_memory_mb: peak_memory_mb(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_fill_a_fixed_geography() {
        assert_eq!(region_of(0)[2].slug, "synthetic-p0-c0-x0");
        assert_eq!(region_of(9)[1].slug, "synthetic-p1-c1");
        // The 961st body is back in the first county of its province's first city.
        assert_eq!(region_of(960), region_of(0));
        assert!(region_of(5).iter().all(|r| r.name.starts_with(MARK)));
    }

    #[test]
    fn writes_a_marked_data_set() {
        let out = std::env::temp_dir().join(format!("nianbao-scale-test-{}", std::process::id()));
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        let run = generate(&corpus, &out, 3, 2).unwrap();
        assert_eq!((run.bodies, run.reports), (3, 6));
        // 6 reports, 3 series, 3 agency files, the catalog, the index, the names, 9 regions
        // and their check-up tables, the overview's totals and the CSV.
        assert_eq!(run.files, 6 + 3 + 3 + 1 + 2 + 9 + 9 + 2);
        let totals = std::fs::read_to_string(out.join(paths::OVERVIEW)).unwrap();
        let totals = nianbao_model::parse_overview(&totals).unwrap();
        let received = totals.iter().find(|t| t.key == "requests.new").unwrap();
        assert_eq!(received.body_count, 3, "every body's figure in the total");
        let csv = std::fs::read_to_string(out.join(paths::DATA_CSV)).unwrap();
        assert!(
            csv.lines().skip(1).all(|line| line.starts_with(MARK)),
            "rows of the bodies"
        );
        let report = std::fs::read_to_string(out.join("data/synthetic-2/2025.json")).unwrap();
        let report = nianbao_model::parse_report(&report).unwrap();
        assert!(report.title.contains(MARK) && report.agency.name.contains(MARK));
        let index = std::fs::read_to_string(out.join(paths::REGIONS)).unwrap();
        assert!(nianbao_model::parse_region_index(&index).unwrap().bodies == 3);
        assert!(generate(&corpus, &out, 1, 99)
            .unwrap_err()
            .contains("--years"));
        std::fs::remove_dir_all(&out).ok();
    }
}
