//! `/`: every agency with the years it has reports for.

use leptos::prelude::*;
use leptos_meta::Title;
use nianbao_model::format::chinese_date;

use crate::components::error_view::ErrorView;
use crate::site::{route, use_site_base};
use crate::{page_title, CatalogResource};

#[component]
pub fn CatalogPage() -> impl IntoView {
    let CatalogResource(catalog) = expect_context();
    let base = use_site_base();
    let content = move || {
        let base = base.clone();
        Suspend::new(async move {
            match catalog.await {
                Err(e) => view! {
                    <ErrorView what="报告目录" message=e.to_string() retry=Callback::new(move |_| catalog.refetch()) />
                }
                .into_any(),
                Ok(catalog) => catalog
                    .agencies
                    .iter()
                    .map(|agency| {
                        let id = agency.agency.id.clone();
                        view! {
                            <section class="agency" aria-labelledby=format!("agency-{id}")>
                                <h2 id=format!("agency-{id}")>{agency.agency.name.clone()}</h2>
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
                    .collect_view()
                    .into_any(),
            }
        })
    };
    view! {
        <Title text=page_title("政府信息公开工作年度报告") />
        <div class="catalog">
            <h1>"政府信息公开工作年度报告"</h1>
            <p class="lede">
                "各级政府机关每年公布上一年度的政府信息公开工作情况。在这里按机关和年度阅读报告全文，可分享到具体章节。"
            </p>
            <Suspense fallback=|| view! { <p class="loading">"正在载入报告目录…"</p> }>{content}</Suspense>
        </div>
    }
}
