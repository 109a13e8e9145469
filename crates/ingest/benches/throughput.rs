//! Throughput: reports per second over the whole corpus (HTML pages, one-line page texts,
//! line-broken text). Run with `cargo bench -p nianbao-ingest`; it prints its figures.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use nianbao_ingest::{ingest_str, ReportMeta};

fn main() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut inputs = Vec::new();
    for agency in std::fs::read_dir(&corpus).expect("corpus folder").flatten() {
        if !agency.path().is_dir() {
            continue;
        }
        for file in std::fs::read_dir(agency.path())
            .expect("agency folder")
            .flatten()
        {
            let path = file.path();
            if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("txt" | "html")
            ) {
                let text = std::fs::read_to_string(&path).expect("read");
                inputs.push((path, text));
            }
        }
    }
    inputs.sort();
    let meta = ReportMeta {
        agency_id: Some("bench".into()),
        ..ReportMeta::default()
    };
    // Warm up, and make sure every input is a report.
    for (path, text) in &inputs {
        ingest_str(text, &meta).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    let bytes: usize = inputs.iter().map(|(_, t)| t.len()).sum();
    let mut reports = 0usize;
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(3) {
        for (_, text) in &inputs {
            std::hint::black_box(ingest_str(std::hint::black_box(text), &meta).ok());
            reports += 1;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let rounds = reports / inputs.len();
    println!(
        "ingest throughput: {:.1} reports/s ({} reports in {:.2} s; {} corpus files, {:.1} MB/s)",
        reports as f64 / secs,
        reports,
        secs,
        inputs.len(),
        (bytes * rounds) as f64 / secs / 1e6
    );
    for kind in ["html", "txt"] {
        let subset: Vec<&String> = inputs
            .iter()
            .filter(|(p, _)| p.extension().and_then(|e| e.to_str()) == Some(kind))
            .map(|(_, t)| t)
            .collect();
        let start = Instant::now();
        let mut n = 0usize;
        while start.elapsed() < Duration::from_secs(1) {
            for text in &subset {
                std::hint::black_box(ingest_str(text, &meta).ok());
                n += 1;
            }
        }
        println!(
            "  .{kind}: {:.1} reports/s",
            n as f64 / start.elapsed().as_secs_f64()
        );
    }
}
