//! The PDF layout reader on synthetic pages: the published HTML pages' own documents
//! (paragraphs and table grids, spans and all) typeset here as a Word export sets them —
//! ruled tables, labels wrapped in their cells, group labels one character per line down a
//! merged cell, running headers and page numbers, tables broken over pages at every row — and
//! read back from the glyph positions and rules. Tables, section tree and checks must equal
//! the HTML's for every geometry: the reader goes by the formats, not by one file's coordinates.

mod common;

use nianbao_ingest::doc::{Block, Document, GridCell, TableBlock};
use nianbao_ingest::pdf::{read_pages, Glyph, Page, Rule};
use nianbao_ingest::{build, html, ReportMeta};

/// How a synthetic export sets the page.
#[derive(Clone, Copy, Debug)]
struct Geometry {
    width: f64,
    height: f64,
    margin: f64,
    size: f64,
    /// Table cell text size.
    cell_size: f64,
    /// Width of each label column of a table, and of each value column (points).
    label_col: f64,
    value_col: f64,
    /// Push the document down by this much on the first page (moves every page break).
    shift: f64,
}

fn advance(c: char, size: f64) -> f64 {
    if c.is_ascii() {
        size * 0.5
    } else {
        size
    }
}

/// Breaks text into lines no wider than `width`.
fn wrap(text: &str, size: f64, width: f64, indent: f64) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut used = indent;
    for c in text.chars() {
        let w = advance(c, size);
        if used + w > width && !lines.last().unwrap().is_empty() {
            lines.push(String::new());
            used = 0.0;
        }
        lines.last_mut().unwrap().push(c);
        used += w;
    }
    lines
}

struct Typesetter {
    g: Geometry,
    pages: Vec<Page>,
    y: f64,
    /// Tables set over a page break, and merged cells the break cut (the test makes sure
    /// the geometries give both).
    broken_tables: usize,
    cut_cells: usize,
}

impl Typesetter {
    fn new(g: Geometry) -> Self {
        let mut t = Typesetter {
            g,
            pages: Vec::new(),
            y: 0.0,
            broken_tables: 0,
            cut_cells: 0,
        };
        t.new_page();
        t.y += g.shift;
        t
    }

    fn new_page(&mut self) {
        let g = self.g;
        let n = self.pages.len() + 1;
        let mut page = Page {
            width: g.width,
            height: g.height,
            ..Page::default()
        };
        // Running header and page number, as Word sets them in the margins.
        let header = "平潭综合实验区政府信息公开";
        let mut x = (g.width - header.chars().count() as f64 * 9.0) / 2.0;
        for ch in header.chars() {
            page.glyphs.push(Glyph {
                ch,
                x,
                y: g.margin * 0.6,
                w: 9.0,
                size: 9.0,
            });
            x += 9.0;
        }
        let number = format!("- {n} -");
        let mut x = g.width / 2.0 - 10.0;
        for ch in number.chars() {
            page.glyphs.push(Glyph {
                ch,
                x,
                y: g.height - g.margin * 0.5,
                w: 4.5,
                size: 9.0,
            });
            x += 4.5;
        }
        self.pages.push(page);
        self.y = g.margin;
    }

    fn text_line(&mut self, x: f64, baseline: f64, text: &str, size: f64) {
        let page = self.pages.last_mut().unwrap();
        let mut x = x;
        for ch in text.chars() {
            let w = advance(ch, size);
            page.glyphs.push(Glyph {
                ch,
                x,
                y: baseline,
                w,
                size,
            });
            x += w;
        }
    }

    fn paragraph(&mut self, text: &str, size: f64, centered: bool) {
        let g = self.g;
        let width = g.width - 2.0 * g.margin;
        let indent = if centered { 0.0 } else { 2.0 * size };
        for (i, line) in wrap(text, size, width, indent).iter().enumerate() {
            if self.y + size * 1.5 > g.height - g.margin {
                self.new_page();
            }
            let w: f64 = line.chars().map(|c| advance(c, size)).sum();
            let x = if centered {
                (g.width - w) / 2.0
            } else if i == 0 {
                g.margin + indent
            } else {
                g.margin
            };
            self.y += size * 1.5;
            self.text_line(x, self.y, line, size);
        }
        self.y += size * 0.5;
    }

    /// A table grid with its spans, rows kept whole, a merged cell continued on the next page.
    fn table(&mut self, grid: &[Vec<GridCell>]) {
        let g = self.g;
        let cols = grid.iter().map(Vec::len).max().unwrap_or(0);
        // Value columns: those holding numbers in most rows.
        let numeric = |c: usize| {
            grid.iter()
                .filter(|r| {
                    r.get(c).is_some_and(|cell| {
                        !cell.text.is_empty() && cell.text.chars().all(|ch| ch.is_ascii_digit())
                    })
                })
                .count()
                * 3
                >= grid.len()
        };
        let widths: Vec<f64> = (0..cols)
            .map(|c| if numeric(c) { g.value_col } else { g.label_col })
            .collect();
        let left = g.margin;
        let xs: Vec<f64> = std::iter::once(left)
            .chain(widths.iter().scan(left, |x, w| {
                *x += w;
                Some(*x)
            }))
            .collect();
        // Each source cell: its span.
        let mut spans: std::collections::BTreeMap<usize, (usize, usize, usize, usize, String)> =
            Default::default();
        for (r, row) in grid.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let e = spans
                    .entry(cell.origin)
                    .or_insert((r, c, r, c, cell.text.clone()));
                e.2 = e.2.max(r);
                e.3 = e.3.max(c);
            }
        }
        let line_h = g.cell_size * 1.3;
        // Row heights: enough for each single-row cell's wrapped text.
        let mut heights = vec![line_h + 4.0; grid.len()];
        for &(r0, c0, r1, c1, ref text) in spans.values() {
            if r0 == r1 {
                let n = wrap(text, g.cell_size, xs[c1 + 1] - xs[c0] - 4.0, 0.0).len();
                heights[r0] = heights[r0].max(n as f64 * line_h + 4.0);
            }
        }
        // Row tops, page by page: a row that does not fit starts the next page.
        let mut tops: Vec<(usize, f64)> = Vec::new();
        let (mut page, mut y) = (self.pages.len() - 1, self.y + 6.0);
        for h in &heights {
            if y + h > g.height - g.margin {
                self.new_page();
                page = self.pages.len() - 1;
                y = g.margin;
            }
            tops.push((page, y));
            y += h;
        }
        for &(r0, c0, r1, c1, ref text) in spans.values() {
            // The cell's part on each page it covers, and its text set from its top, line
            // by line, going on in the next part.
            let mut lines = wrap(text, g.cell_size, xs[c1 + 1] - xs[c0] - 4.0, 0.0).into_iter();
            if tops[r0].0 != tops[r1].0 {
                self.cut_cells += 1;
            }
            let mut r = r0;
            while r <= r1 {
                let p = tops[r].0;
                let mut end = r;
                while end < r1 && tops[end + 1].0 == p {
                    end += 1;
                }
                let (top, bottom) = (tops[r].1, tops[end].1 + heights[end]);
                let page = &mut self.pages[p];
                for rule in [
                    Rule {
                        x0: xs[c0],
                        y0: top,
                        x1: xs[c1 + 1],
                        y1: top,
                    },
                    Rule {
                        x0: xs[c0],
                        y0: bottom,
                        x1: xs[c1 + 1],
                        y1: bottom,
                    },
                    Rule {
                        x0: xs[c0],
                        y0: top,
                        x1: xs[c0],
                        y1: bottom,
                    },
                    Rule {
                        x0: xs[c1 + 1],
                        y0: top,
                        x1: xs[c1 + 1],
                        y1: bottom,
                    },
                ] {
                    page.rules.push(rule);
                }
                let mut baseline = top + 2.0 + g.cell_size;
                while baseline + 2.0 <= bottom {
                    let Some(line) = lines.next() else { break };
                    let mut x = xs[c0] + 2.0;
                    for ch in line.chars() {
                        let w = advance(ch, g.cell_size);
                        page.glyphs.push(Glyph {
                            ch,
                            x,
                            y: baseline,
                            w,
                            size: g.cell_size,
                        });
                        x += w;
                    }
                    baseline += line_h;
                }
                r = end + 1;
            }
        }
        if tops.first().map(|t| t.0) != tops.last().map(|t| t.0) {
            self.broken_tables += 1;
        }
        self.y =
            tops.last().map_or(self.y, |&(_, t)| t) + heights.last().copied().unwrap_or(0.0) + 6.0;
    }
}

fn typeset(doc: &Document, title: &str, g: Geometry) -> Typesetter {
    let mut t = Typesetter::new(g);
    t.paragraph(title, g.size * 1.6, true);
    for block in &doc.blocks {
        match block {
            Block::Para(p) | Block::Heading(p) => t.paragraph(p, g.size, false),
            Block::Table(TableBlock::Grid(grid)) => t.table(grid),
            Block::Table(TableBlock::Text { .. }) => panic!("the HTML pages' tables are markup"),
        }
    }
    t
}

fn geometries() -> Vec<Geometry> {
    let mut out = Vec::new();
    for (size, cell_size, label_col, value_col) in [
        (12.0, 10.5, 60.0, 40.0),
        (16.0, 10.5, 36.0, 38.0),
        (10.5, 9.0, 90.0, 30.0),
        (12.0, 9.0, 14.0, 34.0),
    ] {
        for shift in [0.0, 37.0, 113.0, 251.0] {
            out.push(Geometry {
                width: 595.0,
                height: 842.0,
                margin: 72.0,
                size,
                cell_size,
                label_col,
                value_col,
                shift,
            });
        }
    }
    out
}

#[test]
fn typeset_reports_read_back_as_the_html() {
    let (mut broken, mut cut) = (0, 0);
    for year in [2015, 2024] {
        let rel = format!("pingtan/{year}.html");
        let page = std::fs::read_to_string(common::corpus().join(&rel)).unwrap();
        let expected = common::ingest(&rel);
        let doc = html::parse_html(&page).unwrap();
        for g in geometries() {
            let set = typeset(&doc, &expected.title, g);
            broken += set.broken_tables;
            cut += set.cut_cells;
            let pages = set.pages;
            let read = read_pages(&pages, None).unwrap_or_else(|e| panic!("{year} {g:?}: {e}"));
            let meta = ReportMeta {
                agency_id: Some("pingtan".into()),
                ..ReportMeta::default()
            };
            let report = build::build(read, &meta).unwrap_or_else(|e| panic!("{year} {g:?}: {e}"));
            assert_eq!(
                report.tables,
                expected.tables,
                "{year} {g:?} ({} pages): tables",
                pages.len()
            );
            assert_eq!(
                common::tree(&report),
                common::tree(&expected),
                "{year} {g:?}: tree"
            );
            assert_eq!(report.checks, expected.checks, "{year} {g:?}: checks");
            assert_eq!(report.title, expected.title, "{year} {g:?}: title");
        }
    }
    assert!(
        broken >= 10 && cut >= 4,
        "page breaks in tables: {broken}, cut merged cells: {cut}"
    );
}
