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

    #[test]
    fn clipping_keeps_short_text_and_marks_a_cut() {
        assert_eq!(clip("主动公开。", 5), "主动公开。");
        assert_eq!(clip("主动公开政府信息。", 5), "主动公开…");
        assert_eq!(clip("", 3), "");
        assert_eq!(clip(&"条".repeat(1_000_000), 120).chars().count(), 120);
    }

    #[test]
    fn escaping_copies_runs_and_replaces_the_four() {
        assert_eq!(
            escape_html("平潭<b>&\"县\"</b>"),
            "平潭&lt;b&gt;&amp;&quot;县&quot;&lt;/b&gt;"
        );
        assert_eq!(escape_html("无需转义"), "无需转义");
    }
}

/// Cuts `text` at character ranges (sorted by start; overlapping or out-of-range ones are
/// skipped) into pieces, byte ranges of `text`, each marked with the index of the range it
/// is, if any.
///
/// One pass over the text however many ranges there are (a long paragraph can state
/// thousands of figures).
pub fn segments(
    text: &str,
    ranges: &[(usize, usize)],
) -> Vec<(std::ops::Range<usize>, Option<usize>)> {
    let mut chars = text.char_indices().map(|(b, _)| b).chain([text.len()]);
    // The byte offset of each character index, found walking forward only.
    let (mut walked, mut walked_byte) = (0usize, chars.next());
    let mut byte_at = |index: usize| -> Option<usize> {
        while walked < index {
            walked_byte = chars.next();
            walked += 1;
        }
        walked_byte
    };
    let total = text.chars().count();
    let mut out = Vec::new();
    let (mut char_pos, mut byte_pos) = (0, 0);
    for (i, &(start, end)) in ranges.iter().enumerate() {
        if start < char_pos || start >= end || end > total {
            continue;
        }
        let (Some(from), Some(to)) = (byte_at(start), byte_at(end)) else {
            continue;
        };
        if from > byte_pos {
            out.push((byte_pos..from, None));
        }
        out.push((from..to, Some(i)));
        (char_pos, byte_pos) = (end, to);
    }
    if byte_pos < text.len() {
        out.push((byte_pos..text.len(), None));
    }
    out
}

/// `text` cut to at most `max_chars` characters, an ellipsis standing for what was cut.
pub fn clip(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        None => text.to_string(),
        Some(_) => {
            let keep = max_chars.saturating_sub(1);
            let end = text
                .char_indices()
                .nth(keep)
                .map_or(text.len(), |(at, _)| at);
            format!("{}…", &text[..end])
        }
    }
}

/// `text` safe inside HTML or SVG text and double-quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// Appends `text` to `out` as `escape_html` writes it: the runs between the characters to
/// escape are copied whole (a character at a time, a 1 MB paragraph took 20 ms natively).
pub fn push_escaped(out: &mut String, text: &str) {
    let mut from = 0;
    // The four are ASCII, and no byte of a multi-byte UTF-8 character is: cutting at them
    // keeps every piece a valid `str`.
    for (at, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => continue,
        };
        out.push_str(&text[from..at]);
        out.push_str(entity);
        from = at + 1;
    }
    out.push_str(&text[from..]);
}

/// A number as the reader reads it: integers without a decimal point, others with at most
/// six decimals and no trailing zeros (`21`, `51.85`).
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A CSV field as RFC 4180 writes it: quoted (quotes doubled) where it holds a comma, a quote
/// or a line break. Every CSV the portal offers is written with it.
pub fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The marks the portal puts beside figures, the same in tables, charts and the 图解.
pub mod mark {
    /// A figure a failed consistency check doubts.
    pub const FLAGGED: &str = "⚠";
    /// A figure the report gives as approximate (4480余条).
    pub const APPROXIMATE: &str = "≈";
    /// A figure the portal computed (a sum of published cells).
    pub const COMPUTED: &str = "∑";
    /// A figure on another basis than the years beside it.
    pub const NOT_COMPARABLE: &str = "†";
    /// A year the report states no figure for.
    pub const GAP: &str = "空缺";
}

#[cfg(test)]
mod segment_tests {
    /// The pieces `segments` cuts, as text.
    fn segments<'a>(text: &'a str, ranges: &[(usize, usize)]) -> Vec<(&'a str, Option<usize>)> {
        super::segments(text, ranges)
            .into_iter()
            .map(|(bytes, range)| (&text[bytes], range))
            .collect()
    }

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

    #[test]
    fn many_ranges_in_one_pass() {
        let text = "共1条，".repeat(5_000);
        let ranges: Vec<(usize, usize)> = (0..5_000).map(|i| (i * 4 + 1, i * 4 + 2)).collect();
        let pieces = segments(&text, &ranges);
        assert_eq!(pieces.len(), 10_001);
        assert_eq!(pieces[1], ("1", Some(0)));
        assert_eq!(pieces[9_999], ("1", Some(4_999)));
        assert_eq!(pieces[10_000], ("条，", None));
    }

    #[test]
    fn numbers_as_read() {
        use super::number;
        assert_eq!(number(21.0), "21");
        assert_eq!(number(24252.311082), "24252.311082");
        assert_eq!(number(51.85), "51.85");
    }
}
