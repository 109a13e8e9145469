//! Which published figures a failed consistency check casts doubt on.
//!
//! When a printed total disagrees with its parts, any of those numbers may be the wrong one:
//! every figure the rule adds up is flagged, in the tables and in every chart that shows it.
//! The check itself, with both sides, is listed beside the table; nothing is corrected.

use crate::address::{ReviewCell, TableKind};
use crate::tables::{is_result_row, APPLICANT_COLUMNS};
use crate::{Check, Rule};

/// The rows `applications.balance` adds up (第一项＋第二项＝第三项＋第四项).
const BALANCE_ROWS: [&str; 4] = ["new_requests", "carried_in", "results_total", "carried_out"];

/// Failed checks that concern table 3's figure at `row` (key) and `col` (index into
/// [`APPLICANT_COLUMNS`]).
pub fn application_cell<'a>(
    checks: impl IntoIterator<Item = &'a Check>,
    row: &str,
    col: usize,
) -> Vec<&'a Check> {
    let column = APPLICANT_COLUMNS.get(col).copied().unwrap_or_default();
    checks
        .into_iter()
        .filter(|c| !c.ok)
        .filter(|c| match c.rule {
            Rule::ApplicationsBalance => c.column == column && BALANCE_ROWS.contains(&row),
            Rule::ApplicationsResultsSum => {
                c.column == column && (row == "results_total" || is_result_row(row))
            }
            Rule::ApplicationsRowTotal => c.row.as_deref() == Some(row),
            Rule::ReviewsGroupTotal => false,
        })
        .collect()
}

/// Failed checks that concern table 4's figure `cell`.
pub fn review_cell<'a>(
    checks: impl IntoIterator<Item = &'a Check>,
    cell: ReviewCell,
) -> Vec<&'a Check> {
    let group = cell.group.label();
    checks
        .into_iter()
        .filter(|c| !c.ok && c.rule == Rule::ReviewsGroupTotal)
        .filter(|c| c.column == group)
        .collect()
}

/// Failed checks about one table, for the list beside it.
pub fn for_table(checks: &[Check], table: TableKind) -> Vec<&Check> {
    checks
        .iter()
        .filter(|c| !c.ok && c.rule.table() == table)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(rule: &str, column: &str, row: Option<&str>, ok: bool) -> Check {
        Check {
            rule: serde_json::from_value(rule.into()).unwrap(),
            description: String::new(),
            column: column.into(),
            row: row.map(str::to_string),
            left: 20,
            right: 26,
            ok,
        }
    }

    #[test]
    fn a_failed_results_sum_flags_the_total_and_the_results_of_its_column() {
        let checks = [
            check("applications.results_sum", "自然人", None, false),
            check("applications.results_sum", "商业企业", None, true),
        ];
        assert_eq!(application_cell(&checks, "results_total", 0).len(), 1);
        assert!(
            application_cell(&checks, "results_total", 1).is_empty(),
            "passed checks flag nothing"
        );
        assert_eq!(application_cell(&checks, "disclosed", 0).len(), 1);
        assert!(application_cell(&checks, "new_requests", 0).is_empty());
        assert_eq!(for_table(&checks, TableKind::Applications).len(), 1);
    }

    #[test]
    fn a_failed_row_total_flags_that_row() {
        let checks = [check(
            "applications.row_total",
            "总计",
            Some("disclosed"),
            false,
        )];
        assert_eq!(application_cell(&checks, "disclosed", 6).len(), 1);
        assert_eq!(application_cell(&checks, "disclosed", 0).len(), 1);
        assert!(application_cell(&checks, "new_requests", 6).is_empty());
    }

    #[test]
    fn a_failed_group_total_flags_the_group() {
        let checks = [check("reviews.group_total", "行政复议", None, false)];
        let at = |i| ReviewCell::from_index(i).unwrap();
        assert_eq!(review_cell(&checks, at(4)).len(), 1);
        assert_eq!(review_cell(&checks, at(3)).len(), 1);
        assert!(review_cell(&checks, at(9)).is_empty());
    }
}
