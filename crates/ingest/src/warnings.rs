//! What the maintainer is told on stderr about a report that is still written: what could not
//! be read, so that missing data never goes unnoticed. Nothing here changes the report JSON.

use nianbao_model::tables::Recovery;
use nianbao_model::Report;

use crate::doc::{Block, Document, TableBlock};
use crate::tables;

/// Warnings a report's own content gives: tables found but unread, rows kept raw (their cut
/// was ambiguous), rows of table 3 not recognised or missing.
pub fn report_warnings(report: &Report) -> Vec<String> {
    let mut out: Vec<String> = report
        .notes
        .iter()
        .filter(|n| n.contains(tables::UNREAD_TABLE_NOTE))
        .cloned()
        .collect();
    let raw = |table: &str, label: &str, r: &Recovery| {
        (!r.recovered).then(|| {
            format!(
                "{table}“{label}”一行未能确定数值（保留原文）：{}",
                r.note.as_deref().unwrap_or("")
            )
        })
    };
    let t = &report.tables;
    if let Some(a) = &t.applications {
        out.extend(
            a.rows
                .iter()
                .filter_map(|r| raw("表三", &r.label, &r.recovery)),
        );
        out.extend(a.notes.iter().map(|n| format!("表三：{n}")));
    }
    if let Some(r) = &t.reviews {
        out.extend(raw("表四", "行政复议、行政诉讼", &r.recovery));
    }
    if let Some(p) = &t.proactive {
        for block in &p.blocks {
            out.extend(
                block
                    .rows
                    .iter()
                    .filter_map(|r| raw("表二", &r.label, &r.recovery)),
            );
        }
    }
    if let Some(s) = &t.statistics {
        out.extend(
            s.rows
                .iter()
                .filter_map(|r| raw("统计表", &r.label, &r.recovery)),
        );
    }
    out
}

/// Tables on the page that are none of the standard tables but hold figures (at least four
/// numeric cells): their content is not in the report.
pub fn unrecognised_tables(doc: &Document) -> Vec<String> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(TableBlock::Grid(grid)) if tables::grid_kind(grid).is_none() => {
                let numeric = grid
                    .iter()
                    .flatten()
                    .filter(|c| !c.text.is_empty() && c.text.chars().all(crate::doc::is_digit))
                    .count();
                let first = grid
                    .iter()
                    .flatten()
                    .map(|c| c.text.as_str())
                    .find(|t| !t.is_empty())
                    .unwrap_or("");
                let first: String = first.chars().take(20).collect();
                (numeric >= 4)
                    .then(|| format!("页面中的表格（首格“{first}”）不是标准表格，其中的数字未收录"))
            }
            _ => None,
        })
        .collect()
}
