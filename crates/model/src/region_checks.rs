//! The check-up table by region: one file per region (`data/checks/{slug}.json`) with the
//! catalog entries, check-ups included, of the bodies it covers, so that `/checks/{slug}`
//! never reads the whole catalog. A region covers every body under it while they hold at most
//! [`WHOLE_REPORTS`] reports, else only its own bodies (its sub-regions have files of their own):
//! a file's size is bounded by that figure, not by the number of bodies in the country.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::catalog::{AgencyEntry, Catalog};
use crate::regions::{Region, RegionShard, RegionSummary};
use crate::report::SCHEMA_VERSION;

/// Up to how many reports a region's file holds its sub-regions' bodies too (about 1.6 KB of
/// JSON a report: some 800 KB raw, a table a reader can still scan and sort).
pub const WHOLE_REPORTS: usize = 500;

/// `data/checks/{slug}.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegionChecks {
    pub schema_version: u32,
    #[serde(flatten)]
    pub region: RegionSummary,
    /// The regions above it, top first.
    pub path: Vec<Region>,
    pub children: Vec<RegionSummary>,
    /// Whether `agencies` holds every body under the region, its sub-regions' too (else only
    /// its own).
    pub whole: bool,
    pub agencies: Vec<AgencyEntry>,
}

impl RegionChecks {
    /// One file per region of `shards` (the catalog's tree, see `RegionFiles`).
    pub fn for_regions(catalog: &Catalog, shards: &[RegionShard]) -> Vec<RegionChecks> {
        let by_slug: HashMap<&str, &RegionShard> = shards
            .iter()
            .map(|s| (s.region.region.slug.as_str(), s))
            .collect();
        let by_id: HashMap<&str, &AgencyEntry> = catalog
            .agencies
            .iter()
            .map(|a| (a.agency.id.as_str(), a))
            .collect();
        shards
            .iter()
            .map(|shard| {
                let whole = shard.region.reports <= WHOLE_REPORTS;
                let mut ids: Vec<&str> = Vec::new();
                let mut pending = vec![shard];
                while let Some(next) = pending.pop() {
                    ids.extend(next.agencies.iter().map(|b| b.id.as_str()));
                    if whole {
                        // Reversed onto the stack: sub-regions come out in their order.
                        pending.extend(
                            next.children
                                .iter()
                                .rev()
                                .filter_map(|c| by_slug.get(c.region.slug.as_str())),
                        );
                    }
                }
                RegionChecks {
                    schema_version: SCHEMA_VERSION,
                    region: shard.region.clone(),
                    path: shard.path.clone(),
                    children: shard.children.clone(),
                    whole,
                    agencies: ids
                        .into_iter()
                        .filter_map(|id| by_id.get(id).map(|&a| a.clone()))
                        .collect(),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::ReportEntry;
    use crate::checkup::BodyKind;
    use crate::report::{Agency, ReportFormat};
    use crate::RegionFiles;

    fn region(slug: &str) -> Region {
        Region {
            slug: slug.into(),
            name: format!("合成地区{slug}"),
            code: None,
        }
    }

    /// `n` generated bodies of `years` reports each over 8 provinces of 12 cities of 10
    /// counties.
    fn generated_catalog(n: usize, years: u16) -> Catalog {
        let agencies = (0..n)
            .map(|i| {
                let (p, c, x) = (i % 8, (i / 8) % 12, (i / 96) % 10);
                AgencyEntry {
                    agency: Agency {
                        id: format!("body-{i}"),
                        name: format!("合成测试机关{i}"),
                        kind: Some(BodyKind::Department),
                        region: vec![
                            region(&format!("p{p}")),
                            region(&format!("p{p}-c{c}")),
                            region(&format!("p{p}-c{c}-x{x}")),
                        ],
                    },
                    reports: (0..years)
                        .map(|y| ReportEntry {
                            year: 2024 - y,
                            title: format!("合成测试机关{i}年度报告"),
                            published: None,
                            format: ReportFormat::Template2021,
                            checkup: None,
                        })
                        .collect(),
                }
            })
            .collect();
        Catalog {
            schema_version: SCHEMA_VERSION,
            agencies,
        }
    }

    fn checks(catalog: &Catalog) -> Vec<RegionChecks> {
        let files = RegionFiles::from_catalog(catalog, |_| String::new());
        RegionChecks::for_regions(catalog, &files.shards)
    }

    #[test]
    fn a_small_region_holds_its_sub_regions_bodies() {
        let catalog = generated_catalog(20, 10);
        let all = checks(&catalog);
        let province = all.iter().find(|c| c.region.region.slug == "p0").unwrap();
        assert!(province.whole);
        // body-0, body-8 and body-16 stand in p0's cities.
        let ids: Vec<&str> = province
            .agencies
            .iter()
            .map(|a| a.agency.id.as_str())
            .collect();
        assert_eq!(ids, ["body-0", "body-8", "body-16"]);
        assert_eq!(province.agencies.len(), province.region.bodies);
    }

    #[test]
    fn no_file_grows_with_the_bodies() {
        let catalog = generated_catalog(10_000, 10);
        let all = checks(&catalog);
        let reports = |c: &RegionChecks| c.agencies.iter().map(|a| a.reports.len()).sum();
        let biggest: usize = all.iter().map(reports).max().unwrap();
        assert!(biggest <= WHOLE_REPORTS, "{biggest} reports in one file");
        // Every body is in the file of its own region, whole or not.
        for entry in &catalog.agencies {
            let own = &entry.agency.region.last().unwrap().slug;
            let file = all.iter().find(|c| &c.region.region.slug == own).unwrap();
            assert!(file.agencies.iter().any(|a| a.agency.id == entry.agency.id));
        }
        // Too big to hold its sub-regions: a province holds its own bodies only (none).
        let province = all.iter().find(|c| c.region.region.slug == "p0").unwrap();
        assert!(!province.whole);
        assert!(province.agencies.is_empty());
        assert_eq!(province.children.len(), 12);
    }
}
