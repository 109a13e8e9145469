//! Drawing a report a run of sections per task, on the shipped data set.

use nianbao_model::drawing::{runs, section_weight};
use nianbao_model::section_charts::section_charts;
use nianbao_model::{agency_series, parse_report, Report};

fn report(agency: &str, year: u16) -> Report {
    let path = format!(
        "{}/../../public/data/{agency}/{year}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    parse_report(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn a_section_weighs_its_text_tables_figures_and_charts() {
    let reports: Vec<Report> = (2015..=2025).map(|y| report("pingtan", y)).collect();
    let refs: Vec<&Report> = reports.iter().collect();
    let series = agency_series(&refs);
    let r2024 = &reports[9];
    let charts = section_charts(r2024, &series);
    let weights: Vec<usize> = r2024
        .sections
        .iter()
        .map(|s| section_weight(r2024, &charts, s))
        .collect();
    eprintln!("pingtan 2024 section weights: {weights:?}");
    let applications = &r2024.tables.applications.as_ref().unwrap().section;
    let holding = r2024.top_level_index(applications).unwrap();
    let with_table = section_weight(r2024, &charts, &r2024.sections[holding]);
    let without = section_weight(r2024, &[], &r2024.sections[holding]);
    let text: usize = r2024.sections[holding]
        .paragraphs
        .iter()
        .map(|p| p.chars().count())
        .sum();
    assert!(
        without > text,
        "table 3 and its figures weigh more than the text alone"
    );
    assert!(
        with_table > without,
        "the charts beside it add to its weight"
    );
    // Each section is in exactly one run, in order.
    let ends = runs(&weights, 8_000);
    assert_eq!(ends.last(), Some(&weights.len()));
    assert!(
        ends.len() > 1,
        "a report with three tables is drawn in several runs: {ends:?}"
    );
}
