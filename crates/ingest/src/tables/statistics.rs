//! The old-format 政府信息公开情况统计表: 指标名称 | 计量单位 | 本年度 | 历年累计.

use nianbao_model::tables::{Recovery, StatisticsRow, StatisticsTable};

use super::{distinct, is_placeholder, parse_amount, Norm};
use crate::doc::GridCell;
use crate::split::splits;

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
            if chars[i].is_ascii_digit() {
                let mut j = i;
                while j < chars.len() && chars[j].is_ascii_digit() {
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
        while j < chars.len() && chars[j].is_ascii_digit() {
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
        let candidates = splits(&tokens, n_values, &|v| n_values != 2 || v[1] >= v[0]);
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
