//! The old-format 政府信息公开情况统计表: 指标名称 | 计量单位 | 本年度 | 历年累计.

use nianbao_model::tables::{Recovery, StatisticsRow, StatisticsTable};

use super::{distinct, is_placeholder, parse_amount, Norm};
use crate::doc::GridCell;
use crate::split::{splits, Sums};

fn number_cell(text: &str) -> Option<Option<serde_json::Number>> {
    let t = text.trim();
    if t.is_empty() || is_placeholder(t) {
        return Some(None);
    }
    parse_amount(t, None)
        .filter(|a| a.unit.is_none())
        .map(|a| Some(a.value))
}

pub(super) fn statistics_from_grid(grid: &[Vec<GridCell>], section: &str) -> StatisticsTable {
    let mut columns = Vec::new();
    let mut rows = Vec::new();
    for row in grid {
        let cells: Vec<&str> = distinct(row).iter().map(|c| c.text.as_str()).collect();
        if cells.first() == Some(&"指标名称") {
            columns = cells.iter().skip(2).map(|c| c.to_string()).collect();
            continue;
        }
        if cells.len() < 3 {
            continue;
        }
        let mut note = None;
        let values = cells[2..]
            .iter()
            .map(|c| {
                number_cell(c).unwrap_or_else(|| {
                    note = Some(format!("单元格“{c}”不是数字，按空白处理"));
                    None
                })
            })
            .collect();
        rows.push(StatisticsRow {
            label: cells[0].to_string(),
            unit: cells[1].to_string(),
            values,
            recovery: Recovery::read().with_note(note),
        });
    }
    StatisticsTable {
        section: section.to_string(),
        columns,
        rows,
    }
}

const STAT_UNITS: &[&str] = &[
    "人次", "万元", "条", "件", "元", "个", "次", "项", "人", "宗",
];

/// The note on a row whose cut only the table's breakdown arithmetic settled.
const DECIDED_NOTE: &str = "原文数字连写，按“其中”各项之和等于合计（每一列）确定拆分";

/// Combinations of a breakdown's cuts examined at most.
const MAX_COMBINATIONS: usize = 100_000;

/// A row of run-together table text: every cut that fits, and the one the arithmetic chose.
struct TextRow {
    label: String,
    unit: String,
    raw: String,
    candidates: Vec<Vec<i64>>,
    decided: Option<Vec<i64>>,
    /// The breakdown this row is in adds up under no cut.
    no_sum_fits: bool,
}

/// A breakdown row: `其中：1、…` and the numbered rows after it.
fn is_part(label: &str) -> bool {
    label.starts_with("其中") || label.chars().next().is_some_and(crate::doc::is_digit)
}

/// The table's own arithmetic: in each breakdown (a total row, then `其中：1、…`, `2、…`) the
/// parts add up to the total in every column. Where the cuts of a breakdown's rows admit
/// exactly one combination that adds up, the ambiguous rows take it; otherwise they stay raw.
fn decide_by_breakdowns(rows: &mut [TextRow]) {
    let mut k = 0;
    while k < rows.len() {
        let starts =
            k + 1 < rows.len() && !is_part(&rows[k].label) && rows[k + 1].label.starts_with("其中");
        if !starts {
            k += 1;
            continue;
        }
        let mut end = k + 2;
        while end < rows.len() && is_part(&rows[end].label) && !rows[end].label.starts_with("其中")
        {
            end += 1;
        }
        let group = &rows[k..end];
        let ambiguous = group.iter().any(|r| r.candidates.len() > 1);
        let combinations = group
            .iter()
            .try_fold(1usize, |n, r| n.checked_mul(r.candidates.len()))
            .filter(|&n| n > 0 && n <= MAX_COMBINATIONS);
        if ambiguous && combinations.is_some() {
            let mut fitting: Vec<Vec<usize>> = Vec::new();
            let mut pick = vec![0usize; group.len()];
            loop {
                let adds_up = (0..group[0].candidates[pick[0]].len()).all(|c| {
                    let parts: i64 = (1..group.len())
                        .map(|m| group[m].candidates[pick[m]][c])
                        .sum();
                    parts == group[0].candidates[pick[0]][c]
                });
                if adds_up {
                    fitting.push(pick.clone());
                    if fitting.len() > 1 {
                        break;
                    }
                }
                // The next combination, odometer-wise.
                let mut m = 0;
                while m < group.len() {
                    pick[m] += 1;
                    if pick[m] < group[m].candidates.len() {
                        break;
                    }
                    pick[m] = 0;
                    m += 1;
                }
                if m == group.len() {
                    break;
                }
            }
            match fitting.as_slice() {
                [only] => {
                    for (m, &p) in only.iter().enumerate() {
                        let row = &mut rows[k + m];
                        row.decided = Some(row.candidates[p].clone());
                    }
                }
                [] => rows[k..end].iter_mut().for_each(|r| r.no_sum_fits = true),
                _ => {}
            }
        }
        k = end;
    }
}

pub(super) fn statistics_from_text(text: &str, section: &str) -> StatisticsTable {
    let norm = Norm::new(text);
    let chars = &norm.chars;
    let mut cursor = norm.find("计量单位", 0).map_or(0, |a| a + 4);
    let mut columns = Vec::new();
    if let Some(year_end) = norm.find("年度", cursor).filter(|&e| e < cursor + 8) {
        columns.push(norm.string(cursor, year_end + 2));
        cursor = year_end + 2;
        if norm.string(cursor, (cursor + 4).min(chars.len())) == "历年累计" {
            columns.push("历年累计".to_string());
            cursor += 4;
        }
    }
    // Without a column header the template's two columns (本年度 | 历年累计) are assumed.
    let n_values = if columns.is_empty() { 2 } else { columns.len() };
    let mut read: Vec<TextRow> = Vec::new();
    while cursor < chars.len() {
        // The label runs to the first digit that is not the label's own number (`1、`).
        let mut i = cursor;
        while i < chars.len() {
            if crate::doc::is_digit(chars[i]) {
                let mut j = i;
                while j < chars.len() && crate::doc::is_digit(chars[j]) {
                    j += 1;
                }
                if j < chars.len() && matches!(chars[j], '、' | '.' | '．') && j - i <= 2 {
                    i = j + 1;
                    continue;
                }
                break;
            }
            i += 1;
        }
        if i >= chars.len() {
            break;
        }
        let label_run = norm.string(cursor, i);
        let unit = STAT_UNITS
            .iter()
            .find(|u| label_run.ends_with(**u) && label_run.len() > u.len())
            .map(|u| u.to_string())
            .unwrap_or_default();
        let label = label_run[..label_run.len() - unit.len()].to_string();
        // Values: the digit run, less a trailing number that belongs to the next label.
        let mut j = i;
        while j < chars.len() && crate::doc::is_digit(chars[j]) {
            j += 1;
        }
        let mut value_end = j;
        if j < chars.len() && matches!(chars[j], '、' | '.' | '．') && j - i > 1 {
            value_end = j - 1;
        }
        let raw = crate::doc::clean(&text[norm.offs[i]..norm.offs[value_end]]).to_string();
        cursor = value_end;
        let tokens: Vec<&str> = raw.split_whitespace().collect();
        // 历年累计 includes the year's own figure.
        let candidates = splits(&tokens, n_values, Sums::Free, &|v| {
            n_values != 2 || v[1] >= v[0]
        });
        read.push(TextRow {
            label,
            unit,
            raw,
            candidates,
            decided: None,
            no_sum_fits: false,
        });
    }
    decide_by_breakdowns(&mut read);
    let rows = read
        .into_iter()
        .map(|row| {
            let TextRow {
                label,
                unit,
                raw,
                candidates,
                decided,
                no_sum_fits,
            } = row;
            if candidates.len() == 1 {
                return StatisticsRow {
                    label,
                    unit,
                    values: candidates[0].iter().map(|v| Some((*v).into())).collect(),
                    recovery: Recovery::read().with_raw(Some(raw)),
                };
            }
            if let Some(values) = decided {
                return StatisticsRow {
                    label,
                    unit,
                    values: values.iter().map(|v| Some((*v).into())).collect(),
                    recovery: Recovery::read()
                        .with_raw(Some(raw))
                        .with_note(Some(DECIDED_NOTE.to_string())),
                };
            }
            let note = if candidates.is_empty() {
                format!("数字串“{raw}”无法拆成{n_values}个单元格，保留原文")
            } else if no_sum_fits {
                format!(
                    "原文数字连写（“{raw}”），有{}种拆分满足“历年累计不小于本年度”，而“其中”各项之和在任何拆分下都与合计不符，无法确定，保留原文",
                    candidates.len()
                )
            } else {
                format!(
                    "原文数字连写（“{raw}”），有{}种拆分满足“历年累计不小于本年度”，无法确定，保留原文",
                    candidates.len()
                )
            };
            StatisticsRow {
                label,
                unit,
                values: vec![None; n_values],
                recovery: Recovery::unread(raw, note),
            }
        })
        .collect();
    StatisticsTable {
        section: section.to_string(),
        columns,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_grid;
    use super::*;

    fn numbers(values: &[i64]) -> Vec<Option<serde_json::Number>> {
        values.iter().map(|v| Some((*v).into())).collect()
    }

    #[test]
    fn grid_rows_with_unit_and_value_columns() {
        let grid = test_grid(&[
            &["政府信息公开情况统计表"],
            &["指标名称", "计量单位", "2015年度", "历年累计"],
            &["一、主动公开政府信息数", "条", "120", "3400"],
            &["其中：1、政府网站公开数", "条", "—", "若干"],
        ]);
        let table = statistics_from_grid(&grid, "s6");
        assert_eq!(table.section, "s6");
        assert_eq!(table.columns, ["2015年度", "历年累计"]);
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0].label, "一、主动公开政府信息数");
        assert_eq!(table.rows[0].unit, "条");
        assert_eq!(table.rows[0].values, numbers(&[120, 3400]));
        assert_eq!(table.rows[0].recovery, Recovery::read());
        let second = &table.rows[1];
        assert_eq!(second.values, [None, None]);
        assert!(second.recovery.recovered);
        assert_eq!(
            second.recovery.note.as_deref(),
            Some("单元格“若干”不是数字，按空白处理")
        );
    }

    #[test]
    fn text_rows_split_where_unique_and_kept_raw_where_not() {
        // The 2 of 2、 belongs to the next label, not to the digits before it.
        let text = "指标名称 计量单位 2015年度 历年累计 一、主动公开政府信息数 条 120 3400 \
                    2、政府网站公开数 条 5 15 二、依申请公开数 件 1234";
        let table = statistics_from_text(text, "s6");
        assert_eq!(table.columns, ["2015年度", "历年累计"]);
        let labels: Vec<(&str, &str)> = table
            .rows
            .iter()
            .map(|r| (r.label.as_str(), r.unit.as_str()))
            .collect();
        assert_eq!(
            labels,
            [
                ("一、主动公开政府信息数", "条"),
                ("2、政府网站公开数", "条"),
                ("二、依申请公开数", "件"),
            ]
        );
        assert_eq!(table.rows[0].values, numbers(&[120, 3400]));
        assert_eq!(
            table.rows[0].recovery,
            Recovery::read().with_raw(Some("120 3400".into()))
        );
        assert_eq!(table.rows[1].values, numbers(&[5, 15]));
        // 1|234 and 12|34 both keep 历年累计 ≥ 本年度.
        let requests = &table.rows[2];
        assert_eq!(requests.values, [None, None]);
        let note =
            "原文数字连写（“1234”），有2种拆分满足“历年累计不小于本年度”，无法确定，保留原文";
        assert_eq!(requests.recovery, Recovery::unread("1234", note));
    }

    #[test]
    fn text_digits_too_few_for_the_columns_are_kept_raw() {
        let table = statistics_from_text("指标名称 计量单位 2015年度 历年累计 申请数 件 7", "s6");
        assert_eq!(table.rows.len(), 1);
        assert_eq!(table.rows[0].label, "申请数");
        assert_eq!(table.rows[0].values, [None, None]);
        let note = "数字串“7”无法拆成2个单元格，保留原文";
        assert_eq!(table.rows[0].recovery, Recovery::unread("7", note));
    }

    #[test]
    fn fused_columns_are_cut_by_the_breakdown_sums() {
        // 平潭县 2013: 本年度 and 历年累计 run together; "728" alone is 7|28 by 历年累计 ≥ 本年度,
        // "2121" is 2|121 or 21|21 and only 21|21 lets its 其中 rows add up.
        let text = "指标名称计量单位2013年度历年累计受理依申请公开信息总数条2121其中：1.当面申请数条18182.传真申请数条003.电子邮件申请数条33\
                    对申请的答复数条728其中：1.同意公开答复数条5182.同意部分公开答复数条2103.否决公开答复数条00\
                    主动公开信息数条18535395其中：1.网站公开条171350172.政府公报公开条07行政复议数条00";
        let table = statistics_from_text(text, "s4");
        let values: Vec<(&str, Vec<Option<serde_json::Number>>, bool)> = table
            .rows
            .iter()
            .map(|r| (r.label.as_str(), r.values.clone(), r.recovery.recovered))
            .collect();
        assert_eq!(
            values[0],
            ("受理依申请公开信息总数", numbers(&[21, 21]), true)
        );
        assert_eq!(values[1], ("其中：1.当面申请数", numbers(&[18, 18]), true));
        assert_eq!(table.rows[0].recovery.note.as_deref(), Some(DECIDED_NOTE));
        assert_eq!(values[3], ("3.电子邮件申请数", numbers(&[3, 3]), true));
        assert_eq!(values[4], ("对申请的答复数", numbers(&[7, 28]), true));
        assert_eq!(values[5].1, numbers(&[5, 18]));
        assert_eq!(values[6].1, numbers(&[2, 10]));
        // No cut lets 1853…|…5395 equal 1713…|…5017 plus 0|7: both rows stay raw.
        for row in &table.rows[8..10] {
            assert!(!row.recovery.recovered, "{}", row.label);
            assert_eq!(row.values, [None, None]);
            assert!(row
                .recovery
                .note
                .as_deref()
                .unwrap()
                .contains("都与合计不符"));
        }
        assert_eq!(table.rows[10].values, numbers(&[0, 7]));
        assert_eq!(table.rows[11].label, "行政复议数");
    }

    #[test]
    fn several_fitting_cuts_keep_the_rows_raw() {
        // 平潭 2016: total and its one part are the same digits; every cut adds up.
        let text = "指标名称计量单位2016年度历年累计主动公开文件数条346085376其中：1、政府网站公开数条3460853762、政府公报公开数条00";
        let table = statistics_from_text(text, "s6");
        assert!(!table.rows[0].recovery.recovered);
        assert!(!table.rows[1].recovery.recovered);
        assert_eq!(table.rows[2].values, numbers(&[0, 0]));
    }
}
