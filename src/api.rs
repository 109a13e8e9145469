//! Fetching the data files (regions, bodies, reports, series) from the site.

use std::fmt;
use std::sync::Arc;

use nianbao_model::overview::Total;
use nianbao_model::{
    parse_agency_file, parse_name_index, parse_overview, parse_region_checks, parse_region_index,
    parse_region_shard, parse_report, parse_report_head, parse_series, paths, AgencyFile,
    DataError, NameIndex, RegionChecks, RegionIndex, RegionShard, Report, ReportHead, Series,
};

use crate::site::SiteBase;

/// Why data could not be loaded. `Display` speaks to the reader (zh-CN).
#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    /// The request did not complete (offline, server down, blocked).
    Network(String),
    /// No complete answer within [`FETCH_TIMEOUT`]: the request was given up.
    Timeout,
    /// The server answered that there is no such file.
    NotFound,
    /// Offline, and the file is not kept on this device (the service worker says so, or the
    /// browser is offline).
    Offline,
    /// Any other unsuccessful HTTP status.
    Status(u16),
    /// The file arrived but could not be read.
    Data(DataError),
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Network(detail) => {
                write!(f, "无法连接到服务器，请检查网络后重试（{detail}）")
            }
            FetchError::Timeout => write!(
                f,
                "服务器{}秒内没有送达数据，网络可能太慢或中断，请稍后重试",
                FETCH_TIMEOUT.as_secs()
            ),
            FetchError::NotFound => write!(f, "服务器上没有这份数据"),
            FetchError::Offline => write!(f, "现在处于离线状态，这份数据没有保存在本机"),
            FetchError::Status(code) => {
                write!(f, "服务器暂时无法提供数据（HTTP {code}），请稍后重试")
            }
            FetchError::Data(e) => e.fmt(f),
        }
    }
}

/// How long a data file may take, answer and body together, before the reader is told and
/// offered a retry: a request that never completes would otherwise leave the page loading
/// forever. Generous, since a large report on a slow phone connection takes seconds.
pub const FETCH_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(15);

/// Fetches a site file as text, giving up after [`FETCH_TIMEOUT`]. A page sent in place of a
/// data file (a host that answers every path with the app) counts as not found.
#[cfg(target_arch = "wasm32")]
async fn fetch_text(url: &str) -> Result<String, FetchError> {
    use std::cell::Cell;
    use std::rc::Rc;

    let controller = web_sys::AbortController::new()
        .map_err(|_| FetchError::Network("AbortController".into()))?;
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        leptos::prelude::set_timeout_with_handle(
            move || {
                timed_out.set(true);
                controller.abort();
            },
            FETCH_TIMEOUT,
        )
        .ok()
    };
    // Aborting also ends a body that is still arriving.
    let result = fetch_text_with(url, &controller.signal()).await;
    if let Some(timer) = timer {
        timer.clear();
    }
    let offline = || !leptos::prelude::window().navigator().on_line();
    match result {
        Err(FetchError::Network(_)) if timed_out.get() => Err(FetchError::Timeout),
        Err(FetchError::Network(_)) if offline() => Err(FetchError::Offline),
        result => result,
    }
}

#[cfg(target_arch = "wasm32")]
async fn fetch_text_with(url: &str, signal: &web_sys::AbortSignal) -> Result<String, FetchError> {
    let response = gloo_net::http::Request::get(url)
        .abort_signal(Some(signal))
        .send()
        .await
        .map_err(|e| FetchError::Network(e.to_string()))?;
    // The service worker's answer for a file it does not keep, offline (web/sw.js).
    if response.status() == 503 && response.headers().get("x-nianbao-offline").is_some() {
        return Err(FetchError::Offline);
    }
    match response.status() {
        200..=299 => {}
        404 => return Err(FetchError::NotFound),
        code => return Err(FetchError::Status(code)),
    }
    let is_html = response
        .headers()
        .get("content-type")
        .is_some_and(|t| t.starts_with("text/html"));
    if is_html {
        return Err(FetchError::NotFound);
    }
    // As bytes: a copy of the body, where `.text()` would have the browser decode it and the
    // wasm bindings encode it again (30 ms for a report of 1 MB).
    let bytes = response
        .binary()
        .await
        .map_err(|e| FetchError::Network(e.to_string()))?;
    Ok(String::from_utf8(bytes)
        .unwrap_or_else(|invalid| String::from_utf8_lossy(invalid.as_bytes()).into_owned()))
}

/// Natively (tests, pre-rendering) the site's files are read from `public/`.
#[cfg(not(target_arch = "wasm32"))]
async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("public")
        .join(url.trim_start_matches('/'));
    std::fs::read_to_string(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => FetchError::NotFound,
        _ => FetchError::Network(e.to_string()),
    })
}

/// A data file that could not be loaded: which file, and why. `Display` speaks to the reader
/// (zh-CN) and names the file, so that one bad file among many is found at once.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    /// The file's path under the site's base, e.g. `data/pingtan/2019.json`.
    pub file: String,
    pub error: FetchError,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}（文件 {}）", self.error, self.file)
    }
}

/// Fetches the site file `file` (relative to the base) and reads it with `parse`.
async fn load<T>(
    base: &SiteBase,
    file: String,
    parse: impl FnOnce(&str) -> Result<T, DataError>,
) -> Result<Arc<T>, LoadError> {
    let result = match fetch_text(&base.href(&format!("/{file}"))).await {
        Ok(text) => parse(&text).map(Arc::new).map_err(FetchError::Data),
        Err(e) => Err(e),
    };
    // The page is drawn from a large file in the task after the one that read it, so that
    // neither blocks the tab for long.
    #[cfg(target_arch = "wasm32")]
    crate::yielding::next_task().await;
    result.map_err(|error| LoadError { file, error })
}

/// The index of top-level regions (the home page's tree).
pub async fn load_region_index(base: SiteBase) -> Result<Arc<RegionIndex>, LoadError> {
    load(&base, paths::REGIONS.to_string(), parse_region_index).await
}

/// One region's sub-regions and bodies.
pub async fn load_region(base: SiteBase, slug: String) -> Result<Arc<RegionShard>, LoadError> {
    load(&base, paths::region(&slug), parse_region_shard).await
}

/// One region's check-up table.
pub async fn load_region_checks(
    base: SiteBase,
    slug: String,
) -> Result<Arc<RegionChecks>, LoadError> {
    load(&base, paths::checks(&slug), parse_region_checks).await
}

/// One body's catalog entry.
pub async fn load_agency_file(
    base: SiteBase,
    agency: String,
) -> Result<Arc<AgencyFile>, LoadError> {
    load(&base, paths::agency(&agency), parse_agency_file).await
}

/// Every body's name, for the home page's filter.
pub async fn load_names(base: SiteBase) -> Result<Arc<NameIndex>, LoadError> {
    load(&base, paths::NAMES.to_string(), parse_name_index).await
}

pub async fn load_report(
    base: SiteBase,
    agency: String,
    year: u16,
) -> Result<Arc<Report>, LoadError> {
    load(&base, paths::report(&agency, year), parse_report).await
}

/// Whose report a report file is, read without the rest of it (the list of what is kept).
pub async fn load_report_head(
    base: SiteBase,
    agency: String,
    year: u16,
) -> Result<Arc<ReportHead>, LoadError> {
    load(&base, paths::report(&agency, year), parse_report_head).await
}

/// The overview's totals over every body.
pub async fn load_overview(base: SiteBase) -> Result<Arc<Vec<Total>>, LoadError> {
    load(&base, paths::OVERVIEW.to_string(), parse_overview).await
}

/// An agency's indicator series (charts, 图解), as the data set's `series.json` has them.
pub async fn load_series(base: SiteBase, agency: String) -> Result<Arc<Vec<Series>>, LoadError> {
    load(&base, paths::series(&agency), parse_series).await
}
