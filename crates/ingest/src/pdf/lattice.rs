//! Tables from their ruling lines: the lines that touch each other form a table; their x and
//! y positions the columns and rows; a border missing between two grid positions merges them
//! into one cell (row and column spans, stacked headers, labels down a merged cell); each
//! glyph goes to the cell its middle stands in. A table that goes on over a page break is
//! rebuilt as one: the next page's part is set below the first, so the rows continue and a
//! cell the break cut in two is one again.

use super::collect::{Glyph, Page, Rule};
use super::layout::group_lines;
use crate::doc::GridCell;
use crate::html_limits::MAX_GRID_CELLS;
use crate::IngestError;

/// Positions closer than this (points) are the same line.
const TOL: f64 = 2.0;

/// A table, or the part of one that stands on one page.
#[derive(Debug, Clone)]
pub struct Fragment {
    pub page: usize,
    pub top: f64,
    pub bottom: f64,
    pub left: f64,
    pub right: f64,
    rules: Vec<Rule>,
}

impl Fragment {
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.left - 1.0
            && x <= self.right + 1.0
            && y >= self.top - 1.0
            && y <= self.bottom + 1.0
    }
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind((0..n).collect())
    }
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

/// Collinear rules that overlap or touch, as one (a border drawn cell by cell, or twice).
fn merge_rules(rules: &[Rule]) -> Vec<Rule> {
    let mut out = Vec::new();
    for horizontal in [true, false] {
        // (position, start, end) along the line.
        let mut lines: Vec<(f64, f64, f64)> = rules
            .iter()
            .filter(|r| r.horizontal() == horizontal)
            .map(|r| {
                if horizontal {
                    (r.y0, r.x0, r.x1)
                } else {
                    (r.x0, r.y0, r.y1)
                }
            })
            .collect();
        lines.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
        let mut groups: Vec<Vec<(f64, f64, f64)>> = Vec::new();
        for l in lines {
            match groups.last_mut() {
                Some(g) if (l.0 - g[0].0).abs() < 1.0 => g.push(l),
                _ => groups.push(vec![l]),
            }
        }
        for mut g in groups {
            let pos = g.iter().map(|l| l.0).sum::<f64>() / g.len() as f64;
            g.sort_by(|a, b| a.1.total_cmp(&b.1));
            let mut run: Option<(f64, f64)> = None;
            let emit = |(s, e): (f64, f64), out: &mut Vec<Rule>| {
                out.push(if horizontal {
                    Rule {
                        x0: s,
                        y0: pos,
                        x1: e,
                        y1: pos,
                    }
                } else {
                    Rule {
                        x0: pos,
                        y0: s,
                        x1: pos,
                        y1: e,
                    }
                })
            };
            for (_, s, e) in g {
                run = match run {
                    Some((rs, re)) if s <= re + 1.5 => Some((rs, re.max(e))),
                    Some(r) => {
                        emit(r, &mut out);
                        Some((s, e))
                    }
                    None => Some((s, e)),
                };
            }
            if let Some(r) = run {
                emit(r, &mut out);
            }
        }
    }
    out
}

fn touches(h: &Rule, v: &Rule) -> bool {
    v.x0 >= h.x0 - TOL && v.x0 <= h.x1 + TOL && h.y0 >= v.y0 - TOL && h.y0 <= v.y1 + TOL
}

/// Positions of the given coordinates, near ones as one (their mean).
fn cluster(mut values: Vec<f64>) -> Vec<f64> {
    values.sort_by(f64::total_cmp);
    let mut groups: Vec<Vec<f64>> = Vec::new();
    for v in values {
        match groups.last_mut() {
            Some(g) if v - g[g.len() - 1] < TOL => g.push(v),
            _ => groups.push(vec![v]),
        }
    }
    groups
        .into_iter()
        .map(|g| g.iter().sum::<f64>() / g.len() as f64)
        .collect()
}

/// The tables drawn on a page: groups of touching rules with at least two rows and two
/// columns of lines (an underline or a lone rule is no table).
pub fn fragments(page: &Page, index: usize) -> Vec<Fragment> {
    let rules = merge_rules(&page.rules);
    let mut uf = UnionFind::new(rules.len());
    for (i, h) in rules.iter().enumerate().filter(|(_, r)| r.horizontal()) {
        for (j, v) in rules.iter().enumerate().filter(|(_, r)| !r.horizontal()) {
            if touches(h, v) {
                uf.union(i, j);
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<Rule>> = Default::default();
    for (i, r) in rules.iter().enumerate() {
        groups.entry(uf.find(i)).or_default().push(*r);
    }
    let mut out: Vec<Fragment> = groups
        .into_values()
        .filter(|g| {
            let hs = cluster(g.iter().filter(|r| r.horizontal()).map(|r| r.y0).collect());
            let vs = cluster(g.iter().filter(|r| !r.horizontal()).map(|r| r.x0).collect());
            hs.len() >= 2 && vs.len() >= 2
        })
        .map(|rules| Fragment {
            page: index,
            top: rules.iter().map(|r| r.y0).fold(f64::MAX, f64::min),
            bottom: rules.iter().map(|r| r.y1).fold(f64::MIN, f64::max),
            left: rules.iter().map(|r| r.x0).fold(f64::MAX, f64::min),
            right: rules.iter().map(|r| r.x1).fold(f64::MIN, f64::max),
            rules,
        })
        .collect();
    out.sort_by(|a, b| a.top.total_cmp(&b.top));
    out
}

/// A label that starts a new row or group: "三、", "（三）", "1.", "第二十条".
fn starts_numbered(text: &str) -> bool {
    let t = crate::doc::fold_str(text);
    let mut chars = t.chars().peekable();
    match chars.peek() {
        Some('（' | '(' | '第') => true,
        Some(c) if c.is_ascii_digit() => {
            let rest: String = chars.skip_while(char::is_ascii_digit).take(1).collect();
            matches!(rest.as_str(), "." | "、" | "．" | "")
        }
        Some(_) => {
            let rest: String = chars
                .skip_while(|c| "一二三四五六七八九十".contains(*c))
                .take(1)
                .collect();
            rest == "、" && !t.starts_with('、')
        }
        None => false,
    }
}

fn is_number(text: &str) -> bool {
    let t = crate::doc::fold_str(text);
    !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '%')
}

/// One table's grid from its parts (one per page, in order), spans expanded as for HTML.
pub fn grid(parts: &[&Fragment], pages: &[Page]) -> Result<Vec<Vec<GridCell>>, IngestError> {
    // Each part set below the one before, in the first part's coordinates.
    let mut offsets = Vec::with_capacity(parts.len());
    let mut seams = Vec::new();
    let mut bottom = 0.0;
    for (k, part) in parts.iter().enumerate() {
        let off = if k == 0 { 0.0 } else { bottom - part.top };
        if k > 0 {
            seams.push(bottom);
        }
        bottom = part.bottom + off;
        offsets.push(off);
    }
    let mut rules = Vec::new();
    let mut glyphs: Vec<Glyph> = Vec::new();
    for (part, off) in parts.iter().zip(&offsets) {
        rules.extend(part.rules.iter().map(|r| Rule {
            y0: r.y0 + off,
            y1: r.y1 + off,
            ..*r
        }));
        glyphs.extend(
            pages[part.page]
                .glyphs
                .iter()
                .filter(|g| {
                    let (x, y) = g.center();
                    part.contains(x, y)
                })
                .map(|g| Glyph {
                    y: g.y + off,
                    ..g.clone()
                }),
        );
    }
    let rules = merge_rules(&rules);
    let (hs, vs): (Vec<Rule>, Vec<Rule>) = rules.iter().partition(|r| r.horizontal());
    let mut ys = hs.iter().map(|r| r.y0).collect::<Vec<_>>();
    ys.push(parts[0].top);
    ys.push(bottom);
    let ys = cluster(ys);
    let mut xs = vs.iter().map(|r| r.x0).collect::<Vec<_>>();
    xs.extend(parts.iter().flat_map(|p| [p.left, p.right]));
    let xs = cluster(xs);
    if ys.len() < 2 || xs.len() < 2 {
        return Ok(Vec::new());
    }
    let (rows, cols) = (ys.len() - 1, xs.len() - 1);
    if rows.saturating_mul(cols) > MAX_GRID_CELLS {
        return Err(IngestError::TooComplex(format!(
            "a table of {rows} × {cols} cells"
        )));
    }
    let at = |r: usize, c: usize| r * cols + c;
    let mut uf = UnionFind::new(rows * cols);
    for r in 0..rows {
        let (lo, hi) = (ys[r], ys[r + 1]);
        let (lo, hi) = (lo + (hi - lo) * 0.25, hi - (hi - lo) * 0.25);
        for c in 0..cols - 1 {
            let x = xs[c + 1];
            if !vs
                .iter()
                .any(|v| (v.x0 - x).abs() < TOL && v.y0 <= lo && v.y1 >= hi)
            {
                uf.union(at(r, c), at(r, c + 1));
            }
        }
    }
    for c in 0..cols {
        let (lo, hi) = (xs[c], xs[c + 1]);
        let (lo, hi) = (lo + (hi - lo) * 0.25, hi - (hi - lo) * 0.25);
        for r in 0..rows - 1 {
            let y = ys[r + 1];
            if !hs
                .iter()
                .any(|h| (h.y0 - y).abs() < TOL && h.x0 <= lo && h.x1 >= hi)
            {
                uf.union(at(r, c), at(r + 1, c));
            }
        }
    }
    let locate = |v: f64, edges: &[f64]| -> Option<usize> {
        (v >= edges[0] && v <= edges[edges.len() - 1]).then(|| {
            edges
                .partition_point(|&e| e < v)
                .saturating_sub(1)
                .min(edges.len() - 2)
        })
    };
    let place = |g: &Glyph| -> Option<usize> {
        let (x, y) = g.center();
        Some(at(locate(y, &ys)?, locate(x, &xs)?))
    };
    let text_of = |uf: &mut UnionFind, glyphs: &[Glyph]| -> Vec<String> {
        let mut by_cell: Vec<Vec<&Glyph>> = vec![Vec::new(); rows * cols];
        for g in glyphs {
            if let Some(i) = place(g) {
                by_cell[uf.find(i)].push(g);
            }
        }
        by_cell
            .into_iter()
            .map(|gs| {
                group_lines(gs)
                    .iter()
                    .flatten()
                    .map(|g| g.ch)
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect()
            })
            .collect()
    };
    // Cells cut by the page break, with a border drawn at the break, are put together again.
    let mut text = text_of(&mut uf, &glyphs);
    for seam in seams {
        let Some(k) = ys.iter().position(|&y| (y - seam).abs() < TOL) else {
            continue;
        };
        if k == 0 || k >= rows {
            continue;
        }
        // A row the break cut in two (LibreOffice lets rows break): the part below holds
        // only the rest of its labels, its values stand above.
        let pairs: Vec<(usize, usize)> = (0..cols)
            .map(|c| (uf.find(at(k - 1, c)), uf.find(at(k, c))))
            .collect();
        let rest_only = pairs.iter().all(|&(u, d)| {
            let d = &text[d];
            d.is_empty() || !is_number(d) && !starts_numbered(d) && !is_number(&text[u])
        }) && pairs.iter().any(|&(_, d)| !text[d].is_empty())
            && pairs.iter().any(|&(u, _)| is_number(&text[u]));
        if rest_only {
            for (u, d) in pairs {
                uf.union(u, d);
            }
            text = text_of(&mut uf, &glyphs);
            continue;
        }
        // A merged cell cut by the break: a group label goes on below it ("三、本年度办理" |
        // "结果") where the lower part starts no new label.
        for c in 0..cols {
            let (up, down) = (uf.find(at(k - 1, c)), uf.find(at(k, c)));
            let (u, d) = (&text[up], &text[down]);
            let label = |t: &String| !t.is_empty() && !is_number(t);
            let further = (c + 1..cols).any(|c2| {
                let o = uf.find(at(k, c2));
                o != down && label(&text[o])
            });
            // Only a merged cell (over two rows or more on one side) is a group label that
            // can go on; single cells meeting at the break are two rows.
            let span = |root: usize, uf: &mut UnionFind| {
                (0..rows).filter(|&r| uf.find(at(r, c)) == root).count()
            };
            let merged = span(up, &mut uf) >= 2 || span(down, &mut uf) >= 2;
            if up != down && label(u) && label(d) && !starts_numbered(d) && further && merged {
                uf.union(up, down);
            }
        }
        text = text_of(&mut uf, &glyphs);
    }
    let mut numbering = vec![usize::MAX; rows * cols];
    let mut next = 0;
    let mut grid = Vec::with_capacity(rows);
    for r in 0..rows {
        let mut row = Vec::with_capacity(cols);
        for c in 0..cols {
            let root = uf.find(at(r, c));
            if numbering[root] == usize::MAX {
                numbering[root] = next;
                next += 1;
            }
            row.push(GridCell {
                text: text[root].clone(),
                origin: numbering[root],
            });
        }
        // A row made one with the row above (cut by the break) adds no cell.
        if grid.last() != Some(&row) {
            grid.push(row);
        }
    }
    Ok(grid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_that_start_a_row() {
        for t in [
            "三、本年度办理结果",
            "（三）不予公开",
            "1.属于国家秘密",
            "第二十条",
            "2、其他",
        ] {
            assert!(starts_numbered(t), "{t}");
        }
        for t in ["结果", "办理结果", "公开", "自然人"] {
            assert!(!starts_numbered(t), "{t}");
        }
    }
}
