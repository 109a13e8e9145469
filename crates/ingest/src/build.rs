//! From a read document to the report: the section tree, the tables attached to the
//! sections they stand in, the format, the checks and the figures.

use nianbao_model::outline::{parse_numbering, split_heading, OutlineBuilder};
use nianbao_model::{Agency, Report, ReportFormat, Tables, SCHEMA_VERSION};

use crate::doc::{clean, Block, Document, TableKind};
use crate::meta::{find_date, title_parts, title_year, ReportMeta};
use crate::{checks, figures, tables, IngestError};

/// The tag a table gets when it stands before any numbered section.
const INTRO: &str = "intro";

fn is_date_line(line: &str) -> bool {
    find_date(line).is_some_and(|(_, range)| range.len() == line.len())
}

/// Builds the report. `meta` overrides what the document says.
pub fn build(doc: Document, meta: &ReportMeta) -> Result<Report, IngestError> {
    // A page without a title tag: the first paragraph that reads as a title.
    let first_title = || {
        doc.blocks.iter().find_map(|b| match b {
            Block::Para(p) if title_parts(p).is_some() => Some(p.clone()),
            _ => None,
        })
    };
    let title = doc.title.clone().or_else(first_title);
    let parts = title.as_deref().and_then(title_parts);
    let agency_name = meta
        .agency_name
        .clone()
        .or_else(|| parts.as_ref().map(|p| p.0.clone()));
    let year = meta
        .year
        .or(parts.as_ref().map(|p| p.1))
        .or_else(|| title.as_deref().and_then(title_year).map(|y| y.2));
    // What the page does not say, the caller settles: a report is never refused for
    // metadata given on the command line.
    let (agency_name, year, title) = match (agency_name, year, title) {
        (Some(name), Some(year), Some(title)) => (name, year, title),
        (Some(name), Some(year), None) => {
            let title = format!("{name}{year}年度政府信息公开工作年度报告");
            (name, year, title)
        }
        (name, year, title) => {
            let what = match (&name, &year) {
                (None, None) => "no body and no year: pass --agency-name NAME and --year N",
                (None, _) => "no body: pass --agency-name NAME",
                _ => "no report year: pass --year N",
            };
            return Err(IngestError::NotAReport(match title {
                Some(title) => format!("the title “{title}” names {what}"),
                None => {
                    format!("no title like “…2017年度政府信息公开工作报告” was found, so {what}")
                }
            }));
        }
    };

    let mut blocks = doc.blocks;
    // The title repeated at the head of the article, maybe over several paragraphs.
    let compact_title: String = title.chars().filter(|c| !c.is_whitespace()).collect();
    while let Some(Block::Para(p)) = blocks.first() {
        let compact: String = p.chars().filter(|c| !c.is_whitespace()).collect();
        if !compact.is_empty() && compact.chars().count() <= 60 && compact_title.contains(&compact)
            || compact == agency_name
        {
            blocks.remove(0);
        } else {
            break;
        }
    }
    // The signature: the issuing body's name and the signing date after the last paragraph.
    let mut signature = Vec::new();
    while let Some(Block::Para(last)) = blocks.last() {
        let short = last.chars().count() <= 30;
        if short && (is_date_line(last) || last.ends_with(&*agency_name) || *last == agency_name) {
            signature.insert(0, last.clone());
            blocks.pop();
        } else {
            break;
        }
    }

    let mut outline = OutlineBuilder::new();
    let mut found_tables = Tables::default();
    let mut unread_tables = Vec::new();
    for block in &blocks {
        match block {
            Block::Para(text) => match parse_numbering(text) {
                Some(numbering) => {
                    let (heading, rest) = split_heading(&text[numbering.len..]);
                    outline.section(&numbering, heading);
                    outline.paragraph(rest);
                }
                None => outline.paragraph(text),
            },
            Block::Heading(text) => match parse_numbering(text) {
                Some(numbering) => outline.section(&numbering, clean(&text[numbering.len..])),
                None => outline.paragraph(text),
            },
            Block::Table(table) => {
                let section = outline.current_id().unwrap_or(INTRO).to_string();
                if let Some(kind) = tables::read_table(table, &section, &mut found_tables) {
                    unread_tables.push(kind);
                }
            }
        }
    }
    let (intro, sections) = outline.finish();
    if sections.is_empty() {
        return Err(IngestError::NotAReport(
            "no numbered sections (一、…) were found in the text".into(),
        ));
    }
    let format = detect_format(year, &found_tables, &sections);
    let checks = checks::evaluate(&found_tables);
    let figures = figures::extract(&intro, &sections);
    let mut notes = doc.notes;
    for note in table_notes(&found_tables) {
        notes.push(note);
    }
    for kind in unread_tables {
        let name = match kind {
            TableKind::Proactive => "主动公开政府信息情况",
            TableKind::Applications => "收到和处理政府信息公开申请情况",
            TableKind::Reviews => "政府信息公开行政复议、行政诉讼情况",
            TableKind::Statistics => "政府信息公开情况统计表",
        };
        notes.push(format!("“{name}”{}。", tables::UNREAD_TABLE_NOTE));
    }

    Ok(Report {
        schema_version: SCHEMA_VERSION,
        agency: Agency {
            id: meta.agency_id.clone().unwrap_or_default(),
            name: agency_name,
            kind: meta.agency_kind,
            region: meta.region.clone(),
        },
        year,
        title,
        published: meta.published.clone().or(doc.published),
        source_url: meta.source_url.clone().or(doc.source_url),
        format,
        notes,
        intro,
        sections,
        signature,
        tables: found_tables,
        checks,
        figures,
        checkup: None,
    }
    .with_checkup())
}

/// Notes for the reader about table rows that could not be read.
fn table_notes(t: &Tables) -> Vec<String> {
    let mut out = Vec::new();
    let unrecovered = t
        .applications
        .iter()
        .flat_map(|a| &a.rows)
        .filter(|r| !r.recovery.recovered)
        .count()
        + t.reviews.iter().filter(|r| !r.recovery.recovered).count()
        + t.proactive
            .iter()
            .flat_map(|p| &p.blocks)
            .flat_map(|b| &b.rows)
            .filter(|r| !r.recovery.recovered)
            .count()
        + t.statistics
            .iter()
            .flat_map(|s| &s.rows)
            .filter(|r| !r.recovery.recovered)
            .count();
    if unrecovered > 0 {
        out.push(format!(
            "原文表格的数字连写在一起，有{unrecovered}行无法确定各单元格的数值，这些行保留原文，不作推测。"
        ));
    }
    out
}

/// The format generation: from the tables where there are any, else from the year and text.
fn detect_format(year: u16, tables: &Tables, sections: &[nianbao_model::Section]) -> ReportFormat {
    if let Some(a) = &tables.applications {
        if a.rows.iter().any(|r| r.key.starts_with("other.")) {
            return ReportFormat::Template2021;
        }
        if a.rows.iter().any(|r| r.key == "other") {
            return ReportFormat::Template2019;
        }
    }
    if let Some(p) = &tables.proactive {
        let columns: String = p
            .blocks
            .iter()
            .flat_map(|b| &b.columns)
            .map(String::as_str)
            .collect();
        if columns.contains("本年制发件数") {
            return ReportFormat::Template2021;
        }
        if columns.contains("本年新制作数量") {
            return ReportFormat::Template2019;
        }
    }
    let has_table_3 = sections
        .iter()
        .any(|s| s.heading.contains("收到和处理政府信息公开申请"));
    if !has_table_3 || year < 2019 {
        ReportFormat::OldFree
    } else if year <= 2020 {
        ReportFormat::Template2019
    } else {
        ReportFormat::Template2021
    }
}
