//! The template's consistency rules (勾稽关系), evaluated on the published figures. A failed
//! check is a published inconsistency to flag, never something to correct.

use nianbao_model::tables::{is_result_row, ApplicationsTable, ReviewsTable, APPLICANT_COLUMNS};
use nianbao_model::{Check, ReviewCell, ReviewGroup, ReviewResult, Rule, Tables};

/// Every rule that can be evaluated on the tables (cells that are blank or not recovered
/// leave the rules that need them out).
pub fn evaluate(tables: &Tables) -> Vec<Check> {
    let mut out = Vec::new();
    if let Some(t) = &tables.applications {
        applications(t, &mut out);
    }
    if let Some(t) = &tables.reviews {
        reviews(t, &mut out);
    }
    out
}

fn applications(table: &ApplicationsTable, out: &mut Vec<Check>) {
    let cell = |key: &str, col: usize| {
        table
            .row(key)
            .and_then(|r| r.values.get(col).copied().flatten())
    };
    for (col, name) in APPLICANT_COLUMNS.iter().enumerate() {
        if let (Some(new), Some(carried), Some(total), Some(carried_out)) = (
            cell("new_requests", col),
            cell("carried_in", col),
            cell("results_total", col),
            cell("carried_out", col),
        ) {
            out.push(Check {
                rule: Rule::ApplicationsBalance,
                description: "第一项加第二项之和，等于第三项加第四项之和（本年新收＋上年结转＝办理结果总计＋结转下年度）".into(),
                column: name.to_string(),
                row: None,
                left: new + carried,
                right: total + carried_out,
                ok: new + carried == total + carried_out,
            });
        }
        let results: Vec<Option<i64>> = table
            .rows
            .iter()
            .filter(|r| is_result_row(&r.key))
            .map(|r| r.values.get(col).copied().flatten())
            .collect();
        if let (Some(total), false) = (cell("results_total", col), results.is_empty()) {
            if let Some(sum) = results.iter().copied().sum::<Option<i64>>() {
                out.push(Check {
                    rule: Rule::ApplicationsResultsSum,
                    description: "（七）总计等于各项办理结果之和".into(),
                    column: name.to_string(),
                    row: None,
                    left: total,
                    right: sum,
                    ok: total == sum,
                });
            }
        }
    }
    for row in &table.rows {
        let values: Option<Vec<i64>> = row.values.iter().copied().collect();
        if let Some(v) = values.filter(|v| v.len() == 7) {
            let sum: i64 = v[..6].iter().sum();
            out.push(Check {
                rule: Rule::ApplicationsRowTotal,
                description: "总计列等于自然人与各类法人或其他组织之和".into(),
                column: APPLICANT_COLUMNS[6].to_string(),
                row: Some(row.key.clone()),
                left: v[6],
                right: sum,
                ok: v[6] == sum,
            });
        }
    }
}

fn reviews(table: &ReviewsTable, out: &mut Vec<Check>) {
    for group in ReviewGroup::ALL {
        // The group's five values in printed order, the total last; none blank or missing.
        let values: Option<Vec<i64>> = ReviewResult::ALL
            .iter()
            .map(|&r| {
                let cell = ReviewCell::new(group, r);
                table.values.get(cell.index()).copied().flatten()
            })
            .collect();
        if let Some(v) = values {
            let sum: i64 = v[..4].iter().sum();
            out.push(Check {
                rule: Rule::ReviewsGroupTotal,
                description: "总计等于结果维持、结果纠正、其他结果、尚未审结之和".into(),
                column: group.label().to_string(),
                row: None,
                left: v[4],
                right: sum,
                ok: v[4] == sum,
            });
        }
    }
}
