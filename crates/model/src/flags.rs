//! Which published figures a failed consistency check casts doubt on.
//!
//! When a printed total disagrees with its parts, any of those numbers may be the wrong one:
//! every figure the rule adds up is flagged, in the tables and in every chart that shows it.
//! The check itself, with both sides, is listed beside the table; nothing is corrected.

use crate::tables::{is_result_row, APPLICANT_COLUMNS, REVIEW_GROUPS, REVIEW_RESULTS};
use crate::Check;

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
        .filter(|c| match c.rule.as_str() {
            "applications.balance" => c.column == column && BALANCE_ROWS.contains(&row),
            "applications.results_sum" => {
                c.column == column && (row == "results_total" || is_result_row(row))
            }
            "applications.row_total" => c.row.as_deref() == Some(row),
            _ => false,
        })
        .collect()
}

/// Failed checks that concern table 4's figure at `index` (0..15, three groups of five).
pub fn review_cell<'a>(
    checks: impl IntoIterator<Item = &'a Check>,
    index: usize,
) -> Vec<&'a Check> {
    let group = REVIEW_GROUPS.get(index / REVIEW_RESULTS.len());
    checks
        .into_iter()
        .filter(|c| !c.ok && c.rule == "reviews.group_total")
        .filter(|c| group.is_some_and(|g| c.column == *g))
        .collect()
}

/// Failed checks about one table (`applications` or `reviews`), for the list beside it.
pub fn for_table<'a>(checks: &'a [Check], table: &str) -> Vec<&'a Check> {
    let prefix = format!("{table}.");
    checks
        .iter()
        .filter(|c| !c.ok && c.rule.starts_with(&prefix))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(rule: &str, column: &str, row: Option<&str>, ok: bool) -> Check {
        Check {
            rule: rule.into(),
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
        assert_eq!(for_table(&checks, "applications").len(), 1);
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
        assert_eq!(review_cell(&checks, 4).len(), 1);
        assert_eq!(review_cell(&checks, 3).len(), 1);
        assert!(review_cell(&checks, 9).is_empty());
    }
}
