//! The template's tables as pictures in their 图解 panels: table 2 as figure tiles, table 3 as
//! a flow (ECharts sankey, with its figures as text first) and who asked as proportions.

use std::sync::Arc;

use leptos::prelude::*;
use nianbao_model::format::mark;
use nianbao_model::poster::flow::{flow, Flow, FlowNode};
use nianbao_model::tables::APPLICANT_COLUMNS;
use nianbao_model::Report;

use crate::site::{anchor, route, use_site_base};

/// Index of table 3's 总计 column.
const TOTAL: usize = 6;

/// The link to a table 3 row's 总计 cell.
fn cell_href(report: &Report, section: &str, row: &str) -> String {
    use_site_base().href(&format!(
        "{}#{}",
        route::section(&report.agency.id, report.year, section),
        anchor::application_cell(row, TOTAL)
    ))
}

fn node_item(report: &Report, section: &str, node: &FlowNode) -> impl IntoView {
    let value = node
        .value
        .map_or(mark::GAP.to_string(), |v| format!("{v}件"));
    view! {
        <li data-key=node.key data-value=node.value.map(|v| v.to_string())>
            <a href=cell_href(report, section, node.row)>
                <span class="flow-label">{node.label}</span>
                " "
                <span class="flow-value">{value}</span>
            </a>
            {node
                .computed
                .then(|| {
                    view! {
                        <span class="computed-note">
                            {format!(" {}本站按原表各项相加", mark::COMPUTED)}
                        </span>
                    }
                })}
        </li>
    }
}

/// Table 3 as a flow: the figures as lists (readable before ECharts, and without it), then
/// the sankey drawn over them in the browser.
#[component]
pub fn FlowChart(report: Arc<Report>) -> impl IntoView {
    let Some(table) = report.tables.applications.as_ref() else {
        return ().into_any();
    };
    let flow: Flow = flow(table);
    let section = table.section.clone();
    let balanced = flow.balanced();
    let description = crate::charts::flow::describe_flow(&flow);
    let canvas = NodeRef::<leptos::html::Div>::new();
    #[cfg(target_arch = "wasm32")]
    {
        let flow = StoredValue::new(flow.clone());
        crate::components::chart::mount::use_drawn_chart(
            canvas,
            move |animate| {
                let flow = flow.get_value();
                (
                    crate::charts::flow::flow_option(&flow, "申请的去向", animate),
                    crate::charts::flow::describe_flow(&flow),
                )
            },
            || {},
        );
    }
    let sources = flow
        .sources
        .iter()
        .map(|n| node_item(&report, &section, n))
        .collect_view();
    let results = flow
        .results
        .iter()
        .chain(std::iter::once(&flow.carried_out))
        .map(|n| node_item(&report, &section, n))
        .collect_view();
    let warning = (!balanced).then(|| {
        let total = flow
            .results_total
            .map_or(mark::GAP.to_string(), |t| t.to_string());
        view! {
            <p class="flow-flag" role="note">
                {format!(
                    "{} 原表数字前后不一致：新收与上年结转共{}件，各项办理结果与结转下年相加为{}件，（七）总计印为{}。本站照录，未作更正。",
                    mark::FLAGGED,
                    flow.received(),
                    flow.handled(),
                    total,
                )}
            </p>
        }
    });
    view! {
        <figure
            class="flow"
            class:flagged=!balanced
            data-received=flow.received()
            data-handled=flow.handled()
        >
            <figcaption>"申请的去向"</figcaption>
            <div class="flow-lists">
                <ul class="flow-sources" aria-label="收到的申请">
                    {sources}
                </ul>
                <span class="flow-arrow" aria-hidden="true">
                    "→"
                </span>
                <ul class="flow-results" aria-label="办理结果">
                    {results}
                </ul>
            </div>
            <div
                class="chart-canvas flow-canvas"
                node_ref=canvas
                role="img"
                aria-label=description
            ></div>
            {warning}
        </figure>
    }
    .into_any()
}

/// Who asked, as proportions of 本年新收 (the shares are the portal's arithmetic on the
/// published row; the counts are as published).
#[component]
pub fn ApplicantsShare(report: Arc<Report>) -> impl IntoView {
    let Some(table) = report.tables.applications.as_ref() else {
        return ().into_any();
    };
    let Some(row) = table.row("new_requests") else {
        return ().into_any();
    };
    let parts: Vec<(usize, i64)> = (0..TOTAL)
        .filter_map(|i| Some((i, row.values.get(i).copied().flatten()?)))
        .collect();
    let sum: i64 = parts.iter().map(|(_, v)| v).sum();
    if sum <= 0 {
        return ().into_any();
    }
    let section = table.section.clone();
    let base = use_site_base();
    let share = |v: i64| v as f64 / sum as f64 * 100.0;
    let stripes = parts
        .iter()
        .filter(|(_, v)| *v > 0)
        .map(|&(i, v)| {
            view! {
                <span
                    class=format!("share-stripe share-{i}")
                    style=format!("width: {:.2}%", share(v))
                ></span>
            }
        })
        .collect_view();
    let legend = parts
        .iter()
        .map(|&(i, v)| {
            let href = base.href(&format!(
                "{}#{}",
                route::section(&report.agency.id, report.year, &section),
                anchor::application_cell("new_requests", i)
            ));
            view! {
                <li>
                    <span class=format!("share-key share-{i}") aria-hidden="true"></span>
                    <a href=href>
                        {format!("{} {v}件（{:.1}%）", APPLICANT_COLUMNS[i], share(v))}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <figure class="applicants">
            <figcaption>"谁提出了申请（本年新收，按申请人）"</figcaption>
            <div class="share-bar" aria-hidden="true">
                {stripes}
            </div>
            <ul class="share-legend">{legend}</ul>
            <p class="computed-note">"占比为本站按原表数字计算。"</p>
        </figure>
    }
    .into_any()
}

/// Table 2 as figure tiles: each printed cell with its row, column and unit; rows the
/// ingest could not read are counted, not guessed.
#[component]
pub fn ProactiveTiles(report: Arc<Report>) -> impl IntoView {
    let Some(table) = report.tables.proactive.as_ref() else {
        return ().into_any();
    };
    let href = use_site_base().href(&format!(
        "{}#{}",
        route::section(&report.agency.id, report.year, &table.section),
        anchor::table(nianbao_model::TableKind::Proactive)
    ));
    let mut unread = 0;
    let mut tiles = Vec::new();
    for block in &table.blocks {
        for row in &block.rows {
            if row.values.iter().all(Option::is_none) {
                unread += 1;
                continue;
            }
            for (column, amount) in block.columns.iter().zip(&row.values) {
                let Some(amount) = amount else { continue };
                tiles.push(view! {
                    <li class="tile">
                        <a href=href.clone()>
                            <span class="tile-value">
                                {amount.value.to_string()}
                                <span class="pf-unit">{amount.unit.clone()}</span>
                            </span>
                            <span class="tile-label">{format!("{} · {column}", row.label)}</span>
                        </a>
                    </li>
                });
            }
        }
    }
    let note = (unread > 0).then(|| {
        view! {
            <p class="computed-note">
                {format!(
                    "{} 另有{unread}行原文数字连写，无法确定各格数值，见原表。",
                    mark::FLAGGED,
                )}
            </p>
        }
    });
    view! {
        <figure class="tiles">
            <figcaption>"主动公开情况（表二）"</figcaption>
            <ul class="tile-list">{tiles}</ul>
            {note}
        </figure>
    }
    .into_any()
}

/// The old format's 统计表 as tiles: each row's figure for the report's year (the first
/// column), with its unit; rows the ingest could not read are counted, not guessed.
#[component]
pub fn StatisticsTiles(report: Arc<Report>) -> impl IntoView {
    let Some(table) = report.tables.statistics.as_ref() else {
        return ().into_any();
    };
    let href = use_site_base().href(&format!(
        "{}#{}",
        route::section(&report.agency.id, report.year, &table.section),
        anchor::table(nianbao_model::TableKind::Statistics)
    ));
    let column = table.columns.first().cloned().unwrap_or_default();
    let mut unread = 0;
    let tiles = table
        .rows
        .iter()
        .filter_map(|row| {
            let Some(value) = row.values.first().cloned().flatten() else {
                unread += 1;
                return None;
            };
            Some(view! {
                <li class="tile">
                    <a href=href.clone()>
                        <span class="tile-value">
                            {value.to_string()} <span class="pf-unit">{row.unit.clone()}</span>
                        </span>
                        <span class="tile-label">{row.label.clone()}</span>
                    </a>
                </li>
            })
        })
        .collect_view();
    let note = (unread > 0).then(|| {
        view! {
            <p class="computed-note">
                {format!("{} 另有{unread}行未能读出数值，见原表。", mark::FLAGGED)}
            </p>
        }
    });
    view! {
        <figure class="tiles">
            <figcaption>{format!("政府信息公开情况统计表（{column}）")}</figcaption>
            <ul class="tile-list">{tiles}</ul>
            {note}
        </figure>
    }
    .into_any()
}
