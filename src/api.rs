//! Fetching the data files (catalog and reports) from the site.

use std::fmt;
use std::sync::Arc;

use nianbao_model::{parse_catalog, parse_report, paths, Catalog, DataError, Report};

use crate::site::SiteBase;

/// Why data could not be loaded. `Display` speaks to the reader (zh-CN).
#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    /// The request did not complete (offline, server down, blocked).
    Network(String),
    /// The server answered that there is no such file.
    NotFound,
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
            FetchError::NotFound => write!(f, "服务器上没有这份数据"),
            FetchError::Status(code) => {
                write!(f, "服务器暂时无法提供数据（HTTP {code}），请稍后重试")
            }
            FetchError::Data(e) => e.fmt(f),
        }
    }
}

/// Fetches a site file as text. A page sent in place of a data file (a host that answers
/// every path with the app) counts as not found.
#[cfg(target_arch = "wasm32")]
async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| FetchError::Network(e.to_string()))?;
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
    response
        .text()
        .await
        .map_err(|e| FetchError::Network(e.to_string()))
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

pub async fn load_catalog(base: SiteBase) -> Result<Arc<Catalog>, FetchError> {
    let text = fetch_text(&base.href(&format!("/{}", paths::CATALOG))).await?;
    parse_catalog(&text).map(Arc::new).map_err(FetchError::Data)
}

pub async fn load_report(
    base: SiteBase,
    agency: String,
    year: u16,
) -> Result<Arc<Report>, FetchError> {
    let text = fetch_text(&base.href(&format!("/{}", paths::report(&agency, year)))).await?;
    parse_report(&text).map(Arc::new).map_err(FetchError::Data)
}
