//! Table 2, 主动公开政府信息情况: blocks headed 第二十条第（N）项, amounts with units.

use nianbao_model::tables::{Amount, ProactiveBlock, ProactiveRow, ProactiveTable, Recovery};

use super::{count_text, distinct, is_placeholder, parse_amount, Norm};
use crate::doc::GridCell;
use crate::split::{splits, Sums};

/// The unit a column label states, e.g. `本年收费金额（单位：万元）` → `万元`.
fn column_unit(label: &str) -> Option<String> {
    let at = label.find("单位")?;
    let rest = &label[at + "单位".len()..];
    let rest = rest.trim_start_matches([':', '：']);
    let unit: String = rest
        .chars()
        .take_while(|c| !matches!(c, '）' | ')'))
        .collect();
    Some(unit).filter(|u| !u.is_empty() && u.chars().count() <= 4)
}

pub(super) fn proactive_from_grid(grid: &[Vec<GridCell>], section: &str) -> ProactiveTable {
    let mut blocks: Vec<ProactiveBlock> = Vec::new();
    for row in grid {
        let cells: Vec<&str> = distinct(row).iter().map(|c| c.text.as_str()).collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        if let Some(item) = cells.iter().find(|c| c.contains("第二十条")) {
            blocks.push(ProactiveBlock {
                item: item.to_string(),
                columns: Vec::new(),
                rows: Vec::new(),
            });
            continue;
        }
        let Some(block) = blocks.last_mut() else {
            continue;
        };
        if cells[0] == "信息内容" {
            block.columns = cells[1..].iter().map(|c| c.to_string()).collect();
            continue;
        }
        let units: Vec<Option<String>> = block.columns.iter().map(|c| column_unit(c)).collect();
        let mut note = None;
        let values: Vec<Option<Amount>> = (0..block.columns.len().max(cells.len() - 1))
            .map(|i| {
                let text = cells.get(i + 1).copied().unwrap_or("");
                if text.is_empty() || is_placeholder(text) {
                    return None;
                }
                let amount = parse_amount(text, units.get(i).cloned().flatten().as_deref());
                if amount.is_none() {
                    note = Some(format!("单元格“{text}”不是数字，按空白处理"));
                }
                amount
            })
            .collect();
        block.rows.push(ProactiveRow {
            label: cells[0].to_string(),
            values,
            recovery: Recovery::read().with_note(note),
        });
    }
    ProactiveTable {
        section: section.to_string(),
        blocks,
    }
}

const PROACTIVE_COLUMNS: &[&str] = &[
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
    "本年处理决定数量",
    "本年收费金额（单位：万元）",
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增/减",
    "处理决定数量",
    "采购项目数量",
    "采购总金额",
];

const PROACTIVE_ROWS: &[&str] = &[
    "行政规范性文件",
    "规范性文件",
    "规章",
    "行政许可",
    "其他对外管理服务事项",
    "行政处罚",
    "行政强制",
    "行政事业性收费",
    "政府集中采购",
];

/// Splits run-together cells of a table 2 row into `columns.len()` amounts.
fn split_proactive(raw: &str, columns: &[String]) -> Result<Vec<Option<Amount>>, String> {
    let units: Vec<Option<String>> = columns.iter().map(|c| column_unit(c)).collect();
    let compact: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    if columns.len() <= 1 {
        return parse_amount(&compact, units.first().cloned().flatten().as_deref())
            .map(|a| vec![Some(a)])
            .ok_or_else(|| format!("“{raw}”不是数字"));
    }
    // Only plain counts can be cut with certainty; signs and decimals make more splits.
    let tokens: Vec<&str> = raw.split_whitespace().collect();
    let plain = tokens.iter().all(|t| t.chars().all(crate::doc::is_digit));
    if !plain {
        return Err(format!(
            "原文数字连写（“{raw}”），含正负号、小数或单位，无法确定单元格边界，保留原文"
        ));
    }
    let candidates = splits(&tokens, columns.len(), Sums::Free, &|_| true);
    match candidates.len() {
        1 => Ok(candidates[0]
            .iter()
            .map(|v| {
                Some(Amount {
                    value: (*v).into(),
                    unit: None,
                })
            })
            .collect()),
        0 => Err(format!(
            "“{raw}”无法拆成{}个单元格，保留原文",
            columns.len()
        )),
        n => Err(format!(
            "原文数字连写（“{raw}”），有{}拆分，表中没有可用的勾稽关系，保留原文",
            count_text(n)
        )),
    }
}

pub(super) fn proactive_from_text(text: &str, section: &str) -> ProactiveTable {
    let norm = Norm::new(text);
    let mut starts = Vec::new();
    let mut at = 0;
    while let Some(found) = norm.find("第二十条", at) {
        starts.push(found);
        at = found + 1;
    }
    let mut blocks = Vec::new();
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(norm.chars.len());
        let item_end = norm
            .find("项", start)
            .filter(|&e| e < end && e < start + 12)
            .map_or(start + 4, |e| e + 1);
        let item = norm.string(start, item_end);
        let mut cursor = item_end;
        if norm.string(cursor, (cursor + 4).min(end)) == "信息内容" {
            cursor += 4;
        }
        let mut columns = Vec::new();
        'columns: loop {
            for label in PROACTIVE_COLUMNS {
                let n = label.chars().count();
                if cursor + n <= end && norm.string(cursor, cursor + n) == *label {
                    columns.push(label.to_string());
                    cursor += n;
                    continue 'columns;
                }
            }
            break;
        }
        let mut rows = Vec::new();
        while cursor < end {
            let label = PROACTIVE_ROWS.iter().find(|l| {
                let n = l.chars().count();
                cursor + n <= end && norm.string(cursor, cursor + n) == **l
            });
            let label = match label {
                Some(l) => l.to_string(),
                None => {
                    // An unknown label: the text up to its first digit.
                    let stop = (cursor..end)
                        .find(|&i| crate::doc::is_digit(norm.chars[i]) || norm.chars[i] == '-')
                        .unwrap_or(end);
                    if stop == cursor {
                        break;
                    }
                    norm.string(cursor, stop)
                }
            };
            cursor += label.chars().count();
            let value_end = (cursor..end)
                .find(|&i| {
                    PROACTIVE_ROWS.iter().any(|l| {
                        let n = l.chars().count();
                        i + n <= end && norm.string(i, i + n) == *l
                    })
                })
                .unwrap_or(end);
            let raw = crate::doc::clean(&text[norm.offs[cursor]..norm.offs[value_end]]).to_string();
            cursor = value_end;
            let row = match split_proactive(&raw, &columns) {
                Ok(values) => ProactiveRow {
                    label,
                    values,
                    recovery: Recovery::read().with_raw((columns.len() > 1).then_some(raw)),
                },
                Err(note) => ProactiveRow {
                    label,
                    values: vec![None; columns.len().max(1)],
                    recovery: Recovery::unread(raw, note),
                },
            };
            rows.push(row);
        }
        blocks.push(ProactiveBlock {
            item,
            columns,
            rows,
        });
    }
    ProactiveTable {
        section: section.to_string(),
        blocks,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_grid;
    use super::*;

    fn amount(value: &str, unit: Option<&str>) -> Option<Amount> {
        Some(Amount {
            value: value.parse().expect("number"),
            unit: unit.map(str::to_string),
        })
    }

    #[test]
    fn grid_blocks_columns_and_amounts() {
        let grid = test_grid(&[
            &["第二十条第（一）项"],
            &["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
            &["规章", "5", "—", "12"],
            &["", "", "", ""],
            &["行政规范性文件", "3件", "若干", ""],
            &["第二十条第（八）项"],
            &["信息内容", "本年收费金额（单位：万元）"],
            &["行政事业性收费", "18651.06"],
        ]);
        let table = proactive_from_grid(&grid, "s2");
        assert_eq!(table.section, "s2");
        assert_eq!(table.blocks.len(), 2);
        let first = &table.blocks[0];
        assert_eq!(first.item, "第二十条第（一）项");
        assert_eq!(
            first.columns,
            ["本年制发件数", "本年废止件数", "现行有效件数"]
        );
        assert_eq!(first.rows.len(), 2);
        assert_eq!(first.rows[0].label, "规章");
        assert_eq!(
            first.rows[0].values,
            [amount("5", None), None, amount("12", None)]
        );
        assert_eq!(first.rows[0].recovery, Recovery::read());
        let documents = &first.rows[1];
        assert_eq!(documents.values, [amount("3", Some("件")), None, None]);
        assert!(documents.recovery.recovered);
        assert_eq!(
            documents.recovery.note.as_deref(),
            Some("单元格“若干”不是数字，按空白处理")
        );
        let fees = &table.blocks[1].rows[0];
        assert_eq!(fees.values, [amount("18651.06", Some("万元"))]);
        assert_eq!(
            fees.values[0].as_ref().unwrap().value.to_string(),
            "18651.06"
        );
    }

    #[test]
    fn text_rows_split_where_unique_and_kept_raw_where_not() {
        let text = "第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 \
                    规章 000 规范性文件 898989 \
                    第二十条第（八）项 信息内容 本年收费金额（单位：万元） 行政事业性收费 18651.06";
        let table = proactive_from_text(text, "s2");
        assert_eq!(table.blocks.len(), 2);
        let first = &table.blocks[0];
        assert_eq!(first.item, "第二十条第（一）项");
        assert_eq!(
            first.columns,
            ["本年制发件数", "本年废止件数", "现行有效件数"]
        );
        let rule = &first.rows[0];
        assert_eq!(rule.label, "规章");
        assert_eq!(
            rule.values,
            [amount("0", None), amount("0", None), amount("0", None)]
        );
        assert_eq!(rule.recovery, Recovery::read().with_raw(Some("000".into())));
        let documents = &first.rows[1];
        assert_eq!(documents.label, "规范性文件");
        assert_eq!(documents.values, vec![None; 3]);
        let note = "原文数字连写（“898989”），有10种拆分，表中没有可用的勾稽关系，保留原文";
        assert_eq!(documents.recovery, Recovery::unread("898989", note));
        // One column: nothing to split, the amount takes the column's unit.
        let second = &table.blocks[1];
        assert_eq!(second.item, "第二十条第（八）项");
        assert_eq!(second.columns, ["本年收费金额（单位：万元）"]);
        assert_eq!(second.rows[0].label, "行政事业性收费");
        assert_eq!(second.rows[0].values, [amount("18651.06", Some("万元"))]);
        assert_eq!(second.rows[0].recovery, Recovery::read());
    }

    #[test]
    fn signs_and_decimals_are_not_split() {
        let columns = ["本年新公开数量".to_string(), "本年增/减".to_string()];
        let err = split_proactive("12 -3.5", &columns).unwrap_err();
        assert_eq!(
            err,
            "原文数字连写（“12 -3.5”），含正负号、小数或单位，无法确定单元格边界，保留原文"
        );
        assert_eq!(
            column_unit("本年收费金额（单位：万元）").as_deref(),
            Some("万元")
        );
        assert_eq!(column_unit("本年制发件数"), None);
    }
}
