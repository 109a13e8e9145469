//! The catalog: every agency with the years it has reports for.

use serde::{Deserialize, Serialize};

use crate::checkup::Checkup;
use crate::report::{Agency, Report, ReportFormat, SCHEMA_VERSION};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    pub schema_version: u32,
    pub agencies: Vec<AgencyEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgencyEntry {
    #[serde(flatten)]
    pub agency: Agency,
    /// Newest year first.
    pub reports: Vec<ReportEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportEntry {
    pub year: u16,
    pub title: String,
    pub published: Option<String>,
    pub format: ReportFormat,
    /// The report's check-up, so that `/checks` needs only the catalog.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkup: Option<Checkup>,
}

impl Catalog {
    /// Groups reports by agency (agencies in first-seen order, years newest first).
    pub fn from_reports<'a>(reports: impl IntoIterator<Item = &'a Report>) -> Self {
        let mut agencies: Vec<AgencyEntry> = Vec::new();
        for report in reports {
            let entry = ReportEntry {
                year: report.year,
                title: report.title.clone(),
                published: report.published.clone(),
                format: report.format,
                checkup: report.checkup.clone(),
            };
            match agencies
                .iter_mut()
                .find(|a| a.agency.id == report.agency.id)
            {
                Some(agency) => agency.reports.push(entry),
                None => agencies.push(AgencyEntry {
                    agency: report.agency.clone(),
                    reports: vec![entry],
                }),
            }
        }
        for agency in &mut agencies {
            agency.reports.sort_by_key(|r| std::cmp::Reverse(r.year));
        }
        Catalog {
            schema_version: SCHEMA_VERSION,
            agencies,
        }
    }

    pub fn agency(&self, id: &str) -> Option<&AgencyEntry> {
        self.agencies.iter().find(|a| a.agency.id == id)
    }
}
