//! The registry: every series an agency page charts, where each one's figure stands in a
//! report, which series read together as a chart, and what the 图解 page shows. Adding an
//! indicator is one entry in [`SERIES`].

use crate::address::ReviewCell;
use crate::address::ReviewGroup::{self, DirectLawsuit, LawsuitAfterReview, Review as Rev};
use crate::address::ReviewResult::{self, Corrected, Other, Pending, Total, Upheld};
use crate::tables::APPLICANT_COLUMN_KEYS;

/// Where a series' figure may stand in a report.
#[derive(Debug)]
pub enum Place {
    /// Table 3 row (key) in a column (index into [`crate::tables::APPLICANT_COLUMNS`]).
    AppRow(&'static str, usize),
    /// Table 3 rows added up (the template prints no total for them).
    AppSum(&'static [&'static str], usize),
    /// Table 3 row `other` where printed (2019), else its three sub-rows added up (2021).
    AppOther(usize),
    /// One table 4 value.
    Review(ReviewCell),
    /// Table 4 values added up.
    ReviewSum(&'static [ReviewCell]),
    /// Table 2 cell: block item contains, row label equals, column label contains; 2021 or
    /// trial template.
    Proactive {
        item: &'static str,
        row: &'static [&'static str],
        column: &'static str,
    },
    /// Old statistics table: the first row whose label contains all the needles.
    Stat(&'static [&'static str]),
    /// A prose figure with this indicator key (see [`crate::indicators`]).
    Prose(&'static str),
}

use Place::*;

/// One series key: what it counts, where it comes from, and where the 图解 shows it.
#[derive(Debug)]
pub struct SeriesDef {
    pub key: &'static str,
    /// Chinese label.
    pub label: &'static str,
    pub unit: &'static str,
    /// Where it comes from, for the reader (zh-CN).
    pub doc: &'static str,
    /// Where its figure may stand in a report, in order of preference.
    pub places: &'static [Place],
    /// Rank among the 图解 page's headline figures, if it is one.
    pub headline: Option<u8>,
    /// Rank among the 图解 page's trend drawings, if it is one.
    pub trend: Option<u8>,
}

const fn def(
    key: &'static str,
    label: &'static str,
    unit: &'static str,
    doc: &'static str,
    places: &'static [Place],
) -> SeriesDef {
    SeriesDef {
        key,
        label,
        unit,
        doc,
        places,
        headline: None,
        trend: None,
    }
}

impl SeriesDef {
    const fn headline(self, rank: u8) -> SeriesDef {
        SeriesDef {
            headline: Some(rank),
            ..self
        }
    }

    const fn trend(self, rank: u8) -> SeriesDef {
        SeriesDef {
            trend: Some(rank),
            ..self
        }
    }

    /// The indicator keys of prose figures that give this series.
    pub fn indicators(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.places.iter().filter_map(|p| match p {
            Prose(key) => Some(*key),
            _ => None,
        })
    }
}

/// Index of a table 3 column by key; checked at compile time.
const fn col(key: &str) -> usize {
    const fn same(a: &[u8], b: &[u8]) -> bool {
        if a.len() != b.len() {
            return false;
        }
        let mut i = 0;
        while i < a.len() {
            if a[i] != b[i] {
                return false;
            }
            i += 1;
        }
        true
    }
    let mut i = 0;
    while i < APPLICANT_COLUMN_KEYS.len() {
        if same(APPLICANT_COLUMN_KEYS[i].as_bytes(), key.as_bytes()) {
            return i;
        }
        i += 1;
    }
    panic!("not a column key of table 3")
}

/// Table 3's 总计 column.
const TOTAL: usize = col("total");

const fn rv(group: ReviewGroup, result: ReviewResult) -> Place {
    Review(ReviewCell::new(group, result))
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
/// The 2021 template's sub-rows of （六）其他处理.
pub(super) const OTHER_SUBROWS: &[&str] =
    &["other.no_correction", "other.unpaid_fee", "other.other"];

const NORMATIVE_ROW: &[&str] = &["行政规范性文件", "规范性文件"];

/// Every series key, in the order an agency page shows them. Keys are stable: links use them.
#[rustfmt::skip]
pub const SERIES: &[SeriesDef] = &[
    def("requests.new", "本年新收政府信息公开申请", "件",
        "表三“一、本年新收”行“总计”列；旧版统计表“受理依申请公开总数”（口径不同）；正文中的收到申请数（requests.received）",
        &[AppRow("new_requests", TOTAL), Stat(&["受理", "申请", "总数"]), Prose("requests.received")])
        .headline(0).trend(0),
    def("requests.new.natural_person", "本年新收申请·自然人", "件", "表三“一、本年新收”行“自然人”列",
        &[AppRow("new_requests", col("natural_person"))]),
    def("requests.new.business", "本年新收申请·商业企业", "件", "表三“一、本年新收”行“商业企业”列",
        &[AppRow("new_requests", col("business"))]),
    def("requests.new.research", "本年新收申请·科研机构", "件", "表三“一、本年新收”行“科研机构”列",
        &[AppRow("new_requests", col("research"))]),
    def("requests.new.public_interest", "本年新收申请·社会公益组织", "件", "表三“一、本年新收”行“社会公益组织”列",
        &[AppRow("new_requests", col("public_interest"))]),
    def("requests.new.legal_service", "本年新收申请·法律服务机构", "件", "表三“一、本年新收”行“法律服务机构”列",
        &[AppRow("new_requests", col("legal_service"))]),
    def("requests.new.other_org", "本年新收申请·其他法人或组织", "件", "表三“一、本年新收”行“其他”列",
        &[AppRow("new_requests", col("other_org"))]),
    def("requests.carried_in", "上年结转申请", "件", "表三“二、上年结转”行“总计”列",
        &[AppRow("carried_in", TOTAL)]),
    def("requests.results.disclosed", "予以公开", "件", "表三“（一）予以公开”行“总计”列；旧版统计表“同意公开答复数”（口径不同）",
        &[AppRow("disclosed", TOTAL), Stat(&["同意公开答复"])])
        .headline(1).trend(2),
    def("requests.results.partly_disclosed", "部分公开", "件", "表三“（二）部分公开”行“总计”列；旧版统计表“同意部分公开答复数”（口径不同）",
        &[AppRow("partly_disclosed", TOTAL), Stat(&["同意部分公开答复"])]),
    def("requests.results.withheld", "不予公开", "件", "表三“（三）不予公开”8个子项“总计”列之和（本站合计，原表不单列）；旧版统计表“不予公开答复数”（口径不同）",
        &[AppSum(WITHHELD, TOTAL), Stat(&["不予公开答复"])]),
    def("requests.results.unavailable", "无法提供", "件", "表三“（四）无法提供”3个子项“总计”列之和（本站合计）",
        &[AppSum(UNAVAILABLE, TOTAL)]),
    def("requests.results.not_processed", "不予处理", "件", "表三“（五）不予处理”5个子项“总计”列之和（本站合计）",
        &[AppSum(NOT_PROCESSED, TOTAL)]),
    def("requests.results.other", "其他处理", "件", "2019年模板表三“（六）其他处理”行；2021年模板为其3个子项之和（本站合计）",
        &[AppOther(TOTAL)]),
    def("requests.results.total", "办理结果总计", "件", "表三“（七）总计”行“总计”列；旧版统计表“对申请的答复总数”（口径不同）",
        &[AppRow("results_total", TOTAL), Stat(&["答复总数"])]),
    def("requests.carried_out", "结转下年度继续办理", "件", "表三“四、结转下年度继续办理”行“总计”列",
        &[AppRow("carried_out", TOTAL)]),
    def("reviews.total", "行政复议·总计", "件", "表四“行政复议”组“总计”；旧版统计表“行政复议数”（口径不同）",
        &[rv(Rev, Total), Stat(&["行政复议数"])])
        .headline(3).trend(3),
    def("reviews.upheld", "行政复议·结果维持", "件", "表四“行政复议”组“结果维持”", &[rv(Rev, Upheld)]),
    def("reviews.corrected", "行政复议·结果纠正", "件", "表四“行政复议”组“结果纠正”", &[rv(Rev, Corrected)]),
    def("reviews.other", "行政复议·其他结果", "件", "表四“行政复议”组“其他结果”", &[rv(Rev, Other)]),
    def("reviews.pending", "行政复议·尚未审结", "件", "表四“行政复议”组“尚未审结”", &[rv(Rev, Pending)]),
    def("lawsuits.total", "行政诉讼·总计", "件", "表四两组行政诉讼“总计”之和（本站合计）；旧版统计表“行政诉讼数”（口径不同）",
        &[ReviewSum(&ReviewCell::LAWSUIT_TOTALS), Stat(&["行政诉讼数"])])
        .headline(4).trend(4),
    def("lawsuits.direct.total", "未经复议直接起诉·总计", "件", "表四“未经复议直接起诉”组“总计”", &[rv(DirectLawsuit, Total)]),
    def("lawsuits.direct.upheld", "未经复议直接起诉·结果维持", "件", "表四“未经复议直接起诉”组“结果维持”", &[rv(DirectLawsuit, Upheld)]),
    def("lawsuits.direct.corrected", "未经复议直接起诉·结果纠正", "件", "表四“未经复议直接起诉”组“结果纠正”", &[rv(DirectLawsuit, Corrected)]),
    def("lawsuits.direct.other", "未经复议直接起诉·其他结果", "件", "表四“未经复议直接起诉”组“其他结果”", &[rv(DirectLawsuit, Other)]),
    def("lawsuits.direct.pending", "未经复议直接起诉·尚未审结", "件", "表四“未经复议直接起诉”组“尚未审结”", &[rv(DirectLawsuit, Pending)]),
    def("lawsuits.after_review.total", "复议后起诉·总计", "件", "表四“复议后起诉”组“总计”", &[rv(LawsuitAfterReview, Total)]),
    def("lawsuits.after_review.upheld", "复议后起诉·结果维持", "件", "表四“复议后起诉”组“结果维持”", &[rv(LawsuitAfterReview, Upheld)]),
    def("lawsuits.after_review.corrected", "复议后起诉·结果纠正", "件", "表四“复议后起诉”组“结果纠正”", &[rv(LawsuitAfterReview, Corrected)]),
    def("lawsuits.after_review.other", "复议后起诉·其他结果", "件", "表四“复议后起诉”组“其他结果”", &[rv(LawsuitAfterReview, Other)]),
    def("lawsuits.after_review.pending", "复议后起诉·尚未审结", "件", "表四“复议后起诉”组“尚未审结”", &[rv(LawsuitAfterReview, Pending)]),
    def("normative_docs.issued", "制发行政规范性文件", "件",
        "2021年模板表二第（一）项“行政规范性文件”行“本年制发件数”；2019年试行表二“规范性文件”行“本年新制作数量”（口径不同）；正文（normative_docs.issued）",
        &[Proactive { item: "（一）", row: NORMATIVE_ROW, column: "本年制发" },
          Proactive { item: "（一）", row: NORMATIVE_ROW, column: "本年新制作" },
          Prose("normative_docs.issued")])
        .headline(5).trend(5),
    def("normative_docs.repealed", "废止行政规范性文件", "件", "2021年模板表二第（一）项“行政规范性文件”行“本年废止件数”",
        &[Proactive { item: "（一）", row: &["行政规范性文件"], column: "本年废止" }]),
    def("normative_docs.in_force", "现行有效行政规范性文件", "件", "2021年模板表二第（一）项“行政规范性文件”行“现行有效件数”",
        &[Proactive { item: "（一）", row: &["行政规范性文件"], column: "现行有效" }]),
    def("decisions.licensing", "行政许可处理决定", "件", "表二第（五）项“行政许可”行“处理决定数量”",
        &[Proactive { item: "（五）", row: &["行政许可"], column: "处理决定" }]),
    def("decisions.penalty", "行政处罚处理决定", "件", "表二第（六）项“行政处罚”行“处理决定数量”",
        &[Proactive { item: "（六）", row: &["行政处罚"], column: "处理决定" }]),
    def("decisions.coercion", "行政强制处理决定", "件", "表二第（六）项“行政强制”行“处理决定数量”",
        &[Proactive { item: "（六）", row: &["行政强制"], column: "处理决定" }]),
    def("fees.collected", "行政事业性收费金额", "万元", "2021年模板表二第（八）项“行政事业性收费”行“本年收费金额”",
        &[Proactive { item: "（八）", row: &["行政事业性收费"], column: "收费金额" }]),
    def("proactive.items", "主动公开政府信息", "条", "正文（proactive.items）；旧版统计表“主动公开文件数”",
        &[Prose("proactive.items"), Stat(&["主动公开文件数"])])
        .headline(2).trend(1),
    def("requests.completion_rate", "依申请公开办结率", "%", "正文（requests.completion_rate）",
        &[Prose("requests.completion_rate")]).headline(6),
    def("press_conferences", "新闻发布会", "次", "正文（press_conferences）",
        &[Prose("press_conferences")]).headline(7),
    def("policy_interpretations", "政策解读", "篇", "正文（policy_interpretations）",
        &[Prose("policy_interpretations")]).headline(8),
    def("complaints.answered", "答复投诉、咨询", "件", "正文（complaints.answered）",
        &[Prose("complaints.answered")]).headline(10),
    def("weibo.posts", "政务微博发布信息", "条", "正文（weibo.posts）",
        &[Prose("weibo.posts")]).headline(9),
    def("site.visits", "政府信息公开专栏访问量", "人次", "正文（site.visits）", &[Prose("site.visits")]),
    def("opinions.solicited", "民意征集", "期", "正文（opinions.solicited）", &[Prose("opinions.solicited")]),
    def("online_interviews", "在线访谈", "期", "正文（online_interviews）", &[Prose("online_interviews")]),
];

/// The definition of a series key.
pub fn series_def(key: &str) -> Option<&'static SeriesDef> {
    SERIES.iter().find(|d| d.key == key)
}

/// The series the 图解 page shows as headline figures, in the order it shows them.
pub fn headline_keys() -> Vec<&'static str> {
    ranked(SERIES.iter().filter_map(|d| d.headline.map(|r| (r, d.key))))
}

/// The series the 图解 page draws as trends, in the order it draws them.
pub fn trend_keys() -> Vec<&'static str> {
    ranked(SERIES.iter().filter_map(|d| d.trend.map(|r| (r, d.key))))
}

fn ranked<T>(items: impl Iterator<Item = (u8, T)>) -> Vec<T> {
    let mut items: Vec<(u8, T)> = items.collect();
    items.sort_by_key(|(rank, _)| *rank);
    items.into_iter().map(|(_, item)| item).collect()
}

/// The series that prose figures with this indicator key give.
pub fn series_for_indicator(indicator: &str) -> Option<&'static SeriesDef> {
    SERIES
        .iter()
        .find(|d| d.indicators().any(|k| k == indicator))
}

/// The chart (a [`CHARTS`] key or a series key) that shows prose figures with this
/// indicator key: the chart of the series they give.
pub fn chart_for_indicator(indicator: &str) -> Option<&'static str> {
    let def = series_for_indicator(indicator)?;
    Some(chart_of(def.key).map_or(def.key, |c| c.key))
}

/// The [`CHARTS`] entry that groups a series, if any.
pub fn chart_of(series: &str) -> Option<&'static ChartDef> {
    CHARTS.iter().find(|c| c.series.contains(&series))
}

/// A chart of an agency page: several series that read together.
#[derive(Debug)]
pub struct ChartDef {
    /// Stable key (the chart's own address); never equal to a series key.
    pub key: &'static str,
    pub title: &'static str,
    pub series: &'static [&'static str],
    /// The series that is the sum of the chart's others, if one is.
    pub total: Option<&'static str>,
    /// Where the 图解 page shows the chart's parts as bars, if it does.
    pub breakdown: Option<Breakdown>,
}

/// A chart's place on the 图解 page.
#[derive(Debug)]
pub struct Breakdown {
    /// Order among the page's bar charts.
    pub rank: u8,
    /// The heading the page gives it.
    pub title: &'static str,
}

impl ChartDef {
    const fn new(
        key: &'static str,
        title: &'static str,
        series: &'static [&'static str],
    ) -> ChartDef {
        ChartDef {
            key,
            title,
            series,
            total: None,
            breakdown: None,
        }
    }

    const fn total(self, series: &'static str) -> ChartDef {
        ChartDef {
            total: Some(series),
            ..self
        }
    }

    const fn breakdown(self, rank: u8, title: &'static str) -> ChartDef {
        ChartDef {
            breakdown: Some(Breakdown { rank, title }),
            ..self
        }
    }

    /// The series except the one that sums them up (the bars of a breakdown).
    pub fn parts(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.series
            .iter()
            .copied()
            .filter(|s| Some(*s) != self.total)
    }
}

/// The charts the 图解 page shows as bars, in its order.
pub fn breakdown_charts() -> Vec<&'static ChartDef> {
    ranked(
        CHARTS
            .iter()
            .filter_map(|c| c.breakdown.as_ref().map(|b| (b.rank, c))),
    )
}

/// The charts of an agency page, in order. Series not in any of them get a chart of their own.
pub const CHARTS: &[ChartDef] = &[
    ChartDef::new(
        "requests.by_applicant",
        "本年新收申请（按申请人类型）",
        &[
            "requests.new.natural_person",
            "requests.new.business",
            "requests.new.research",
            "requests.new.public_interest",
            "requests.new.legal_service",
            "requests.new.other_org",
        ],
    )
    .breakdown(1, "谁提出了申请"),
    ChartDef::new(
        "requests.results",
        "申请的办理结果",
        &[
            "requests.results.disclosed",
            "requests.results.partly_disclosed",
            "requests.results.withheld",
            "requests.results.unavailable",
            "requests.results.not_processed",
            "requests.results.other",
        ],
    )
    .breakdown(0, "申请的办理结果"),
    ChartDef::new(
        "requests.flow",
        "申请的结转与办结",
        &[
            "requests.carried_in",
            "requests.results.total",
            "requests.carried_out",
        ],
    ),
    ChartDef::new(
        "reviews",
        "行政复议及其结果",
        &[
            "reviews.total",
            "reviews.upheld",
            "reviews.corrected",
            "reviews.other",
            "reviews.pending",
        ],
    )
    .total("reviews.total")
    .breakdown(2, "行政复议的结果"),
    ChartDef::new(
        "lawsuits",
        "行政诉讼",
        &[
            "lawsuits.total",
            "lawsuits.direct.total",
            "lawsuits.after_review.total",
        ],
    )
    .total("lawsuits.total")
    .breakdown(3, "行政诉讼"),
    ChartDef::new(
        "lawsuits.direct",
        "未经复议直接起诉的结果",
        &[
            "lawsuits.direct.upheld",
            "lawsuits.direct.corrected",
            "lawsuits.direct.other",
            "lawsuits.direct.pending",
        ],
    ),
    ChartDef::new(
        "lawsuits.after_review",
        "复议后起诉的结果",
        &[
            "lawsuits.after_review.upheld",
            "lawsuits.after_review.corrected",
            "lawsuits.after_review.other",
            "lawsuits.after_review.pending",
        ],
    ),
    ChartDef::new(
        "normative_docs",
        "行政规范性文件",
        &[
            "normative_docs.issued",
            "normative_docs.repealed",
            "normative_docs.in_force",
        ],
    ),
    ChartDef::new(
        "decisions",
        "行政许可、处罚、强制处理决定",
        &[
            "decisions.licensing",
            "decisions.penalty",
            "decisions.coercion",
        ],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::APPLICANT_COLUMNS;

    #[test]
    fn the_tujie_lists_keep_their_order() {
        assert_eq!(
            headline_keys(),
            [
                "requests.new",
                "requests.results.disclosed",
                "proactive.items",
                "reviews.total",
                "lawsuits.total",
                "normative_docs.issued",
                "requests.completion_rate",
                "press_conferences",
                "policy_interpretations",
                "weibo.posts",
                "complaints.answered",
            ]
        );
        assert_eq!(
            trend_keys(),
            [
                "requests.new",
                "proactive.items",
                "requests.results.disclosed",
                "reviews.total",
                "lawsuits.total",
                "normative_docs.issued",
            ]
        );
        let bars: Vec<_> = breakdown_charts().iter().map(|c| c.key).collect();
        assert_eq!(
            bars,
            [
                "requests.results",
                "requests.by_applicant",
                "reviews",
                "lawsuits"
            ]
        );
        let lawsuits: Vec<_> = breakdown_charts()[3].parts().collect();
        assert_eq!(
            lawsuits,
            ["lawsuits.direct.total", "lawsuits.after_review.total"]
        );
    }

    #[test]
    fn ranks_are_unique_and_totals_belong_to_their_chart() {
        for rank in [|d: &SeriesDef| d.headline, |d: &SeriesDef| d.trend] {
            let mut ranks: Vec<u8> = SERIES.iter().filter_map(rank).collect();
            let n = ranks.len();
            ranks.sort();
            ranks.dedup();
            assert_eq!(ranks.len(), n);
        }
        for chart in CHARTS {
            assert!(
                chart.total.is_none_or(|t| chart.series.contains(&t)),
                "{}",
                chart.key
            );
        }
    }

    #[test]
    fn applicant_series_read_their_own_column() {
        for def in SERIES.iter().filter(|d| d.key.starts_with("requests.new.")) {
            let [AppRow("new_requests", col)] = def.places else {
                panic!("{}", def.key);
            };
            assert_eq!(
                Some(APPLICANT_COLUMN_KEYS[*col]),
                def.key.strip_prefix("requests.new."),
            );
            assert!(def.doc.contains(APPLICANT_COLUMNS[*col]));
        }
    }

    #[test]
    fn prose_indicators_chart_with_their_series() {
        assert_eq!(
            chart_for_indicator("requests.received"),
            Some("requests.new")
        );
        assert_eq!(
            chart_for_indicator("normative_docs.issued"),
            Some("normative_docs")
        );
        assert_eq!(
            chart_for_indicator("press_conferences"),
            Some("press_conferences")
        );
        assert_eq!(chart_for_indicator("no.such.indicator"), None);
    }
}
