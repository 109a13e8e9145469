//! Reading the data files, refusing schema versions this code does not know.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::fmt;

use crate::overview::{OverviewFile, Total};
use crate::{
    AgencyFile, Catalog, NameIndex, RegionChecks, RegionIndex, RegionShard, Report, ReportHead,
    Series, SeriesFile, SCHEMA_VERSION,
};

/// Why a data file could not be read. `Display` speaks to the reader (zh-CN).
#[derive(Debug, Clone, PartialEq)]
pub enum DataError {
    /// Not JSON, or JSON of the wrong shape (cut off, a field missing …).
    Malformed(String),
    /// Written for a schema version this portal does not know.
    UnknownSchema { found: Option<u64> },
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DataError::Malformed(detail) => write!(f, "数据文件格式有误，无法读取（{detail}）"),
            DataError::UnknownSchema { found: Some(v) } => write!(
                f,
                "数据文件的格式版本为 {v}，本站只能读取版本 {SCHEMA_VERSION}"
            ),
            DataError::UnknownSchema { found: None } => {
                write!(
                    f,
                    "数据文件缺少格式版本号（schema_version），无法确认能否读取"
                )
            }
        }
    }
}

impl std::error::Error for DataError {}

#[derive(Deserialize)]
struct VersionOnly {
    schema_version: Option<serde_json::Value>,
}

fn parse_versioned<T: DeserializeOwned>(text: &str) -> Result<T, DataError> {
    // Check the version before the shape, so a newer file is reported as such,
    // not as "malformed".
    let head: VersionOnly =
        serde_json::from_str(text).map_err(|e| DataError::Malformed(e.to_string()))?;
    match head.schema_version.as_ref().and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(SCHEMA_VERSION) => {}
        found => return Err(DataError::UnknownSchema { found }),
    }
    serde_json::from_str(text).map_err(|e| DataError::Malformed(e.to_string()))
}

pub fn parse_report(text: &str) -> Result<Report, DataError> {
    parse_versioned(text)
}

/// A report file's agency and year only (see [`ReportHead`]).
pub fn parse_report_head(text: &str) -> Result<ReportHead, DataError> {
    parse_versioned(text)
}

pub fn parse_catalog(text: &str) -> Result<Catalog, DataError> {
    parse_versioned(text)
}

pub fn parse_region_index(text: &str) -> Result<RegionIndex, DataError> {
    parse_versioned(text)
}

pub fn parse_region_shard(text: &str) -> Result<RegionShard, DataError> {
    parse_versioned(text)
}

pub fn parse_region_checks(text: &str) -> Result<RegionChecks, DataError> {
    parse_versioned(text)
}

pub fn parse_agency_file(text: &str) -> Result<AgencyFile, DataError> {
    parse_versioned(text)
}

pub fn parse_name_index(text: &str) -> Result<NameIndex, DataError> {
    parse_versioned(text)
}

/// The overview's totals, `overview.json` (see [`OverviewFile`]).
pub fn parse_overview(text: &str) -> Result<Vec<Total>, DataError> {
    parse_versioned::<OverviewFile>(text).map(|f| f.totals)
}

/// An agency's `series.json` (see [`SeriesFile`]): its series.
pub fn parse_series(text: &str) -> Result<Vec<Series>, DataError> {
    parse_versioned::<SeriesFile>(text).map(|f| f.series)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_unknown_versions() {
        let err = parse_report(r#"{"schema_version": 99, "whatever": 1}"#).unwrap_err();
        assert_eq!(err, DataError::UnknownSchema { found: Some(99) });
        assert!(err.to_string().contains("99"));
        let err = parse_report(r#"{"title": "x"}"#).unwrap_err();
        assert_eq!(err, DataError::UnknownSchema { found: None });
    }

    #[test]
    fn series_files_carry_their_version() {
        let file = serde_json::to_string(&SeriesFile::new(Vec::new())).unwrap();
        assert_eq!(file, r#"{"schema_version":2,"series":[]}"#);
        assert_eq!(parse_series(&file), Ok(Vec::new()));
        let err = parse_series(r#"{"schema_version": 3, "series": []}"#).unwrap_err();
        assert_eq!(err, DataError::UnknownSchema { found: Some(3) });
        // The bare list older data sets shipped is refused as such, not read as empty.
        let err = parse_series("[]").unwrap_err();
        assert!(matches!(err, DataError::Malformed(_)), "{err:?}");
        assert!(matches!(
            parse_series(r#"{"schema_version": 2, "series": {}}"#),
            Err(DataError::Malformed(_))
        ));
    }

    #[test]
    fn a_report_head_names_the_whole_report() {
        let text = r#"{"schema_version": 2, "agency": {"id": "pingtan", "name": "平潭综合实验区"},
            "year": 2024, "title": "x", "sections": [{"unknown": true}]}"#;
        let head = parse_report_head(text).unwrap();
        assert_eq!((head.agency.id.as_str(), head.year), ("pingtan", 2024));
        assert_eq!(head.agency.name, "平潭综合实验区");
        assert!(matches!(
            parse_report_head(r#"{"schema_version": 2, "year": 2024}"#),
            Err(DataError::Malformed(_))
        ));
        assert_eq!(
            parse_report_head(r#"{"schema_version": 9}"#),
            Err(DataError::UnknownSchema { found: Some(9) })
        );
    }

    #[test]
    fn malformed_is_reported() {
        assert!(matches!(
            parse_report("{\"schema_version\": 2, "),
            Err(DataError::Malformed(_))
        ));
        assert!(matches!(
            parse_report("<html>"),
            Err(DataError::Malformed(_))
        ));
        assert!(matches!(
            parse_report(r#"{"schema_version": 2, "title": "x"}"#),
            Err(DataError::Malformed(_))
        ));
    }
}

#[cfg(test)]
mod version_tests {
    use super::*;

    #[test]
    fn version_1_files_are_refused() {
        // Version 1 had no check-up: a reader of it would show none.
        let err = parse_report(r#"{"schema_version": 1, "title": "x"}"#).unwrap_err();
        assert_eq!(err, DataError::UnknownSchema { found: Some(1) });
    }
}
