//! Reading a published HTML page: the article (not the site around it), its paragraphs and
//! headings, and every table with its row and column spans.

use std::collections::HashSet;

use ego_tree::iter::Edge;
use ego_tree::NodeId;
use scraper::{ElementRef, Html, Node, Selector};

use crate::doc::{clean, Block, Document, GridCell, TableBlock};
use crate::html_limits::{check_nesting, only_chrome_after_end, MAX_GRID_CELLS};
use crate::meta::find_date;
use crate::IngestError;

/// True when the text looks like an HTML page or fragment rather than plain text.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = clean(text)
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml")
        || (head.starts_with('<')
            && (head.contains("<head") || head.contains("<body") || head.contains("<p")))
}

/// Elements whose text is never part of the article.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "nav", "header", "footer", "button",
    "select", "form", "head", "svg",
];

/// Elements read as one paragraph each.
const PARAGRAPHS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "dt",
    "dd",
    "blockquote",
    "pre",
];

fn name<'a>(el: &ElementRef<'a>) -> &'a str {
    el.value().name()
}

fn meta_content(doc: &Html, key: &str) -> Option<String> {
    let selector = Selector::parse(&format!("meta[name=\"{key}\"]")).ok()?;
    doc.select(&selector)
        .find_map(|m| m.value().attr("content"))
        .map(|c| clean(c).to_string())
        .filter(|c| !c.is_empty())
}

/// Appends `text` with runs of ASCII whitespace folded to one space, as a browser lays it out.
fn push_folded(out: &mut String, text: &str) {
    for c in text.chars() {
        if c.is_ascii_whitespace() {
            push_space(out);
        } else {
            out.push(c);
        }
    }
}

/// One space, unless the text is empty or already ends with one.
fn push_space(out: &mut String) {
    if !out.ends_with(' ') && !out.is_empty() {
        out.push(' ');
    }
}

/// Text of an element as a browser would lay it out on one line: runs of ASCII whitespace
/// become one space, `<br>` becomes a space, skipped elements are left out.
fn inline_text(el: ElementRef, out: &mut String) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => push_folded(out, t),
            Node::Element(_) => {
                let Some(child_el) = ElementRef::wrap(child) else {
                    continue;
                };
                let n = name(&child_el);
                if SKIPPED.contains(&n) {
                    continue;
                }
                if n == "br" {
                    push_space(out);
                    continue;
                }
                inline_text(child_el, out);
            }
            _ => {}
        }
    }
}

/// Text of a table cell: every whitespace removed (cells hold labels and numbers, and
/// Word exports break them across lines and paragraphs).
fn cell_text(el: ElementRef) -> String {
    let mut s = String::new();
    inline_text(el, &mut s);
    s.chars()
        // char::is_whitespace covers U+3000 and U+00A0; the zero-width space is not whitespace.
        .filter(|c| !c.is_whitespace() && *c != '\u{200b}')
        .collect()
}

fn span(el: &ElementRef, attr: &str) -> usize {
    el.value()
        .attr(attr)
        .and_then(|v| v.trim().parse::<usize>().ok())
        .map_or(1, |v| v.clamp(1, 200))
}

/// The table's rows with spans expanded into a grid. `budget` is what is left of the page's
/// [`MAX_GRID_CELLS`]: spans are clamped one by one, and this bounds them all together.
fn table_grid(table: ElementRef, budget: &mut usize) -> Result<Vec<Vec<GridCell>>, IngestError> {
    let over = || {
        IngestError::TooComplex(format!(
            "the tables' row and column spans cover more than {MAX_GRID_CELLS} cells"
        ))
    };
    let mut rows: Vec<ElementRef> = Vec::new();
    fn collect_rows<'a>(el: ElementRef<'a>, rows: &mut Vec<ElementRef<'a>>) {
        for child in el.child_elements() {
            match name(&child) {
                "tr" => rows.push(child),
                "thead" | "tbody" | "tfoot" => collect_rows(child, rows),
                _ => {}
            }
        }
    }
    collect_rows(table, &mut rows);
    let mut grid: Vec<Vec<Option<GridCell>>> = Vec::new();
    let mut origin = 0;
    for (r, row) in rows.iter().enumerate() {
        if grid.len() <= r {
            grid.resize_with(r + 1, Vec::new);
        }
        let mut c = 0;
        for cell in row
            .child_elements()
            .filter(|e| matches!(name(e), "td" | "th"))
        {
            while grid[r].get(c).is_some_and(Option::is_some) {
                c += 1;
            }
            let text = cell_text(cell);
            let (rowspan, colspan) = (span(&cell, "rowspan"), span(&cell, "colspan"));
            // A rowspan never reaches past the table's last row.
            let last_row = (r + rowspan).min(rows.len());
            for rr in r..last_row {
                if grid.len() <= rr {
                    grid.resize_with(rr + 1, Vec::new);
                }
                // Every slot allocated counts, gaps too; each copy also holds the text.
                let grow = (c + colspan).saturating_sub(grid[rr].len()) + colspan * text.len() / 16;
                *budget = budget.checked_sub(grow).ok_or_else(over)?;
                for cc in c..c + colspan {
                    if grid[rr].len() <= cc {
                        grid[rr].resize(cc + 1, None);
                    }
                    grid[rr][cc] = Some(GridCell {
                        text: text.clone(),
                        origin,
                    });
                }
            }
            origin += 1;
            c += colspan;
        }
    }
    Ok(grid
        .into_iter()
        .map(|row| {
            row.into_iter()
                .map(|c| {
                    c.unwrap_or_else(|| GridCell {
                        text: String::new(),
                        origin: usize::MAX,
                    })
                })
                .collect::<Vec<_>>()
        })
        .filter(|row: &Vec<GridCell>| !row.is_empty())
        .collect())
}

/// What the walks ask of every element, computed once in one pass over the tree (asking each
/// element about its subtree or its ancestors would cost the depth over again).
struct Marks {
    /// Elements with a block element somewhere below them.
    block_below: HashSet<NodeId>,
    /// Elements inside a skipped element (script, nav, footer …).
    skipped_above: HashSet<NodeId>,
    /// What is left of [`MAX_GRID_CELLS`].
    grid_budget: usize,
}

impl Marks {
    fn new(doc: &Html) -> Self {
        let mut block_below = HashSet::new();
        let mut skipped_above = HashSet::new();
        let mut skipping = 0usize;
        for edge in doc.tree.root().traverse() {
            match edge {
                Edge::Open(node) => {
                    if let Some(el) = ElementRef::wrap(node) {
                        if skipping > 0 {
                            skipped_above.insert(node.id());
                        }
                        if SKIPPED.contains(&name(&el)) {
                            skipping += 1;
                        }
                    }
                }
                Edge::Close(node) => {
                    let Some(el) = ElementRef::wrap(node) else {
                        continue;
                    };
                    if SKIPPED.contains(&name(&el)) {
                        skipping -= 1;
                    }
                    let below = el
                        .child_elements()
                        .any(|c| BLOCK_BELOW.contains(&name(&c)) || block_below.contains(&c.id()));
                    if below {
                        block_below.insert(node.id());
                    }
                }
            }
        }
        Marks {
            block_below,
            skipped_above,
            grid_budget: MAX_GRID_CELLS,
        }
    }
}

/// Reading-order blocks under `el`.
fn blocks(el: ElementRef, marks: &mut Marks, out: &mut Vec<Block>) -> Result<(), IngestError> {
    let mut inline = String::new();
    let flush = |inline: &mut String, out: &mut Vec<Block>| {
        let text = clean(inline).to_string();
        if !text.is_empty() {
            out.push(Block::Para(text));
        }
        inline.clear();
    };
    for child in el.children() {
        match child.value() {
            Node::Text(t) => push_folded(&mut inline, t),
            Node::Element(_) => {
                let Some(child_el) = ElementRef::wrap(child) else {
                    continue;
                };
                let n = name(&child_el);
                if SKIPPED.contains(&n) {
                    continue;
                }
                if n == "table" {
                    flush(&mut inline, out);
                    let grid = table_grid(child_el, &mut marks.grid_budget)?;
                    if !grid.is_empty() {
                        out.push(Block::Table(TableBlock::Grid(grid)));
                    }
                } else if PARAGRAPHS.contains(&n) && !marks.block_below.contains(&child_el.id()) {
                    flush(&mut inline, out);
                    let mut text = String::new();
                    inline_text(child_el, &mut text);
                    let text = clean(&text);
                    if !text.is_empty() {
                        out.push(Block::Para(text.to_string()));
                    }
                } else if n == "br" {
                    flush(&mut inline, out);
                } else if is_block(n) {
                    flush(&mut inline, out);
                    blocks(child_el, marks, out)?;
                } else {
                    // Inline element (span, font, a, b …): part of the running paragraph,
                    // unless it wraps blocks of its own.
                    if marks.block_below.contains(&child_el.id()) {
                        flush(&mut inline, out);
                        blocks(child_el, marks, out)?;
                    } else {
                        inline_text(child_el, &mut inline);
                    }
                }
            }
            _ => {}
        }
    }
    flush(&mut inline, out);
    Ok(())
}

fn is_block(n: &str) -> bool {
    PARAGRAPHS.contains(&n)
        || matches!(
            n,
            "div"
                | "section"
                | "article"
                | "main"
                | "ul"
                | "ol"
                | "dl"
                | "table"
                | "center"
                | "body"
                | "html"
                | "aside"
                | "figure"
                | "tbody"
                | "tr"
                | "td"
                | "th"
        )
}

/// Elements that make the inline element or paragraph around them a container of blocks.
const BLOCK_BELOW: &[&str] = &[
    "p", "div", "table", "section", "article", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
];

/// How much article text an element holds directly: the text of its paragraph and table
/// children and its own text (a CMS may set paragraphs apart with `<br>` only), and of
/// wrappers one level down that hold no containers themselves (`<div align=center><table>`
/// as Word exports a table, `<div>` used as a paragraph) — not of nested containers, so that
/// the innermost container of the article wins over the page body that merely contains it.
fn direct_article_text(el: ElementRef) -> usize {
    let visible = |el: ElementRef| {
        el.text()
            .map(|t| t.chars().filter(|c| !c.is_whitespace()).count())
            .sum::<usize>()
    };
    el.children()
        .map(|child| match child.value() {
            Node::Text(t) => t.chars().filter(|c| !c.is_whitespace()).count(),
            Node::Element(_) => {
                let Some(c) = ElementRef::wrap(child) else {
                    return 0;
                };
                match name(&c) {
                    "p" | "table" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" => {
                        visible(c)
                    }
                    "div" | "center" | "font" | "span" if is_leaf_wrapper(c) => visible(c),
                    _ => 0,
                }
            }
            _ => 0,
        })
        .sum()
}

/// A wrapper whose children are paragraphs, tables or inline text, no containers.
fn is_leaf_wrapper(el: ElementRef) -> bool {
    !el.child_elements().any(|c| {
        matches!(
            name(&c),
            "div" | "section" | "article" | "main" | "ul" | "ol" | "center" | "aside" | "nav"
        )
    })
}

/// Finds the article in a page: the container whose own paragraphs and tables hold the most
/// text. Site chrome (menus, link lists, footers) is lists and links, not paragraphs.
fn article_root<'a>(doc: &'a Html, marks: &Marks) -> Option<ElementRef<'a>> {
    let selector =
        Selector::parse("div, article, section, td, main, body").expect("static selector");
    doc.select(&selector)
        .filter(|el| !marks.skipped_above.contains(&el.id()))
        .map(|el| (direct_article_text(el), el))
        .filter(|(score, _)| *score > 0)
        .max_by_key(|(score, _)| *score)
        .map(|(_, el)| el)
}

/// Parses a published page into the article's blocks and the page's metadata.
pub fn parse_html(text: &str) -> Result<Document, IngestError> {
    let trimmed = clean(text);
    let whole_page = trimmed
        .chars()
        .take(256)
        .collect::<String>()
        .to_ascii_lowercase()
        .contains("<html");
    // CMS footers put comments and scripts after </html>; anything else there, or no
    // </html> at all, is a page cut off.
    let ends_whole = || {
        let lower = trimmed.to_ascii_lowercase();
        lower
            .rfind("</html>")
            .is_some_and(|at| only_chrome_after_end(&trimmed[at + "</html>".len()..]))
    };
    if whole_page && !ends_whole() {
        return Err(IngestError::Truncated(
            "the page does not end with </html>: it was cut off".into(),
        ));
    }
    check_nesting(text).map_err(IngestError::TooComplex)?;
    let doc = Html::parse_document(text);
    let mut marks = Marks::new(&doc);
    let root = article_root(&doc, &marks).ok_or_else(|| {
        IngestError::NotAReport("the page has no article text (no paragraphs or tables)".into())
    })?;
    let mut out = Vec::new();
    blocks(root, &mut marks, &mut out)?;

    let title = meta_content(&doc, "ArticleTitle").or_else(|| {
        let sel = Selector::parse("title").expect("static selector");
        doc.select(&sel).next().map(|t| {
            let mut s = String::new();
            inline_text(t, &mut s);
            // "<report title>_<column>_<site>"
            clean(s.split('_').next().unwrap_or("")).to_string()
        })
    });
    let published = meta_content(&doc, "PubDate")
        .or_else(|| meta_content(&doc, "firstpublishedtime"))
        .and_then(|d| find_date(&d).map(|(date, _)| date));
    let source_url = meta_content(&doc, "Url").filter(|u| u.starts_with("http"));
    Ok(Document {
        title: title.filter(|t| !t.is_empty()),
        published,
        source_url,
        notes: Vec::new(),
        blocks: out,
    })
}
