//! `/region/{slug}`: a region's sub-regions and its bodies, each with its latest report.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::loading::{show, Labels, Missing};
use crate::components::page_meta::PageMeta;
use crate::components::regions::{counts, BodyList, RegionPath};
use crate::data::use_region;
use crate::site::{route, use_site_base};
use crate::stylesheets::{use_stylesheet, Stylesheet};
use crate::takeover::TakeOver;

#[component]
pub fn RegionPage() -> impl IntoView {
    use_stylesheet(Stylesheet::Catalog);
    let params = use_params_map();
    let slug = Memo::new(move |_| params.with(|p| p.get("slug").unwrap_or_default()));
    show(
        use_region(slug),
        Labels {
            what: "地区",
            loading: "正在载入地区的机关列表…",
        },
        move || Missing {
            what: Some(format!("地区“{}”", slug.get_untracked())),
            agency: None,
        },
        |shard| {
            let base = use_site_base();
            let region = shard.region.clone();
            let name = region.region.name.clone();
            let code = region
                .region
                .code
                .clone()
                .map(|code| format!("行政区划代码 {code}"));
            let children = shard
                .children
                .iter()
                .map(|child| {
                    view! {
                        <li>
                            <a href=base
                                .href(
                                    &route::region(&child.region.slug),
                                )>{child.region.name.clone()}</a>
                            <span class="report-meta">{counts(child)}</span>
                        </li>
                    }
                })
                .collect_view();
            let has_children = !shard.children.is_empty();
            let has_bodies = !shard.agencies.is_empty();
            view! {
                <PageMeta
                    title=format!("{name} · 政府信息公开工作年度报告")
                    description=format!(
                        "{name}各机关的政府信息公开工作年度报告：{}。",
                        counts(&region),
                    )
                    path=route::canonical(&route::region(&region.region.slug))
                />
                <TakeOver />
                <div class="catalog region-page">
                    <RegionPath regions=shard.path.clone() />
                    <h1>{name.clone()}</h1>
                    <p class="lede">{counts(&region)} {code.map(|c| format!(" · {c}"))}</p>
                    {has_children
                        .then(|| {
                            view! {
                                <section aria-labelledby="sub-regions">
                                    <h2 id="sub-regions">"下级地区"</h2>
                                    <ul class="report-list">{children}</ul>
                                </section>
                            }
                        })}
                    {has_bodies
                        .then(|| {
                            view! {
                                <section aria-labelledby="region-bodies">
                                    <h2 id="region-bodies">{format!("{name}的机关")}</h2>
                                    <BodyList bodies=shard.agencies.clone() />
                                </section>
                            }
                        })}
                </div>
            }
        },
    )
}
