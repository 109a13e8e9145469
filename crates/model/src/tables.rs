//! The template's standard tables as typed data (filled by the ingest; see corpus/TEMPLATE.md).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Tables {
    /// Table 3: 收到和处理政府信息公开申请情况.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applications: Option<ApplicationsTable>,
    /// Table 4: 政府信息公开行政复议、行政诉讼情况.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviews: Option<ReviewsTable>,
}

impl Tables {
    pub fn is_empty(&self) -> bool {
        self.applications.is_none() && self.reviews.is_none()
    }
}

/// Table 3, one row per printed row; values in the column order of [`APPLICANT_COLUMNS`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApplicationsTable {
    /// Id of the section the table stands in.
    pub section: String,
    pub rows: Vec<ApplicationsRow>,
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApplicationsRow {
    /// Key from TEMPLATE.md, e.g. `new_requests`, `withheld.state_secret`.
    pub key: String,
    /// Label as printed.
    pub label: String,
    /// One entry per column; `None` where the published cell is blank (blank is not 0).
    pub values: Vec<Option<i64>>,
}

/// Table 4: one row of 15 numbers (three groups of 维持, 纠正, 其他, 尚未审结, 总计).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewsTable {
    pub section: String,
    pub values: Vec<Option<i64>>,
}
