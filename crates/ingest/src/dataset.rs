//! The shipped data set: which corpus files become which reports, and writing them out.

use std::path::{Path, PathBuf};

use nianbao_model::overview::{self, OverviewFile, Totals};
use nianbao_model::{paths, BodyKind, Catalog, RegionChecks, RegionFiles, Report, SeriesFile};

use crate::{ingest_file_with_warnings, to_json, FileError, ReportMeta};

/// One corpus file of the shipped data set.
pub struct Source {
    pub agency_id: &'static str,
    /// The body's name, where the title does not give it as wanted.
    pub agency_name: Option<&'static str>,
    /// 人民政府 or 部门 (corpus/*/SOURCES.md): decides the deadline from report year 2019.
    pub agency_kind: BodyKind,
    /// Where it stands (see `regions::parse_region`).
    pub region: &'static str,
    /// Path relative to the corpus folder.
    pub file: &'static str,
    /// The published original, where the file itself does not say.
    pub source_url: Option<&'static str>,
}

const fn pingtan(file: &'static str) -> Source {
    Source {
        agency_id: "pingtan",
        agency_name: Some("平潭综合实验区"),
        // The zone's 管委会 reports at the level of a people's government.
        agency_kind: BodyKind::Government,
        region: PINGTAN,
        file,
        source_url: None,
    }
}

/// 平潭综合实验区 reports at the level of a people's government of 福建省; the county
/// government and the zone's tax bureau stand in it. It has no 行政区划 code of its own.
const PINGTAN: &str = "福建省:350000/平潭综合实验区";

/// Every report the portal ships, in catalog order: the published HTML page where the corpus
/// has it, the page text otherwise.
pub const SOURCES: &[Source] = &[
    Source {
        agency_id: "shenyang-fgw",
        agency_name: None,
        agency_kind: BodyKind::Department,
        region: "辽宁省:210000/沈阳市:210100",
        file: "shenyang-fgw/2017.txt",
        // The page the text was copied from (corpus/shenyang-fgw/SOURCES.md).
        source_url: Some("http://www.shenyang.gov.cn/zwgk/zfxxgkndgzbg/2017n/bmzfxxgkgzndbg/202111/t20211102_627642.html"),
    },
    pingtan("pingtan/2011.txt"),
    pingtan("pingtan/2012.txt"),
    pingtan("pingtan/2013.txt"),
    // The title names the 管委会; the series is the 实验区's.
    pingtan("pingtan/2014.txt"),
    pingtan("pingtan/2015.html"),
    pingtan("pingtan/2016.txt"),
    pingtan("pingtan/2017.txt"),
    pingtan("pingtan/2018.txt"),
    pingtan("pingtan/2019.txt"),
    pingtan("pingtan/2020.txt"),
    pingtan("pingtan/2021.txt"),
    pingtan("pingtan/2022.txt"),
    pingtan("pingtan/2023.txt"),
    pingtan("pingtan/2024.html"),
    pingtan("pingtan/2025.txt"),
    archived("pingtan-county", BodyKind::Government, "pingtan-county/2011.txt"),
    archived("pingtan-county", BodyKind::Government, "pingtan-county/2012.txt"),
    archived("pingtan-county", BodyKind::Government, "pingtan-county/2013.txt"),
    // The zone's local tax bureau: a department.
    archived("pingtan-dishui", BodyKind::Department, "pingtan-dishui/2013.txt"),
];

/// An archived page text whose header gives the title (body and year) and the address.
const fn archived(agency_id: &'static str, agency_kind: BodyKind, file: &'static str) -> Source {
    Source {
        agency_id,
        agency_name: None,
        agency_kind,
        region: PINGTAN,
        file,
        source_url: None,
    }
}

/// Builds every report of the data set from the corpus.
pub fn build(corpus: &Path) -> Result<Vec<Report>, FileError> {
    Ok(build_with_warnings(corpus)?
        .into_iter()
        .map(|(_, report, _)| report)
        .collect())
}

/// A report of the data set: its source, the report, the warnings for the maintainer.
pub type Built = (&'static Source, Report, Vec<String>);

/// Every report of the data set with its source and the warnings for the maintainer.
pub fn build_with_warnings(corpus: &Path) -> Result<Vec<Built>, FileError> {
    SOURCES
        .iter()
        .map(|source| {
            let meta = ReportMeta {
                agency_id: Some(source.agency_id.to_string()),
                agency_name: source.agency_name.map(str::to_string),
                agency_kind: Some(source.agency_kind),
                region: crate::regions::parse_region(source.region).map_err(|reason| {
                    FileError {
                        path: corpus.join(source.file),
                        error: crate::IngestError::NotAReport(format!(
                            "its region in the data set's list: {reason}"
                        )),
                    }
                })?,
                source_url: source.source_url.map(str::to_string),
                ..ReportMeta::default()
            };
            let (report, warnings) = ingest_file_with_warnings(&corpus.join(source.file), &meta)?;
            Ok((source, report, warnings))
        })
        .collect()
}

/// One line for the maintainer about a report: file, format, sections, the tables read,
/// failed checks, warnings.
pub fn summary_line(file: &str, report: &Report, warnings: &[String]) -> String {
    let format = serde_json::to_value(report.format)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let t = &report.tables;
    let read: Vec<&str> = [
        (t.proactive.is_some(), "表二"),
        (t.applications.is_some(), "表三"),
        (t.reviews.is_some(), "表四"),
        (t.statistics.is_some(), "统计表"),
    ]
    .into_iter()
    .filter_map(|(has, name)| has.then_some(name))
    .collect();
    let failed = report.checks.iter().filter(|c| !c.ok).count();
    format!(
        "{file}: {format}, {} sections ({} in all), tables: {}, checks failed {failed}/{}, warnings {}",
        report.sections.len(),
        report.walk().len(),
        if read.is_empty() { "none".to_string() } else { read.join(" ") },
        report.checks.len(),
        warnings.len()
    )
}

/// The files of the data set as (path relative to the site root, contents).
pub fn files(reports: &[Report]) -> Vec<(PathBuf, String)> {
    let catalog = Catalog::from_reports(reports);
    // The whole catalog, for the search page's filters and the offline list, and
    // the pre-render; the rest of the site reads the region files below.
    let mut out = vec![(PathBuf::from(paths::CATALOG), to_json(&catalog))];
    for report in reports {
        out.push((
            PathBuf::from(paths::report(&report.agency.id, report.year)),
            to_json(report),
        ));
    }
    // Each agency's indicator series, so that a report page can chart the years around it
    // without fetching every other report; and, from them, the overview's totals and the
    // data set's CSV, so that no page reads every agency's series.
    let mut totals = Totals::default();
    let mut csv = overview::csv_header();
    for agency in &catalog.agencies {
        let mine: Vec<&Report> = reports
            .iter()
            .filter(|r| r.agency.id == agency.agency.id)
            .collect();
        let series = nianbao_model::agency_series(&mine);
        totals.add(&agency.agency.name, &series);
        csv.push_str(&overview::csv_rows(
            &agency.agency.id,
            &agency.agency.name,
            &series,
        ));
        out.push((
            PathBuf::from(paths::series(&agency.agency.id)),
            to_json(&SeriesFile::new(series)),
        ));
    }
    out.push((
        PathBuf::from(paths::OVERVIEW),
        to_json(&OverviewFile::new(totals.finish())),
    ));
    out.push((PathBuf::from(paths::DATA_CSV), csv));
    out.extend(region_files(&catalog));
    out
}

/// The catalog by region: an index, a file per region and its check-up table, a file per
/// body, the names.
pub fn region_files(catalog: &Catalog) -> Vec<(PathBuf, String)> {
    let files = RegionFiles::from_catalog(catalog, crate::regions::initials);
    let mut out = vec![
        (PathBuf::from(paths::REGIONS), to_json(&files.index)),
        (PathBuf::from(paths::NAMES), to_json(&files.names)),
    ];
    for shard in &files.shards {
        out.push((
            PathBuf::from(paths::region(&shard.region.region.slug)),
            to_json(shard),
        ));
    }
    for checks in RegionChecks::for_regions(catalog, &files.shards) {
        out.push((
            PathBuf::from(paths::checks(&checks.region.region.slug)),
            to_json(&checks),
        ));
    }
    for agency in &files.agencies {
        out.push((
            PathBuf::from(paths::agency(&agency.entry.agency.id)),
            to_json(agency),
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
