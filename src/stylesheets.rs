//! The site's stylesheets that only some pages use.
//!
//! A pre-rendered page carries its styles in its document (see `prerender::prepare_templates`),
//! so every byte of a stylesheet is repeated in every page: one that only the 图解 uses is
//! written into the 图解's pages alone, and the others link it `disabled` (not fetched) until
//! the app takes the page over and may go on to a 图解 (`takeover::take_over`). A page says
//! which of these it needs with [`use_stylesheet`] while it renders; the pre-render reads that
//! back from its own context to pick the page's template. In the browser the call does nothing:
//! every stylesheet is linked there.

use std::sync::{Arc, Mutex};

use leptos::prelude::*;

/// A stylesheet that only some pages use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stylesheet {
    /// `public/tujie.css`: the 图解 poster and its panels.
    Tujie,
}

impl Stylesheet {
    pub const ALL: [Stylesheet; 1] = [Stylesheet::Tujie];

    /// The file's name in `public/` without `.css`; Trunk's copy is `{stem}-{hash}.css`.
    fn stem(self) -> &'static str {
        match self {
            Stylesheet::Tujie => "tujie",
        }
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
    pub fn any(&self) -> bool {
        self.0.lock().is_ok_and(|used| !used.is_empty())
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
            assert!(!used.any());
            use_stylesheet(Stylesheet::Tujie);
            use_stylesheet(Stylesheet::Tujie);
            assert!(used.any());
            assert_eq!(used.0.lock().unwrap().len(), 1);
        });
    }
}
