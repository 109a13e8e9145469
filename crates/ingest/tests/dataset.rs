//! The shipped data set in public/data is what the corpus gives (run
//! `cargo run -p nianbao-ingest -- dataset` after changing the ingest or the corpus).

mod common;

use std::path::PathBuf;

use nianbao_ingest::dataset;

#[test]
fn shipped_data_set_is_up_to_date() {
    let reports = dataset::build(&common::corpus()).expect("data set builds");
    let files = dataset::files(&reports);
    // The catalog, one file per report, a series file and an agency file per body (four),
    // the region index, the names, four regions' files (辽宁省 › 沈阳市, 福建省 › 平潭综合实验区)
    // and their check-up tables, the overview's totals and the data set's CSV.
    assert_eq!(
        files.len(),
        1 + dataset::SOURCES.len() + 4 + 4 + 2 + 4 + 4 + 2
    );
    for file in [
        "data/pingtan/series.json",
        "data/pingtan/agency.json",
        "data/regions.json",
        "data/region/fujian-pingtanzongheshiyan.json",
        "data/checks/fujian.json",
        "data/overview.json",
        "data/nianbao-data.csv",
    ] {
        assert!(files.iter().any(|(path, _)| path.ends_with(file)), "{file}");
    }
    let site = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public");
    let stale = dataset::stale_files(&site, &files);
    assert!(
        stale.is_empty(),
        "stale data files {stale:?}: run `cargo run -p nianbao-ingest -- dataset`"
    );
}

#[test]
fn data_set_has_pingtan_2011_to_2025_and_four_bodies() {
    let reports = dataset::build(&common::corpus()).expect("data set builds");
    let years: Vec<u16> = reports
        .iter()
        .filter(|r| r.agency.id == "pingtan")
        .map(|r| r.year)
        .collect();
    assert_eq!(years, (2011..=2025).collect::<Vec<_>>());
    let catalog = nianbao_model::Catalog::from_reports(&reports);
    let bodies: Vec<(&str, &str, usize)> = catalog
        .agencies
        .iter()
        .map(|a| {
            (
                a.agency.id.as_str(),
                a.agency.name.as_str(),
                a.reports.len(),
            )
        })
        .collect();
    assert_eq!(
        bodies,
        [
            ("shenyang-fgw", "沈阳市发展和改革委员会", 1),
            ("pingtan", "平潭综合实验区", 15),
            ("pingtan-county", "平潭县人民政府", 3),
            ("pingtan-dishui", "平潭综合实验区地方税务局", 1),
        ]
    );
    // Every old-format year with a 统计表 has it read.
    for (id, year) in [
        ("pingtan", 2011),
        ("pingtan", 2012),
        ("pingtan", 2013),
        ("pingtan", 2014),
        ("pingtan", 2015),
        ("pingtan-county", 2011),
        ("pingtan-county", 2012),
        ("pingtan-county", 2013),
    ] {
        let report = reports
            .iter()
            .find(|r| r.agency.id == id && r.year == year)
            .expect("report");
        let stats = report.tables.statistics.as_ref().expect("统计表 read");
        assert!(stats.rows.len() >= 15, "{id} {year}");
        assert_eq!(
            stats.columns,
            [format!("{year}年度"), "历年累计".to_string()]
        );
    }
    for r in &reports {
        assert!(
            r.source_url
                .as_deref()
                .is_some_and(|u| u.starts_with("https://"))
                || r.agency.id == "shenyang-fgw"
        );
        if r.agency.id == "pingtan" {
            assert_eq!(r.agency.name, "平潭综合实验区");
            assert!(r.published.is_some());
        }
    }
}
