//! One panel of the 图解 poster: a top-level section with the figures it states (value, unit,
//! a label from its sentence, the sentence a tap away, a link to where it stands), those of
//! its sub-sections under their sub-headings, its tables as pictures, or its enumerated
//! points where it states no figure.

use std::sync::Arc;

use leptos::prelude::*;
use nianbao_model::poster::{panel, PanelFigure};
use nianbao_model::series::breakdown_charts;
use nianbao_model::{Report, Series, TableKind};

use super::tables::{ApplicantsShare, FlowChart, ProactiveTiles, StatisticsTiles};
use super::{indicator_figure, Bars};
use crate::components::copy_link::CopyLink;
use crate::site::{anchor, route, use_site_base};

/// The figures of one list, each a link to its sentence with the sentence itself in a
/// disclosure.
fn figure_list(report: &Report, figures: &[PanelFigure]) -> impl IntoView {
    let base = use_site_base();
    let items = figures
        .iter()
        .map(|f| {
            let fig = f.figure;
            let href = base.href(&format!(
                "{}#{}",
                route::section(&report.agency.id, report.year, &fig.section),
                anchor::figure(&fig.section, fig.paragraph, fig.start)
            ));
            view! {
                <li class="panel-figure">
                    <a class="pf-link" href=href>
                        <span class="pf-value">
                            {f.value.clone()} <span class="pf-unit">{fig.unit.clone()}</span>
                        </span>
                        <span class="pf-label">{f.label.clone()}</span>
                    </a>
                    <details class="pf-source">
                        <summary>"原文"</summary>
                        <p>{f.sentence.clone()}</p>
                    </details>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="panel-figures">{items}</ul> }
}

/// The breakdown bars (table 3's applicants and results, table 4's groups) whose figures
/// stand in the panel's section.
/// Where the panel draws table 3 as a flow, the flow and the applicants' shares say what the
/// results and applicants bars would (they are left out).
fn breakdowns(report: &Arc<Report>, series: &[Series], top: &str, flow: bool) -> Vec<AnyView> {
    let within = |section: &str| section == top || section.starts_with(&format!("{top}-"));
    breakdown_charts()
        .into_iter()
        .filter(|chart| {
            !(flow && matches!(chart.key, "requests.results" | "requests.by_applicant"))
        })
        .filter_map(|chart| {
            let title = chart.breakdown.as_ref()?.title;
            let figures: Vec<(Series, nianbao_model::Point)> = chart
                .parts()
                .filter_map(|k| indicator_figure(series, k, report.year))
                .filter(|f| f.point.source.as_ref().is_some_and(|s| within(s.section())))
                .map(|f| (f.series.clone(), f.point.clone()))
                .collect();
            let any = figures
                .iter()
                .any(|(_, p)| p.value.is_some_and(|v| v > 0.0));
            any.then(|| {
                view! { <Bars report=report.clone() title=title.to_string() figures /> }.into_any()
            })
        })
        .collect()
}

#[component]
pub fn TujiePanel(
    report: Arc<Report>,
    series: Arc<Vec<Series>>,
    /// Index of the top-level section.
    index: usize,
    /// Whether the address names this panel.
    target: bool,
) -> impl IntoView {
    let base = use_site_base();
    let top = &report.sections[index];
    let panel = panel(&report, top);
    let id = anchor::tujie_panel(&top.id);
    let title_id = format!("{id}-title");
    let labelled_by = title_id.clone();
    let heading = top.full_heading();
    let path = route::canonical(&route::tujie_panel(&report.agency.id, report.year, &top.id));
    let section_href = base.href(&route::section(&report.agency.id, report.year, &top.id));

    let own = (!panel.figures.is_empty()).then(|| figure_list(&report, &panel.figures));
    let groups = panel
        .groups
        .iter()
        .map(|g| {
            view! {
                <section class="panel-group">
                    <h3>{g.section.full_heading()}</h3>
                    {figure_list(&report, &g.figures)}
                </section>
            }
        })
        .collect_view();
    let tables = panel
        .tables
        .iter()
        .map(|kind| match kind {
            TableKind::Proactive => view! { <ProactiveTiles report=report.clone() /> }.into_any(),
            TableKind::Applications => view! {
                <FlowChart report=report.clone() />
                <ApplicantsShare report=report.clone() />
            }
            .into_any(),
            TableKind::Statistics => view! { <StatisticsTiles report=report.clone() /> }.into_any(),
            // Table 4 is drawn as its groups' bars (the breakdowns below).
            TableKind::Reviews => ().into_any(),
        })
        .collect_view();
    let flow = panel.tables.contains(&TableKind::Applications);
    let bars = breakdowns(&report, &series, &top.id, flow);
    let points = (!panel.points.is_empty()).then(|| {
        view! {
            <ul class="panel-points">
                {panel.points.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}
            </ul>
        }
    });
    // The card the build drew for the panel, with the QR code of its address (crates/cards).
    let card = base.href(&format!(
        "/{}",
        nianbao_model::paths::card_panel(&report.agency.id, report.year, &top.id)
    ));
    let file_name = format!("{}-{}-图解-{}.png", report.agency.id, report.year, top.id);
    view! {
        <section class="tujie-panel" class:is-target=target id=id aria-labelledby=labelled_by>
            <header class="panel-head">
                <h2 id=title_id tabindex="-1">
                    {heading.clone()}
                </h2>
                <CopyLink path=path title=heading.clone() />
            </header>
            {own}
            {groups}
            {tables}
            {bars}
            {points}
            <p class="panel-actions">
                <a href=section_href>"阅读本节全文"</a>
                " · "
                <a class="save-image" href=card download=file_name>
                    "保存为图片"
                </a>
            </p>
        </section>
    }
}
