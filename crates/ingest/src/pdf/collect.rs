//! The glyphs (character, position, size) and ruling lines of each page, as `pdf-extract`
//! interprets the content streams.

use std::cell::Cell;
use std::collections::HashSet;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

use pdf_extract::{ColorSpace, MediaBox, OutputDev, OutputError, Path, PathOp, Transform};

use unicode_normalization::UnicodeNormalization;

use super::{not_pdf, MAX_GLYPHS, MAX_PAGES};
use crate::IngestError;

/// One glyph, in page coordinates with y growing downwards (points).
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub ch: char,
    /// Left edge.
    pub x: f64,
    /// Baseline.
    pub y: f64,
    /// Advance width.
    pub w: f64,
    /// Font size as set on the page.
    pub size: f64,
}

impl Glyph {
    /// The middle of the glyph's body, for telling which cell holds it.
    pub fn center(&self) -> (f64, f64) {
        (self.x + self.w / 2.0, self.y - self.size * 0.35)
    }
}

/// A ruling line: horizontal (`y0 == y1`) or vertical (`x0 == x1`), `x0 <= x1`, `y0 <= y1`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rule {
    pub fn horizontal(&self) -> bool {
        self.y0 == self.y1
    }
}

#[derive(Debug, Clone, Default)]
pub struct Page {
    pub width: f64,
    pub height: f64,
    pub glyphs: Vec<Glyph>,
    pub rules: Vec<Rule>,
}

/// A stroke or fill thinner than this (points) is a line, not an area.
const THIN: f64 = 2.5;

#[derive(Default)]
struct Collector {
    pages: Vec<Page>,
    height: f64,
    glyphs: usize,
    too_many: bool,
}

impl Collector {
    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        self.pages.last_mut().expect("a page was pushed")
    }

    /// Rules from a path: straight segments that are horizontal or vertical, thin filled
    /// rectangles (how Word and LibreOffice draw cell borders) and stroked rectangles' edges.
    fn path(&mut self, ctm: &Transform, path: &Path, filled: bool) {
        let h = self.height;
        let pt = |x: f64, y: f64| {
            let (tx, ty) = (
                ctm.m11 * x + ctm.m21 * y + ctm.m31,
                ctm.m12 * x + ctm.m22 * y + ctm.m32,
            );
            (tx, h - ty)
        };
        let mut rules = Vec::new();
        let push_box = |pts: &[(f64, f64)], rules: &mut Vec<Rule>| {
            let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
            for &(x, y) in pts {
                x0 = x0.min(x);
                y0 = y0.min(y);
                x1 = x1.max(x);
                y1 = y1.max(y);
            }
            if !(x0.is_finite() && y0.is_finite() && x1.is_finite() && y1.is_finite()) {
                return;
            }
            if filled || pts.len() == 2 {
                if y1 - y0 <= THIN && x1 - x0 > THIN {
                    let y = (y0 + y1) / 2.0;
                    rules.push(Rule {
                        x0,
                        y0: y,
                        x1,
                        y1: y,
                    });
                } else if x1 - x0 <= THIN && y1 - y0 > THIN {
                    let x = (x0 + x1) / 2.0;
                    rules.push(Rule {
                        x0: x,
                        y0,
                        x1: x,
                        y1,
                    });
                }
            } else {
                for (a, b) in pts.iter().zip(pts.iter().cycle().skip(1)) {
                    push_segment(*a, *b, rules);
                }
            }
        };
        let mut sub: Vec<(f64, f64)> = Vec::new();
        let flush = |sub: &mut Vec<(f64, f64)>, rules: &mut Vec<Rule>| {
            if filled && sub.len() > 2 {
                push_box(sub, rules);
            } else {
                for pair in sub.windows(2) {
                    push_segment(pair[0], pair[1], rules);
                }
            }
            sub.clear();
        };
        for op in &path.ops {
            match *op {
                PathOp::MoveTo(x, y) => {
                    flush(&mut sub, &mut rules);
                    sub.push(pt(x, y));
                }
                PathOp::LineTo(x, y) => sub.push(pt(x, y)),
                PathOp::CurveTo(_, _, _, _, x, y) => {
                    // A curve is no ruling line: end the straight run here.
                    flush(&mut sub, &mut rules);
                    sub.push(pt(x, y));
                }
                PathOp::Close => {
                    if let Some(&first) = sub.first() {
                        sub.push(first);
                    }
                }
                PathOp::Rect(x, y, w, hh) => {
                    flush(&mut sub, &mut rules);
                    let corners = [pt(x, y), pt(x + w, y), pt(x + w, y + hh), pt(x, y + hh)];
                    push_box(&corners, &mut rules);
                }
            }
        }
        flush(&mut sub, &mut rules);
        self.page().rules.extend(rules);
    }
}

fn push_segment(a: (f64, f64), b: (f64, f64), rules: &mut Vec<Rule>) {
    let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
    let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
    if !(x0.is_finite() && x1.is_finite() && y0.is_finite() && y1.is_finite()) {
        return;
    }
    if y1 - y0 < 0.5 && x1 - x0 > THIN {
        let y = (y0 + y1) / 2.0;
        rules.push(Rule {
            x0,
            y0: y,
            x1,
            y1: y,
        });
    } else if x1 - x0 < 0.5 && y1 - y0 > THIN {
        let x = (x0 + x1) / 2.0;
        rules.push(Rule {
            x0: x,
            y0,
            x1: x,
            y1,
        });
    }
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.height = media_box.ury;
        self.pages.push(Page {
            width: media_box.urx - media_box.llx,
            height: media_box.ury - media_box.lly,
            ..Page::default()
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        self.glyphs += 1;
        if self.glyphs > MAX_GLYPHS {
            self.too_many = true;
            return Err(OutputError::FormatError(std::fmt::Error));
        }
        // The text rendering matrix's scale (unrotated text): the size on the page.
        let scale = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let size = font_size * scale;
        let (x, y) = (trm.m31, self.height - trm.m32);
        if !(size.is_finite() && x.is_finite() && y.is_finite() && size > 0.0) {
            return Ok(());
        }
        // A ligature or a glyph mapped to several chars shares its advance. Chromium's CJK
        // fonts map some glyphs to the Kangxi radicals ("⼯" U+2F2F for "工"): the
        // compatibility form is the character the page shows.
        let chars: Vec<char> = text
            .chars()
            .flat_map(|c| {
                let radical = matches!(c as u32, 0x2e80..=0x2fdf | 0xf900..=0xfaff);
                let mut one = [c].into_iter().collect::<String>();
                if radical {
                    one = one.nfkc().collect();
                }
                one.chars().collect::<Vec<_>>()
            })
            .collect();
        let n = chars.len().max(1) as f64;
        let advance = (width * size).abs();
        let page = self.page();
        for (i, ch) in chars.into_iter().enumerate() {
            page.glyphs.push(Glyph {
                ch,
                x: x + advance * i as f64 / n,
                y,
                w: advance / n,
                size,
            });
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn stroke(
        &mut self,
        ctm: &Transform,
        _: &ColorSpace,
        _: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        self.path(ctm, path, false);
        Ok(())
    }

    fn fill(
        &mut self,
        ctm: &Transform,
        _: &ColorSpace,
        _: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        self.path(ctm, path, true);
        Ok(())
    }
}

thread_local! {
    /// Set while `pdf-extract` runs: its panics on malformed files are caught and reported
    /// as errors, so the default hook's message is not printed for them.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

fn quiet_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

/// Runs `f`, turning a panic inside the PDF library into `None`.
fn guarded<T>(f: impl FnOnce() -> T) -> Option<T> {
    quiet_panics();
    QUIET.with(|q| q.set(true));
    let out = panic::catch_unwind(AssertUnwindSafe(f)).ok();
    QUIET.with(|q| q.set(false));
    out
}

/// A form XObject that draws itself (directly or through others) would recurse without end
/// in the interpreter: such files are refused first.
fn forms_recurse(doc: &lopdf::Document) -> bool {
    fn xobjects<'a>(
        doc: &'a lopdf::Document,
        resources: &'a lopdf::Dictionary,
    ) -> Vec<lopdf::ObjectId> {
        let Ok(dict) = resources
            .get(b"XObject")
            .and_then(|o| doc.dereference(o).map(|(_, o)| o))
            .and_then(lopdf::Object::as_dict)
        else {
            return Vec::new();
        };
        dict.iter()
            .filter_map(|(_, v)| v.as_reference().ok())
            .collect()
    }
    fn visit(
        doc: &lopdf::Document,
        id: lopdf::ObjectId,
        inherited: &lopdf::Dictionary,
        path: &mut HashSet<lopdf::ObjectId>,
        budget: &mut usize,
    ) -> bool {
        if path.contains(&id) || path.len() > 32 || *budget == 0 {
            return true;
        }
        *budget -= 1;
        let Ok(lopdf::Object::Stream(stream)) = doc.get_object(id) else {
            return false;
        };
        // Images draw nothing further.
        if stream
            .dict
            .get(b"Subtype")
            .and_then(lopdf::Object::as_name)
            .ok()
            != Some(b"Form")
        {
            return false;
        }
        let own = stream
            .dict
            .get(b"Resources")
            .and_then(|o| doc.dereference(o).map(|(_, o)| o))
            .and_then(lopdf::Object::as_dict)
            .unwrap_or(inherited);
        path.insert(id);
        let found = xobjects(doc, own)
            .into_iter()
            .any(|child| visit(doc, child, own, path, budget));
        path.remove(&id);
        found
    }
    let mut budget = 100_000;
    for (_, page) in doc.get_pages() {
        let Ok((Some(resources), _)) = doc.get_page_resources(page) else {
            continue;
        };
        for id in xobjects(doc, resources) {
            if visit(doc, id, resources, &mut HashSet::new(), &mut budget) {
                return true;
            }
        }
    }
    false
}

/// The document's `/Info /Title`, if it has one.
fn info_title(doc: &lopdf::Document) -> Option<String> {
    let info = doc.trailer.get(b"Info").ok()?;
    let (_, info) = doc.dereference(info).ok()?;
    let title = info.as_dict().ok()?.get(b"Title").ok()?;
    let (_, title) = doc.dereference(title).ok()?;
    let text = lopdf::decode_text_string(title).ok()?;
    let text = crate::doc::clean(&text).to_string();
    (!text.is_empty()).then_some(text)
}

/// Every page's glyphs and rules, and the document's title.
pub fn collect(bytes: &[u8]) -> Result<(Vec<Page>, Option<String>), IngestError> {
    let loaded = guarded(|| lopdf::Document::load_mem(bytes))
        .ok_or_else(|| not_pdf("the file structure cannot be read"))?;
    let mut doc = loaded.map_err(|e| match e {
        lopdf::Error::Decryption(_) => encrypted(),
        e => not_pdf(format!("{e} (a truncated or damaged file?)")),
    })?;
    if doc.is_encrypted() {
        // Most "secured" PDFs only restrict printing or copying: they open with the empty
        // user password. Others need the password the body did not publish.
        match guarded(|| doc.decrypt("")) {
            Some(Ok(())) => {}
            Some(Err(lopdf::Error::Decryption(
                lopdf::encryption::DecryptionError::UnsupportedEncryption,
            ))) => {
                return Err(IngestError::NotAReport(
                    "an encrypted PDF whose encryption (AES, /V 4 or 5) this reader cannot open, even where it needs no password: save an unprotected copy (or use the body's Word or HTML original)".into(),
                ))
            }
            _ => return Err(encrypted()),
        }
        // Decrypted in place: the interpreter need not know (it warns on stderr otherwise).
        doc.trailer.remove(b"Encrypt");
    }
    let pages = doc.get_pages().len();
    if pages == 0 {
        return Err(not_pdf(
            "no pages (a truncated or damaged file: its page tree cannot be read)",
        ));
    }
    if pages > MAX_PAGES {
        return Err(IngestError::TooComplex(format!(
            "{pages} pages (more than {MAX_PAGES})"
        )));
    }
    if forms_recurse(&doc) {
        return Err(not_pdf("a drawing (form XObject) refers to itself"));
    }
    let mut out = Collector::default();
    let result = guarded(|| pdf_extract::output_doc(&doc, &mut out));
    if out.too_many {
        return Err(IngestError::TooComplex(format!(
            "more than {MAX_GLYPHS} characters"
        )));
    }
    let has_text = out.pages.iter().any(|p| !p.glyphs.is_empty());
    match result {
        Some(Ok(())) => {}
        // A page the interpreter cannot follow: what it read before stands, if anything;
        // with no text but images it is a scan (said so below); else the file is damaged.
        Some(Err(_)) | None if has_text || has_images(&doc) => {}
        Some(Err(e)) => return Err(not_pdf(format!("{e} (a truncated or damaged file?)"))),
        None => {
            return Err(not_pdf(
                "its pages cannot be interpreted (a truncated or damaged file?)",
            ))
        }
    }
    Ok((out.pages, info_title(&doc)))
}

fn has_images(doc: &lopdf::Document) -> bool {
    doc.objects.values().any(|o| match o {
        lopdf::Object::Stream(s) => {
            s.dict.get(b"Subtype").and_then(lopdf::Object::as_name).ok() == Some(b"Image")
        }
        _ => false,
    })
}

fn encrypted() -> IngestError {
    IngestError::NotAReport(
        "an encrypted PDF that needs a password: save an unprotected copy (or use the body's Word or HTML original)".into(),
    )
}
