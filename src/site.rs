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

    /// An agency's page: its reports and all its indicators.
    pub fn agency(agency: &str) -> String {
        format!("/{agency}")
    }

    /// One chart's own page (`key`: a chart or series key of `nianbao_model::series`).
    pub fn indicator(agency: &str, key: &str) -> String {
        format!("/{agency}/indicators/{key}")
    }
}

/// Element ids that links point at (`…/s5#f-s5-0-51`). Shared links carry them, so they must
/// stay stable: each comes from one function here.
pub mod anchor {
    /// A chart on a page, e.g. `chart-requests-new` for the key `requests.new`.
    pub fn chart(key: &str) -> String {
        format!("chart-{}", key.replace('.', "-"))
    }
}
