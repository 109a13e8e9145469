//! The catalog by region, split into files whose size does not grow with the number of
//! bodies: a small index of the top-level regions (`data/regions.json`), one file per region
//! with its sub-regions and its own bodies (`data/region/{slug}.json`), one file per body
//! (`data/{agency}/agency.json`), and a list of names the home page's filter fetches only when
//! a reader types (`data/names.json`).

use serde::{Deserialize, Serialize};

use crate::catalog::{AgencyEntry, Catalog, ReportEntry};
use crate::checkup::BodyKind;
use crate::report::{ReportFormat, SCHEMA_VERSION};

/// A region by name: province, city or county (the 行政区划 code where known).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Region {
    /// URL-safe and unique over the whole catalog, e.g. `fujian-pingtan`.
    pub slug: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// Where bodies with no region stand (a report ingested without one).
pub const UNPLACED_SLUG: &str = "unplaced";

/// The region of bodies that name none.
pub fn unplaced() -> Region {
    Region {
        slug: UNPLACED_SLUG.into(),
        name: "未标注地区".into(),
        code: None,
    }
}

/// A region with how much stands under it (its sub-regions included).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegionSummary {
    #[serde(flatten)]
    pub region: Region,
    pub bodies: usize,
    pub reports: usize,
}

/// A report as a list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportLink {
    pub year: u16,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    pub format: ReportFormat,
}

impl From<&ReportEntry> for ReportLink {
    fn from(entry: &ReportEntry) -> Self {
        ReportLink {
            year: entry.year,
            title: entry.title.clone(),
            published: entry.published.clone(),
            format: entry.format,
        }
    }
}

/// A body as a region's list shows it: its name, kind, years and latest report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BodySummary {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<BodyKind>,
    /// Newest first.
    pub years: Vec<u16>,
    pub latest: ReportLink,
}

/// A newly published report, for the home page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LatestReport {
    pub agency: String,
    pub agency_name: String,
    #[serde(flatten)]
    pub report: ReportLink,
}

/// How many newly published reports the index carries: a fixed number, so that the index
/// stays the same size however many bodies there are.
pub const LATEST_COUNT: usize = 8;

/// `data/regions.json`: the top-level regions, the totals and the latest reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegionIndex {
    pub schema_version: u32,
    pub bodies: usize,
    pub reports: usize,
    pub regions: Vec<RegionSummary>,
    pub latest: Vec<LatestReport>,
    /// Every report year of the catalog, newest first (the search page's year filter).
    #[serde(default)]
    pub years: Vec<u16>,
}

/// `data/region/{slug}.json`: one region, where it stands, its sub-regions and its own bodies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegionShard {
    pub schema_version: u32,
    #[serde(flatten)]
    pub region: RegionSummary,
    /// The regions above it, top first.
    pub path: Vec<Region>,
    pub children: Vec<RegionSummary>,
    pub agencies: Vec<BodySummary>,
}

/// `data/{agency}/agency.json`: one body's catalog entry and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgencyFile {
    pub schema_version: u32,
    #[serde(flatten)]
    pub entry: AgencyEntry,
}

/// A body in `data/names.json`, for the filter on the home page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NameEntry {
    pub id: String,
    pub name: String,
    /// Pinyin initials of the name (`ptzhsyq`), where the build could give them.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub initials: String,
    /// The names of the regions it stands in, top first.
    pub region: Vec<String>,
    pub latest: u16,
}

/// `data/names.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NameIndex {
    pub schema_version: u32,
    pub bodies: Vec<NameEntry>,
}

impl NameIndex {
    /// Bodies whose name, initials or region contain `query` (case-insensitive), at most
    /// `limit`, in catalog order.
    pub fn matching(&self, query: &str, limit: usize) -> Vec<&NameEntry> {
        let query = query.trim().to_lowercase();
        if query.is_empty() {
            return Vec::new();
        }
        self.bodies
            .iter()
            .filter(|b| {
                b.name.contains(&query)
                    || b.initials.contains(&query)
                    || b.region.iter().any(|r| r.contains(&query))
            })
            .take(limit)
            .collect()
    }
}

/// Every file of the catalog by region.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionFiles {
    pub index: RegionIndex,
    pub shards: Vec<RegionShard>,
    pub agencies: Vec<AgencyFile>,
    pub names: NameIndex,
}

/// A node of the region tree while it is built.
struct Node {
    region: Region,
    path: Vec<Region>,
    children: Vec<usize>,
    agencies: Vec<usize>,
}

impl RegionFiles {
    /// Splits a catalog by its bodies' regions. `initials` gives a name's pinyin initials (the
    /// ingest has the dictionary; empty where none).
    pub fn from_catalog(catalog: &Catalog, initials: impl Fn(&str) -> String) -> Self {
        let mut nodes: Vec<Node> = Vec::new();
        let mut roots: Vec<usize> = Vec::new();
        let mut by_slug: std::collections::HashMap<String, usize> = Default::default();
        for (index, entry) in catalog.agencies.iter().enumerate() {
            let steps = match entry.agency.region.as_slice() {
                [] => vec![unplaced()],
                steps => steps.to_vec(),
            };
            let mut parent: Option<usize> = None;
            for (depth, step) in steps.iter().enumerate() {
                let node = match by_slug.get(&step.slug) {
                    Some(&node) => node,
                    None => {
                        nodes.push(Node {
                            region: step.clone(),
                            path: steps[..depth].to_vec(),
                            children: Vec::new(),
                            agencies: Vec::new(),
                        });
                        let node = nodes.len() - 1;
                        by_slug.insert(step.slug.clone(), node);
                        match parent {
                            Some(p) => nodes[p].children.push(node),
                            None => roots.push(node),
                        }
                        node
                    }
                };
                parent = Some(node);
            }
            if let Some(leaf) = parent {
                nodes[leaf].agencies.push(index);
            }
        }

        // Totals bottom-up: a node's children were created after it.
        let mut totals = vec![(0usize, 0usize); nodes.len()];
        for node in (0..nodes.len()).rev() {
            let own = nodes[node].agencies.iter().fold((0, 0), |(b, r), &a| {
                (b + 1, r + catalog.agencies[a].reports.len())
            });
            let below = nodes[node]
                .children
                .iter()
                .fold((0, 0), |(b, r), &c| (b + totals[c].0, r + totals[c].1));
            totals[node] = (own.0 + below.0, own.1 + below.1);
        }
        let summary = |node: usize| RegionSummary {
            region: nodes[node].region.clone(),
            bodies: totals[node].0,
            reports: totals[node].1,
        };

        let shards = (0..nodes.len())
            .map(|node| RegionShard {
                schema_version: SCHEMA_VERSION,
                region: summary(node),
                path: nodes[node].path.clone(),
                children: nodes[node].children.iter().map(|&c| summary(c)).collect(),
                agencies: nodes[node]
                    .agencies
                    .iter()
                    .filter_map(|&a| body_summary(&catalog.agencies[a]))
                    .collect(),
            })
            .collect();

        let mut latest: Vec<LatestReport> = catalog
            .agencies
            .iter()
            .filter_map(|a| {
                let newest = a.reports.first()?;
                Some(LatestReport {
                    agency: a.agency.id.clone(),
                    agency_name: a.agency.name.clone(),
                    report: newest.into(),
                })
            })
            .collect();
        // Newest publication first; a report without a date after those with one.
        latest.sort_by(|a, b| {
            (
                b.report.published.is_some(),
                &b.report.published,
                b.report.year,
            )
                .cmp(&(
                    a.report.published.is_some(),
                    &a.report.published,
                    a.report.year,
                ))
        });
        latest.truncate(LATEST_COUNT);

        let mut years: Vec<u16> = catalog
            .agencies
            .iter()
            .flat_map(|a| a.reports.iter().map(|r| r.year))
            .collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        let index = RegionIndex {
            schema_version: SCHEMA_VERSION,
            bodies: catalog.agencies.len(),
            reports: catalog.agencies.iter().map(|a| a.reports.len()).sum(),
            regions: roots.iter().map(|&r| summary(r)).collect(),
            latest,
            years,
        };
        let agencies = catalog
            .agencies
            .iter()
            .map(|entry| AgencyFile {
                schema_version: SCHEMA_VERSION,
                entry: entry.clone(),
            })
            .collect();
        let names = NameIndex {
            schema_version: SCHEMA_VERSION,
            bodies: catalog
                .agencies
                .iter()
                .map(|a| NameEntry {
                    id: a.agency.id.clone(),
                    name: a.agency.name.clone(),
                    initials: initials(&a.agency.name),
                    region: a.agency.region.iter().map(|r| r.name.clone()).collect(),
                    latest: a.reports.first().map(|r| r.year).unwrap_or_default(),
                })
                .collect(),
        };
        RegionFiles {
            index,
            shards,
            agencies,
            names,
        }
    }
}

fn body_summary(entry: &AgencyEntry) -> Option<BodySummary> {
    Some(BodySummary {
        id: entry.agency.id.clone(),
        name: entry.agency.name.clone(),
        kind: entry.agency.kind,
        years: entry.reports.iter().map(|r| r.year).collect(),
        latest: entry.reports.first()?.into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::ReportEntry;
    use crate::report::Agency;

    fn region(slug: &str, name: &str) -> Region {
        Region {
            slug: slug.into(),
            name: name.into(),
            code: None,
        }
    }

    /// A catalog of `n` bodies (generated) spread over a fixed geography, as the country's
    /// is: 8 provinces of 12 cities of 10 counties.
    fn generated_catalog(n: usize) -> Catalog {
        let agencies = (0..n)
            .map(|i| {
                let (province, city, county) = (i % 8, (i / 8) % 12, (i / 96) % 10);
                AgencyEntry {
                    agency: Agency {
                        id: format!("body-{i}"),
                        name: format!("合成测试机关{i}"),
                        kind: Some(BodyKind::Department),
                        region: vec![
                            region(&format!("p{province}"), &format!("合成省{province}")),
                            region(
                                &format!("p{province}-c{city}"),
                                &format!("合成市{province}-{city}"),
                            ),
                            region(
                                &format!("p{province}-c{city}-x{county}"),
                                &format!("合成县{province}-{city}-{county}"),
                            ),
                        ],
                    },
                    reports: (2015..2025)
                        .rev()
                        .map(|year| ReportEntry {
                            year,
                            title: format!("合成测试机关{i}{year}年度政府信息公开工作年度报告"),
                            published: Some(format!("{}-03-{:02}", year + 1, 1 + i % 28)),
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

    fn size<T: Serialize>(value: &T) -> usize {
        serde_json::to_string(value).unwrap().len()
    }

    #[test]
    fn the_index_does_not_grow_with_the_bodies() {
        let small = RegionFiles::from_catalog(&generated_catalog(100), |_| String::new());
        let large = RegionFiles::from_catalog(&generated_catalog(10_000), |_| String::new());
        let (a, b) = (size(&small.index), size(&large.index));
        assert!(b as f64 <= a as f64 * 1.1, "index {a} → {b} bytes");
        assert_eq!(large.index.bodies, 10_000);
        assert_eq!(large.index.reports, 100_000);
        assert_eq!(large.index.regions.len(), 8);
        assert_eq!(large.index.latest.len(), LATEST_COUNT);
        assert_eq!(large.index.years, (2015..2025).rev().collect::<Vec<u16>>());
        // A region's shard holds its own bodies and names its sub-regions: bounded by the
        // geography, not by the catalog's size.
        let biggest = large.shards.iter().map(size).max().unwrap();
        assert!(biggest < 20_000, "{biggest} bytes");
        assert!(large
            .shards
            .iter()
            .all(|s| s.agencies.len() <= 11 && s.children.len() <= 12));
    }

    #[test]
    fn totals_add_up_the_tree() {
        let files = RegionFiles::from_catalog(&generated_catalog(1000), |_| String::new());
        let total: usize = files.index.regions.iter().map(|r| r.bodies).sum();
        assert_eq!(total, 1000);
        for shard in &files.shards {
            let below: usize = shard.children.iter().map(|c| c.bodies).sum();
            assert_eq!(shard.region.bodies, below + shard.agencies.len());
        }
        let city = files
            .shards
            .iter()
            .find(|s| s.region.region.slug == "p1-c0-x0")
            .unwrap();
        assert_eq!(
            city.path,
            vec![region("p1", "合成省1"), region("p1-c0", "合成市1-0")]
        );
        assert_eq!(city.agencies.len(), 2);
        assert_eq!(city.agencies[0].years.len(), 10);
        assert_eq!(city.agencies[0].latest.year, 2024);
    }

    #[test]
    fn bodies_without_a_region_stand_apart() {
        let mut catalog = generated_catalog(3);
        catalog.agencies[2].agency.region.clear();
        let files = RegionFiles::from_catalog(&catalog, |_| String::new());
        let slugs: Vec<&str> = files
            .index
            .regions
            .iter()
            .map(|r| r.region.slug.as_str())
            .collect();
        assert_eq!(slugs, ["p0", "p1", UNPLACED_SLUG]);
    }

    #[test]
    fn names_match_by_name_initials_and_region() {
        let files = RegionFiles::from_catalog(&generated_catalog(30), |name| {
            if name.ends_with('7') {
                "hcjg7".into()
            } else {
                String::new()
            }
        });
        assert_eq!(files.names.matching("机关12", 5)[0].id, "body-12");
        assert_eq!(files.names.matching("HCJG7", 5)[0].id, "body-7");
        assert_eq!(files.names.matching("合成省3", 100).len(), 4);
        assert!(files.names.matching("  ", 5).is_empty());
        assert_eq!(files.names.matching("合成", 5).len(), 5);
    }

    #[test]
    fn latest_reports_are_the_newest_published() {
        let files = RegionFiles::from_catalog(&generated_catalog(40), |_| String::new());
        let dates: Vec<&str> = files
            .index
            .latest
            .iter()
            .map(|l| l.report.published.as_deref().unwrap())
            .collect();
        let mut sorted = dates.clone();
        sorted.sort_unstable_by(|a, b| b.cmp(a));
        assert_eq!(dates, sorted);
        assert_eq!(dates[0], "2025-03-28");
    }
}
