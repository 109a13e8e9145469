//! `/{agency}/{year}/tujie` and `/{agency}/{year}/tujie/{section}`: the report at a glance
//! (图解) — the portal's own poster of the figures the report states, each linked to where it
//! stands: an overview strip of headline figures, then one panel per top-level section (see
//! `components::tujie`). It shows no figure the report does not contain: changes against the
//! previous year are only given where both years state the figure on the same basis. A
//! panel's own address opens the poster at that panel.

use std::sync::Arc;

use leptos::prelude::*;
use nianbao_model::format::mark;
use nianbao_model::series::{headline_keys, trend_keys};
use nianbao_model::{Report, Series};

use crate::components::loading::{show, Labels, Missing};
use crate::components::page_meta::PageMeta;
use crate::components::print_button::PrintButton;
use crate::components::share_image::{ImageFigure, SaveImageButton, SummaryImage};
use crate::components::tujie::panel::TujiePanel;
use crate::components::tujie::{change, indicator_figure, shown, source_href, IndicatorFigure};
use crate::data::{use_report, ReportData, SeriesNeed};
use crate::params::use_report_address;
use crate::site::{anchor, route, use_site_base};
use crate::stylesheets::{use_stylesheet, Stylesheet};
use crate::takeover::take_over;

/// `/{agency}/{year}/tujie` and `/{agency}/{year}/tujie/{section}`.
#[component]
pub fn TujiePage() -> impl IntoView {
    use_stylesheet(Stylesheet::Tujie);
    let address = use_report_address();
    let section = Memo::new(move |_| address.get().section);
    show(
        use_report(address, SeriesNeed::Required),
        Labels {
            what: "图解",
            loading: "正在载入报告…",
        },
        Missing::report(address),
        // Another panel of the same poster is the same data: only the view follows.
        move |ReportData { report, series }| {
            move || match section.get() {
                Some(id) if !report.sections.iter().any(|s| s.id == id) => {
                    let report = report.clone();
                    view! { <PanelNotFound report id /> }.into_any()
                }
                target => {
                    let (report, series) = (report.clone(), series.clone());
                    view! { <TujieView report series target /> }.into_any()
                }
            }
        },
    )
}

/// An address naming a panel the report does not have: says so and offers the poster.
#[component]
fn PanelNotFound(report: Arc<Report>, id: String) -> impl IntoView {
    let base = use_site_base();
    let poster = base.href(&route::tujie(&report.agency.id, report.year));
    view! {
        <leptos_meta::Title text=crate::page_title("未找到") />
        <crate::takeover::TakeOver />
        <div class="not-found">
            <h1>"未找到页面"</h1>
            <p>
                {format!(
                    "{}的图解中没有编号为“{id}”的部分：本报告共有{}个部分。",
                    report.title,
                    report.sections.len(),
                )}
            </p>
            <p>
                <a href=poster>"查看本报告的图解"</a>
            </p>
        </div>
    }
}

#[component]
pub fn TujieView(
    report: Arc<Report>,
    series: Arc<Vec<Series>>,
    /// The top-level section the address names (its panel is marked and scrolled to).
    target: Option<String>,
) -> impl IntoView {
    let base = use_site_base();
    let year = report.year;
    let report_path = route::report(&report.agency.id, year);

    let figures: Vec<IndicatorFigure> = headline_keys()
        .into_iter()
        .filter_map(|key| indicator_figure(&series, key, year))
        .collect();
    let poster_url = base.absolute(&route::canonical(&route::tujie(&report.agency.id, year)));
    let image = SummaryImage {
        title: format!("{year}年度政府信息公开工作 · 图解"),
        subtitle: report.agency.name.clone(),
        figures: figures
            .iter()
            .map(|f| ImageFigure {
                label: f.series.label.clone(),
                value: shown(f.point),
                unit: f.series.unit.clone(),
                note: f.previous.map(|p| change(f.point, p)),
            })
            .collect(),
        footer: vec![
            "年报网根据报告中写明的数字生成，不是原文的图解版。".to_string(),
            poster_url.clone(),
        ],
        qr: Some(poster_url),
    };
    let image_name = format!("{}-{year}-图解.png", report.agency.id);
    let headlines = figures
        .iter()
        .map(|f| {
            let href = source_href(&report, f.point).map(|h| base.href(&h));
            let change = f.previous.map(|p| change(f.point, p));
            view! {
                <li class="headline" class:flagged=f.point.flagged>
                    <a href=href>
                        <span class="headline-value">
                            {shown(f.point)}
                            <span class="headline-unit">{f.series.unit.clone()}</span>
                            {f
                                .point
                                .flagged
                                .then(|| {
                                    view! {
                                        <span class="flag" title="原表此处勾稽关系不符">
                                            {mark::FLAGGED}
                                        </span>
                                    }
                                })}
                        </span>
                        <span class="headline-label">{f.series.label.clone()}</span>
                        {change.map(|c| view! { <span class="headline-change">{c}</span> })}
                        {f
                            .point
                            .computed
                            .then(|| {
                                view! {
                                    <span class="headline-note">"本站按原表各项合计"</span>
                                }
                            })}
                    </a>
                </li>
            }
        })
        .collect_view();

    let panels = (0..report.sections.len())
        .map(|index| {
            let is_target = target.as_deref() == Some(report.sections[index].id.as_str());
            view! { <TujiePanel report=report.clone() series=series.clone() index target=is_target /> }
        })
        .collect_view();
    follow_panel(target.clone());

    let trends: Vec<Series> = trend_keys()
        .into_iter()
        .filter_map(|key| series.iter().find(|s| s.key == key))
        .filter(|s| s.points.iter().filter(|p| p.value.is_some()).count() > 1)
        .cloned()
        .collect();
    let trends = if trends.is_empty() {
        view! {
            <p>
                "本站目前只收录了该机关这一年的报告，还没有可比较的历年数字。"
            </p>
        }
        .into_any()
    } else {
        view! {
            <div class="sparklines">
                {trends
                    .into_iter()
                    .map(|series| view! { <Sparkline series year /> })
                    .collect_view()}
            </div>
        }
        .into_any()
    };

    let failed: Vec<_> = report.failed_checks().cloned().collect();
    let flags = (!failed.is_empty()).then(|| {
        let table_href = base.href(&route::section(
            &report.agency.id,
            year,
            report
                .tables
                .applications
                .as_ref()
                .map_or("s3", |t| t.section.as_str()),
        ));
        view! {
            <section class="tujie-flags check-failures">
                <h2>{format!("{} 原表数字前后不一致", mark::FLAGGED)}</h2>
                <ul>
                    {failed
                        .iter()
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
                <p>
                    "本站按原文照录，未作更正。" <a href=table_href>"查看原表"</a>
                </p>
            </section>
        }
    });

    let panel = target
        .as_deref()
        .and_then(|id| report.sections.iter().find(|s| s.id == id));
    let (title, path, card) = match panel {
        Some(section) => (
            format!("{} · 图解 · {}", report.title, section.full_heading()),
            route::tujie_panel(&report.agency.id, year, &section.id),
            nianbao_model::paths::card_panel(&report.agency.id, year, &section.id),
        ),
        None => (
            format!("{} · 图解", report.title),
            route::tujie(&report.agency.id, year),
            nianbao_model::paths::card_report(&report.agency.id, year),
        ),
    };
    view! {
        <PageMeta
            title=title
            description=format!(
                "{}的图解：每个部分一幅，主要数字都链接到它在报告中的位置。",
                report.title,
            )
            path=route::canonical(&path)
            image=Some(format!("/{card}"))
        />
        <article class="tujie" aria-labelledby="tujie-title">
            <header>
                <p class="report-agency">{report.agency.name.clone()}</p>
                <h1 id="tujie-title">
                    {format!("{}年度政府信息公开工作 · 图解", year)}
                </h1>
                <p class="tujie-disclaimer">
                    "这是年报网根据报告中的数字生成的图示，不是原文的图解版。图中只有报告写明的数字，点击任一数字可查看它在报告中的位置。"
                </p>
                <p class="report-actions">
                    <a href=base.href(&report_path)>"阅读报告全文"</a>
                    " · "
                    <PrintButton />
                    " · "
                    <SaveImageButton image file_name=image_name />
                </p>
            </header>
            <section class="headlines-section" aria-labelledby="headlines-title">
                <h2 id="headlines-title">"主要数字"</h2>
                <ul class="headlines">{headlines}</ul>
            </section>
            <div class="poster">{panels}</div>
            <section class="trends" aria-labelledby="trends-title">
                <h2 id="trends-title">"历年变化"</h2>
                {trends}
                <p class="tujie-more">
                    <a href=base
                        .href(&route::agency(&report.agency.id))>"查看全部指标图表"</a>
                </p>
            </section>
            {flags}
        </article>
    }
    .into_any()
}

/// Opens the poster at the panel the address names: marks it (in the view), brings it into
/// view unless the pre-rendered page already stands there (boot.js), focuses its heading.
fn follow_panel(target: Option<String>) {
    Effect::new(move |_| {
        let target = target.clone();
        request_animation_frame(move || {
            let took_over = take_over();
            let Some(id) = target else { return };
            let Some(panel) = document().get_element_by_id(&anchor::tujie_panel(&id)) else {
                return;
            };
            if !took_over {
                panel.scroll_into_view();
            }
            let heading =
                document().get_element_by_id(&format!("{}-title", anchor::tujie_panel(&id)));
            if let Some(heading) = heading {
                use wasm_bindgen::JsCast;
                if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
                    let options = web_sys::FocusOptions::new();
                    options.set_prevent_scroll(true);
                    let _ = heading.focus_with_options(&options);
                }
            }
        });
    });
}

/// A small line drawing of a series over the years, this year's point emphasised; gaps break
/// the line.
#[component]
fn Sparkline(series: Series, year: u16) -> impl IntoView {
    const W: f64 = 240.0;
    const H: f64 = 64.0;
    let values: Vec<f64> = series.points.iter().filter_map(|p| p.value).collect();
    let max = values.iter().copied().fold(f64::MIN, f64::max).max(1.0);
    let n = series.points.len().max(2) as f64 - 1.0;
    let xy = |i: usize, v: f64| {
        (
            6.0 + i as f64 / n * (W - 12.0),
            H - 8.0 - v / max * (H - 16.0),
        )
    };
    let mut runs: Vec<String> = Vec::new();
    let mut run = String::new();
    for (i, p) in series.points.iter().enumerate() {
        match p.value {
            Some(v) => {
                let (x, y) = xy(i, v);
                run.push_str(&format!("{x:.1},{y:.1} "));
            }
            None if !run.is_empty() => runs.push(std::mem::take(&mut run)),
            None => {}
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    let marks = series
        .points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.value.map(|v| (i, p, v)))
        .map(|(i, p, v)| {
            let (x, y) = xy(i, v);
            let class = match (p.year == year, p.flagged) {
                (true, _) => "this-year",
                (false, true) => "flagged",
                _ => "",
            };
            view! {
                <circle
                    cx=format!("{x:.1}")
                    cy=format!("{y:.1}")
                    r=if p.year == year { "4" } else { "2.5" }
                    class=class
                />
            }
        })
        .collect_view();
    let first = series.points.first().map(|p| p.year).unwrap_or(year);
    let last = series.points.last().map(|p| p.year).unwrap_or(year);
    let described = series
        .points
        .iter()
        .map(|p| match p.value {
            Some(_) => format!("{}年{}{}", p.year, shown(p), series.unit),
            None => format!("{}年空缺", p.year),
        })
        .collect::<Vec<_>>()
        .join("，");
    view! {
        <figure class="sparkline">
            <figcaption>{series.label.clone()}</figcaption>
            <svg
                viewBox=format!("0 0 {W} {H}")
                role="img"
                aria-label=format!("{}：{described}", series.label)
            >
                {runs.into_iter().map(|points| view! { <polyline points=points /> }).collect_view()}
                {marks}
            </svg>
            <p class="sparkline-range">{format!("{first}—{last}")}</p>
        </figure>
    }
}
