//! The ingest: published reports (plain text, HTML pages, Word and PDF files) into nianbao report JSON.

pub mod build;
pub mod checks;
pub mod dataset;
pub mod decode;
pub mod doc;
pub mod docx;
pub mod figures;
pub mod html;
pub mod html_limits;
pub mod meta;
pub mod oneline;
pub mod pdf;
pub mod regions;
pub mod scale;
pub mod split;
pub mod tables;
pub mod text;
pub mod warnings;

use std::fmt;
use std::path::{Path, PathBuf};

use nianbao_model::Report;

pub use decode::decode;
pub use meta::ReportMeta;

/// Why a file could not be turned into a report.
#[derive(Debug)]
pub enum IngestError {
    Io(std::io::Error),
    /// The bytes are not UTF-8 text (another encoding, or binary data).
    Encoding(String),
    /// Text, but not recognisably an annual report (or cut off before its body).
    NotAReport(String),
    /// A page that was cut off before its end.
    Truncated(String),
    /// Input beyond what any real report needs (nesting, table spans): refused, not read for
    /// minutes or gigabytes.
    TooComplex(String),
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IngestError::Io(e) => write!(f, "cannot read the file: {e}"),
            IngestError::Encoding(why) => write!(f, "unknown encoding: {why}"),
            IngestError::NotAReport(why) => write!(f, "not a report: {why}"),
            IngestError::Truncated(why) => write!(f, "truncated: {why}"),
            IngestError::TooComplex(why) => write!(f, "beyond the reader's limits: {why}"),
        }
    }
}

impl std::error::Error for IngestError {}

/// An error together with the file it concerns, as the command line prints it.
#[derive(Debug)]
pub struct FileError {
    pub path: PathBuf,
    pub error: IngestError,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.error)
    }
}

impl std::error::Error for FileError {}

/// Reads one report from its text (an HTML page, an archived page text or line-broken text).
pub fn ingest_str(text: &str, meta: &ReportMeta) -> Result<Report, IngestError> {
    ingest_str_with_warnings(text, meta).map(|(report, _)| report)
}

/// [`ingest_str`], with the warnings for the maintainer (see [`warnings`]).
pub fn ingest_str_with_warnings(
    text: &str,
    meta: &ReportMeta,
) -> Result<(Report, Vec<String>), IngestError> {
    // Old Mac line ends (CR only): lines are what the readers go by.
    let lines_fixed;
    let text = if text.contains('\r') && !text.contains('\n') {
        lines_fixed = text.replace('\r', "\n");
        lines_fixed.as_str()
    } else {
        text
    };
    let doc = if html::looks_like_html(text) {
        html::parse_html(text)?
    } else {
        text::parse_text(text)?
    };
    finish(doc, meta)
}

/// From the read document to the report and the maintainer's warnings.
fn finish(doc: doc::Document, meta: &ReportMeta) -> Result<(Report, Vec<String>), IngestError> {
    let mut found = warnings::unrecognised_tables(&doc);
    let report = build::build(doc, meta)?;
    let mut all = warnings::report_warnings(&report);
    all.append(&mut found);
    Ok((report, all))
}

/// Reads one report from its bytes.
pub fn ingest_bytes(bytes: &[u8], meta: &ReportMeta) -> Result<Report, IngestError> {
    ingest_bytes_with_warnings(bytes, meta).map(|(report, _)| report)
}

/// [`ingest_bytes`], with the warnings for the maintainer.
pub fn ingest_bytes_with_warnings(
    bytes: &[u8],
    meta: &ReportMeta,
) -> Result<(Report, Vec<String>), IngestError> {
    // Documents other than text, told by their first bytes.
    if docx::looks_like_zip(bytes) {
        return finish(docx::parse_docx(bytes)?, meta);
    }
    if docx::looks_like_ole(bytes) {
        return Err(IngestError::NotAReport(
            "a Word 97–2003 .doc (or another OLE file) is not read: open it in Word or LibreOffice and save it as .docx".into(),
        ));
    }
    if pdf::looks_like_pdf(bytes) {
        return finish(pdf::parse_pdf(bytes)?, meta);
    }
    let text = decode(bytes)?;
    ingest_str_with_warnings(&text, meta)
}

/// Reads one report file. When no agency id is given, the file's folder name is used
/// (`corpus/shenyang-fgw/2017.txt` is agency `shenyang-fgw`).
pub fn ingest_file(path: &Path, meta: &ReportMeta) -> Result<Report, FileError> {
    ingest_file_with_warnings(path, meta).map(|(report, _)| report)
}

/// [`ingest_file`], with the warnings for the maintainer.
pub fn ingest_file_with_warnings(
    path: &Path,
    meta: &ReportMeta,
) -> Result<(Report, Vec<String>), FileError> {
    let at_file = |error| FileError {
        path: path.to_path_buf(),
        error,
    };
    let bytes = std::fs::read(path).map_err(|e| at_file(IngestError::Io(e)))?;
    let mut meta = meta.clone();
    if meta.agency_id.is_none() {
        meta.agency_id = path
            .parent()
            .and_then(Path::file_name)
            .and_then(|n| n.to_str())
            .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
            .map(str::to_string);
    }
    if meta.agency_id.is_none() {
        return Err(at_file(IngestError::NotAReport(
            "no agency id: pass --agency ID".into(),
        )));
    }
    ingest_bytes_with_warnings(&bytes, &meta).map_err(at_file)
}

/// What the command line says on stderr about a report it still writes, from the report
/// alone (unread tables, rows kept raw); [`ingest_file_with_warnings`] adds what only the
/// page shows (tables that are none of the standard ones).
pub fn warnings(report: &Report) -> Vec<String> {
    warnings::report_warnings(report)
}

/// The JSON the tool writes for a report (pretty, so that data changes read well in a diff).
pub fn to_json<T: serde::Serialize>(value: &T) -> String {
    let mut json = serde_json::to_string_pretty(value).expect("the model always serializes");
    json.push('\n');
    json
}
