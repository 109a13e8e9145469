//! `/checks`: the check-up (体检) by region. The reports are checked region by region
//! (`/checks/{slug}`), so that no page reads every report's check-up; this page lists the
//! top-level regions from `regions.json` with how much stands under each.

use std::sync::Arc;

use leptos::prelude::*;
use nianbao_model::RegionIndex;

use crate::components::checks_table::{RegionChecksLinks, CHECKS_LEDE};
use crate::components::loading::{show, Labels, Missing};
use crate::components::page_meta::PageMeta;
use crate::data::use_region_index;
use crate::site::route;
use crate::stylesheets::{use_stylesheet, Stylesheet};
use crate::takeover::TakeOver;

#[component]
pub fn ChecksPage() -> impl IntoView {
    use_stylesheet(Stylesheet::Compare);
    let content = show(
        use_region_index(),
        Labels {
            what: "地区列表",
            loading: "正在载入地区列表…",
        },
        Missing::default,
        |index| view! { <ChecksRegions index /> },
    );
    view! {
        <PageMeta
            title="年度报告体检".to_string()
            description="每份政府信息公开工作年度报告是否按期发布、内容是否齐全、数字是否一致。"
                .to_string()
            path=route::canonical(&route::checks())
        />
        <div class="checks-page">
            <h1>"年度报告体检"</h1>
            <p class="lede">{CHECKS_LEDE}</p>
            {content}
        </div>
    }
}

#[component]
fn ChecksRegions(index: Arc<RegionIndex>) -> impl IntoView {
    view! {
        <TakeOver />
        <section aria-labelledby="checks-regions">
            <h2 id="checks-regions">"按地区查看"</h2>
            <RegionChecksLinks regions=index.regions.clone() />
        </section>
    }
}
