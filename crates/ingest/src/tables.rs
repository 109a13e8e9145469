//! The standard tables as typed data: from table markup (a grid with spans expanded) or from
//! table text whose cells ran together (cells recovered with [`crate::split`]).

use nianbao_model::outline::parse_numbering;
use nianbao_model::tables::{
    is_result_row, Amount, ApplicationsRow, ApplicationsTable, ProactiveBlock, ProactiveRow,
    ProactiveTable, ReviewsTable, StatisticsRow, StatisticsTable, APPLICATION_ROWS,
};
use nianbao_model::Tables;

use crate::doc::{GridCell, TableBlock, TableKind};
use crate::split::{review_groups_hold, row_total_holds, splits, MAX_SPLITS};

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

/// "3种", or "64种以上" when the search stopped at [`MAX_SPLITS`].
fn count_text(n: usize) -> String {
    if n >= MAX_SPLITS {
        format!("{n}种以上")
    } else {
        format!("{n}种")
    }
}

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
    let bare = without_number(label);
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

/// A cell as a count: `Some(None)` for a blank cell, `None` if it is not a count.
fn count_cell(text: &str) -> Option<Option<i64>> {
    let t = text.trim();
    if t.is_empty() {
        return Some(None);
    }
    if t.len() <= 15 && t.bytes().all(|b| b.is_ascii_digit()) {
        return t.parse().ok().map(Some);
    }
    None
}

fn is_placeholder(text: &str) -> bool {
    matches!(text, "—" | "-" | "－" | "/" | "／" | "——" | "无")
}

/// Distinct cells of a grid row (a spanning cell counts once), in order.
fn distinct(row: &[GridCell]) -> Vec<&GridCell> {
    let mut out: Vec<&GridCell> = Vec::new();
    for cell in row {
        if out
            .last()
            .is_none_or(|last| last.origin != cell.origin || cell.origin == usize::MAX)
        {
            out.push(cell);
        }
    }
    out
}

fn grid_text(grid: &[Vec<GridCell>]) -> String {
    grid.iter().flatten().map(|c| c.text.as_str()).collect()
}

/// What a grid holds, from its labels.
pub fn grid_kind(grid: &[Vec<GridCell>]) -> Option<TableKind> {
    let text = grid_text(grid);
    if text.contains("自然人") && text.contains("总计") {
        Some(TableKind::Applications)
    } else if text.contains("行政复议") && text.contains("行政诉讼") && text.contains("维持")
    {
        Some(TableKind::Reviews)
    } else if text.contains("第二十条") {
        Some(TableKind::Proactive)
    } else if text.contains("指标名称") && text.contains("计量单位") {
        Some(TableKind::Statistics)
    } else {
        None
    }
}

/// Reads one table block into `tables` (the first table of each kind wins).
pub fn read_table(block: &TableBlock, section: &str, tables: &mut Tables) {
    match block {
        TableBlock::Grid(grid) => match grid_kind(grid) {
            Some(TableKind::Applications) if tables.applications.is_none() => {
                tables.applications = Some(applications_from_grid(grid, section));
            }
            Some(TableKind::Reviews) if tables.reviews.is_none() => {
                tables.reviews = reviews_from_grid(grid, section);
            }
            Some(TableKind::Proactive) if tables.proactive.is_none() => {
                tables.proactive = Some(proactive_from_grid(grid, section));
            }
            Some(TableKind::Statistics) if tables.statistics.is_none() => {
                tables.statistics = Some(statistics_from_grid(grid, section));
            }
            _ => {}
        },
        TableBlock::Text { kind, text } => match kind {
            TableKind::Applications if tables.applications.is_none() => {
                tables.applications = Some(applications_from_text(text, section).0);
            }
            TableKind::Reviews if tables.reviews.is_none() => {
                tables.reviews = reviews_from_text(text, section).map(|(t, _)| t);
            }
            TableKind::Proactive if tables.proactive.is_none() => {
                tables.proactive = Some(proactive_from_text(text, section));
            }
            TableKind::Statistics if tables.statistics.is_none() => {
                tables.statistics = Some(statistics_from_text(text, section));
            }
            _ => {}
        },
    }
}

// ---------------------------------------------------------------------------------------
// Table 3

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

fn applications_from_grid(grid: &[Vec<GridCell>], section: &str) -> ApplicationsTable {
    let mut rows: Vec<ApplicationsRow> = Vec::new();
    let mut notes = Vec::new();
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
        let context: String = labels[..labels.len() - 1]
            .iter()
            .map(|c| c.text.as_str())
            .collect();
        let previous = rows.last().map(|r| r.key.as_str());
        let Some(key) = classify_row(&label, &context, previous) else {
            notes.push(format!("未能识别的行“{label}”未计入"));
            continue;
        };
        if rows.iter().any(|r| r.key == key) {
            notes.push(format!("“{label}”一行重复出现，只取第一次"));
            continue;
        }
        let group = labels[..labels.len() - 1]
            .iter()
            .rev()
            .map(|c| c.text.clone())
            .find(|t| !t.is_empty() && *t != label)
            .or_else(|| template_group(key));
        rows.push(ApplicationsRow {
            key: key.to_string(),
            label,
            group,
            values: parsed,
            recovered: true,
            raw: None,
            note: placeholders.then(|| "表中以“—”等符号填写的单元格按空白处理".to_string()),
        });
    }
    notes.extend(missing_rows_notes(&rows));
    ApplicationsTable {
        section: section.to_string(),
        rows,
        notes,
    }
}

/// Text with whitespace removed, remembering where each kept char stands in the original.
struct Norm {
    chars: Vec<char>,
    /// Byte offset in the original of each kept char; one more entry for the end.
    offs: Vec<usize>,
}

impl Norm {
    fn new(text: &str) -> Self {
        let mut chars = Vec::new();
        let mut offs = Vec::new();
        for (i, c) in text.char_indices() {
            if !c.is_whitespace() && c != '\u{3000}' && c != '\u{a0}' {
                chars.push(c);
                offs.push(i);
            }
        }
        offs.push(text.len());
        Norm { chars, offs }
    }

    fn find(&self, needle: &str, from: usize) -> Option<usize> {
        let n: Vec<char> = needle.chars().collect();
        if n.is_empty() || self.chars.len() < n.len() {
            return None;
        }
        (from..=self.chars.len() - n.len()).find(|&i| self.chars[i..i + n.len()] == n[..])
    }

    fn string(&self, from: usize, to: usize) -> String {
        self.chars[from.min(to)..to].iter().collect()
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
        if let Some(n) = parse_numbering(&s) {
            if n.printed.chars().count() == k {
                return at - k;
            }
        }
    }
    at
}

/// The digit run (with spaces between cells) at the start of `text`, and its length.
fn digit_run(text: &str) -> &str {
    let end = text
        .char_indices()
        .find(|&(_, c)| {
            !(c.is_ascii_digit() || c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}')
        })
        .map_or(text.len(), |(i, _)| i);
    text[..end].trim_end()
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
            let digit = (end..norm.chars.len()).find(|&i| norm.chars[i].is_ascii_digit());
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
        let digits_at = span
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(span.len());
        let raw = digit_run(&span[digits_at..]);
        let label = crate::doc::clean(&text[norm.offs[label_start]..from + digits_at]).to_string();
        if !raw.is_empty() {
            end_of_table = from + digits_at + raw.len();
        }
        let tokens: Vec<&str> = raw.split_whitespace().collect();
        let candidates = splits(&tokens, 7, &row_total_holds);
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
            Some(n) if all_known && rows.iter().any(|r| r.candidates.len() >= MAX_SPLITS) => {
                let _ = n;
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
                    recovered: true,
                    note: (decided_by_columns && row.candidates.len() > 1).then(|| {
                        format!(
                            "原文数字连写（“{}”），有{}种拆分满足行合计，由各列勾稽关系确定",
                            row.raw,
                            row.candidates.len()
                        )
                    }),
                    raw: Some(row.raw),
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
                        recovered: false,
                        raw: Some(row.raw),
                        note: Some(note),
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

// ---------------------------------------------------------------------------------------
// Table 4

fn reviews_from_grid(grid: &[Vec<GridCell>], section: &str) -> Option<ReviewsTable> {
    grid.iter().rev().find_map(|row| {
        let cells = distinct(row);
        if cells.len() < 15 {
            return None;
        }
        let values: Option<Vec<Option<i64>>> = cells[cells.len() - 15..]
            .iter()
            .map(|c| count_cell(&c.text).or_else(|| is_placeholder(&c.text).then_some(None)))
            .collect();
        let values = values?;
        values.iter().any(Option::is_some).then(|| ReviewsTable {
            section: section.to_string(),
            values,
            recovered: true,
            raw: None,
            note: None,
        })
    })
}

/// Table 4 from run-together text, with the byte offset where its digits end.
pub fn reviews_from_text(text: &str, section: &str) -> Option<(ReviewsTable, usize)> {
    let norm = Norm::new(text);
    let header = norm.find("复议后起诉", 0)?;
    let first_digit = (header..norm.chars.len()).find(|&i| norm.chars[i].is_ascii_digit())?;
    let from = norm.offs[first_digit];
    let raw = digit_run(&text[from..]);
    let end = from + raw.len();
    let tokens: Vec<&str> = raw.split_whitespace().collect();
    let candidates = splits(&tokens, 15, &review_groups_hold);
    let table = if candidates.len() == 1 {
        ReviewsTable {
            section: section.to_string(),
            values: candidates[0].iter().copied().map(Some).collect(),
            recovered: true,
            raw: Some(raw.to_string()),
            note: None,
        }
    } else {
        ReviewsTable {
            section: section.to_string(),
            values: vec![None; 15],
            recovered: false,
            raw: Some(raw.to_string()),
            note: Some(if candidates.is_empty() {
                format!("数字串“{raw}”无法拆成十五个单元格并满足每组“总计等于前四项之和”，保留原文")
            } else {
                format!(
                    "原文数字连写（“{raw}”），有{}拆分满足每组合计，无法确定，保留原文",
                    count_text(candidates.len())
                )
            }),
        }
    };
    Some((table, end))
}

// ---------------------------------------------------------------------------------------
// Table 2

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

/// An amount as printed: `18651.06`, `-18`, `251000元`.
fn parse_amount(text: &str, column_unit: Option<&str>) -> Option<Amount> {
    let t = text.trim();
    let num_end = t
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || c == '.' || (i == 0 && (c == '-' || c == '+'))))
        .map_or(t.len(), |(i, _)| i);
    let (num, unit) = t.split_at(num_end);
    let num = num.trim_start_matches('+');
    if num.is_empty()
        || num == "-"
        || num.ends_with('.')
        || num.starts_with('.')
        || num.matches('.').count() > 1
    {
        return None;
    }
    let unit = unit.trim();
    if !unit.is_empty() && !matches!(unit, "元" | "万元" | "亿元" | "件" | "个" | "项") {
        return None;
    }
    let value: serde_json::Number = num.parse().ok()?;
    Some(Amount {
        value,
        unit: if unit.is_empty() {
            column_unit.map(str::to_string)
        } else {
            Some(unit.to_string())
        },
    })
}

fn proactive_from_grid(grid: &[Vec<GridCell>], section: &str) -> ProactiveTable {
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
            recovered: true,
            raw: None,
            note,
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
    let plain = tokens.iter().all(|t| t.bytes().all(|b| b.is_ascii_digit()));
    if !plain {
        return Err(format!(
            "原文数字连写（“{raw}”），含正负号、小数或单位，无法确定单元格边界，保留原文"
        ));
    }
    let candidates = splits(&tokens, columns.len(), &|_| true);
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

fn proactive_from_text(text: &str, section: &str) -> ProactiveTable {
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
                        .find(|&i| norm.chars[i].is_ascii_digit() || norm.chars[i] == '-')
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
                    recovered: true,
                    raw: (columns.len() > 1).then_some(raw),
                    note: None,
                },
                Err(note) => ProactiveRow {
                    label,
                    values: vec![None; columns.len().max(1)],
                    recovered: false,
                    raw: Some(raw),
                    note: Some(note),
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

// ---------------------------------------------------------------------------------------
// Old-format statistics table

fn number_cell(text: &str) -> Option<Option<serde_json::Number>> {
    let t = text.trim();
    if t.is_empty() || is_placeholder(t) {
        return Some(None);
    }
    parse_amount(t, None)
        .filter(|a| a.unit.is_none())
        .map(|a| Some(a.value))
}

fn statistics_from_grid(grid: &[Vec<GridCell>], section: &str) -> StatisticsTable {
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
            recovered: true,
            raw: None,
            note,
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

fn statistics_from_text(text: &str, section: &str) -> StatisticsTable {
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
                recovered: true,
                raw: Some(raw),
                note: None,
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
                recovered: false,
                raw: Some(raw),
                note: Some(note),
            }
        });
    }
    StatisticsTable {
        section: section.to_string(),
        columns,
        rows,
    }
}
