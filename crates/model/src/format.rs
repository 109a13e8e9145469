//! Formatting figures and dates for the reader (zh-CN).

/// `2018-03-23` as `2018年3月23日`; anything else is returned as it is.
pub fn chinese_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => match (m.parse::<u32>(), d.parse::<u32>()) {
            (Ok(m), Ok(d)) => format!("{y}年{m}月{d}日"),
            _ => iso.to_string(),
        },
        _ => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(chinese_date("2018-03-23"), "2018年3月23日");
        assert_eq!(chinese_date("2018-3"), "2018-3");
    }
}

/// Cuts `text` at character ranges (sorted by start; overlapping or out-of-range ones are
/// skipped) into pieces, each marked with the index of the range it is, if any.
pub fn segments<'a>(text: &'a str, ranges: &[(usize, usize)]) -> Vec<(&'a str, Option<usize>)> {
    let byte_at = |char_index: usize| text.char_indices().nth(char_index).map(|(b, _)| b);
    let chars = text.chars().count();
    let mut out = Vec::new();
    let (mut char_pos, mut byte_pos) = (0, 0);
    for (i, &(start, end)) in ranges.iter().enumerate() {
        if start < char_pos || start >= end || end > chars {
            continue;
        }
        let (Some(from), Some(to)) = (byte_at(start), byte_at(end).or(Some(text.len()))) else {
            continue;
        };
        if from > byte_pos {
            out.push((&text[byte_pos..from], None));
        }
        out.push((&text[from..to], Some(i)));
        (char_pos, byte_pos) = (end, to);
    }
    if byte_pos < text.len() {
        out.push((&text[byte_pos..], None));
    }
    out
}

#[cfg(test)]
mod segment_tests {
    use super::segments;

    #[test]
    fn marks_ranges_by_character() {
        let text = "主动公开信息4480余条。办结率100%";
        assert_eq!(
            segments(text, &[(0, 12), (16, 20)]),
            [
                ("主动公开信息4480余条", Some(0)),
                ("。办结率", None),
                ("100%", Some(1))
            ]
        );
    }

    #[test]
    fn skips_ranges_that_do_not_fit() {
        let text = "共13件";
        assert_eq!(segments(text, &[(1, 9), (2, 1)]), [("共13件", None)]);
        assert_eq!(
            segments(text, &[(1, 3), (2, 4)]),
            [("共", None), ("13", Some(0)), ("件", None)]
        );
        assert_eq!(segments("", &[]), []);
    }
}
