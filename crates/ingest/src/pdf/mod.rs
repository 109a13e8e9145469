//! Reading a text PDF (as Word, WPS, LibreOffice or a browser export one) from its glyph
//! positions and ruling lines: `pdf-extract` (pure Rust, on `lopdf`) interprets the content
//! streams and fonts (ToUnicode maps, Type 3 fonts); [`layout`] rebuilds lines, paragraphs and
//! reading order, [`lattice`] the tables from their ruling lines. The result is the same
//! reading-order [`Document`] a page or a `.docx` gives, so the same table readers, structure
//! and checks apply.

mod collect;
mod lattice;
mod layout;

use crate::doc::Document;
use crate::meta::title_parts;
use crate::IngestError;

pub use collect::{Glyph, Page, Rule};

/// No report is near this many pages; a hostile file is refused rather than read for minutes.
const MAX_PAGES: usize = 2_000;
/// Nor near this many glyphs.
const MAX_GLYPHS: usize = 4_000_000;

/// A PDF file's first bytes (after whitespace or a byte-order mark some writers put first; a
/// text that merely mentions "%PDF-" further on stays text).
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    bytes[start..].starts_with(b"%PDF-")
}

fn not_pdf(why: impl std::fmt::Display) -> IngestError {
    IngestError::NotAReport(format!("not a readable PDF: {why}"))
}

/// Parses a PDF file's bytes.
pub fn parse_pdf(bytes: &[u8]) -> Result<Document, IngestError> {
    let (pages, info_title) = collect::collect(bytes)?;
    read_pages(&pages, info_title)
}

/// The document from pages' glyphs and rules (what [`parse_pdf`] collects; tests set pages
/// out themselves), with the file's own title if it has one.
pub fn read_pages(pages: &[Page], info_title: Option<String>) -> Result<Document, IngestError> {
    if pages
        .iter()
        .all(|p| p.glyphs.iter().all(|g| g.ch.is_whitespace()))
    {
        return Err(IngestError::NotAReport(
            "no text layer: a scanned PDF needs OCR (run it through OCR, or use the body's Word or HTML original)".into(),
        ));
    }
    let blocks = layout::blocks(pages)?;
    if blocks.is_empty() {
        return Err(IngestError::NotAReport("the PDF has no text".into()));
    }
    Ok(Document {
        title: info_title.filter(|t| title_parts(t).is_some()),
        published: None,
        source_url: None,
        notes: Vec::new(),
        blocks,
    })
}
