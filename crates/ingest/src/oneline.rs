//! Page text whose line breaks were lost: the whole body on one line, headings inline
//! ("一、总体情况2021年，我区…"), table cells run together. This finds the paragraphs again,
//! so that the section tree comes out as from properly broken text.
//!
//! Top-level headings are found in their numbering order (一、 then 二、 …); where a heading
//! ends is told by the template's known headings, the list of parts the report gives of
//! itself ("本报告由概述、主动公开…组成"), and structure cues. Table text is cut out whole and
//! read by [`crate::tables`].

use nianbao_model::outline::{parse_numbering, NumberStyle};

use crate::doc::{clean, Block, TableBlock, TableKind};
use crate::tables::{applications_from_text, reviews_from_text};

/// Headings the template and the old free format use, as printed in most reports.
const KNOWN_HEADINGS: &[&str] = &[
    "概述",
    "总体情况",
    "基本情况",
    "主要做法",
    "主动公开政府信息情况",
    "主动公开政府信息的数量",
    "主动公开政府信息的主要类别",
    "主动公开政府信息的主要形式",
    "开展政策解读工作情况",
    "回应社会关切情况",
    "政府信息依申请公开工作情况",
    "依申请公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开的收费及减免情况",
    "因政府信息公开申请行政复议、提起行政诉讼的情况",
    "因政府信息公开申请提起行政复议、行政诉讼的情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "存在的主要问题和改进措施",
    "政府信息公开工作存在的主要问题及改进情况",
    "主要问题和改进措施",
    "存在的主要问题",
    "存在问题",
    "改进措施",
    "改进情况",
    "其他需要报告的事项",
    "政府信息公开情况统计表",
    "门户网站",
    "公众查阅点",
];

/// Where table text begins right after a heading.
const TABLE_STARTS: &[(&str, TableKind)] = &[
    ("第二十条", TableKind::Proactive),
    ("（本列数据", TableKind::Applications),
    ("(本列数据", TableKind::Applications),
    ("申请人情况", TableKind::Applications),
    ("行政复议", TableKind::Reviews),
    ("指标名称", TableKind::Statistics),
];

fn is_ideograph(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Sentence-level punctuation after which a numbered item may start.
fn is_boundary(c: char) -> bool {
    matches!(
        c,
        '。' | '；' | '：' | ':' | ';' | '！' | '？' | '）' | ')' | '”' | '」'
    ) || c.is_whitespace()
}

/// The parts the report lists for itself ("本报告由概述、…和…共七个部分组成").
fn listed_parts(text: &str) -> Vec<String> {
    let Some(at) = [
        "本报告由",
        "本报告包括",
        "个部分：",
        "个部分:",
        "本报告分为",
    ]
    .iter()
    .filter_map(|m| text.find(m).map(|i| i + m.len()))
    .min() else {
        return Vec::new();
    };
    let rest = &text[at..];
    let end = [
        "组成",
        "等六个部分",
        "等七个部分",
        "共六个部分",
        "共七个部分",
        "。",
    ]
    .iter()
    .filter_map(|m| rest.find(m))
    .min()
    .unwrap_or_else(|| {
        // No end marker: at most 600 bytes, cut on a char boundary.
        (0..=rest.len().min(600))
            .rev()
            .find(|&i| rest.is_char_boundary(i))
            .unwrap_or(0)
    });
    let list = &rest[..end];
    let items: Vec<&str> = list
        .split(['、', '和'])
        .map(clean)
        .filter(|s| !s.is_empty())
        .collect();
    let mut out: Vec<String> = items.iter().map(|s| s.to_string()).collect();
    // Headings with a 、 of their own (因政府信息公开申请行政复议、提起行政诉讼的情况).
    for pair in items.windows(2) {
        out.push(format!("{}、{}", pair[0], pair[1]));
    }
    out.retain(|s| s.chars().count() >= 2 && s.chars().count() <= 40);
    out
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Byte length of the heading at the start of `rest` (leading spaces included), for a heading
/// that runs into its body.
fn heading_len(rest: &str, known: &[String]) -> usize {
    let lead = rest.len() - rest.trim_start().len();
    let text = &rest[lead..];
    // 1. The longest known heading the text starts with.
    if let Some(k) = known
        .iter()
        .map(String::as_str)
        .chain(KNOWN_HEADINGS.iter().copied())
        .filter(|k| text.starts_with(k))
        .max_by_key(|k| k.len())
    {
        return lead + k.len();
    }
    // 2. A known heading with one character added, dropped or changed (a typo).
    let chars: Vec<(usize, char)> = text.char_indices().take(60).collect();
    let plain: Vec<char> = chars.iter().map(|&(_, c)| c).collect();
    let mut best: Option<usize> = None;
    for k in known
        .iter()
        .map(String::as_str)
        .chain(KNOWN_HEADINGS.iter().copied())
    {
        let kc: Vec<char> = k.chars().collect();
        if kc.len() < 8 {
            continue;
        }
        for len in kc.len().saturating_sub(1)..=(kc.len() + 1).min(plain.len()) {
            if levenshtein(&plain[..len], &kc) <= 1 {
                let bytes = chars.get(len).map_or(text.len(), |&(i, _)| i);
                best = Some(best.map_or(bytes, |b: usize| b.max(bytes)));
            }
        }
    }
    if let Some(bytes) = best {
        return lead + bytes;
    }
    // 3. Structure cues: the body, a table or a sub-item starts; or "…方面" / "…情况" ends it.
    let mut first_comma = None;
    for (n, &(i, c)) in chars.iter().enumerate() {
        let here = &text[i..];
        if n > 0
            && (c.is_whitespace()
                || crate::doc::is_digit(c)
                || matches!(c, '。' | '；' | '：' | ':' | '（' | '('))
        {
            return lead + i;
        }
        if n > 0 && (starts_table(here) || parse_numbering(here).is_some()) {
            return lead + i;
        }
        if here.starts_with("统计表") {
            return lead + i + "统计表".len();
        }
        let soon: String = here.chars().take(12).collect();
        for word in ["方面", "情况"] {
            if here.starts_with(word) && n >= 2 && !soon.contains("统计表") {
                return lead + i + word.len();
            }
        }
        if c == '，' && first_comma.is_none() {
            first_comma = Some(i);
        }
        if n >= 40 {
            return lead + first_comma.unwrap_or(i);
        }
    }
    lead + text.len()
}

/// Whether a table's text starts here: its first words, and for tables 3 and 4 rows that read
/// (a heading like "申请行政复议、提起行政诉讼和申诉的情况" only names them).
fn starts_table(here: &str) -> bool {
    match TABLE_STARTS.iter().find(|(m, _)| here.starts_with(m)) {
        Some((_, TableKind::Applications)) => applications_from_text(here, "").1 > 0,
        Some((_, TableKind::Reviews)) => reviews_from_text(here, "").is_some(),
        Some(_) => true,
        None => false,
    }
}

/// A numbered item found in the text.
struct Item {
    /// Byte offset of the number.
    at: usize,
    /// Byte offset where the heading ends (the body starts).
    heading_end: usize,
    /// The heading is followed by 。/：/； in the text: the paragraph is kept whole and the
    /// builder splits it as it does a line of broken text.
    kept_whole: bool,
}

/// The top-level heading with ordinal `expected` at or after `from`.
fn next_top(text: &str, from: usize, expected: u32, known: &[String]) -> Option<usize> {
    let numeral = to_chinese(expected)?;
    let needle = format!("{numeral}、");
    let mut at = from;
    while let Some(found) = text.get(at..)?.find(&needle) {
        let pos = at + found;
        let prev = text[..pos].chars().next_back();
        // After an ideograph only a known heading counts ("…432.52元三、收到和处理…").
        let after = text[pos + needle.len()..].trim_start();
        let known_heading = known
            .iter()
            .map(String::as_str)
            .chain(KNOWN_HEADINGS.iter().copied())
            .any(|k| k.chars().count() >= 4 && after.starts_with(k));
        if prev.is_none_or(|c| !is_ideograph(c)) || known_heading {
            return Some(pos);
        }
        at = pos + needle.len();
    }
    None
}

fn to_chinese(n: u32) -> Option<String> {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => Some(D[n as usize].to_string()),
        10 => Some("十".into()),
        11..=19 => Some(format!("十{}", D[(n - 10) as usize])),
        20..=99 if n.is_multiple_of(10) => Some(format!("{}十", D[(n / 10) as usize])),
        21..=99 => Some(format!(
            "{}十{}",
            D[(n / 10) as usize],
            D[(n % 10) as usize]
        )),
        _ => None,
    }
}

/// Splits a one-line body into blocks.
pub fn segment(text: &str) -> Vec<Block> {
    let text = clean(text);
    let known = listed_parts(text);
    let mut out = Vec::new();
    // Top-level sections: (number offset, heading end, body end, table kind).
    let mut tops: Vec<(usize, usize)> = Vec::new();
    let mut expected = 1;
    let mut from = 0;
    while let Some(at) = next_top(text, from, expected, &known) {
        let number_len = to_chinese(expected).map_or(0, |s| s.len()) + '、'.len_utf8();
        let heading_end = at + number_len + heading_len(&text[at + number_len..], &known);
        tops.push((at, heading_end));
        expected += 1;
        // Table text after the heading is skipped whole: its row labels are numbered too.
        let after = text[heading_end..].trim_start();
        let after_at = text.len() - after.len();
        from = match TABLE_STARTS
            .iter()
            .find(|(m, _)| after.starts_with(m))
            .map(|(_, k)| *k)
        {
            Some(TableKind::Applications) => after_at + applications_from_text(after, "").1,
            Some(TableKind::Reviews) => after_at + reviews_from_text(after, "").map_or(0, |r| r.1),
            _ => heading_end,
        };
    }
    let first = tops.first().map_or(text.len(), |t| t.0);
    push_para(&text[..first], &mut out);
    for (i, &(at, heading_end)) in tops.iter().enumerate() {
        let end = tops.get(i + 1).map_or(text.len(), |t| t.0);
        out.push(Block::Heading(clean(&text[at..heading_end]).to_string()));
        let body = &text[heading_end..end];
        let trimmed = body.trim_start();
        let kind = TABLE_STARTS
            .iter()
            .find(|(m, _)| trimmed.starts_with(m))
            .map(|(_, k)| *k)
            // Prose that merely starts like a table ("行政复议0件") is prose: tables 3 and 4
            // are taken only where their rows read.
            .filter(|k| match k {
                TableKind::Applications => applications_from_text(trimmed, "").1 > 0,
                TableKind::Reviews => reviews_from_text(trimmed, "").is_some(),
                _ => true,
            });
        match kind {
            Some(kind) => {
                let table_end = match kind {
                    TableKind::Applications => applications_from_text(trimmed, "").1,
                    TableKind::Reviews => reviews_from_text(trimmed, "").map_or(0, |r| r.1),
                    _ => trimmed.len(),
                };
                let table_end = if table_end == 0 {
                    trimmed.len()
                } else {
                    table_end
                };
                out.push(Block::Table(TableBlock::Text {
                    kind,
                    text: clean(&trimmed[..table_end]).to_string(),
                }));
                prose(&trimmed[table_end..], &known, &mut out);
            }
            None => match appended_statistics(body) {
                Some((caption_at, table_at)) => {
                    prose(&body[..caption_at], &known, &mut out);
                    push_para(&body[caption_at..table_at], &mut out);
                    out.push(Block::Table(TableBlock::Text {
                        kind: TableKind::Statistics,
                        text: clean(&body[table_at..]).to_string(),
                    }));
                }
                None => prose(body, &known, &mut out),
            },
        }
    }
    out
}

/// An old-format 统计表 appended to a section's text rather than standing under a heading of
/// its own ("… 二○一二年二月二十日 附件1：…政府信息公开情况统计表 指标名称 计量单位 …"): the
/// byte offsets of its caption and of its header. The table runs to the end of the text.
fn appended_statistics(body: &str) -> Option<(usize, usize)> {
    let table_at = body.find("指标名称")?;
    let head: String = body[table_at..]
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(8)
        .collect();
    if !head.starts_with("指标名称计量") {
        return None;
    }
    let before = body[..table_at].trim_end();
    if !before.ends_with("统计表") {
        return None;
    }
    // The caption is the run of text before the header back to the last space or sentence end.
    let caption_at = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '。' | '；' | '！' | '？'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    Some((caption_at, table_at))
}

/// Splits prose into paragraphs at numbered items: （一） always (in order), 1. and （1） after
/// a sentence, 一是 only where its first sentence reads as a heading (short, no comma), as an
/// inline enumeration ("一是…，二是…") is not a heading.
fn prose(text: &str, known: &[String], out: &mut Vec<Block>) {
    let mut items: Vec<Item> = Vec::new();
    let mut expected: Vec<(NumberStyle, u32)> = Vec::new();
    let mut boundary_at = 0; // a heading just ended here: an item may start without punctuation
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let prev = text[..i].chars().next_back();
        let at_boundary = i == boundary_at || prev.is_none_or(is_boundary);
        if let Some(n) = parse_numbering(&text[i..]) {
            let want = expected
                .iter()
                .find(|(s, _)| *s == n.style)
                .map_or(1, |(_, w)| *w);
            let in_order = n.ordinal == 1 || n.ordinal == want;
            let ok = in_order
                && match n.style {
                    NumberStyle::Chinese => false, // top level is handled by the caller
                    NumberStyle::ParenChinese => at_boundary && prev != Some('第'),
                    NumberStyle::Arabic | NumberStyle::ParenArabic => at_boundary,
                    NumberStyle::Enumeration => at_boundary && heading_like(&text[i + n.len..]),
                };
            if ok {
                let rest = &text[i + n.len..];
                let h = heading_len_item(rest, known, n.style);
                let heading_end = i + n.len + h;
                let after = text[heading_end..].chars().next();
                let kept_whole = matches!(after, Some('。' | '；' | '：' | ':' | ';'));
                items.push(Item {
                    at: i,
                    heading_end,
                    kept_whole,
                });
                match expected.iter_mut().find(|(s, _)| *s == n.style) {
                    Some(e) => e.1 = n.ordinal + 1,
                    None => expected.push((n.style, n.ordinal + 1)),
                }
                // Deeper styles restart under a new item of this style.
                if let Some(pos) = expected.iter().position(|(s, _)| *s == n.style) {
                    expected.truncate(pos + 1);
                }
                boundary_at = if kept_whole { usize::MAX } else { heading_end };
                i = if kept_whole { i + n.len } else { heading_end };
                continue;
            }
        }
        i += c.len_utf8();
    }
    let first = items.first().map_or(text.len(), |it| it.at);
    push_para(&text[..first], out);
    for (k, item) in items.iter().enumerate() {
        let end = items.get(k + 1).map_or(text.len(), |it| it.at);
        if item.kept_whole {
            push_para(&text[item.at..end], out);
        } else {
            let heading = clean(&text[item.at..item.heading_end.min(end)]);
            if !heading.is_empty() {
                out.push(Block::Heading(heading.to_string()));
            }
            if item.heading_end < end {
                push_para(&text[item.heading_end..end], out);
            }
        }
    }
}

fn push_para(text: &str, out: &mut Vec<Block>) {
    let text = clean(text);
    if !text.is_empty() {
        out.push(Block::Para(text.to_string()));
    }
}

/// Whether an enumeration item (after 一是) starts with a heading-like sentence: short, and
/// no comma before its full stop.
fn heading_like(rest: &str) -> bool {
    let mut n = 0;
    for c in rest.chars() {
        match c {
            '。' | '；' | '：' => return n > 0,
            '，' | ',' | '、' => return false,
            _ => {}
        }
        n += 1;
        if n > 24 {
            return false;
        }
    }
    false
}

/// Heading length of a sub-item: up to its full stop where that comes soon, else as a
/// top-level heading.
fn heading_len_item(rest: &str, known: &[String], style: NumberStyle) -> usize {
    if style == NumberStyle::Enumeration {
        return rest.find(['。', '；', '：']).unwrap_or(rest.len());
    }
    heading_len(rest, known)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        assert_eq!(to_chinese(3).as_deref(), Some("三"));
        assert_eq!(to_chinese(12).as_deref(), Some("十二"));
        assert_eq!(to_chinese(20).as_deref(), Some("二十"));
    }

    #[test]
    fn parts_list() {
        let parts = listed_parts("本报告由概述、主动公开政府信息情况、因政府信息公开申请行政复议、提起行政诉讼的情况和政府信息公开情况统计表共七个部分组成。");
        assert!(parts.contains(&"概述".to_string()));
        assert!(parts.contains(&"因政府信息公开申请行政复议、提起行政诉讼的情况".to_string()));
    }

    #[test]
    fn parts_list_without_end_marker() {
        // Found by the `oneline` fuzz target: the cut must fall on a char boundary.
        let text = format!("本报告由x{}", "申".repeat(300));
        let _ = listed_parts(&text);
        let _ = segment(&text);
    }

    #[test]
    fn heading_ends() {
        assert_eq!(heading_len("总体情况 2024年，", &[]), "总体情况".len());
        assert_eq!(
            heading_len("政府信息公开行政法复议、行政诉讼情况行政复议", &[]),
            "政府信息公开行政法复议、行政诉讼情况".len()
        );
        assert_eq!(
            heading_len("加强组织领导，健全工作机制一是高度重视。", &[]),
            "加强组织领导，健全工作机制".len()
        );
    }

    #[test]
    fn segments() {
        let blocks = segment("前言。一、总体情况2024年，我区…。（一）主动公开方面。有序推进。（二）依申请公开方面。全年办理。二、其他需要报告的事项无。");
        assert_eq!(
            blocks,
            vec![
                Block::Para("前言。".into()),
                Block::Heading("一、总体情况".into()),
                Block::Para("2024年，我区…。".into()),
                Block::Para("（一）主动公开方面。有序推进。".into()),
                Block::Para("（二）依申请公开方面。全年办理。".into()),
                Block::Heading("二、其他需要报告的事项".into()),
                Block::Para("无。".into()),
            ]
        );
    }
}
