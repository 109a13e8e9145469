//! `/{agency}/compare/{year_a}/{year_b}` and `/…/{section}`: two years of one body side by
//! side. The alignment and the diffs are the model's (`nianbao_model::compare`); this page
//! only renders them.

use std::sync::Arc;

use leptos::prelude::*;
use nianbao_model::compare::{self, CellChange, Change, SectionPair, SentenceChange};
use nianbao_model::tables::{APPLICANT_COLUMNS, REVIEW_RESULTS};
use nianbao_model::{indicators, Report, TableKind};

use crate::components::loading::{show, Labels, Missing};
use crate::components::page_meta::PageMeta;
use crate::data::{use_report_pair, ReportPair};
use crate::params::{use_compare_address, CompareAddress};
use crate::site::{anchor, route, use_site_base};
use crate::stylesheets::{use_stylesheet, Stylesheet};
use crate::takeover::TakeOver;

#[component]
pub fn ComparePage() -> impl IntoView {
    use_stylesheet(Stylesheet::Compare);
    let address = use_compare_address();
    let missing = move || {
        let CompareAddress { agency, years, .. } = address.get_untracked();
        Missing {
            what: years.map(|(a, b)| format!("“{agency}” {a}年度与{b}年度的报告")),
            agency: Some(agency),
        }
    };
    let section = Memo::new(move |_| address.with(|a| a.section.clone()));
    show(
        use_report_pair(address),
        Labels {
            what: "两年报告",
            loading: "正在载入两年的报告…",
        },
        missing,
        move |ReportPair { before, after }| view! { <CompareView before after section /> },
    )
}

#[component]
fn CompareView(before: Arc<Report>, after: Arc<Report>, section: Memo<Option<String>>) -> AnyView {
    let base = use_site_base();
    let (agency, a, b) = (after.agency.id.clone(), before.year, after.year);
    let pairs = compare::align_sections(&before, &after);
    let heading_of = |id: &str| {
        pairs
            .iter()
            .find(|p| p.id() == *id)
            .and_then(|p| p.after.or(p.before))
            .map(|s| s.full_heading())
    };
    let target = section
        .get_untracked()
        .filter(|id| heading_of(id).is_some());
    let name = after.agency.name.clone();
    let page_title = format!("{name}：{a}年度与{b}年度报告比较");
    let title = match target.as_deref().and_then(heading_of) {
        Some(h) => format!("{page_title} · {h}"),
        None => page_title.clone(),
    };
    let description = format!("逐节对照{name}{a}年度和{b}年度政府信息公开工作年度报告：新增、删去和未变的句子，表格逐格的变化。");
    let canonical = match &target {
        Some(id) => format!("{}/", route::compare_section(&agency, a, b, id)),
        None => format!("{}/", route::compare(&agency, a, b)),
    };
    scroll_to(target.clone());
    let sections = pairs
        .iter()
        .map(|pair| section_view(&before, &after, pair, target.as_deref()))
        .collect_view();
    view! {
        <PageMeta title description path=canonical />
        <TakeOver />
        <div class="compare-page">
            <h1>{page_title}</h1>
            <p class="compare-links">
                <a href=base.href(&route::report(&agency, a))>{format!("{a}年度报告")}</a>
                " · "
                <a href=base.href(&route::report(&agency, b))>{format!("{b}年度报告")}</a>
                " · "
                <a href=base.href(&route::agency(&agency))>"选择其他年度"</a>
            </p>
            <p class="lede">
                "标记说明：" <ins>
                    <span class="diff-label">"[新增]"</span>
                    {format!("{b}年度新出现的句子")}
                </ins> "；" <del>
                    <span class="diff-label">"[删去]"</span>
                    {format!("仅{a}年度有的句子")}
                </del>
                "；其余为两年相同的句子。表格数字均照录原文，空白不作 0；"
                <span aria-hidden="true">"⚑"</span> "为勾稽关系不符、存疑的数字。"
            </p>
            <FiguresView before=before.clone() after=after.clone() />
            {sections}
        </div>
    }
    .into_any()
}

/// Brings the linked section into view once the page shows (a pre-rendered page already
/// stands there: boot.js opened it).
fn scroll_to(target: Option<String>) {
    Effect::new(move |_| {
        let Some(id) = target.clone() else { return };
        request_animation_frame(move || {
            if !crate::takeover::take_over() {
                if let Some(el) = document().get_element_by_id(&anchor::compare_section(&id)) {
                    el.scroll_into_view();
                }
            }
        });
    });
}

fn section_view(
    before: &Report,
    after: &Report,
    pair: &SectionPair,
    target: Option<&str>,
) -> impl IntoView {
    let base = use_site_base();
    let (agency, a, b) = (after.agency.id.clone(), before.year, after.year);
    let id = pair.id();
    let heading = pair
        .after
        .or(pair.before)
        .map(|s| s.full_heading())
        .unwrap_or_default();
    let changes = compare::diff(pair.before, pair.after);
    let share = compare::unchanged_share(&changes);
    let status = match (pair.before, pair.after) {
        (Some(_), Some(_)) => format!("{:.0}% 的句子与{a}年度相同", share * 100.0),
        (None, _) => format!("{a}年度报告没有对应的部分"),
        (_, None) => format!("{b}年度报告没有对应的部分"),
    };
    let column = |year: u16, section: Option<&nianbao_model::Section>, keep: Change| {
        let body = match section {
            Some(s) => {
                let sentences = changes
                    .iter()
                    .filter(|c| c.change == Change::Same || c.change == keep)
                    .map(sentence)
                    .collect_view();
                view! {
                    <h3>{format!("{year}年度：{}", s.full_heading())}</h3>
                    <div class="diff">
                        <p>{sentences}</p>
                    </div>
                }
                .into_any()
            }
            None => view! {
                <h3>{format!("{year}年度")}</h3>
                <p class="compare-unmatched">"（无对应部分）"</p>
            }
            .into_any(),
        };
        view! { <div>{body}</div> }
    };
    let tables = tables_view(before, after, &id);
    let link = base.href(&route::compare_section(&agency, a, b, &id));
    view! {
        <section
            id=anchor::compare_section(&id)
            class="compare-section"
            class:is-target=target == Some(id.as_str())
            aria-labelledby=format!("h-{id}")
        >
            <h2 id=format!("h-{id}")>{heading}</h2>
            <p class="compare-status">{status} " · " <a href=link>"本节比较链接"</a></p>
            <div class="compare-pair">
                {column(a, pair.before, Change::Removed)} {column(b, pair.after, Change::Added)}
            </div>
            {tables}
        </section>
    }
    .into_any()
}

fn sentence(change: &SentenceChange) -> AnyView {
    let text = change.text.clone();
    match change.change {
        Change::Same => view! { <span>{text}</span> }.into_any(),
        Change::Added => view! {
            <ins>
                <span class="diff-label">"[新增]"</span>
                {text}
            </ins>
        }
        .into_any(),
        Change::Removed => view! {
            <del>
                <span class="diff-label">"[删去]"</span>
                {text}
            </del>
        }
        .into_any(),
    }
}

/// Id of a compared cell, e.g. `cmp-t3-new_requests-6` (table 3) or `cmp-t4-9`.
pub fn cell_id(table: TableKind, row: &str, col: usize) -> String {
    format!("cmp-{}-{}-{col}", table.key(), row.replace('.', "_"))
}

fn change_cell(id: String, c: &CellChange) -> impl IntoView {
    let flagged = c.flagged_before || c.flagged_after;
    let class = match c.delta() {
        Some(d) if d > 0 => "num change-up",
        Some(d) if d < 0 => "num change-down",
        _ => "num",
    };
    view! {
        <td id=id class=class>
            {c.describe()}
            {flagged
                .then(|| {
                    view! {
                        <span class="flag" title="勾稽关系不符，存疑">
                            "⚑"
                            <span class="visually-hidden">"（存疑）"</span>
                        </span>
                    }
                })}
        </td>
    }
}

fn tables_view(before: &Report, after: &Report, section: &str) -> Option<AnyView> {
    let stands_here = |t: TableKind| {
        let tables = &after.tables;
        let at = match t {
            TableKind::Applications => tables.applications.as_ref().map(|t| t.section.as_str()),
            TableKind::Reviews => tables.reviews.as_ref().map(|t| t.section.as_str()),
            _ => None,
        };
        at == Some(section)
    };
    let mut out = Vec::new();
    if stands_here(TableKind::Applications) {
        let cells = compare::applications(before, after);
        let rows = cells.chunks(APPLICANT_COLUMNS.len()).map(|row| {
            let tds = row
                .iter()
                .enumerate()
                .map(|(col, c)| change_cell(cell_id(TableKind::Applications, &c.row, col), c))
                .collect_view();
            (row[0].row_label.clone(), tds)
        });
        out.push(compare_table(
            "表三",
            "收到和处理政府信息公开申请情况",
            "项目",
            TableKind::Applications,
            &APPLICANT_COLUMNS,
            rows.collect(),
            (before.year, after.year),
        ));
    }
    if stands_here(TableKind::Reviews) {
        let cells = compare::reviews(before, after);
        let rows = cells
            .chunks(REVIEW_RESULTS.len())
            .enumerate()
            .map(|(g, row)| {
                let tds = row
                    .iter()
                    .enumerate()
                    .map(|(r, c)| change_cell(cell_id(TableKind::Reviews, &g.to_string(), r), c))
                    .collect_view();
                (row[0].row_label.clone(), tds)
            });
        out.push(compare_table(
            "表四",
            "行政复议、行政诉讼情况",
            "类别",
            TableKind::Reviews,
            &REVIEW_RESULTS,
            rows.collect(),
            (before.year, after.year),
        ));
    }
    (!out.is_empty()).then(|| out.collect_view().into_any())
}

/// One standard table compared cell by cell: a row per printed row, its cells' changes.
fn compare_table<V: IntoView + 'static>(
    name: &'static str,
    title: &'static str,
    corner: &'static str,
    table: TableKind,
    columns: &[&'static str],
    rows: Vec<(String, V)>,
    (year_before, year_after): (u16, u16),
) -> AnyView {
    let head = columns
        .iter()
        .map(|c| view! { <th scope="col">{*c}</th> })
        .collect_view();
    let rows = rows
        .into_iter()
        .map(|(label, tds)| {
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    {tds}
                </tr>
            }
        })
        .collect_view();
    let table = view! {
        <div
            class="table-scroll"
            role="region"
            aria-label=format!("{name}逐格比较")
            tabindex="0"
        >
            <table class="compare-table" id=format!("cmp-table-{}", table.key())>
                <caption>
                    {format!("{name} {title}：{year_before}年度 → {year_after}年度")}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{corner}</th>
                        {head}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    };
    table.into_any()
}

/// Prose figures of the same indicator in both years.
#[component]
fn FiguresView(before: Arc<Report>, after: Arc<Report>) -> impl IntoView {
    let pairs = compare::figures(&before, &after);
    if pairs.is_empty() {
        return None;
    }
    let items = pairs
        .iter()
        .map(|p| {
            let label = indicators::label(p.indicator)
                .unwrap_or(p.indicator)
                .to_string();
            let text = |f: Option<&nianbao_model::Figure>| {
                f.map_or("未载明".to_string(), |f| format!("“{}”", f.text))
            };
            view! {
                <li>
                    <strong>{label}</strong>
                    "："
                    {format!(
                        "{}年度 {} → {}年度 {}",
                        before.year,
                        text(p.before),
                        after.year,
                        text(p.after),
                    )}
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <section class="compare-figures" aria-labelledby="cmp-figures">
            <h2 id="cmp-figures">"正文中的同一指标"</h2>
            <ul>{items}</ul>
        </section>
    })
}
