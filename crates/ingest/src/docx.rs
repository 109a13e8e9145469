//! Reading a Word `.docx`: paragraphs (with Word's automatic numbering written out, as the
//! reader sees it), and tables with merged cells (`w:gridSpan`, `w:vMerge`), from the
//! document XML, into the same reading-order document as a page.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::doc::{clean, Block, Document, GridCell, TableBlock};
use crate::html_limits::MAX_GRID_CELLS;
use crate::meta::title_parts;
use crate::IngestError;

/// A zip archive's first bytes.
pub fn looks_like_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// An OLE compound file (Word 97–2003 `.doc`, also old `.xls`).
pub fn looks_like_ole(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
}

/// No part of a report's document is near this size unpacked; a zip bomb is refused.
const MAX_PART_BYTES: u64 = 64 << 20;

fn not_docx(why: impl std::fmt::Display) -> IngestError {
    IngestError::NotAReport(format!("not a readable Word .docx: {why}"))
}

fn part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, IngestError> {
    let file = match archive.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(not_docx(e)),
    };
    let mut bytes = Vec::new();
    file.take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(not_docx)?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(IngestError::TooComplex(format!(
            "{name} unpacks to more than {} MB",
            MAX_PART_BYTES >> 20
        )));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| not_docx(format!("{name} is not UTF-8 XML")))
}

/// Parses a `.docx` file's bytes.
pub fn parse_docx(bytes: &[u8]) -> Result<Document, IngestError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| not_docx(format!("the zip archive cannot be read ({e})")))?;
    let body = part(&mut archive, "word/document.xml")?
        .ok_or_else(|| not_docx("a zip archive without word/document.xml (not a Word document)"))?;
    let numbering = match part(&mut archive, "word/numbering.xml")? {
        Some(xml) => Numbering::parse(&xml)?,
        None => Numbering::default(),
    };
    let title = part(&mut archive, "docProps/core.xml")?
        .and_then(|xml| core_title(&xml))
        .filter(|t| title_parts(t).is_some());
    let blocks = read_body(&body, numbering)?;
    if blocks.is_empty() {
        return Err(IngestError::NotAReport(
            "the Word document has no text".into(),
        ));
    }
    Ok(Document {
        title,
        published: None,
        source_url: None,
        notes: Vec::new(),
        blocks,
    })
}

/// The local part of an XML name (`w:p` → `p`).
fn local(name: &[u8]) -> &[u8] {
    name.iter()
        .position(|&b| b == b':')
        .map_or(name, |i| &name[i + 1..])
}

/// An attribute's value by its local name (`w:val` → `val`).
fn attr(e: &BytesStart, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| local(a.key.as_ref()) == key)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

fn xml_error(e: quick_xml::Error) -> IngestError {
    not_docx(format!("broken XML ({e})"))
}

/// `dc:title` of the document properties (LibreOffice writes the page's `<title>` there).
fn core_title(xml: &str) -> Option<String> {
    let mut reader = Reader::from_str(xml);
    let mut in_title = false;
    let mut out = String::new();
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) if local(e.name().as_ref()) == b"title" => in_title = true,
            Event::End(e) if local(e.name().as_ref()) == b"title" => break,
            Event::Text(t) if in_title => out.push_str(&t.unescape().ok()?),
            Event::Eof => break,
            _ => {}
        }
    }
    let title = clean(out.split('_').next().unwrap_or("")).to_string();
    (!title.is_empty()).then_some(title)
}

/// One numbering level: its format and text pattern (`%1、`).
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

/// Word's automatic numbering (`word/numbering.xml`): the levels of each list, and the
/// counters as the document goes.
#[derive(Debug, Default)]
struct Numbering {
    abstract_levels: HashMap<String, HashMap<u8, Level>>,
    num_to_abstract: HashMap<String, String>,
    counters: HashMap<String, [u32; 9]>,
}

impl Numbering {
    fn parse(xml: &str) -> Result<Self, IngestError> {
        let mut out = Numbering::default();
        let mut reader = Reader::from_str(xml);
        let (mut abstract_id, mut num_id, mut level): (Option<String>, Option<String>, Option<u8>) =
            (None, None, None);
        loop {
            let event = reader.read_event().map_err(xml_error)?;
            let (e, is_start) = match &event {
                Event::Start(e) => (e, true),
                Event::Empty(e) => (e, false),
                Event::End(e) => {
                    match local(e.name().as_ref()) {
                        b"abstractNum" => abstract_id = None,
                        b"num" => num_id = None,
                        b"lvl" => level = None,
                        _ => {}
                    }
                    continue;
                }
                Event::Eof => break,
                _ => continue,
            };
            let val = || attr(e, b"val");
            match local(e.name().as_ref()) {
                b"abstractNum" if is_start => abstract_id = attr(e, b"abstractNumId"),
                b"num" if is_start => num_id = attr(e, b"numId"),
                b"abstractNumId" => {
                    if let (Some(num), Some(v)) = (&num_id, val()) {
                        out.num_to_abstract.insert(num.clone(), v);
                    }
                }
                b"lvl" if is_start => level = attr(e, b"ilvl").and_then(|v| v.parse().ok()),
                name @ (b"start" | b"numFmt" | b"lvlText") => {
                    if let (Some(a), Some(l)) = (&abstract_id, level) {
                        let entry = out
                            .abstract_levels
                            .entry(a.clone())
                            .or_default()
                            .entry(l)
                            .or_insert_with(|| Level {
                                start: 1,
                                ..Level::default()
                            });
                        let v = val().unwrap_or_default();
                        match name {
                            b"start" => entry.start = v.parse().unwrap_or(1),
                            b"numFmt" => entry.format = v,
                            _ => entry.text = v,
                        }
                    }
                }
                _ => {}
            }
        }
        Ok(out)
    }

    /// The number Word shows before a paragraph of list `num_id` at level `ilvl`.
    fn next(&mut self, num_id: &str, ilvl: u8) -> String {
        let Some(levels) = self
            .num_to_abstract
            .get(num_id)
            .and_then(|a| self.abstract_levels.get(a))
        else {
            return String::new();
        };
        let ilvl = usize::from(ilvl.min(8));
        let counters = self.counters.entry(num_id.to_string()).or_insert_with(|| {
            let mut c = [0; 9];
            for (l, level) in levels {
                if let Some(slot) = c.get_mut(usize::from(*l)) {
                    *slot = level.start.saturating_sub(1);
                }
            }
            c
        });
        counters[ilvl] += 1;
        for (l, slot) in counters.iter_mut().enumerate().skip(ilvl + 1) {
            *slot = levels
                .get(&(l as u8))
                .map_or(0, |lv| lv.start.saturating_sub(1));
        }
        let Some(level) = levels.get(&(ilvl as u8)) else {
            return String::new();
        };
        if level.format == "bullet" || level.format == "none" {
            return String::new();
        }
        let mut text = level.text.clone();
        for l in (0..=ilvl).rev() {
            let format = levels
                .get(&(l as u8))
                .map_or("decimal", |lv| lv.format.as_str());
            text = text.replace(&format!("%{}", l + 1), &format_number(counters[l], format));
        }
        text
    }
}

/// A counter in a numbering format as Word writes it.
fn format_number(n: u32, format: &str) -> String {
    const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "ideographDigital"
        | "chineseLegalSimplified"
            if n > 0 && n < 100 =>
        {
            let (tens, ones) = ((n / 10) as usize, (n % 10) as usize);
            let mut s = String::new();
            if tens > 1 {
                s.push(DIGITS[tens]);
            }
            if tens > 0 {
                s.push('十');
            }
            if ones > 0 || tens == 0 {
                s.push(DIGITS[ones]);
            }
            s
        }
        "ideographTraditional" if (1..=10).contains(&n) => "甲乙丙丁戊己庚辛壬癸"
            .chars()
            .nth(n as usize - 1)
            .map(String::from)
            .unwrap_or_default(),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + 0xff10).unwrap_or(c))
            .collect(),
        "lowerLetter" | "upperLetter" if (1..=26).contains(&n) => {
            let c = (b'a' + (n - 1) as u8) as char;
            if format == "upperLetter" {
                c.to_ascii_uppercase().to_string()
            } else {
                c.to_string()
            }
        }
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1)
                .map(String::from)
                .unwrap_or_default()
        }
        _ => n.to_string(),
    }
}

/// A cell as written: text, columns spanned, vertical merge state.
struct RawCell {
    text: String,
    span: usize,
    /// `Some(true)` starts a vertical merge, `Some(false)` continues the one above.
    merge: Option<bool>,
}

/// The rows of a table as written into a grid: a column span fills its columns with the one
/// cell, a continued vertical merge takes the cell above.
fn grid(
    rows: Vec<(usize, Vec<RawCell>)>,
    budget: &mut usize,
) -> Result<Vec<Vec<GridCell>>, IngestError> {
    let mut out: Vec<Vec<GridCell>> = Vec::new();
    let mut origin = 0;
    for (before, cells) in rows {
        let mut row: Vec<GridCell> = (0..before)
            .map(|_| GridCell {
                text: String::new(),
                origin: usize::MAX,
            })
            .collect();
        for cell in cells {
            let c = row.len();
            let above = out.last().and_then(|r| r.get(c)).cloned();
            let filled = match (cell.merge, above) {
                (Some(false), Some(above)) => above,
                _ => {
                    origin += 1;
                    GridCell {
                        text: cell
                            .text
                            .chars()
                            .filter(|c| !c.is_whitespace() && *c != '\u{200b}')
                            .collect(),
                        origin,
                    }
                }
            };
            *budget = budget.checked_sub(cell.span).ok_or_else(|| {
                IngestError::TooComplex(format!(
                    "the tables cover more than {MAX_GRID_CELLS} cells"
                ))
            })?;
            row.extend(std::iter::repeat_n(filled, cell.span));
        }
        if !row.is_empty() {
            out.push(row);
        }
    }
    Ok(out)
}

/// Elements whose content is not the document's text in reading order: text boxes and the
/// fallback copy of alternate content (its text is in the choice already), deleted text.
const SKIPPED: &[&[u8]] = &[b"txbxContent", b"Fallback", b"del", b"instrText"];

/// Reads the body of `word/document.xml` into blocks.
fn read_body(xml: &str, mut numbering: Numbering) -> Result<Vec<Block>, IngestError> {
    let mut reader = Reader::from_str(xml);
    let mut blocks = Vec::new();
    let mut budget = MAX_GRID_CELLS;
    let mut skip = 0usize; // depth inside a skipped element
    let mut in_text = false;
    let mut para = String::new();
    let mut num: (Option<String>, u8) = (None, 0);
    let mut table_depth = 0usize;
    let mut rows: Vec<(usize, Vec<RawCell>)> = Vec::new();
    let mut cell: Option<RawCell> = None;
    loop {
        let event = reader.read_event().map_err(xml_error)?;
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let name = local(e.name().as_ref()).to_vec();
                let empty = matches!(event, Event::Empty(_));
                if skip > 0 || SKIPPED.contains(&name.as_slice()) {
                    if !empty {
                        skip += 1;
                    }
                    continue;
                }
                match name.as_slice() {
                    b"t" if !empty => in_text = true,
                    b"tab" | b"br" | b"cr" => para.push(' '),
                    b"p" if !empty => {
                        para.clear();
                        num = (None, 0);
                    }
                    b"numId" => num.0 = attr(e, b"val").filter(|v| v != "0"),
                    b"ilvl" => num.1 = attr(e, b"val").and_then(|v| v.parse().ok()).unwrap_or(0),
                    b"tbl" if !empty => {
                        table_depth += 1;
                        if table_depth == 1 {
                            rows.clear();
                        }
                    }
                    b"tr" if table_depth == 1 && !empty => rows.push((0, Vec::new())),
                    b"gridBefore" if table_depth == 1 => {
                        if let Some(row) = rows.last_mut() {
                            row.0 = attr(e, b"val")
                                .and_then(|v| v.parse().ok())
                                .unwrap_or(0)
                                .min(200);
                        }
                    }
                    b"tc" if table_depth == 1 && !empty => {
                        cell = Some(RawCell {
                            text: String::new(),
                            span: 1,
                            merge: None,
                        })
                    }
                    b"gridSpan" if table_depth == 1 => {
                        if let Some(c) = cell.as_mut() {
                            c.span = attr(e, b"val")
                                .and_then(|v| v.parse().ok())
                                .unwrap_or(1)
                                .clamp(1, 200);
                        }
                    }
                    b"vMerge" if table_depth == 1 => {
                        if let Some(c) = cell.as_mut() {
                            c.merge = Some(attr(e, b"val").as_deref() == Some("restart"));
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_text && skip == 0 => {
                para.push_str(&t.unescape().map_err(xml_error)?);
            }
            Event::End(e) => {
                let qname = e.name();
                let name = local(qname.as_ref());
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                match name {
                    b"t" => in_text = false,
                    b"p" => {
                        let number = match &num.0 {
                            Some(id) => numbering.next(id, num.1),
                            None => String::new(),
                        };
                        let text = format!("{number}{para}");
                        para.clear();
                        match cell.as_mut() {
                            // A paragraph of a cell (or of a table nested in one).
                            Some(c) if table_depth > 0 => c.text.push_str(&text),
                            _ => {
                                let text = clean(&text);
                                if !text.is_empty() {
                                    blocks.push(Block::Para(text.to_string()));
                                }
                            }
                        }
                    }
                    b"tc" if table_depth == 1 => {
                        if let (Some(c), Some(row)) = (cell.take(), rows.last_mut()) {
                            row.1.push(c);
                        }
                    }
                    b"tbl" => {
                        table_depth = table_depth.saturating_sub(1);
                        if table_depth == 0 {
                            let g = grid(std::mem::take(&mut rows), &mut budget)?;
                            if !g.is_empty() {
                                blocks.push(Block::Table(TableBlock::Grid(g)));
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(blocks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_word_shows_them() {
        assert_eq!(format_number(1, "chineseCounting"), "一");
        assert_eq!(format_number(10, "chineseCounting"), "十");
        assert_eq!(format_number(12, "chineseCountingThousand"), "十二");
        assert_eq!(format_number(21, "chineseCounting"), "二十一");
        assert_eq!(format_number(3, "decimal"), "3");
        assert_eq!(format_number(2, "decimalFullWidth"), "２");
    }

    #[test]
    fn numbering_levels_count_and_reset() {
        let xml = r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="7">
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
            </w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>"#;
        let mut n = Numbering::parse(xml).expect("numbering");
        let said: Vec<String> = [(0, "3"), (1, "3"), (1, "3"), (0, "3"), (1, "3")]
            .iter()
            .map(|&(l, id)| n.next(id, l))
            .collect();
        assert_eq!(said, ["一、", "（一）", "（二）", "二、", "（一）"]);
        assert_eq!(n.next("9", 0), "");
    }
}
