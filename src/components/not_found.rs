//! What a reader sees for an address that names nothing: what was not found and where to go.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::data::catalog_if_loaded;
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
    let base = use_site_base();
    let detail = what.unwrap_or_else(|| "这个网址".to_string());
    let agency_for_name = agency.clone();
    let suggestions = move || {
        let base = base.clone();
        let agency = agency.clone();
        let catalog = catalog_if_loaded();
        Suspend::new(async move {
            let catalog = catalog.await?;
            let entry = agency.as_deref().and_then(|id| catalog.agency(id))?;
            let id = entry.agency.id.clone();
            Some(view! {
                <p>{format!("{}现有以下年度的报告：", entry.agency.name)}</p>
                <ul class="report-list">
                    {entry
                        .reports
                        .iter()
                        .map(|r| {
                            view! {
                                <li>
                                    <a href=base
                                        .href(
                                            &route::report(&id, r.year),
                                        )>{format!("{}年度", r.year)}</a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            })
        })
    };
    // The address names the body by its id (“pingtan”); once the catalog is there, the
    // sentence names it by its name (平潭综合实验区 2030年度的报告).
    let plain = format!("本站没有找到{detail}对应的内容。");
    let sentence = {
        let (agency, plain) = (agency_for_name, plain.clone());
        move || {
            let (agency, plain) = (agency.clone(), plain.clone());
            let catalog = catalog_if_loaded();
            Suspend::new(async move {
                let named = catalog.await.zip(agency).and_then(|(catalog, id)| {
                    let entry = catalog.agency(&id)?;
                    Some(plain.replace(&format!("“{id}” "), &format!("{} ", entry.agency.name)))
                });
                view! { <p>{named.unwrap_or(plain)}</p> }
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
            }>{sentence}</Suspense>
            <Suspense>{suggestions}</Suspense>
            <p>
                <a href=home>"返回报告目录"</a>
            </p>
        </div>
    }
}
