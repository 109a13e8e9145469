//! The `/checks` table: one row per report of the catalog with its check-up, sorting,
//! filtering and the CSV download, all from the same typed rows.

use crate::catalog::AgencyEntry;
use crate::checkup::{BodyKind, Finding};
use crate::format::csv_field;
use crate::report::ReportFormat;

/// One report's check-up as the table shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckRow {
    pub agency_id: String,
    pub agency: String,
    pub kind: Option<BodyKind>,
    pub year: u16,
    pub format: ReportFormat,
    pub published: Option<String>,
    pub due: Option<String>,
    /// Days late, 0 when on time; `None` when it cannot be said.
    pub days_late: Option<i64>,
    pub sections_missing: usize,
    pub tables_missing: usize,
    pub checks_failed: usize,
    pub findings: Vec<Finding>,
}

/// Every report of `agencies` that has a check-up, in their order.
pub fn rows(agencies: &[AgencyEntry]) -> Vec<CheckRow> {
    let mut out = Vec::new();
    for agency in agencies {
        for report in &agency.reports {
            let Some(c) = &report.checkup else { continue };
            out.push(CheckRow {
                agency_id: agency.agency.id.clone(),
                agency: agency.agency.name.clone(),
                kind: agency.agency.kind,
                year: report.year,
                format: report.format,
                published: report.published.clone(),
                due: c.timeliness.due.clone(),
                days_late: c.timeliness.days_late(),
                sections_missing: c.completeness.missing_sections.len(),
                tables_missing: c.completeness.missing_tables.len(),
                checks_failed: c.checks_failed(),
                findings: c.findings.clone(),
            });
        }
    }
    out
}

/// A column one can sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Agency,
    Year,
    Published,
    DaysLate,
    SectionsMissing,
    TablesMissing,
    ChecksFailed,
}

/// Sorts `rows` by `key` (ties by agency, then year), descending if asked.
pub fn sort(rows: &mut [CheckRow], key: SortKey, descending: bool) {
    rows.sort_by(|a, b| {
        let primary = match key {
            SortKey::Agency => a.agency.cmp(&b.agency),
            SortKey::Year => a.year.cmp(&b.year),
            SortKey::Published => a.published.cmp(&b.published),
            SortKey::DaysLate => a.days_late.cmp(&b.days_late),
            SortKey::SectionsMissing => a.sections_missing.cmp(&b.sections_missing),
            SortKey::TablesMissing => a.tables_missing.cmp(&b.tables_missing),
            SortKey::ChecksFailed => a.checks_failed.cmp(&b.checks_failed),
        };
        let primary = if descending {
            primary.reverse()
        } else {
            primary
        };
        primary
            .then_with(|| a.agency.cmp(&b.agency))
            .then_with(|| a.year.cmp(&b.year))
    });
}

/// Which rows to keep.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Text the body's name or the year must contain.
    pub text: String,
    /// Only reports with at least one finding.
    pub with_findings: bool,
}

impl Filter {
    pub fn keeps(&self, row: &CheckRow) -> bool {
        let text = self.text.trim();
        (text.is_empty() || row.agency.contains(text) || row.year.to_string().contains(text))
            && (!self.with_findings || !row.findings.is_empty())
    }
}

/// The CSV's columns.
pub const CSV_HEADER: [&str; 12] = [
    "机关",
    "机关代码",
    "机关类别",
    "年度",
    "报告格式",
    "发布日期",
    "法定期限",
    "逾期天数",
    "缺少部分",
    "缺少表格",
    "数字不一致",
    "发现",
];

/// The rows as CSV, lines ended by CRLF (blank where a value cannot be said); the findings joined by ` | `.
pub fn csv(rows: &[CheckRow]) -> String {
    let mut out = CSV_HEADER.join(",");
    out.push_str("\r\n");
    for r in rows {
        let findings: Vec<&str> = r.findings.iter().map(|f| f.text.as_str()).collect();
        let cells = [
            r.agency.clone(),
            r.agency_id.clone(),
            r.kind.map(|k| k.label().to_string()).unwrap_or_default(),
            r.year.to_string(),
            r.format.label().to_string(),
            r.published.clone().unwrap_or_default(),
            r.due.clone().unwrap_or_default(),
            r.days_late.map(|d| d.to_string()).unwrap_or_default(),
            r.sections_missing.to_string(),
            r.tables_missing.to_string(),
            r.checks_failed.to_string(),
            findings.join(" | "),
        ];
        let cells: Vec<String> = cells.iter().map(|c| csv_field(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A minimal CSV reader (quoted fields, doubled quotes), for tests that read CSV back.
    pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let (mut row, mut cell, mut quoted) = (Vec::new(), String::new(), false);
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => {
                    cell.push('"');
                    chars.next();
                }
                ('"', _) => quoted = !quoted,
                (',', false) => row.push(std::mem::take(&mut cell)),
                ('\n', false) => {
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                ('\r', false) => {}
                (c, _) => cell.push(c),
            }
        }
        rows
    }

    #[test]
    fn csv_round_trips() {
        let rows = vec![CheckRow {
            agency_id: "x".into(),
            agency: "某局".into(),
            kind: Some(BodyKind::Department),
            year: 2020,
            format: ReportFormat::Template2019,
            published: Some("2021-02-03".into()),
            due: Some("2021-01-31".into()),
            days_late: Some(3),
            sections_missing: 0,
            tables_missing: 1,
            checks_failed: 2,
            findings: vec![Finding {
                rule: crate::CheckupRule::Tables,
                check: None,
                text: "未见“表四”, 见\"原文\"".into(),
                places: vec![],
            }],
        }];
        let parsed = parse_csv(&csv(&rows));
        assert_eq!(parsed[0], CSV_HEADER);
        assert_eq!(parsed[1][7], "3");
        assert_eq!(parsed[1][11], "未见“表四”, 见\"原文\"");
        assert_eq!(parsed.len(), 2);
    }

    #[test]
    fn sorts_and_filters() {
        let row = |agency: &str, year, late| CheckRow {
            agency_id: agency.into(),
            agency: agency.into(),
            kind: None,
            year,
            format: ReportFormat::OldFree,
            published: None,
            due: None,
            days_late: late,
            sections_missing: 0,
            tables_missing: 0,
            checks_failed: 0,
            findings: vec![],
        };
        let mut rows = vec![
            row("乙", 2015, Some(3)),
            row("甲", 2016, None),
            row("甲", 2014, Some(9)),
        ];
        sort(&mut rows, SortKey::DaysLate, true);
        assert_eq!(
            rows.iter().map(|r| r.year).collect::<Vec<_>>(),
            [2014, 2015, 2016]
        );
        sort(&mut rows, SortKey::Year, false);
        assert_eq!(rows[0].year, 2014);
        let filter = Filter {
            text: "乙".into(),
            with_findings: false,
        };
        assert_eq!(rows.iter().filter(|r| filter.keeps(r)).count(), 1);
    }
}
