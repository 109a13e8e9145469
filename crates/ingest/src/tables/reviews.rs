//! Table 4, 政府信息公开行政复议、行政诉讼情况: one row of fifteen counts.

use nianbao_model::tables::{Recovery, ReviewsTable};

use super::{count_cell, count_text, digit_run, distinct, is_placeholder, Norm};
use crate::doc::GridCell;
use crate::split::{review_groups_hold, splits};

pub(super) fn reviews_from_grid(grid: &[Vec<GridCell>], section: &str) -> Option<ReviewsTable> {
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
            recovery: Recovery::read(),
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
            recovery: Recovery::read().with_raw(Some(raw.to_string())),
        }
    } else {
        ReviewsTable {
            section: section.to_string(),
            values: vec![None; 15],
            recovery: Recovery::unread(
                raw,
                if candidates.is_empty() {
                    format!(
                        "数字串“{raw}”无法拆成十五个单元格并满足每组“总计等于前四项之和”，保留原文"
                    )
                } else {
                    format!(
                        "原文数字连写（“{raw}”），有{}拆分满足每组合计，无法确定，保留原文",
                        count_text(candidates.len())
                    )
                },
            ),
        }
    };
    Some((table, end))
}
