//! Pre-rendering: every route of the data set rendered natively, with the same components,
//! into a static HTML page of its own, so that a link previews well, reads without
//! JavaScript, and paints its text before the wasm arrives. The app then takes the page over
//! (see `takeover`).

use std::path::{Path, PathBuf};

use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;

use crate::data::Preloaded;
pub use crate::section_cache::SectionCache;
use crate::site::{route, SiteBase};
use crate::stylesheets::{Stylesheet, StylesheetsUsed};
use crate::takeover::PRERENDERED_ID;
use crate::App;

mod dataset;
mod state;

pub use dataset::{AgencySources, DataSet};
pub use state::{Digest, RenderState};

/// The pages of the site as a whole: the home page, search, check-ups, totals, and every
/// region's page and check-up. `data` needs the catalog, the regions and every agency's series.
pub fn site_paths(data: &Preloaded) -> Vec<String> {
    let mut paths = vec![
        "/".to_string(),
        route::canonical(route::SEARCH),
        route::canonical(&route::checks()),
        route::canonical(&route::overview()),
        route::canonical(&route::offline()),
    ];
    let mut regions: Vec<&String> = data.shards.keys().collect();
    regions.sort_unstable();
    for slug in regions {
        paths.push(route::canonical(&route::region(slug)));
        paths.push(route::canonical(&route::region_checks(slug)));
    }
    paths
}

/// The pages of the agencies `data` holds the reports and series of: each agency's page and
/// charts, each report with its sections and 图解, each comparison of consecutive years.
pub fn agency_paths(data: &Preloaded) -> Vec<String> {
    let mut paths = indicator_paths(data);
    for report in &data.reports {
        paths.push(route::canonical(&route::report(
            &report.agency.id,
            report.year,
        )));
        for section in report.walk() {
            paths.push(route::canonical(&route::section(
                &report.agency.id,
                report.year,
                &section.id,
            )));
        }
        paths.push(route::canonical(&route::tujie(
            &report.agency.id,
            report.year,
        )));
        // Each panel of the 图解 (a top-level section) has its own page.
        for section in &report.sections {
            paths.push(route::canonical(&route::tujie_panel(
                &report.agency.id,
                report.year,
                &section.id,
            )));
        }
    }
    paths.extend(compare_paths(data));
    paths
}

/// Every page to pre-render from a whole data set (see [`load_data`]), as site paths with a
/// trailing slash (each becomes a folder with an `index.html`, which plain static hosts serve
/// for the folder's address).
pub fn page_paths(data: &Preloaded) -> Vec<String> {
    let mut paths = site_paths(data);
    paths.extend(agency_paths(data));
    paths
}

/// The comparison of each pair of consecutive years of an agency, and of each section.
fn compare_paths(data: &Preloaded) -> Vec<String> {
    let mut reports: Vec<&nianbao_model::Report> =
        data.reports.iter().map(|r| r.as_ref()).collect();
    reports.sort_by(|a, b| (&a.agency.id, a.year).cmp(&(&b.agency.id, b.year)));
    let mut paths = Vec::new();
    for pair in reports.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a.agency.id != b.agency.id {
            continue;
        }
        let agency = &b.agency.id;
        paths.push(format!("{}/", route::compare(agency, a.year, b.year)));
        for section in nianbao_model::compare::align_sections(a, b) {
            paths.push(format!(
                "{}/",
                route::compare_section(agency, a.year, b.year, &section.id())
            ));
        }
    }
    paths
}

/// Each agency's page and the page of each of its charts (those of the agency page, and each
/// series with a figure on its own).
fn indicator_paths(data: &Preloaded) -> Vec<String> {
    let mut agencies: Vec<&String> = data.series.keys().collect();
    agencies.sort_unstable();
    let mut paths = Vec::new();
    for agency in agencies {
        let series = &data.series[agency];
        paths.push(route::canonical(&route::agency(agency)));
        let charts = nianbao_model::series::agency_charts(series);
        let singles = series
            .iter()
            .filter(|s| s.has_values() && charts.iter().all(|c| c.key != s.key));
        let keys = charts
            .iter()
            .map(|c| c.key.as_str())
            .chain(singles.map(|s| s.key.as_str()));
        paths.extend(keys.map(|key| route::canonical(&route::indicator(agency, key))));
    }
    paths
}

/// The page templates: the Trunk-built `index.html` made ready to receive a page, once for
/// each set of the stylesheets only some pages use (see [`crate::stylesheets`]), with those
/// written in and the others linked `disabled`; [`render_page`] picks one for each page.
pub struct Templates {
    /// By their set of sheets ([`Stylesheet::set`]).
    by_sheets: Vec<Template>,
}

/// A page template, and where its body starts: a page's head is filled in alone, so that
/// neither the search for the head's end nor the copies go over the whole page.
struct Template {
    html: String,
    /// Just after `<body>`.
    body_start: usize,
}

impl Template {
    fn new(html: String) -> Result<Template, String> {
        let body_start =
            html.find("<body>").ok_or("a page template has no <body>")? + "<body>".len();
        Ok(Template { html, body_start })
    }

    /// The head, up to and with `<body>`, and the rest.
    fn split(&self) -> (&str, &str) {
        self.html.split_at(self.body_start)
    }
}

impl Templates {
    /// Each template made anew with `f` (e.g. given its Content-Security-Policy).
    pub fn map(self, f: impl Fn(&str) -> String) -> Result<Templates, String> {
        let by_sheets = self
            .by_sheets
            .iter()
            .map(|template| Template::new(f(&template.html)))
            .collect::<Result<_, _>>()?;
        Ok(Templates { by_sheets })
    }

    /// The template of a page that asked for `used`.
    fn for_page(&self, used: &StylesheetsUsed) -> &Template {
        &self.by_sheets[used.bits()]
    }

    /// The template with the sheets `sheets` written in (tests).
    pub fn with_sheets(&self, sheets: &[Stylesheet]) -> &str {
        &self.by_sheets[Stylesheet::set(sheets)].html
    }

    /// Every template, for a digest of what the pages are rendered into.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.by_sheets.iter().map(|template| template.html.as_str())
    }
}

/// The page templates (see [`Templates`]) from the Trunk-built `index.html`: the pieces the
/// page sets itself (title, `lang`) and the no-JavaScript notice (a pre-rendered page reads
/// without it) are taken out, its stylesheets are written into it (see [`inline_stylesheets`];
/// `read_asset` gives the text of a file by its address in the page), and the app starts
/// after the page has loaded.
pub fn prepare_templates(
    index_html: &str,
    read_asset: impl Fn(&str) -> Result<String, String>,
) -> Result<Templates, String> {
    let mut html = index_html.to_string();
    let title_start = html.find("<title>").ok_or("index.html has no <title>")?;
    let title_end = html[title_start..]
        .find("</title>")
        .ok_or("index.html's <title> is not closed")?
        + title_start
        + "</title>".len();
    html.replace_range(title_start..title_end, "");
    html = html.replacen("<html lang=\"zh-CN\">", "<html>", 1);
    if let Some(start) = html.find("<noscript>") {
        if let Some(end) = html[start..].find("</noscript>") {
            html.replace_range(start..start + end + "</noscript>".len(), "");
        }
    }
    if !html.contains("<body>") || !html.contains("</head>") {
        return Err("index.html has no <head> or <body>".into());
    }
    let html = start_app_after_load(&inline_icon(&html, &read_asset)?)?;
    // Each sheet read and minified once, written into the templates that carry it.
    let mut minified = std::collections::HashMap::new();
    replace_links(&html, "stylesheet", |href, tag| {
        minified.insert(href.to_string(), minify_css(href, &read_asset(href)?)?);
        Ok(tag.to_string())
    })?;
    let by_sheets = (0..1 << Stylesheet::ALL.len())
        .map(|bits| {
            let write_in =
                |href: &str| Stylesheet::of_href(href).is_none_or(|sheet| bits & sheet.bit() != 0);
            Template::new(inline_stylesheets(&html, &minified, write_in)?)
        })
        .collect::<Result<_, _>>()?;
    Ok(Templates { by_sheets })
}

/// `html` with each `<link rel="{rel}" …>` tag replaced by what `replace` makes of its `href`
/// and the whole tag (return the tag to keep it).
fn replace_links(
    html: &str,
    rel: &str,
    mut replace: impl FnMut(&str, &str) -> Result<String, String>,
) -> Result<String, String> {
    let start = format!("<link rel=\"{rel}\" ");
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(&start) {
        let len = rest[at..]
            .find('>')
            .ok_or_else(|| format!("index.html: a {rel} link is not closed"))?
            + 1;
        let tag = &rest[at..at + len];
        let href = tag
            .split_once(" href=\"")
            .and_then(|(_, value)| value.split('"').next())
            .unwrap_or_default();
        out.push_str(&rest[..at]);
        out.push_str(&replace(href, tag)?);
        rest = &rest[at + len..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The page's SVG icon as a `data:` address: the browser asks for the icon as soon as the
/// page has loaded, often before the text has painted, and a phone's simulated network
/// (Lighthouse) then counts that request in the largest paint.
fn inline_icon(
    html: &str,
    read_asset: impl Fn(&str) -> Result<String, String>,
) -> Result<String, String> {
    use base64::Engine as _;
    replace_links(html, "icon", |href, tag| {
        if !href.ends_with(".svg") {
            return Ok(tag.to_string());
        }
        let svg = base64::engine::general_purpose::STANDARD.encode(read_asset(href)?);
        Ok(format!(
            "<link rel=\"icon\" href=\"data:image/svg+xml;base64,{svg}\">"
        ))
    })
}

/// The page's stylesheets as `<style>` elements instead of links: the text then paints with
/// the document alone, as the government's own pages do. A linked stylesheet blocks the first
/// paint for another round trip; on a phone's network (Lighthouse mobile) that put the largest
/// paint of `/pingtan/2024/s3/` at 1.6× that of the plain-HTML page, 1.0–1.2× with the styles
/// in the page (minified; a section page's 15.4 KB raw). The app shell (`404.html`) keeps
/// the links: it waits for the wasm anyway, and the files stay cached.
///
/// `minified` holds each linked sheet's text. A stylesheet `write_in` refuses stays linked,
/// `disabled`: the browser does not fetch it until the app enables it (see
/// [`crate::stylesheets`]).
fn inline_stylesheets(
    html: &str,
    minified: &std::collections::HashMap<String, String>,
    write_in: impl Fn(&str) -> bool,
) -> Result<String, String> {
    replace_links(html, "stylesheet", |href, tag| {
        // Written in, a stylesheet applies to every medium: refuse what would change that.
        if tag.contains(" media=") {
            return Err(format!(
                "{href}: a stylesheet for one medium cannot be written in"
            ));
        }
        if !write_in(href) {
            return Ok(tag.replacen("<link ", "<link disabled ", 1));
        }
        let css = minified
            .get(href)
            .ok_or_else(|| format!("{href}: a stylesheet that was not read"))?;
        if css.to_ascii_lowercase().contains("</style") {
            return Err(format!("{href}: a stylesheet must not contain \"</style\""));
        }
        Ok(format!("<style>{css}</style>"))
    })
}

/// `css` minified (comments and spaces out, rules merged where that keeps their meaning): the
/// styles are written into every page, where they were a third of its bytes, and a fifth of
/// them were comments and spaces. No browser targets: nothing is rewritten for older ones.
fn minify_css(href: &str, css: &str) -> Result<String, String> {
    use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
    let mut sheet = StyleSheet::parse(css, ParserOptions::default())
        .map_err(|e| format!("{href}: not read as CSS: {e}"))?;
    sheet
        .minify(MinifyOptions::default())
        .map_err(|e| format!("{href}: not minified: {e}"))?;
    let printed = sheet
        .to_css(PrinterOptions {
            minify: true,
            ..PrinterOptions::default()
        })
        .map_err(|e| format!("{href}: not printed: {e}"))?;
    Ok(printed.code)
}

/// Waits until the page has painted its text: the first contentful paint's entry where the
/// browser reports paints, else two frames. Two frames after the load event were not enough:
/// the app's script was often requested before the paint (130 ms against 160 ms).
const WAIT_FOR_FIRST_PAINT: &str = "await new Promise((painted) => { \
    if (typeof PerformanceObserver === \"undefined\" || !(PerformanceObserver.supportedEntryTypes || []).includes(\"paint\")) return requestAnimationFrame(() => requestAnimationFrame(painted)); \
    new PerformanceObserver((list, observer) => { if (list.getEntriesByName(\"first-contentful-paint\").length) { observer.disconnect(); painted(); } }).observe({ type: \"paint\", buffered: true }); \
    setTimeout(painted, 3000); });";

/// A pre-rendered page paints its text without the app, so the app waits for the page to
/// load instead of competing with the text for the network: the preloads of the wasm and its
/// scripts go, the loader imports its script only once the page has loaded and painted
/// (after boot.js has opened a deep link at its section, so that paint is the page's
/// largest), and only then starts the wasm. A preloaded or statically imported script is a
/// request before the largest paint, which Lighthouse's simulation of a phone counts in it.
/// (Pages Trunk wrote in another shape are left as they are.)
fn start_app_after_load(html: &str) -> Result<String, String> {
    let html = replace_links(html, "modulepreload", |_, _| Ok(String::new()))?;
    let mut html = replace_links(&html, "preload", |href, tag| {
        Ok(if href.ends_with(".wasm") {
            String::new()
        } else {
            tag.to_string()
        })
    })?;
    const IMPORT: &str = "import init, * as bindings from '";
    let glue = html.find(IMPORT).and_then(|at| {
        let url_end = html[at + IMPORT.len()..].find('\'')? + at + IMPORT.len();
        let statement_end = html[url_end..].find(';')? + url_end + 1;
        Some((
            at..statement_end,
            html[at + IMPORT.len()..url_end].to_string(),
        ))
    });
    let import_glue = match glue {
        Some((statement, url)) => {
            html.replace_range(statement, "");
            format!("const bindings = await import('{url}');\nconst init = bindings.default;\n")
        }
        None => String::new(),
    };
    Ok(html.replacen(
        "const wasm = await init(",
        &format!(
            "if (document.readyState !== \"complete\") await new Promise((loaded) => addEventListener(\"load\", loaded, {{ once: true }}));\n\
             {PAINTED}\n\
             {import_glue}const wasm = await init(",
            PAINTED = WAIT_FOR_FIRST_PAINT
        ),
        1,
    ))
}

/// Renders the page at `path` into its template (see [`prepare_templates`]). `sections` keeps
/// what later pages of the same report can reuse: one per thread, kept over a report's pages
/// (see [`SectionCache`]).
pub fn render_page(
    templates: &Templates,
    base: &SiteBase,
    data: &Preloaded,
    sections: &SectionCache,
    path: &str,
) -> String {
    // leptos_meta waits a tick before injecting: it needs an executor (set once; later calls
    // find it set and change nothing).
    let _ = any_spawner::Executor::init_futures_executor();
    let owner = Owner::new();
    let page = owner.with(|| {
        provide_context(RequestUrl::new(&base.href(path)));
        provide_context(base.clone());
        provide_context(data.clone());
        provide_context(sections.clone());
        let (meta, meta_output) = ServerMetaContext::new();
        provide_context(meta);
        let stylesheets = StylesheetsUsed::default();
        provide_context(stylesheets.clone());
        let body = view! { <App /> }.to_html();
        let (head, rest) = templates.for_page(&stylesheets).split();
        let head = futures::executor::block_on(async move {
            use futures::StreamExt;
            meta_output
                .inject_meta_context(futures::stream::iter([head.to_string()]))
                .await
                .collect::<String>()
                .await
        });
        let opening = format!("<div id=\"{PRERENDERED_ID}\">");
        let mut page = String::with_capacity(
            head.len() + opening.len() + body.len() + "</div>".len() + rest.len(),
        );
        page.push_str(&head);
        page.push_str(&opening);
        page.push_str(&body);
        page.push_str("</div>");
        page.push_str(rest);
        page
    });
    // Disposed now: an owner left to itself kept each page's reactive graph alive, and the
    // pre-render's memory grew with the pages (8.9 GB at 454,069 pages).
    owner.unset_with_forced_cleanup();
    page
}

/// A sitemap of the pages, with absolute addresses.
pub fn sitemap(base: &SiteBase, paths: &[String]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for path in paths {
        xml.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            base.absolute(path)
        ));
    }
    xml.push_str("</urlset>\n");
    xml
}

/// The sitemap protocol's limit of addresses per file.
pub const SITEMAP_LIMIT: usize = 50_000;

/// `sitemap.xml`, and beyond [`SITEMAP_LIMIT`] pages an index of `sitemap-N.xml` files, as
/// (file name, contents).
pub fn sitemaps(base: &SiteBase, paths: &[String]) -> Vec<(String, String)> {
    if paths.len() <= SITEMAP_LIMIT {
        return vec![("sitemap.xml".into(), sitemap(base, paths))];
    }
    let mut files = Vec::new();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (n, chunk) in paths.chunks(SITEMAP_LIMIT).enumerate() {
        let name = format!("sitemap-{}.xml", n + 1);
        index.push_str(&format!(
            "  <sitemap><loc>{}</loc></sitemap>\n",
            base.absolute(&format!("/{name}"))
        ));
        files.push((name, sitemap(base, chunk)));
    }
    index.push_str("</sitemapindex>\n");
    files.push(("sitemap.xml".into(), index));
    files
}

/// Where the page for `path` goes under `dist`.
pub fn output_file(dist: &Path, path: &str) -> PathBuf {
    dist.join(path.trim_start_matches('/')).join("index.html")
}

/// The whole data set at once (tests and small sites).
pub fn load_data(dist: &Path) -> Result<Preloaded, String> {
    let set = DataSet::open(dist)?;
    let mut data = set.site()?;
    for id in set.agencies() {
        let agency = set.agency(&set.agency_sources(id)?)?;
        data.reports.extend(agency.reports);
        data.series.extend(agency.series);
    }
    Ok(data)
}
