//! Where the portal is hosted: its base path (root or a sub-path) and absolute URLs.

use std::sync::Arc;

use leptos::prelude::*;

/// Where the site stands: its origin (`https://example.org`) and base path without a trailing
/// slash (`""` at the root, `"/nianbao"` under a sub-path).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SiteBase {
    origin: Arc<str>,
    path: Arc<str>,
}

impl SiteBase {
    pub fn new(origin: &str, path: &str) -> Self {
        Self {
            origin: origin.trim_end_matches('/').into(),
            path: path.trim_end_matches('/').into(),
        }
    }

    /// Reads the base from `<base href>`, which Trunk writes from `--public-url`.
    pub fn detect() -> Self {
        #[cfg(target_arch = "wasm32")]
        {
            let url = document()
                .base_uri()
                .ok()
                .flatten()
                .and_then(|uri| web_sys::Url::new(&uri).ok());
            match url {
                Some(url) => Self::new(&url.origin(), &url.pathname()),
                None => Self::default(),
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        Self::default()
    }

    /// The router's base (empty at the root).
    pub fn router_base(&self) -> String {
        self.path.to_string()
    }

    /// A site path (`/shenyang-fgw/2017`) as an href under the base.
    pub fn href(&self, path: &str) -> String {
        format!("{}{}", self.path, path)
    }

    /// A site path as an absolute URL to share.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{}", self.origin, self.href(path))
    }
}

pub fn use_site_base() -> SiteBase {
    use_context::<SiteBase>().unwrap_or_default()
}

/// Site paths of the portal's pages.
pub mod route {
    /// The search page.
    pub const SEARCH: &str = "/search";

    /// The search page with a query and its filters (empty ones left out), shareable.
    pub fn search(query: &crate::search::Query) -> String {
        let params: Vec<String> = [
            ("q", &query.text),
            ("region", &query.region),
            ("agency", &query.agency),
            ("year", &query.year),
        ]
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| format!("{k}={}", encode(v.trim())))
        .collect();
        if params.is_empty() {
            canonical(SEARCH)
        } else {
            format!("{}?{}", canonical(SEARCH), params.join("&"))
        }
    }

    /// The home page with its filter's text (empty: the plain home page).
    pub fn catalog_filter(text: &str) -> String {
        // Kept as typed (a trailing space included): the field shows what the address holds.
        if text.is_empty() {
            "/".into()
        } else {
            format!("/?filter={}", encode(text))
        }
    }

    /// Percent-encodes a query value (UTF-8 bytes; unreserved characters stay).
    fn encode(value: &str) -> String {
        value
            .bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect()
    }

    pub fn report(agency: &str, year: u16) -> String {
        format!("/{agency}/{year}")
    }

    pub fn section(agency: &str, year: u16, section: &str) -> String {
        format!("/{agency}/{year}/{section}")
    }

    /// A report's 图解 view.
    pub fn tujie(agency: &str, year: u16) -> String {
        format!("/{agency}/{year}/tujie")
    }

    /// One panel of a report's 图解 view (a top-level section), e.g. `/shenyang-fgw/2017/tujie/s3`.
    pub fn tujie_panel(agency: &str, year: u16, section: &str) -> String {
        format!("/{agency}/{year}/tujie/{section}")
    }

    /// A region's page: its sub-regions and its bodies.
    pub fn region(slug: &str) -> String {
        format!("/region/{slug}")
    }

    /// An agency's page: its reports and all its indicators.
    pub fn agency(agency: &str) -> String {
        format!("/{agency}")
    }

    /// The address of a pre-rendered page: a folder (hence the trailing slash), as canonical
    /// links, the sitemap and shared links name it.
    pub fn canonical(path: &str) -> String {
        if path.ends_with('/') {
            path.to_string()
        } else {
            format!("{path}/")
        }
    }

    /// The check-up by region: the top-level regions.
    pub fn checks() -> String {
        "/checks".to_string()
    }

    /// The check-up table of a region's reports.
    pub fn region_checks(slug: &str) -> String {
        format!("/checks/{slug}")
    }

    /// What is kept on this device for reading offline.
    pub fn offline() -> String {
        "/offline".to_string()
    }

    /// Totals over all bodies, per year.
    pub fn overview() -> String {
        "/overview".to_string()
    }

    /// Two years of one agency side by side.
    pub fn compare(agency: &str, year_a: u16, year_b: u16) -> String {
        format!("/{agency}/compare/{year_a}/{year_b}")
    }

    /// One section of two years side by side (the section id is that of the later year).
    pub fn compare_section(agency: &str, year_a: u16, year_b: u16, section: &str) -> String {
        format!("/{agency}/compare/{year_a}/{year_b}/{section}")
    }

    /// Where a check-up finding stands in its report.
    pub fn finding(agency: &str, year: u16, place: &nianbao_model::checkup::Place) -> String {
        use nianbao_model::checkup::Place;
        match place {
            Place::Report => format!("{}#{}", report(agency, year), super::anchor::checkup()),
            Place::Section { section } if section == "intro" => report(agency, year),
            Place::Section { section } => self::section(agency, year, section),
            Place::Table { section, table } => format!(
                "{}#{}",
                self::section(agency, year, section),
                super::anchor::table(*table)
            ),
            Place::Cell { section, cell } => match super::anchor::cell(cell) {
                Some(id) => format!("{}#{id}", self::section(agency, year, section)),
                None => self::section(agency, year, section),
            },
            Place::Figure {
                section,
                paragraph,
                start,
            } => format!(
                "{}#{}",
                self::section(agency, year, section),
                super::anchor::figure(section, *paragraph, *start)
            ),
        }
    }

    /// One chart's own page (`key`: a chart or series key of `nianbao_model::series`).
    pub fn indicator(agency: &str, key: &str) -> String {
        format!("/{agency}/indicators/{key}")
    }
}

/// Element ids that links point at (`…/s5#f-s5-0-51`). Shared links carry them, so they must
/// stay stable: each comes from one function here.
pub mod anchor {
    use nianbao_model::{CellAddress, ReviewCell, TableKind};

    /// A report's check-up panel.
    pub fn checkup() -> String {
        "checkup".to_string()
    }

    /// A cell of table 3 or 4 (the other tables' cells have no ids: links go to the section).
    pub fn cell(cell: &CellAddress) -> Option<String> {
        match cell {
            CellAddress::Applications { row, column } => Some(application_cell(row, *column)),
            CellAddress::Reviews(cell) => Some(review_cell(*cell)),
            _ => None,
        }
    }

    /// A section's row on the compare page.
    pub fn compare_section(section: &str) -> String {
        format!("cmp-{section}")
    }

    /// A chart on an agency or indicator page, e.g. `chart-requests-new` for `requests.new`.
    pub fn chart(key: &str) -> String {
        format!("chart-{}", key.replace('.', "-"))
    }

    /// A chart beside a report section, e.g. `chart-s3-requests-results`.
    pub fn section_chart(section: &str, key: &str) -> String {
        format!("chart-{section}-{}", key.replace('.', "-"))
    }

    /// A figure in the prose, e.g. `f-s5-0-51` (section, paragraph, character offset).
    pub fn figure(section: &str, paragraph: usize, start: usize) -> String {
        format!("f-{section}-{paragraph}-{start}")
    }

    /// A table 3 cell, e.g. `t3-results_total-0` (row key, column index).
    pub fn application_cell(row: &str, column: usize) -> String {
        format!("t3-{}-{column}", row.replace('.', "_"))
    }

    /// A table 4 cell, e.g. `t4-9`.
    pub fn review_cell(cell: ReviewCell) -> String {
        format!("t4-{}", cell.index())
    }

    /// A whole standard table, e.g. `table-reviews`.
    pub fn table(table: TableKind) -> String {
        format!("table-{}", table.key())
    }

    /// A panel of the 图解 view, e.g. `panel-s3`.
    pub fn tujie_panel(section: &str) -> String {
        format!("panel-{section}")
    }

    /// An agency's entry in the catalog, e.g. `agency-pingtan`.
    pub fn agency(id: &str) -> String {
        format!("agency-{id}")
    }
}

#[cfg(test)]
mod tests {
    use super::{anchor, route, SiteBase};
    use crate::search::Query;
    use nianbao_model::{ReviewCell, TableKind};

    // Shared links carry these addresses: a change here breaks links already out there.
    #[test]
    fn routes_are_stable() {
        assert_eq!(route::report("pingtan", 2024), "/pingtan/2024");
        assert_eq!(
            route::section("pingtan", 2024, "s3-2"),
            "/pingtan/2024/s3-2"
        );
        assert_eq!(route::tujie("pingtan", 2024), "/pingtan/2024/tujie");
        assert_eq!(
            route::tujie_panel("shenyang-fgw", 2017, "s3"),
            "/shenyang-fgw/2017/tujie/s3"
        );
        assert_eq!(route::agency("pingtan"), "/pingtan");
        assert_eq!(route::region("fujian"), "/region/fujian");
        assert_eq!(route::catalog_filter(""), "/");
        assert_eq!(route::catalog_filter("平潭"), "/?filter=%E5%B9%B3%E6%BD%AD");
        assert_eq!(
            route::indicator("pingtan", "requests.new"),
            "/pingtan/indicators/requests.new"
        );
        assert_eq!(route::canonical("/pingtan/2024/s3"), "/pingtan/2024/s3/");
        assert_eq!(route::canonical("/"), "/");
        assert_eq!(route::offline(), "/offline");
        assert_eq!(route::search(&Query::default()), "/search/");
        let query = Query {
            text: "行政 复议".into(),
            region: "fujian".into(),
            agency: "pingtan".into(),
            year: "2024".into(),
        };
        assert_eq!(
            route::search(&query),
            "/search/?q=%E8%A1%8C%E6%94%BF%20%E5%A4%8D%E8%AE%AE&region=fujian&agency=pingtan&year=2024"
        );
    }

    #[test]
    fn anchors_are_stable() {
        assert_eq!(anchor::chart("requests.new"), "chart-requests-new");
        assert_eq!(
            anchor::section_chart("s3", "requests.results"),
            "chart-s3-requests-results"
        );
        assert_eq!(anchor::figure("s5", 0, 51), "f-s5-0-51");
        assert_eq!(
            anchor::application_cell("withheld.state_secret", 6),
            "t3-withheld_state_secret-6"
        );
        assert_eq!(
            anchor::review_cell(ReviewCell::from_index(9).unwrap()),
            "t4-9"
        );
        assert_eq!(anchor::table(TableKind::Reviews), "table-reviews");
        assert_eq!(anchor::table(TableKind::Applications), "table-applications");
        assert_eq!(anchor::agency("pingtan"), "agency-pingtan");
        assert_eq!(anchor::tujie_panel("s3"), "panel-s3");
    }

    #[test]
    fn hrefs_keep_the_sub_path() {
        let base = SiteBase::new("https://example.org/", "/nianbao/");
        assert_eq!(base.href("/pingtan/2024"), "/nianbao/pingtan/2024");
        assert_eq!(
            base.absolute(&route::canonical("/pingtan")),
            "https://example.org/nianbao/pingtan/"
        );
    }
}
