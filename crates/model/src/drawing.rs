//! How a report is drawn a part at a time (issue 10): the browser draws a long report's
//! top-level sections in runs, one run per task, so that no task holds the tab for long.
//! The weights are rough costs of drawing, in characters of text.

use crate::series::ChartPlan;
use crate::{Report, Section};

/// A figure in the prose is a marked span with an id.
const FIGURE_WEIGHT: usize = 20;
/// A standard table is a few hundred cells, some flagged.
const TABLE_WEIGHT: usize = 3_000;
/// A chart beside the text is its figure, tools and a data table of a row per year.
const CHART_WEIGHT: usize = 1_000;

/// What drawing `section` (with its subsections, tables, figures and the charts beside it,
/// as `section_charts` places them) roughly costs.
pub fn section_weight(
    report: &Report,
    charts: &[(String, Vec<ChartPlan>)],
    section: &Section,
) -> usize {
    let mut ids = Vec::new();
    let mut text = 0;
    let mut stack = vec![section];
    while let Some(s) = stack.pop() {
        ids.push(s.id.as_str());
        text += s.heading.chars().count();
        text += s
            .paragraphs
            .iter()
            .map(|p| p.chars().count())
            .sum::<usize>();
        stack.extend(s.children.iter());
    }
    let figures = report
        .figures
        .iter()
        .filter(|f| ids.contains(&f.section.as_str()))
        .count();
    let tables = &report.tables;
    let table_sections = [
        tables.proactive.as_ref().map(|t| t.section.as_str()),
        tables.applications.as_ref().map(|t| t.section.as_str()),
        tables.reviews.as_ref().map(|t| t.section.as_str()),
        tables.statistics.as_ref().map(|t| t.section.as_str()),
    ];
    let tables = table_sections
        .iter()
        .flatten()
        .filter(|id| ids.contains(id))
        .count();
    let charts: usize = charts
        .iter()
        .filter(|(id, _)| ids.contains(&id.as_str()))
        .map(|(_, plans)| plans.len())
        .sum();
    text + figures * FIGURE_WEIGHT + tables * TABLE_WEIGHT + charts * CHART_WEIGHT
}

/// Cuts items of the given weights into runs of about `budget` each, in order: returns the
/// end (exclusive) of each run. A run holds at least one item, so an item heavier than the
/// budget is a run of its own; the last end is `weights.len()`.
pub fn runs(weights: &[usize], budget: usize) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut in_run = 0;
    for (i, &weight) in weights.iter().enumerate() {
        if in_run > 0 && in_run + weight > budget {
            ends.push(i);
            in_run = 0;
        }
        in_run += weight;
    }
    if !weights.is_empty() {
        ends.push(weights.len());
    }
    ends
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_fill_up_to_the_budget_and_keep_heavy_items_alone() {
        assert_eq!(runs(&[], 10), Vec::<usize>::new());
        assert_eq!(runs(&[3, 3, 3, 3], 10), vec![3, 4]);
        assert_eq!(runs(&[3, 30, 3], 10), vec![1, 2, 3]);
        assert_eq!(runs(&[30], 10), vec![1]);
        assert_eq!(runs(&[10, 10], 10), vec![1, 2]);
    }

    #[test]
    fn every_item_is_in_exactly_one_run() {
        let weights: Vec<usize> = (0..500).map(|i| (i * 7919) % 1_000).collect();
        let ends = runs(&weights, 2_500);
        assert_eq!(ends.last(), Some(&weights.len()));
        assert!(ends.windows(2).all(|w| w[0] < w[1]));
        let mut start = 0;
        for &end in &ends {
            let run: usize = weights[start..end].iter().sum();
            assert!(
                end - start == 1 || run <= 2_500,
                "run {start}..{end} weighs {run}"
            );
            start = end;
        }
    }
}
