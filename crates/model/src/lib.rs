//! The nianbao data model: what the ingest writes and the portal reads, with its pure logic.
//! No web types here, so everything is testable natively.

pub mod address;
pub mod catalog;
pub mod checkup;
pub mod checkup_table;
pub mod compare;
pub mod drawing;
pub mod flags;
pub mod format;
pub mod indicators;
pub mod json;
pub mod matching;
pub mod outline;
pub mod overview;
pub mod poster;
pub mod qr;
pub mod region_checks;
pub mod regions;
pub mod report;
pub mod rule;
pub mod section_charts;
pub mod series;
pub mod tables;

pub use address::{CellAddress, ReviewCell, ReviewGroup, ReviewResult, TableKind};
pub use catalog::{AgencyEntry, Catalog, ReportEntry};
pub use checkup::{BodyKind, Checkup, CheckupRule, Finding};
pub use json::{
    parse_agency_file, parse_catalog, parse_name_index, parse_overview, parse_region_checks,
    parse_region_index, parse_region_shard, parse_report, parse_report_head, parse_series,
    DataError,
};
pub use outline::Section;
pub use region_checks::RegionChecks;
pub use regions::{
    AgencyFile, BodySummary, LatestReport, NameEntry, NameIndex, Region, RegionFiles, RegionIndex,
    RegionShard, RegionSummary, ReportLink,
};
pub use report::{Agency, Check, Figure, Report, ReportFormat, ReportHead, SCHEMA_VERSION};
pub use rule::Rule;
pub use series::{agency_series, series, Basis, Point, Series, SeriesFile, Source};
pub use tables::{
    Amount, ApplicationsRow, ApplicationsTable, ProactiveBlock, ProactiveRow, ProactiveTable,
    Recovery, ReviewsTable, StatisticsRow, StatisticsTable, Tables,
};

/// Where the data files stand, relative to the site's base path.
pub mod paths {
    /// The catalog of agencies and years.
    pub const CATALOG: &str = "data/catalog.json";

    /// The index of top-level regions (see `regions`).
    pub const REGIONS: &str = "data/regions.json";

    /// Every body's name, for the home page's filter.
    pub const NAMES: &str = "data/names.json";

    /// The overview's totals over every body (see `overview::OverviewFile`).
    pub const OVERVIEW: &str = "data/overview.json";

    /// The whole data set as one CSV (see `overview::csv_rows`).
    pub const DATA_CSV: &str = "data/nianbao-data.csv";

    /// One region's sub-regions and bodies.
    pub fn region(slug: &str) -> String {
        format!("data/region/{slug}.json")
    }

    /// One region's check-up table (see `region_checks`).
    pub fn checks(slug: &str) -> String {
        format!("data/checks/{slug}.json")
    }

    /// One body's catalog entry.
    pub fn agency(agency: &str) -> String {
        format!("data/{agency}/agency.json")
    }

    /// One report's JSON.
    pub fn report(agency: &str, year: u16) -> String {
        format!("data/{agency}/{year}.json")
    }

    /// The agency and year of a report's JSON path (the inverse of [`report`]); `None` for
    /// any other file.
    pub fn report_of(file: &str) -> Option<(&str, u16)> {
        let (agency, name) = file.strip_prefix("data/")?.split_once('/')?;
        let year = name.strip_suffix(".json")?;
        let plausible = !agency.is_empty()
            && year.len() == 4
            && year.bytes().all(|b| b.is_ascii_digit())
            && !name.contains('/');
        if !plausible {
            return None;
        }
        Some((agency, year.parse().ok()?))
    }

    /// An agency's indicator series (see `series::agency_series`).
    pub fn series(agency: &str) -> String {
        format!("data/{agency}/series.json")
    }

    /// A report's share card (1200×630 PNG, drawn by `nianbao-cards`); also its 图解's.
    pub fn card_report(agency: &str, year: u16) -> String {
        format!("cards/{agency}/{year}.png")
    }

    /// A section's share card.
    pub fn card_section(agency: &str, year: u16, section: &str) -> String {
        format!("cards/{agency}/{year}/{section}.png")
    }

    /// A 图解 panel's share card (with the QR code of the panel's address).
    pub fn card_panel(agency: &str, year: u16, section: &str) -> String {
        format!("cards/{agency}/{year}/tujie/{section}.png")
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn a_report_file_is_known_by_its_path_and_nothing_else_is() {
            assert_eq!(report_of(&report("pingtan", 2024)), Some(("pingtan", 2024)));
            for other in [
                CATALOG.to_string(),
                agency("pingtan"),
                series("pingtan"),
                region("fujian"),
                checks("fujian"),
                "data/pingtan/2024/x.json".into(),
                "data/pingtan/20x4.json".into(),
                "data//2024.json".into(),
                "cards/pingtan/2024.png".into(),
            ] {
                assert_eq!(report_of(&other), None, "{other}");
            }
        }
    }
}
