//! The reading-order document every input format is turned into before the report is built:
//! paragraphs, headings and tables, with the page's own metadata.

/// What kind of standard table a block of table text is (see corpus/TEMPLATE.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// Table 2, 主动公开政府信息情况.
    Proactive,
    /// Table 3, 收到和处理政府信息公开申请情况.
    Applications,
    /// Table 4, 行政复议、行政诉讼.
    Reviews,
    /// Old-format 政府信息公开情况统计表.
    Statistics,
}

/// One cell of a table grid. A cell that spans rows or columns fills every position it
/// covers; `origin` tells those copies apart from neighbouring cells with the same text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridCell {
    /// The cell's text, whitespace removed (labels and numbers only).
    pub text: String,
    /// Index of the source cell within its table, in document order.
    pub origin: usize,
}

/// A published table.
#[derive(Debug, Clone, PartialEq)]
pub enum TableBlock {
    /// Real table markup, spans expanded: `rows[r][c]`.
    Grid(Vec<Vec<GridCell>>),
    /// Table text whose cells ran together (a page's text with the markup removed).
    Text { kind: TableKind, text: String },
}

/// One block of the article in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph as published. If it starts with a section number, the builder reads its
    /// first sentence as the heading (as for a line of line-broken text).
    Para(String),
    /// A numbered heading known to hold no body text, e.g. `一、总体情况`.
    Heading(String),
    Table(TableBlock),
}

/// An article as read from the page, before it is interpreted as a report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub title: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    pub source_url: Option<String>,
    pub notes: Vec<String>,
    pub blocks: Vec<Block>,
}

/// Trims whitespace (char::is_whitespace includes ideographic and no-break spaces) and the
/// byte-order mark, which is not whitespace.
pub fn clean(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
}

/// A digit as tables and prose print it: ASCII or full-width (１２３, common in Word exports).
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('\u{ff10}'..='\u{ff19}').contains(&c)
}

/// The ASCII form of a full-width digit, point or percent sign, for matching and parsing; the
/// published text itself is never rewritten (a char maps to one char, so offsets hold).
pub fn fold_width(c: char) -> char {
    match c {
        '\u{ff10}'..='\u{ff19}' => char::from(b'0' + (c as u32 - 0xff10) as u8),
        '．' => '.',
        '％' => '%',
        _ => c,
    }
}

/// `text` with [`fold_width`] applied (borrowed when there is nothing to fold).
pub fn fold_str(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(|c| fold_width(c) != c) {
        text.chars().map(fold_width).collect::<String>().into()
    } else {
        text.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_fold_to_ascii() {
        assert_eq!(fold_str("第１２３条，５０．５％"), "第123条，50.5%");
        assert!(is_digit('７') && is_digit('7') && !is_digit('七'));
    }

    #[test]
    fn clean_trims_ideographic_and_no_break_spaces_and_the_byte_order_mark() {
        assert_eq!(
            clean("\u{feff}\u{3000}\u{a0} 一、总体情况\u{3000}\n"),
            "一、总体情况"
        );
        // Inner spaces stay.
        assert_eq!(clean("\u{a0}1 2\u{3000}3 "), "1 2\u{3000}3");
    }
}
