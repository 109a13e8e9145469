//! Reading a report from plain text with line breaks (a published page's text, copied), and
//! from an archived page text (`标题: …` header, then the body, often as one long line).

use nianbao_model::outline::parse_numbering;

use crate::doc::{clean, Block, Document};
use crate::meta::{find_date, is_title_like, title_parts};
use crate::oneline;
use crate::IngestError;

/// The note kept where the published page links an image version.
pub const ILLUSTRATED_NOTE: &str = "原文页面另附图解版（图片），本站的图解视图由报告数据生成。";

/// Lines of site chrome around the article (breadcrumbs, font and print controls).
fn is_chrome(line: &str) -> bool {
    line.contains("->")
        || line.contains("[字体")
        || line == "打印"
        || line.starts_with("当前位置")
        || line == "附件下载"
}

/// The separator between an archived page's header and its text.
const ARCHIVE_BODY_MARK: &str = "==================== 正文 ====================";

/// A body this long on one line is page text with its line breaks lost.
const ONE_LINE_MIN_CHARS: usize = 600;

/// Parses plain text: an archived page text (header + body) or a line-broken report.
pub fn parse_text(text: &str) -> Result<Document, IngestError> {
    if clean(text).is_empty() {
        return Err(IngestError::NotAReport("the file is empty".into()));
    }
    if let Some(at) = text.find(ARCHIVE_BODY_MARK) {
        return parse_archive(&text[..at], &text[at + ARCHIVE_BODY_MARK.len()..]);
    }
    parse_lines(text)
}

/// An archived page text: `key: value` header lines, the body mark, then the page text.
fn parse_archive(header: &str, body: &str) -> Result<Document, IngestError> {
    let field = |key: &str| {
        header.lines().find_map(|l| {
            let l = clean(l);
            let rest = l.strip_prefix(key)?;
            let rest = rest.strip_prefix(':').or_else(|| rest.strip_prefix('：'))?;
            Some(clean(rest).to_string()).filter(|v| !v.is_empty())
        })
    };
    let title = field("标题");
    let published = field("发布时间").and_then(|d| find_date(&d).map(|(date, _)| date));
    let source_url = field("原文链接").filter(|u| u.starts_with("http"));

    let mut body = clean(body);
    // Site chrome before the article: breadcrumb, share buttons, "相关链接： -->".
    if body.starts_with("当前位置") {
        if let Some(at) = body.find("-->") {
            body = clean(&body[at + 3..]);
        }
    }
    // Chrome after the article.
    for tail in ["附件下载", "【打印】", "【关闭】"] {
        if let Some(stripped) = body.strip_suffix(tail) {
            body = clean(stripped);
        }
    }
    // The title repeated at the head of the text.
    let first_word_end = body.find(char::is_whitespace).unwrap_or(body.len());
    if title_parts(&body[..first_word_end]).is_some() {
        body = clean(&body[first_word_end..]);
    }
    if body.is_empty() {
        return Err(IngestError::NotAReport("the page text has no body".into()));
    }
    let lines: Vec<&str> = body.lines().map(clean).filter(|l| !l.is_empty()).collect();
    let blocks = if lines.len() <= 3
        && lines
            .iter()
            .any(|l| l.chars().count() >= ONE_LINE_MIN_CHARS)
    {
        lines.iter().flat_map(|l| oneline::segment(l)).collect()
    } else {
        lines.iter().map(|l| Block::Para(l.to_string())).collect()
    };
    Ok(Document {
        title,
        published,
        source_url,
        notes: Vec::new(),
        blocks,
    })
}

/// A line-broken report: page chrome, the title line, a header with the page date, the body.
fn parse_lines(text: &str) -> Result<Document, IngestError> {
    let lines: Vec<&str> = text.lines().map(clean).filter(|l| !l.is_empty()).collect();
    // The title line: one that names body and year, else one that reads as a title (the
    // command line may supply body and year); without one the body starts at the top and
    // the report needs --agency-name and --year.
    let title_at = lines
        .iter()
        .position(|l| !is_chrome(l) && title_parts(l).is_some())
        .or_else(|| {
            lines
                .iter()
                .take(20)
                .position(|l| !is_chrome(l) && is_title_like(l) && parse_numbering(l).is_none())
        });
    let title = title_at.map(|at| lines[at].to_string());
    let header_from = title_at.map_or(0, |at| at + 1);

    // The header runs from the title to the first line of the article: a numbered line or
    // a line long enough to be prose. It holds the page date and chrome.
    let body_at = lines[header_from..]
        .iter()
        .position(|l| parse_numbering(l).is_some() || l.chars().count() > 40)
        .map_or(lines.len(), |p| header_from + p);
    let published = lines[header_from..body_at]
        .iter()
        .find_map(|l| find_date(l).map(|(date, _)| date));

    let mut notes = Vec::new();
    let mut blocks = Vec::new();
    let body = &lines[body_at..];
    if body.len() <= 3 && body.iter().any(|l| l.chars().count() >= ONE_LINE_MIN_CHARS) {
        for line in body {
            blocks.extend(oneline::segment(line));
        }
    } else {
        for line in body {
            if line.contains("图解版") && line.chars().count() < 20 {
                notes.push(ILLUSTRATED_NOTE.to_string());
            } else if !is_chrome(line) {
                blocks.push(Block::Para(line.to_string()));
            }
        }
    }
    Ok(Document {
        title,
        published,
        source_url: None,
        notes,
        blocks,
    })
}
