//! The standard tables as typed data: from table markup (a grid with spans expanded) or from
//! table text whose cells ran together (cells recovered with [`crate::split`]).
//!
//! This module holds what the four tables share (which table a grid is, the dispatch, cell
//! helpers); each table's own readers stand in its file.

mod applications;
mod proactive;
mod reviews;
mod statistics;

use nianbao_model::tables::Amount;
use nianbao_model::Tables;

use crate::doc::{GridCell, TableBlock, TableKind};
use crate::split::MAX_SPLITS;

pub use applications::applications_from_text;
pub use reviews::reviews_from_text;

use applications::applications_from_grid;
use proactive::{proactive_from_grid, proactive_from_text};
use reviews::reviews_from_grid;
use statistics::{statistics_from_grid, statistics_from_text};

/// "3种", or "64种以上" when the search stopped at [`MAX_SPLITS`].
fn count_text(n: usize) -> String {
    if n >= MAX_SPLITS {
        format!("{n}种以上")
    } else {
        format!("{n}种")
    }
}

/// A cell as a count: `Some(None)` for a blank cell, `None` if it is not a count.
fn count_cell(text: &str) -> Option<Option<i64>> {
    let t = crate::doc::fold_str(text.trim());
    let t = t.as_ref();
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

/// The note for a table that was recognised but of which no row could be read; the command
/// line also prints it on stderr as a warning.
pub const UNREAD_TABLE_NOTE: &str = "表格已找到，但没有一行能读出数值，表中数据未收录";

/// Reads one table block into `tables` (the first table of each kind wins). Returns the
/// kind of a table that was recognised but of which no row could be read.
pub fn read_table(block: &TableBlock, section: &str, tables: &mut Tables) -> Option<TableKind> {
    let before = (
        tables.applications.is_some(),
        tables.reviews.is_some(),
        tables.proactive.is_some(),
        tables.statistics.is_some(),
    );
    let kind = match block {
        TableBlock::Grid(grid) => grid_kind(grid),
        TableBlock::Text { kind, .. } => Some(*kind),
    };
    read_into(block, section, tables);
    let unread = match kind? {
        TableKind::Applications => {
            !before.0
                && tables
                    .applications
                    .as_ref()
                    .is_none_or(|t| t.rows.iter().all(|r| r.values.iter().all(Option::is_none)))
        }
        TableKind::Reviews => !before.1 && tables.reviews.is_none(),
        TableKind::Proactive => {
            !before.2
                && tables
                    .proactive
                    .as_ref()
                    .is_none_or(|t| t.blocks.is_empty())
        }
        TableKind::Statistics => {
            !before.3 && tables.statistics.as_ref().is_none_or(|t| t.rows.is_empty())
        }
    };
    unread.then_some(kind?)
}

fn read_into(block: &TableBlock, section: &str, tables: &mut Tables) {
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
            if !c.is_whitespace() {
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

/// The digit run (with spaces between cells) at the start of `text`, and its length.
fn digit_run(text: &str) -> &str {
    let end = text
        .char_indices()
        .find(|&(_, c)| !(crate::doc::is_digit(c) || c.is_whitespace()))
        .map_or(text.len(), |(i, _)| i);
    text[..end].trim_end()
}

/// An amount as printed: `18651.06`, `-18`, `251000元`.
fn parse_amount(text: &str, column_unit: Option<&str>) -> Option<Amount> {
    let t = crate::doc::fold_str(text.trim());
    let t = t.as_ref();
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

/// A grid for the tests: one cell per string, each its own source cell (no spans).
#[cfg(test)]
fn test_grid(rows: &[&[&str]]) -> Vec<Vec<GridCell>> {
    let mut origin = 0;
    rows.iter()
        .map(|row| {
            row.iter()
                .map(|text| {
                    origin += 1;
                    GridCell {
                        text: text.to_string(),
                        origin,
                    }
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_kind_goes_by_the_labels() {
        let applications = test_grid(&[&["", "自然人", "商业企业", "总计"]]);
        assert_eq!(grid_kind(&applications), Some(TableKind::Applications));
        let reviews = test_grid(&[&["行政复议", "行政诉讼"], &["结果维持"]]);
        assert_eq!(grid_kind(&reviews), Some(TableKind::Reviews));
        let proactive = test_grid(&[&["第二十条第（一）项"]]);
        assert_eq!(grid_kind(&proactive), Some(TableKind::Proactive));
        let statistics = test_grid(&[&["指标名称", "计量单位", "本年度"]]);
        assert_eq!(grid_kind(&statistics), Some(TableKind::Statistics));
        assert_eq!(grid_kind(&test_grid(&[&["序号", "名称"]])), None);
    }

    #[test]
    fn the_first_table_of_a_kind_wins() {
        let block = |name: &str| {
            TableBlock::Grid(test_grid(&[
                &["指标名称", "计量单位", "2015年度"],
                &[name, "条", "1"],
            ]))
        };
        let mut tables = Tables::default();
        read_table(&block("甲"), "s1", &mut tables);
        read_table(&block("乙"), "s2", &mut tables);
        let statistics = tables.statistics.expect("statistics");
        assert_eq!(statistics.section, "s1");
        assert_eq!(statistics.rows[0].label, "甲");
        assert!(tables.applications.is_none());
    }

    #[test]
    fn cells_as_counts_and_amounts() {
        assert_eq!(count_cell(" 12 "), Some(Some(12)));
        assert_eq!(count_cell(""), Some(None));
        assert_eq!(count_cell("—"), None);
        assert_eq!(count_cell("1,2"), None);
        let amount = parse_amount("251000元", Some("万元")).expect("amount");
        assert_eq!(amount.value.to_string(), "251000");
        assert_eq!(amount.unit.as_deref(), Some("元"));
        let amount = parse_amount("18651.06", Some("万元")).expect("amount");
        assert_eq!(amount.value.to_string(), "18651.06");
        assert_eq!(amount.unit.as_deref(), Some("万元"));
        assert_eq!(
            parse_amount("-18", None).map(|a| a.value.to_string()),
            Some("-18".into())
        );
        assert!(parse_amount("1.2.3", None).is_none());
        assert!(parse_amount("12人次", None).is_none());
    }

    #[test]
    fn norm_drops_every_whitespace_and_remembers_offsets() {
        let text = "本年\u{3000}新收 1\u{a0}2";
        let norm = Norm::new(text);
        assert_eq!(norm.string(0, norm.chars.len()), "本年新收12");
        assert_eq!(norm.find("新收", 0), Some(2));
        assert_eq!(&text[norm.offs[4]..], "1\u{a0}2");
        assert_eq!(digit_run("1 2\u{3000}3 二、"), "1 2\u{3000}3");
    }
}
