//! The routes' parameters as typed values, read in one place each.
//!
//! Hand-written `Params` impls rather than the derive: a year that is not a number must still
//! leave the agency readable (the not-found view then offers that agency's reports), where the
//! derive would fail the whole address.

use leptos::prelude::*;
use leptos_router::hooks::use_params;
use leptos_router::params::{Params, ParamsError, ParamsMap};

/// `/:agency/:year/:section?` and `/:agency/:year/tujie`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportAddress {
    pub agency: String,
    /// `None` where the segment is not a year.
    pub year: Option<u16>,
    /// A section id (`s5`, `s3-2`), if the address names one.
    pub section: Option<String>,
}

/// `/:agency` and `/:agency/indicators/:key`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AgencyAddress {
    pub agency: String,
    /// A chart or series key of `nianbao_model::series`, on an indicator page.
    pub indicator: Option<String>,
}

/// `/:agency/compare/:year_a/:year_b/:section?`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CompareAddress {
    pub agency: String,
    /// `None` where a segment is not a year.
    pub years: Option<(u16, u16)>,
    /// A section id of the later year, if the address names one.
    pub section: Option<String>,
}

fn text(map: &ParamsMap, name: &str) -> Option<String> {
    map.get(name).filter(|v| !v.is_empty())
}

impl Params for ReportAddress {
    fn from_map(map: &ParamsMap) -> Result<Self, ParamsError> {
        Ok(Self {
            agency: text(map, "agency").unwrap_or_default(),
            year: text(map, "year").and_then(|y| y.parse().ok()),
            section: text(map, "section"),
        })
    }
}

impl Params for AgencyAddress {
    fn from_map(map: &ParamsMap) -> Result<Self, ParamsError> {
        Ok(Self {
            agency: text(map, "agency").unwrap_or_default(),
            indicator: text(map, "key"),
        })
    }
}

impl Params for CompareAddress {
    fn from_map(map: &ParamsMap) -> Result<Self, ParamsError> {
        let year = |name| text(map, name).and_then(|y| y.parse::<u16>().ok());
        Ok(Self {
            agency: text(map, "agency").unwrap_or_default(),
            years: year("year_a").zip(year("year_b")),
            section: text(map, "section"),
        })
    }
}

/// The current route's parameters as `T` (the impls above never fail).
fn use_address<T>() -> Memo<T>
where
    T: Params + Default + PartialEq + Clone + Send + Sync + 'static,
{
    let params = use_params::<T>();
    Memo::new(move |_| params.get().unwrap_or_default())
}

pub fn use_report_address() -> Memo<ReportAddress> {
    use_address()
}

pub fn use_agency_address() -> Memo<AgencyAddress> {
    use_address()
}

pub fn use_compare_address() -> Memo<CompareAddress> {
    use_address()
}
