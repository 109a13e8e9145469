//! A page's title, description, canonical URL and link-preview (Open Graph, Twitter) tags.

use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use nianbao_model::format::clip;

use crate::site::use_site_base;
use crate::{page_title, SITE_NAME};

/// Characters of a page's description (search results and link previews show less): a
/// section's first sentence can be a whole report pasted into one paragraph.
const DESCRIPTION_CHARS: usize = 120;

#[component]
pub fn PageMeta(
    /// The page's own title, without the site name.
    #[prop(into)]
    title: Signal<String>,
    #[prop(into)] description: Signal<String>,
    /// Site path of the page's canonical address, e.g. `/shenyang-fgw/2017/s5/`.
    #[prop(into)]
    path: Signal<String>,
    /// Site path of the page's share card (`/cards/….png`, 1200×630), if it has one.
    #[prop(into, default = Signal::stored(None))]
    image: Signal<Option<String>>,
    /// Id of the element a deep link opens at (a report's section). Its pre-rendered page
    /// holds its first paint until that element has been parsed, so that `boot.js` can
    /// scroll to it first: text painted at the top and then scrolled away was at times the
    /// only paint Chromium recorded for the largest one, and the app's copy of the section
    /// then counted as a new, later one (issue 12). Not on a compared section's page: its
    /// element holds both years' text and tables, and waiting for it put Lighthouse's largest
    /// paint there at 1.24× the plain page's (1.00× without).
    #[prop(default = None)]
    opens_at: Option<String>,
) -> impl IntoView {
    let base = use_site_base();
    // Only the pre-rendered document: added by the app, the link would block nothing. The
    // address is the page's own (a bare `#id` resolves against `<base>`, another page, and
    // is ignored).
    let render_blocking = opens_at
        .filter(|_| cfg!(not(target_arch = "wasm32")))
        .map(|id| {
            let href = format!("{}#{id}", base.href(&path.get_untracked()));
            view! { <Link rel="expect" href blocking="render" /> }
        });
    let image = {
        let base = base.clone();
        Signal::derive(move || image.get().map(|path| base.absolute(&path)))
    };
    let url = Signal::derive(move || base.absolute(&path.get()));
    // The tags are rebuilt with plain strings whenever a value changes: leptos_meta keeps
    // head tags (and the pre-renderer reads the title) beyond the life of this view, when
    // its signals could no longer be read.
    let tags = move || {
        {
            let (title, url) = (title.get(), url.get());
            let description = description.with(|d| clip(d, DESCRIPTION_CHARS));
            let card = if image.get().is_some() {
                "summary_large_image"
            } else {
                "summary"
            };
            let image = image.get().map(|src| {
                view! {
                    <Meta property="og:image" content=src.clone() />
                    <Meta property="og:image:width" content="1200" />
                    <Meta property="og:image:height" content="630" />
                    <Meta name="twitter:image" content=src />
                }
            });
            view! {
                <Title text=page_title(&title) />
                <Meta name="description" content=description.clone() />
                <Link rel="canonical" href=url.clone() />
                <Meta property="og:site_name" content=SITE_NAME />
                <Meta property="og:locale" content="zh_CN" />
                <Meta property="og:type" content="article" />
                <Meta property="og:title" content=title.clone() />
                <Meta property="og:description" content=description.clone() />
                <Meta property="og:url" content=url />
                <Meta name="twitter:card" content=card />
                {image}
                <Meta name="twitter:title" content=title />
                <Meta name="twitter:description" content=description />
            }
        }
        .into_any()
    };
    (render_blocking, tags)
}
