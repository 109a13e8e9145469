//! `/`: every agency with the years it has reports for.

use std::sync::Arc;

use leptos::prelude::*;
use nianbao_model::format::chinese_date;
use nianbao_model::{AgencyEntry, Catalog};

use crate::components::loading::{show, Labels, Missing};
use crate::components::page_meta::PageMeta;
use crate::components::progressive::Progressive;
use crate::data::use_catalog;
use crate::site::{anchor, route, use_site_base};
use crate::takeover::TakeOver;

#[component]
pub fn CatalogPage() -> impl IntoView {
    let base = use_site_base();
    let content = show(
        use_catalog(),
        Labels {
            what: "报告目录",
            loading: "正在载入报告目录…",
        },
        Missing::default,
        |catalog| view! { <CatalogList catalog /> },
    );
    view! {
        <PageMeta
            title="政府信息公开工作年度报告".to_string()
            description="按机关和年度阅读政府信息公开工作年度报告全文，可分享到具体章节。"
                .to_string()
            path="/".to_string()
        />
        <div class="catalog">
            <h1>"政府信息公开工作年度报告"</h1>
            <p class="lede">
                "各级政府机关每年公布上一年度的政府信息公开工作情况。在这里按机关和年度阅读报告全文，可分享到具体章节。"
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
fn CatalogList(catalog: Arc<Catalog>) -> impl IntoView {
    // Thousands of bodies render a slice per frame; a pre-rendered catalog is taken over once
    // the whole list is there.
    view! {
        <Progressive
            items=Arc::new(catalog.agencies.clone())
            render=agency_entry
            then=|| view! { <TakeOver /> }
        />
    }
}

fn agency_entry(agency: &AgencyEntry) -> impl IntoView {
    let base = use_site_base();
    let id = agency.agency.id.clone();
    view! {
        <section class="agency" aria-labelledby=anchor::agency(&id)>
            <h2 id=anchor::agency(&id)>{agency.agency.name.clone()}</h2>
            <p class="agency-links">
                <a href=base.href(&route::agency(&id))>"历年指标图表"</a>
            </p>
            <ul class="report-list">
                {agency
                    .reports
                    .iter()
                    .map(|report| {
                        view! {
                            <li>
                                <a href=base.href(&route::report(&id, report.year))>
                                    <span class="report-year">
                                        {format!("{}年度", report.year)}
                                    </span>
                                    <span class="report-title">{report.title.clone()}</span>
                                </a>
                                <span class="report-meta">
                                    {report
                                        .published
                                        .as_deref()
                                        .map(|d| format!("发布于{}", chinese_date(d)))} " · "
                                    {report.format.label()}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
