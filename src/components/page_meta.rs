//! A page's title, description, canonical URL and link-preview (Open Graph, Twitter) tags.

use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};

use crate::site::use_site_base;
use crate::{page_title, SITE_NAME};

#[component]
pub fn PageMeta(
    /// The page's own title, without the site name.
    #[prop(into)]
    title: Signal<String>,
    #[prop(into)] description: Signal<String>,
    /// Site path of the page's canonical address, e.g. `/shenyang-fgw/2017/s5/`.
    #[prop(into)]
    path: Signal<String>,
) -> impl IntoView {
    let base = use_site_base();
    let url = Signal::derive(move || base.absolute(&path.get()));
    // The tags are rebuilt with plain strings whenever a value changes: leptos_meta keeps
    // head tags (and the pre-renderer reads the title) beyond the life of this view, when
    // its signals could no longer be read.
    move || {
        {
            let (title, description, url) = (title.get(), description.get(), url.get());
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
                <Meta name="twitter:card" content="summary" />
                <Meta name="twitter:title" content=title />
                <Meta name="twitter:description" content=description />
            }
        }
        .into_any()
    }
}
