//! Which charts stand beside which sections of a report: the sections that state figures of
//! an indicator get the chart of that indicator over the agency's years.

use crate::series::{chart_for_indicator, chart_plan, ChartPlan, Series};
use crate::Report;

/// The charts beside each section, in reading order: `(section id, charts)`. Each chart
/// stands once, beside the first section that speaks of it, and only where the agency's
/// series give it at least two years to compare.
pub fn section_charts(report: &Report, series: &[Series]) -> Vec<(String, Vec<ChartPlan>)> {
    let tables = &report.tables;
    let mut wanted: Vec<(String, &str)> = Vec::new();
    for section in report.walk() {
        let id = section.id.as_str();
        let here = |table_section: Option<&String>| table_section.is_some_and(|s| s == id);
        let mut keys: Vec<&str> = Vec::new();
        if here(tables.proactive.as_ref().map(|t| &t.section)) {
            keys.push("normative_docs");
        }
        if here(tables.applications.as_ref().map(|t| &t.section)) {
            keys.extend(["requests.new", "requests.results"]);
        }
        if here(tables.reviews.as_ref().map(|t| &t.section)) {
            keys.extend(["reviews", "lawsuits"]);
        }
        if here(tables.statistics.as_ref().map(|t| &t.section)) {
            keys.extend(["requests.new", "proactive.items"]);
        }
        keys.extend(
            report
                .figures
                .iter()
                .filter(|f| f.section == id)
                .filter_map(|f| f.indicator.as_deref())
                .filter_map(chart_for_indicator),
        );
        wanted.extend(keys.into_iter().map(|k| (id.to_string(), k)));
    }

    let comparable_years = |plan: &ChartPlan| {
        plan.pick(series)
            .map(|s| s.points.iter().filter(|p| p.value.is_some()).count())
            .max()
            .unwrap_or(0)
    };
    let mut placed: Vec<String> = Vec::new();
    let mut out: Vec<(String, Vec<ChartPlan>)> = Vec::new();
    for (section, key) in wanted {
        let Some(plan) = chart_plan(key) else {
            continue;
        };
        if placed.contains(&plan.key) || comparable_years(&plan) < 2 {
            continue;
        }
        placed.push(plan.key.clone());
        match out.iter_mut().find(|(s, _)| *s == section) {
            Some((_, plans)) => plans.push(plan),
            None => out.push((section, vec![plan])),
        }
    }
    out
}
