//! nianbao (年报): a reading portal for government information-disclosure annual reports.
//!
//! `App` holds the routes; pages live in `pages/`, small views in `components/`, the one path
//! of data into pages in `data` (fetching in `api`, typed route parameters in `params`), and
//! the data model with its logic in the `nianbao-model` crate.

// The native (server-side) render nests view types deeper than rustc's default query depth of
// 128 allows: the chart figure's `resolve()` future alone is ~130 deep (a clean build fails there).
#![recursion_limit = "256"]

pub mod api;
pub mod charts;
pub mod components;
#[cfg(not(target_arch = "wasm32"))]
pub mod csp;
pub mod data;
pub mod dom;
pub mod offline;
pub mod pages;
pub mod params;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod search;
pub mod section_cache;
pub mod site;
pub mod stylesheets;
pub mod takeover;
#[cfg(target_arch = "wasm32")]
pub mod yielding;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::font_size::{provide_font_size, FontSizeControl};
use crate::components::loading::provide_load_notice;
#[cfg(target_arch = "wasm32")]
use crate::components::loading::LoadNoticeLine;
use crate::components::not_found::NotFound;
use crate::components::search::SearchBox;
use crate::components::status::{provide_status, StatusRegion};
use crate::pages::agency::{AgencyPage, IndicatorPage};
use crate::pages::checks::ChecksPage;
use crate::pages::compare::ComparePage;
use crate::pages::offline::OfflinePage;
use crate::pages::overview::OverviewPage;
use crate::pages::region::RegionPage;
use crate::pages::region_checks::RegionChecksPage;
use crate::pages::search::SearchPage;
use crate::pages::tujie::TujiePage;
use crate::pages::{catalog::CatalogPage, report::ReportPage};
use crate::site::SiteBase;

pub const SITE_NAME: &str = "年报";

/// Id of the element that holds the app (hidden until it takes over a pre-rendered page).
pub const APP_ROOT_ID: &str = "app";

/// A page title with the site's name after it.
pub fn page_title(title: &str) -> String {
    format!("{title} · {SITE_NAME}")
}

/// The skip link's action: focus the main content, on this page.
fn skip_to_main(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        use wasm_bindgen::JsCast;
        if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
            main.scroll_into_view();
            let _ = main.focus();
        }
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // The pre-renderer provides the site's address; the browser reads it from the page.
    let base = use_context::<SiteBase>().unwrap_or_else(|| {
        let base = SiteBase::detect();
        provide_context(base.clone());
        base
    });
    let font_size = provide_font_size();
    provide_status();
    provide_load_notice();

    let app = view! {
        <Html {..} lang="zh-CN" data-font-size=move || font_size.get().as_str() />
        <Router base=base.router_base()>
            <div id=APP_ROOT_ID hidden=takeover::prerendered_present()>
                // Under <base href> a bare "#main" names the site's root page, so the link moves
                // focus itself (rel=external keeps the router out of it).
                <a class="skip-link" href="#main" rel="external" on:click=skip_to_main>
                    "跳到正文"
                </a>
                <header class="site-header">
                    <a class="site-name" href=base.href("/")>
                        <span class="site-logo" aria-hidden="true">
                            "年"
                        </span>
                        {SITE_NAME}
                        <span class="site-tagline">"政府信息公开工作年度报告"</span>
                    </a>
                    <SearchBox />
                    <FontSizeControl />
                </header>
                <main id="main" tabindex="-1">
                    <Routes fallback=|| view! { <NotFound /> }>
                        <Route path=path!("/") view=CatalogPage />
                        <Route path=path!("/checks") view=ChecksPage />
                        <Route path=path!("/checks/:slug") view=RegionChecksPage />
                        <Route path=path!("/overview") view=OverviewPage />
                        <Route path=path!("/offline") view=OfflinePage />
                        <Route path=path!("/search") view=SearchPage />
                        <Route path=path!("/region/:slug") view=RegionPage />
                        // Before the report route: `indicators` is not a year.
                        <Route path=path!("/:agency/indicators/:key") view=IndicatorPage />
                        <Route path=path!("/:agency/:year/tujie") view=TujiePage />
                        <Route path=path!("/:agency/:year/tujie/:section") view=TujiePage />
                        <Route
                            path=path!("/:agency/compare/:year_a/:year_b/:section?")
                            view=ComparePage
                        />
                        <Route path=path!("/:agency/:year/:section?") view=ReportPage />
                        <Route path=path!("/:agency") view=AgencyPage />
                    </Routes>
                </main>
                <footer class="site-footer">
                    <p>
                        "年报：政府信息公开工作年度报告阅读站。报告文字与数字均照录各机关公开发布的原文，表格中前后不一致之处只作标注，不作更正。"
                    </p>
                </footer>
                <StatusRegion />
            </div>
        </Router>
    };
    // Only the browser loads data after a page is shown, so only it has the notice (which
    // stands outside the app, over a pre-rendered page the app has not taken over), and only
    // it runs the service worker (offline reading, the update notice).
    #[cfg(target_arch = "wasm32")]
    return (
        app,
        view! {
            <LoadNoticeLine />
            <crate::components::offline::UpdateNotice />
        },
    );
    #[cfg(not(target_arch = "wasm32"))]
    app
}
