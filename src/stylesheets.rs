//! The site's stylesheets that only some pages use.
//!
//! A pre-rendered page carries its styles in its document (see `prerender::prepare_templates`),
//! so every byte of a stylesheet is repeated in every page: one that only some pages use (the
//! 图解's, say) is written into those pages alone, and the others link it `disabled` (not
//! fetched) until the app takes the page over and may go on to such a page
//! (`takeover::take_over`). Section pages, most of the site's pages, need none of them. A
//! page says which of these it needs with [`use_stylesheet`] while it renders; the pre-render
//! reads that back from its own context to pick the page's template. In the browser the call
//! does nothing: every stylesheet is linked there.

use std::sync::{Arc, Mutex};

use leptos::prelude::*;

/// A stylesheet that only some pages use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stylesheet {
    /// `public/tujie.css`: the 图解 poster, its panels and its summary page.
    Tujie,
    /// `public/catalog.css`: the catalog's lists (the region tree, a region's bodies) and the
    /// search and offline pages.
    Catalog,
    /// `public/compare.css`: the check-up pages, the two-year comparison and the overview.
    Compare,
}

impl Stylesheet {
    pub const ALL: [Stylesheet; 3] = [Stylesheet::Tujie, Stylesheet::Catalog, Stylesheet::Compare];

    /// The file's name in `public/` without `.css`; Trunk's copy is `{stem}-{hash}.css`.
    fn stem(self) -> &'static str {
        match self {
            Stylesheet::Tujie => "tujie",
            Stylesheet::Catalog => "catalog",
            Stylesheet::Compare => "compare",
        }
    }

    /// The sheet's bit in a set of sheets (see [`Stylesheet::set`]).
    pub fn bit(self) -> usize {
        1 << Stylesheet::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// `sheets` as a set of [`Stylesheet::bit`]s: the index of a page template.
    pub fn set<'a>(sheets: impl IntoIterator<Item = &'a Stylesheet>) -> usize {
        sheets.into_iter().fold(0, |bits, sheet| bits | sheet.bit())
    }

    /// The sheet a built stylesheet's address names, if it is one of these.
    pub fn of_href(href: &str) -> Option<Stylesheet> {
        let name = href.rsplit('/').next()?.strip_suffix(".css")?;
        Stylesheet::ALL.into_iter().find(|sheet| {
            let stem = sheet.stem();
            name == stem
                || name
                    .strip_prefix(stem)
                    .and_then(|rest| rest.strip_prefix('-'))
                    .is_some_and(|hash| !hash.is_empty() && !hash.contains('-'))
        })
    }
}

/// The stylesheets the page being pre-rendered has asked for (provided by the pre-render).
#[derive(Clone, Default)]
pub struct StylesheetsUsed(Arc<Mutex<Vec<Stylesheet>>>);

impl StylesheetsUsed {
    /// The sheets asked for, as a set (see [`Stylesheet::set`]).
    pub fn bits(&self) -> usize {
        self.0.lock().map_or(0, |used| Stylesheet::set(used.iter()))
    }
}

/// Says that the page being rendered needs `sheet` (see the module's doc).
pub fn use_stylesheet(sheet: Stylesheet) {
    if let Some(StylesheetsUsed(used)) = use_context::<StylesheetsUsed>() {
        if let Ok(mut used) = used.lock() {
            if !used.contains(&sheet) {
                used.push(sheet);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_built_stylesheet_is_known_by_its_name_and_hash() {
        assert_eq!(
            Stylesheet::of_href("/nianbao/tujie-3c4d5e.css"),
            Some(Stylesheet::Tujie)
        );
        assert_eq!(Stylesheet::of_href("/tujie.css"), Some(Stylesheet::Tujie));
        for other in [
            "/styles-3c4d.css",
            "/tujie-extra-3c4d.css",
            "/tujie-.css",
            "/tujie-3c4d.js",
            "/a-tujie-3c4d.css",
        ] {
            assert_eq!(Stylesheet::of_href(other), None, "{other}");
        }
    }

    #[test]
    fn a_page_asks_for_a_stylesheet_only_where_the_pre_render_listens() {
        let owner = Owner::new();
        owner.with(|| {
            // No context: the browser, where every sheet is linked.
            use_stylesheet(Stylesheet::Tujie);
            let used = StylesheetsUsed::default();
            provide_context(used.clone());
            assert_eq!(used.bits(), 0);
            use_stylesheet(Stylesheet::Tujie);
            use_stylesheet(Stylesheet::Compare);
            use_stylesheet(Stylesheet::Tujie);
            assert_eq!(
                used.bits(),
                Stylesheet::Tujie.bit() | Stylesheet::Compare.bit()
            );
            assert_eq!(used.0.lock().unwrap().len(), 2);
        });
    }
}
