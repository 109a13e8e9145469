//! `/{agency}/{year}` and `/{agency}/{year}/{section}`: one report, opened at a section.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use nianbao_model::drawing::{runs, section_weight};
use nianbao_model::format::chinese_date;
use nianbao_model::section_charts::section_charts;
use nianbao_model::{Report, Section, Series};

use crate::components::checkup::CheckupView;
use crate::components::contents::Contents;
use crate::components::loading::{show, Labels, Missing};
use crate::components::page_meta::PageMeta;
use crate::components::print_button::PrintButton;
use crate::components::section::{
    previous_year, DrawingWork, Paragraph, ReportContext, SectionView,
};
use crate::components::shortcuts::ReportShortcuts;
use crate::data::{use_report, ReportData, SeriesNeed};
use crate::dom::remove_attribute_from_all;
use crate::params::use_report_address;
use crate::section_cache::later_section;
use crate::site::{route, use_site_base};
use crate::takeover::take_over;

#[component]
pub fn ReportPage() -> impl IntoView {
    let address = use_report_address();
    let section = Memo::new(move |_| address.with(|a| a.section.clone()));
    show(
        use_report(address, SeriesNeed::Optional),
        Labels {
            what: "报告",
            loading: "正在载入报告…",
        },
        Missing::report(address),
        move |ReportData { report, series }| view! { <ReportView report series section /> },
    )
}

#[component]
fn ReportView(
    report: Arc<Report>,
    series: Arc<Vec<Series>>,
    section: Memo<Option<String>>,
) -> impl IntoView {
    let location = use_location();
    let base = use_site_base();
    // The section a link points at: the path's section, or a `#s5` fragment.
    let target = {
        let report = report.clone();
        Memo::new(move |_| {
            // (Only the browser has a fragment: a server never sees it.)
            let wanted = section.get().or_else(|| {
                cfg!(target_arch = "wasm32")
                    .then(|| location.hash.get())
                    .and_then(|hash| hash.strip_prefix('#').map(str::to_string))
            })?;
            report.find_section(&wanted).map(|s| s.id.clone())
        })
    };
    let unknown_section = {
        let report = report.clone();
        move || section.get().filter(|id| report.find_section(id).is_none())
    };
    let title = {
        let report = report.clone();
        Signal::derive(move || {
            match target
                .get()
                .and_then(|id| report.find_section(&id).map(|s| s.full_heading()))
            {
                Some(heading) => format!("{} · {heading}", report.title),
                None => report.title.clone(),
            }
        })
    };
    let description = {
        let report = report.clone();
        Signal::derive(move || {
            let target = target.get();
            target
                .and_then(|id| report.find_section(&id))
                .and_then(|s| s.first_sentence())
                .or_else(|| report.intro.first().map(String::as_str))
                .unwrap_or(&report.title)
                .to_string()
        })
    };
    // Canonical addresses are the pre-rendered documents: folders, hence the trailing slash.
    let canonical = {
        let (agency, year) = (report.agency.id.clone(), report.year);
        Signal::derive(move || match target.get() {
            Some(id) => route::canonical(&route::section(&agency, year, &id)),
            None => route::canonical(&route::report(&agency, year)),
        })
    };
    // The share card the build drew for the page (see crates/cards).
    let image = {
        let (agency, year) = (report.agency.id.clone(), report.year);
        Signal::derive(move || {
            Some(format!(
                "/{}",
                match target.get() {
                    Some(id) => nianbao_model::paths::card_section(&agency, year, &id),
                    None => nianbao_model::paths::card_report(&agency, year),
                }
            ))
        })
    };
    let previous = previous_year(&series, report.year);
    let charts = Arc::new(section_charts(&report, &series));
    provide_context(ReportContext {
        charts: charts.clone(),
        report: report.clone(),
        series,
        target,
    });
    let reading = reading_position(target);
    let hash = {
        let location = location.clone();
        Memo::new(move |_| {
            if cfg!(target_arch = "wasm32") {
                location.hash.get()
            } else {
                String::new()
            }
        })
    };

    let report_href = base.href(&route::report(&report.agency.id, report.year));
    // A section's pre-rendered page reads from its section onward: what stands before it is on
    // the report's own page. This keeps the site's size near one copy of each report rather
    // than one per section. Behind such a page the app draws the same, so that what the
    // reader sees lays out to the pixel as it did and takes over without a new largest paint
    // (a copy laid out a fraction of a pixel lower counted as one, after the wasm: issue 12);
    // the parts before it come in when the reader needs them (`bring_in_earlier_parts`).
    let from_section = section
        .get_untracked()
        .and_then(|id| report.top_level_index(&id))
        .unwrap_or(0);
    let first_shown = if cfg!(not(target_arch = "wasm32")) || crate::takeover::prerendered_present()
    {
        from_section
    } else {
        0
    };
    let whole = RwSignal::new(first_shown == 0);
    bring_in_earlier_parts(target, whole);
    let earlier = {
        let report_href = report_href.clone();
        move || {
            (!whole.get()).then(|| {
                view! {
                    <p class="notice earlier-parts">
                        "本页从这一部分开始，前面的部分见"
                        <a href=report_href.clone()>"报告全文"</a> "。"
                    </p>
                }
            })
        }
    };
    let drawing = DrawingWork::provide();
    let linked = target.get_untracked().is_some();
    let (sections, runs_drawn) = sections_in_runs(&report, &charts, first_shown, linked);
    let earlier_sections = {
        let before: Vec<Section> = report.sections[..first_shown].to_vec();
        move || {
            whole.get().then(|| {
                before
                    .iter()
                    .cloned()
                    .map(|s| view! { <SectionView section=s depth=0 /> })
                    .collect_view()
            })
        }
    };
    let complete = Memo::new(move |_| runs_drawn.get() && drawing.done());
    follow_target(target, hash, complete, whole);
    let section_ids: Vec<String> = report.walk().into_iter().map(|s| s.id.clone()).collect();
    let section_href = {
        let (base, agency, year) = (base.clone(), report.agency.id.clone(), report.year);
        Callback::new(move |id: String| base.href(&route::section(&agency, year, &id)))
    };
    view! {
        <PageMeta title description path=canonical image opens_at=target.get_untracked() />
        <div class="report-layout">
            <Contents sections=report.sections.clone() current=reading />
            <ReportShortcuts sections=section_ids target reading href=section_href />
            <article class="report" aria-labelledby="report-title">
                <ReportHeader report=report.clone() previous />
                {move || {
                    unknown_section()
                        .map(|id| {
                            view! {
                                <p class="notice" role="status">
                                    {format!(
                                        "未找到章节“{id}”，已为您打开报告开头。",
                                    )}
                                    " "
                                    <a href=report_href.clone()>"报告开头"</a>
                                </p>
                            }
                        })
                }}
                {earlier}
                <div class="report-intro">
                    {
                        let report = report.clone();
                        move || {
                            whole
                                .get()
                                .then(|| {
                                    report
                                        .intro
                                        .iter()
                                        .enumerate()
                                        .map(|(index, text)| {
                                            view! {
                                                <Paragraph
                                                    report=report.clone()
                                                    section="intro".to_string()
                                                    index
                                                    text=text.clone()
                                                />
                                            }
                                        })
                                        .collect_view()
                                })
                        }
                    }
                </div>
                {earlier_sections}
                {sections}
                {(!report.signature.is_empty())
                    .then(|| {
                        view! {
                            <div class="report-signature">
                                {report
                                    .signature
                                    .iter()
                                    .map(|l| view! { <p>{l.clone()}</p> })
                                    .collect_view()}
                            </div>
                        }
                    })}
            </article>
        </div>
    }
}

#[component]
fn ReportHeader(report: Arc<Report>, previous: Option<u16>) -> impl IntoView {
    let base = use_site_base();
    let compare = previous.map(|before| {
        let href = base.href(&route::compare(&report.agency.id, before, report.year));
        view! {
            <a class="compare-link" href=href>
                {format!("与上年比较（{before}年度）")}
            </a>
        }
    });
    view! {
        <header class="report-header">
            <p class="report-agency">{report.agency.name.clone()}</p>
            <h1 id="report-title">{report.title.clone()}</h1>
            <CheckupView report=report.clone() />
            <dl class="report-meta">
                {report
                    .published
                    .as_deref()
                    .map(|d| {
                        view! {
                            <dt>"发布日期"</dt>
                            <dd>
                                <time datetime=d.to_string()>{chinese_date(d)}</time>
                            </dd>
                        }
                    })} <dt>"报告格式"</dt> <dd>{report.format.label()}</dd> <dt>"原文"</dt>
                <dd>
                    {match report.source_link().map(str::to_string) {
                        Some(url) => {
                            view! {
                                <a href=url rel="external noopener" target="_blank">
                                    "查看发布原文"
                                </a>
                            }
                                .into_any()
                        }
                        None if report.source_url.is_some() => {
                            view! { <span>"原文网址不是网页地址，未作链接"</span> }
                                .into_any()
                        }
                        None => view! { <span>"原文网址未收录"</span> }.into_any(),
                    }}
                </dd>
            </dl>
            {report
                .notes
                .iter()
                .map(|n| view! { <p class="report-note">{n.clone()}</p> })
                .collect_view()}
            <p class="report-actions">
                <a class="tujie-link" href=base.href(&route::tujie(&report.agency.id, report.year))>
                    "图解：本报告的主要数字"
                </a>
                <a href=base.href(&route::agency(&report.agency.id))>"历年指标图表"</a>
                {compare}
                <PrintButton />
            </p>
        </header>
    }
    .into_any()
}

/// Work a task draws of a report's sections, in `section_weight`'s units (about 30 ms of an
/// unthrottled desktop's time): 平潭 2024 is drawn in five tasks.
const DRAW_BUDGET: usize = 4_000;

/// The report's top-level sections from `first_shown` on, and whether all are drawn.
///
/// Behind a pre-rendered page they are drawn in runs of about `DRAW_BUDGET`, the first with
/// the page and each further one in a task of its own (issue 10): a long report drawn in one
/// task held the tab for a quarter of a second. Otherwise they are drawn at once.
fn sections_in_runs(
    report: &Report,
    charts: &[(String, Vec<nianbao_model::series::ChartPlan>)],
    first_shown: usize,
    linked: bool,
) -> (AnyView, Memo<bool>) {
    let sections: Vec<Section> = report.sections[first_shown.min(report.sections.len())..].to_vec();
    let section_view = |s: Section| view! { <SectionView section=s depth=0 /> };
    // On a section's page, the sections after the first shown (which holds the linked one)
    // render alike on every such page: the pre-render writes them once per report.
    let section_on_page = |index: usize, s: Section| {
        if linked && index > 0 {
            let id = s.id.clone();
            later_section(report, &id, || section_view(s).into_any())
        } else {
            section_view(s).into_any()
        }
    };
    // Only a hidden app drawing beside a pre-rendered page is drawn in runs: drawn in view
    // (a client navigation), each run laid the whole page out again, and a report of 2,000
    // sections took 7 s instead of 1.2 s.
    if cfg!(not(target_arch = "wasm32")) || !crate::takeover::prerendered_present() {
        let all = sections
            .into_iter()
            .enumerate()
            .map(|(index, s)| section_on_page(index, s))
            .collect_view();
        return (all.into_any(), Memo::new(|_| true));
    }
    let weights: Vec<usize> = sections
        .iter()
        .map(|s| section_weight(report, charts, s))
        .collect();
    let ends = runs(&weights, DRAW_BUDGET);
    let drawn = draw_in_turn(ends.len());
    let count = ends.len();
    let complete = Memo::new(move |_| drawn.get() >= count);
    let mut start = 0;
    let views = ends
        .into_iter()
        .enumerate()
        .map(|(k, end)| {
            let run = sections[start..end].to_vec();
            start = end;
            // A memo, so that the run is built once, when its turn comes.
            let shown = Memo::new(move |_| drawn.get() > k);
            move || {
                shown
                    .get()
                    .then(|| run.iter().cloned().map(section_view).collect_view())
            }
        })
        .collect_view();
    (views.into_any(), complete)
}

/// How many of `runs` runs are drawn: the first at once, then one more per task.
fn draw_in_turn(runs: usize) -> Signal<usize> {
    let drawn = RwSignal::new(runs.min(1));
    #[cfg(target_arch = "wasm32")]
    leptos::task::spawn_local(async move {
        for _ in 1..runs {
            crate::yielding::next_task().await;
            if drawn.try_update(|n| *n += 1).is_none() {
                return; // the report was left meanwhile
            }
        }
    });
    drawn.into()
}

/// Scrolls the linked section into view, marks it and moves focus to its heading whenever
/// the link changes — including on a cold load, once the report has rendered (`complete`).
///
/// `whole` says whether the parts of the report before a section's page are in (see
/// `bring_in_earlier_parts`).
fn follow_target(
    target: Memo<Option<String>>,
    hash: Memo<String>,
    complete: Memo<bool>,
    whole: RwSignal<bool>,
) {
    // The link last followed: `complete` going false and true again (a long paragraph of the
    // parts added above, drawn later) is no new link and must not move the reader.
    Effect::new(move |followed: Option<Option<(Option<String>, String)>>| {
        let followed = followed.flatten();
        if !complete.get() {
            return followed;
        }
        let link = (target.get(), hash.get());
        if followed.as_ref() == Some(&link) {
            return followed;
        }
        let navigated = followed.is_some();
        // A link followed before the parts above a section's page have come in brings them
        // in and waits for them: its section may be among them.
        if navigated && !whole.get() {
            set_timeout(move || bring_in(whole), std::time::Duration::ZERO);
            return followed;
        }
        let (target, hash) = link.clone();
        request_animation_frame(move || {
            // A pre-rendered page already stands where the reader is (its boot script
            // opened the deep link at the section): keep that position.
            let took_over = !navigated && take_over();
            scroll_to_target(target, navigated, took_over);
            mark_linked_figure(&hash, took_over);
        });
        Some(link)
    });
}

/// The parts of the report before a section's page (its intro and earlier sections) come in
/// when the reader needs them: on scrolling up (by `SCROLLED_UP` from the lowest point read),
/// on printing, or on following a link (see `follow_target`). Until then the page reads as
/// its static copy did, from the section on, with the notice that leads to the whole report.
/// Drawn right after the take-over, they cost a phone some 300 ms of main thread (CPU 4×
/// slower) while the reader was reading the section below them (issue 12).
fn bring_in_earlier_parts(target: Memo<Option<String>>, whole: RwSignal<bool>) {
    #[cfg(target_arch = "wasm32")]
    {
        /// Pixels up from the lowest point read that bring the parts in: more than the
        /// corrections scroll anchoring and the take-over make.
        const SCROLLED_UP: f64 = 40.0;
        let lowest = StoredValue::new(window().scroll_y().unwrap_or(0.0));
        let _ = leptos_use_event_listener::use_event_listener(
            leptos_use_window::use_window(),
            leptos::ev::scroll,
            move |_| {
                if whole.try_get_untracked() != Some(false) {
                    return;
                }
                let y = window().scroll_y().unwrap_or(0.0);
                if y > lowest.get_value() {
                    lowest.set_value(y);
                } else if lowest.get_value() - y > SCROLLED_UP {
                    // An event's task, not a frame's: a frame requested from a frame
                    // callback is the one after the parts first paint.
                    keep_in_place(target.get_untracked(), move || bring_in(whole));
                }
            },
        );
        let _ = leptos_use_event_listener::use_event_listener(
            leptos_use_window::use_window(),
            leptos::ev::beforeprint,
            move |_| bring_in(whole),
        );
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (target, whole);
}

/// Brings the earlier parts in, once: set again, the signal would draw them anew. (The
/// view may be gone by then: a link followed meanwhile.)
fn bring_in(whole: RwSignal<bool>) {
    if whole.try_get_untracked() == Some(false) {
        whole.set(true);
    }
}

/// Runs `change` (which adds to the page above `anchor`) and keeps `anchor` where it stands
/// on screen, before the change is painted. Browsers with scroll anchoring do that
/// themselves; this covers the others and a page scrolled to its very top, where none
/// anchors. Call it outside a frame callback.
#[cfg(target_arch = "wasm32")]
fn keep_in_place(anchor: Option<String>, change: impl FnOnce()) {
    let top = |id: &str| {
        document()
            .get_element_by_id(id)
            .map(|element| element.get_bounding_client_rect().top())
    };
    let before = anchor.as_deref().and_then(top);
    change();
    let (Some(id), Some(before)) = (anchor, before) else {
        return;
    };
    // The added parts are drawn in an effect, before the next frame: look then.
    request_animation_frame(move || {
        if let Some(now) = top(&id) {
            if (now - before).abs() >= 1.0 {
                window().scroll_by_with_x_and_y(0.0, now - before);
            }
        }
    });
}

/// Brings the linked section into view (unless the page already stands there) and focuses its
/// heading; a link to the report itself goes back to the top.
fn scroll_to_target(target: Option<String>, navigated: bool, took_over: bool) {
    match target {
        Some(id) => {
            let Some(section) = document().get_element_by_id(&id) else {
                return;
            };
            if !took_over {
                section.scroll_into_view();
            }
            if let Some(heading) = section.first_element_child() {
                use wasm_bindgen::JsCast;
                if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
                    let options = web_sys::FocusOptions::new();
                    options.set_prevent_scroll(true);
                    let _ = heading.focus_with_options(&options);
                }
            }
        }
        None if navigated => window().scroll_to_with_x_and_y(0.0, 0.0),
        None => {}
    }
}

/// A link can name a figure or table cell (`…/s5#f-s5-0-51`, from the 图解 view): bring it
/// into view and mark it, so the reader sees exactly where the figure stands.
fn mark_linked_figure(hash: &str, took_over: bool) {
    remove_attribute_from_all("[data-linked]", "data-linked");
    let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) else {
        return;
    };
    let Some(figure) = document().get_element_by_id(id) else {
        return;
    };
    let _ = figure.set_attribute("data-linked", "");
    if !took_over {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        figure.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// The id of the section being read: the last one whose top has scrolled past the top band.
fn reading_position(target: Memo<Option<String>>) -> Signal<Option<String>> {
    let current = RwSignal::new(target.get_untracked());
    let scheduled = StoredValue::new(false);
    let measure = move || {
        let Ok(sections) = document().query_selector_all("article.report section.section") else {
            return;
        };
        let mut reading = None;
        for i in 0..sections.length() {
            let Some(node) = sections.item(i) else {
                continue;
            };
            use wasm_bindgen::JsCast;
            let Ok(el) = node.dyn_into::<web_sys::Element>() else {
                continue;
            };
            if el.get_bounding_client_rect().top() <= 120.0 {
                reading = Some(el.id());
            } else {
                break;
            }
        }
        if current.get_untracked() != reading {
            current.set(reading);
        }
    };
    // Measure at most once per frame however fast the reader scrolls.
    let _ = leptos_use_event_listener::use_event_listener(
        leptos_use_window::use_window(),
        leptos::ev::scroll,
        move |_| {
            if !scheduled.get_value() {
                scheduled.set_value(true);
                request_animation_frame(move || {
                    scheduled.set_value(false);
                    measure();
                });
            }
        },
    );
    current.into()
}
