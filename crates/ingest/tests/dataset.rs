//! The shipped data set in public/data is what the corpus gives (run
//! `cargo run -p nianbao-ingest -- dataset` after changing the ingest or the corpus).

mod common;

use std::path::PathBuf;

use nianbao_ingest::dataset;

#[test]
fn shipped_data_set_is_up_to_date() {
    let reports = dataset::build(&common::corpus()).expect("data set builds");
    let files = dataset::files(&reports);
    // The catalog, one file per report, one series file per agency.
    assert_eq!(files.len(), 1 + dataset::SOURCES.len() + 2);
    assert!(files
        .iter()
        .any(|(path, _)| path.ends_with("data/pingtan/series.json")));
    let site = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public");
    let stale = dataset::stale_files(&site, &files);
    assert!(
        stale.is_empty(),
        "stale data files {stale:?}: run `cargo run -p nianbao-ingest -- dataset`"
    );
}

#[test]
fn data_set_has_pingtan_2015_to_2025() {
    let reports = dataset::build(&common::corpus()).expect("data set builds");
    let years: Vec<u16> = reports
        .iter()
        .filter(|r| r.agency.id == "pingtan")
        .map(|r| r.year)
        .collect();
    assert_eq!(years, (2015..=2025).collect::<Vec<_>>());
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
