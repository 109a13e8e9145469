//! The whole catalog at a glance: per year, totals over every body whose figure is comparable,
//! each naming the bodies it covers; and the whole data set as one CSV (a row per body ×
//! year × indicator, with where each value stands).

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

/// One indicator's total for one year.
#[derive(Debug, Clone, PartialEq)]
pub struct Total {
    pub key: String,
    pub label: String,
    pub unit: String,
    pub year: u16,
    pub value: f64,
    /// The bodies (names) whose figures make the total.
    pub bodies: Vec<String>,
    /// Some figure in it is doubted by a failed check.
    pub flagged: bool,
}

/// Each agency: its name and its series.
pub type AgencySeries<'a> = (&'a str, &'a [Series]);

/// Totals of [`KEYS`] per year over the bodies whose point has a comparable value, oldest
/// year first, in the order of [`KEYS`] within a year.
pub fn totals(agencies: &[AgencySeries]) -> Vec<Total> {
    let mut out: Vec<Total> = Vec::new();
    for key in KEYS {
        for (name, series) in agencies {
            let Some(s) = series.iter().find(|s| s.key == key) else {
                continue;
            };
            for p in &s.points {
                let Some(value) = p.value.filter(|_| p.comparable) else {
                    continue;
                };
                match out.iter_mut().find(|t| t.key == key && t.year == p.year) {
                    Some(t) => {
                        t.value += value;
                        t.bodies.push(name.to_string());
                        t.flagged |= p.flagged;
                    }
                    None => out.push(Total {
                        key: key.to_string(),
                        label: s.label.clone(),
                        unit: s.unit.clone(),
                        year: p.year,
                        value,
                        bodies: vec![name.to_string()],
                        flagged: p.flagged,
                    }),
                }
            }
        }
    }
    out.sort_by_key(|t| (t.year, KEYS.iter().position(|k| *k == t.key)));
    out
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

/// Every value of every agency's series, one CRLF line per body × year × indicator with a
/// value, with its source cell or sentence.
pub fn csv(agencies: &[(&str, &str, &[Series])]) -> String {
    let mut out = CSV_HEADER.join(",");
    out.push_str("\r\n");
    for (id, name, series) in agencies {
        for s in series.iter() {
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
        let text = csv(&[("a", "甲", &a), ("b", "乙", &b)]);
        assert_eq!(text.lines().count(), 4, "header and three values");
        assert!(
            text.contains("\r\n甲,a,2020,requests.new,本年新收政府信息公开申请,3,件,,是,,,,,\r\n")
        );
    }
}
