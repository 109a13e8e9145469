//! Table 4, 政府信息公开行政复议、行政诉讼情况: one row of fifteen counts.

use nianbao_model::tables::{Recovery, ReviewsTable};

use super::{count_cell, count_text, digit_run, distinct, is_placeholder, Norm};
use crate::doc::GridCell;
use crate::split::{splits, REVIEW_GROUPS};

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
    let first_digit = (header..norm.chars.len()).find(|&i| crate::doc::is_digit(norm.chars[i]))?;
    let from = norm.offs[first_digit];
    let raw = digit_run(&text[from..]);
    let end = from + raw.len();
    let tokens: Vec<&str> = raw.split_whitespace().collect();
    let candidates = splits(&tokens, 15, REVIEW_GROUPS, &|_| true);
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

#[cfg(test)]
mod tests {
    use super::super::test_grid;
    use super::*;

    const GROUP: [&str; 5] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

    #[test]
    fn the_last_row_of_fifteen_counts_is_the_table() {
        let header: Vec<&str> = std::iter::once("")
            .chain(GROUP.into_iter().cycle().take(15))
            .collect();
        let values = [
            "1", "0", "2", "0", "3", "—", "0", "0", "0", "0", "0", "0", "0", "0", "0",
        ];
        let blank = [""; 15];
        let grid = test_grid(&[&["行政复议", "行政诉讼"], &header, &values, &blank]);
        let table = reviews_from_grid(&grid, "s4").expect("table 4");
        assert_eq!(table.section, "s4");
        let mut want = vec![Some(0); 15];
        want[0] = Some(1);
        want[2] = Some(2);
        want[4] = Some(3);
        want[5] = None;
        assert_eq!(table.values, want);
        assert_eq!(table.recovery, Recovery::read());
        assert!(reviews_from_grid(&test_grid(&[&header, &blank]), "s4").is_none());
    }

    #[test]
    fn text_digits_after_the_header_split_by_the_group_totals() {
        let text = "行政复议 行政诉讼 未经复议直接起诉 复议后起诉 10203120001200000 五、存在的问题";
        let (table, end) = reviews_from_text(text, "s4").expect("table 4");
        assert_eq!(&text[end..], " 五、存在的问题");
        assert_eq!(
            table.values,
            [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0].map(Some)
        );
        let raw = Some("10203120001200000".to_string());
        assert_eq!(table.recovery, Recovery::read().with_raw(raw));
        assert!(reviews_from_text("行政复议 1 2 3", "s4").is_none());
    }

    #[test]
    fn text_digits_that_do_not_split_once_are_kept_raw() {
        let (table, _) = reviews_from_text("复议后起诉 123", "s4").expect("table 4");
        assert_eq!(table.values, vec![None; 15]);
        let note = "数字串“123”无法拆成十五个单元格并满足每组“总计等于前四项之和”，保留原文";
        assert_eq!(table.recovery, Recovery::unread("123", note));
        // 1|10|0|0|11 or 11|0|0|0|11 in the first group.
        let (table, _) = reviews_from_text("复议后起诉 11000110000000000", "s4").expect("table 4");
        let note = "原文数字连写（“11000110000000000”），有2种拆分满足每组合计，无法确定，保留原文";
        assert_eq!(table.recovery, Recovery::unread("11000110000000000", note));
    }
}
