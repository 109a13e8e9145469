//! `/{agency}`: an agency's reports and all its indicators over the years;
//! `/{agency}/indicators/{key}`: one chart on a page of its own, its year range in the URL
//! (`?from=2019&to=2024`).

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use nianbao_model::series::{agency_charts, chart_plan, series_def, ChartPlan};
use nianbao_model::Series;

use crate::components::chart::IndicatorChart;
use crate::components::compare_picker::ComparePicker;
use crate::components::loading::{show, Labels, Missing};
use crate::components::not_found::NotFound;
use crate::components::offline::SaveOffline;
use crate::components::page_meta::PageMeta;
use crate::components::regions::RegionPath;
use crate::data::{use_agency, AgencyData};
use crate::params::{use_agency_address, AgencyAddress};
use crate::search::Query;
use crate::site::{anchor, route, use_site_base};
use crate::takeover::TakeOver;

const LABELS: Labels = Labels {
    what: "指标图表",
    loading: "正在载入指标数据…",
};

fn missing_agency(address: Memo<AgencyAddress>) -> impl Fn() -> Missing + Clone + Send + Sync {
    move || Missing {
        what: Some(format!("机关“{}”", address.get_untracked().agency)),
        agency: None,
    }
}

#[component]
pub fn AgencyPage() -> impl IntoView {
    let address = use_agency_address();
    show(
        use_agency(address),
        LABELS,
        missing_agency(address),
        |data| view! { <AgencyView data /> },
    )
}

#[component]
fn AgencyView(data: AgencyData) -> impl IntoView {
    let base = use_site_base();
    let id = data.entry.agency.id.clone();
    let name = data.entry.agency.name.clone();
    let plans = agency_charts(&data.series);
    let (first, last) = data.years();
    let charts = plans
        .iter()
        .map(|plan| {
            let series: Vec<Series> = plan.pick(&data.series).cloned().collect();
            view! {
                <IndicatorChart
                    series=series
                    title=plan.title.clone()
                    id=anchor::chart(&plan.key)
                    permalink=route::indicator(&id, &plan.key)
                    heading_level=3
                />
            }
        })
        .collect_view();
    // As the browser has it (with or without the trailing slash a static host adds).
    #[cfg(target_arch = "wasm32")]
    let page_path = window()
        .location()
        .pathname()
        .unwrap_or_else(|_| base.href(&route::agency(&id)));
    #[cfg(not(target_arch = "wasm32"))]
    let page_path = base.href(&route::canonical(&route::agency(&id)));
    let contents = plans
        .iter()
        .map(|plan| {
            // The page's own address before the fragment (under <base href> a bare "#…"
            // names the site's root); rel=external: the browser just scrolls.
            let href = format!("{page_path}#{}", anchor::chart(&plan.key));
            view! {
                <li>
                    <a href=href rel="external">
                        {plan.title.clone()}
                    </a>
                </li>
            }
        })
        .collect_view();
    let report_years: Vec<u16> = data.entry.reports.iter().map(|r| r.year).collect();
    // The catalog lists the newest year first.
    let reports = data
        .entry
        .reports
        .iter()
        .map(|r| {
            view! {
                <li>
                    <a href=base.href(&route::report(&id, r.year)) title=r.title.clone()>
                        {format!("{}年度", r.year)}
                    </a>
                    <span class="report-meta">{r.format.label()}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <PageMeta
            title=format!("{name} · 历年指标")
            description=format!(
                "{name}{first}—{last}年度政府信息公开工作年度报告中的主要数字：依申请公开、行政复议与诉讼、主动公开等，逐年对照。",
            )
            path=route::canonical(&route::agency(&id))
        />
        <TakeOver />
        <div class="agency-page">
            <RegionPath regions=data.entry.agency.region.clone() />
            <h1>{name.clone()}</h1>
            <p class="lede">
                {format!(
                    "{first}—{last}年度政府信息公开工作年度报告中的数字，逐年对照。每个数字都链接到它所在的报告章节；报告未载明的年度留空，不作0处理。",
                )}
            </p>
            <section aria-labelledby="agency-reports">
                <h2 id="agency-reports">"历年报告"</h2>
                <ul class="year-list">{reports}</ul>
                <p class="agency-search">
                    <a href=base
                        .href(
                            &route::search(
                                &Query {
                                    agency: id.clone(),
                                    ..Query::default()
                                },
                            ),
                        )>{format!("在{name}的历年报告中搜索")}</a>
                </p>
                <SaveOffline agency=id.clone() name=name.clone() years=report_years.clone() />
            </section>
            <ComparePicker agency=id.clone() years=report_years />
            <section aria-labelledby="agency-indicators">
                <h2 id="agency-indicators">"历年指标"</h2>
                <nav class="chart-index" aria-label="指标目录">
                    <ul>{contents}</ul>
                </nav>
                <div class="chart-list">{charts}</div>
            </section>
        </div>
    }
}

#[component]
pub fn IndicatorPage() -> impl IntoView {
    let address = use_agency_address();
    let key = Memo::new(move |_| address.with(|a| a.indicator.clone().unwrap_or_default()));
    // Moving from one chart's page to another's keeps this route: follow the key.
    show(
        use_agency(address),
        LABELS,
        missing_agency(address),
        move |data| {
            move || match chart_plan(&key.get()) {
                Some(plan) => view! { <IndicatorView data=data.clone() plan /> }.into_any(),
                None => view! {
                    <NotFound
                        what=Some(format!("指标“{}”", key.get_untracked()))
                        agency=Some(data.entry.agency.id.clone())
                    />
                }
                .into_any(),
            }
        },
    )
}

/// A year from the query, if it is one.
fn query_year(value: Option<String>) -> Option<u16> {
    value.and_then(|v| v.trim().parse::<u16>().ok())
}

#[component]
fn IndicatorView(data: AgencyData, plan: ChartPlan) -> impl IntoView {
    let base = use_site_base();
    let query = use_query_map();
    let navigate = use_navigate();
    let all: Vec<Series> = plan.pick(&data.series).cloned().collect();
    let years = crate::charts::years(&all);
    let (first, last) = (
        years.first().copied().unwrap_or_default(),
        years.last().copied().unwrap_or_default(),
    );
    let from = Memo::new(move |_| {
        query_year(query.read().get("from")).filter(|y| (first..=last).contains(y))
    });
    let to = Memo::new(move |_| {
        query_year(query.read().get("to")).filter(|y| (first..=last).contains(y))
    });
    let shown = {
        let all = all.clone();
        Signal::derive(move || {
            let (from, to) = (from.get(), to.get());
            // A reversed range reads as the same years.
            let (from, to) = match (from, to) {
                (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
                other => other,
            };
            all.iter().map(|s| s.narrowed(from, to)).collect::<Vec<_>>()
        })
    };
    let path = route::indicator(&data.entry.agency.id, &plan.key);
    let set_range = {
        let path = path.clone();
        let base = base.clone();
        move |from: Option<u16>, to: Option<u16>| {
            let mut query = Vec::new();
            if let Some(from) = from.filter(|y| *y != first) {
                query.push(format!("from={from}"));
            }
            if let Some(to) = to.filter(|y| *y != last) {
                query.push(format!("to={to}"));
            }
            let url = if query.is_empty() {
                base.href(&path)
            } else {
                format!("{}?{}", base.href(&path), query.join("&"))
            };
            // `url` already carries the site's base: the router must not add it again.
            navigate(
                &url,
                NavigateOptions {
                    resolve: false,
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            );
        }
    };
    let year_options = move |selected: Memo<Option<u16>>, default: u16| {
        years
            .iter()
            .map(|&y| {
                view! {
                    <option
                        value=y.to_string()
                        selected=move || selected.get().unwrap_or(default) == y
                    >
                        {format!("{y}年")}
                    </option>
                }
            })
            .collect_view()
    };
    let on_from = {
        let set_range = set_range.clone();
        move |ev| set_range(event_target_value(&ev).parse().ok(), to.get_untracked())
    };
    let on_to = {
        let set_range = set_range.clone();
        move |ev| set_range(from.get_untracked(), event_target_value(&ev).parse().ok())
    };
    let narrowed = move || from.get().is_some() || to.get().is_some();
    let reset = move |_| set_range(None, None);
    let agency_name = data.entry.agency.name.clone();
    let notes = plan
        .series
        .iter()
        .filter_map(|key| series_def(key))
        .map(|def| {
            view! {
                <li>
                    <code>{def.key}</code>
                    " "
                    <strong>{def.label}</strong>
                    {format!("（{}）：{}", def.unit, def.doc)}
                </li>
            }
        })
        .collect_view();
    view! {
        <PageMeta
            title=format!("{} · {agency_name}", plan.title)
            description=format!(
                "{agency_name}历年政府信息公开工作年度报告中的“{}”，逐年对照，附数据表与来源。",
                plan.title,
            )
            path=route::canonical(&path)
        />
        <TakeOver />
        <div class="indicator-page">
            <p class="breadcrumb">
                <a href=base
                    .href(
                        &route::agency(&data.entry.agency.id),
                    )>{format!("{agency_name} · 历年指标")}</a>
            </p>
            <h1>{plan.title.clone()}</h1>
            <p class="lede">{format!("{agency_name}，{first}—{last}年度。")}</p>
            <form
                class="year-range"
                aria-label="选择年度范围"
                on:submit=|ev| ev.prevent_default()
            >
                <label>
                    "起始年度 " <select name="from" on:change=on_from>
                        {year_options(from, first)}
                    </select>
                </label>
                <label>
                    "结束年度 " <select name="to" on:change=on_to>
                        {year_options(to, last)}
                    </select>
                </label>
                {move || {
                    narrowed()
                        .then(|| {
                            view! {
                                <button type="button" on:click=reset.clone()>
                                    "显示全部年度"
                                </button>
                            }
                        })
                }}
            </form>
            <IndicatorChart
                series=shown
                title=plan.title.clone()
                id=anchor::chart(&plan.key)
                permalink=path.clone()
                heading_level=2
            />
            <section class="indicator-notes" aria-labelledby="indicator-notes">
                <h2 id="indicator-notes">"指标说明"</h2>
                <ul>{notes}</ul>
            </section>
        </div>
    }
}
