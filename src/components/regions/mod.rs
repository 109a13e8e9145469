//! The catalog by region: a region's bodies as a list, the path of regions above a page, the
//! home page's tree that opens a region's file when a reader opens its branch, and the filter
//! over every body's name.

mod filter;
mod tree;

pub use filter::BodyFilter;
pub use tree::RegionTree;

use leptos::prelude::*;
use nianbao_model::{BodySummary, Region, RegionSummary};

use crate::site::{route, use_site_base};

/// "3个机关 · 19份报告".
pub fn counts(region: &RegionSummary) -> String {
    format!("{}个机关 · {}份报告", region.bodies, region.reports)
}

/// Bodies with their latest report and the years they have.
#[component]
pub fn BodyList(bodies: Vec<BodySummary>) -> impl IntoView {
    let base = use_site_base();
    let items = bodies
        .into_iter()
        .map(|body| {
            let agency = base.href(&route::agency(&body.id));
            let latest = base.href(&route::report(&body.id, body.latest.year));
            let kind = body.kind.map(|k| format!("（{}）", k.label()));
            let years = body.years.len();
            view! {
                <li class="body">
                    <a class="body-name" href=agency>
                        {body.name.clone()}
                    </a>
                    <span class="body-kind">{kind}</span>
                    <a class="body-latest" href=latest title=body.latest.title.clone()>
                        {format!("最新：{}年度报告", body.latest.year)}
                    </a>
                    <span class="report-meta">
                        {format!("共{years}个年度 · {}", body.latest.format.label())}
                    </span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="body-list">{items}</ul> }
}

/// 首页 › 福建省 › 平潭综合实验区: the regions above a page's subject, each a link to its
/// region's page; for the check-up by region (`checks`), 首页 › 年度报告体检 › 福建省, each a
/// link to its region's check-up.
#[component]
pub fn RegionPath(regions: Vec<Region>, #[prop(optional)] checks: bool) -> impl IntoView {
    let base = use_site_base();
    let link = if checks {
        route::region_checks
    } else {
        route::region
    };
    let checks_root = checks.then(|| {
        view! {
            <li>
                <a href=base.href(&route::checks())>"年度报告体检"</a>
            </li>
        }
    });
    let steps = regions
        .into_iter()
        .map(|region| {
            view! {
                <li>
                    <a href=base.href(&link(&region.slug))>{region.name}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="region-path" aria-label="所在地区">
            <ol>
                <li>
                    <a href=use_site_base().href("/")>"首页"</a>
                </li>
                {checks_root}
                {steps}
            </ol>
        </nav>
    }
}
