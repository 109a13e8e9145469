//! One report section: its heading with a share control, its paragraphs (figures marked so
//! that links can point at them), its tables, its subsections.

use std::sync::Arc;

use leptos::prelude::*;
use nianbao_model::format::segments;
use nianbao_model::series::ChartPlan;
use nianbao_model::{Report, Section, Series};

use crate::components::chart::IndicatorChart;
use crate::components::copy_link::CopyLink;
use crate::components::tables::SectionTables;
use crate::site::{anchor, route, use_site_base};

/// The report being read, its agency's series, and which section a link points at.
#[derive(Clone)]
pub struct ReportContext {
    pub report: Arc<Report>,
    pub series: Arc<Vec<Series>>,
    /// The charts beside each section (see `section_charts`).
    pub charts: Arc<Vec<(String, Vec<ChartPlan>)>>,
    /// The section the URL names (marked, focused, scrolled to).
    pub target: Memo<Option<String>>,
}

/// A paragraph as published, with the figures found in it marked.
#[component]
pub fn Paragraph(
    report: Arc<Report>,
    section: String,
    index: usize,
    text: String,
) -> impl IntoView {
    let mut figures: Vec<_> = report
        .figures
        .iter()
        .filter(|f| f.section == section && f.paragraph == index)
        .collect();
    figures.sort_by_key(|f| f.start);
    let ranges: Vec<(usize, usize)> = figures.iter().map(|f| (f.start, f.end)).collect();
    let pieces = segments(&text, &ranges)
        .into_iter()
        .map(|(piece, figure)| match figure {
            Some(i) => view! {
                <span class="figure" id=anchor::figure(&section, index, figures[i].start)>
                    {piece.to_string()}
                </span>
            }
            .into_any(),
            None => piece.to_string().into_any(),
        })
        .collect_view();
    view! { <p>{pieces}</p> }
}

/// The agency's report year before `year`, from its series (whose points carry the title of
/// each year's report).
pub fn previous_year(series: &[Series], year: u16) -> Option<u16> {
    let years = series
        .first()?
        .points
        .iter()
        .filter(|p| p.report.is_some())
        .map(|p| p.year);
    nianbao_model::compare::previous_year(years, year)
}

#[component]
pub fn SectionView(section: Section, depth: usize) -> impl IntoView {
    let context = use_context::<ReportContext>().expect("SectionView stands inside a report");
    let report = context.report.clone();
    let base = use_site_base();
    let path = route::section(&report.agency.id, report.year, &section.id);
    let full_heading = section.full_heading();
    let heading = view! {
        <span class="section-number">{section.number.clone()}</span>
        <span class="section-title">{section.heading.clone()}</span>
        <CopyLink path=path.clone() title=format!("{full_heading} · {}", report.title) />
    };
    // Deeper levels share h5 so the outline stays within h2–h5.
    let heading = match depth {
        0 => view! { <h2 tabindex="-1">{heading}</h2> }.into_any(),
        1 => view! { <h3 tabindex="-1">{heading}</h3> }.into_any(),
        2 => view! { <h4 tabindex="-1">{heading}</h4> }.into_any(),
        _ => view! { <h5 tabindex="-1">{heading}</h5> }.into_any(),
    };
    let charts = context
        .charts
        .iter()
        .find(|(id, _)| *id == section.id)
        .map(|(_, plans)| {
            let agency = report.agency.id.clone();
            let aside = plans
                .iter()
                .map(|plan| {
                    let series: Vec<Series> = plan.pick(&context.series).cloned().collect();
                    view! {
                        <IndicatorChart
                            series=series
                            title=plan.title.clone()
                            highlight_year=report.year
                            id=anchor::section_chart(&section.id, &plan.key)
                            permalink=route::indicator(&agency, &plan.key)
                            heading_level=(depth as u8 + 3).min(5)
                        />
                    }
                })
                .collect_view();
            view! {
                <aside class="section-charts" aria-label="历年图表" data-pagefind-ignore="all">
                    {aside}
                </aside>
            }
        });
    let id = section.id.clone();
    let target = context.target;
    // The search index (scripts/search-index.mjs) reads the pre-rendered section pages: the
    // linked section is the page's one record, its subsections (their own records) left out.
    // (Sections around the linked one stay unmarked: the body inside them must be read.)
    let indexed = cfg!(not(target_arch = "wasm32"))
        .then(|| target.get_untracked().as_deref() == Some(section.id.as_str()));
    let around_target = target.get_untracked().is_some_and(|t| holds(&section, &t));
    let search_record = indexed
        .filter(|&on| on)
        .map(|_| search_record(&report, &full_heading));
    let is_target = move || target.read().as_deref() == Some(id.as_str());
    // Text and tables, then the charts: beside each other on wide screens, one after the
    // other on narrow ones (see styles.css).
    let has_charts = charts.is_some();
    let main = view! {
        {section
            .paragraphs
            .into_iter()
            .enumerate()
            .map(|(index, text)| {
                view! { <Paragraph report=report.clone() section=section.id.clone() index text /> }
            })
            .collect_view()}
        <SectionTables report=report.clone() section_id=section.id.clone() />
    };
    let body = match charts {
        Some(charts) => view! {
            <div class="section-main">{main}</div>
            {charts}
        }
        .into_any(),
        None => main.into_any(),
    };
    let compare = (depth == 0)
        .then(|| previous_year(&context.series, report.year))
        .flatten()
        .map(|before| {
            let href = base.href(&route::compare_section(
                &report.agency.id,
                before,
                report.year,
                &section.id,
            ));
            view! {
                <p class="compare-links">
                    <a href=href>{format!("与上年比较（{before}年度）")}</a>
                </p>
            }
        });
    view! {
        <section
            id=section.id.clone()
            class="section"
            class:is-target=is_target
            class:has-charts=has_charts
            data-pagefind-body=indexed.filter(|&on| on).map(|_| "")
            data-pagefind-ignore=indexed.filter(|&on| !on && !around_target).map(|_| "all")
        >
            {heading}
            {compare}
            {search_record}
            {body}
            {section
                .children
                .into_iter()
                .map(|child| view! { <SectionView section=child depth=depth + 1 /> })
                .collect_view()}
            <p class="print-url" aria-hidden="true" data-pagefind-ignore="all">
                {base.absolute(&path)}
            </p>
        </section>
    }
    .into_any()
}

/// What a search result shows and filters by, for the pre-rendered page's record: the
/// section's heading, the body (its id as the filter, its name to show), the year, the format.
/// (`data-pagefind-ignore` without "all": the text is left out, the meta and filters kept.)
fn search_record(report: &Report, full_heading: &str) -> impl IntoView {
    let attr = |key: &str, value: &str| format!("{key}:{}", value.replace(',', "，"));
    view! {
        <span
            hidden
            data-pagefind-ignore
            data-pagefind-meta=attr("title", full_heading)
            data-pagefind-filter=attr("agency", &report.agency.id)
        ></span>
        <span
            hidden
            data-pagefind-ignore
            data-pagefind-meta=attr("agency_name", &report.agency.name)
            data-pagefind-filter=attr("year", &report.year.to_string())
        ></span>
        <span
            hidden
            data-pagefind-ignore
            data-pagefind-meta=attr("year", &report.year.to_string())
            data-pagefind-filter=attr("format", report.format.label())
        ></span>
    }
}

/// Whether `id` names a subsection (at any depth) of `section`.
fn holds(section: &Section, id: &str) -> bool {
    section
        .children
        .iter()
        .any(|child| child.id == id || holds(child, id))
}
