//! Data handed to the views up front so they render at once instead of fetching. The
//! pre-renderer fills it from the data files; in the browser it is empty and views fetch.

use std::sync::Arc;

use leptos::prelude::*;
use nianbao_model::{agency_series, Catalog, Report, Series};

#[derive(Clone, Default)]
pub struct Preloaded {
    pub catalog: Option<Arc<Catalog>>,
    pub reports: Vec<Arc<Report>>,
}

impl Preloaded {
    pub fn report(&self, agency: &str, year: u16) -> Option<Arc<Report>> {
        self.reports
            .iter()
            .find(|r| r.agency.id == agency && r.year == year)
            .cloned()
    }

    /// An agency's series, computed from its reports as the data set's `series.json` is.
    pub fn series(&self, agency: &str) -> Vec<Series> {
        let mine: Vec<&Report> = self
            .reports
            .iter()
            .filter(|r| r.agency.id == agency)
            .map(|r| r.as_ref())
            .collect();
        agency_series(&mine)
    }
}

pub fn use_preloaded() -> Preloaded {
    use_context().unwrap_or_default()
}
