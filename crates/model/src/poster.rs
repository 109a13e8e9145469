//! The 图解 poster: one panel per top-level section, in the report's order, with the figures
//! the section states (each with a short label taken from its sentence), grouped by the
//! sub-section they stand in; a section without figures shows its enumerated points instead.
//!
//! Only what the report states: labels and points are cut from the report's own words, never
//! written anew.

use crate::outline::Section;
use crate::report::{Figure, Report};
use crate::TableKind;

pub mod flow;

/// One panel of the poster: a top-level section.
#[derive(Debug, Clone, PartialEq)]
pub struct Panel<'a> {
    pub section: &'a Section,
    /// Figures standing in the section's own paragraphs.
    pub figures: Vec<PanelFigure<'a>>,
    /// Figures of sub-sections, under the sub-section they stand in (reading order).
    pub groups: Vec<Group<'a>>,
    /// The standard tables standing in this section or below it (template reports).
    pub tables: Vec<TableKind>,
    /// Where the section has no figure and no table: its enumerated points (一是… 二是…), or
    /// else its sub-sections' headings, words from the report.
    pub points: Vec<String>,
}

/// The figures of one sub-section of a panel.
#[derive(Debug, Clone, PartialEq)]
pub struct Group<'a> {
    pub section: &'a Section,
    pub figures: Vec<PanelFigure<'a>>,
}

/// A figure as a panel shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct PanelFigure<'a> {
    pub figure: &'a Figure,
    /// The number as printed, with its 余/多/近/约 (e.g. `4480余`).
    pub value: String,
    /// What the number counts, from its sentence (e.g. `政府信息公开清单`); may be empty.
    pub label: String,
    /// The sentence the figure stands in.
    pub sentence: String,
}

impl Panel<'_> {
    /// Every figure of the panel, its own first.
    pub fn all_figures(&self) -> impl Iterator<Item = &PanelFigure<'_>> {
        self.figures
            .iter()
            .chain(self.groups.iter().flat_map(|g| g.figures.iter()))
    }
}

/// The poster's panels, one per top-level section in the report's order.
pub fn panels(report: &Report) -> Vec<Panel<'_>> {
    report
        .sections
        .iter()
        .map(|top| panel(report, top))
        .collect()
}

/// The panel of one top-level section.
pub fn panel<'a>(report: &'a Report, top: &'a Section) -> Panel<'a> {
    let shown = |section: &'a Section| -> Vec<PanelFigure<'a>> {
        let mut figures: Vec<&Figure> = report
            .figures
            .iter()
            .filter(|f| f.section == section.id)
            .collect();
        figures.sort_by_key(|f| (f.paragraph, f.start));
        // Each paragraph's characters once, not once per figure (a paragraph of 1 MB can
        // state thousands).
        let mut chars: Option<(usize, Vec<char>)> = None;
        figures
            .into_iter()
            .filter_map(|f| {
                if chars.as_ref().is_none_or(|(p, _)| *p != f.paragraph) {
                    let paragraph = section.paragraphs.get(f.paragraph)?;
                    chars = Some((f.paragraph, paragraph.chars().collect()));
                }
                panel_figure(&chars.as_ref()?.1, f)
            })
            .collect()
    };
    let mut groups = Vec::new();
    let mut below = Vec::new();
    descendants(&top.children, &mut below);
    for &section in &below {
        let figures = shown(section);
        if !figures.is_empty() {
            groups.push(Group { section, figures });
        }
    }
    let ids: Vec<&str> = std::iter::once(top.id.as_str())
        .chain(below.iter().map(|s| s.id.as_str()))
        .collect();
    let t = &report.tables;
    let tables = [
        (
            TableKind::Proactive,
            t.proactive.as_ref().map(|t| &t.section),
        ),
        (
            TableKind::Applications,
            t.applications.as_ref().map(|t| &t.section),
        ),
        (TableKind::Reviews, t.reviews.as_ref().map(|t| &t.section)),
        (
            TableKind::Statistics,
            t.statistics.as_ref().map(|t| &t.section),
        ),
    ]
    .into_iter()
    .filter(|(_, s)| s.is_some_and(|s| ids.contains(&s.as_str())))
    .map(|(kind, _)| kind)
    .collect::<Vec<_>>();
    let figures = shown(top);
    let points = if figures.is_empty() && groups.is_empty() && tables.is_empty() {
        let mut points: Vec<String> = top.paragraphs.iter().flat_map(|p| enumerated(p)).collect();
        if points.is_empty() {
            points = top.children.iter().map(|c| c.heading.clone()).collect();
        }
        points
    } else {
        Vec::new()
    };
    Panel {
        section: top,
        figures,
        groups,
        tables,
        points,
    }
}

fn descendants<'a>(sections: &'a [Section], out: &mut Vec<&'a Section>) {
    for s in sections {
        out.push(s);
        descendants(&s.children, out);
    }
}

/// `figure` as a panel shows it, from the characters of its paragraph.
fn panel_figure<'a>(chars: &[char], figure: &'a Figure) -> Option<PanelFigure<'a>> {
    if figure.start > figure.end || figure.end > chars.len() {
        return None;
    }
    let (number_start, number_end) = number_span(chars, figure)?;
    Some(PanelFigure {
        figure,
        value: chars[number_start..number_end].iter().collect(),
        label: label(chars, figure, number_start),
        sentence: sentence(chars, figure.start, figure.end),
    })
}

/// Where the number stands within the figure's text, with its 余/多 mark: character offsets
/// in the paragraph.
fn number_span(chars: &[char], figure: &Figure) -> Option<(usize, usize)> {
    let text = &chars[figure.start..figure.end];
    let first = text.iter().position(|c| c.is_ascii_digit())?;
    let mut end = first;
    while end < text.len() && (text[end].is_ascii_digit() || text[end] == '.') {
        end += 1;
    }
    if end < text.len() && APPROXIMATE.contains(&text[end]) {
        end += 1;
    }
    Some((figure.start + first, figure.start + end))
}

const APPROXIMATE: [char; 4] = ['余', '多', '近', '约'];

/// Characters that end a clause: a label never reaches over them.
const CLAUSE: &[char] = &[
    '，', ',', '、', '：', ':', '；', ';', '。', '！', '？', '!', '?', '（', '(', '）', ')',
];

/// Characters that end a sentence.
const SENTENCE: &[char] = &['。', '；', ';', '！', '？', '!', '?'];

/// The sentence around `start..end`, with its closing mark.
fn sentence(chars: &[char], start: usize, end: usize) -> String {
    let from = chars[..start]
        .iter()
        .rposition(|c| SENTENCE.contains(c))
        .map_or(0, |i| i + 1);
    let to = chars[end..]
        .iter()
        .position(|c| SENTENCE.contains(c))
        .map_or(chars.len(), |i| end + i + 1);
    chars[from..to]
        .iter()
        .collect::<String>()
        .trim()
        .to_string()
}

/// Words that open a clause without saying what is counted: time, the reporting body,
/// verbs of doing (`2017年，我委共收到…`).
const LEADING: &[&str] = &[
    "截至目前",
    "今年",
    "全年",
    "本年度",
    "本年",
    "当年",
    "目前",
    "我委",
    "我区",
    "我局",
    "我市",
    "我县",
    "我办",
    "我省",
    "本部门",
    "本单位",
    "全区",
    "全市",
    "最终",
    "形成",
    "完成",
    "梳理",
    "累计",
    "共计",
    "共",
    "对",
    "通过",
    "其中",
    "已",
    "均",
    "组织",
    "并",
];

/// Words that close the part before a number without saying what is counted (`清单共22项`).
const TRAILING: &[&str] = &[
    "累计", "共计", "合计", "总计", "超过", "共", "达", "为", "计", "约", "近", "逾", "了",
];

/// Words after a number where what it counts ends (`12个重大政策在…进行了解读`).
const AFTER_END: &[&str] = &[
    "在", "进行", "开展", "实现", "作为", "顺利", "已", "并", "予以", "均", "全部", "通过",
];

/// Nouns after a number too general to be a label alone (`564条信息`).
const GENERIC: &[&str] = &["信息", "条信息", "次", "件", "项"];

/// The longest label kept: a longer one keeps its end (the noun), marked as cut.
const MAX_LABEL: usize = 16;

/// What a figure counts, in the report's words: the noun after the number where the clause
/// has one (`12个重大政策`), else the words before it (`政府信息公开清单共22项`), cut from the
/// clause the figure stands in. Empty where the clause says nothing of it.
pub fn label(chars: &[char], figure: &Figure, number_start: usize) -> String {
    // The ingest's text of a figure starts at its label where it found one.
    let text_start = (figure.start < number_start).then_some(figure.start);
    let clause_start = chars[..number_start]
        .iter()
        .rposition(|c| CLAUSE.contains(c))
        .map_or(0, |i| i + 1);
    let from = text_start.map_or(clause_start, |t| t.max(clause_start));
    let before: String = chars[from..number_start].iter().collect();
    let before = clean_before(&before);

    let unit_end = unit_end(chars, figure, number_start);
    let clause_end = chars[unit_end..]
        .iter()
        .position(|c| CLAUSE.contains(c))
        .map_or(chars.len(), |i| unit_end + i);
    let after: String = chars[unit_end..clause_end].iter().collect();
    let after = AFTER_END
        .iter()
        .filter_map(|w| after.find(w))
        .min()
        .map_or(after.as_str(), |i| &after[..i])
        .trim()
        .to_string();
    let after = if after.chars().count() > 10 {
        String::new()
    } else {
        after
    };

    let label = if !after.is_empty() && !GENERIC.contains(&after.as_str()) {
        after
    } else {
        format!("{before}{after}")
    };
    let count = label.chars().count();
    if count > MAX_LABEL {
        let tail: String = label.chars().skip(count - (MAX_LABEL - 1)).collect();
        format!("…{tail}")
    } else {
        label
    }
}

/// Where the unit after the number ends (character offset): the figure's unit found within
/// a few characters of the digits, else the digits' end.
fn unit_end(chars: &[char], figure: &Figure, number_start: usize) -> usize {
    let mut at = number_start;
    while at < chars.len() && (chars[at].is_ascii_digit() || chars[at] == '.') {
        at += 1;
    }
    let unit: Vec<char> = figure.unit.chars().collect();
    for skip in 0..=2 {
        let from = at + skip;
        if !unit.is_empty() && chars.get(from..from + unit.len()) == Some(&unit[..]) {
            return from + unit.len();
        }
    }
    at
}

fn clean_before(text: &str) -> String {
    let mut text = text.trim();
    // 等 closes an enumeration of the counted things (主动公开、…、考核评议等共24项): the label
    // is what follows it.
    if let Some(i) = text.rfind('等') {
        text = &text[i + '等'.len_utf8()..];
    }
    loop {
        let before = text;
        text = strip_year(text);
        for w in LEADING {
            text = text.strip_prefix(w).unwrap_or(text);
        }
        for w in TRAILING {
            text = text.strip_suffix(w).unwrap_or(text);
        }
        if text == before {
            break;
        }
    }
    // A long run before the number: what is counted follows its last place or object word.
    if text.chars().count() > 12 {
        let cut = ['占', '的', '在', '对', '将', '上', '中']
            .iter()
            .filter_map(|c| text.rfind(*c).map(|i| i + c.len_utf8()))
            .filter(|&i| text[i..].chars().count() >= 2)
            .max();
        if let Some(i) = cut {
            text = &text[i..];
        }
    }
    if text == "占" {
        return "占比".to_string();
    }
    text.to_string()
}

/// `2017年`, `2016年以来`, `2016年至今` at the start.
fn strip_year(text: &str) -> &str {
    let digits = text.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits != 4 {
        return text;
    }
    let Some(rest) = text[digits..].strip_prefix('年') else {
        return text;
    };
    for w in ["以来", "至今", "度"] {
        if let Some(r) = rest.strip_prefix(w) {
            return r;
        }
    }
    rest
}

const ENUMERATION: [&str; 10] = [
    "一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是",
];

/// The points of an enumeration (一是… 二是…) in a paragraph, each its first clause up to
/// the sentence's end, as written. None if the paragraph does not enumerate from 一是.
pub fn enumerated(paragraph: &str) -> Vec<String> {
    let mut starts = Vec::new();
    let mut from = 0;
    for marker in ENUMERATION {
        match paragraph[from..].find(marker) {
            Some(i) => {
                starts.push(from + i);
                from += i + marker.len();
            }
            None => break,
        }
    }
    if starts.len() < 2 {
        return Vec::new();
    }
    starts
        .iter()
        .enumerate()
        .map(|(n, &start)| {
            let end = starts.get(n + 1).copied().unwrap_or(paragraph.len());
            let point = &paragraph[start + ENUMERATION[n].len()..end];
            // The point's first sentence (or clause, where it runs on with commas).
            let cut = point
                .char_indices()
                .find(|(_, c)| matches!(c, '。' | '；' | ';' | '，' | ','))
                .map_or(point.len(), |(i, _)| i);
            point[..cut].trim().to_string()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests;
