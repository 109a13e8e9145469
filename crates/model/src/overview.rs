//! The whole catalog at a glance: per year, totals over every body whose figure is comparable,
//! each naming the bodies it covers; and the whole data set as one CSV (a row per body ×
//! year × indicator, with where each value stands).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::address::CellAddress;
use crate::format::csv_field;
use crate::series::{Series, Source};

/// The indicators the overview adds up: requests received, results by kind, reviews,
/// lawsuits (keys of the series registry).
pub const KEYS: [&str; 9] = [
    "requests.new",
    "requests.results.disclosed",
    "requests.results.partly_disclosed",
    "requests.results.withheld",
    "requests.results.unavailable",
    "requests.results.not_processed",
    "requests.results.other",
    "reviews.total",
    "lawsuits.total",
];

/// A total names at most this many bodies; beyond, it gives their number, and the data set's
/// CSV (its 可比 column) tells which bodies are in it. So the overview's file is bounded by the
/// years, not the bodies (about 15 KB at 10,000 bodies × 2 years), and its table stays readable.
pub const NAMED_BODIES: usize = 20;

/// One indicator's total for one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Total {
    pub key: String,
    pub label: String,
    pub unit: String,
    pub year: u16,
    pub value: f64,
    /// How many bodies' figures make the total.
    pub body_count: usize,
    /// The first [`NAMED_BODIES`] of them (names), in catalog order.
    pub bodies: Vec<String>,
    /// Some figure in it is doubted by a failed check.
    pub flagged: bool,
}

impl Total {
    /// Whether [`Total::bodies`] names every body of the total.
    pub fn names_all(&self) -> bool {
        self.bodies.len() == self.body_count
    }
}

/// The overview's file, `data/overview.json`: the totals, worked out by the ingest so that
/// neither the browser nor the pre-render reads every body's series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OverviewFile {
    pub schema_version: u32,
    pub totals: Vec<Total>,
}

impl OverviewFile {
    pub fn new(totals: Vec<Total>) -> OverviewFile {
        OverviewFile {
            schema_version: crate::SCHEMA_VERSION,
            totals,
        }
    }
}

/// Totals added up one body at a time, so that a data set of any size is summed holding one
/// body's series.
#[derive(Debug, Default)]
pub struct Totals {
    /// By (year, position in [`KEYS`]): the order the overview shows them in.
    by_year_key: BTreeMap<(u16, usize), Total>,
}

impl Totals {
    /// Adds the body's comparable values of [`KEYS`]; call in catalog order.
    pub fn add(&mut self, name: &str, series: &[Series]) {
        for (position, key) in KEYS.iter().enumerate() {
            let Some(s) = series.iter().find(|s| s.key == *key) else {
                continue;
            };
            for p in &s.points {
                let Some(value) = p.value.filter(|_| p.comparable) else {
                    continue;
                };
                let total = self
                    .by_year_key
                    .entry((p.year, position))
                    .or_insert_with(|| Total {
                        key: key.to_string(),
                        label: s.label.clone(),
                        unit: s.unit.clone(),
                        year: p.year,
                        value: 0.0,
                        body_count: 0,
                        bodies: Vec::new(),
                        flagged: false,
                    });
                total.value += value;
                total.body_count += 1;
                if total.bodies.len() < NAMED_BODIES {
                    total.bodies.push(name.to_string());
                }
                total.flagged |= p.flagged;
            }
        }
    }

    /// Oldest year first, in the order of [`KEYS`] within a year.
    pub fn finish(self) -> Vec<Total> {
        self.by_year_key.into_values().collect()
    }
}

/// Totals of [`KEYS`] per year over the bodies whose point has a comparable value, oldest
/// year first, in the order of [`KEYS`] within a year (the ingest adds them up a body at a
/// time with [`Totals`]).
#[cfg(test)]
fn totals(agencies: &[(&str, &[Series])]) -> Vec<Total> {
    let mut totals = Totals::default();
    for (name, series) in agencies {
        totals.add(name, series);
    }
    totals.finish()
}

/// Where a value stands, compactly, for machines (`applications:new_requests:6`,
/// `reviews:9`, `figure:s1-2:0:114`, `statistics:3:0`, `proactive:0:1:2`, `sum`).
pub fn locator(source: &Source) -> String {
    match source {
        Source::Cell { address, .. } => match address {
            CellAddress::Applications { row, column } => format!("applications:{row}:{column}"),
            CellAddress::Reviews(cell) => format!("reviews:{}", cell.index()),
            CellAddress::Proactive { block, row, column } => {
                format!("proactive:{block}:{row}:{column}")
            }
            CellAddress::Statistics { row, column } => format!("statistics:{row}:{column}"),
        },
        Source::Sum { .. } => "sum".into(),
        Source::Figure {
            section,
            paragraph,
            start,
            ..
        } => format!("figure:{section}:{paragraph}:{start}"),
    }
}

pub const CSV_HEADER: [&str; 14] = [
    "机关",
    "机关代码",
    "年度",
    "指标代码",
    "指标",
    "数值",
    "单位",
    "口径",
    "可比",
    "存疑",
    "约数",
    "本站合计",
    "出处",
    "出处位置",
];

fn yes(b: bool) -> String {
    if b { "是" } else { "" }.to_string()
}

/// The data set's CSV, `data/nianbao-data.csv`: every value of every agency's series, one
/// CRLF line per body × year × indicator with a value, with its source cell or sentence. It
/// starts with a byte-order mark, so that spreadsheet programs read the Chinese right (the
/// ingest writes it a body at a time: [`csv_header`], then [`csv_rows`]).
#[cfg(test)]
fn csv(agencies: &[(&str, &str, &[Series])]) -> String {
    let mut out = csv_header();
    for (id, name, series) in agencies {
        out.push_str(&csv_rows(id, name, series));
    }
    out
}

/// The CSV's first line, with the byte-order mark.
pub fn csv_header() -> String {
    format!("\u{FEFF}{}\r\n", CSV_HEADER.join(","))
}

/// One agency's lines of the CSV.
pub fn csv_rows(id: &str, name: &str, series: &[Series]) -> String {
    let mut out = String::new();
    for s in series {
        for p in &s.points {
            let Some(value) = p.value else { continue };
            let cells = [
                name.to_string(),
                id.to_string(),
                p.year.to_string(),
                s.key.clone(),
                s.label.clone(),
                value.to_string(),
                s.unit.clone(),
                p.basis.map(|b| b.label().to_string()).unwrap_or_default(),
                yes(p.comparable),
                yes(p.flagged),
                yes(p.approximate),
                yes(p.computed),
                p.source.as_ref().map(Source::describe).unwrap_or_default(),
                p.source.as_ref().map(locator).unwrap_or_default(),
            ];
            let cells: Vec<String> = cells.iter().map(|c| csv_field(c)).collect();
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::series::Point;

    fn series(key: &str, agency: &str, points: &[(u16, Option<f64>, bool)]) -> Series {
        Series {
            key: key.into(),
            agency: agency.into(),
            label: "本年新收政府信息公开申请".into(),
            unit: "件".into(),
            points: points
                .iter()
                .map(|&(year, value, comparable)| Point {
                    year,
                    value,
                    approximate: false,
                    computed: false,
                    flagged: false,
                    comparable,
                    basis: None,
                    format: None,
                    report: None,
                    source: None,
                    notes: vec![],
                })
                .collect(),
        }
    }

    #[test]
    fn totals_list_the_bodies_they_cover() {
        let a = [series(
            "requests.new",
            "a",
            &[(2020, Some(3.0), true), (2021, None, true)],
        )];
        let b = [series(
            "requests.new",
            "b",
            &[(2020, Some(4.0), true), (2021, Some(1.0), false)],
        )];
        let t = totals(&[("甲", &a), ("乙", &b)]);
        assert_eq!(t.len(), 1, "2021: one gap, one not comparable");
        assert_eq!(t[0].value, 7.0);
        assert_eq!(t[0].bodies, ["甲", "乙"]);
        assert_eq!(t[0].body_count, 2);
        assert!(t[0].names_all());
        let text = csv(&[("a", "甲", &a), ("b", "乙", &b)]);
        assert!(
            text.starts_with("\u{FEFF}机关,机关代码,"),
            "a byte-order mark, then the header"
        );
        assert_eq!(text.lines().count(), 4, "header and three values");
        assert!(
            text.contains("\r\n甲,a,2020,requests.new,本年新收政府信息公开申请,3,件,,是,,,,,\r\n")
        );
    }

    #[test]
    fn a_total_of_many_bodies_counts_them_all_and_names_the_first() {
        let bodies: Vec<(String, Vec<Series>)> = (0..NAMED_BODIES + 5)
            .map(|i| {
                let name = format!("机关{i}");
                let s = series("requests.new", &name, &[(2020, Some(1.0), true)]);
                (name, vec![s])
            })
            .collect();
        let named: Vec<(&str, &[Series])> = bodies
            .iter()
            .map(|(n, s)| (n.as_str(), s.as_slice()))
            .collect();
        let t = totals(&named);
        assert_eq!(t[0].value, (NAMED_BODIES + 5) as f64);
        assert_eq!(t[0].body_count, NAMED_BODIES + 5);
        assert_eq!(t[0].bodies.len(), NAMED_BODIES);
        assert_eq!(t[0].bodies[0], "机关0");
        assert!(!t[0].names_all());
    }

    #[test]
    fn totals_come_oldest_year_first_in_key_order() {
        let a = [
            series(
                "reviews.total",
                "a",
                &[(2021, Some(1.0), true), (2020, Some(2.0), true)],
            ),
            series("requests.new", "a", &[(2021, Some(3.0), true)]),
        ];
        let t = totals(&[("甲", &a)]);
        let order: Vec<(u16, &str)> = t.iter().map(|t| (t.year, t.key.as_str())).collect();
        assert_eq!(
            order,
            [
                (2020, "reviews.total"),
                (2021, "requests.new"),
                (2021, "reviews.total")
            ]
        );
    }
}
