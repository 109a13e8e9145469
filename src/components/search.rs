//! The header's search field (`/` focuses it): results as the reader types, each a link to
//! its section; ↑ ↓ move through them, Enter opens, Esc closes. Enter in the field opens the
//! search page with the query. The index is fetched only once the field is focused.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use crate::search::{excerpt_pieces, preload, search, Hit, Hits, Query};
use crate::site::{route, use_site_base};

/// How many hits the header shows (the search page shows more).
const HEADER_HITS: u32 = 8;

/// Id of the header's search field (the `/` shortcut focuses it).
pub const SEARCH_INPUT_ID: &str = "site-search-input";

/// Whether a key event comes from a place where the reader types (shortcuts stay off there).
pub fn typing(event: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.is_content_editable()
}

/// What a search shows: nothing yet, waiting, hits, or a failure.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Idle,
    Searching,
    Found(Query, Hits),
    Failed,
}

/// Runs the query in `query` whenever it changes (empty: idle); a later query wins over an
/// earlier one still running.
pub fn use_search(query: Signal<Query>, limit: u32) -> ReadSignal<Outcome> {
    let (outcome, set_outcome) = signal(Outcome::Idle);
    let generation = StoredValue::new(0u32);
    let base = use_site_base();
    Effect::new(move |_| {
        let query = query.get();
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        if query.text.trim().is_empty() {
            set_outcome.set(Outcome::Idle);
            return;
        }
        set_outcome.set(Outcome::Searching);
        let base = base.clone();
        leptos::task::spawn_local(async move {
            let result = search(&base, &query, limit).await;
            if generation.get_value() == mine {
                set_outcome.set(match result {
                    Ok(hits) => Outcome::Found(query, hits),
                    Err(_) => Outcome::Failed,
                });
            }
        });
    });
    outcome
}

/// One hit: heading, body and year, the excerpt with the matching words marked.
#[component]
pub fn HitLink(hit: Hit, #[prop(optional)] on_open: Option<Callback<()>>) -> impl IntoView {
    let base = use_site_base();
    let excerpt = excerpt_pieces(&hit.excerpt)
        .into_iter()
        .map(|(text, marked)| {
            if marked {
                view! { <mark>{text}</mark> }.into_any()
            } else {
                text.into_any()
            }
        })
        .collect_view();
    view! {
        <a
            class="search-hit"
            href=base.href(&hit.path)
            on:click=move |_| {
                if let Some(on_open) = on_open {
                    on_open.run(());
                }
            }
        >
            <span class="search-hit-title">{hit.title}</span>
            <span class="search-hit-meta">{format!("{} · {}年度", hit.agency, hit.year)}</span>
            <span class="search-hit-excerpt">{excerpt}</span>
        </a>
    }
}

/// Moves focus to the next (`step` 1) or previous (-1) hit link inside `container`; from the
/// first hit upwards it goes back to `input`.
fn move_focus(container: &web_sys::Element, input: &web_sys::HtmlElement, step: i32) {
    let Ok(links) = container.query_selector_all("a.search-hit") else {
        return;
    };
    let active = document().active_element();
    let mut at: Option<u32> = None;
    for i in 0..links.length() {
        if let (Some(link), Some(active)) = (links.item(i), active.as_ref()) {
            if link.is_same_node(Some(active.unchecked_ref())) {
                at = Some(i);
            }
        }
    }
    let next = match (at, step) {
        (None, s) if s > 0 => Some(0),
        (None, _) => links.length().checked_sub(1),
        (Some(0), s) if s < 0 => None,
        (Some(i), s) if s < 0 => Some(i - 1),
        (Some(i), _) => Some((i + 1).min(links.length().saturating_sub(1))),
    };
    match next.and_then(|i| links.item(i)) {
        Some(link) => {
            if let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() {
                let _ = link.focus();
            }
        }
        None => {
            let _ = input.focus();
        }
    }
}

#[component]
pub fn SearchBox() -> impl IntoView {
    let base = use_site_base();
    let navigate = use_navigate();
    let text = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let query = Signal::derive(move || Query::words(&text.get()));
    let outcome = use_search(query, HEADER_HITS);

    // `/` anywhere but in a field focuses the search field.
    let _ = leptos_use_event_listener::use_event_listener(
        leptos_use_window::use_window(),
        leptos::ev::keydown,
        move |event: web_sys::KeyboardEvent| {
            if event.key() == "/" && !typing(&event) && !event.ctrl_key() && !event.meta_key() {
                if let Some(input) = input_ref.get_untracked() {
                    event.prevent_default();
                    let _ = input.focus();
                }
            }
        },
    );

    let close = Callback::new(move |_| open.set(false));
    let on_keydown = move |event: web_sys::KeyboardEvent| {
        let (Some(form), Some(input)) = (form_ref.get_untracked(), input_ref.get_untracked())
        else {
            return;
        };
        let input: web_sys::HtmlElement = input.unchecked_into();
        match event.key().as_str() {
            "ArrowDown" | "ArrowUp" if open.get_untracked() => {
                event.prevent_default();
                let step = if event.key() == "ArrowDown" { 1 } else { -1 };
                move_focus(&form, &input, step);
            }
            "Escape" => {
                open.set(false);
                let _ = input.focus();
            }
            _ => {}
        }
    };
    let on_submit = {
        let base = base.clone();
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            open.set(false);
            let url = base.href(&route::search(&Query::words(&text.get_untracked())));
            navigate(
                &url,
                NavigateOptions {
                    resolve: false,
                    ..Default::default()
                },
            );
        }
    };
    // Focus leaving the form (not moving to a hit) closes the results.
    let on_focusout = move |event: web_sys::FocusEvent| {
        let inside = event
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .zip(form_ref.get_untracked())
            .is_some_and(|(node, form)| form.contains(Some(&node)));
        if !inside {
            open.set(false);
        }
    };

    let results = move || {
        let status = match outcome.get() {
            Outcome::Idle => return None,
            Outcome::Searching => view! { <p class="search-status">"正在搜索…"</p> }.into_any(),
            Outcome::Failed => {
                view! { <p class="search-status">"搜索暂时无法使用，请稍后再试。"</p> }.into_any()
            }
            Outcome::Found(query, hits) if hits.hits.is_empty() => view! {
                <p class="search-status">
                    {format!("没有找到与“{}”相关的章节。", query.text)}
                </p>
            }
            .into_any(),
            Outcome::Found(query, hits) => {
                let more = (hits.total > hits.hits.len()).then(|| {
                    view! {
                        <p class="search-more">
                            <a
                                href=use_site_base()
                                    .href(&route::search(&Query::words(&query.text)))
                                on:click=move |_| close.run(())
                            >
                                {format!("查看全部 {} 条结果", hits.total)}
                            </a>
                        </p>
                    }
                });
                view! {
                    <p class="search-status">{format!("找到 {} 个章节", hits.total)}</p>
                    <ul class="search-hits">
                        {hits
                            .hits
                            .into_iter()
                            .map(|hit| {
                                view! {
                                    <li>
                                        <HitLink hit on_open=close />
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    {more}
                }
                .into_any()
            }
        };
        Some(status)
    };

    view! {
        <form
            class="site-search"
            role="search"
            action=base.href(&route::canonical(route::SEARCH))
            method="get"
            node_ref=form_ref
            on:submit=on_submit
            on:keydown=on_keydown
            on:focusout=on_focusout
        >
            <label class="visually-hidden" for=SEARCH_INPUT_ID>
                "搜索报告"
            </label>
            <input
                id=SEARCH_INPUT_ID
                node_ref=input_ref
                type="search"
                name="q"
                autocomplete="off"
                placeholder="搜索报告（按 / 键）"
                aria-describedby="site-search-results"
                prop:value=move || text.get()
                on:focus={
                    let base = base.clone();
                    move |_| {
                        preload(&base);
                        open.set(true);
                    }
                }
                on:input=move |event| {
                    text.set(event_target_value(&event));
                    open.set(true);
                }
            />
            <div
                id="site-search-results"
                class="search-popup"
                aria-live="polite"
                hidden=move || !open.get() || matches!(outcome.get(), Outcome::Idle)
            >
                {results}
            </div>
        </form>
    }
}
