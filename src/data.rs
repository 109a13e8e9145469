//! The one path data takes into pages. A page asks for what it shows — the region index, one
//! region, one report, one agency's catalog entry and series — and gets a [`Data`]: ready at
//! once where the pre-renderer preloaded it, else a resource that fetches exactly those files.
//! Pages show it with `components::loading::Loaded`, which turns loading, not found and failed
//! into the same three views everywhere.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use nianbao_model::overview::Total;
use nianbao_model::{
    AgencyEntry, Catalog, NameIndex, RegionChecks, RegionIndex, RegionShard, Report, Series,
};

use crate::api::{self, FetchError, LoadError};
use crate::params::{AgencyAddress, CompareAddress, ReportAddress};
use crate::site::{use_site_base, SiteBase};

/// Why a page has nothing to show.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The address names nothing the site has (no such agency, year or report).
    NotFound,
    /// A file the page needs could not be loaded.
    Load(LoadError),
}

impl From<LoadError> for Failure {
    fn from(error: LoadError) -> Self {
        match error.error {
            FetchError::NotFound => Failure::NotFound,
            _ => Failure::Load(error),
        }
    }
}

pub type Loaded<T> = Result<T, Failure>;

/// What a page shows: ready (pre-rendered data) or being fetched.
#[derive(Clone)]
pub enum Data<T: Send + Sync + 'static> {
    Ready(T),
    Loading(LocalResource<Loaded<T>>),
}

/// Data handed to the views up front so they render at once instead of fetching. The
/// pre-renderer fills it from the data files; in the browser it is empty and views fetch.
#[derive(Clone, Default)]
pub struct Preloaded {
    /// The pre-renderer's catalog (an agency's pages get only their own entry); the browser
    /// never loads the whole catalog.
    pub catalog: Option<Arc<Catalog>>,
    pub reports: Vec<Arc<Report>>,
    /// Each agency's `series.json`.
    pub series: HashMap<String, Arc<Vec<Series>>>,
    /// `regions.json` and every region's file, by slug.
    pub regions: Option<Arc<RegionIndex>>,
    pub shards: HashMap<String, Arc<RegionShard>>,
    /// Every region's check-up table, by slug.
    pub checks: HashMap<String, Arc<RegionChecks>>,
    /// `overview.json`'s totals.
    pub overview: Option<Arc<Vec<Total>>>,
}

impl Preloaded {
    pub fn report(&self, agency: &str, year: u16) -> Option<Arc<Report>> {
        self.reports
            .iter()
            .find(|r| r.agency.id == agency && r.year == year)
            .cloned()
    }

    pub fn series(&self, agency: &str) -> Option<Arc<Vec<Series>>> {
        self.series.get(agency).cloned()
    }
}

fn use_preloaded() -> Preloaded {
    use_context().unwrap_or_default()
}

/// Loads a page's data again (its retry button).
pub fn retry<T: Send + Sync + 'static>(resource: LocalResource<Loaded<T>>) -> Callback<()> {
    Callback::new(move |_| resource.refetch())
}

/// An agency's catalog entry, if it can be had, for views that only add to a page
/// (suggestions): `None` while loading and where it cannot be had.
pub fn use_agency_entry(agency: String) -> LocalResource<Option<AgencyEntry>> {
    let preloaded = use_preloaded()
        .catalog
        .and_then(|catalog| catalog.agency(&agency).cloned());
    let base = use_site_base();
    LocalResource::new(move || {
        let (preloaded, base, agency) = (preloaded.clone(), base.clone(), agency.clone());
        async move {
            match preloaded {
                Some(entry) => Some(entry),
                None => api::load_agency_file(base, agency)
                    .await
                    .ok()
                    .map(|file| file.entry.clone()),
            }
        }
    })
}

/// A file of the whole site: ready where the pre-renderer preloaded it, else fetched with
/// `load`. A missing one is a failure of the site, not a page that does not exist.
fn site_file<T, F>(preloaded: Option<Arc<T>>, load: fn(SiteBase) -> F) -> Data<Arc<T>>
where
    T: Send + Sync + 'static,
    F: std::future::Future<Output = Result<Arc<T>, LoadError>> + 'static,
{
    if let Some(file) = preloaded {
        return Data::Ready(file);
    }
    let base = use_site_base();
    Data::Loading(LocalResource::new(move || {
        let load = load(base.clone());
        async move { load.await.map_err(Failure::Load) }
    }))
}

/// The home page's index of regions.
pub fn use_region_index() -> Data<Arc<RegionIndex>> {
    site_file(use_preloaded().regions, api::load_region_index)
}

/// The region a `/region/{slug}` address names.
pub fn use_region(slug: Memo<String>) -> Data<Arc<RegionShard>> {
    if let Some(shard) = use_preloaded().shards.get(&slug.get_untracked()) {
        return Data::Ready(shard.clone());
    }
    let base = use_site_base();
    Data::Loading(LocalResource::new(move || {
        let (base, slug) = (base.clone(), slug.get());
        async move { Ok(api::load_region(base, slug).await?) }
    }))
}

/// The check-up table a `/checks/{slug}` address names.
pub fn use_region_checks(slug: Memo<String>) -> Data<Arc<RegionChecks>> {
    if let Some(checks) = use_preloaded().checks.get(&slug.get_untracked()) {
        return Data::Ready(checks.clone());
    }
    let base = use_site_base();
    Data::Loading(LocalResource::new(move || {
        let (base, slug) = (base.clone(), slug.get());
        async move { Ok(api::load_region_checks(base, slug).await?) }
    }))
}

/// A region's file for a view that opens it on demand (a branch of the home page's tree):
/// pre-rendered where the pre-renderer has it, else fetched now.
pub fn use_region_on_demand(
    slug: String,
) -> LocalResource<Result<Arc<RegionShard>, api::LoadError>> {
    let preloaded = use_preloaded().shards.get(&slug).cloned();
    let base = use_site_base();
    LocalResource::new(move || {
        let (preloaded, base, slug) = (preloaded.clone(), base.clone(), slug.clone());
        async move {
            match preloaded {
                Some(shard) => Ok(shard),
                None => api::load_region(base, slug).await,
            }
        }
    })
}

/// Every body's name, for the filter (fetched only once a reader types).
pub fn names_on_demand() -> impl std::future::Future<Output = Result<Arc<NameIndex>, api::LoadError>>
{
    let base = use_site_base();
    api::load_names(base)
}

/// One report with its agency's series.
#[derive(Clone)]
pub struct ReportData {
    pub report: Arc<Report>,
    pub series: Arc<Vec<Series>>,
}

/// Whether a page can be shown without its agency's series.
#[derive(Clone, Copy, PartialEq)]
pub enum SeriesNeed {
    /// The report reads without them, just without charts.
    Optional,
    Required,
}

/// The report an address names, with its agency's series. Keyed on agency and year only:
/// moving between sections does not fetch again.
pub fn use_report(address: Memo<ReportAddress>, need: SeriesNeed) -> Data<ReportData> {
    let preloaded = use_preloaded();
    let now = address.get_untracked();
    if let Some(report) = now
        .year
        .and_then(|year| preloaded.report(&now.agency, year))
    {
        let series = preloaded.series(&now.agency).unwrap_or_default();
        return Data::Ready(ReportData { report, series });
    }
    let base = use_site_base();
    let key = Memo::new(move |_| address.with(|a| (a.agency.clone(), a.year)));
    Data::Loading(LocalResource::new(move || {
        let (base, (agency, year)) = (base.clone(), key.get());
        async move {
            let year = year.ok_or(Failure::NotFound)?;
            let (report, series) = futures::join!(
                api::load_report(base.clone(), agency.clone(), year),
                api::load_series(base, agency)
            );
            let series = match (series, need) {
                (Ok(series), _) => series,
                (Err(_), SeriesNeed::Optional) => Arc::default(),
                (Err(e), SeriesNeed::Required) => return Err(Failure::Load(e)),
            };
            Ok(ReportData {
                report: report?,
                series,
            })
        }
    }))
}

/// One agency: its catalog entry (name, years) and its series.
#[derive(Clone)]
pub struct AgencyData {
    pub entry: AgencyEntry,
    pub series: Arc<Vec<Series>>,
}

impl AgencyData {
    /// The first and last year the agency has a report for.
    pub fn years(&self) -> (u16, u16) {
        let years = self.entry.reports.iter().map(|r| r.year);
        (
            years.clone().min().unwrap_or_default(),
            years.max().unwrap_or_default(),
        )
    }
}

/// The agency an address names: its `agency.json` and `series.json`, nothing of other bodies.
pub fn use_agency(address: Memo<AgencyAddress>) -> Data<AgencyData> {
    let preloaded = use_preloaded();
    let agency = address.get_untracked().agency;
    let ready = preloaded.catalog.as_ref().and_then(|catalog| {
        Some(AgencyData {
            entry: catalog.agency(&agency)?.clone(),
            series: preloaded.series(&agency)?,
        })
    });
    if let Some(data) = ready {
        return Data::Ready(data);
    }
    let base = use_site_base();
    let agency = Memo::new(move |_| address.with(|a| a.agency.clone()));
    Data::Loading(LocalResource::new(move || {
        let (base, agency) = (base.clone(), agency.get());
        async move {
            let (file, series) = futures::join!(
                api::load_agency_file(base.clone(), agency.clone()),
                api::load_series(base, agency)
            );
            // No agency file: no such agency. With one, a missing series file is the site's
            // fault, not a missing page.
            let entry = file?.entry.clone();
            let series = series.map_err(Failure::Load)?;
            Ok(AgencyData { entry, series })
        }
    }))
}

/// Two reports of one agency, for the comparison of two years.
#[derive(Clone)]
pub struct ReportPair {
    pub before: Arc<Report>,
    pub after: Arc<Report>,
}

/// The two reports a compare address names (earlier first), fetched together.
pub fn use_report_pair(address: Memo<CompareAddress>) -> Data<ReportPair> {
    let preloaded = use_preloaded();
    let now = address.get_untracked();
    let ready = now.years.and_then(|(a, b)| {
        Some(ReportPair {
            before: preloaded.report(&now.agency, a)?,
            after: preloaded.report(&now.agency, b)?,
        })
    });
    if let Some(pair) = ready {
        return Data::Ready(pair);
    }
    let base = use_site_base();
    let key = Memo::new(move |_| address.with(|a| (a.agency.clone(), a.years)));
    Data::Loading(LocalResource::new(move || {
        let (base, (agency, years)) = (base.clone(), key.get());
        async move {
            let (a, b) = years.ok_or(Failure::NotFound)?;
            let (before, after) = futures::join!(
                api::load_report(base.clone(), agency.clone(), a),
                api::load_report(base, agency, b)
            );
            Ok(ReportPair {
                before: before?,
                after: after?,
            })
        }
    }))
}

/// The overview's totals over every body (`overview.json`).
pub fn use_overview() -> Data<Arc<Vec<Total>>> {
    site_file(use_preloaded().overview, api::load_overview)
}
