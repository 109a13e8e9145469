//! `/`: every agency with the years it has reports for.

use std::sync::Arc;

use leptos::prelude::*;
use nianbao_model::format::chinese_date;
use nianbao_model::Catalog;

use crate::components::error_view::ErrorView;
use crate::components::page_meta::PageMeta;
use crate::preload::use_preloaded;
use crate::site::{route, use_site_base};
use crate::takeover::TakeOver;
use crate::CatalogResource;

#[component]
pub fn CatalogPage() -> impl IntoView {
    let CatalogResource(catalog) = expect_context();
    let content = match use_preloaded().catalog {
        Some(preloaded) => view! { <CatalogList catalog=preloaded /> }.into_any(),
        None => {
            let loaded = move || {
                Suspend::new(async move {
                    match catalog.await {
                        Err(e) => view! {
                            <ErrorView what="报告目录" message=e.to_string() retry=Callback::new(move |_| catalog.refetch()) />
                        }
                        .into_any(),
                        Ok(catalog) => view! { <CatalogList catalog /> }.into_any(),
                    }
                })
            };
            view! {
                <Suspense fallback=|| view! { <p class="loading">"正在载入报告目录…"</p> }>{loaded}</Suspense>
            }
            .into_any()
        }
    };
    view! {
        <PageMeta
            title="政府信息公开工作年度报告".to_string()
            description="按机关和年度阅读政府信息公开工作年度报告全文，可分享到具体章节。".to_string()
            path="/".to_string()
        />
        <div class="catalog">
            <h1>"政府信息公开工作年度报告"</h1>
            <p class="lede">
                "各级政府机关每年公布上一年度的政府信息公开工作情况。在这里按机关和年度阅读报告全文，可分享到具体章节。"
            </p>
            {content}
        </div>
    }
}

#[component]
fn CatalogList(catalog: Arc<Catalog>) -> impl IntoView {
    let base = use_site_base();
    view! {
        <TakeOver />
        {catalog
                    .agencies
                    .iter()
                    .map(|agency| {
                        let id = agency.agency.id.clone();
                        view! {
                            <section class="agency" aria-labelledby=format!("agency-{id}")>
                                <h2 id=format!("agency-{id}")>{agency.agency.name.clone()}</h2>
                                <p class="agency-links">
                                    <a href=base.href(&format!("/{id}"))>"历年指标图表"</a>
                                </p>
                                <ul class="report-list">
                                    {agency
                                        .reports
                                        .iter()
                                        .map(|report| {
                                            view! {
                                                <li>
                                                    <a href=base.href(&route::report(&id, report.year))>
                                                        <span class="report-year">{format!("{}年度", report.year)}</span>
                                                        <span class="report-title">{report.title.clone()}</span>
                                                    </a>
                                                    <span class="report-meta">
                                                        {report.published.as_deref().map(|d| format!("发布于{}", chinese_date(d)))}
                                                        " · "
                                                        {report.format.label()}
                                                    </span>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </section>
                        }
                    })
            .collect_view()}
    }
}
