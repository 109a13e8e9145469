//! Which published table cells a failed consistency check puts a flag on.
//!
//! A failed check is shown where the reader sees the figure it doubts: the printed total
//! that disagrees with its parts. The check itself, with both sides, is listed beside the
//! table; nothing is corrected.

use crate::tables::{APPLICANT_COLUMNS, REVIEW_GROUPS, REVIEW_RESULTS};
use crate::Check;

/// Failed checks that flag table 3's cell at `row` (key) and `col` (index into
/// [`APPLICANT_COLUMNS`]).
pub fn application_cell<'a>(checks: &'a [Check], row: &str, col: usize) -> Vec<&'a Check> {
    let column = APPLICANT_COLUMNS.get(col).copied().unwrap_or_default();
    checks
        .iter()
        .filter(|c| !c.ok)
        .filter(|c| match c.rule.as_str() {
            "applications.balance" | "applications.results_sum" => {
                row == "results_total" && c.column == column
            }
            "applications.row_total" => c.row.as_deref() == Some(row) && column == "总计",
            _ => false,
        })
        .collect()
}

/// Failed checks that flag table 4's cell at `index` (0..15, three groups of five).
pub fn review_cell(checks: &[Check], index: usize) -> Vec<&Check> {
    let group = REVIEW_GROUPS.get(index / REVIEW_RESULTS.len());
    let is_total = index % REVIEW_RESULTS.len() == REVIEW_RESULTS.len() - 1;
    checks
        .iter()
        .filter(|c| !c.ok && c.rule == "reviews.group_total")
        .filter(|c| is_total && group.is_some_and(|g| c.column == *g))
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
    fn a_failed_results_sum_flags_the_printed_total_of_its_column() {
        let checks = [
            check("applications.results_sum", "自然人", None, false),
            check("applications.results_sum", "商业企业", None, true),
        ];
        assert_eq!(application_cell(&checks, "results_total", 0).len(), 1);
        assert!(
            application_cell(&checks, "results_total", 1).is_empty(),
            "passed checks flag nothing"
        );
        assert!(application_cell(&checks, "disclosed", 0).is_empty());
        assert_eq!(for_table(&checks, "applications").len(), 1);
    }

    #[test]
    fn a_failed_row_total_flags_that_rows_total_cell() {
        let checks = [check(
            "applications.row_total",
            "总计",
            Some("disclosed"),
            false,
        )];
        assert_eq!(application_cell(&checks, "disclosed", 6).len(), 1);
        assert!(application_cell(&checks, "disclosed", 0).is_empty());
        assert!(application_cell(&checks, "new_requests", 6).is_empty());
    }

    #[test]
    fn a_failed_group_total_flags_the_groups_total() {
        let checks = [check("reviews.group_total", "行政复议", None, false)];
        assert_eq!(review_cell(&checks, 4).len(), 1);
        assert!(review_cell(&checks, 3).is_empty());
        assert!(review_cell(&checks, 9).is_empty());
    }
}
