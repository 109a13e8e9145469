//! `/search?q=…&region=…&agency=…&year=…`: full-text search over every report's sections. The
//! query and filters live in the URL (shareable; the back button brings them back); the page
//! is pre-rendered as an empty shell that the app fills. The filters' choices come from
//! `regions.json` (top-level regions, years), a size that does not grow with the bodies; a body
//! filter comes from a body's page (`?agency=…`) and shows the body's name from its own file.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use nianbao_model::RegionIndex;

use crate::components::loading::{show, Labels, Missing};
use crate::components::page_meta::PageMeta;
use crate::components::search::{use_search, HitLink, Outcome};
use crate::data::{use_agency_entry, use_region_index};
use crate::search::Query;
use crate::site::{route, use_site_base};
use crate::stylesheets::{use_stylesheet, Stylesheet};
use crate::takeover::TakeOver;

/// How many hits the page lists.
const PAGE_HITS: u32 = 50;

#[component]
pub fn SearchPage() -> impl IntoView {
    use_stylesheet(Stylesheet::Catalog);
    let content = show(
        use_region_index(),
        Labels {
            what: "报告目录",
            loading: "正在载入报告目录…",
        },
        Missing::default,
        |index| view! { <SearchView index /> },
    );
    view! {
        <PageMeta
            title="搜索报告".to_string()
            description="在各机关历年政府信息公开工作年度报告的全文中搜索，直达相关章节。"
                .to_string()
            path=route::canonical(route::SEARCH)
        />
        <div class="search-page">
            <h1>"搜索报告"</h1>
            {content}
        </div>
    }
}

#[component]
fn SearchView(index: Arc<RegionIndex>) -> impl IntoView {
    let params = use_query_map();
    let navigate = use_navigate();
    let base = use_site_base();
    let query = Memo::new(move |_| {
        params.with(|p| Query {
            text: p.get("q").unwrap_or_default(),
            region: p.get("region").unwrap_or_default(),
            agency: p.get("agency").unwrap_or_default(),
            year: p.get("year").unwrap_or_default(),
        })
    });
    let outcome = use_search(query.into(), PAGE_HITS);
    // Each change replaces the address (typing would otherwise fill the history); the
    // address of the page as the reader left it is what the back button returns to.
    let go = {
        let base = base.clone();
        move |next: Query| {
            let url = base.href(&route::search(&next));
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
    let regions: Vec<(String, String)> = index
        .regions
        .iter()
        .map(|r| (r.region.slug.clone(), r.region.name.clone()))
        .collect();
    let years = index.years.clone();
    let agency = Memo::new(move |_| query.read().agency.clone());

    let on_text = {
        let go = go.clone();
        move |event| {
            let mut next = query.get_untracked();
            next.text = event_target_value(&event);
            go(next);
        }
    };
    let on_region = {
        let go = go.clone();
        move |event| {
            let mut next = query.get_untracked();
            next.region = event_target_value(&event);
            go(next);
        }
    };
    let clear_agency = {
        let go = go.clone();
        move || {
            let mut next = query.get_untracked();
            next.agency.clear();
            go(next);
        }
    };
    let on_year = {
        let go = go.clone();
        move |event| {
            let mut next = query.get_untracked();
            next.year = event_target_value(&event);
            go(next);
        }
    };
    let clear_filters = move |_| {
        let mut next = query.get_untracked();
        next.region.clear();
        next.agency.clear();
        next.year.clear();
        go(next);
    };

    let results = move || match outcome.get() {
        Outcome::Idle => view! {
            <p class="search-status">
                "输入词语搜索，例如“信息处理费”“行政复议”。"
            </p>
        }
        .into_any(),
        Outcome::Searching => view! { <p class="search-status">"正在搜索…"</p> }.into_any(),
        Outcome::Failed => {
            view! { <p class="search-status">"搜索暂时无法使用，请稍后再试。"</p> }.into_any()
        }
        Outcome::Found(found, hits) if hits.hits.is_empty() => {
            let filtered = found.filtered();
            view! {
                <p class="search-status">
                    {format!("没有找到与“{}”相关的章节。", found.text)}
                    {filtered
                        .then(|| {
                            view! {
                                " "
                                <button type="button" on:click=clear_filters.clone()>
                                    "去掉筛选条件再试"
                                </button>
                            }
                        })}
                </p>
            }
            .into_any()
        }
        Outcome::Found(_, hits) => view! {
            <p class="search-status">{format!("找到 {} 个章节", hits.total)}</p>
            <ol class="search-hits">
                {hits
                    .hits
                    .into_iter()
                    .map(|hit| {
                        view! {
                            <li>
                                <HitLink hit />
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        }
        .into_any(),
    };

    view! {
        <form
            class="search-form"
            role="search"
            action=base.href(&route::canonical(route::SEARCH))
            method="get"
            on:submit=|event| event.prevent_default()
        >
            <label for="search-page-input">"搜索词"</label>
            <input
                id="search-page-input"
                type="search"
                name="q"
                autocomplete="off"
                prop:value=move || query.read().text.clone()
                on:input=on_text
            />
            <label for="search-region">"地区"</label>
            <select
                id="search-region"
                name="region"
                prop:value=move || query.read().region.clone()
                on:change=on_region
            >
                <option value="">"全部地区"</option>
                {regions
                    .into_iter()
                    .map(|(slug, name)| view! { <option value=slug>{name}</option> })
                    .collect_view()}
            </select>
            <label for="search-year">"年度"</label>
            <select
                id="search-year"
                name="year"
                prop:value=move || query.read().year.clone()
                on:change=on_year
            >
                <option value="">"全部年度"</option>
                {years
                    .into_iter()
                    .map(|y| view! { <option value=y.to_string()>{format!("{y}年度")}</option> })
                    .collect_view()}
            </select>
            {move || {
                let id = agency.get();
                (!id.is_empty())
                    .then(|| {
                        let clear = clear_agency.clone();
                        view! {
                            <AgencyFilter agency=id on_clear=Callback::new(move |_| clear()) />
                        }
                    })
            }}
        </form>
        <div class="search-results" aria-live="polite">
            {results}
        </div>
        <TakeOver />
    }
}

/// The body a search is narrowed to (from a body's page), by name once its file is in, with a
/// button that drops it. The hidden field keeps it in the form's plain GET.
#[component]
fn AgencyFilter(agency: String, on_clear: Callback<()>) -> impl IntoView {
    let entry = use_agency_entry(agency.clone());
    let name = {
        let agency = agency.clone();
        move || {
            entry
                .get()
                .flatten()
                .map(|e| e.agency.name)
                .unwrap_or_else(|| agency.clone())
        }
    };
    view! {
        <p class="search-agency">
            <input type="hidden" name="agency" value=agency />
            "只搜索："
            {name}
            " "
            <button type="button" on:click=move |_| on_clear.run(())>
                "搜索全部机关"
            </button>
        </p>
    }
}
