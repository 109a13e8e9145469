//! Two years of one body side by side: sections aligned (by the template's structure, or by
//! heading similarity for free-format years), the standard tables cell by cell, prose figures
//! of the same indicator paired, and each section's sentences diffed.

use similar::{capture_diff_slices, Algorithm, DiffTag};

use crate::checkup::TEMPLATE_SECTIONS;
use crate::flags;
use crate::matching::pair;
use crate::outline::Section;
use crate::report::{Figure, Report, ReportFormat};
use crate::tables::{APPLICANT_COLUMNS, APPLICATION_ROWS};
use crate::ReviewCell;

/// Two top-level sections that say the same thing, or one standing alone.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SectionPair<'a> {
    pub before: Option<&'a Section>,
    pub after: Option<&'a Section>,
}

impl SectionPair<'_> {
    /// The id the pair goes by: the later year's section id; a section only the earlier
    /// year has is `prev-` and its id (the later year may use that id for another section).
    pub fn id(&self) -> String {
        match (self.before, self.after) {
            (_, Some(after)) => after.id.clone(),
            (Some(before), None) => format!("prev-{}", before.id),
            (None, None) => String::new(),
        }
    }
}

/// The template section each top-level section stands for, by heading.
fn template_slots(report: &Report) -> Vec<Option<usize>> {
    let headings: Vec<&str> = report.sections.iter().map(|s| s.heading.as_str()).collect();
    let mut slots = vec![None; headings.len()];
    for (i, t) in pair(&headings, &TEMPLATE_SECTIONS) {
        slots[i] = Some(t);
    }
    slots
}

/// Aligns the top-level sections of two reports, in the later report's order, with sections
/// only the earlier one has placed after the pair before them.
pub fn align_sections<'a>(before: &'a Report, after: &'a Report) -> Vec<SectionPair<'a>> {
    let templated = |r: &Report| r.format != ReportFormat::OldFree;
    let pairs: Vec<(usize, usize)> = if templated(before) && templated(after) {
        let (a, b) = (template_slots(before), template_slots(after));
        let mut out: Vec<(usize, usize)> = a
            .iter()
            .enumerate()
            .filter_map(|(i, slot)| {
                let slot = (*slot)?;
                let j = b.iter().position(|s| *s == Some(slot))?;
                Some((i, j))
            })
            .collect();
        out.sort_unstable();
        out
    } else {
        let a: Vec<&str> = before.sections.iter().map(|s| s.heading.as_str()).collect();
        let b: Vec<&str> = after.sections.iter().map(|s| s.heading.as_str()).collect();
        pair(&a, &b)
    };
    let mut out = Vec::new();
    let mut next_before = 0;
    for (j, section) in after.sections.iter().enumerate() {
        let matched = pairs.iter().find(|(_, b)| *b == j).map(|(a, _)| *a);
        if let Some(i) = matched {
            // Earlier-only sections that stood before this one.
            for k in next_before..i {
                if pairs.iter().all(|(a, _)| *a != k) {
                    out.push(SectionPair {
                        before: Some(&before.sections[k]),
                        after: None,
                    });
                }
            }
            next_before = next_before.max(i + 1);
        }
        out.push(SectionPair {
            before: matched.map(|i| &before.sections[i]),
            after: Some(section),
        });
    }
    for k in next_before..before.sections.len() {
        if pairs.iter().all(|(a, _)| *a != k) {
            out.push(SectionPair {
                before: Some(&before.sections[k]),
                after: None,
            });
        }
    }
    out
}

/// One table cell in both years.
#[derive(Debug, Clone, PartialEq)]
pub struct CellChange {
    pub row: String,
    pub row_label: String,
    pub column: String,
    /// `None` where the cell is blank (blank is not 0) or the table is absent.
    pub before: Option<i64>,
    pub after: Option<i64>,
    /// A failed check casts doubt on the figure (see [`crate::flags`]).
    pub flagged_before: bool,
    pub flagged_after: bool,
}

impl CellChange {
    pub fn delta(&self) -> Option<i64> {
        Some(self.after? - self.before?)
    }

    /// Percent change; `None` from a blank or from 0.
    pub fn percent(&self) -> Option<f64> {
        let before = self.before.filter(|b| *b != 0)?;
        Some((self.after? - before) as f64 * 100.0 / before as f64)
    }

    /// E.g. `81 → 218, +137, +169.1%`; a blank reads `空白`.
    pub fn describe(&self) -> String {
        let value = |v: Option<i64>| v.map_or("空白".to_string(), |v| v.to_string());
        let mut out = format!("{} → {}", value(self.before), value(self.after));
        if let Some(d) = self.delta() {
            out.push_str(&format!(", {d:+}"));
        }
        if let Some(p) = self.percent() {
            out.push_str(&format!(", {p:+.1}%"));
        }
        out
    }
}

/// Table 3 cell by cell, rows in template order (rows either year prints).
pub fn applications(before: &Report, after: &Report) -> Vec<CellChange> {
    let (ta, tb) = (
        before.tables.applications.as_ref(),
        after.tables.applications.as_ref(),
    );
    if ta.is_none() && tb.is_none() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (key, _, label) in APPLICATION_ROWS {
        let (ra, rb) = (ta.and_then(|t| t.row(key)), tb.and_then(|t| t.row(key)));
        if ra.is_none() && rb.is_none() {
            continue;
        }
        let row_label = rb.or(ra).map_or(label.to_string(), |r| r.label.clone());
        for (col, column) in APPLICANT_COLUMNS.iter().enumerate() {
            let value = |r: Option<&crate::ApplicationsRow>| {
                r.and_then(|r| r.values.get(col).copied().flatten())
            };
            out.push(CellChange {
                row: key.to_string(),
                row_label: row_label.clone(),
                column: column.to_string(),
                before: value(ra),
                after: value(rb),
                flagged_before: !flags::application_cell(&before.checks, key, col).is_empty(),
                flagged_after: !flags::application_cell(&after.checks, key, col).is_empty(),
            });
        }
    }
    out
}

/// Table 4 cell by cell.
pub fn reviews(before: &Report, after: &Report) -> Vec<CellChange> {
    let (ta, tb) = (
        before.tables.reviews.as_ref(),
        after.tables.reviews.as_ref(),
    );
    if ta.is_none() && tb.is_none() {
        return Vec::new();
    }
    ReviewCell::all()
        .map(|cell| {
            let value = |t: Option<&crate::ReviewsTable>| {
                t.and_then(|t| t.values.get(cell.index()).copied().flatten())
            };
            CellChange {
                row: cell.group.label().to_string(),
                row_label: cell.group.label().to_string(),
                column: cell.result.label().to_string(),
                before: value(ta),
                after: value(tb),
                flagged_before: !flags::review_cell(&before.checks, cell).is_empty(),
                flagged_after: !flags::review_cell(&after.checks, cell).is_empty(),
            }
        })
        .collect()
}

/// Prose figures of the same indicator in both years.
#[derive(Debug, Clone, PartialEq)]
pub struct FigurePair<'a> {
    pub indicator: &'a str,
    pub before: Option<&'a Figure>,
    pub after: Option<&'a Figure>,
}

/// Every indicator stated in the prose of either year (the first figure of each), in the
/// later year's order.
pub fn figures<'a>(before: &'a Report, after: &'a Report) -> Vec<FigurePair<'a>> {
    let mut keys: Vec<&str> = Vec::new();
    for f in after.figures.iter().chain(&before.figures) {
        if let Some(k) = f.indicator.as_deref() {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
    }
    let first =
        |r: &'a Report, k: &str| r.figures.iter().find(|f| f.indicator.as_deref() == Some(k));
    keys.into_iter()
        .map(|k| FigurePair {
            indicator: k,
            before: first(before, k),
            after: first(after, k),
        })
        .collect()
}

/// What became of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Same,
    /// New this year.
    Added,
    /// In the earlier year only.
    Removed,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SentenceChange {
    pub change: Change,
    pub text: String,
}

/// Sentences of a section and its subsections, headings included, in reading order.
pub fn sentences(section: &Section) -> Vec<String> {
    let mut out = Vec::new();
    fn go(s: &Section, out: &mut Vec<String>, top: bool) {
        if !top {
            out.push(s.full_heading());
        }
        for p in &s.paragraphs {
            split_sentences(p, out);
        }
        for c in &s.children {
            go(c, out, false);
        }
    }
    go(section, &mut out, true);
    out
}

fn split_sentences(text: &str, out: &mut Vec<String>) {
    let mut current = String::new();
    for c in text.chars() {
        current.push(c);
        if matches!(c, '。' | '！' | '？' | '；') {
            let s = current.trim().to_string();
            if !s.is_empty() {
                out.push(s);
            }
            current.clear();
        }
    }
    let s = current.trim();
    if !s.is_empty() {
        out.push(s.to_string());
    }
}

/// The sentences of two sections diffed (Patience diff, the `similar` crate).
pub fn diff(before: Option<&Section>, after: Option<&Section>) -> Vec<SentenceChange> {
    let a = before.map(sentences).unwrap_or_default();
    let b = after.map(sentences).unwrap_or_default();
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, &a, &b) {
        let (tag, old, new) = op.as_tag_tuple();
        let push = |out: &mut Vec<SentenceChange>, change, items: &[String]| {
            out.extend(items.iter().map(|t| SentenceChange {
                change,
                text: t.clone(),
            }))
        };
        match tag {
            DiffTag::Equal => push(&mut out, Change::Same, &b[new]),
            DiffTag::Delete => push(&mut out, Change::Removed, &a[old]),
            DiffTag::Insert => push(&mut out, Change::Added, &b[new]),
            DiffTag::Replace => {
                push(&mut out, Change::Removed, &a[old]);
                push(&mut out, Change::Added, &b[new]);
            }
        }
    }
    out
}

/// Share of the later year's sentences carried over unchanged (0 to 1; 0 when it has none).
pub fn unchanged_share(changes: &[SentenceChange]) -> f64 {
    let after = changes
        .iter()
        .filter(|c| c.change != Change::Removed)
        .count();
    let same = changes.iter().filter(|c| c.change == Change::Same).count();
    if after == 0 {
        0.0
    } else {
        same as f64 / after as f64
    }
}

/// The year before `year` among `years` (a body may skip years).
pub fn previous_year(years: impl IntoIterator<Item = u16>, year: u16) -> Option<u16> {
    years.into_iter().filter(|y| *y < year).max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(id: &str, heading: &str, paragraphs: &[&str]) -> Section {
        Section {
            id: id.into(),
            number: String::new(),
            heading: heading.into(),
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
            children: Vec::new(),
        }
    }

    #[test]
    fn cell_changes_read_like_the_issue() {
        let c = CellChange {
            row: "new_requests".into(),
            row_label: String::new(),
            column: "总计".into(),
            before: Some(81),
            after: Some(218),
            flagged_before: false,
            flagged_after: false,
        };
        assert_eq!(c.describe(), "81 → 218, +137, +169.1%");
        let blank = CellChange {
            before: None,
            after: Some(0),
            ..c.clone()
        };
        assert_eq!(blank.describe(), "空白 → 0");
        let from_zero = CellChange {
            before: Some(0),
            after: Some(3),
            ..c
        };
        assert_eq!(from_zero.describe(), "0 → 3, +3");
    }

    #[test]
    fn sentences_diff() {
        let a = section("s1", "概述", &["今年做了甲。今年做了乙。"]);
        let b = section("s1", "概述", &["今年做了甲。今年做了丙。"]);
        let d = diff(Some(&a), Some(&b));
        let kinds: Vec<Change> = d.iter().map(|c| c.change).collect();
        assert_eq!(kinds, [Change::Same, Change::Removed, Change::Added]);
        assert_eq!(d[2].text, "今年做了丙。");
        assert_eq!(unchanged_share(&d), 0.5);
        assert!(diff(None, Some(&b))
            .iter()
            .all(|c| c.change == Change::Added));
    }

    #[test]
    fn previous_years_skip_gaps() {
        assert_eq!(previous_year([2015, 2017, 2018], 2017), Some(2015));
        assert_eq!(previous_year([2017], 2017), None);
    }
}
