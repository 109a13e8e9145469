//! What a reader sees for an address that names nothing: what was not found and where to go.

use leptos::prelude::*;
use leptos_meta::Title;
use nianbao_model::AgencyEntry;

use crate::data::use_agency_entry;
use crate::page_title;
use crate::site::{route, use_site_base};
use crate::takeover::TakeOver;

#[component]
pub fn NotFound(
    /// What was asked for, e.g. "沈阳市发展和改革委员会 1999年度报告".
    #[prop(optional_no_strip)]
    what: Option<String>,
    /// An agency that exists: its reports are offered instead.
    #[prop(optional_no_strip)]
    agency: Option<String>,
) -> impl IntoView {
    let detail = what.unwrap_or_else(|| "这个网址".to_string());
    let plain = format!("本站没有找到{detail}对应的内容。");
    // One fetch of the agency's entry gives both its name and its years.
    let entry = agency.clone().map(use_agency_entry);
    let named = {
        let plain = plain.clone();
        move || {
            let (agency, plain) = (agency.clone(), plain.clone());
            Suspend::new(async move {
                let entry = match entry {
                    Some(entry) => entry.await,
                    None => None,
                };
                match entry {
                    Some(entry) => {
                        let id = agency.unwrap_or_default();
                        // The address names the body by its id (“pingtan”); the sentence names
                        // it by its name (平潭综合实验区 2030年度的报告).
                        let sentence =
                            plain.replace(&format!("“{id}” "), &format!("{} ", entry.agency.name));
                        view! {
                            <p>{sentence}</p>
                            <Suggestions entry />
                        }
                        .into_any()
                    }
                    None => view! { <p>{plain}</p> }.into_any(),
                }
            })
        }
    };
    let home = use_site_base().href("/");
    view! {
        <Title text=page_title("未找到") />
        <TakeOver />
        <div class="not-found">
            <h1>"未找到页面"</h1>
            <Suspense fallback={
                let plain = plain.clone();
                move || view! { <p>{plain.clone()}</p> }
            }>{named}</Suspense>
            <p>
                <a href=home>"返回报告目录"</a>
            </p>
        </div>
    }
}

/// The reports an agency has, offered instead of the one that is not there.
#[component]
fn Suggestions(entry: AgencyEntry) -> impl IntoView {
    let base = use_site_base();
    let id = entry.agency.id.clone();
    view! {
        <p>{format!("{}现有以下年度的报告：", entry.agency.name)}</p>
        <ul class="report-list">
            {entry
                .reports
                .iter()
                .map(|r| {
                    view! {
                        <li>
                            <a href=base
                                .href(&route::report(&id, r.year))>{format!("{}年度", r.year)}</a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
