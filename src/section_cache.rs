//! Pre-render only: the HTML of a report's later sections, rendered once per report.
//!
//! A section's page carries the report from its section onward (see `pages::report`), so the
//! sections after it were rendered again on every section page before them: section pages
//! took half the pre-render's time (issue 16). A section after the linked one renders the
//! same on each of those pages (not the target, not holding it, its charts' data tables on its
//! own page), so the pre-render keeps its HTML while it renders that report's pages and writes
//! it in again. In the browser no cache is provided and every section is drawn.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use leptos::tachys::html::InertElement;
use nianbao_model::Report;

/// The rendered later sections of the report being pre-rendered (provided by the pre-render,
/// one per thread: see `prerender::render_page`).
#[derive(Clone, Default)]
pub struct SectionCache(Arc<Mutex<Cached>>);

#[derive(Default)]
struct Cached {
    /// How many times a kept section was written in again.
    reused: usize,
    /// The report the sections belong to (agency id, year): another report's pages clear them.
    report: Option<(String, u16)>,
    sections: HashMap<String, String>,
}

impl SectionCache {
    /// How many times a section was written in from the cache instead of rendered.
    pub fn reused(&self) -> usize {
        self.0.lock().map_or(0, |cached| cached.reused)
    }

    fn get(&self, report: &Report, section_id: &str) -> Option<String> {
        let mut cached = self.0.lock().ok()?;
        let same_report = cached
            .report
            .as_ref()
            .is_some_and(|(agency, year)| *agency == report.agency.id && *year == report.year);
        let html = same_report
            .then(|| cached.sections.get(section_id).cloned())
            .flatten()?;
        cached.reused += 1;
        Some(html)
    }

    fn insert(&self, report: &Report, section_id: &str, html: String) {
        let Ok(mut cached) = self.0.lock() else {
            return;
        };
        let key = (report.agency.id.clone(), report.year);
        if cached.report.as_ref() != Some(&key) {
            cached.report = Some(key);
            cached.sections.clear();
        }
        cached.sections.insert(section_id.to_string(), html);
    }
}

/// A top-level section that stands after the page's linked section: as rendered the first time
/// on this report's pages where a cache is provided, else drawn by `draw`.
pub fn later_section(report: &Report, section_id: &str, draw: impl FnOnce() -> AnyView) -> AnyView {
    let Some(cache) = use_context::<SectionCache>() else {
        return draw();
    };
    let html = match cache.get(report, section_id) {
        Some(html) => html,
        None => {
            let html = draw().to_html();
            cache.insert(report, section_id, html.clone());
            html
        }
    };
    InertElement::new(html).into_any()
}
