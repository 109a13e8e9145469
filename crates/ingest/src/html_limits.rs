//! Bounds checked before a page is parsed: html5ever and the tree walks cost time or stack in
//! proportion to how deep elements nest, so pages nesting deeper than any real page are
//! refused with a clear reason rather than read for minutes or overflowing the stack.

/// Open elements at once, at most (real report pages nest a few dozen deep).
pub const MAX_DEPTH: usize = 512;

/// Formatting elements (b, font, span …) left open at once, at most: html5ever re-opens every
/// one of them in each following block, so their number multiplies the page's size.
pub const MAX_OPEN_FORMATTING: usize = 64;

/// Positions a page's tables may cover once spans are expanded, at most.
pub const MAX_GRID_CELLS: usize = 200_000;

/// Elements that never hold content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];

/// Elements the parser closes by itself when a sibling starts (an unclosed `<p>` is common).
const SELF_CLOSING: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
    "colgroup", "caption", "rt", "rp", "html", "head", "body",
];

/// Elements html5ever keeps in its list of active formatting elements.
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Checks the page's nesting in one pass over its tags; the error says what is too deep.
pub fn check_nesting(text: &str) -> Result<(), String> {
    let b = text.as_bytes();
    let mut depth = 0usize;
    let mut formatting = 0usize;
    let mut i = 0;
    while let Some(off) = memchr(b'<', &b[i..]) {
        i += off + 1;
        if b[i..].starts_with(b"!--") {
            i = find(b, i, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        let closing = b.get(i) == Some(&b'/');
        let name_at = i + usize::from(closing);
        let name_len = b[name_at..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !b[name_at].is_ascii_alphabetic() {
            continue;
        }
        let name = text[name_at..name_at + name_len].to_ascii_lowercase();
        let end = memchr(b'>', &b[name_at..]).map_or(b.len(), |e| name_at + e);
        i = end;
        let self_closed = end > 0 && b.get(end - 1) == Some(&b'/');
        if closing {
            if !SELF_CLOSING.contains(&name.as_str()) {
                depth = depth.saturating_sub(1);
            }
            if FORMATTING.contains(&name.as_str()) {
                formatting = formatting.saturating_sub(1);
            }
            continue;
        }
        if matches!(name.as_str(), "script" | "style" | "textarea" | "title") {
            // Raw text: no tags inside.
            let close = format!("</{name}");
            i = find_ignore_case(b, i, close.as_bytes()).unwrap_or(b.len());
            continue;
        }
        if self_closed || VOID.contains(&name.as_str()) || SELF_CLOSING.contains(&name.as_str()) {
            continue;
        }
        depth += 1;
        if FORMATTING.contains(&name.as_str()) {
            formatting += 1;
        }
        if depth > MAX_DEPTH {
            return Err(format!(
                "elements nest more than {MAX_DEPTH} deep (an unclosed or runaway <{name}>)"
            ));
        }
        if formatting > MAX_OPEN_FORMATTING {
            return Err(format!(
                "more than {MAX_OPEN_FORMATTING} formatting elements are left open (<{name}> …)"
            ));
        }
    }
    Ok(())
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&c| c == needle)
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

fn find_ignore_case(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| from + p)
}

/// Whether what follows `</html>` is only what CMS footers put there: comments, scripts,
/// styles and whitespace.
pub fn only_chrome_after_end(rest: &str) -> bool {
    let mut rest = rest.trim_start();
    while !rest.is_empty() {
        let lower = rest
            .get(..rest.len().min(8))
            .unwrap_or("")
            .to_ascii_lowercase();
        let end = if rest.starts_with("<!--") {
            rest.find("-->").map(|e| e + 3)
        } else if lower.starts_with("<script") || lower.starts_with("<style") {
            let close = if lower.starts_with("<script") {
                "</script>"
            } else {
                "</style>"
            };
            find_ignore_case(rest.as_bytes(), 0, close.as_bytes()).map(|e| e + close.len())
        } else {
            None
        };
        match end {
            Some(e) => rest = rest[e..].trim_start(),
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting() {
        assert!(check_nesting("<html><body><p>a<p>b<div><br>x</div></body></html>").is_ok());
        let ps = "<p>x".repeat(10_000);
        assert!(check_nesting(&ps).is_ok(), "unclosed <p> closes itself");
        let deep = "<div>".repeat(MAX_DEPTH + 1);
        assert!(check_nesting(&deep).unwrap_err().contains("nest"));
        let closed = "<div></div>".repeat(10_000);
        assert!(check_nesting(&closed).is_ok());
        let bold = "<b>".repeat(MAX_OPEN_FORMATTING + 1);
        assert!(check_nesting(&bold).unwrap_err().contains("formatting"));
        assert!(check_nesting("<script>if (a<b) { '<div>'.repeat(9999) }</script>").is_ok());
        assert!(check_nesting("<!-- <div><div> --> < 3 <").is_ok());
    }

    #[test]
    fn footers_after_the_end() {
        assert!(only_chrome_after_end(""));
        assert!(only_chrome_after_end(
            "\n<!-- cms -->\n<script>var x = '</div>';</script> "
        ));
        assert!(!only_chrome_after_end("<p>more text</p>"));
        assert!(!only_chrome_after_end("<!-- cut off"));
    }
}
