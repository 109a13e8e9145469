//! A chart of indicator series (ECharts), with its data table, downloads and sources.
//!
//! Pre-rendered, the chart is its titled figure, an empty fixed-height canvas box described
//! for screen readers, the data table (shown when JavaScript is off) and the source line.
//! In the browser, once the text is on screen, the ECharts bundle is loaded (once per page
//! life, and only by pages that show a chart) and the chart is drawn into the box; it follows
//! its container's size, redraws when `series` changes, does not animate for readers who
//! prefer reduced motion, and is disposed when the view goes away.

use leptos::prelude::*;
use nianbao_model::{Series, Source};

use crate::charts::{cell_text, describe, marks_used, point_at, year_label, years};
use crate::components::download;
use crate::site::{route, use_site_base};

/// What drawing a chart gives its view (as leptos-use hooks return `Use…Return`).
pub struct UseChartReturn {
    /// Set once the chart is drawn (the PNG download needs it).
    pub drawn: Signal<bool>,
    /// Set when ECharts could not be loaded (the data table stands in).
    pub failed: Signal<bool>,
    /// The chart as a PNG data URL, once drawn.
    pub png_data_url: Callback<(), Option<String>>,
}

impl UseChartReturn {
    #[cfg(not(target_arch = "wasm32"))]
    fn not_drawn() -> Self {
        Self {
            drawn: false.into(),
            failed: false.into(),
            png_data_url: Callback::new(|_| None),
        }
    }
}

/// A chart of one or more series over the years.
///
/// Place it anywhere (an agency page, beside a report section, the 图解 view); `id` must be
/// unique on the page. For a chart beside a report, pass the report's year as
/// `highlight_year`.
#[component]
pub fn IndicatorChart(
    /// The series to plot, one line each, all in the same unit. Reactive: a new value
    /// redraws the chart in place (e.g. a narrowed year range).
    #[prop(into)]
    series: Signal<Vec<Series>>,
    /// The chart's title, shown as its heading.
    #[prop(into)]
    title: String,
    /// The year to emphasise (the report's own year).
    #[prop(optional)]
    highlight_year: Option<u16>,
    /// Stable DOM id of the figure (also its anchor); its parts use it as a prefix.
    #[prop(into)]
    id: String,
    /// Site path of the chart's own page, e.g. `/pingtan/indicators/requests.new`.
    #[prop(optional, into)]
    permalink: Option<String>,
    /// Level of the title's heading (2–5).
    #[prop(default = 3)]
    heading_level: u8,
    /// Says where the figures come from instead of the line naming each year's report (for
    /// totals over several bodies, which name their bodies themselves).
    #[prop(optional, into)]
    source_note: Option<String>,
    /// Site path (with its fragment) of the chart where its data table stands, if the
    /// pre-rendered page leaves the table out (see `SectionView`). The browser builds the
    /// table when it is asked for, either way.
    #[prop(default = None)]
    table_elsewhere: Option<String>,
) -> impl IntoView {
    let base = use_site_base();
    let table_open = RwSignal::new(false);
    let canvas = NodeRef::<leptos::html::Div>::new();
    let table_id = format!("{id}-table");
    let title_id = format!("{id}-title");

    #[cfg(target_arch = "wasm32")]
    let UseChartReturn {
        drawn,
        failed,
        png_data_url,
    } = mount::use_chart(canvas, series, title.clone(), highlight_year);
    // Natively (pre-rendering) nothing is drawn: the page has the box and the data table.
    #[cfg(not(target_arch = "wasm32"))]
    let UseChartReturn {
        drawn,
        failed,
        png_data_url,
    } = UseChartReturn::not_drawn();

    let label = {
        let title = title.clone();
        move || describe(&series.read(), &title)
    };
    let heading = {
        let (title, title_id) = (title.clone(), title_id.clone());
        match heading_level {
            ..=2 => view! {
                <h2 id=title_id class="chart-title">
                    {title}
                </h2>
            }
            .into_any(),
            3 => view! {
                <h3 id=title_id class="chart-title">
                    {title}
                </h3>
            }
            .into_any(),
            4 => view! {
                <h4 id=title_id class="chart-title">
                    {title}
                </h4>
            }
            .into_any(),
            _ => view! {
                <h5 id=title_id class="chart-title">
                    {title}
                </h5>
            }
            .into_any(),
        }
    };
    let file_stem = id.clone();
    let on_csv = move |_| {
        let text = crate::charts::csv(&series.read_untracked());
        download::csv(&format!("{file_stem}.csv"), &text);
    };
    let png_name = format!("{id}.png");
    let on_png = move |_| {
        if let Some(url) = png_data_url.run(()) {
            download::link(&png_name, &url);
        }
    };
    let permalink = permalink.map(|p| base.href(&p));
    let table_elsewhere = table_elsewhere
        .filter(|_| cfg!(not(target_arch = "wasm32")))
        .map(|p| base.href(&p));
    let static_table = cfg!(not(target_arch = "wasm32")) && table_elsewhere.is_none();

    view! {
        <figure class="chart" id=id.clone() aria-labelledby=title_id.clone()>
            <figcaption class="chart-head">
                {heading}
                {move || {
                    series
                        .read()
                        .first()
                        .map(|s| {
                            view! {
                                <span class="chart-unit">{format!("单位：{}", s.unit)}</span>
                            }
                        })
                }}
            </figcaption>
            <div class="chart-canvas" node_ref=canvas role="img" aria-label=label>
                {move || {
                    failed
                        .get()
                        .then(|| {
                            view! {
                                <p class="chart-failed">
                                    "图表未能载入，请查看下方数据表。"
                                </p>
                            }
                        })
                }}
            </div>
            <div class="chart-tools">
                <button
                    type="button"
                    aria-expanded=move || table_open.get().to_string()
                    aria-controls=table_id.clone()
                    on:click=move |_| table_open.update(|open| *open = !*open)
                >
                    {move || if table_open.get() { "隐藏数据表" } else { "显示数据表" }}
                </button>
                <button type="button" on:click=on_csv>
                    "下载数据（CSV）"
                </button>
                <button type="button" on:click=on_png disabled=move || !drawn.get()>
                    "下载图片（PNG）"
                </button>
                {permalink
                    .map(|href| {
                        view! {
                            <a class="chart-permalink" href=href>
                                "本图链接"
                            </a>
                        }
                    })}
            </div>
            <div class="chart-table" id=table_id hidden=move || !table_open.get()>
                {table_elsewhere
                    .map(|href| {
                        view! {
                            <p class="chart-table-elsewhere">
                                "数据表见" <a href=href>"该部分的页面"</a> "。"
                            </p>
                        }
                    })}
                {move || {
                    (static_table || table_open.get())
                        .then(|| {
                            // Built in the browser only once the reader opens it: a table per chart,
                            // every year's cell, was a good part of drawing a report behind its
                            // pre-rendered page (issue 12). The static page has it (but where it
                            // links to it): without JavaScript it is the chart (below).
                            view! {
                                <DataTable series=series.get() title=title.clone() highlight_year />
                            }
                        })
                }}
            </div>
            // Without JavaScript (a pre-rendered page read as it is) the table is the chart.
            // Only in the static page: built by script, a <noscript>'s style would apply.
            {cfg!(not(target_arch = "wasm32"))
                .then(|| {
                    view! {
                        <noscript>
                            <style>
                                {".chart-table[hidden]{display:block}.chart-tools button{display:none}"}
                            </style>
                        </noscript>
                    }
                })}
            {match source_note {
                Some(note) => view! { <p class="chart-source">{note}</p> }.into_any(),
                None => (move || view! { <SourceLine series=series.get() /> }).into_any(),
            }}
        </figure>
    }
}

/// The plotted values as a table: a row per year, a column per series.
#[component]
fn DataTable(series: Vec<Series>, title: String, highlight_year: Option<u16>) -> impl IntoView {
    let years = years(&series);
    let marks = marks_used(&series);
    view! {
        <table>
            <caption>{format!("{title}（数据表）")}</caption>
            <thead>
                <tr>
                    <th scope="col">"年度"</th>
                    {series
                        .iter()
                        .map(|s| {
                            view! {
                                <th scope="col" data-key=s.key.clone()>
                                    {format!("{}（{}）", s.label, s.unit)}
                                </th>
                            }
                        })
                        .collect_view()}
                </tr>
            </thead>
            <tbody>
                {years
                    .iter()
                    .map(|&year| {
                        let current = highlight_year == Some(year);
                        view! {
                            <tr class:is-current=current data-year=year>
                                <th scope="row">{year_label(year, highlight_year)}</th>
                                {series
                                    .iter()
                                    .map(|s| {
                                        let p = point_at(s, year);
                                        let value = p
                                            .and_then(|p| p.value)
                                            .map(nianbao_model::format::number)
                                            .unwrap_or_default();
                                        let notes = p
                                            .map(|p| p.notes.join("；"))
                                            .unwrap_or_default();
                                        let notes = (!notes.is_empty()).then_some(notes);
                                        view! {
                                            <td
                                                data-key=s.key.clone()
                                                data-value=value
                                                title=notes
                                                class:is-flagged=p
                                                    .is_some_and(|p| p.flagged && p.value.is_some())
                                                class:is-gap=p.is_none_or(|p| p.value.is_none())
                                            >
                                                {cell_text(p)}
                                            </td>
                                        }
                                    })
                                    .collect_view()}
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
        {(!marks.is_empty())
            .then(|| {
                view! {
                    <ul class="chart-marks">
                        {marks
                            .into_iter()
                            .map(|(mark, text)| {
                                view! {
                                    <li>
                                        <span class="chart-mark">{mark}</span>
                                        " "
                                        {text}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
            })}
    }
}

/// The reports the figures come from, each linked to the section where its figure stands.
#[component]
fn SourceLine(series: Vec<Series>) -> impl IntoView {
    let base = use_site_base();
    let mut entries: Vec<(u16, String, String)> = Vec::new();
    for year in years(&series) {
        let found = series.iter().find_map(|s| {
            let p = point_at(s, year).filter(|p| p.value.is_some())?;
            Some((s.agency.clone(), p.report.clone()?, p.source.clone()?))
        });
        let Some((agency, title, source)) = found else {
            continue;
        };
        let path = match source.section() {
            "intro" | "" => route::report(&agency, year),
            section => route::section(&agency, year, section),
        };
        let place = match &source {
            Source::Figure { .. } => "正文",
            _ => "表格",
        };
        entries.push((year, format!("{year}年度《{title}》{place}"), path));
    }
    let count = entries.len();
    view! {
        <p class="chart-source">
            "数据来源："
            {entries
                .into_iter()
                .enumerate()
                .map(|(i, (_, text, path))| {
                    view! {
                        <a href=base.href(&path)>{text}</a>
                        {(i + 1 < count).then_some("；")}
                    }
                })
                .collect_view()}
            {(count == 0).then_some("所选年度的报告均未载明这些数字。")}
            "。图表由本站根据报告原文数字绘制。"
        </p>
    }
}

#[cfg(target_arch = "wasm32")]
pub mod mount;
