//! The home page's tree of regions. A branch fetches its region's file only when a reader
//! opens it, so the home page loads the small index and nothing that grows with the catalog.

use leptos::prelude::*;
use nianbao_model::RegionSummary;

use super::{counts, BodyList};
use crate::data::use_region_on_demand;
use crate::site::{route, use_site_base};

/// Regions as branches that open on demand. (Returns `AnyView`: a branch holds a tree, and
/// the type of a view may not contain itself.)
#[component]
pub fn RegionTree(regions: Vec<RegionSummary>) -> AnyView {
    let branches = regions
        .into_iter()
        .map(|region| {
            view! {
                <li>
                    <RegionBranch region />
                </li>
            }
        })
        .collect_view();
    view! { <ul class="region-tree">{branches}</ul> }.into_any()
}

#[component]
fn RegionBranch(region: RegionSummary) -> impl IntoView {
    let base = use_site_base();
    let opened = RwSignal::new(false);
    let slug = region.region.slug.clone();
    let page = base.href(&route::region(&slug));
    let name = region.region.name.clone();
    let contents = {
        let page = page.clone();
        move || {
            // Opened once: the branch keeps what it loaded when closed again.
            opened.get().then(|| {
                let shard = use_region_on_demand(slug.clone());
                let page = page.clone();
                Suspend::new(async move {
                    match shard.await {
                        Ok(shard) => view! {
                            <RegionTree regions=shard.children.clone() />
                            <BodyList bodies=shard.agencies.clone() />
                        }
                        .into_any(),
                        Err(error) => view! {
                            <p class="load-error" role="alert">
                                {format!("无法载入这个地区的机关列表：{error}。")}
                                <a href=page>"打开地区页面"</a>
                            </p>
                        }
                        .into_any(),
                    }
                })
            })
        }
    };
    let on_toggle = move |event: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let open = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
            .is_some_and(|details| details.open());
        if open && !opened.get_untracked() {
            opened.set(true);
        }
    };
    view! {
        <details class="region" on:toggle=on_toggle>
            <summary>
                <span class="region-name">{name.clone()}</span>
                <span class="region-counts">{counts(&region)}</span>
            </summary>
            <div class="region-contents">
                <Suspense fallback=|| {
                    view! { <p class="loading">"正在载入…"</p> }
                }>{contents}</Suspense>
                <p class="region-page-link">
                    <a href=page>{format!("{name}：地区页面")}</a>
                </p>
            </div>
        </details>
    }
}
