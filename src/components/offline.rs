//! Offline reading's small views: the update notice (新版本可用), the 离线保存 button of an
//! agency page, the list of reports readable offline, and the view for a report that is not
//! kept when the reader is offline.

use leptos::prelude::*;
use nianbao_model::paths;

use crate::api;
use crate::offline::{self, size_label};
use crate::site::{route, use_site_base, SiteBase};
use crate::takeover::TakeOver;

/// Registers the service worker and, when a new build's worker waits, offers to reload. The
/// page never reloads by itself: the reader chooses when.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let base = use_site_base();
    let waiting = RwSignal::new(false);
    Effect::new(move |_| offline::register(&base, move || waiting.set(true)));
    let reload = move |_| {
        if !offline::apply_update() {
            // The worker went (another tab took the update): a plain reload gets the new build.
            let _ = window().location().reload();
        }
    };
    view! {
        <Show when=move || waiting.get()>
            <div class="update-notice" role="status">
                <p>
                    "新版本可用。" " " <button type="button" class="retry" on:click=reload>
                        "重新加载"
                    </button>
                </p>
            </div>
        </Show>
    }
}

/// The files that make an agency's reports readable offline: each report's data, its page
/// and its 图解, and the agency's series and page.
pub fn agency_files(base: &SiteBase, agency: &str, years: &[u16]) -> Vec<String> {
    let mut files = vec![
        base.href(&format!("/{}", paths::series(agency))),
        base.href(&route::canonical(&route::agency(agency))),
    ];
    for &year in years {
        files.push(base.href(&format!("/{}", paths::report(agency, year))));
        files.push(base.href(&route::canonical(&route::report(agency, year))));
        files.push(base.href(&route::canonical(&route::tujie(agency, year))));
    }
    files
}

/// 离线保存 on an agency page: keeps all its reports and their 图解 on this device.
#[component]
pub fn SaveOffline(agency: String, name: String, years: Vec<u16>) -> impl IntoView {
    let base = use_site_base();
    let files = agency_files(&base, &agency, &years);
    let count = years.len();
    let state = RwSignal::new(None::<Result<String, String>>);
    let busy = RwSignal::new(false);
    let save = move |_| {
        let (agency, name, files) = (agency.clone(), name.clone(), files.clone());
        busy.set(true);
        state.set(None);
        leptos::task::spawn_local(async move {
            let result = offline::save(&agency, &name, &files).await.map(|group| {
                format!(
                    "已离线保存{count}份报告及其图解（{}）。",
                    size_label(group.bytes)
                )
            });
            state.set(Some(result));
            busy.set(false);
        });
    };
    let offline_href = base.href(&route::offline());
    view! {
        <div class="save-offline">
            <button type="button" class="retry" on:click=save disabled=move || busy.get()>
                {move || if busy.get() { "正在保存…" } else { "离线保存" }}
            </button>
            " "
            <span role="status">
                {move || match state.get() {
                    None => ().into_any(),
                    Some(Ok(message)) => {
                        view! {
                            {message}
                            " "
                            <a href=offline_href.clone()>"查看离线内容"</a>
                        }
                            .into_any()
                    }
                    Some(Err(error)) => format!("没有保存：{error}").into_any(),
                }}
            </span>
        </div>
    }
}

/// The reports whose data is kept on this device, as links (read once or saved). `version`:
/// read again when it changes.
#[component]
pub fn KeptReports(#[prop(optional)] version: Option<RwSignal<u32>>) -> impl IntoView {
    let base = use_site_base();
    // The worker's answer and the kept files are browser futures (not Send): a local
    // resource holds them.
    let kept = LocalResource::new({
        let base = base.clone();
        move || {
            if let Some(version) = version {
                version.track();
            }
            kept_reports(base.clone())
        }
    });
    let list = move || {
        let base = base.clone();
        Suspend::new(async move {
            let reports = match kept.await {
                Ok(reports) => reports,
                Err(error) => {
                    return view! { <p>{format!("无法读取离线内容：{error}")}</p> }.into_any()
                }
            };
            let links: Vec<_> = reports
                .into_iter()
                .map(|(agency, year, name)| {
                    view! {
                        <li>
                            <a href=base
                                .href(
                                    &route::report(&agency, year),
                                )>{format!("{name} {year}年度")}</a>
                        </li>
                    }
                })
                .collect();
            if links.is_empty() {
                view! { <p>"本机还没有可离线阅读的报告。"</p> }.into_any()
            } else {
                view! { <ul class="report-list offline-reports">{links}</ul> }.into_any()
            }
        })
    };
    view! {
        <Suspense fallback=|| {
            view! { <p class="loading">"正在读取离线内容…"</p> }
        }>{list}</Suspense>
    }
}

/// The reports kept on this device as (agency, year, the agency's name), named from the kept
/// files themselves (read through the worker's cache, offline too): nothing of the catalog is
/// needed, whatever its size. A kept file that cannot be read is listed by the agency's id.
async fn kept_reports(base: SiteBase) -> Result<Vec<(String, u16, String)>, String> {
    let reports = offline::kept().await?.reports(&base.href("/"));
    let heads = futures::future::join_all(
        reports
            .iter()
            .map(|(agency, year)| api::load_report_head(base.clone(), agency.clone(), *year)),
    )
    .await;
    Ok(reports
        .into_iter()
        .zip(heads)
        .map(|((agency, year), head)| {
            let name = head.map_or_else(|_| agency.clone(), |h| h.agency.name.clone());
            (agency, year, name)
        })
        .collect())
}

/// Offline, for something not kept on this device: says so and offers what is kept.
#[component]
pub fn NotSaved(what: &'static str, retry: Callback<()>) -> impl IntoView {
    let base = use_site_base();
    view! {
        <TakeOver />
        <div class="error-view offline-view" role="alert">
            <h1>{format!("离线：这份{what}没有保存")}</h1>
            <p class="error-message">
                {format!(
                    "现在处于离线状态，这份{what}没有保存在本机，联网后才能打开。可以阅读已离线保存的报告：",
                )}
            </p>
            <KeptReports />
            <p>
                <button type="button" class="retry" on:click=move |_| retry.run(())>
                    "重试"
                </button>
                " 或 "
                <a href=base.href(&route::offline())>"查看离线内容"</a>
            </p>
        </div>
    }
}
