//! Full-text search over the pre-rendered section pages, with the Pagefind index the build
//! writes to `pagefind/` (scripts/search-index.mjs). Nothing of it is fetched until a search
//! runs: `pagefind.js` is imported on first use.

use serde::Deserialize;

/// One matching section.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct Hit {
    /// Site path of the section page, without the base (`/pingtan/2024/s6`).
    pub path: String,
    pub title: String,
    pub agency: String,
    pub year: String,
    /// The matching words, as Pagefind marks them with `<mark>`.
    pub excerpt: String,
}

/// Results of one query: the first hits and how many matched in all.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct Hits {
    pub total: usize,
    pub hits: Vec<Hit>,
}

/// A query with its filters (empty: none): the top-level region's slug, the body's id, the
/// year. All of them live in the search page's address.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    pub text: String,
    pub region: String,
    pub agency: String,
    pub year: String,
}

impl Query {
    /// Words without filters.
    pub fn words(text: &str) -> Self {
        Query {
            text: text.to_string(),
            ..Default::default()
        }
    }

    pub fn filtered(&self) -> bool {
        !(self.region.is_empty() && self.agency.is_empty() && self.year.is_empty())
    }
}

/// Around the words the index adds for the browser's way of cutting Chinese into words
/// (scripts/search-index.mjs): hidden on the page, cut out of excerpts.
const ADDED_OPEN: char = '\u{2060}';
const ADDED_CLOSE: char = '\u{2063}';

/// `excerpt` without the index's added words (an excerpt may begin or end among them).
fn without_added_words(excerpt: &str) -> String {
    let mut out = String::new();
    let mut rest = excerpt;
    // Begun among them: up to their end goes.
    if let Some(close) = rest.find(ADDED_CLOSE) {
        if rest.find(ADDED_OPEN).is_none_or(|open| open > close) {
            rest = &rest[close + ADDED_CLOSE.len_utf8()..];
        }
    }
    while let Some(open) = rest.find(ADDED_OPEN) {
        out.push_str(&rest[..open]);
        rest = match rest[open..].find(ADDED_CLOSE) {
            Some(close) => &rest[open + close + ADDED_CLOSE.len_utf8()..],
            None => "",
        };
    }
    out.push_str(rest);
    // A <mark> cut in two by the cut (never seen: marks hold one word) would unbalance it.
    let (opens, closes) = (
        out.matches("<mark>").count(),
        out.matches("</mark>").count(),
    );
    if opens != closes {
        out = out.replace("<mark>", "").replace("</mark>", "");
    }
    out.trim_start().to_string()
}

/// An excerpt as (text, marked) pieces: Pagefind's `<mark>` becomes a flag and entities are
/// decoded, so the view writes text nodes, never HTML. Pagefind's word breaks (U+200B) and
/// the index's added words go.
pub fn excerpt_pieces(excerpt: &str) -> Vec<(String, bool)> {
    let excerpt = without_added_words(excerpt);
    let mut pieces = Vec::new();
    let mut marked = false;
    let mut rest = excerpt.as_str();
    while !rest.is_empty() {
        let tag = if marked { "</mark>" } else { "<mark>" };
        let (piece, next) = match rest.find(tag) {
            Some(at) => (&rest[..at], &rest[at + tag.len()..]),
            None => (rest, ""),
        };
        let text = decode_entities(piece).replace('\u{200b}', "");
        if !text.is_empty() {
            pieces.push((text, marked));
        }
        marked = !marked;
        rest = next;
    }
    pieces
}

fn decode_entities(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// A Pagefind URL (`/pingtan/2024/s6/`, relative to the site) as a site path.
fn site_path(url: &str) -> String {
    let path = url.trim_end_matches('/');
    if path.is_empty() {
        "/".into()
    } else {
        path.into()
    }
}

#[cfg(target_arch = "wasm32")]
mod js {
    use wasm_bindgen::prelude::*;

    // A module of its own (wasm-bindgen writes it beside the glue, under the site's origin,
    // so the policy's script-src 'self' covers it): dynamic import() has no Rust binding.
    #[wasm_bindgen(inline_js = r#"
let loaded;
function pagefind(url) {
  loaded ??= import(url).then(async (pf) => {
    // baseUrl "/": hits name site paths; the app adds the site's base itself (Pagefind
    // would otherwise prefix the bundle's folder under a sub-path).
    await pf.options({ excerptLength: 24, baseUrl: '/' });
    await pf.init();
    return pf;
  });
  return loaded;
}
export async function nianbao_search(url, text, region, agency, year, limit) {
  const pf = await pagefind(url);
  const filters = {};
  if (region) filters.region = region;
  if (agency) filters.agency = agency;
  if (year) filters.year = year;
  const found = await pf.search(text, { filters });
  if (!found) return null;
  const data = await Promise.all(found.results.slice(0, limit).map((r) => r.data()));
  return JSON.stringify({
    total: found.results.length,
    hits: data.map((d) => ({
      path: d.url,
      title: d.meta.title ?? '',
      agency: d.meta.agency_name ?? '',
      year: d.meta.year ?? '',
      excerpt: d.excerpt ?? '',
    })),
  });
}
export function nianbao_search_preload(url) {
  pagefind(url).catch(() => {});
}
"#)]
    extern "C" {
        #[wasm_bindgen(catch)]
        pub async fn nianbao_search(
            url: &str,
            text: &str,
            region: &str,
            agency: &str,
            year: &str,
            limit: u32,
        ) -> Result<JsValue, JsValue>;
        pub fn nianbao_search_preload(url: &str);
    }
}

/// Where the index's entry script is, under the site's base.
fn script_url(base: &crate::site::SiteBase) -> String {
    base.href("/pagefind/pagefind.js")
}

/// Starts loading the index (on focus of a search field), so the first query is quick.
pub fn preload(base: &crate::site::SiteBase) {
    #[cfg(target_arch = "wasm32")]
    js::nianbao_search_preload(&script_url(base));
    #[cfg(not(target_arch = "wasm32"))]
    let _ = script_url(base);
}

/// Runs `query`, with at most `limit` hits read. `Err` names what failed.
pub async fn search(
    base: &crate::site::SiteBase,
    query: &Query,
    limit: u32,
) -> Result<Hits, String> {
    #[cfg(target_arch = "wasm32")]
    {
        let value = js::nianbao_search(
            &script_url(base),
            &query.text,
            &query.region,
            &query.agency,
            &query.year,
            limit,
        )
        .await
        .map_err(|e| format!("{e:?}"))?;
        let json = value.as_string().unwrap_or_default();
        let mut hits: Hits = serde_json::from_str(&json).map_err(|e| e.to_string())?;
        for hit in &mut hits.hits {
            hit.path = site_path(&hit.path);
        }
        Ok(hits)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (script_url(base), query, limit, site_path(""));
        Err("search runs in the browser".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_become_text_and_marks() {
        assert_eq!(
            excerpt_pieces("收取<mark>信息\u{200b}处理\u{200b}费</mark>0元 &lt;b&gt;"),
            vec![
                ("收取".to_string(), false),
                ("信息处理费".to_string(), true),
                ("0元 <b>".to_string(), false),
            ]
        );
    }

    #[test]
    fn the_index_s_added_words_are_cut_from_excerpts() {
        let pieces = |e: &str| {
            excerpt_pieces(e)
                .into_iter()
                .map(|(t, m)| if m { format!("[{t}]") } else { t })
                .collect::<String>()
        };
        assert_eq!(
            pieces("\u{2060} <mark>议</mark> 行政诉讼 \u{2063} 申请行政<mark>复议</mark>"),
            "申请行政[复议]"
        );
        // The excerpt began among them, or ends among them.
        assert_eq!(
            pieces("<mark>议</mark> \u{2063} 申请<mark>复议</mark>"),
            "申请[复议]"
        );
        assert_eq!(
            pieces("申请<mark>复议</mark> \u{2060} <mark>议</mark>"),
            "申请[复议] "
        );
    }

    #[test]
    fn urls_become_site_paths() {
        assert_eq!(site_path("/pingtan/2024/s6/"), "/pingtan/2024/s6");
        assert_eq!(site_path("/"), "/");
    }
}
