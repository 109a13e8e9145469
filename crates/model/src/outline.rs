//! Section numbering (一、 （一） 1. （1） 一是) and the section tree built from it.
//!
//! Section ids come from the numbering, never from the heading text, so a link keeps
//! working when a heading is reworded: 五、 is `s5`, 三、…（二） is `s3-2`.

use serde::{Deserialize, Serialize};

/// One numbered section of a report, with its paragraphs and subsections.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Stable id derived from the numbering path, e.g. `s3-2`.
    pub id: String,
    /// The number as printed, e.g. `五、`, `（二）`, `1.`, `一是`.
    pub number: String,
    pub heading: String,
    pub paragraphs: Vec<String>,
    #[serde(default)]
    pub children: Vec<Section>,
}

impl Section {
    /// Heading with its number, as a contents entry or a page title shows it.
    pub fn full_heading(&self) -> String {
        format!("{}{}", self.number, self.heading)
    }

    /// The first sentence of the section's text, for previews and descriptions.
    pub fn first_sentence(&self) -> Option<&str> {
        let text = self.paragraphs.first()?;
        let end = text
            .char_indices()
            .find(|&(_, c)| c == '。')
            .map_or(text.len(), |(i, c)| i + c.len_utf8());
        Some(&text[..end])
    }
}

/// The numbering styles the reports use. Which style nests in which is not fixed by the
/// template (一是 appears under 一、 as well as under （一）), so nesting follows the order
/// in which styles first appear, as in a word processor's outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberStyle {
    /// 一、
    Chinese,
    /// （一） or (一)
    ParenChinese,
    /// 1. 1． 1、
    Arabic,
    /// （1） or (1)
    ParenArabic,
    /// 一是 二是 …
    Enumeration,
}

/// A numbering found at the start of a line or sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numbering {
    pub style: NumberStyle,
    pub ordinal: u32,
    /// The number as printed, e.g. `（二）`.
    pub printed: String,
    /// Byte length of `printed` in the source text.
    pub len: usize,
}

const CHINESE_DIGITS: &str = "〇一二三四五六七八九十";

/// Value of a Chinese numeral from 一 to 九十九.
pub fn chinese_numeral(s: &str) -> Option<u32> {
    let digits: Vec<u32> = s
        .chars()
        .map(|c| {
            CHINESE_DIGITS
                .chars()
                .position(|d| d == c)
                .map(|p| p as u32)
        })
        .collect::<Option<_>>()?;
    match digits.as_slice() {
        [d] if *d > 0 => Some(*d),
        [10, d] if *d < 10 => Some(10 + d),
        [t, 10] if (1..10).contains(t) => Some(t * 10),
        [t, 10, d] if (1..10).contains(t) && (1..10).contains(d) => Some(t * 10 + d),
        _ => None,
    }
}

/// The leading chars of `s` that satisfy `pred`, at most four: no numbering is longer (九十九,
/// 99), and a bound keeps a scan at every position of a long digit run linear.
fn take_while_str(s: &str, pred: impl Fn(char) -> bool) -> &str {
    let mut end = 0;
    for (i, c) in s.char_indices().take(4) {
        if !pred(c) {
            break;
        }
        end = i + c.len_utf8();
    }
    &s[..end]
}

fn is_chinese_digit(c: char) -> bool {
    CHINESE_DIGITS.contains(c) && c != '〇'
}

/// Reads a section number at the start of `text`, if there is one.
pub fn parse_numbering(text: &str) -> Option<Numbering> {
    let found = |style, ordinal, len: usize| {
        Some(Numbering {
            style,
            ordinal,
            printed: text[..len].to_string(),
            len,
        })
    };
    let first = text.chars().next()?;
    if first == '（' || first == '(' {
        let inner = &text[first.len_utf8()..];
        let chinese = take_while_str(inner, is_chinese_digit);
        let arabic = take_while_str(inner, |c| c.is_ascii_digit());
        let (style, number) = if !chinese.is_empty() {
            (NumberStyle::ParenChinese, chinese)
        } else if !arabic.is_empty() && arabic.len() <= 2 {
            (NumberStyle::ParenArabic, arabic)
        } else {
            return None;
        };
        let rest = &inner[number.len()..];
        let close = rest.chars().next()?;
        if close != '）' && close != ')' {
            return None;
        }
        let ordinal = match style {
            NumberStyle::ParenChinese => chinese_numeral(number)?,
            _ => number.parse().ok()?,
        };
        return found(
            style,
            ordinal,
            first.len_utf8() + number.len() + close.len_utf8(),
        );
    }
    let chinese = take_while_str(text, is_chinese_digit);
    if !chinese.is_empty() {
        let ordinal = chinese_numeral(chinese)?;
        let rest = &text[chinese.len()..];
        if rest.starts_with('、') {
            return found(
                NumberStyle::Chinese,
                ordinal,
                chinese.len() + '、'.len_utf8(),
            );
        }
        if rest.starts_with('是') {
            return found(
                NumberStyle::Enumeration,
                ordinal,
                chinese.len() + '是'.len_utf8(),
            );
        }
        return None;
    }
    let arabic = take_while_str(text, |c| c.is_ascii_digit());
    if !arabic.is_empty() && arabic.len() <= 2 {
        let rest = &text[arabic.len()..];
        let sep = rest.chars().next()?;
        if !matches!(sep, '.' | '．' | '、') {
            return None;
        }
        // "5.15政务公开活动" is a date, not item 5: a number must not follow the separator.
        if rest[sep.len_utf8()..]
            .chars()
            .next()
            .is_none_or(|c| c.is_ascii_digit() || c.is_whitespace())
        {
            return None;
        }
        return found(
            NumberStyle::Arabic,
            arabic.parse().ok()?,
            arabic.len() + sep.len_utf8(),
        );
    }
    None
}

/// Builds the section tree from numbered blocks in reading order.
///
/// A style seen before closes every deeper level and becomes a sibling at its own level;
/// a new style opens a level below the current one.
#[derive(Debug, Default)]
pub struct OutlineBuilder {
    /// Open sections, outermost first, with the style that opened each.
    open: Vec<(NumberStyle, Section)>,
    done: Vec<Section>,
    /// Paragraphs seen before any numbered section.
    pub intro: Vec<String>,
    used_ids: std::collections::HashSet<String>,
    /// The next suffix to try for an id already used, so that many repeats stay linear.
    next_suffix: std::collections::HashMap<String, usize>,
}

impl OutlineBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Starts a section; its paragraphs follow with [`OutlineBuilder::paragraph`].
    pub fn section(&mut self, numbering: &Numbering, heading: &str) {
        if let Some(level) = self.open.iter().position(|(s, _)| *s == numbering.style) {
            self.close_to(level);
        }
        let parent = self.open.last().map(|(_, s)| s.id.as_str());
        let mut id = match parent {
            Some(parent) => format!("{parent}-{}", numbering.ordinal),
            None => format!("s{}", numbering.ordinal),
        };
        // A numbering that restarts (two 一是 lists in one section) must not reuse an id.
        if self.used_ids.contains(&id) {
            let base = id.clone();
            let mut n = self.next_suffix.get(&base).copied().unwrap_or(2);
            while self.used_ids.contains(&id) {
                id = format!("{base}_{n}");
                n += 1;
            }
            self.next_suffix.insert(base, n);
        }
        self.used_ids.insert(id.clone());
        self.open.push((
            numbering.style,
            Section {
                id,
                number: numbering.printed.clone(),
                heading: heading.trim().to_string(),
                paragraphs: Vec::new(),
                children: Vec::new(),
            },
        ));
    }

    /// Adds a paragraph to the innermost open section (or the intro before any section).
    pub fn paragraph(&mut self, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        match self.open.last_mut() {
            Some((_, section)) => section.paragraphs.push(text.to_string()),
            None => self.intro.push(text.to_string()),
        }
    }

    /// The id of the innermost open section (`None` before the first section).
    pub fn current_id(&self) -> Option<&str> {
        self.open.last().map(|(_, s)| s.id.as_str())
    }

    /// Closes open sections until `level` sections remain open.
    fn close_to(&mut self, level: usize) {
        while self.open.len() > level {
            let (_, section) = self.open.pop().expect("len > level >= 0");
            match self.open.last_mut() {
                Some((_, parent)) => parent.children.push(section),
                None => self.done.push(section),
            }
        }
    }

    /// The finished tree and the intro paragraphs.
    pub fn finish(mut self) -> (Vec<String>, Vec<Section>) {
        self.close_to(0);
        (self.intro, self.done)
    }
}

/// Splits a numbered line into heading and body text.
///
/// A short line without a full stop is all heading (`一、主动公开政务信息`); otherwise the
/// first sentence is the heading (`一是完善基础制度。按照…` gives `完善基础制度` and `按照…`).
pub fn split_heading(rest: &str) -> (&str, &str) {
    let rest = rest.trim();
    match rest
        .char_indices()
        .find(|&(_, c)| matches!(c, '。' | '；' | '：' | ':'))
    {
        Some((i, c)) => {
            let body = rest[i + c.len_utf8()..].trim();
            (&rest[..i], body)
        }
        None => (rest, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        assert_eq!(chinese_numeral("一"), Some(1));
        assert_eq!(chinese_numeral("十"), Some(10));
        assert_eq!(chinese_numeral("十二"), Some(12));
        assert_eq!(chinese_numeral("二十"), Some(20));
        assert_eq!(chinese_numeral("二十三"), Some(23));
        assert_eq!(chinese_numeral("一一"), None);
        assert_eq!(chinese_numeral(""), None);
    }

    #[test]
    fn numbering_styles() {
        let n = parse_numbering("五、积极做好").unwrap();
        assert_eq!(
            (n.style, n.ordinal, n.printed.as_str()),
            (NumberStyle::Chinese, 5, "五、")
        );
        let n = parse_numbering("（二）依申请公开").unwrap();
        assert_eq!((n.style, n.ordinal), (NumberStyle::ParenChinese, 2));
        let n = parse_numbering("(三)强化").unwrap();
        assert_eq!(
            (n.style, n.ordinal, n.len),
            (NumberStyle::ParenChinese, 3, 5)
        );
        let n = parse_numbering("3.补正后").unwrap();
        assert_eq!((n.style, n.ordinal), (NumberStyle::Arabic, 3));
        let n = parse_numbering("（12）其他").unwrap();
        assert_eq!((n.style, n.ordinal), (NumberStyle::ParenArabic, 12));
        let n = parse_numbering("四是加强监督检查").unwrap();
        assert_eq!((n.style, n.ordinal), (NumberStyle::Enumeration, 4));
    }

    #[test]
    fn not_numbering() {
        assert_eq!(parse_numbering("5.15政务公开活动"), None);
        assert_eq!(parse_numbering("2017年，委门户网"), None);
        assert_eq!(parse_numbering("一直以来"), None);
        assert_eq!(parse_numbering("（注：）"), None);
        assert_eq!(parse_numbering(""), None);
    }

    #[test]
    fn tree_ids_follow_numbering() {
        let mut b = OutlineBuilder::new();
        b.paragraph("前言");
        for line in [
            "一、总体",
            "（一）主动",
            "1.甲",
            "2.乙",
            "（二）依申请",
            "二、主动公开",
            "一是完善",
            "二是建立",
            "三、收到",
        ] {
            let n = parse_numbering(line).unwrap();
            b.section(&n, &line[n.len..]);
            b.paragraph("正文");
        }
        let (intro, tree) = b.finish();
        assert_eq!(intro, ["前言"]);
        let ids: Vec<_> = tree.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["s1", "s2", "s3"]);
        assert_eq!(tree[0].children[0].id, "s1-1");
        assert_eq!(tree[0].children[0].children[1].id, "s1-1-2");
        assert_eq!(tree[0].children[1].id, "s1-2");
        assert_eq!(tree[1].children[1].id, "s2-2");
        assert_eq!(tree[1].children[1].heading, "建立");
    }

    #[test]
    fn restarted_numbering_gets_unique_ids() {
        let mut b = OutlineBuilder::new();
        for line in ["一、总体", "一是甲", "二是乙", "一是丙"] {
            let n = parse_numbering(line).unwrap();
            b.section(&n, &line[n.len..]);
        }
        let (_, tree) = b.finish();
        let ids: Vec<_> = tree[0].children.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["s1-1", "s1-2", "s1-1_2"]);
    }

    #[test]
    fn heading_split() {
        assert_eq!(split_heading("主动公开政务信息"), ("主动公开政务信息", ""));
        assert_eq!(
            split_heading("完善基础制度。按照条例"),
            ("完善基础制度", "按照条例")
        );
    }
}

/// The id of `id`'s ancestor at `depth` levels (`s3-2-1` at depth 2 is `s3-2`); ids no deeper
/// than `depth` are returned as they are.
pub fn ancestor_id(id: &str, depth: usize) -> &str {
    match id.match_indices('-').nth(depth.saturating_sub(1)) {
        Some((at, _)) if depth > 0 => &id[..at],
        _ => id,
    }
}

#[cfg(test)]
mod ancestor_tests {
    use super::ancestor_id;

    #[test]
    fn ancestors() {
        assert_eq!(ancestor_id("s3-2-1", 2), "s3-2");
        assert_eq!(ancestor_id("s3-2-1", 1), "s3");
        assert_eq!(ancestor_id("s3", 2), "s3");
        assert_eq!(ancestor_id("s3-2", 2), "s3-2");
    }
}
