//! From a file's bytes to text: UTF-8, or the encoding a byte-order mark or the page's own
//! charset declaration names (GBK/GB18030 pages are common), decoded with `encoding_rs`.

use std::borrow::Cow;

use encoding_rs::{Encoding, GB18030, UTF_8};

use crate::IngestError;

/// How far into a page a charset declaration is looked for (browsers look at 1024 bytes;
/// CMS pages put long scripts first).
const DECLARATION_WINDOW: usize = 4096;

/// Decodes a file's bytes as report text.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::NotAReport("the file is empty".into()));
    }
    // A byte-order mark names the encoding outright (UTF-8, UTF-16LE/BE).
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return strictly(encoding, &bytes[bom_len..], "its byte-order mark");
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
    let utf8_error = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok(Cow::Borrowed(text)),
        Err(e) => e,
    };
    match declared_charset(bytes) {
        Some(label) => match Encoding::for_label(label.as_bytes()) {
            Some(encoding) if encoding != UTF_8 => {
                strictly(encoding, bytes, &format!("its charset declaration ({label})"))
            }
            _ => Err(IngestError::Encoding(format!(
                "the page declares charset {label} and is not valid {label} (invalid byte at offset {}); convert it to UTF-8 first",
                utf8_error.valid_up_to()
            ))),
        },
        None => {
            // Undeclared text saved on a Chinese system is GB18030/GBK ("ANSI"): taken only
            // when every byte decodes and the text speaks of 信息公开, as a report does.
            if let Some(text) = GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
                if text.contains("信息公开") {
                    return Ok(Cow::Owned(text.into_owned()));
                }
            }
            Err(IngestError::Encoding(format!(
                "not UTF-8 (invalid byte at offset {}) and no charset declared; convert it to UTF-8 first",
                utf8_error.valid_up_to()
            )))
        }
    }
}

/// Decodes without replacement characters: a byte that is not of the named encoding is an
/// error, not a silent U+FFFD in a figure.
fn strictly<'a>(
    encoding: &'static Encoding,
    bytes: &'a [u8],
    named_by: &str,
) -> Result<Cow<'a, str>, IngestError> {
    let text = encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .ok_or_else(|| {
            IngestError::Encoding(format!(
                "the file is not valid {} as {named_by} says; convert it to UTF-8 first",
                encoding.name()
            ))
        })?;
    if text.contains('\0') {
        return Err(IngestError::Encoding(
            "the file contains NUL characters: binary data, not text".into(),
        ));
    }
    Ok(text)
}

/// The charset a page declares in its head: `<meta charset="gbk">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">` (or an XML
/// declaration's `encoding="…"`), lower-cased.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(DECLARATION_WINDOW)];
    let head: String = head
        .iter()
        .map(|&b| b.to_ascii_lowercase() as char)
        .collect();
    for key in ["charset", "encoding"] {
        let mut from = 0;
        while let Some(at) = head[from..].find(key) {
            let rest = head[from + at + key.len()..].trim_start();
            from += at + key.len();
            let Some(rest) = rest.strip_prefix('=') else {
                continue;
            };
            let rest = rest.trim_start().trim_start_matches(['"', '\'']);
            let label: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
                .collect();
            if !label.is_empty() {
                return Some(label);
            }
        }
    }
    None
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
