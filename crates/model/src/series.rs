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

use serde::{Deserialize, Serialize};

use crate::report::{Check, Report, ReportFormat};
use crate::tables::{
    ApplicationsTable, ReviewsTable, StatisticsTable, APPLICANT_COLUMNS, APPLICANT_COLUMN_KEYS,
    APPLICATION_ROWS, REVIEW_GROUPS, REVIEW_RESULTS,
};

/// What kind of published place a figure comes from; figures on different bases are not
/// strictly comparable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// A cell of a standard template table (table 3, table 4, the 2021 table 2).
    Template,
    /// A cell of the 2019 trial template's table 2 (columns differ from the 2021 table).
    TrialTable2,
    /// A row of the old format's statistics table (its 本年度 column).
    OldStatistics,
    /// A figure stated in the prose of an old-format report.
    ProseOld,
    /// A figure stated in the prose of a template report.
    ProseTemplate,
}

impl Basis {
    /// Short Chinese label for the reader.
    pub fn label(self) -> &'static str {
        match self {
            Basis::Template => "标准表格",
            Basis::TrialTable2 => "2019年试行模板表格",
            Basis::OldStatistics => "旧版统计表",
            Basis::ProseOld => "旧版报告正文",
            Basis::ProseTemplate => "报告正文",
        }
    }
}

/// Where a point's number stands in its report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    /// One printed table cell.
    Cell {
        /// Id of the section the table stands in.
        section: String,
        /// The table's name, e.g. `表三（收到和处理政府信息公开申请情况）`.
        table: String,
        /// The row's label as printed.
        row: String,
        /// The column's label as printed.
        column: String,
    },
    /// Printed cells the portal adds up (the figure itself is not printed).
    Sum {
        section: String,
        table: String,
        /// The labels of the rows added up, as printed.
        rows: Vec<String>,
        column: String,
    },
    /// A figure in the prose.
    Figure {
        section: String,
        /// Index of the paragraph within the section.
        paragraph: usize,
        /// Character range of the figure's text within the paragraph.
        start: usize,
        end: usize,
        /// The figure's text as published.
        text: String,
    },
}

impl Source {
    /// Id of the section the number stands in (`intro` for the paragraphs before the first).
    pub fn section(&self) -> &str {
        match self {
            Source::Cell { section, .. }
            | Source::Sum { section, .. }
            | Source::Figure { section, .. } => section,
        }
    }

    /// Where the number stands, in Chinese, e.g. `表三“（一）予以公开”行“总计”列`.
    pub fn describe(&self) -> String {
        match self {
            Source::Cell {
                table, row, column, ..
            } => format!("{table}“{row}”行“{column}”列"),
            Source::Sum {
                table,
                rows,
                column,
                ..
            } => format!("{table}“{column}”列 {} 行之和", rows.len()),
            Source::Figure { text, .. } => format!("正文“{text}”"),
        }
    }
}

/// One year of a series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub year: u16,
    /// `None`: the report does not give this figure (or there is no report for the year).
    pub value: Option<f64>,
    /// The published number is a floor or estimate (余/多/近).
    pub approximate: bool,
    /// The portal added the number up from printed sub-rows; the report does not print it.
    pub computed: bool,
    /// A failed consistency check of the report concerns this number.
    pub flagged: bool,
    /// Strictly comparable with the series' reference basis (see the module docs).
    pub comparable: bool,
    pub basis: Option<Basis>,
    /// The report's format, where there is a report for the year.
    pub format: Option<ReportFormat>,
    /// The report's title, where there is a report for the year.
    pub report: Option<String>,
    pub source: Option<Source>,
    /// What the reader should know about this point (zh-CN): why it is a gap, flagged,
    /// computed or not comparable.
    pub notes: Vec<String>,
}

/// One indicator of one agency across the years of its reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// Stable key, see [`SERIES`].
    pub key: String,
    /// Id of the agency whose reports the series comes from.
    pub agency: String,
    /// Chinese label.
    pub label: String,
    pub unit: String,
    /// One point per year from the agency's first report year to its last, oldest first.
    pub points: Vec<Point>,
}

impl Series {
    /// Whether any year has a figure.
    pub fn has_values(&self) -> bool {
        self.points.iter().any(|p| p.value.is_some())
    }

    /// The points whose year lies in `from..=to` (either end open).
    pub fn narrowed(&self, from: Option<u16>, to: Option<u16>) -> Series {
        Series {
            points: self
                .points
                .iter()
                .filter(|p| from.is_none_or(|f| p.year >= f) && to.is_none_or(|t| p.year <= t))
                .cloned()
                .collect(),
            ..self.clone()
        }
    }
}

/// One series key: (key, Chinese label, unit, what it counts and where it comes from).
pub struct SeriesDef {
    pub key: &'static str,
    pub label: &'static str,
    pub unit: &'static str,
    pub doc: &'static str,
}

macro_rules! defs {
    ($(($key:literal, $label:literal, $unit:literal, $doc:literal)),* $(,)?) => {
        &[$(SeriesDef { key: $key, label: $label, unit: $unit, doc: $doc }),*]
    };
}

/// Every series key, in the order an agency page shows them. Keys are stable: links use them.
pub const SERIES: &[SeriesDef] = defs![
    ("requests.new", "本年新收政府信息公开申请", "件",
     "表三“一、本年新收”行“总计”列；旧版统计表“受理依申请公开总数”（口径不同）；正文中的收到申请数（requests.received）"),
    ("requests.new.natural_person", "本年新收申请·自然人", "件", "表三“一、本年新收”行“自然人”列"),
    ("requests.new.business", "本年新收申请·商业企业", "件", "表三“一、本年新收”行“商业企业”列"),
    ("requests.new.research", "本年新收申请·科研机构", "件", "表三“一、本年新收”行“科研机构”列"),
    ("requests.new.public_interest", "本年新收申请·社会公益组织", "件", "表三“一、本年新收”行“社会公益组织”列"),
    ("requests.new.legal_service", "本年新收申请·法律服务机构", "件", "表三“一、本年新收”行“法律服务机构”列"),
    ("requests.new.other_org", "本年新收申请·其他法人或组织", "件", "表三“一、本年新收”行“其他”列"),
    ("requests.carried_in", "上年结转申请", "件", "表三“二、上年结转”行“总计”列"),
    ("requests.results.disclosed", "予以公开", "件", "表三“（一）予以公开”行“总计”列；旧版统计表“同意公开答复数”（口径不同）"),
    ("requests.results.partly_disclosed", "部分公开", "件", "表三“（二）部分公开”行“总计”列；旧版统计表“同意部分公开答复数”（口径不同）"),
    ("requests.results.withheld", "不予公开", "件", "表三“（三）不予公开”8个子项“总计”列之和（本站合计，原表不单列）；旧版统计表“不予公开答复数”（口径不同）"),
    ("requests.results.unavailable", "无法提供", "件", "表三“（四）无法提供”3个子项“总计”列之和（本站合计）"),
    ("requests.results.not_processed", "不予处理", "件", "表三“（五）不予处理”5个子项“总计”列之和（本站合计）"),
    ("requests.results.other", "其他处理", "件", "2019年模板表三“（六）其他处理”行；2021年模板为其3个子项之和（本站合计）"),
    ("requests.results.total", "办理结果总计", "件", "表三“（七）总计”行“总计”列；旧版统计表“对申请的答复总数”（口径不同）"),
    ("requests.carried_out", "结转下年度继续办理", "件", "表三“四、结转下年度继续办理”行“总计”列"),
    ("reviews.total", "行政复议·总计", "件", "表四“行政复议”组“总计”；旧版统计表“行政复议数”（口径不同）"),
    ("reviews.upheld", "行政复议·结果维持", "件", "表四“行政复议”组“结果维持”"),
    ("reviews.corrected", "行政复议·结果纠正", "件", "表四“行政复议”组“结果纠正”"),
    ("reviews.other", "行政复议·其他结果", "件", "表四“行政复议”组“其他结果”"),
    ("reviews.pending", "行政复议·尚未审结", "件", "表四“行政复议”组“尚未审结”"),
    ("lawsuits.total", "行政诉讼·总计", "件", "表四两组行政诉讼“总计”之和（本站合计）；旧版统计表“行政诉讼数”（口径不同）"),
    ("lawsuits.direct.total", "未经复议直接起诉·总计", "件", "表四“未经复议直接起诉”组“总计”"),
    ("lawsuits.direct.upheld", "未经复议直接起诉·结果维持", "件", "表四“未经复议直接起诉”组“结果维持”"),
    ("lawsuits.direct.corrected", "未经复议直接起诉·结果纠正", "件", "表四“未经复议直接起诉”组“结果纠正”"),
    ("lawsuits.direct.other", "未经复议直接起诉·其他结果", "件", "表四“未经复议直接起诉”组“其他结果”"),
    ("lawsuits.direct.pending", "未经复议直接起诉·尚未审结", "件", "表四“未经复议直接起诉”组“尚未审结”"),
    ("lawsuits.after_review.total", "复议后起诉·总计", "件", "表四“复议后起诉”组“总计”"),
    ("lawsuits.after_review.upheld", "复议后起诉·结果维持", "件", "表四“复议后起诉”组“结果维持”"),
    ("lawsuits.after_review.corrected", "复议后起诉·结果纠正", "件", "表四“复议后起诉”组“结果纠正”"),
    ("lawsuits.after_review.other", "复议后起诉·其他结果", "件", "表四“复议后起诉”组“其他结果”"),
    ("lawsuits.after_review.pending", "复议后起诉·尚未审结", "件", "表四“复议后起诉”组“尚未审结”"),
    ("normative_docs.issued", "制发行政规范性文件", "件",
     "2021年模板表二第（一）项“行政规范性文件”行“本年制发件数”；2019年试行表二“规范性文件”行“本年新制作数量”（口径不同）；正文（normative_docs.issued）"),
    ("normative_docs.repealed", "废止行政规范性文件", "件", "2021年模板表二第（一）项“行政规范性文件”行“本年废止件数”"),
    ("normative_docs.in_force", "现行有效行政规范性文件", "件", "2021年模板表二第（一）项“行政规范性文件”行“现行有效件数”"),
    ("decisions.licensing", "行政许可处理决定", "件", "表二第（五）项“行政许可”行“处理决定数量”"),
    ("decisions.penalty", "行政处罚处理决定", "件", "表二第（六）项“行政处罚”行“处理决定数量”"),
    ("decisions.coercion", "行政强制处理决定", "件", "表二第（六）项“行政强制”行“处理决定数量”"),
    ("fees.collected", "行政事业性收费金额", "万元", "2021年模板表二第（八）项“行政事业性收费”行“本年收费金额”"),
    ("proactive.items", "主动公开政府信息", "条", "正文（proactive.items）；旧版统计表“主动公开文件数”"),
    ("requests.completion_rate", "依申请公开办结率", "%", "正文（requests.completion_rate）"),
    ("press_conferences", "新闻发布会", "次", "正文（press_conferences）"),
    ("policy_interpretations", "政策解读", "篇", "正文（policy_interpretations）"),
    ("complaints.answered", "答复投诉、咨询", "件", "正文（complaints.answered）"),
    ("weibo.posts", "政务微博发布信息", "条", "正文（weibo.posts）"),
    ("site.visits", "政府信息公开专栏访问量", "人次", "正文（site.visits）"),
    ("opinions.solicited", "民意征集", "期", "正文（opinions.solicited）"),
    ("online_interviews", "在线访谈", "期", "正文（online_interviews）"),
];

/// The definition of a series key.
pub fn series_def(key: &str) -> Option<&'static SeriesDef> {
    SERIES.iter().find(|d| d.key == key)
}

/// A chart of an agency page: several series that read together.
pub struct ChartDef {
    /// Stable key (the chart's own address); never equal to a series key.
    pub key: &'static str,
    pub title: &'static str,
    pub series: &'static [&'static str],
}

/// The charts of an agency page, in order. Series not in any of them get a chart of their own.
pub const CHARTS: &[ChartDef] = &[
    ChartDef {
        key: "requests.by_applicant",
        title: "本年新收申请（按申请人类型）",
        series: &[
            "requests.new.natural_person",
            "requests.new.business",
            "requests.new.research",
            "requests.new.public_interest",
            "requests.new.legal_service",
            "requests.new.other_org",
        ],
    },
    ChartDef {
        key: "requests.results",
        title: "申请的办理结果",
        series: &[
            "requests.results.disclosed",
            "requests.results.partly_disclosed",
            "requests.results.withheld",
            "requests.results.unavailable",
            "requests.results.not_processed",
            "requests.results.other",
        ],
    },
    ChartDef {
        key: "requests.flow",
        title: "申请的结转与办结",
        series: &[
            "requests.carried_in",
            "requests.results.total",
            "requests.carried_out",
        ],
    },
    ChartDef {
        key: "reviews",
        title: "行政复议及其结果",
        series: &[
            "reviews.total",
            "reviews.upheld",
            "reviews.corrected",
            "reviews.other",
            "reviews.pending",
        ],
    },
    ChartDef {
        key: "lawsuits",
        title: "行政诉讼",
        series: &[
            "lawsuits.total",
            "lawsuits.direct.total",
            "lawsuits.after_review.total",
        ],
    },
    ChartDef {
        key: "lawsuits.direct",
        title: "未经复议直接起诉的结果",
        series: &[
            "lawsuits.direct.upheld",
            "lawsuits.direct.corrected",
            "lawsuits.direct.other",
            "lawsuits.direct.pending",
        ],
    },
    ChartDef {
        key: "lawsuits.after_review",
        title: "复议后起诉的结果",
        series: &[
            "lawsuits.after_review.upheld",
            "lawsuits.after_review.corrected",
            "lawsuits.after_review.other",
            "lawsuits.after_review.pending",
        ],
    },
    ChartDef {
        key: "normative_docs",
        title: "行政规范性文件",
        series: &[
            "normative_docs.issued",
            "normative_docs.repealed",
            "normative_docs.in_force",
        ],
    },
    ChartDef {
        key: "decisions",
        title: "行政许可、处罚、强制处理决定",
        series: &[
            "decisions.licensing",
            "decisions.penalty",
            "decisions.coercion",
        ],
    },
];

/// A chart of an agency page resolved to its series keys: a [`CHARTS`] entry, or one series.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartPlan {
    pub key: String,
    pub title: String,
    pub series: Vec<String>,
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

/// Every series of one agency's reports (reports of other agencies are ignored if mixed in:
/// the first report's agency counts).
pub fn agency_series(reports: &[&crate::Report]) -> Vec<Series> {
    SERIES
        .iter()
        .filter_map(|def| series(reports, def.key))
        .collect()
}

/// One series across an agency's reports; `None` for an unknown key or no reports.
pub fn series(reports: &[&Report], key: &str) -> Option<Series> {
    let def = series_def(key)?;
    let agency = &reports.first()?.agency.id;
    let mut mine: Vec<&Report> = reports
        .iter()
        .copied()
        .filter(|r| &r.agency.id == agency)
        .collect();
    mine.sort_by_key(|r| r.year);
    let (first, last) = (mine.first()?.year, mine.last()?.year);
    let mut points: Vec<Point> = (first..=last)
        .map(|year| match mine.iter().find(|r| r.year == year) {
            Some(report) => point(report, def),
            None => Point {
                year,
                value: None,
                approximate: false,
                computed: false,
                flagged: false,
                comparable: true,
                basis: None,
                format: None,
                report: None,
                source: None,
                notes: vec!["本站未收录该年度报告".into()],
            },
        })
        .collect();
    // The reference basis is that of the latest figure.
    let reference = points
        .iter()
        .rev()
        .find(|p| p.value.is_some())
        .and_then(|p| p.basis);
    for p in &mut points {
        if let (Some(basis), Some(reference)) = (p.basis, reference) {
            if p.value.is_some() && basis != reference {
                p.comparable = false;
                p.notes.push(format!(
                    "出自{}，与出自{}的其他年度数字统计口径不同，不宜直接比较",
                    basis.label(),
                    reference.label()
                ));
            }
        }
    }
    Some(Series {
        key: def.key.into(),
        agency: agency.clone(),
        label: def.label.into(),
        unit: def.unit.into(),
        points,
    })
}

/// What one place of a report gives for a key.
struct Found {
    value: Option<f64>,
    approximate: bool,
    computed: bool,
    flagged: bool,
    basis: Basis,
    source: Source,
    notes: Vec<String>,
}

/// Where a key's figure may stand in a report, in order of preference.
enum Place {
    /// Table 3 row (key) in a column (index into [`APPLICANT_COLUMNS`]).
    AppRow(&'static str, usize),
    /// Table 3 rows added up (the template prints no total for them).
    AppSum(&'static [&'static str], usize),
    /// Table 3 row `other` where printed (2019), else its three sub-rows added up (2021).
    AppOther(usize),
    /// Table 4 value by index (group * 5 + result).
    Review(usize),
    /// Table 4 values added up.
    ReviewSum(&'static [usize]),
    /// Table 2 cell: block item contains, row label equals, column label contains; 2021 or
    /// trial template.
    Proactive {
        item: &'static str,
        row: &'static [&'static str],
        column: &'static str,
    },
    /// Old statistics table: the first row whose label contains all the needles.
    Stat(&'static [&'static str]),
    /// A prose figure with this indicator key.
    Prose(&'static str),
}

const WITHHELD: &[&str] = &[
    "withheld.state_secret",
    "withheld.prohibited",
    "withheld.security",
    "withheld.third_party",
    "withheld.internal",
    "withheld.process",
    "withheld.enforcement_file",
    "withheld.query",
];
const UNAVAILABLE: &[&str] = &[
    "unavailable.not_held",
    "unavailable.needs_creation",
    "unavailable.unclear",
];
const NOT_PROCESSED: &[&str] = &[
    "not_processed.petition",
    "not_processed.duplicate",
    "not_processed.publication",
    "not_processed.excessive",
    "not_processed.reconfirm",
];
const OTHER_SUBROWS: &[&str] = &["other.no_correction", "other.unpaid_fee", "other.other"];

/// Index of the 总计 column of table 3.
const TOTAL: usize = 6;

fn places(key: &str) -> Vec<Place> {
    use Place::*;
    let review = |group: usize, rest: &str| -> Option<usize> {
        let result = ["upheld", "corrected", "other", "pending", "total"]
            .iter()
            .position(|r| *r == rest)?;
        Some(group * 5 + result)
    };
    if let Some(rest) = key.strip_prefix("requests.new.") {
        if let Some(col) = APPLICANT_COLUMN_KEYS.iter().position(|k| *k == rest) {
            return vec![AppRow("new_requests", col)];
        }
    }
    if let Some(rest) = key.strip_prefix("reviews.") {
        let mut v: Vec<Place> = review(0, rest).map(Review).into_iter().collect();
        if rest == "total" {
            v.push(Stat(&["行政复议数"]));
        }
        return v;
    }
    if let Some(rest) = key.strip_prefix("lawsuits.direct.") {
        return review(1, rest).map(Review).into_iter().collect();
    }
    if let Some(rest) = key.strip_prefix("lawsuits.after_review.") {
        return review(2, rest).map(Review).into_iter().collect();
    }
    match key {
        "requests.new" => vec![
            AppRow("new_requests", TOTAL),
            Stat(&["受理", "申请", "总数"]),
            Prose("requests.received"),
        ],
        "requests.carried_in" => vec![AppRow("carried_in", TOTAL)],
        "requests.results.disclosed" => {
            vec![AppRow("disclosed", TOTAL), Stat(&["同意公开答复"])]
        }
        "requests.results.partly_disclosed" => vec![
            AppRow("partly_disclosed", TOTAL),
            Stat(&["同意部分公开答复"]),
        ],
        "requests.results.withheld" => {
            vec![AppSum(WITHHELD, TOTAL), Stat(&["不予公开答复"])]
        }
        "requests.results.unavailable" => vec![AppSum(UNAVAILABLE, TOTAL)],
        "requests.results.not_processed" => vec![AppSum(NOT_PROCESSED, TOTAL)],
        "requests.results.other" => vec![AppOther(TOTAL)],
        "requests.results.total" => {
            vec![AppRow("results_total", TOTAL), Stat(&["答复总数"])]
        }
        "requests.carried_out" => vec![AppRow("carried_out", TOTAL)],
        "lawsuits.total" => vec![ReviewSum(&[9, 14]), Stat(&["行政诉讼数"])],
        "normative_docs.issued" => vec![
            Proactive {
                item: "（一）",
                row: &["行政规范性文件", "规范性文件"],
                column: "本年制发",
            },
            Proactive {
                item: "（一）",
                row: &["行政规范性文件", "规范性文件"],
                column: "本年新制作",
            },
            Prose("normative_docs.issued"),
        ],
        "normative_docs.repealed" => vec![Proactive {
            item: "（一）",
            row: &["行政规范性文件"],
            column: "本年废止",
        }],
        "normative_docs.in_force" => vec![Proactive {
            item: "（一）",
            row: &["行政规范性文件"],
            column: "现行有效",
        }],
        "decisions.licensing" => vec![Proactive {
            item: "（五）",
            row: &["行政许可"],
            column: "处理决定",
        }],
        "decisions.penalty" => vec![Proactive {
            item: "（六）",
            row: &["行政处罚"],
            column: "处理决定",
        }],
        "decisions.coercion" => vec![Proactive {
            item: "（六）",
            row: &["行政强制"],
            column: "处理决定",
        }],
        "fees.collected" => vec![Proactive {
            item: "（八）",
            row: &["行政事业性收费"],
            column: "收费金额",
        }],
        "proactive.items" => vec![Prose("proactive.items"), Stat(&["主动公开文件数"])],
        other => crate::indicators::INDICATORS
            .iter()
            .find(|(k, _, _)| *k == other)
            .map(|(k, _, _)| Prose(k))
            .into_iter()
            .collect(),
    }
}

fn point(report: &Report, def: &SeriesDef) -> Point {
    let mut gap: Option<Found> = None;
    let mut found: Option<Found> = None;
    for place in places(def.key) {
        match find(report, &place, def.unit) {
            Some(f) if f.value.is_some() => {
                found = Some(f);
                break;
            }
            Some(f) => {
                gap.get_or_insert(f);
            }
            None => {}
        }
    }
    let base = Point {
        year: report.year,
        value: None,
        approximate: false,
        computed: false,
        flagged: false,
        comparable: true,
        basis: None,
        format: Some(report.format),
        report: Some(report.title.clone()),
        source: None,
        notes: Vec::new(),
    };
    match found.or(gap) {
        Some(f) => Point {
            value: f.value,
            approximate: f.approximate,
            computed: f.computed,
            flagged: f.flagged,
            basis: Some(f.basis),
            source: Some(f.source),
            notes: f.notes,
            ..base
        },
        None => Point {
            notes: vec!["该年度报告未载明这一数字".into()],
            ..base
        },
    }
}

const TABLE3: &str = "表三（收到和处理政府信息公开申请情况）";
const TABLE4: &str = "表四（政府信息公开行政复议、行政诉讼情况）";
const TABLE2: &str = "表二（主动公开政府信息情况）";
const STATISTICS: &str = "政府信息公开情况统计表";

fn template_label(key: &str) -> &'static str {
    APPLICATION_ROWS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map_or("", |(_, _, label)| label)
}

/// What the reader should know when a failed check concerns table 3's cell (row, column).
fn app_cell_flagged(checks: &[&Check], row: &str, col: usize) -> Option<String> {
    crate::flags::application_cell(checks.iter().copied(), row, col)
        .first()
        .map(|c| {
            format!(
                "原表“{}”列未通过勾稽检查：{}（{} ≠ {}）",
                c.column, c.description, c.left, c.right
            )
        })
}

/// Table 3 cells of one column, added up.
struct Cells {
    /// `None` where a cell is blank, unreadable or missing.
    sum: Option<f64>,
    /// The rows' labels as printed.
    labels: Vec<String>,
    flagged: bool,
    notes: Vec<String>,
}

fn app_cells(
    table: &ApplicationsTable,
    checks: &[&Check],
    rows: &[&str],
    col: usize,
) -> Option<Cells> {
    let mut sum = Some(0.0);
    let mut labels = Vec::new();
    let mut flags = Vec::new();
    let mut notes = Vec::new();
    let mut any = false;
    for key in rows {
        let Some(row) = table.row(key) else {
            sum = None;
            notes.push(format!("原表缺少“{}”行", template_label(key)));
            continue;
        };
        any = true;
        labels.push(row.label.clone());
        match row.values.get(col).copied().flatten() {
            Some(v) => sum = sum.map(|s| s + v as f64),
            None => {
                sum = None;
                notes.push(if row.recovered {
                    format!("原表“{}”行“{}”列空白", row.label, APPLICANT_COLUMNS[col])
                } else {
                    format!("原表“{}”行的数字未能可靠读取", row.label)
                });
            }
        }
        if let Some(flag) = app_cell_flagged(checks, key, col) {
            if !flags.contains(&flag) {
                flags.push(flag);
            }
        }
    }
    any.then_some(Cells {
        sum,
        labels,
        flagged: !flags.is_empty(),
        notes: [flags, notes].concat(),
    })
}

fn find(report: &Report, place: &Place, unit: &str) -> Option<Found> {
    let checks: Vec<&Check> = report.failed_checks().collect();
    match place {
        Place::AppRow(key, col) => {
            let table = report.tables.applications.as_ref()?;
            app_found(table, &checks, &[key], *col, false)
        }
        Place::AppSum(keys, col) => {
            let table = report.tables.applications.as_ref()?;
            app_found(table, &checks, keys, *col, true)
        }
        Place::AppOther(col) => {
            let table = report.tables.applications.as_ref()?;
            if table.row("other").is_some() {
                app_found(table, &checks, &["other"], *col, false)
            } else {
                app_found(table, &checks, OTHER_SUBROWS, *col, true)
            }
        }
        Place::Review(i) => review_found(report.tables.reviews.as_ref()?, &checks, &[*i]),
        Place::ReviewSum(idx) => review_found(report.tables.reviews.as_ref()?, &checks, idx),
        Place::Proactive { item, row, column } => {
            let table = report.tables.proactive.as_ref()?;
            let block = table.blocks.iter().find(|b| b.item.contains(item))?;
            let col = block.columns.iter().position(|c| c.contains(column))?;
            let r = block
                .rows
                .iter()
                .find(|r| row.contains(&r.label.as_str()))?;
            let trial = report.format == ReportFormat::Template2019;
            let value = r
                .values
                .get(col)
                .cloned()
                .flatten()
                .and_then(|a| a.value.as_f64());
            let mut notes = Vec::new();
            if value.is_none() {
                notes.push(if r.recovered {
                    format!("原表“{}”行“{}”列空白", r.label, block.columns[col])
                } else {
                    format!("原表“{}”行的数字未能可靠读取", r.label)
                });
            }
            Some(Found {
                value,
                approximate: false,
                computed: false,
                flagged: false,
                basis: if trial {
                    Basis::TrialTable2
                } else {
                    Basis::Template
                },
                source: Source::Cell {
                    section: table.section.clone(),
                    table: format!("{TABLE2}第二十条{item}项"),
                    row: r.label.clone(),
                    column: block.columns[col].clone(),
                },
                notes,
            })
        }
        Place::Stat(needles) => stat_found(report.tables.statistics.as_ref()?, needles),
        Place::Prose(indicator) => {
            let mut figures = report
                .figures
                .iter()
                .filter(|f| f.indicator.as_deref() == Some(*indicator))
                .peekable();
            let first = *figures.peek()?;
            // Where the ingest tied several figures to one key, the one in the indicator's
            // unit stands for it.
            let f = figures.find(|f| f.unit == unit).unwrap_or(first);
            let mut notes = Vec::new();
            if f.approximate {
                notes.push(format!("原文为“{}”，实际数字不少于此", f.text));
            }
            Some(Found {
                value: Some(f.value),
                approximate: f.approximate,
                computed: false,
                flagged: false,
                basis: if report.format == ReportFormat::OldFree {
                    Basis::ProseOld
                } else {
                    Basis::ProseTemplate
                },
                source: Source::Figure {
                    section: f.section.clone(),
                    paragraph: f.paragraph,
                    start: f.start,
                    end: f.end,
                    text: f.text.clone(),
                },
                notes,
            })
        }
    }
}

fn app_found(
    table: &ApplicationsTable,
    checks: &[&Check],
    keys: &[&str],
    col: usize,
    computed: bool,
) -> Option<Found> {
    let Cells {
        sum: value,
        labels,
        flagged,
        mut notes,
    } = app_cells(table, checks, keys, col)?;
    if computed {
        notes.insert(
            0,
            format!("原表不单列此数，本站将{}个子项相加所得", labels.len()),
        );
    }
    let source = if computed {
        Source::Sum {
            section: table.section.clone(),
            table: TABLE3.into(),
            rows: labels,
            column: APPLICANT_COLUMNS[col].into(),
        }
    } else {
        Source::Cell {
            section: table.section.clone(),
            table: TABLE3.into(),
            row: labels.into_iter().next()?,
            column: APPLICANT_COLUMNS[col].into(),
        }
    };
    Some(Found {
        value,
        approximate: false,
        computed,
        flagged,
        basis: Basis::Template,
        source,
        notes,
    })
}

fn review_found(table: &ReviewsTable, checks: &[&Check], idx: &[usize]) -> Option<Found> {
    let mut sum = Some(0.0);
    let mut notes = Vec::new();
    let mut flagged = false;
    let column = |i: usize| format!("{}·{}", REVIEW_GROUPS[i / 5], REVIEW_RESULTS[i % 5]);
    for &i in idx {
        match table.values.get(i).copied().flatten() {
            Some(v) => sum = sum.map(|s| s + v as f64),
            None => {
                sum = None;
                notes.push(if table.recovered {
                    format!("原表“{}”空白", column(i))
                } else {
                    "原表数字未能可靠读取".to_string()
                });
            }
        }
        let group = REVIEW_GROUPS[i / 5];
        let cell = crate::ReviewCell::from_index(i)?;
        if let Some(c) = crate::flags::review_cell(checks.iter().copied(), cell).first() {
            flagged = true;
            notes.push(format!(
                "原表“{group}”组未通过勾稽检查：{}（{} ≠ {}）",
                c.description, c.left, c.right
            ));
        }
    }
    let computed = idx.len() > 1;
    if computed {
        notes.insert(0, "原表不单列此数，本站将各组总计相加所得".into());
    }
    let source = if computed {
        Source::Sum {
            section: table.section.clone(),
            table: TABLE4.into(),
            rows: idx.iter().map(|&i| column(i)).collect(),
            column: "总计".into(),
        }
    } else {
        Source::Cell {
            section: table.section.clone(),
            table: TABLE4.into(),
            row: REVIEW_GROUPS[idx[0] / 5].into(),
            column: REVIEW_RESULTS[idx[0] % 5].into(),
        }
    };
    Some(Found {
        value: sum,
        approximate: false,
        computed,
        flagged,
        basis: Basis::Template,
        source,
        notes,
    })
}

fn stat_found(table: &StatisticsTable, needles: &[&str]) -> Option<Found> {
    let row = table
        .rows
        .iter()
        .find(|r| needles.iter().all(|n| r.label.contains(n)))?;
    let value = row
        .values
        .first()
        .cloned()
        .flatten()
        .and_then(|n| n.as_f64());
    let column = table.columns.first().cloned().unwrap_or_default();
    let mut notes = Vec::new();
    if value.is_none() {
        notes.push(if row.recovered {
            format!("原表“{}”行“{column}”列空白", row.label)
        } else {
            format!("原表“{}”行的数字未能可靠读取", row.label)
        });
    }
    Some(Found {
        value,
        approximate: false,
        computed: false,
        flagged: false,
        basis: Basis::OldStatistics,
        source: Source::Cell {
            section: table.section.clone(),
            table: STATISTICS.into(),
            row: row.label.clone(),
            column,
        },
        notes,
    })
}
