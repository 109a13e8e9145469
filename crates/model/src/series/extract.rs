//! Extraction: each series' figure from each report, by the places the registry gives.

use super::registry::{series_def, Place, SeriesDef, OTHER_SUBROWS, SERIES};
use super::types::{Basis, Point, Series, Source};
use crate::address::{CellAddress, ReviewCell, TableKind};
use crate::report::{Check, Report, ReportFormat};
use crate::tables::{
    ApplicationsTable, ReviewsTable, StatisticsTable, APPLICANT_COLUMNS, APPLICATION_ROWS,
};

/// Every series of one agency's reports (reports of other agencies are ignored if mixed in:
/// the first report's agency counts).
pub fn agency_series(reports: &[&Report]) -> Vec<Series> {
    SERIES
        .iter()
        .filter_map(|def| series(reports, def.key))
        .collect()
}

/// One series across an agency's reports; `None` for an unknown key or no reports.
pub fn series(reports: &[&Report], key: &str) -> Option<Series> {
    let def = series_def(key)?;
    let agency = &reports.first()?.agency.id;
    let mut mine: Vec<&Report> = reports
        .iter()
        .copied()
        .filter(|r| &r.agency.id == agency)
        .collect();
    mine.sort_by_key(|r| r.year);
    let (first, last) = (mine.first()?.year, mine.last()?.year);
    let mut points: Vec<Point> = (first..=last)
        .map(|year| match mine.iter().find(|r| r.year == year) {
            Some(report) => point(report, def),
            None => Point {
                year,
                value: None,
                approximate: false,
                computed: false,
                flagged: false,
                comparable: true,
                basis: None,
                format: None,
                report: None,
                source: None,
                notes: vec!["本站未收录该年度报告".into()],
            },
        })
        .collect();
    // The reference basis is that of the latest figure.
    let reference = points
        .iter()
        .rev()
        .find(|p| p.value.is_some())
        .and_then(|p| p.basis);
    for p in &mut points {
        if let (Some(basis), Some(reference)) = (p.basis, reference) {
            if p.value.is_some() && basis != reference {
                p.comparable = false;
                p.notes.push(format!(
                    "出自{}，与出自{}的其他年度数字统计口径不同，不宜直接比较",
                    basis.label(),
                    reference.label()
                ));
            }
        }
    }
    Some(Series {
        key: def.key.into(),
        agency: agency.clone(),
        label: def.label.into(),
        unit: def.unit.into(),
        points,
    })
}

/// What one place of a report gives for a key.
struct Found {
    value: Option<f64>,
    approximate: bool,
    computed: bool,
    flagged: bool,
    basis: Basis,
    source: Source,
    notes: Vec<String>,
}

/// A number the report states twice: in a table (or the old statistics table) and in the
/// prose, for the same series. Used by the check-up to compare the two.
#[derive(Debug, Clone, PartialEq)]
pub struct StatedTwice {
    /// The series key (see the registry).
    pub key: &'static str,
    pub label: &'static str,
    pub unit: &'static str,
    pub table: (f64, Source),
    pub prose: (f64, Source),
    /// The prose says 余/多/近…: its number is a floor, not exact.
    pub approximate: bool,
}

/// Every series that `report` states both in a table cell and in the prose.
pub fn stated_twice(report: &Report) -> Vec<StatedTwice> {
    let mut out = Vec::new();
    for def in SERIES {
        let mut table = None;
        let mut prose = None;
        for place in def.places {
            let Some(found) = find(report, place, def.unit) else {
                continue;
            };
            let Some(value) = found.value else { continue };
            match (place, &found.source) {
                (Place::Prose(_), _) => {
                    prose.get_or_insert((value, found.source, found.approximate));
                }
                // Only a printed cell: a sum is the portal's, not the report's.
                (_, Source::Cell { .. }) => {
                    table.get_or_insert((value, found.source));
                }
                _ => {}
            }
        }
        if let (Some(table), Some((value, source, approximate))) = (table, prose) {
            out.push(StatedTwice {
                key: def.key,
                label: def.label,
                unit: def.unit,
                table,
                prose: (value, source),
                approximate,
            });
        }
    }
    out
}

fn point(report: &Report, def: &SeriesDef) -> Point {
    let mut gap: Option<Found> = None;
    let mut found: Option<Found> = None;
    for place in def.places {
        match find(report, place, def.unit) {
            Some(f) if f.value.is_some() => {
                found = Some(f);
                break;
            }
            Some(f) => {
                gap.get_or_insert(f);
            }
            None => {}
        }
    }
    let base = Point {
        year: report.year,
        value: None,
        approximate: false,
        computed: false,
        flagged: false,
        comparable: true,
        basis: None,
        format: Some(report.format),
        report: Some(report.title.clone()),
        source: None,
        notes: Vec::new(),
    };
    match found.or(gap) {
        Some(f) => Point {
            value: f.value,
            approximate: f.approximate,
            computed: f.computed,
            flagged: f.flagged,
            basis: Some(f.basis),
            source: Some(f.source),
            notes: f.notes,
            ..base
        },
        None => Point {
            notes: vec!["该年度报告未载明这一数字".into()],
            ..base
        },
    }
}

const TABLE3: &str = "表三（收到和处理政府信息公开申请情况）";
const TABLE4: &str = "表四（政府信息公开行政复议、行政诉讼情况）";
const TABLE2: &str = "表二（主动公开政府信息情况）";
const STATISTICS: &str = "政府信息公开情况统计表";

fn template_label(key: &str) -> &'static str {
    APPLICATION_ROWS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map_or("", |(_, _, label)| label)
}

/// What the reader should know when a failed check concerns table 3's cell (row, column).
fn app_cell_flagged(checks: &[&Check], row: &str, col: usize) -> Option<String> {
    crate::flags::application_cell(checks.iter().copied(), row, col)
        .first()
        .map(|c| {
            format!(
                "原表“{}”列未通过勾稽检查：{}（{} ≠ {}）",
                c.column, c.description, c.left, c.right
            )
        })
}

/// Table 3 cells of one column, added up.
struct Cells {
    /// `None` where a cell is blank, unreadable or missing.
    sum: Option<f64>,
    /// The rows' labels as printed.
    labels: Vec<String>,
    flagged: bool,
    notes: Vec<String>,
}

fn app_cells(
    table: &ApplicationsTable,
    checks: &[&Check],
    rows: &[&str],
    col: usize,
) -> Option<Cells> {
    let mut sum = Some(0.0);
    let mut labels = Vec::new();
    let mut flags = Vec::new();
    let mut notes = Vec::new();
    let mut any = false;
    for key in rows {
        let Some(row) = table.row(key) else {
            sum = None;
            notes.push(format!("原表缺少“{}”行", template_label(key)));
            continue;
        };
        any = true;
        labels.push(row.label.clone());
        match row.values.get(col).copied().flatten() {
            Some(v) => sum = sum.map(|s| s + v as f64),
            None => {
                sum = None;
                notes.push(if row.recovery.recovered {
                    format!("原表“{}”行“{}”列空白", row.label, APPLICANT_COLUMNS[col])
                } else {
                    format!("原表“{}”行的数字未能可靠读取", row.label)
                });
            }
        }
        if let Some(flag) = app_cell_flagged(checks, key, col) {
            if !flags.contains(&flag) {
                flags.push(flag);
            }
        }
    }
    any.then_some(Cells {
        sum,
        labels,
        flagged: !flags.is_empty(),
        notes: [flags, notes].concat(),
    })
}

fn find(report: &Report, place: &Place, unit: &str) -> Option<Found> {
    let checks: Vec<&Check> = report.failed_checks().collect();
    match place {
        Place::AppRow(key, col) => {
            let table = report.tables.applications.as_ref()?;
            app_found(table, &checks, &[key], *col, false)
        }
        Place::AppSum(keys, col) => {
            let table = report.tables.applications.as_ref()?;
            app_found(table, &checks, keys, *col, true)
        }
        Place::AppOther(col) => {
            let table = report.tables.applications.as_ref()?;
            if table.row("other").is_some() {
                app_found(table, &checks, &["other"], *col, false)
            } else {
                app_found(table, &checks, OTHER_SUBROWS, *col, true)
            }
        }
        Place::Review(cell) => review_found(report.tables.reviews.as_ref()?, &checks, &[*cell]),
        Place::ReviewSum(cells) => review_found(report.tables.reviews.as_ref()?, &checks, cells),
        Place::Proactive { item, row, column } => {
            let table = report.tables.proactive.as_ref()?;
            let b = table.blocks.iter().position(|b| b.item.contains(item))?;
            let block = &table.blocks[b];
            let col = block.columns.iter().position(|c| c.contains(column))?;
            let at = block
                .rows
                .iter()
                .position(|r| row.contains(&r.label.as_str()))?;
            let r = &block.rows[at];
            let trial = report.format == ReportFormat::Template2019;
            let value = r
                .values
                .get(col)
                .cloned()
                .flatten()
                .and_then(|a| a.value.as_f64());
            let mut notes = Vec::new();
            if value.is_none() {
                notes.push(if r.recovery.recovered {
                    format!("原表“{}”行“{}”列空白", r.label, block.columns[col])
                } else {
                    format!("原表“{}”行的数字未能可靠读取", r.label)
                });
            }
            Some(Found {
                value,
                approximate: false,
                computed: false,
                flagged: false,
                basis: if trial {
                    Basis::TrialTable2
                } else {
                    Basis::Template
                },
                source: Source::Cell {
                    section: table.section.clone(),
                    table: format!("{TABLE2}第二十条{item}项"),
                    row: r.label.clone(),
                    column: block.columns[col].clone(),
                    address: CellAddress::Proactive {
                        block: b,
                        row: at,
                        column: col,
                    },
                },
                notes,
            })
        }
        Place::Stat(needles) => stat_found(report.tables.statistics.as_ref()?, needles),
        Place::Prose(indicator) => {
            let mut figures = report
                .figures
                .iter()
                .filter(|f| f.indicator.as_deref() == Some(*indicator))
                .peekable();
            let first = *figures.peek()?;
            // Where the ingest tied several figures to one key, the one in the indicator's
            // unit stands for it.
            let f = figures.find(|f| f.unit == unit).unwrap_or(first);
            let mut notes = Vec::new();
            if f.approximate {
                notes.push(format!("原文为“{}”，实际数字不少于此", f.text));
            }
            Some(Found {
                value: Some(f.value),
                approximate: f.approximate,
                computed: false,
                flagged: false,
                basis: if report.format == ReportFormat::OldFree {
                    Basis::ProseOld
                } else {
                    Basis::ProseTemplate
                },
                source: Source::Figure {
                    section: f.section.clone(),
                    paragraph: f.paragraph,
                    start: f.start,
                    end: f.end,
                    text: f.text.clone(),
                },
                notes,
            })
        }
    }
}

fn app_found(
    table: &ApplicationsTable,
    checks: &[&Check],
    keys: &[&str],
    col: usize,
    computed: bool,
) -> Option<Found> {
    let Cells {
        sum: value,
        labels,
        flagged,
        mut notes,
    } = app_cells(table, checks, keys, col)?;
    if computed {
        notes.insert(
            0,
            format!("原表不单列此数，本站将{}个子项相加所得", labels.len()),
        );
    }
    let source = if computed {
        Source::Sum {
            section: table.section.clone(),
            table: TABLE3.into(),
            rows: labels,
            column: APPLICANT_COLUMNS[col].into(),
            table_kind: TableKind::Applications,
        }
    } else {
        Source::Cell {
            section: table.section.clone(),
            table: TABLE3.into(),
            row: labels.into_iter().next()?,
            column: APPLICANT_COLUMNS[col].into(),
            address: CellAddress::Applications {
                row: keys.first()?.to_string(),
                column: col,
            },
        }
    };
    Some(Found {
        value,
        approximate: false,
        computed,
        flagged,
        basis: Basis::Template,
        source,
        notes,
    })
}

fn review_found(table: &ReviewsTable, checks: &[&Check], cells: &[ReviewCell]) -> Option<Found> {
    let mut sum = Some(0.0);
    let mut notes = Vec::new();
    let mut flagged = false;
    for &cell in cells {
        match table.values.get(cell.index()).copied().flatten() {
            Some(v) => sum = sum.map(|s| s + v as f64),
            None => {
                sum = None;
                notes.push(if table.recovery.recovered {
                    format!("原表“{}”空白", cell.label())
                } else {
                    "原表数字未能可靠读取".to_string()
                });
            }
        }
        let group = cell.group.label();
        if let Some(c) = crate::flags::review_cell(checks.iter().copied(), cell).first() {
            flagged = true;
            notes.push(format!(
                "原表“{group}”组未通过勾稽检查：{}（{} ≠ {}）",
                c.description, c.left, c.right
            ));
        }
    }
    let computed = cells.len() > 1;
    if computed {
        notes.insert(0, "原表不单列此数，本站将各组总计相加所得".into());
    }
    let source = if computed {
        Source::Sum {
            section: table.section.clone(),
            table: TABLE4.into(),
            rows: cells.iter().map(|c| c.label()).collect(),
            column: "总计".into(),
            table_kind: TableKind::Reviews,
        }
    } else {
        let cell = *cells.first()?;
        Source::Cell {
            section: table.section.clone(),
            table: TABLE4.into(),
            row: cell.group.label().into(),
            column: cell.result.label().into(),
            address: CellAddress::Reviews(cell),
        }
    };
    Some(Found {
        value: sum,
        approximate: false,
        computed,
        flagged,
        basis: Basis::Template,
        source,
        notes,
    })
}

fn stat_found(table: &StatisticsTable, needles: &[&str]) -> Option<Found> {
    let at = table
        .rows
        .iter()
        .position(|r| needles.iter().all(|n| r.label.contains(n)))?;
    let row = &table.rows[at];
    let value = row
        .values
        .first()
        .cloned()
        .flatten()
        .and_then(|n| n.as_f64());
    let column = table.columns.first().cloned().unwrap_or_default();
    let mut notes = Vec::new();
    if value.is_none() {
        notes.push(if row.recovery.recovered {
            format!("原表“{}”行“{column}”列空白", row.label)
        } else {
            format!("原表“{}”行的数字未能可靠读取", row.label)
        });
    }
    Some(Found {
        value,
        approximate: false,
        computed: false,
        flagged: false,
        basis: Basis::OldStatistics,
        source: Source::Cell {
            section: table.section.clone(),
            table: STATISTICS.into(),
            row: row.label.clone(),
            column,
            address: CellAddress::Statistics { row: at, column: 0 },
        },
        notes,
    })
}
