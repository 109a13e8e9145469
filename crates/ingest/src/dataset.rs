//! The shipped data set: which corpus files become which reports, and writing them out.

use std::path::{Path, PathBuf};

use nianbao_model::{paths, Catalog, Report};

use crate::{ingest_file, to_json, FileError, ReportMeta};

/// One corpus file of the shipped data set.
pub struct Source {
    pub agency_id: &'static str,
    /// Path relative to the corpus folder.
    pub file: &'static str,
    /// The published original, where the file itself does not say.
    pub source_url: Option<&'static str>,
}

/// Every report the portal ships, in catalog order.
pub const SOURCES: &[Source] = &[Source {
    agency_id: "shenyang-fgw",
    file: "shenyang-fgw/2017.txt",
    source_url: None,
}];

/// Builds every report of the data set from the corpus.
pub fn build(corpus: &Path) -> Result<Vec<Report>, FileError> {
    SOURCES
        .iter()
        .map(|source| {
            let meta = ReportMeta {
                agency_id: Some(source.agency_id.to_string()),
                source_url: source.source_url.map(str::to_string),
                ..ReportMeta::default()
            };
            ingest_file(&corpus.join(source.file), &meta)
        })
        .collect()
}

/// The files of the data set as (path relative to the site root, contents).
pub fn files(reports: &[Report]) -> Vec<(PathBuf, String)> {
    let mut out = vec![(
        PathBuf::from(paths::CATALOG),
        to_json(&Catalog::from_reports(reports)),
    )];
    for report in reports {
        out.push((
            PathBuf::from(paths::report(&report.agency.id, report.year)),
            to_json(report),
        ));
    }
    out
}

/// Files under `site_root` that differ from what the corpus gives (stale or missing).
pub fn stale_files(site_root: &Path, files: &[(PathBuf, String)]) -> Vec<PathBuf> {
    files
        .iter()
        .filter(|(path, contents)| {
            std::fs::read_to_string(site_root.join(path))
                .ok()
                .as_deref()
                != Some(contents.as_str())
        })
        .map(|(path, _)| path.clone())
        .collect()
}
