//! Shared by the native tests that render pre-rendered pages.

use std::path::Path;

use nianbao::data::Preloaded;
use nianbao::prerender::{load_data, prepare_templates, render_page, SectionCache, Templates};
use nianbao::site::SiteBase;

/// The repository's root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The shipped data set.
pub fn data() -> Preloaded {
    load_data(&root().join("public")).unwrap()
}

/// The page templates made from the source `index.html`.
pub fn templates() -> Templates {
    let index = std::fs::read_to_string(root().join("index.html")).unwrap();
    // The source index.html links no built stylesheet: nothing is read.
    prepare_templates(&index, |href| Err(format!("{href}: not built"))).unwrap()
}

/// The site the test pages are rendered for.
pub fn base() -> SiteBase {
    SiteBase::new("https://nianbao.example", "/")
}

/// The pre-rendered page at `path`, for a site at `https://nianbao.example/`.
pub fn page(path: &str) -> String {
    render_page(
        &templates(),
        &base(),
        &data(),
        &SectionCache::default(),
        path,
    )
}
