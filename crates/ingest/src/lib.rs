//! The ingest: published reports (plain text, HTML pages) into nianbao report JSON.

pub mod build;
pub mod checks;
pub mod dataset;
pub mod doc;
pub mod figures;
pub mod html;
pub mod html_limits;
pub mod meta;
pub mod oneline;
pub mod split;
pub mod tables;
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

/// Decodes a file's bytes as report text.
pub fn decode(bytes: &[u8]) -> Result<&str, IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::NotAReport("the file is empty".into()));
    }
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(IngestError::Encoding(
            "UTF-16 text; convert it to UTF-8 first".into(),
        ));
    }
    if let Some(order) = utf16_without_bom(bytes) {
        return Err(IngestError::Encoding(format!(
            "UTF-16 text ({order}, no byte-order mark); convert it to UTF-8 first"
        )));
    }
    if bytes.contains(&0) {
        return Err(IngestError::Encoding(
            "the file contains NUL bytes: binary data, not text".into(),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
        let declared = ["gb2312", "gbk", "gb18030", "big5"]
            .into_iter()
            .find(|cs| head.contains(&format!("charset={cs}")) || head.contains(&format!("charset=\"{cs}")));
        IngestError::Encoding(match declared {
            Some(cs) => format!(
                "the page declares charset {cs} and is not UTF-8 (invalid byte at offset {}); convert it to UTF-8 first",
                e.valid_up_to()
            ),
            None => format!(
                "not UTF-8 (invalid byte at offset {}); convert it to UTF-8 first",
                e.valid_up_to()
            ),
        })
    })
}

/// Whether the bytes read as UTF-16 without a byte-order mark: text whose ASCII characters
/// leave a NUL in every other byte, mostly on one side (a CJK character may have a NUL byte
/// of its own: 开 is 00 5F), and that decodes without a lone surrogate or control character.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    let nul_at = |parity: usize| {
        head.iter()
            .enumerate()
            .filter(|&(i, &b)| b == 0 && i % 2 == parity)
            .count()
    };
    let (even, odd) = (nul_at(0), nul_at(1));
    let (order, units): (&str, Vec<u16>) = if odd > head.len() / 20 && even * 2 <= odd {
        let units = head.chunks(2).map(|p| u16::from_le_bytes([p[0], p[1]]));
        ("little-endian", units.collect())
    } else if even > head.len() / 20 && odd * 2 <= even {
        let units = head.chunks(2).map(|p| u16::from_be_bytes([p[0], p[1]]));
        ("big-endian", units.collect())
    } else {
        return None;
    };
    // The head may end inside a surrogate pair.
    let units = match units.last() {
        Some(u) if (0xd800..0xdc00).contains(u) => &units[..units.len() - 1],
        _ => &units[..],
    };
    let text = String::from_utf16(units).ok()?;
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .count();
    (controls == 0).then_some(order)
}

/// Reads one report from its text (an HTML page, an archived page text or line-broken text).
pub fn ingest_str(text: &str, meta: &ReportMeta) -> Result<Report, IngestError> {
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
    build::build(doc, meta)
}

/// Reads one report from its bytes.
pub fn ingest_bytes(bytes: &[u8], meta: &ReportMeta) -> Result<Report, IngestError> {
    let text = decode(bytes)?;
    ingest_str(text, meta)
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

/// What the command line says on stderr about a report it still writes: tables found on the
/// page of which nothing could be read (their data would otherwise go missing in silence).
pub fn warnings(report: &Report) -> Vec<String> {
    report
        .notes
        .iter()
        .filter(|n| n.contains(tables::UNREAD_TABLE_NOTE))
        .cloned()
        .collect()
}

/// The JSON the tool writes for a report (pretty, so that data changes read well in a diff).
pub fn to_json<T: serde::Serialize>(value: &T) -> String {
    let mut json = serde_json::to_string_pretty(value).expect("the model always serializes");
    json.push('\n');
    json
}
