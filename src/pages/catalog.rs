//! `/`: the catalog by region — the newest reports, a tree of regions that opens on demand,
//! and a filter over every body's name. It loads `regions.json` only: a region's file when a
//! reader opens it, the names at the first keystroke in the filter.

use std::sync::Arc;

use leptos::prelude::*;
use nianbao_model::format::chinese_date;
use nianbao_model::RegionIndex;

use crate::components::loading::{show, Labels, Missing};
use crate::components::page_meta::PageMeta;
use crate::components::regions::{BodyFilter, RegionTree};
use crate::data::use_region_index;
use crate::site::{route, use_site_base};
use crate::stylesheets::{use_stylesheet, Stylesheet};
use crate::takeover::TakeOver;

#[component]
pub fn CatalogPage() -> impl IntoView {
    use_stylesheet(Stylesheet::Catalog);
    let base = use_site_base();
    let content = show(
        use_region_index(),
        Labels {
            what: "报告目录",
            loading: "正在载入报告目录…",
        },
        Missing::default,
        |index| view! { <Catalog index /> },
    );
    view! {
        <PageMeta
            title="政府信息公开工作年度报告".to_string()
            description="按地区和机关阅读政府信息公开工作年度报告全文，可分享到具体章节。"
                .to_string()
            path="/".to_string()
        />
        <div class="catalog">
            <h1>"政府信息公开工作年度报告"</h1>
            <p class="lede">
                "各级政府机关每年公布上一年度的政府信息公开工作情况。在这里按地区和机关阅读报告全文，可分享到具体章节。"
            </p>
            <p class="catalog-tools">
                <a href=base
                    .href(
                        &route::checks(),
                    )>"年度报告体检：是否按期、齐全、数字一致"</a>
                " · "
                <a href=base.href(&route::overview())>"全部机关逐年合计"</a>
            </p>
            {content}
        </div>
    }
}

#[component]
fn Catalog(index: Arc<RegionIndex>) -> impl IntoView {
    let base = use_site_base();
    let filtering = RwSignal::new(false);
    let latest = index
        .latest
        .iter()
        .map(|latest| {
            let published = latest
                .report
                .published
                .as_deref()
                .map(|d| format!("发布于{}", chinese_date(d)));
            view! {
                <li>
                    <a href=base.href(&route::report(&latest.agency, latest.report.year))>
                        <span class="report-year">{format!("{}年度", latest.report.year)}</span>
                        <span class="report-title">{latest.report.title.clone()}</span>
                    </a>
                    <span class="report-meta">
                        {published} " · " {latest.report.format.label()}
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <TakeOver />
        <p class="catalog-totals">
            {format!("本站收录{}个机关的{}份年度报告。", index.bodies, index.reports)}
        </p>
        <section class="latest" aria-labelledby="latest-heading">
            <h2 id="latest-heading">"最新发布"</h2>
            <ul class="report-list">{latest}</ul>
        </section>
        <section class="regions" aria-labelledby="regions-heading">
            <h2 id="regions-heading">"按地区查找"</h2>
            <BodyFilter filtering />
            <div hidden=move || filtering.get()>
                <RegionTree regions=index.regions.clone() />
            </div>
        </section>
    }
}
