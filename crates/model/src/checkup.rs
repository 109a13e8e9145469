//! The check-up (体检) of one report: published on time, complete, and adding up. Computed
//! by the ingest when it builds the data set and stored in the report JSON and the catalog,
//! so that the portal only shows it. Every finding names its rule and where it stands; its
//! wording states the fact only.

use serde::{Deserialize, Serialize};

use crate::address::{CellAddress, TableKind};
use crate::format::chinese_date;
use crate::matching::{listed_parts, pair};
use crate::report::{Report, ReportFormat};
use crate::rule::Rule;
use crate::series::{stated_twice, Source};

/// Whether a body is a people's government (人民政府, at any level) or one of its departments
/// (部门): from report year 2019 their deadlines differ. Catalog metadata, not read from the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyKind {
    Government,
    Department,
    /// Neither (e.g. an organisation authorised by law): no deadline rule of its own.
    Other,
}

impl BodyKind {
    pub fn label(self) -> &'static str {
        match self {
            BodyKind::Government => "人民政府",
            BodyKind::Department => "部门",
            BodyKind::Other => "其他",
        }
    }
}

/// A check-up rule. The serde names are the stable ids the JSON carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CheckupRule {
    /// Published by the legal deadline (corpus/TEMPLATE.md §4).
    #[serde(rename = "timeliness.deadline")]
    Deadline,
    /// A template report has the template's six sections.
    #[serde(rename = "completeness.sections")]
    Sections,
    /// A template report has tables 2, 3 and 4.
    #[serde(rename = "completeness.tables")]
    Tables,
    /// An old report has the parts it says it consists of.
    #[serde(rename = "completeness.listed_parts")]
    ListedParts,
    /// A 勾稽 check of the tables fails (the check's own rule is in [`Finding::check`]).
    #[serde(rename = "consistency.tally")]
    Tally,
    /// A prose figure disagrees with the table cell of the same indicator.
    #[serde(rename = "consistency.prose_table")]
    ProseTable,
}

impl CheckupRule {
    /// The rule's stable id, as the JSON carries it (its serde name; tested to agree).
    pub fn id(self) -> &'static str {
        match self {
            CheckupRule::Deadline => "timeliness.deadline",
            CheckupRule::Sections => "completeness.sections",
            CheckupRule::Tables => "completeness.tables",
            CheckupRule::ListedParts => "completeness.listed_parts",
            CheckupRule::Tally => "consistency.tally",
            CheckupRule::ProseTable => "consistency.prose_table",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            CheckupRule::Deadline => "发布时限",
            CheckupRule::Sections => "模板章节",
            CheckupRule::Tables => "模板表格",
            CheckupRule::ListedParts => "报告所列组成部分",
            CheckupRule::Tally => "表格勾稽关系",
            CheckupRule::ProseTable => "正文与表格数字",
        }
    }
}

/// Where a finding stands in the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "at", rename_all = "snake_case")]
pub enum Place {
    /// The report as a whole (its header: publication date).
    Report,
    Section {
        section: String,
    },
    Table {
        section: String,
        table: TableKind,
    },
    Cell {
        section: String,
        cell: CellAddress,
    },
    Figure {
        section: String,
        paragraph: usize,
        start: usize,
    },
}

/// One thing the check-up found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub rule: CheckupRule,
    /// For [`CheckupRule::Tally`]: the table rule that fails.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<Rule>,
    /// The fact, in Chinese.
    pub text: String,
    /// Where it stands (first the place the reader should open).
    pub places: Vec<Place>,
}

/// The publication date against the deadline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timeliness {
    /// The date compared: the publication date printed on the page (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// The last day allowed, `None` where the body's kind is not known.
    pub due: Option<String>,
    /// Days from the due date to the date used (positive: late).
    pub days_after_due: Option<i64>,
    /// The rule applied, in Chinese.
    pub basis: String,
}

impl Timeliness {
    /// Days late, 0 when on time; `None` when it cannot be said.
    pub fn days_late(&self) -> Option<i64> {
        self.days_after_due.map(|d| d.max(0))
    }
}

/// What the completeness rule compared against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Expected {
    /// The template's six sections and tables 2, 3, 4.
    Template,
    /// The parts the report lists ("本报告由…组成").
    Listed,
    /// An old report that lists no parts: nothing to compare against.
    Unlisted,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Completeness {
    pub expected: Expected,
    /// The section (or part) names expected, in order.
    pub parts: Vec<String>,
    pub missing_sections: Vec<String>,
    pub missing_tables: Vec<TableKind>,
}

/// The check-up of one report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Checkup {
    pub timeliness: Timeliness,
    pub completeness: Completeness,
    /// Everything found, in the order of the rules above.
    pub findings: Vec<Finding>,
}

/// The template's six sections (corpus/TEMPLATE.md §2).
pub const TEMPLATE_SECTIONS: [&str; 6] = [
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
];

const TEMPLATE_TABLES: [TableKind; 3] = [
    TableKind::Proactive,
    TableKind::Applications,
    TableKind::Reviews,
];

/// The table's name as a reader knows it.
pub fn table_name(table: TableKind) -> &'static str {
    match table {
        TableKind::Proactive => "表二（主动公开政府信息情况）",
        TableKind::Applications => "表三（收到和处理政府信息公开申请情况）",
        TableKind::Reviews => "表四（行政复议、行政诉讼情况）",
        TableKind::Statistics => "政府信息公开情况统计表",
    }
}

impl Checkup {
    /// Findings of the consistency rules.
    pub fn checks_failed(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| matches!(f.rule, CheckupRule::Tally | CheckupRule::ProseTable))
            .count()
    }

    /// The one line a report page shows under its title.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        let t = &self.timeliness;
        parts.push(match (t.days_after_due, &t.due) {
            (Some(d), _) if d > 0 => format!("发布日期晚于法定期限 {d} 天"),
            (Some(_), _) => "在法定期限内发布".to_string(),
            (None, None) => "法定期限无法确定".to_string(),
            (None, Some(_)) => "未载明发布日期".to_string(),
        });
        let c = &self.completeness;
        parts.push(match c.expected {
            Expected::Unlisted => "报告未列明组成部分".to_string(),
            _ if c.missing_sections.is_empty() && c.missing_tables.is_empty() => {
                "内容齐全".to_string()
            }
            _ => {
                let mut missing = Vec::new();
                if !c.missing_sections.is_empty() {
                    missing.push(format!("缺少 {} 个部分", c.missing_sections.len()));
                }
                if !c.missing_tables.is_empty() {
                    missing.push(format!("缺少 {} 张表格", c.missing_tables.len()));
                }
                missing.join("、")
            }
        });
        parts.push(match self.checks_failed() {
            0 => "数字核对未见不一致".to_string(),
            n => format!("{n} 处数字不一致"),
        });
        parts.join("；")
    }
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian).
pub fn day_number(iso: &str) -> Option<i64> {
    let mut it = iso.get(..10)?.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (it.next()??, it.next()??, it.next()??);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The last day a report for `year` may be published (TEMPLATE.md §4): 31 March of the next
/// year up to report year 2018; from 2019, 31 January for departments and 31 March for
/// governments. `None` from 2019 where the kind is not known.
pub fn deadline(year: u16, kind: Option<BodyKind>) -> Option<(String, String)> {
    let next = year + 1;
    if year <= 2018 {
        return Some((
            format!("{next}-03-31"),
            "报告年度2018年及以前：次年3月31日前发布".into(),
        ));
    }
    match kind? {
        BodyKind::Other => None,
        BodyKind::Department => Some((
            format!("{next}-01-31"),
            "报告年度2019年起，部门：次年1月31日前发布".into(),
        )),
        BodyKind::Government => Some((
            format!("{next}-03-31"),
            "报告年度2019年起，人民政府：次年3月31日前发布".into(),
        )),
    }
}

/// The timeliness rule on a publication date.
pub fn timeliness(year: u16, kind: Option<BodyKind>, published: Option<&str>) -> Timeliness {
    let due = deadline(year, kind);
    let days_after_due = match (&due, published) {
        (Some((due, _)), Some(date)) => day_number(date).zip(day_number(due)).map(|(p, d)| p - d),
        _ => None,
    };
    Timeliness {
        date: published.map(str::to_string),
        basis: due
            .as_ref()
            .map(|(_, b)| b.clone())
            .unwrap_or_else(|| "机关类别（人民政府或部门）未知，无法确定法定期限".into()),
        due: due.map(|(d, _)| d),
        days_after_due,
    }
}

fn fmt_number(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Runs every rule on `report`; `kind` is the body's kind from the catalog.
pub fn check(report: &Report) -> Checkup {
    let timeliness = timeliness(report.year, report.agency.kind, report.published.as_deref());
    let mut findings = Vec::new();
    if let Some(days) = timeliness.days_after_due.filter(|d| *d > 0) {
        findings.push(Finding {
            rule: CheckupRule::Deadline,
            check: None,
            text: format!(
                "发布日期晚于法定期限 {days} 天（所用日期：页面所载发布日期{}；法定期限：{}）",
                chinese_date(timeliness.date.as_deref().unwrap_or_default()),
                chinese_date(timeliness.due.as_deref().unwrap_or_default()),
            ),
            places: vec![Place::Report],
        });
    }
    let completeness = completeness(report, &mut findings);
    consistency(report, &mut findings);
    Checkup {
        timeliness,
        completeness,
        findings,
    }
}

fn completeness(report: &Report, findings: &mut Vec<Finding>) -> Completeness {
    let headings: Vec<&str> = report.sections.iter().map(|s| s.heading.as_str()).collect();
    if report.format == ReportFormat::OldFree {
        let text = report.intro.join("");
        let Some(parts) = listed_parts(&text, &headings) else {
            return Completeness {
                expected: Expected::Unlisted,
                parts: Vec::new(),
                missing_sections: Vec::new(),
                missing_tables: Vec::new(),
            };
        };
        let names: Vec<&str> = parts.iter().map(String::as_str).collect();
        let missing = unmatched(&names, &headings);
        for name in &missing {
            findings.push(Finding {
                rule: CheckupRule::ListedParts,
                check: None,
                text: format!("报告开头列出的组成部分“{name}”在正文中没有对应的章节"),
                places: vec![Place::Section {
                    section: "intro".into(),
                }],
            });
        }
        return Completeness {
            expected: Expected::Listed,
            parts,
            missing_sections: missing,
            missing_tables: Vec::new(),
        };
    }
    let missing = unmatched(&TEMPLATE_SECTIONS, &headings);
    for name in &missing {
        findings.push(Finding {
            rule: CheckupRule::Sections,
            check: None,
            text: format!("未见模板规定的章节“{name}”"),
            places: vec![Place::Report],
        });
    }
    let t = &report.tables;
    let present = |k: TableKind| match k {
        TableKind::Proactive => t.proactive.is_some(),
        TableKind::Applications => t.applications.is_some(),
        TableKind::Reviews => t.reviews.is_some(),
        TableKind::Statistics => t.statistics.is_some(),
    };
    let missing_tables: Vec<TableKind> = TEMPLATE_TABLES
        .into_iter()
        .filter(|k| !present(*k))
        .collect();
    for table in &missing_tables {
        findings.push(Finding {
            rule: CheckupRule::Tables,
            check: None,
            text: format!("未见模板规定的{}", table_name(*table)),
            places: vec![Place::Report],
        });
    }
    Completeness {
        expected: Expected::Template,
        parts: TEMPLATE_SECTIONS.iter().map(|s| s.to_string()).collect(),
        missing_sections: missing,
        missing_tables,
    }
}

/// The names of `wanted` that no heading matches.
fn unmatched(wanted: &[&str], headings: &[&str]) -> Vec<String> {
    let pairs = pair(wanted, headings);
    wanted
        .iter()
        .enumerate()
        .filter(|(i, _)| pairs.iter().all(|(w, _)| w != i))
        .map(|(_, w)| w.to_string())
        .collect()
}

fn consistency(report: &Report, findings: &mut Vec<Finding>) {
    for c in report.failed_checks() {
        let table = c.rule.table();
        let section = match table {
            TableKind::Reviews => report.tables.reviews.as_ref().map(|t| t.section.clone()),
            _ => report
                .tables
                .applications
                .as_ref()
                .map(|t| t.section.clone()),
        }
        .unwrap_or_default();
        findings.push(Finding {
            rule: CheckupRule::Tally,
            check: Some(c.rule),
            text: format!(
                "{}“{}”{}：{} ≠ {}（{}）",
                table_name(table),
                c.column,
                c.row
                    .as_deref()
                    .map(|r| format!("（{r}）"))
                    .unwrap_or_default(),
                c.left,
                c.right,
                c.description
            ),
            places: vec![Place::Table { section, table }],
        });
    }
    for twice in stated_twice(report) {
        let (table_value, table_source) = &twice.table;
        let (prose_value, prose_source) = &twice.prose;
        // "N余件" is a floor: it disagrees only with a smaller table figure.
        let agrees = if twice.approximate {
            table_value >= prose_value
        } else {
            table_value == prose_value
        };
        if agrees {
            continue;
        }
        let mut places = Vec::new();
        if let Source::Figure {
            section,
            paragraph,
            start,
            ..
        } = prose_source
        {
            places.push(Place::Figure {
                section: section.clone(),
                paragraph: *paragraph,
                start: *start,
            });
        }
        if let Source::Cell {
            section, address, ..
        } = table_source
        {
            places.push(Place::Cell {
                section: section.clone(),
                cell: address.clone(),
            });
        }
        findings.push(Finding {
            rule: CheckupRule::ProseTable,
            check: None,
            text: format!(
                "{}：{}为 {}{}，{}为 {}{}",
                twice.label,
                prose_source.describe(),
                fmt_number(*prose_value),
                twice.unit,
                table_source.describe(),
                fmt_number(*table_value),
                twice.unit
            ),
            places,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2000-03-01"), Some(11_017));
        assert_eq!(
            day_number("2012-04-11").unwrap() - day_number("2012-03-31").unwrap(),
            11
        );
        assert_eq!(
            day_number("2024-03-01").unwrap() - day_number("2024-02-28").unwrap(),
            2
        );
        assert_eq!(day_number("2018-13-01"), None);
        assert_eq!(day_number("x"), None);
    }

    #[test]
    fn deadlines_follow_the_template() {
        // Up to 2018 everyone: 31 March.
        assert_eq!(
            deadline(2017, Some(BodyKind::Department)).unwrap().0,
            "2018-03-31"
        );
        assert_eq!(deadline(2018, None).unwrap().0, "2019-03-31");
        // From 2019 departments 31 January, governments 31 March.
        assert_eq!(
            deadline(2019, Some(BodyKind::Department)).unwrap().0,
            "2020-01-31"
        );
        assert_eq!(
            deadline(2024, Some(BodyKind::Government)).unwrap().0,
            "2025-03-31"
        );
        assert_eq!(deadline(2019, None), None);
    }

    #[test]
    fn the_2011_reports_of_pingtan_were_late() {
        // 平潭综合实验区 2011 (published 2012-04-11) and 平潭县人民政府 2011 (2012-04-18):
        // both governments, both against 31 March 2012.
        let zone = timeliness(2011, Some(BodyKind::Government), Some("2012-04-11"));
        assert_eq!(zone.due.as_deref(), Some("2012-03-31"));
        assert_eq!(zone.days_late(), Some(11));
        let county = timeliness(2011, Some(BodyKind::Government), Some("2012-04-18"));
        assert_eq!(county.days_late(), Some(18));
        // On the day itself is on time.
        let on_time = timeliness(2011, Some(BodyKind::Government), Some("2012-03-31"));
        assert_eq!(on_time.days_after_due, Some(0));
        assert_eq!(on_time.days_late(), Some(0));
        let unknown = timeliness(2011, None, None);
        assert_eq!(unknown.days_after_due, None);
    }

    #[test]
    fn rule_ids_are_stable() {
        let json = serde_json::to_string(&CheckupRule::ProseTable).unwrap();
        assert_eq!(json, "\"consistency.prose_table\"");
        for rule in [
            CheckupRule::Deadline,
            CheckupRule::Sections,
            CheckupRule::Tables,
            CheckupRule::ListedParts,
            CheckupRule::Tally,
            CheckupRule::ProseTable,
        ] {
            assert_eq!(serde_json::to_value(rule).unwrap(), rule.id(), "{rule:?}");
        }
        let place = Place::Figure {
            section: "s1".into(),
            paragraph: 0,
            start: 3,
        };
        assert_eq!(
            serde_json::to_string(&place).unwrap(),
            r#"{"at":"figure","section":"s1","paragraph":0,"start":3}"#
        );
    }
}
