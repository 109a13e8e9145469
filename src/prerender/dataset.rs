//! The data set the build copied into `dist/data`, read a part at a time, with a digest of
//! what each part of the site is rendered from (for rebuilding only what changed).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use nianbao_model::overview::Total;
use nianbao_model::{paths, AgencyEntry, Catalog, RegionIndex, RegionShard, Series};

use super::state::Digest;
use crate::data::Preloaded;

/// Read a part at a time so that memory holds one agency's data, however many there are: the
/// catalog, the regions and the overview's totals up front, an agency's reports and series
/// when its pages are rendered.
pub struct DataSet {
    dist: PathBuf,
    catalog: Arc<Catalog>,
    regions: Arc<RegionIndex>,
    shards: HashMap<String, Arc<RegionShard>>,
    overview: Arc<Vec<Total>>,
    /// The files read up front (the regions' check-up tables are read only for the site-wide
    /// pages: the worker processes never need them).
    opened_digest: String,
}

/// One agency's files as read, not yet parsed, and the digest of all that its pages are
/// rendered from.
pub struct AgencySources {
    pub digest: String,
    entry: AgencyEntry,
    series: String,
    reports: Vec<(String, String)>,
}

impl DataSet {
    pub fn open(dist: &Path) -> Result<Self, String> {
        let read = |relative: &str| read_data(dist, relative);
        let mut site_digest = Digest::new();
        let catalog_text = read(paths::CATALOG)?;
        site_digest.add(paths::CATALOG, &catalog_text);
        let catalog =
            nianbao_model::parse_catalog(&catalog_text).map_err(|e| format!("catalog: {e}"))?;
        let regions_text = read(paths::REGIONS)?;
        site_digest.add(paths::REGIONS, &regions_text);
        let regions = nianbao_model::parse_region_index(&regions_text)
            .map_err(|e| format!("regions: {e}"))?;
        // Every region, from the top down.
        let mut shards = HashMap::new();
        let mut pending: Vec<String> = regions
            .regions
            .iter()
            .map(|r| r.region.slug.clone())
            .collect();
        while let Some(slug) = pending.pop() {
            let relative = paths::region(&slug);
            let text = read(&relative)?;
            site_digest.add(&relative, &text);
            let shard =
                nianbao_model::parse_region_shard(&text).map_err(|e| format!("{relative}: {e}"))?;
            pending.extend(shard.children.iter().map(|c| c.region.slug.clone()));
            shards.insert(slug, Arc::new(shard));
        }
        let overview_text = read(paths::OVERVIEW)?;
        site_digest.add(paths::OVERVIEW, &overview_text);
        let overview = nianbao_model::parse_overview(&overview_text)
            .map_err(|e| format!("{}: {e}", paths::OVERVIEW))?;
        Ok(DataSet {
            dist: dist.to_path_buf(),
            catalog: Arc::new(catalog),
            regions: Arc::new(regions),
            shards,
            overview: Arc::new(overview),
            opened_digest: site_digest.finish(),
        })
    }

    /// The agencies, in catalog order.
    pub fn agencies(&self) -> impl Iterator<Item = &str> {
        self.catalog.agencies.iter().map(|a| a.agency.id.as_str())
    }

    /// What the site-wide pages are rendered from: the catalog, the regions with their
    /// check-up tables (read now) and the overview's totals.
    pub fn site(&self) -> Result<Preloaded, String> {
        let mut checks = HashMap::new();
        for slug in self.shards.keys() {
            let relative = paths::checks(slug);
            let table = nianbao_model::parse_region_checks(&self.read(&relative)?)
                .map_err(|e| format!("{relative}: {e}"))?;
            checks.insert(slug.clone(), Arc::new(table));
        }
        Ok(Preloaded {
            catalog: Some(self.catalog.clone()),
            regions: Some(self.regions.clone()),
            shards: self.shards.clone(),
            checks,
            overview: Some(self.overview.clone()),
            ..Preloaded::default()
        })
    }

    /// The regions' slugs in a fixed order.
    fn region_slugs(&self) -> Vec<&String> {
        let mut slugs: Vec<&String> = self.shards.keys().collect();
        slugs.sort_unstable();
        slugs
    }

    fn read(&self, relative: &str) -> Result<String, String> {
        read_data(&self.dist, relative)
    }

    /// The digest of every file the site-wide pages are rendered from.
    pub fn site_digest(&self) -> Result<String, String> {
        let mut digest = Digest::new();
        digest.add("opened", &self.opened_digest);
        for slug in self.region_slugs() {
            let relative = paths::checks(slug);
            digest.add(&relative, &self.read(&relative)?);
        }
        Ok(digest.finish())
    }

    /// An agency's report files, read, and the digest of all its pages are rendered from: its
    /// catalog entry, its series and its reports (see [`DataSet::agency`]).
    pub fn agency_sources(&self, id: &str) -> Result<AgencySources, String> {
        let entry = self
            .catalog
            .agency(id)
            .ok_or_else(|| format!("no agency {id} in the catalog"))?;
        let mut digest = Digest::new();
        digest.add(
            "entry",
            &serde_json::to_string(entry).map_err(|e| format!("catalog entry {id}: {e}"))?,
        );
        let series = self.read(&paths::series(id))?;
        digest.add("series", &series);
        let mut reports = Vec::new();
        for report in &entry.reports {
            let relative = paths::report(id, report.year);
            let text = self.read(&relative)?;
            digest.add(&relative, &text);
            reports.push((relative, text));
        }
        Ok(AgencySources {
            digest: digest.finish(),
            entry: entry.clone(),
            series,
            reports,
        })
    }

    /// What one agency's pages are rendered from: its own catalog entry (not the whole
    /// catalog, so that its pages depend on nothing else, and a change elsewhere leaves them
    /// as they are), its reports and its series.
    pub fn agency(&self, sources: &AgencySources) -> Result<Preloaded, String> {
        let id = sources.entry.agency.id.as_str();
        let mut reports = Vec::new();
        for (relative, text) in &sources.reports {
            let report =
                nianbao_model::parse_report(text).map_err(|e| format!("{relative}: {e}"))?;
            reports.push(Arc::new(report));
        }
        let series = parse_series(&paths::series(id), &sources.series)?;
        let series = HashMap::from([(id.to_string(), Arc::new(series))]);
        Ok(Preloaded {
            catalog: Some(Arc::new(Catalog {
                schema_version: self.catalog.schema_version,
                agencies: vec![sources.entry.clone()],
            })),
            reports,
            series,
            ..Preloaded::default()
        })
    }
}

fn parse_series(relative: &str, text: &str) -> Result<Vec<Series>, String> {
    nianbao_model::parse_series(text).map_err(|e| format!("{relative}: {e}"))
}

fn read_data(dist: &Path, relative: &str) -> Result<String, String> {
    let path = dist.join(relative);
    std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
}
