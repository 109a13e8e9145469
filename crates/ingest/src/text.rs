//! Reading a report from plain text with line breaks (a published page's text, copied).

use nianbao_model::outline::{parse_numbering, split_heading, OutlineBuilder};
use nianbao_model::{Agency, Report, ReportFormat, SCHEMA_VERSION};

use crate::meta::{find_date, title_parts, ReportMeta};
use crate::IngestError;

/// The note kept where the published page links an image version.
pub const ILLUSTRATED_NOTE: &str = "原文页面另附图解版（图片），本站的图解视图由报告数据生成。";

fn clean(line: &str) -> &str {
    line.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}')
}

/// Lines of site chrome around the article (breadcrumbs, font and print controls).
fn is_chrome(line: &str) -> bool {
    line.contains("->") || line.contains("[字体") || line == "打印" || line.starts_with("当前位置")
}

fn is_date_line(line: &str) -> bool {
    find_date(line).is_some_and(|(_, range)| range.len() == line.len())
}

/// Parses a line-broken text report. `meta` overrides what the text says.
pub fn parse_text(text: &str, meta: &ReportMeta) -> Result<Report, IngestError> {
    let lines: Vec<&str> = text.lines().map(clean).filter(|l| !l.is_empty()).collect();
    if lines.is_empty() {
        return Err(IngestError::NotAReport("the file has no text".into()));
    }

    let title_at = lines
        .iter()
        .position(|l| !is_chrome(l) && title_parts(l).is_some())
        .ok_or_else(|| {
            IngestError::NotAReport(
                "no title line like “…2017年度政府信息公开工作报告” was found".into(),
            )
        })?;
    let title = lines[title_at].to_string();
    let (agency_name, year) = title_parts(&title).expect("checked by position()");

    // The header runs from the title to the first line of the article: a numbered line or
    // a line long enough to be prose. It holds the page date and chrome.
    let body_at = lines[title_at + 1..]
        .iter()
        .position(|l| parse_numbering(l).is_some() || l.chars().count() > 40)
        .map_or(lines.len(), |p| title_at + 1 + p);
    let published = lines[title_at + 1..body_at]
        .iter()
        .find_map(|l| find_date(l).map(|(date, _)| date));

    let mut notes = Vec::new();
    let mut body: Vec<&str> = Vec::new();
    for line in &lines[body_at..] {
        if line.contains("图解版") && line.chars().count() < 20 {
            notes.push(ILLUSTRATED_NOTE.to_string());
        } else if !is_chrome(line) {
            body.push(line);
        }
    }

    // The signature: the issuing body's name and the signing date after the last paragraph.
    let mut signature = Vec::new();
    while let Some(last) = body.last() {
        let short = last.chars().count() <= 30;
        if short && (is_date_line(last) || last.ends_with(&*agency_name) || *last == agency_name) {
            signature.insert(0, last.to_string());
            body.pop();
        } else {
            break;
        }
    }

    let mut outline = OutlineBuilder::new();
    for line in body {
        match parse_numbering(line) {
            Some(numbering) => {
                let (heading, rest) = split_heading(&line[numbering.len..]);
                outline.section(&numbering, heading);
                outline.paragraph(rest);
            }
            None => outline.paragraph(line),
        }
    }
    let (intro, sections) = outline.finish();
    if sections.is_empty() {
        return Err(IngestError::NotAReport(
            "no numbered sections (一、…) were found in the text".into(),
        ));
    }

    Ok(Report {
        schema_version: SCHEMA_VERSION,
        agency: Agency {
            id: meta.agency_id.clone().unwrap_or_default(),
            name: meta.agency_name.clone().unwrap_or(agency_name),
        },
        year: meta.year.unwrap_or(year),
        title,
        published: published
            .filter(|_| meta.published.is_none())
            .or(meta.published.clone()),
        source_url: meta.source_url.clone(),
        format: ReportFormat::OldFree,
        notes,
        intro,
        sections,
        signature,
        tables: Default::default(),
        checks: Vec::new(),
        figures: Vec::new(),
    })
}
