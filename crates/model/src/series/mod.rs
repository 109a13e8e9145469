//! Indicator series: one agency's figures for one indicator across its reports, year by year.
//!
//! Every point says where its number stands in which report, whether it is a number the
//! report prints or one the portal adds up from printed sub-rows, whether a failed
//! consistency check concerns it, and whether it is strictly comparable with the rest of the
//! series. A year whose report does not give the figure is a gap (`value: None`), never 0.
//!
//! Where a figure comes from, in order of preference:
//! 1. the standard template's tables (table 3 and 4 of both templates; table 2 of the 2021
//!    template — the 2019 trial table 2 has other columns and counts as another basis);
//! 2. the old format's 政府信息公开情况统计表 (its 本年度 column);
//! 3. a figure in the prose that the ingest tied to an indicator key.
//!
//! A series' reference basis is the basis of its latest figure; figures on another basis (the
//! old statistics table beside the template's table 3, a prose figure of an old-format report
//! beside one of a template report …) are marked `comparable: false`, with a note saying why.

mod extract;
mod registry;
mod types;

pub use extract::{agency_series, series, stated_twice, StatedTwice};
pub use registry::*;
pub use types::*;

/// A chart of an agency page resolved to its series keys: a [`CHARTS`] entry, or one series.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartPlan {
    pub key: String,
    pub title: String,
    pub series: Vec<String>,
}

impl ChartPlan {
    /// The series this chart plots, in the plan's order, out of an agency's series.
    pub fn pick<'a>(&'a self, all: &'a [Series]) -> impl Iterator<Item = &'a Series> + 'a {
        self.series
            .iter()
            .filter_map(|key| all.iter().find(|s| &s.key == key))
    }
}

/// What `key` charts: a chart key of [`CHARTS`] or a series key of [`SERIES`].
pub fn chart_plan(key: &str) -> Option<ChartPlan> {
    if let Some(chart) = CHARTS.iter().find(|c| c.key == key) {
        return Some(ChartPlan {
            key: chart.key.into(),
            title: chart.title.into(),
            series: chart.series.iter().map(|s| s.to_string()).collect(),
        });
    }
    series_def(key).map(|def| ChartPlan {
        key: def.key.into(),
        title: def.label.into(),
        series: vec![def.key.into()],
    })
}

/// The charts of an agency page: every series on its own except those a [`CHARTS`] entry
/// groups (that chart stands where its first series would). Charts with no figure at all are
/// left out.
pub fn agency_charts(all: &[Series]) -> Vec<ChartPlan> {
    let has = |key: &str| all.iter().any(|s| s.key == key && s.has_values());
    let mut out: Vec<ChartPlan> = Vec::new();
    for def in SERIES {
        let plan = match CHARTS.iter().find(|c| c.series.contains(&def.key)) {
            Some(chart) => (out.iter().all(|p| p.key != chart.key)
                && chart.series.iter().any(|k| has(k)))
            .then(|| chart_plan(chart.key))
            .flatten(),
            None => has(def.key).then(|| chart_plan(def.key)).flatten(),
        };
        out.extend(plan);
    }
    out
}
