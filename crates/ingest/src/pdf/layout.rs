//! Reading order from positions: glyphs into lines, page numbers and running headers and
//! footers dropped, lines into paragraphs (joined across line wraps and page breaks), and the
//! tables ([`super::lattice`]) in their place in the flow.

use std::collections::HashMap;

use super::collect::{Glyph, Page};
use super::lattice::{self, Fragment};
use crate::doc::{Block, TableBlock};
use crate::IngestError;

/// A line of running text.
#[derive(Debug, Clone)]
struct Line {
    page: usize,
    /// Baseline.
    y: f64,
    x0: f64,
    x1: f64,
    size: f64,
    text: String,
}

/// What stands on a page, top to bottom.
enum Item {
    Line(Line),
    /// Index into the document's table fragments.
    Table(usize),
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2e80..=0x9fff | 0xf900..=0xfaff | 0xff00..=0xffef)
}

/// Glyphs (already in one line) left to right as text; a space where the gap between two
/// Latin letters or digits is a word space.
fn line_text(glyphs: &[&Glyph]) -> String {
    let mut out = String::new();
    let mut end: Option<f64> = None;
    let mut last = ' ';
    for g in glyphs {
        if g.ch.is_whitespace() || g.ch.is_control() {
            continue;
        }
        if let Some(e) = end {
            if g.x - e > g.size * 0.25 && !is_cjk(g.ch) && !is_cjk(last) {
                out.push(' ');
            }
        }
        out.push(g.ch);
        last = g.ch;
        end = Some(g.x + g.w);
    }
    out
}

/// Groups glyphs into lines by baseline, each left to right. Glyphs drawn twice at the same
/// place (fake bold) count once.
pub(super) fn group_lines<'a>(glyphs: impl IntoIterator<Item = &'a Glyph>) -> Vec<Vec<&'a Glyph>> {
    let mut sorted: Vec<&Glyph> = glyphs.into_iter().collect();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Vec<&Glyph>> = Vec::new();
    for g in sorted {
        match lines.last_mut() {
            Some(line) if (g.y - line[0].y).abs() <= line[0].size.max(g.size) * 0.4 => line.push(g),
            _ => lines.push(vec![g]),
        }
    }
    for line in &mut lines {
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
        line.dedup_by(|b, a| a.ch == b.ch && (a.x - b.x).abs() < 0.6 && (a.y - b.y).abs() < 0.6);
    }
    lines
}

/// A page number as Word and WPS print them: "3", "-3-", "- 3 -", "— 3 —", "第 3 页",
/// "第3页 共6页", "3/6", "Page 3".
fn is_page_number(text: &str) -> bool {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(crate::doc::fold_width)
        .collect();
    let t = t.trim_matches(|c| matches!(c, '-' | '—' | '–' | '－' | '·' | '•'));
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    if digits(t) {
        return true;
    }
    if let Some((a, b)) = t.split_once('/') {
        return digits(a) && digits(b);
    }
    let t = t.strip_prefix("Page").unwrap_or(t);
    if digits(t) {
        return true;
    }
    let Some(rest) = t.strip_prefix('第') else {
        return false;
    };
    let Some((n, rest)) = rest.split_once('页') else {
        return false;
    };
    digits(n)
        && (rest.is_empty()
            || rest
                .strip_prefix('共')
                .and_then(|r| r.strip_suffix('页'))
                .is_some_and(digits))
}

/// Where the top and bottom margins end: lines there may be running headers and footers.
const MARGIN: f64 = 0.1;

fn in_margin(line: &Line, page: &Page) -> bool {
    line.y < page.height * MARGIN || line.y > page.height * (1.0 - MARGIN * 0.9)
}

/// Drops page numbers, and lines in the margins that repeat on several pages (digits aside).
fn drop_running(items: &mut [Vec<Item>], pages: &[Page]) {
    let key = |t: &str| -> String {
        t.chars()
            .filter(|c| !c.is_ascii_digit() && !c.is_whitespace())
            .collect()
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    for page_items in items.iter() {
        let mut on_page: Vec<String> = Vec::new();
        for item in page_items {
            if let Item::Line(l) = item {
                if in_margin(l, &pages[l.page]) {
                    on_page.push(key(&l.text));
                }
            }
        }
        on_page.sort();
        on_page.dedup();
        for k in on_page {
            *seen.entry(k).or_default() += 1;
        }
    }
    let repeated = |l: &Line| pages.len() > 1 && seen.get(&key(&l.text)).copied().unwrap_or(0) > 1;
    for page_items in items.iter_mut() {
        for item in page_items.iter_mut() {
            if let Item::Line(l) = item {
                if in_margin(l, &pages[l.page]) && (is_page_number(&l.text) || repeated(l)) {
                    l.text.clear();
                }
            }
        }
    }
}

/// The most common value, rounded to half points.
fn mode(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    let mut counts: HashMap<i64, usize> = HashMap::new();
    for v in values {
        *counts.entry((v * 2.0).round() as i64).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(v, n)| (n, -v))
        .map(|(v, _)| v as f64 / 2.0)
}

/// The document's blocks in reading order.
pub fn blocks(pages: &[Page]) -> Result<Vec<Block>, IngestError> {
    let mut fragments: Vec<Fragment> = Vec::new();
    let mut items: Vec<Vec<Item>> = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        let page_fragments = lattice::fragments(page, p);
        let in_table = |g: &Glyph| {
            let (x, y) = g.center();
            page_fragments.iter().any(|f| f.contains(x, y))
        };
        let mut page_items: Vec<(f64, Item)> =
            group_lines(page.glyphs.iter().filter(|g| !in_table(g)))
                .into_iter()
                .filter_map(|glyphs| {
                    let text = line_text(&glyphs);
                    (!text.is_empty()).then(|| {
                        let size = mode(glyphs.iter().map(|g| g.size)).unwrap_or(glyphs[0].size);
                        let line = Line {
                            page: p,
                            y: glyphs[0].y,
                            x0: glyphs[0].x,
                            x1: glyphs.iter().map(|g| g.x + g.w).fold(f64::MIN, f64::max),
                            size,
                            text,
                        };
                        (line.y - size * 0.8, Item::Line(line))
                    })
                })
                .collect();
        for f in page_fragments {
            page_items.push((f.top, Item::Table(fragments.len())));
            fragments.push(f);
        }
        page_items.sort_by(|a, b| a.0.total_cmp(&b.0));
        items.push(page_items.into_iter().map(|(_, i)| i).collect());
    }
    drop_running(&mut items, pages);
    for page_items in &mut items {
        page_items.retain(|i| !matches!(i, Item::Line(l) if l.text.is_empty()));
    }

    // Tables that go on over a page break: the last thing on a page and the first on the
    // next, with the same left and right edges.
    let mut continues: Vec<bool> = vec![false; fragments.len()];
    for p in 1..items.len() {
        if let (Some(Item::Table(a)), Some(Item::Table(b))) =
            (items[p - 1].last(), items[p].first())
        {
            let (a, b) = (*a, *b);
            if (fragments[a].left - fragments[b].left).abs() < 3.0
                && (fragments[a].right - fragments[b].right).abs() < 3.0
            {
                continues[b] = true;
            }
        }
    }
    let mut tables: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut head = 0;
    for (i, &goes_on) in continues.iter().enumerate() {
        if !goes_on {
            head = i;
        }
        tables.entry(head).or_default().push(i);
    }

    let lines: Vec<&Line> = items
        .iter()
        .flatten()
        .filter_map(|i| match i {
            Item::Line(l) => Some(l),
            Item::Table(_) => None,
        })
        .collect();
    let body_size = mode(
        lines
            .iter()
            .flat_map(|l| std::iter::repeat_n(l.size, l.text.chars().count())),
    )
    .unwrap_or(12.0);
    let body: Vec<&&Line> = lines
        .iter()
        .filter(|l| (l.size - body_size).abs() < 0.6)
        .collect();
    let left = mode(body.iter().map(|l| l.x0)).unwrap_or(0.0);
    let right = body.iter().map(|l| l.x1).fold(f64::MIN, f64::max).max(left);
    let mut pitches: Vec<f64> = Vec::new();
    for pair in body.windows(2) {
        if pair[0].page == pair[1].page && pair[1].y > pair[0].y {
            pitches.push(pair[1].y - pair[0].y);
        }
    }
    let pitch = mode(pitches).unwrap_or(body_size * 1.5);

    let mut blocks = Vec::new();
    let mut para = String::new();
    let mut prev: Option<&Line> = None;
    let flush = |para: &mut String, blocks: &mut Vec<Block>| {
        let text = crate::doc::clean(para).to_string();
        if !text.is_empty() {
            blocks.push(Block::Para(text));
        }
        para.clear();
    };
    for item in items.iter().flatten() {
        match item {
            Item::Table(i) => {
                let Some(chain) = tables.get(i) else {
                    continue; // a continuation, read with its head
                };
                flush(&mut para, &mut blocks);
                prev = None;
                let parts: Vec<&Fragment> = chain.iter().map(|&j| &fragments[j]).collect();
                let grid = lattice::grid(&parts, pages)?;
                if !grid.is_empty() {
                    blocks.push(Block::Table(TableBlock::Grid(grid)));
                }
            }
            Item::Line(line) => {
                let starts = match prev {
                    None => true,
                    Some(p) => {
                        let large = |l: &Line| l.size > body_size * 1.1;
                        let same_size = (p.size - line.size).abs() < 0.6;
                        if large(p) || large(line) {
                            // A title or heading set larger, maybe over two lines.
                            !same_size || (p.page == line.page && line.y - p.y > p.size * 2.2)
                        } else {
                            let indented = line.x0 > left + line.size * 0.8;
                            let short = p.x1 < right - line.size * 1.5;
                            let gap = p.page == line.page && line.y - p.y > pitch * 1.6;
                            !same_size || indented || short || gap
                        }
                    }
                };
                if starts {
                    flush(&mut para, &mut blocks);
                } else if para.ends_with(|c: char| c.is_ascii_alphanumeric())
                    && line.text.starts_with(|c: char| c.is_ascii_alphanumeric())
                {
                    para.push(' ');
                }
                para.push_str(&line.text);
                prev = Some(line);
            }
        }
    }
    flush(&mut para, &mut blocks);
    Ok(blocks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_as_word_and_wps_print_them() {
        for t in [
            "3",
            "-3-",
            "- 3 -",
            "— 12 —",
            "第 3 页",
            "第3页共6页",
            "3/6",
            "Page 3",
            "－３－",
        ] {
            assert!(is_page_number(t), "{t}");
        }
        // (A bare "2024" in a margin is taken for a page number; in the body it is text.)
        for t in ["第二十条", "3件", "一、总体情况", "-", "第3条"] {
            assert!(!is_page_number(t), "{t}");
        }
    }
}
