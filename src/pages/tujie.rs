//! `/{agency}/{year}/tujie`: the report at a glance (图解) — the portal's own visualisation of
//! the figures the report states, each linked to where it stands. It shows no figure the
//! report does not contain: changes against the previous year are only given where both
//! years state the figure on the same basis.

use std::sync::Arc;

use leptos::prelude::*;
use nianbao_model::format::{mark, number};
use nianbao_model::series::{breakdown_charts, headline_keys, trend_keys, Point, Source};
use nianbao_model::{CellAddress, Report, Series};

use crate::components::loading::{show, Labels, Missing};
use crate::components::page_meta::PageMeta;
use crate::components::print_button::PrintButton;
use crate::components::share_image::{summary_svg, ImageFigure, SaveImageButton};
use crate::data::{use_report, ReportData, SeriesNeed};
use crate::params::use_report_address;
use crate::site::{anchor, route, use_site_base};
use crate::takeover::TakeOver;

/// One indicator as the 图解 shows it: this year's point and, where comparable, last year's.
struct Figure<'a> {
    series: &'a Series,
    point: &'a Point,
    previous: Option<&'a Point>,
}

fn figure<'a>(all: &'a [Series], key: &str, year: u16) -> Option<Figure<'a>> {
    let series = all.iter().find(|s| s.key == key)?;
    let at = series.points.iter().position(|p| p.year == year)?;
    let point = &series.points[at];
    point.value?;
    let previous = at.checked_sub(1).map(|i| &series.points[i]).filter(|p| {
        p.value.is_some() && p.basis == point.basis && p.comparable && point.comparable
    });
    Some(Figure {
        series,
        point,
        previous,
    })
}

/// A number as the report prints it (integers without decimals), 余 kept.
fn shown(point: &Point) -> String {
    let number = number(point.value.unwrap_or_default());
    if point.approximate {
        format!("{number}余")
    } else {
        number
    }
}

/// Change against the previous year, e.g. `比上年 +12（+5.6%）`.
fn change(now: &Point, before: &Point) -> String {
    let (Some(now), Some(before)) = (now.value, before.value) else {
        return String::new();
    };
    let delta = now - before;
    let sign = if delta > 0.0 { "+" } else { "" };
    let delta = if delta.fract() == 0.0 {
        format!("{sign}{delta:.0}")
    } else {
        format!("{sign}{delta:.2}")
    };
    if before > 0.0 {
        format!(
            "比上年 {delta}（{sign}{:.1}%）",
            (now / before - 1.0) * 100.0
        )
    } else {
        format!("比上年 {delta}")
    }
}

/// The fragment of the report page that shows where a point's figure stands (table 2 and
/// statistics cells have no anchors of their own: the section is linked).
fn anchor(source: &Source) -> Option<String> {
    match source {
        Source::Figure {
            section,
            paragraph,
            start,
            ..
        } => Some(anchor::figure(section, *paragraph, *start)),
        Source::Cell { address, .. } => match address {
            CellAddress::Applications { row, column } => {
                Some(anchor::application_cell(row, *column))
            }
            CellAddress::Reviews(cell) => Some(anchor::review_cell(*cell)),
            CellAddress::Proactive { .. } | CellAddress::Statistics { .. } => None,
        },
        Source::Sum { table_kind, .. } => Some(anchor::table(*table_kind)),
    }
}

/// Site path (with fragment) of where a point's figure stands in the report.
fn source_href(report: &Report, point: &Point) -> Option<String> {
    let source = point.source.as_ref()?;
    let path = route::section(&report.agency.id, report.year, source.section());
    Some(match anchor(source) {
        Some(id) => format!("{path}#{id}"),
        None => path,
    })
}

/// `/{agency}/{year}/tujie`.
#[component]
pub fn TujiePage() -> impl IntoView {
    let address = use_report_address();
    show(
        use_report(address, SeriesNeed::Required),
        Labels {
            what: "图解",
            loading: "正在载入报告…",
        },
        Missing::report(address),
        |ReportData { report, series }| view! { <TujieView report series /> },
    )
}

#[component]
pub fn TujieView(report: Arc<Report>, series: Arc<Vec<Series>>) -> impl IntoView {
    let base = use_site_base();
    let year = report.year;
    let report_path = route::report(&report.agency.id, year);

    let figures: Vec<Figure> = headline_keys()
        .into_iter()
        .filter_map(|key| figure(&series, key, year))
        .collect();
    let image = summary_svg(
        &format!("{year}年度政府信息公开工作 · 图解"),
        &report.agency.name,
        &figures
            .iter()
            .map(|f| ImageFigure {
                label: f.series.label.clone(),
                value: shown(f.point),
                unit: f.series.unit.clone(),
                note: f.previous.map(|p| change(f.point, p)),
            })
            .collect::<Vec<_>>(),
        &[
            "年报网根据报告中写明的数字生成，不是原文的图解版。".to_string(),
            base.absolute(&route::canonical(&route::tujie(&report.agency.id, year))),
        ],
    );
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

    let breakdowns = breakdown_charts()
        .into_iter()
        .filter_map(|chart| {
            let title = chart.breakdown.as_ref()?.title;
            // Bars for the parts only: a total that sums them would dwarf them.
            let figures: Vec<Figure> = chart
                .parts()
                .filter_map(|k| figure(&series, k, year))
                .collect();
            let max = figures.iter().filter_map(|f| f.point.value).fold(0.0_f64, f64::max);
            (!figures.is_empty() && max > 0.0).then(|| {
                view! {
                    <section class="breakdown">
                        <h2>{title}</h2>
                        <ul class="bars">
                            {figures
                                .iter()
                                .map(|f| {
                                    let value = f.point.value.unwrap_or_default();
                                    let width = if value > 0.0 {
                                        (value / max * 100.0).max(0.6)
                                    } else {
                                        0.0
                                    };
                                    let href = source_href(&report, f.point).map(|h| base.href(&h));
                                    // A figure above zero stays visible however small.
                                    view! {
                                        <li class:flagged=f.point.flagged>
                                            <a href=href>
                                                <span class="bar-label">{f.series.label.clone()}</span>
                                                <span class="bar-track" aria-hidden="true">
                                                    <span
                                                        class="bar"
                                                        style=format!("width: {width:.1}%")
                                                    ></span>
                                                </span>
                                                <span class="bar-value">
                                                    {format!("{}{}", shown(f.point), f.series.unit)}
                                                    {f.point.flagged.then(|| format!(" {}", mark::FLAGGED))}
                                                </span>
                                            </a>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </section>
                }
            })
        })
        .collect_view();

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

    let title = format!("{} · 图解", report.title);
    view! {
        <TakeOver />
        <PageMeta
            title=title
            description=format!(
                "{}的主要数字一览：每个数字都链接到它在报告中的位置。",
                report.title,
            )
            path=route::canonical(&route::tujie(&report.agency.id, year))
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
                    <SaveImageButton svg=image file_name=image_name />
                </p>
            </header>
            <section class="headlines-section" aria-labelledby="headlines-title">
                <h2 id="headlines-title">"主要数字"</h2>
                <ul class="headlines">{headlines}</ul>
            </section>
            {breakdowns}
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
