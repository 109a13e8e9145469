//! `/checks/{slug}`: the check-up (体检) of a region's reports in one table, from the region's
//! own file (`data/checks/{slug}.json`): every body under it while they are few enough to read
//! in one table, else its own bodies, with its sub-regions' check-ups a link away.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::checks_table::{ChecksTable, RegionChecksLinks, CHECKS_LEDE};
use crate::components::loading::{show, Labels, Missing};
use crate::components::page_meta::PageMeta;
use crate::components::regions::{counts, RegionPath};
use crate::data::use_region_checks;
use crate::site::route;
use crate::stylesheets::{use_stylesheet, Stylesheet};
use crate::takeover::TakeOver;

#[component]
pub fn RegionChecksPage() -> impl IntoView {
    use_stylesheet(Stylesheet::Catalog);
    use_stylesheet(Stylesheet::Compare);
    let params = use_params_map();
    let slug = Memo::new(move |_| params.with(|p| p.get("slug").unwrap_or_default()));
    show(
        use_region_checks(slug),
        Labels {
            what: "体检结果",
            loading: "正在载入体检结果…",
        },
        move || Missing {
            what: Some(format!("地区“{}”", slug.get_untracked())),
            agency: None,
        },
        |checks| {
            let region = checks.region.clone();
            let name = region.region.name.clone();
            let has_children = !checks.children.is_empty();
            let bodies = checks.agencies.len();
            let reports: usize = checks.agencies.iter().map(|a| a.reports.len()).sum();
            let scope = match (checks.whole, bodies) {
                (true, _) => format!("本表列出{name}及其下级地区全部{bodies}个机关的{reports}份报告。"),
                (false, 0) => format!(
                    "{name}及其下级地区共有{}，报告较多，请从下方各下级地区进入。",
                    counts(&region),
                ),
                (false, _) => format!(
                    "{name}及其下级地区共有{}，报告较多：本表只列出{name}本级{bodies}个机关的{reports}份报告，下级地区的报告请从下方各地区进入。",
                    counts(&region),
                ),
            };
            let table = (!checks.agencies.is_empty()).then(|| {
                view! {
                    <ChecksTable
                        agencies=checks.agencies.clone()
                        csv_name=format!("nianbao-checks-{}", region.region.slug)
                    />
                }
            });
            view! {
                <PageMeta
                    title=format!("{name} · 年度报告体检")
                    description=format!(
                        "{name}各机关的政府信息公开工作年度报告是否按期发布、内容是否齐全、数字是否一致：{}。",
                        counts(&region),
                    )
                    path=route::canonical(&route::region_checks(&region.region.slug))
                />
                <TakeOver />
                <div class="checks-page">
                    <RegionPath regions=checks.path.clone() checks=true />
                    <h1>{format!("{name} · 年度报告体检")}</h1>
                    <p class="lede">{CHECKS_LEDE}</p>
                    <p class="checks-scope">{scope}</p>
                    {table}
                    {has_children
                        .then(|| {
                            view! {
                                <section aria-labelledby="checks-sub-regions">
                                    <h2 id="checks-sub-regions">"下级地区"</h2>
                                    <RegionChecksLinks regions=checks.children.clone() />
                                </section>
                            }
                        })}
                </div>
            }
        },
    )
}
