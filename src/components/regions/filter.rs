//! The home page's filter: narrows to the bodies whose name, pinyin initials or region contain
//! what the reader types. The list of names is fetched at the first keystroke, never before;
//! the text stands in the address (`/?filter=平潭`), so a filtered list can be shared.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use nianbao_model::NameIndex;

use crate::api::LoadError;
use crate::data::names_on_demand;
use crate::site::{route, use_site_base};

/// At most this many bodies are listed; more letters narrow further.
const SHOWN: usize = 50;

/// The filter field and, while it holds text, the bodies it matches. `filtering` is true
/// while the list replaces the tree.
#[component]
pub fn BodyFilter(filtering: RwSignal<bool>) -> impl IntoView {
    let params = use_query_map();
    let navigate = use_navigate();
    let base = use_site_base();
    let text = Memo::new(move |_| params.with(|p| p.get("filter").unwrap_or_default()));
    let names: RwSignal<Option<Result<Arc<NameIndex>, LoadError>>> = RwSignal::new(None);
    let requested = StoredValue::new(false);
    let request = move || {
        if !requested.get_value() {
            requested.set_value(true);
            let load = names_on_demand();
            leptos::task::spawn_local(async move { names.set(Some(load.await)) });
        }
    };
    Effect::new(move |_| {
        let active = !text.get().trim().is_empty();
        filtering.set(active);
        if active {
            request();
        }
    });
    let on_input = {
        let base = base.clone();
        move |event| {
            let value: String = event_target_value(&event);
            // Each keystroke replaces the address rather than filling the history.
            navigate(
                &base.href(&route::catalog_filter(&value)),
                NavigateOptions {
                    resolve: false,
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            );
        }
    };
    let results = move || {
        let query = text.get();
        if query.trim().is_empty() {
            return None;
        }
        let view = match names.get() {
            None => view! { <p class="loading">"正在载入机关名单…"</p> }.into_any(),
            Some(Err(error)) => view! {
                <p class="load-error" role="alert">
                    {format!(
                        "无法载入机关名单：{error}。可以清空筛选，按地区逐级查找。",
                    )}
                </p>
            }
            .into_any(),
            Some(Ok(index)) => matches(&index, &query, &use_site_base()),
        };
        Some(view)
    };
    view! {
        <div class="body-filter" role="search">
            <label for="body-filter-input">"筛选机关"</label>
            <input
                id="body-filter-input"
                type="search"
                placeholder="机关名称、拼音首字母或地区，如：平潭、ptx"
                autocomplete="off"
                prop:value=move || text.get()
                on:input=on_input
            />
            <div class="body-filter-results" aria-live="polite">
                {results}
            </div>
        </div>
    }
}

fn matches(index: &NameIndex, query: &str, base: &crate::site::SiteBase) -> AnyView {
    let found = index.matching(query, SHOWN + 1);
    if found.is_empty() {
        return view! {
            <p class="filter-none">
                {format!(
                    "没有名称、拼音首字母或所在地区含“{}”的机关。",
                    query.trim(),
                )}
            </p>
        }
        .into_any();
    }
    let more = found.len() > SHOWN;
    let summary = if more {
        format!("找到超过{SHOWN}个机关，只列出前{SHOWN}个；再多输入几个字可以缩小范围。")
    } else {
        format!("找到{}个机关。", found.len())
    };
    let items = found
        .into_iter()
        .take(SHOWN)
        .map(|body| {
            view! {
                <li class="body">
                    <a class="body-name" href=base.href(&route::agency(&body.id))>
                        {body.name.clone()}
                    </a>
                    <span class="report-meta">{body.region.join(" › ")}</span>
                    <a class="body-latest" href=base.href(&route::report(&body.id, body.latest))>
                        {format!("最新：{}年度报告", body.latest)}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <p class="filter-count">{summary}</p>
        <ul class="body-list">{items}</ul>
    }
    .into_any()
}
