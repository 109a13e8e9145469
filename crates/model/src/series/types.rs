//! The series' data types, as `series.json` carries them.

use serde::{Deserialize, Serialize};

use crate::address::{CellAddress, TableKind};
use crate::report::ReportFormat;

/// What kind of published place a figure comes from; figures on different bases are not
/// strictly comparable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// A cell of a standard template table (table 3, table 4, the 2021 table 2).
    Template,
    /// A cell of the 2019 trial template's table 2 (columns differ from the 2021 table).
    TrialTable2,
    /// A row of the old format's statistics table (its 本年度 column).
    OldStatistics,
    /// A figure stated in the prose of an old-format report.
    ProseOld,
    /// A figure stated in the prose of a template report.
    ProseTemplate,
}

impl Basis {
    /// Short Chinese label for the reader.
    pub fn label(self) -> &'static str {
        match self {
            Basis::Template => "标准表格",
            Basis::TrialTable2 => "2019年试行模板表格",
            Basis::OldStatistics => "旧版统计表",
            Basis::ProseOld => "旧版报告正文",
            Basis::ProseTemplate => "报告正文",
        }
    }
}

/// Where a point's number stands in its report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    /// One printed table cell.
    Cell {
        /// Id of the section the table stands in.
        section: String,
        /// The table's name, e.g. `表三（收到和处理政府信息公开申请情况）`.
        table: String,
        /// The row's label as printed.
        row: String,
        /// The column's label as printed.
        column: String,
        /// Where the cell stands, for links to it (the labels above are for the reader).
        address: CellAddress,
    },
    /// Printed cells the portal adds up (the figure itself is not printed).
    Sum {
        section: String,
        table: String,
        /// The labels of the rows added up, as printed.
        rows: Vec<String>,
        column: String,
        /// The table the cells stand in.
        table_kind: TableKind,
    },
    /// A figure in the prose.
    Figure {
        section: String,
        /// Index of the paragraph within the section.
        paragraph: usize,
        /// Character range of the figure's text within the paragraph.
        start: usize,
        end: usize,
        /// The figure's text as published.
        text: String,
    },
}

impl Source {
    /// Id of the section the number stands in (`intro` for the paragraphs before the first).
    pub fn section(&self) -> &str {
        match self {
            Source::Cell { section, .. }
            | Source::Sum { section, .. }
            | Source::Figure { section, .. } => section,
        }
    }

    /// The table the number stands in; `None` for a figure in the prose.
    pub fn table_kind(&self) -> Option<TableKind> {
        match self {
            Source::Cell { address, .. } => Some(address.table()),
            Source::Sum { table_kind, .. } => Some(*table_kind),
            Source::Figure { .. } => None,
        }
    }

    /// Where the number stands, in Chinese, e.g. `表三“（一）予以公开”行“总计”列`.
    pub fn describe(&self) -> String {
        match self {
            Source::Cell {
                table, row, column, ..
            } => format!("{table}“{row}”行“{column}”列"),
            Source::Sum {
                table,
                rows,
                column,
                ..
            } => format!("{table}“{column}”列 {} 行之和", rows.len()),
            Source::Figure { text, .. } => format!("正文“{text}”"),
        }
    }
}

/// One year of a series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub year: u16,
    /// `None`: the report does not give this figure (or there is no report for the year).
    pub value: Option<f64>,
    /// The published number is a floor or estimate (余/多/近).
    pub approximate: bool,
    /// The portal added the number up from printed sub-rows; the report does not print it.
    pub computed: bool,
    /// A failed consistency check of the report concerns this number.
    pub flagged: bool,
    /// Strictly comparable with the series' reference basis (see the module docs).
    pub comparable: bool,
    pub basis: Option<Basis>,
    /// The report's format, where there is a report for the year.
    pub format: Option<ReportFormat>,
    /// The report's title, where there is a report for the year.
    pub report: Option<String>,
    pub source: Option<Source>,
    /// What the reader should know about this point (zh-CN): why it is a gap, flagged,
    /// computed or not comparable.
    pub notes: Vec<String>,
}

/// One indicator of one agency across the years of its reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// Stable key, see [`super::SERIES`].
    pub key: String,
    /// Id of the agency whose reports the series comes from.
    pub agency: String,
    /// Chinese label.
    pub label: String,
    pub unit: String,
    /// One point per year from the agency's first report year to its last, oldest first.
    pub points: Vec<Point>,
}

impl Series {
    /// Whether any year has a figure.
    pub fn has_values(&self) -> bool {
        self.points.iter().any(|p| p.value.is_some())
    }

    /// The points whose year lies in `from..=to` (either end open).
    pub fn narrowed(&self, from: Option<u16>, to: Option<u16>) -> Series {
        Series {
            points: self
                .points
                .iter()
                .filter(|p| from.is_none_or(|f| p.year >= f) && to.is_none_or(|t| p.year <= t))
                .cloned()
                .collect(),
            ..self.clone()
        }
    }
}

/// `series.json`: one agency's series, with the layout version (the reports' one, see
/// [`crate::SCHEMA_VERSION`]) so that the portal can refuse a layout it does not know.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesFile {
    pub schema_version: u32,
    pub series: Vec<Series>,
}

impl SeriesFile {
    /// The file for `series`, at this code's layout version.
    pub fn new(series: Vec<Series>) -> SeriesFile {
        SeriesFile {
            schema_version: crate::SCHEMA_VERSION,
            series,
        }
    }
}
