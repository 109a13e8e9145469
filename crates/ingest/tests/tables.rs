//! Table values against corpus/pingtan/expected-tables.md, the 2020 inconsistency flag, and
//! table 2 / old statistics values read from the HTML pages.

mod common;

use nianbao_model::tables::APPLICATION_ROWS;
use nianbao_model::{Report, ReportFormat};

struct Expected {
    year: u16,
    rows: Vec<(String, Vec<i64>)>,
    reviews: Vec<i64>,
}

fn expected() -> Vec<Expected> {
    let text = std::fs::read_to_string(common::corpus().join("pingtan/expected-tables.md"))
        .expect("expected-tables.md");
    let mut out: Vec<Expected> = Vec::new();
    for line in text.lines() {
        if let Some(year) = line.strip_prefix("## ") {
            out.push(Expected {
                year: year.trim().parse().expect("year heading"),
                rows: Vec::new(),
                reviews: Vec::new(),
            });
            continue;
        }
        let Some(current) = out.last_mut() else {
            continue;
        };
        if line.starts_with("| ") && !line.starts_with("| 行 ") {
            let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
            if cells.len() == 8 {
                if let Ok(values) = cells[1..].iter().map(|c| c.parse::<i64>()).collect() {
                    current.rows.push((cells[0].to_string(), values));
                }
            }
        }
        if let Some(at) = line.find("复议后起诉 ×5): ") {
            current.reviews = line[at + "复议后起诉 ×5): ".len()..]
                .split(|c: char| c == '|' || c.is_whitespace())
                .filter(|s| !s.is_empty())
                .map(|s| s.parse().expect("review value"))
                .collect();
        }
    }
    out
}

fn check_against(report: &Report, exp: &Expected, what: &str) {
    let table = report
        .tables
        .applications
        .as_ref()
        .unwrap_or_else(|| panic!("{what}: no table 3"));
    assert_eq!(table.rows.len(), exp.rows.len(), "{what}: row count");
    for (row, (label, values)) in table.rows.iter().zip(&exp.rows) {
        let want: Vec<Option<i64>> = values.iter().copied().map(Some).collect();
        assert_eq!(row.values, want, "{what}: row {label} ({})", row.key);
        assert!(row.recovery.recovered, "{what}: {label}");
        // Keys follow the template's order and the printed label is kept.
        assert!(APPLICATION_ROWS.iter().any(|(k, _, _)| *k == row.key));
        let bare = |s: &str| {
            s.chars()
                .filter(|c| !c.is_ascii_punctuation())
                .collect::<String>()
        };
        assert_eq!(bare(&row.label), bare(label), "{what}: label");
    }
    let reviews = report.tables.reviews.as_ref().expect("table 4");
    let want: Vec<Option<i64>> = exp.reviews.iter().copied().map(Some).collect();
    assert_eq!(reviews.values, want, "{what}: table 4");
    assert_eq!(reviews.section, "s4", "{what}");
    assert_eq!(table.section, "s3", "{what}");
}

#[test]
fn tables_3_and_4_equal_expected_tables_md() {
    let all = expected();
    assert_eq!(
        all.iter().map(|e| e.year).collect::<Vec<_>>(),
        (2019..=2025).collect::<Vec<_>>()
    );
    for exp in &all {
        assert_eq!(exp.reviews.len(), 15);
        let file = format!("pingtan/{}.txt", exp.year);
        check_against(&common::ingest(&file), exp, &file);
        if exp.year == 2024 {
            check_against(
                &common::ingest("pingtan/2024.html"),
                exp,
                "pingtan/2024.html",
            );
        }
    }
}

#[test]
fn formats_are_detected() {
    let format = |f: &str| common::ingest(f).format;
    assert_eq!(format("shenyang-fgw/2017.txt"), ReportFormat::OldFree);
    assert_eq!(format("pingtan/2015.html"), ReportFormat::OldFree);
    assert_eq!(format("pingtan/2018.txt"), ReportFormat::OldFree);
    assert_eq!(format("pingtan/2019.txt"), ReportFormat::Template2019);
    assert_eq!(format("pingtan/2020.txt"), ReportFormat::Template2019);
    assert_eq!(format("pingtan/2021.txt"), ReportFormat::Template2021);
    assert_eq!(format("pingtan/2024.html"), ReportFormat::Template2021);
}

#[test]
fn pingtan_2020_inconsistency_is_flagged_not_corrected() {
    let report = common::ingest("pingtan/2020.txt");
    let failed: Vec<_> = report.failed_checks().collect();
    assert!(!failed.is_empty());
    let total = failed
        .iter()
        .find(|c| c.rule == "applications.results_sum" && c.column == "总计")
        .expect("总计 column flagged");
    assert_eq!((total.left, total.right), (21, 27));
    let person = failed
        .iter()
        .find(|c| c.rule == "applications.results_sum" && c.column == "自然人")
        .expect("自然人 column flagged");
    assert_eq!((person.left, person.right), (20, 26));
    // The published figure stays as published.
    let t = report.tables.applications.as_ref().expect("table 3");
    assert_eq!(t.row("results_total").expect("row").values[6], Some(21));
    // Every other year of the template passes every check.
    for year in [2019, 2021, 2022, 2023, 2025] {
        let r = common::ingest(&format!("pingtan/{year}.txt"));
        assert!(
            r.failed_checks().next().is_none(),
            "{year}: {:?}",
            r.failed_checks().collect::<Vec<_>>()
        );
        assert!(r.checks.iter().any(|c| c.rule == "applications.balance"));
        assert!(r.checks.iter().any(|c| c.rule == "reviews.group_total"));
    }
}

#[test]
fn ambiguous_splits_keep_the_raw_text() {
    // 2019 "规范性文件898989": 89 | 89 | 89 is one of many splits; nothing decides.
    let report = common::ingest("pingtan/2019.txt");
    let proactive = report.tables.proactive.as_ref().expect("table 2");
    assert_eq!(proactive.section, "s2");
    let row = proactive
        .blocks
        .iter()
        .flat_map(|b| &b.rows)
        .find(|r| r.label == "规范性文件")
        .expect("row");
    assert!(!row.recovery.recovered);
    assert_eq!(row.recovery.raw.as_deref(), Some("898989"));
    assert!(row.values.iter().all(Option::is_none));
    assert!(row
        .recovery
        .note
        .as_deref()
        .is_some_and(|n| n.contains("898989")));
    // A unique split is kept: 规章 000 is 0 | 0 | 0.
    let rule = proactive.blocks[0]
        .rows
        .iter()
        .find(|r| r.label == "规章")
        .expect("规章");
    assert!(rule.recovery.recovered);
    assert!(rule
        .values
        .iter()
        .all(|v| v.as_ref().is_some_and(|a| a.value.as_i64() == Some(0))));
}

#[test]
fn table_2_from_html_keeps_labels_and_units() {
    let report = common::ingest("pingtan/2024.html");
    let p = report.tables.proactive.as_ref().expect("table 2");
    assert_eq!(p.blocks.len(), 4);
    assert_eq!(p.blocks[0].item, "第二十条第（一）项");
    assert_eq!(
        p.blocks[0].columns,
        ["本年制发件数", "本年废止件数", "现行有效件数"]
    );
    let docs = &p.blocks[0].rows[1];
    assert_eq!(docs.label, "行政规范性文件");
    let values: Vec<String> = docs
        .values
        .iter()
        .map(|v| v.as_ref().expect("value").value.to_string())
        .collect();
    assert_eq!(values, ["62", "33", "440"]);
    let fee = &p.blocks[3].rows[0];
    assert_eq!(fee.label, "行政事业性收费");
    let amount = fee.values[0].as_ref().expect("amount");
    assert_eq!(amount.value.to_string(), "18651.06");
    assert_eq!(amount.unit.as_deref(), Some("万元"));
}

#[test]
fn old_statistics_table_from_html() {
    let report = common::ingest("pingtan/2015.html");
    let s = report.tables.statistics.as_ref().expect("statistics table");
    assert_eq!(s.section, "s7");
    assert_eq!(s.columns, ["2015年度", "历年累计"]);
    let first = &s.rows[0];
    assert_eq!(
        (first.label.as_str(), first.unit.as_str()),
        ("主动公开文件数", "条")
    );
    let v: Vec<String> = first
        .values
        .iter()
        .map(|v| v.as_ref().expect("v").to_string())
        .collect();
    assert_eq!(v, ["2949", "81916"]);
    assert_eq!(s.rows.len(), 16);
    assert_eq!(s.rows[12].unit, "元");
}
