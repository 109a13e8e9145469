//! The ingest: published reports (plain text, HTML pages) into nianbao report JSON.

pub mod dataset;
pub mod meta;
pub mod text;

use std::fmt;
use std::path::{Path, PathBuf};

use nianbao_model::Report;

pub use meta::ReportMeta;

/// Why a file could not be turned into a report.
#[derive(Debug)]
pub enum IngestError {
    Io(std::io::Error),
    /// The bytes are not UTF-8 text (another encoding, or binary data).
    Encoding(String),
    /// Text, but not recognisably an annual report (or cut off before its body).
    NotAReport(String),
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IngestError::Io(e) => write!(f, "cannot read the file: {e}"),
            IngestError::Encoding(why) => write!(f, "unknown encoding: {why}"),
            IngestError::NotAReport(why) => write!(f, "not a report: {why}"),
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

/// Decodes a file's bytes as report text.
pub fn decode(bytes: &[u8]) -> Result<&str, IngestError> {
    if bytes.contains(&0) {
        return Err(IngestError::Encoding(
            "the file contains NUL bytes: binary data, not text".into(),
        ));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        IngestError::Encoding(format!(
            "not UTF-8 (invalid byte at offset {}); convert it to UTF-8 first",
            e.valid_up_to()
        ))
    })
}

/// Reads one report from its bytes.
pub fn ingest_bytes(bytes: &[u8], meta: &ReportMeta) -> Result<Report, IngestError> {
    let text = decode(bytes)?;
    text::parse_text(text, meta)
}

/// Reads one report file. When no agency id is given, the file's folder name is used
/// (`corpus/shenyang-fgw/2017.txt` is agency `shenyang-fgw`).
pub fn ingest_file(path: &Path, meta: &ReportMeta) -> Result<Report, FileError> {
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
    ingest_bytes(&bytes, &meta).map_err(at_file)
}

/// The JSON the tool writes for a report (pretty, so that data changes read well in a diff).
pub fn to_json<T: serde::Serialize>(value: &T) -> String {
    let mut json = serde_json::to_string_pretty(value).expect("the model always serializes");
    json.push('\n');
    json
}
