//! Typed addresses of the standard tables' cells, so that code says which cell it means
//! instead of repeating table 4's index arithmetic or matching printed labels.
//!
//! The printed labels stay in [`crate::tables`]; this module only names positions in them.

use serde::{Deserialize, Serialize};

use crate::tables::{REVIEW_GROUPS, REVIEW_RESULTS};

/// Which standard table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    /// Table 2 (主动公开政府信息情况).
    Proactive,
    /// Table 3 (收到和处理政府信息公开申请情况).
    Applications,
    /// Table 4 (行政复议、行政诉讼情况).
    Reviews,
    /// The old format's 政府信息公开情况统计表.
    Statistics,
}

impl TableKind {
    /// Stable key, as used in rule ids (`applications.balance`) and element ids.
    pub fn key(self) -> &'static str {
        match self {
            TableKind::Proactive => "proactive",
            TableKind::Applications => "applications",
            TableKind::Reviews => "reviews",
            TableKind::Statistics => "statistics",
        }
    }
}

/// A group (column group) of table 4, in printed order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewGroup {
    /// 行政复议.
    Review,
    /// 行政诉讼·未经复议直接起诉.
    DirectLawsuit,
    /// 行政诉讼·复议后起诉.
    LawsuitAfterReview,
}

impl ReviewGroup {
    pub const ALL: [ReviewGroup; 3] = [
        ReviewGroup::Review,
        ReviewGroup::DirectLawsuit,
        ReviewGroup::LawsuitAfterReview,
    ];

    /// Position in [`REVIEW_GROUPS`].
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The group's label as printed.
    pub fn label(self) -> &'static str {
        REVIEW_GROUPS[self.index()]
    }
}

/// A result column within each group of table 4, in printed order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewResult {
    Upheld,
    Corrected,
    Other,
    Pending,
    /// The group's printed total (the sum of the four others).
    Total,
}

impl ReviewResult {
    pub const ALL: [ReviewResult; 5] = [
        ReviewResult::Upheld,
        ReviewResult::Corrected,
        ReviewResult::Other,
        ReviewResult::Pending,
        ReviewResult::Total,
    ];

    /// Position in [`REVIEW_RESULTS`].
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The column's label as printed.
    pub fn label(self) -> &'static str {
        REVIEW_RESULTS[self.index()]
    }
}

/// One of table 4's 15 numbers: a group and a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewCell {
    pub group: ReviewGroup,
    pub result: ReviewResult,
}

// The enums above mirror the printed labels one to one.
const _: () = assert!(ReviewGroup::ALL.len() == REVIEW_GROUPS.len());
const _: () = assert!(ReviewResult::ALL.len() == REVIEW_RESULTS.len());

impl ReviewCell {
    /// How many numbers table 4 has.
    pub const COUNT: usize = REVIEW_GROUPS.len() * REVIEW_RESULTS.len();

    /// The 行政复议 group's total.
    pub const REVIEW_TOTAL: ReviewCell = ReviewCell::new(ReviewGroup::Review, ReviewResult::Total);
    /// The 未经复议直接起诉 group's total.
    pub const DIRECT_LAWSUIT_TOTAL: ReviewCell =
        ReviewCell::new(ReviewGroup::DirectLawsuit, ReviewResult::Total);
    /// The 复议后起诉 group's total.
    pub const LAWSUIT_AFTER_REVIEW_TOTAL: ReviewCell =
        ReviewCell::new(ReviewGroup::LawsuitAfterReview, ReviewResult::Total);
    /// The two lawsuit groups' totals: the template prints no total of all lawsuits.
    pub const LAWSUIT_TOTALS: [ReviewCell; 2] = [
        ReviewCell::DIRECT_LAWSUIT_TOTAL,
        ReviewCell::LAWSUIT_AFTER_REVIEW_TOTAL,
    ];

    pub const fn new(group: ReviewGroup, result: ReviewResult) -> ReviewCell {
        ReviewCell { group, result }
    }

    /// Position in [`crate::ReviewsTable::values`].
    pub const fn index(self) -> usize {
        self.group.index() * REVIEW_RESULTS.len() + self.result.index()
    }

    /// The cell at a position of [`crate::ReviewsTable::values`]; `None` past the table.
    pub fn from_index(index: usize) -> Option<ReviewCell> {
        let group = *ReviewGroup::ALL.get(index / REVIEW_RESULTS.len())?;
        let result = ReviewResult::ALL[index % REVIEW_RESULTS.len()];
        Some(ReviewCell { group, result })
    }

    /// Every cell in printed order (the order of `values`).
    pub fn all() -> impl Iterator<Item = ReviewCell> {
        ReviewGroup::ALL.into_iter().flat_map(|g| {
            ReviewResult::ALL
                .into_iter()
                .map(move |r| ReviewCell::new(g, r))
        })
    }

    /// The cell as a reader names it, e.g. `行政复议·结果维持`.
    pub fn label(self) -> String {
        format!("{}·{}", self.group.label(), self.result.label())
    }
}

/// Where a cell stands: which table, and its position there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "table", rename_all = "snake_case")]
pub enum CellAddress {
    /// Table 3: the row's key (see [`crate::tables::APPLICATION_ROWS`]) and the column's
    /// index into [`crate::tables::APPLICANT_COLUMNS`].
    Applications { row: String, column: usize },
    /// Table 4.
    Reviews(ReviewCell),
    /// Table 2: indexes of the block, of the row within it and of the value column.
    Proactive {
        block: usize,
        row: usize,
        column: usize,
    },
    /// The old statistics table: indexes of the row and of the value column.
    Statistics { row: usize, column: usize },
}

impl CellAddress {
    /// The table the cell stands in.
    pub fn table(&self) -> TableKind {
        match self {
            CellAddress::Applications { .. } => TableKind::Applications,
            CellAddress::Reviews(_) => TableKind::Reviews,
            CellAddress::Proactive { .. } => TableKind::Proactive,
            CellAddress::Statistics { .. } => TableKind::Statistics,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn review_cells_round_trip_through_their_index() {
        let all: Vec<ReviewCell> = ReviewCell::all().collect();
        assert_eq!(all.len(), ReviewCell::COUNT);
        for (i, cell) in all.iter().enumerate() {
            assert_eq!(cell.index(), i);
            assert_eq!(ReviewCell::from_index(i), Some(*cell));
        }
        assert_eq!(ReviewCell::from_index(ReviewCell::COUNT), None);
    }

    #[test]
    fn named_totals_stand_where_the_template_prints_them() {
        assert_eq!(ReviewCell::REVIEW_TOTAL.index(), 4);
        assert_eq!(ReviewCell::LAWSUIT_TOTALS.map(ReviewCell::index), [9, 14]);
        assert_eq!(
            ReviewCell::from_index(7).unwrap().label(),
            "行政诉讼·未经复议直接起诉·其他结果"
        );
    }

    #[test]
    fn cell_addresses_serialise_with_their_table() {
        let cell = CellAddress::Reviews(ReviewCell::DIRECT_LAWSUIT_TOTAL);
        let json = serde_json::to_string(&cell).unwrap();
        assert_eq!(
            json,
            r#"{"table":"reviews","group":"direct_lawsuit","result":"total"}"#
        );
        assert_eq!(serde_json::from_str::<CellAddress>(&json).unwrap(), cell);
        let app = CellAddress::Applications {
            row: "disclosed".into(),
            column: 6,
        };
        let json = serde_json::to_string(&app).unwrap();
        assert_eq!(
            json,
            r#"{"table":"applications","row":"disclosed","column":6}"#
        );
        assert_eq!(serde_json::from_str::<CellAddress>(&json).unwrap(), app);
        assert_eq!(app.table(), TableKind::Applications);
    }
}
