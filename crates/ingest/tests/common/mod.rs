//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

use nianbao_ingest::{ingest_file, ReportMeta};
use nianbao_model::Report;

pub fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Every report file of the corpus (path relative to the corpus folder).
pub fn corpus_files() -> Vec<String> {
    let mut out = Vec::new();
    for agency in std::fs::read_dir(corpus()).expect("corpus folder") {
        let agency = agency.expect("entry").path();
        if !agency.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&agency).expect("agency folder") {
            let file = file.expect("entry").path();
            let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
            if matches!(ext, "txt" | "html") {
                out.push(
                    file.strip_prefix(corpus())
                        .expect("under corpus")
                        .to_string_lossy()
                        .replace('\\', "/"),
                );
            }
        }
    }
    out.sort();
    out
}

pub fn ingest(rel: &str) -> Report {
    ingest_file(&corpus().join(rel), &ReportMeta::default())
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Section ids and headings in reading order.
pub fn tree(report: &Report) -> Vec<(String, String)> {
    report
        .walk()
        .into_iter()
        .map(|s| (s.id.clone(), s.full_heading()))
        .collect()
}
