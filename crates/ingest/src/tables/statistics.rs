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
    let n_values = columns.len().max(2);
    let mut rows = Vec::new();
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
        rows.push(if candidates.len() == 1 {
            StatisticsRow {
                label,
                unit,
                values: candidates[0].iter().map(|v| Some((*v).into())).collect(),
                recovery: Recovery::read().with_raw(Some(raw)),
            }
        } else {
            let note = if candidates.is_empty() {
                format!("数字串“{raw}”无法拆成{n_values}个单元格，保留原文")
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
        });
    }
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
}
