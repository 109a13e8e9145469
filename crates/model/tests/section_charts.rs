//! Charts beside sections, on the shipped data set.

use nianbao_model::section_charts::section_charts;
use nianbao_model::{agency_series, parse_report, Report};

fn report(agency: &str, year: u16) -> Report {
    let path = format!(
        "{}/../../public/data/{agency}/{year}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    parse_report(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn keys(charts: &[(String, Vec<nianbao_model::series::ChartPlan>)], section: &str) -> Vec<String> {
    charts
        .iter()
        .filter(|(s, _)| s == section)
        .flat_map(|(_, plans)| plans.iter().map(|p| p.key.clone()))
        .collect()
}

#[test]
fn the_applications_section_charts_requests_and_their_handling() {
    let reports: Vec<Report> = (2015..=2025).map(|y| report("pingtan", y)).collect();
    let refs: Vec<&Report> = reports.iter().collect();
    let series = agency_series(&refs);
    let r2024 = &reports[9];
    let charts = section_charts(r2024, &series);
    let applications = &r2024.tables.applications.as_ref().unwrap().section;
    assert!(keys(&charts, applications).contains(&"requests.results".to_string()));
    // Requests received stand beside the first section that states them: the prose of
    // 一、（二） says how many requests came in, before table 3 does.
    assert_eq!(keys(&charts, "s1-2"), ["requests.new"]);
    let reviews = &r2024.tables.reviews.as_ref().unwrap().section;
    assert_eq!(keys(&charts, reviews), ["reviews", "lawsuits"]);
    let all: Vec<String> = charts
        .iter()
        .flat_map(|(_, p)| p.iter().map(|p| p.key.clone()))
        .collect();
    let mut unique = all.clone();
    unique.dedup();
    assert_eq!(all.len(), unique.len(), "each chart stands once");
}

#[test]
fn a_single_year_gives_nothing_to_compare() {
    let seed = report("shenyang-fgw", 2017);
    let series = agency_series(&[&seed]);
    assert!(section_charts(&seed, &series).is_empty());
}
