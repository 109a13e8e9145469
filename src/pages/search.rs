//! `/search?q=…&agency=…&year=…`: full-text search over every report's sections. The query
//! and filters live in the URL (shareable; the back button brings them back); the page is
//! pre-rendered as an empty shell that the app fills.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use nianbao_model::Catalog;

use crate::components::loading::{show, Labels, Missing};
use crate::components::page_meta::PageMeta;
use crate::components::search::{use_search, HitLink, Outcome};
use crate::data::use_catalog;
use crate::search::Query;
use crate::site::{route, use_site_base};
use crate::takeover::TakeOver;

/// How many hits the page lists.
const PAGE_HITS: u32 = 50;

#[component]
pub fn SearchPage() -> impl IntoView {
    let content = show(
        use_catalog(),
        Labels {
            what: "报告目录",
            loading: "正在载入报告目录…",
        },
        Missing::default,
        |catalog| view! { <SearchView catalog /> },
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
fn SearchView(catalog: Arc<Catalog>) -> impl IntoView {
    let params = use_query_map();
    let navigate = use_navigate();
    let base = use_site_base();
    let query = Memo::new(move |_| {
        params.with(|p| Query {
            text: p.get("q").unwrap_or_default(),
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
            let url = base.href(&route::search(&next.text, &next.agency, &next.year));
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
    let mut years: Vec<u16> = catalog
        .agencies
        .iter()
        .flat_map(|a| a.reports.iter().map(|r| r.year))
        .collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let agencies: Vec<(String, String)> = catalog
        .agencies
        .iter()
        .map(|a| (a.agency.id.clone(), a.agency.name.clone()))
        .collect();

    let on_text = {
        let go = go.clone();
        move |event| {
            let mut next = query.get_untracked();
            next.text = event_target_value(&event);
            go(next);
        }
    };
    let on_agency = {
        let go = go.clone();
        move |event| {
            let mut next = query.get_untracked();
            next.agency = event_target_value(&event);
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
            let filtered = !found.agency.is_empty() || !found.year.is_empty();
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
            <label for="search-agency">"机关"</label>
            <select
                id="search-agency"
                name="agency"
                prop:value=move || query.read().agency.clone()
                on:change=on_agency
            >
                <option value="">"全部机关"</option>
                {agencies
                    .into_iter()
                    .map(|(id, name)| view! { <option value=id>{name}</option> })
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
        </form>
        <div class="search-results" aria-live="polite">
            {results}
        </div>
        <TakeOver />
    }
}
