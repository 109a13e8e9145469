//! The template's standard tables as typed data (filled by the ingest; see corpus/TEMPLATE.md).
//!
//! Labels are kept as printed so that the portal can render each table as published.
//! A value is `null` where the published cell is blank (blank is not 0). Where the ingest
//! could not read a row's cells with certainty (table text whose cells ran together), the row
//! says so through its [`Recovery`]: `recovered` is false, `values` are all `null`, `raw` keeps
//! the published text and `note` says why.

use serde::{Deserialize, Serialize};

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

/// Whether a row's cells were read with certainty; where not, what was published instead.
/// Flattened into the row, so the JSON has `recovered` (only when false), `raw` and `note`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recovery {
    /// False where the cells could not be read with certainty (then the values are all `None`).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub recovered: bool,
    /// The row's published text, where its cells ran together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw: Option<String>,
    /// Why the row was not recovered, or how it was (zh-CN).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Recovery {
    /// Cells read with certainty, nothing more to say.
    pub fn read() -> Self {
        Recovery {
            recovered: true,
            raw: None,
            note: None,
        }
    }

    /// Cells that could not be read: the published text is kept, with why.
    pub fn unread(raw: impl Into<String>, note: impl Into<String>) -> Self {
        Recovery {
            recovered: false,
            raw: Some(raw.into()),
            note: Some(note.into()),
        }
    }

    /// The published text the cells were split from, if any.
    pub fn with_raw(self, raw: Option<String>) -> Self {
        Recovery { raw, ..self }
    }

    /// How the cells were read, if worth saying.
    pub fn with_note(self, note: Option<String>) -> Self {
        Recovery { note, ..self }
    }
}

/// The standard tables found in a report; each names the section it stands in.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Tables {
    /// Table 2: 主动公开政府信息情况 (2019 trial or 2021 format).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proactive: Option<ProactiveTable>,
    /// Table 3: 收到和处理政府信息公开申请情况.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applications: Option<ApplicationsTable>,
    /// Table 4: 政府信息公开行政复议、行政诉讼情况.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviews: Option<ReviewsTable>,
    /// Old-format 政府信息公开情况统计表 (指标名称 | 计量单位 | 本年度 | 历年累计).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statistics: Option<StatisticsTable>,
}

impl Tables {
    pub fn is_empty(&self) -> bool {
        self.applications.is_none()
            && self.reviews.is_none()
            && self.proactive.is_none()
            && self.statistics.is_none()
    }
}

/// Table 3, one row per printed row; values in the column order of [`APPLICANT_COLUMNS`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApplicationsTable {
    /// Id of the section the table stands in.
    pub section: String,
    pub rows: Vec<ApplicationsRow>,
    /// What the reader should know about the table as a whole (zh-CN), e.g. a missing row.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl ApplicationsTable {
    /// The row with the given key (see [`APPLICATION_ROWS`]).
    pub fn row(&self, key: &str) -> Option<&ApplicationsRow> {
        self.rows.iter().find(|r| r.key == key)
    }
}

/// The seven value columns of table 3, in printed order.
pub const APPLICANT_COLUMNS: [&str; 7] = [
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
];

/// Stable keys of [`APPLICANT_COLUMNS`], in the same order.
pub const APPLICANT_COLUMN_KEYS: [&str; 7] = [
    "natural_person",
    "business",
    "research",
    "public_interest",
    "legal_service",
    "other_org",
    "total",
];

/// Table 3's rows in template order: (key, group as printed, label as the template prints it).
/// The 2019 template has the single row `other`; the 2021 template has `other.*` instead.
pub const APPLICATION_ROWS: &[(&str, &str, &str)] = &[
    ("new_requests", "", "一、本年新收政府信息公开申请数量"),
    ("carried_in", "", "二、上年结转政府信息公开申请数量"),
    ("disclosed", "三、本年度办理结果", "（一）予以公开"),
    (
        "partly_disclosed",
        "三、本年度办理结果",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    ),
    ("withheld.state_secret", "（三）不予公开", "1.属于国家秘密"),
    (
        "withheld.prohibited",
        "（三）不予公开",
        "2.其他法律行政法规禁止公开",
    ),
    (
        "withheld.security",
        "（三）不予公开",
        "3.危及“三安全一稳定”",
    ),
    (
        "withheld.third_party",
        "（三）不予公开",
        "4.保护第三方合法权益",
    ),
    (
        "withheld.internal",
        "（三）不予公开",
        "5.属于三类内部事务信息",
    ),
    ("withheld.process", "（三）不予公开", "6.属于四类过程性信息"),
    (
        "withheld.enforcement_file",
        "（三）不予公开",
        "7.属于行政执法案卷",
    ),
    ("withheld.query", "（三）不予公开", "8.属于行政查询事项"),
    (
        "unavailable.not_held",
        "（四）无法提供",
        "1.本机关不掌握相关政府信息",
    ),
    (
        "unavailable.needs_creation",
        "（四）无法提供",
        "2.没有现成信息需要另行制作",
    ),
    (
        "unavailable.unclear",
        "（四）无法提供",
        "3.补正后申请内容仍不明确",
    ),
    (
        "not_processed.petition",
        "（五）不予处理",
        "1.信访举报投诉类申请",
    ),
    ("not_processed.duplicate", "（五）不予处理", "2.重复申请"),
    (
        "not_processed.publication",
        "（五）不予处理",
        "3.要求提供公开出版物",
    ),
    (
        "not_processed.excessive",
        "（五）不予处理",
        "4.无正当理由大量反复申请",
    ),
    (
        "not_processed.reconfirm",
        "（五）不予处理",
        "5.要求行政机关确认或重新出具已获取信息",
    ),
    ("other", "三、本年度办理结果", "（六）其他处理"),
    (
        "other.no_correction",
        "（六）其他处理",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ),
    (
        "other.unpaid_fee",
        "（六）其他处理",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    ("other.other", "（六）其他处理", "3.其他"),
    ("results_total", "三、本年度办理结果", "（七）总计"),
    ("carried_out", "", "四、结转下年度继续办理"),
];

/// Keys of the result rows whose sum is `results_total` (the `other` row or its three sub-rows,
/// whichever the table has).
pub fn is_result_row(key: &str) -> bool {
    key != "results_total"
        && APPLICATION_ROWS
            .iter()
            .position(|(k, _, _)| *k == key)
            .is_some_and(|i| (2..24).contains(&i))
}

/// One printed row of table 3.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApplicationsRow {
    /// Key from TEMPLATE.md, e.g. `new_requests`, `withheld.state_secret`.
    pub key: String,
    /// Label as printed.
    pub label: String,
    /// The printed group the row stands in (`三、本年度办理结果`, `（三）不予公开` …), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// One entry per column; `None` where the published cell is blank (blank is not 0).
    pub values: Vec<Option<i64>>,
    /// Whether the cells were read with certainty (flattened: the JSON keeps its three keys).
    #[serde(flatten)]
    pub recovery: Recovery,
}

/// The column labels of table 4, in printed order: three groups of five.
pub const REVIEW_GROUPS: [&str; 3] = [
    "行政复议",
    "行政诉讼·未经复议直接起诉",
    "行政诉讼·复议后起诉",
];

/// The five columns of each group of table 4.
pub const REVIEW_RESULTS: [&str; 5] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

/// Table 4: one row of 15 numbers (three groups of 维持, 纠正, 其他, 尚未审结, 总计).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewsTable {
    pub section: String,
    pub values: Vec<Option<i64>>,
    /// Whether the cells were read with certainty (flattened: the JSON keeps its three keys).
    #[serde(flatten)]
    pub recovery: Recovery,
}

/// A number as printed, with its unit where the cell or its column states one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Amount {
    /// The number exactly as printed (integers stay integers, `18651.06` stays `18651.06`).
    pub value: serde_json::Number,
    /// `元`, `万元` …; `None` for plain counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

/// Table 2: 主动公开政府信息情况, as blocks headed 第二十条第（N）项.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProactiveTable {
    pub section: String,
    pub blocks: Vec<ProactiveBlock>,
}

/// One block of table 2.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProactiveBlock {
    /// The block heading as printed, e.g. `第二十条第（一）项`.
    pub item: String,
    /// The value columns' labels as printed, e.g. `本年制发件数`, `本年收费金额（单位：万元）`
    /// (the first, label column — 信息内容 — is not repeated here).
    pub columns: Vec<String>,
    pub rows: Vec<ProactiveRow>,
}

/// One row of a table 2 block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProactiveRow {
    /// Label as printed, e.g. `行政规范性文件`.
    pub label: String,
    /// One entry per column of the block; `None` where blank or not recovered.
    pub values: Vec<Option<Amount>>,
    /// Whether the cells were read with certainty (flattened: the JSON keeps its three keys).
    #[serde(flatten)]
    pub recovery: Recovery,
}

/// Old-format statistics table: 指标名称 | 计量单位 | 本年度 | 历年累计.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatisticsTable {
    pub section: String,
    /// The value columns' labels as printed, e.g. `2015年度`, `历年累计`.
    pub columns: Vec<String>,
    pub rows: Vec<StatisticsRow>,
}

/// One row of the old-format statistics table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatisticsRow {
    /// Label as printed, e.g. `其中：1、政府网站公开数`.
    pub label: String,
    /// 计量单位 as printed (`条`, `件`, `元`).
    pub unit: String,
    /// One entry per value column.
    pub values: Vec<Option<serde_json::Number>>,
    /// Whether the cells were read with certainty (flattened: the JSON keeps its three keys).
    #[serde(flatten)]
    pub recovery: Recovery,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reviews(recovery: Recovery) -> ReviewsTable {
        ReviewsTable {
            section: "s4".into(),
            values: vec![Some(1), None],
            recovery,
        }
    }

    #[test]
    fn recovery_keeps_the_rows_json_keys() {
        let read = serde_json::to_string(&reviews(Recovery::read())).unwrap();
        assert_eq!(read, r#"{"section":"s4","values":[1,null]}"#);
        let unread = serde_json::to_string(&reviews(Recovery::unread("12", "无法拆分"))).unwrap();
        assert_eq!(
            unread,
            r#"{"section":"s4","values":[1,null],"recovered":false,"raw":"12","note":"无法拆分"}"#
        );
        let split = Recovery::read().with_raw(Some("1 2".into()));
        let split = serde_json::to_string(&reviews(split)).unwrap();
        assert_eq!(split, r#"{"section":"s4","values":[1,null],"raw":"1 2"}"#);
    }

    #[test]
    fn recovery_reads_back_with_recovered_defaulting_to_true() {
        let read: ReviewsTable =
            serde_json::from_str(r#"{"section":"s4","values":[1,null]}"#).unwrap();
        assert_eq!(read, reviews(Recovery::read()));
        let unread: ReviewsTable = serde_json::from_str(
            r#"{"section":"s4","values":[1,null],"recovered":false,"raw":"12","note":"无法拆分"}"#,
        )
        .unwrap();
        assert_eq!(unread, reviews(Recovery::unread("12", "无法拆分")));
        let noted = Recovery::read().with_note(Some("按空白处理".into()));
        assert!(noted.recovered);
        assert_eq!(noted.raw, None);
        assert_eq!(noted.note.as_deref(), Some("按空白处理"));
    }
}
