//! The template's standard tables as accessible HTML tables, figures exactly as published:
//! a blank cell stays blank, a row whose cells could not be read shows its published text,
//! and a failed consistency check puts a flag on the figure it doubts and is listed below.

use std::sync::Arc;

use leptos::prelude::*;
use nianbao_model::tables::{
    Amount, ApplicationsTable, ProactiveTable, ReviewsTable, StatisticsTable, APPLICANT_COLUMNS,
    REVIEW_GROUPS, REVIEW_RESULTS,
};
use nianbao_model::{flags, Check, Recovery, Report, ReviewCell, ReviewResult, Rule, TableKind};

use nianbao_model::format::mark;

use crate::site::anchor;

/// Every standard table that stands in section `section_id`.
#[component]
pub fn SectionTables(report: Arc<Report>, section_id: String) -> impl IntoView {
    let tables = &report.tables;
    let here = |s: &str| s == section_id;
    view! {
        {tables
            .proactive
            .clone()
            .filter(|t| here(&t.section))
            .map(|table| view! { <ProactiveTableView table /> })}
        {tables
            .applications
            .clone()
            .filter(|t| here(&t.section))
            .map(|table| view! { <ApplicationsTableView table checks=report.checks.clone() /> })}
        {tables
            .reviews
            .clone()
            .filter(|t| here(&t.section))
            .map(|table| view! { <ReviewsTableView table checks=report.checks.clone() /> })}
        {tables
            .statistics
            .clone()
            .filter(|t| here(&t.section))
            .map(|table| view! { <StatisticsTableView table /> })}
    }
    .into_any()
}

/// A table that scrolls sideways on its own on narrow screens (a keyboard-reachable region
/// named by its caption); `children` are its head and body.
#[component]
fn ScrollTable(
    #[prop(into)] caption_id: String,
    #[prop(into)] caption: String,
    children: Children,
) -> impl IntoView {
    let labelledby = caption_id.clone();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby=labelledby>
            <table>
                <caption id=caption_id>{caption}</caption>
                {children()}
            </table>
        </div>
    }
}

/// A published count: the number, or a marked blank.
fn count(value: Option<i64>) -> AnyView {
    match value {
        Some(v) => view! { {v.to_string()} }.into_any(),
        None => view! {
            <span class="blank" title="原表此格空白">
                "（空白）"
            </span>
        }
        .into_any(),
    }
}

fn amount(value: &Option<Amount>) -> String {
    match value {
        Some(Amount {
            value,
            unit: Some(unit),
        }) => format!("{value}{unit}"),
        Some(Amount { value, unit: None }) => value.to_string(),
        None => "（空白）".to_string(),
    }
}

/// A cell marked when failed checks concern it; the ⚠ stands on printed totals (`is_total`),
/// the figures they add up are shaded.
fn flagged_cell(id: String, value: Option<i64>, failed: Vec<&Check>, is_total: bool) -> AnyView {
    if failed.is_empty() {
        return view! { <td id=id>{count(value)}</td> }.into_any();
    }
    let why = failed
        .iter()
        .map(|c| format!("{}：{} ≠ {}", c.description, c.left, c.right))
        .collect::<Vec<_>>()
        .join("；");
    view! {
        <td id=id class="flagged" title=why.clone()>
            {count(value)}
            {is_total
                .then(|| {
                    view! {
                        <span class="flag" aria-hidden="true">
                            {mark::FLAGGED}
                        </span>
                    }
                })}
            <span class="visually-hidden">{format!("（与勾稽关系不符：{why}）")}</span>
        </td>
    }
    .into_any()
}

/// The failed checks of a table, spelled out, below it.
fn failed_checks(failed: Vec<&Check>) -> Option<AnyView> {
    (!failed.is_empty()).then(|| {
        view! {
            <div class="check-failures" role="note">
                <p>
                    <strong>{format!("{} 勾稽关系不符", mark::FLAGGED)}</strong>
                    "：原表数字前后不一致，本站按原文照录，未作更正。"
                </p>
                <ul>
                    {failed
                        .into_iter()
                        .map(|c| {
                            view! {
                                <li>
                                    {format!(
                                        "{}——“{}”：一方为 {}，另一方为 {}。",
                                        c.description,
                                        c.column,
                                        c.left,
                                        c.right,
                                    )}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
        .into_any()
    })
}

/// The published text of a row whose cells ran together and could not be read for certain.
/// One cell across a row whose cells could not be read: the published text and why.
fn unread_cells(recovery: &Recovery, width: usize) -> AnyView {
    let raw = recovery.raw.as_deref().unwrap_or("");
    let text = match &recovery.note {
        Some(note) => format!("原文：“{raw}”（{note}）"),
        None => format!("原文：“{raw}”"),
    };
    view! {
        <td colspan=width.to_string() class="unread">
            {text}
        </td>
    }
    .into_any()
}

#[component]
fn ApplicationsTableView(table: ApplicationsTable, checks: Vec<Check>) -> impl IntoView {
    let mut previous_group: Option<String> = None;
    let mut rows = Vec::new();
    for row in &table.rows {
        if row.group != previous_group {
            if let Some(group) = &row.group {
                rows.push(
                    view! {
                        <tr class="group">
                            <th scope="rowgroup" colspan="8">
                                {group.clone()}
                            </th>
                        </tr>
                    }
                    .into_any(),
                );
            }
            previous_group = row.group.clone();
        }
        let cells = if row.recovery.recovered {
            row.values
                .iter()
                .enumerate()
                .map(|(col, value)| {
                    let failed = flags::application_cell(&checks, &row.key, col);
                    // The ⚠ marks the printed total a rule compares with its parts.
                    let is_total = row.key == "results_total"
                        || (col == APPLICANT_COLUMNS.len() - 1
                            && failed.iter().any(|c| c.rule == Rule::ApplicationsRowTotal));
                    flagged_cell(
                        anchor::application_cell(&row.key, col),
                        *value,
                        failed,
                        is_total,
                    )
                })
                .collect_view()
                .into_any()
        } else {
            unread_cells(&row.recovery, 7)
        };
        rows.push(
            view! {
                <tr class:sub=row.group.is_some()>
                    <th scope="row">{row.label.clone()}</th>
                    {cells}
                </tr>
            }
            .into_any(),
        );
    }
    let failed = failed_checks(flags::for_table(&checks, TableKind::Applications));
    view! {
        <figure class="data-table" id=anchor::table(TableKind::Applications)>
            <ScrollTable
                caption_id="caption-applications"
                caption="收到和处理政府信息公开申请情况（单位：件）"
            >
                <thead>
                    <tr>
                        <td rowspan="2"></td>
                        <th scope="col" rowspan="2">
                            {APPLICANT_COLUMNS[0]}
                        </th>
                        <th scope="colgroup" colspan="5">
                            "法人或其他组织"
                        </th>
                        <th scope="col" rowspan="2">
                            {APPLICANT_COLUMNS[6]}
                        </th>
                    </tr>
                    <tr>
                        {APPLICANT_COLUMNS[1..6]
                            .iter()
                            .map(|c| view! { <th scope="col">{*c}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </ScrollTable>
            {table
                .notes
                .iter()
                .map(|n| view! { <p class="table-note">{n.clone()}</p> })
                .collect_view()}
            {failed}
        </figure>
    }
    .into_any()
}

#[component]
fn ReviewsTableView(table: ReviewsTable, checks: Vec<Check>) -> impl IntoView {
    let body = if table.recovery.recovered {
        ReviewCell::all()
            .zip(&table.values)
            .map(|(cell, value)| {
                flagged_cell(
                    anchor::review_cell(cell),
                    *value,
                    flags::review_cell(&checks, cell),
                    cell.result == ReviewResult::Total,
                )
            })
            .collect_view()
            .into_any()
    } else {
        unread_cells(&table.recovery, 15)
    };
    let failed = failed_checks(flags::for_table(&checks, TableKind::Reviews));
    view! {
        <figure class="data-table" id=anchor::table(TableKind::Reviews)>
            <ScrollTable
                caption_id="caption-reviews"
                caption="政府信息公开行政复议、行政诉讼情况（单位：件）"
            >
                <thead>
                    <tr>
                        <th scope="colgroup" colspan="5">
                            {REVIEW_GROUPS[0]}
                        </th>
                        <th scope="colgroup" colspan="10">
                            "行政诉讼"
                        </th>
                    </tr>
                    <tr>
                        <td colspan="5"></td>
                        <th scope="colgroup" colspan="5">
                            "未经复议直接起诉"
                        </th>
                        <th scope="colgroup" colspan="5">
                            "复议后起诉"
                        </th>
                    </tr>
                    <tr>
                        {(0..3)
                            .flat_map(|_| REVIEW_RESULTS)
                            .map(|c| view! { <th scope="col">{c}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    <tr>{body}</tr>
                </tbody>
            </ScrollTable>
            {failed}
        </figure>
    }
    .into_any()
}

#[component]
fn ProactiveTableView(table: ProactiveTable) -> impl IntoView {
    view! {
        <figure class="data-table" id=anchor::table(TableKind::Proactive)>
            <figcaption>"主动公开政府信息情况"</figcaption>
            {table
                .blocks
                .into_iter()
                .enumerate()
                .map(|(i, block)| {
                    let caption_id = format!("caption-proactive-{i}");
                    let width = block.columns.len();
                    view! {
                        <ScrollTable caption_id=caption_id caption=block.item.clone()>
                            <thead>
                                <tr>
                                    <th scope="col">"信息内容"</th>
                                    {block
                                        .columns
                                        .iter()
                                        .map(|c| view! { <th scope="col">{c.clone()}</th> })
                                        .collect_view()}
                                </tr>
                            </thead>
                            <tbody>
                                {block
                                    .rows
                                    .iter()
                                    .map(|row| {
                                        let cells = if row.recovery.recovered {
                                            row.values
                                                .iter()
                                                .map(|v| view! { <td>{amount(v)}</td> })
                                                .collect_view()
                                                .into_any()
                                        } else {
                                            unread_cells(&row.recovery, width)
                                        };
                                        view! {
                                            <tr>
                                                <th scope="row">{row.label.clone()}</th>
                                                {cells}
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </ScrollTable>
                    }
                })
                .collect_view()}
        </figure>
    }
    .into_any()
}

#[component]
fn StatisticsTableView(table: StatisticsTable) -> impl IntoView {
    let width = table.columns.len();
    view! {
        <figure class="data-table" id=anchor::table(TableKind::Statistics)>
            <ScrollTable
                caption_id="caption-statistics"
                caption="政府信息公开情况统计表"
            >
                <thead>
                    <tr>
                        <th scope="col">"指标名称"</th>
                        <th scope="col">"计量单位"</th>
                        {table
                            .columns
                            .iter()
                            .map(|c| view! { <th scope="col">{c.clone()}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {table
                        .rows
                        .iter()
                        .map(|row| {
                            let cells = if row.recovery.recovered {
                                row.values
                                    .iter()
                                    .map(|v| {
                                        view! {
                                            <td>
                                                {v
                                                    .as_ref()
                                                    .map_or_else(
                                                        || "（空白）".to_string(),
                                                        |n| n.to_string(),
                                                    )}
                                            </td>
                                        }
                                    })
                                    .collect_view()
                                    .into_any()
                            } else {
                                unread_cells(&row.recovery, width)
                            };
                            view! {
                                <tr>
                                    <th scope="row">{row.label.clone()}</th>
                                    <td>{row.unit.clone()}</td>
                                    {cells}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </ScrollTable>
        </figure>
    }
    .into_any()
}
