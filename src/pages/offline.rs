//! `/offline`: what is kept on this device for reading offline — the agencies saved with
//! 离线保存 (each with its size, and a way to remove it) and every report readable offline.

use leptos::prelude::*;

use crate::components::offline::KeptReports;
use crate::components::page_meta::PageMeta;
use crate::components::status::use_status;
use crate::offline::{self, size_label, SavedGroup};
use crate::site::{route, use_site_base};
use crate::stylesheets::{use_stylesheet, Stylesheet};
use crate::takeover::TakeOver;

#[component]
pub fn OfflinePage() -> impl IntoView {
    use_stylesheet(Stylesheet::Catalog);
    // Bumped after a removal: both lists are read again.
    let version = RwSignal::new(0u32);
    let status = use_status();
    let base = use_site_base();
    let kept = LocalResource::new(move || {
        version.track();
        offline::kept()
    });
    let saved = move || {
        let base = base.clone();
        Suspend::new(async move {
            let groups = match kept.await {
                Ok(kept) => kept.saved,
                Err(error) => {
                    return view! { <p>{format!("无法读取离线内容：{error}")}</p> }.into_any()
                }
            };
            if groups.is_empty() {
                return view! {
                    <p>
                        "还没有离线保存的机关。在机关页面上点“离线保存”，即可保存它的全部报告及图解。"
                    </p>
                }
                .into_any();
            }
            let total: u64 = groups.iter().map(|g| g.bytes).sum();
            let rows = groups
                .into_iter()
                .map(|group| view! { <SavedRow group base=base.clone() version status /> })
                .collect_view();
            view! {
                <table class="offline-table">
                    <caption>{format!("共占用 {}", size_label(total))}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"机关"</th>
                            <th scope="col">"文件"</th>
                            <th scope="col">"大小"</th>
                            <th scope="col">
                                <span class="visually-hidden">"操作"</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        })
    };
    view! {
        <PageMeta
            title="离线阅读".to_string()
            description="本机已离线保存的政府信息公开工作年度报告。"
                .to_string()
            path=route::canonical(&route::offline())
        />
        <TakeOver />
        <div class="offline-page">
            <h1>"离线阅读"</h1>
            <p class="lede">
                "读过的报告会留在本机，断网时仍可打开；在机关页面上点“离线保存”，可保存该机关的全部报告及图解。"
            </p>
            <section aria-labelledby="offline-saved">
                <h2 id="offline-saved">"已离线保存的机关"</h2>
                <Suspense fallback=|| {
                    view! { <p class="loading">"正在读取离线内容…"</p> }
                }>{saved}</Suspense>
            </section>
            <section aria-labelledby="offline-reports">
                <h2 id="offline-reports">"可离线阅读的报告"</h2>
                <KeptReports version />
            </section>
        </div>
    }
}

#[component]
fn SavedRow(
    group: SavedGroup,
    base: crate::site::SiteBase,
    version: RwSignal<u32>,
    status: crate::components::status::Status,
) -> impl IntoView {
    let SavedGroup {
        key,
        label,
        urls,
        bytes,
    } = group;
    let remove = {
        let (key, label) = (key.clone(), label.clone());
        move |_| {
            let (key, label) = (key.clone(), label.clone());
            leptos::task::spawn_local(async move {
                match offline::remove(&key).await {
                    Ok(()) => status.say(format!("已删除{label}的离线内容")),
                    Err(error) => status.say(format!("没有删除：{error}")),
                }
                version.update(|v| *v += 1);
            });
        }
    };
    view! {
        <tr>
            <th scope="row">
                <a href=base.href(&route::agency(&key))>{label.clone()}</a>
            </th>
            <td>{format!("{}个", urls.len())}</td>
            <td>{size_label(bytes)}</td>
            <td>
                <button
                    type="button"
                    class="retry"
                    on:click=remove
                    aria-label=format!("删除{label}的离线内容")
                >
                    "删除"
                </button>
            </td>
        </tr>
    }
}
