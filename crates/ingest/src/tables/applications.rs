//! Table 3, 收到和处理政府信息公开申请情况: rows recognised by their label, seven value columns.

use nianbao_model::outline::parse_numbering;
use nianbao_model::tables::{
    is_result_row, ApplicationsRow, ApplicationsTable, Recovery, APPLICATION_ROWS,
};

use super::{count_cell, count_text, digit_run, distinct, is_placeholder, Norm};
use crate::doc::GridCell;
use crate::split::{splits, MAX_SPLITS, ROW_TOTAL};

/// How each row of table 3 is recognised: the start of its label after the number.
/// Order matters: the first match wins, and text is searched in this order.
const ROW_CORES: &[(&str, &str)] = &[
    ("new_requests", "本年新收"),
    ("carried_in", "上年结转"),
    ("disclosed", "予以公开"),
    ("partly_disclosed", "部分公开"),
    ("withheld.state_secret", "属于国家秘密"),
    ("withheld.prohibited", "其他法律行政法规禁止公开"),
    ("withheld.security", "危及"),
    ("withheld.third_party", "保护第三方合法权益"),
    ("withheld.internal", "属于三类内部事务信息"),
    ("withheld.process", "属于四类过程性信息"),
    ("withheld.enforcement_file", "属于行政执法案卷"),
    ("withheld.query", "属于行政查询事项"),
    ("unavailable.not_held", "本机关不掌握"),
    ("unavailable.needs_creation", "没有现成信息"),
    ("unavailable.unclear", "补正后申请内容"),
    ("not_processed.petition", "信访举报投诉"),
    ("not_processed.duplicate", "重复申请"),
    ("not_processed.publication", "要求提供公开出版物"),
    ("not_processed.excessive", "无正当理由大量反复"),
    ("not_processed.reconfirm", "要求行政机关确认"),
    ("other", "其他处理"),
    ("other.no_correction", "申请人无正当理由逾期不补正"),
    ("other.unpaid_fee", "申请人逾期未按收费通知"),
    ("other.other", "其他"),
    ("results_total", "总计"),
    ("carried_out", "结转下年度继续办理"),
];

fn template_group(key: &str) -> Option<String> {
    APPLICATION_ROWS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, g, _)| g.to_string())
        .filter(|g| !g.is_empty())
}

fn template_label(key: &str) -> &'static str {
    APPLICATION_ROWS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map_or("", |(_, _, l)| l)
}

/// The label without its number (`1.属于国家秘密` → `属于国家秘密`).
fn without_number(label: &str) -> &str {
    match parse_numbering(label) {
        Some(n) => &label[n.len..],
        None => label,
    }
}

/// The key of a table 3 row from its label; `context` is the group cells before it.
fn classify_row(label: &str, context: &str, previous: Option<&str>) -> Option<&'static str> {
    // Full-width numbers (３.其他) read as ASCII ones.
    let label = crate::doc::fold_str(label);
    let bare = without_number(&label);
    if bare == "其他" {
        // 3.其他 under （六）其他处理 (2021 template).
        if context.contains("其他处理") || previous.is_some_and(|p| p.starts_with("other.")) {
            return Some("other.other");
        }
        return None;
    }
    ROW_CORES
        .iter()
        .filter(|(k, _)| *k != "other.other")
        .find(|(_, core)| {
            bare.starts_with(core) || (core.chars().count() >= 4 && bare.contains(core))
        })
        .map(|(k, _)| *k)
}

fn missing_rows_notes(rows: &[ApplicationsRow]) -> Vec<String> {
    let has = |k: &str| rows.iter().any(|r| r.key == k);
    let has_other_parts = rows.iter().any(|r| r.key.starts_with("other."));
    APPLICATION_ROWS
        .iter()
        .filter(|(k, _, _)| !has(k))
        .filter(|(k, _, _)| {
            // The 2019 template has `other`, the 2021 template `other.*`: either is complete.
            if *k == "other" {
                !has_other_parts
            } else if k.starts_with("other.") {
                has_other_parts
            } else {
                true
            }
        })
        .map(|(_, _, label)| format!("表中缺少“{label}”一行"))
        .collect()
}

pub(super) fn applications_from_grid(grid: &[Vec<GridCell>], section: &str) -> ApplicationsTable {
    let mut rows: Vec<ApplicationsRow> = Vec::new();
    let mut notes = Vec::new();
    // Group labels of merged cells that an export wrote once, with empty cells below (Word's
    // vertical merge without rowspan): carried down their column.
    let mut carried: Vec<String> = Vec::new();
    for row in grid {
        let cells = distinct(row);
        if cells.len() < 8 {
            continue;
        }
        let (labels, values) = cells.split_at(cells.len() - 7);
        let mut parsed = Vec::with_capacity(7);
        let mut placeholders = false;
        let mut ok = true;
        for cell in values {
            match count_cell(&cell.text) {
                Some(v) => parsed.push(v),
                None if is_placeholder(&cell.text) => {
                    placeholders = true;
                    parsed.push(None);
                }
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if !ok {
            continue; // a header row
        }
        let Some(label_cell) = labels.last() else {
            continue;
        };
        let label = label_cell.text.clone();
        let groups = &labels[..labels.len() - 1];
        carried.resize(carried.len().max(groups.len()), String::new());
        let groups: Vec<String> = groups
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if c.text.is_empty() {
                    carried[i].clone()
                } else {
                    carried[i] = c.text.clone();
                    c.text.clone()
                }
            })
            .collect();
        let context: String = groups.concat();
        let previous = rows.last().map(|r| r.key.as_str());
        let Some(key) = classify_row(&label, &context, previous) else {
            notes.push(format!("未能识别的行“{label}”未计入"));
            continue;
        };
        if rows.iter().any(|r| r.key == key) {
            notes.push(format!("“{label}”一行重复出现，只取第一次"));
            continue;
        }
        let group = groups
            .iter()
            .rev()
            .find(|t| !t.is_empty() && **t != label)
            .cloned()
            .or_else(|| template_group(key));
        rows.push(ApplicationsRow {
            key: key.to_string(),
            label,
            group,
            values: parsed,
            recovery: Recovery::read().with_note(
                placeholders.then(|| "表中以“—”等符号填写的单元格按空白处理".to_string()),
            ),
        });
    }
    notes.extend(missing_rows_notes(&rows));
    ApplicationsTable {
        section: section.to_string(),
        rows,
        notes,
    }
}

/// The start of a label's number just before `at` (`2.` in `…00000002.其他…`).
fn number_start(norm: &Norm, at: usize, floor: usize) -> usize {
    for k in 1..=5 {
        if at < floor + k {
            break;
        }
        let mut s = norm.string(at - k, at);
        s.push(norm.chars.get(at).copied().unwrap_or('x'));
        if let Some(n) = parse_numbering(&crate::doc::fold_str(&s)) {
            if n.printed.chars().count() == k {
                return at - k;
            }
        }
    }
    at
}

struct TextRow {
    key: &'static str,
    label: String,
    raw: String,
    candidates: Vec<Vec<i64>>,
    /// Why the row has no candidate.
    problem: Option<String>,
}

/// Table 3 from run-together text; also returns the byte offset where the table's last row
/// ends within `text` (0 if no row was found).
pub fn applications_from_text(text: &str, section: &str) -> (ApplicationsTable, usize) {
    let norm = Norm::new(text);
    // Find each row's label core, in template order.
    let mut found: Vec<(&'static str, usize, usize)> = Vec::new(); // key, core start, core end
    let mut cursor = norm.find("本年新收", 0).unwrap_or(0);
    let mut other_is_group = false;
    for (key, core) in ROW_CORES {
        if key.starts_with("other.") && !other_is_group {
            continue;
        }
        let Some(at) = norm.find(core, cursor) else {
            continue;
        };
        let end = at + core.chars().count();
        if *key == "other" {
            // Either a row of its own (2019) or the group of three sub-rows (2021).
            let next = norm.find("申请人", end).unwrap_or(usize::MAX);
            let digit = (end..norm.chars.len()).find(|&i| crate::doc::is_digit(norm.chars[i]));
            if next != usize::MAX && digit.is_some_and(|d| next <= d + 2) {
                other_is_group = true;
                cursor = end;
                continue;
            }
        }
        found.push((key, at, end));
        cursor = end;
    }
    let mut rows = Vec::new();
    let mut end_of_table = 0;
    for (i, &(key, at, core_end)) in found.iter().enumerate() {
        let floor = if i == 0 { 0 } else { found[i - 1].2 };
        let label_start = number_start(&norm, at, floor);
        let next_label = found
            .get(i + 1)
            .map_or(norm.chars.len(), |&(_, next_at, _)| {
                number_start(&norm, next_at, core_end)
            });
        let (from, to) = (norm.offs[core_end], norm.offs[next_label]);
        let span = &text[from..to.max(from)];
        let digits_at = span.find(crate::doc::is_digit).unwrap_or(span.len());
        let raw = digit_run(&span[digits_at..]);
        let label = crate::doc::clean(&text[norm.offs[label_start]..from + digits_at]).to_string();
        if !raw.is_empty() {
            end_of_table = from + digits_at + raw.len();
        }
        let tokens: Vec<&str> = raw.split_whitespace().collect();
        let candidates = splits(&tokens, 7, ROW_TOTAL, &|_| true);
        let problem = if raw.is_empty() {
            Some("该行没有数字".to_string())
        } else if candidates.is_empty() {
            Some(format!(
                "数字串“{raw}”无法拆成七个单元格并满足“总计等于各列之和”"
            ))
        } else {
            None
        };
        rows.push(TextRow {
            key,
            label: if label.is_empty() {
                template_label(key).to_string()
            } else {
                label
            },
            raw: raw.to_string(),
            candidates,
            problem,
        });
    }
    let (rows, mut notes) = resolve_rows(rows);
    notes.extend(missing_rows_notes(&rows));
    (
        ApplicationsTable {
            section: section.to_string(),
            rows,
            notes,
        },
        end_of_table,
    )
}

/// Picks each row's split: a row with one candidate is recovered; rows with several are
/// decided together by the column checks only when exactly one combination satisfies them.
fn resolve_rows(rows: Vec<TextRow>) -> (Vec<ApplicationsRow>, Vec<String>) {
    let mut notes = Vec::new();
    let ambiguous: Vec<usize> = (0..rows.len())
        .filter(|&i| rows[i].candidates.len() > 1)
        .collect();
    let mut chosen: Vec<Option<Vec<i64>>> = rows
        .iter()
        .map(|r| (r.candidates.len() == 1).then(|| r.candidates[0].clone()))
        .collect();
    let mut decided_by_columns = false;
    let mut ambiguity_note = String::new();
    if !ambiguous.is_empty() {
        let combinations = ambiguous
            .iter()
            .try_fold(1usize, |acc, &i| acc.checked_mul(rows[i].candidates.len()))
            .filter(|&n| n <= 100_000);
        let all_known = rows.iter().all(|r| !r.candidates.is_empty());
        match combinations {
            Some(_) if all_known && rows.iter().any(|r| r.candidates.len() >= MAX_SPLITS) => {
                ambiguity_note = "可能的拆分过多，无法确定".into();
            }
            Some(n) if all_known => {
                let mut fitting = Vec::new();
                for mut index in 0..n {
                    let mut trial = chosen.clone();
                    for &i in &ambiguous {
                        let c = &rows[i].candidates;
                        trial[i] = Some(c[index % c.len()].clone());
                        index /= c.len();
                    }
                    let keys: Vec<&str> = rows.iter().map(|r| r.key).collect();
                    if columns_hold(&keys, &trial) {
                        fitting.push(trial);
                        if fitting.len() > 1 {
                            break;
                        }
                    }
                }
                if fitting.len() == 1 {
                    chosen = fitting.pop().expect("one");
                    decided_by_columns = true;
                } else if fitting.is_empty() {
                    ambiguity_note = "没有一种拆分能使各列满足勾稽关系".into();
                } else {
                    ambiguity_note = "有多种拆分都满足行合计和各列勾稽关系".into();
                }
            }
            Some(_) => {
                ambiguity_note = "其他行无法拆分，不能用各列勾稽关系确定".into();
            }
            None => ambiguity_note = "可能的拆分组合过多，无法确定".into(),
        }
    }
    let out = rows
        .into_iter()
        .zip(chosen)
        .map(|(row, values)| {
            let group = template_group(row.key);
            match values {
                Some(values) => ApplicationsRow {
                    key: row.key.to_string(),
                    label: row.label,
                    group,
                    values: values.into_iter().map(Some).collect(),
                    recovery: Recovery::read()
                        .with_note((decided_by_columns && row.candidates.len() > 1).then(|| {
                            format!(
                                "原文数字连写（“{}”），有{}种拆分满足行合计，由各列勾稽关系确定",
                                row.raw,
                                row.candidates.len()
                            )
                        }))
                        .with_raw(Some(row.raw)),
                },
                None => {
                    let note = row.problem.clone().unwrap_or_else(|| {
                        format!(
                            "原文数字连写（“{}”），有{}拆分满足行合计：{}，保留原文",
                            row.raw,
                            count_text(row.candidates.len()),
                            ambiguity_note
                        )
                    });
                    notes.push(format!("“{}”一行未能还原：{note}", row.label));
                    ApplicationsRow {
                        key: row.key.to_string(),
                        label: row.label,
                        group,
                        values: vec![None; 7],
                        recovery: Recovery::unread(row.raw, note),
                    }
                }
            }
        })
        .collect();
    (out, notes)
}

/// Whether every column satisfies 一+二 = 三(七)+四 and （七） = sum of the result rows.
fn columns_hold(keys: &[&str], values: &[Option<Vec<i64>>]) -> bool {
    let get = |key: &str| {
        keys.iter()
            .position(|k| *k == key)
            .and_then(|i| values[i].as_ref())
    };
    let (Some(new), Some(carried), Some(total), Some(out)) = (
        get("new_requests"),
        get("carried_in"),
        get("results_total"),
        get("carried_out"),
    ) else {
        return false;
    };
    (0..7).all(|c| {
        let results: i64 = keys
            .iter()
            .zip(values)
            .filter(|(k, _)| is_result_row(k))
            .filter_map(|(_, v)| v.as_ref().map(|v| v[c]))
            .sum();
        new[c] + carried[c] == total[c] + out[c] && total[c] == results
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_grid;
    use super::*;

    #[test]
    fn grid_rows_by_label_with_group_placeholders_and_notes() {
        let grid = test_grid(&[
            &["收到和处理政府信息公开申请情况"],
            &[
                "",
                "自然人",
                "商业企业",
                "科研机构",
                "社会公益组织",
                "法律服务机构",
                "其他",
                "总计",
            ],
            &[
                "一、本年新收政府信息公开申请数量",
                "5",
                "1",
                "0",
                "0",
                "0",
                "0",
                "6",
            ],
            &[
                "三、本年度办理结果",
                "（一）予以公开",
                "3",
                "—",
                "",
                "0",
                "0",
                "0",
                "3",
            ],
            &["（八）合计说明", "1", "0", "0", "0", "0", "0", "1"],
            &[
                "一、本年新收政府信息公开申请数量",
                "9",
                "0",
                "0",
                "0",
                "0",
                "0",
                "9",
            ],
        ]);
        let table = applications_from_grid(&grid, "s3");
        assert_eq!(table.section, "s3");
        let keys: Vec<&str> = table.rows.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(keys, ["new_requests", "disclosed"]);
        let new = &table.rows[0];
        assert_eq!(new.label, "一、本年新收政府信息公开申请数量");
        assert_eq!(new.group, None);
        assert_eq!(new.values, [5, 1, 0, 0, 0, 0, 6].map(Some));
        assert_eq!(new.recovery, Recovery::read());
        let disclosed = &table.rows[1];
        assert_eq!(disclosed.group.as_deref(), Some("三、本年度办理结果"));
        assert_eq!(
            disclosed.values,
            [Some(3), None, None, Some(0), Some(0), Some(0), Some(3)]
        );
        assert!(disclosed.recovery.recovered);
        assert_eq!(
            disclosed.recovery.note.as_deref(),
            Some("表中以“—”等符号填写的单元格按空白处理")
        );
        assert_eq!(table.notes[0], "未能识别的行“（八）合计说明”未计入");
        assert_eq!(
            table.notes[1],
            "“一、本年新收政府信息公开申请数量”一行重复出现，只取第一次"
        );
        assert_eq!(
            table.notes[2],
            "表中缺少“二、上年结转政府信息公开申请数量”一行"
        );
        // 26 template rows, two present; without `other.*` rows the single `other` is missing.
        assert_eq!(table.notes.len(), 2 + 21);
        assert!(table
            .notes
            .iter()
            .any(|n| n == "表中缺少“（六）其他处理”一行"));
        assert!(!table.notes.iter().any(|n| n.contains("3.其他")));
    }

    #[test]
    fn text_rows_split_where_unique_and_kept_raw_where_not() {
        let text = "一、本年新收政府信息公开申请数量 5100006 二、上年结转政府信息公开申请数量 \
                    1000001 三、本年度办理结果 （一）予以公开 1234567 注";
        let (table, end) = applications_from_text(text, "s3");
        assert_eq!(end, text.find("1234567").unwrap() + "1234567".len());
        let keys: Vec<&str> = table.rows.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(keys, ["new_requests", "carried_in", "disclosed"]);
        let new = &table.rows[0];
        assert_eq!(new.label, "一、本年新收政府信息公开申请数量");
        assert_eq!(new.values, [5, 1, 0, 0, 0, 0, 6].map(Some));
        assert_eq!(
            new.recovery,
            Recovery::read().with_raw(Some("5100006".into()))
        );
        assert_eq!(table.rows[1].label, "二、上年结转政府信息公开申请数量");
        assert_eq!(table.rows[1].values, [1, 0, 0, 0, 0, 0, 1].map(Some));
        // 1+2+3+4+5+6 is not 7: no split satisfies the row total.
        let disclosed = &table.rows[2];
        assert_eq!(disclosed.label, "（一）予以公开");
        assert_eq!(disclosed.group.as_deref(), Some("三、本年度办理结果"));
        assert_eq!(disclosed.values, vec![None; 7]);
        let note = "数字串“1234567”无法拆成七个单元格并满足“总计等于各列之和”";
        assert_eq!(disclosed.recovery, Recovery::unread("1234567", note));
        assert_eq!(
            table.notes[0],
            format!("“（一）予以公开”一行未能还原：{note}")
        );
    }

    #[test]
    fn ambiguous_text_rows_without_column_checks_are_kept_raw() {
        // 110000011 is 1|10|0|0|0|0|11 or 11|0|0|0|0|0|11; without rows 一、二、（七）、四 the
        // column checks cannot choose.
        let text = "一、本年新收政府信息公开申请数量 110000011 （一）予以公开 1000001";
        let (table, _) = applications_from_text(text, "s3");
        let new = &table.rows[0];
        assert_eq!(new.values, vec![None; 7]);
        let note = "原文数字连写（“110000011”），有2种拆分满足行合计：\
                    没有一种拆分能使各列满足勾稽关系，保留原文";
        assert_eq!(new.recovery, Recovery::unread("110000011", note));
        assert_eq!(table.rows[1].values, [1, 0, 0, 0, 0, 0, 1].map(Some));
        assert!(table.rows[1].recovery.recovered);
        assert_eq!(
            table.notes[0],
            format!("“一、本年新收政府信息公开申请数量”一行未能还原：{note}")
        );
    }

    #[test]
    fn the_column_checks_decide_an_ambiguous_row() {
        // Separate tokens are never joined, so "11 0 0 0 0 0 11" has one split; 一+二 = （七）+四
        // then leaves 11|0|0|0|0|0|11 for row 一.
        let text = "一、本年新收政府信息公开申请数量 110000011 \
                    二、上年结转政府信息公开申请数量 0000000 \
                    三、本年度办理结果 （一）予以公开 11 0 0 0 0 0 11 \
                    （七）总计 11 0 0 0 0 0 11 \
                    四、结转下年度继续办理 0000000";
        let (table, _) = applications_from_text(text, "s3");
        let keys: Vec<&str> = table.rows.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "new_requests",
                "carried_in",
                "disclosed",
                "results_total",
                "carried_out"
            ]
        );
        let new = &table.rows[0];
        assert_eq!(new.values, [11, 0, 0, 0, 0, 0, 11].map(Some));
        let note = "原文数字连写（“110000011”），有2种拆分满足行合计，由各列勾稽关系确定";
        let expected = Recovery::read()
            .with_note(Some(note.into()))
            .with_raw(Some("110000011".into()));
        assert_eq!(new.recovery, expected);
        assert!(table.rows.iter().all(|r| r.recovery.recovered));
        assert!(!table.notes.iter().any(|n| n.contains("未能还原")));
    }
}
