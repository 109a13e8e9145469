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
    view! {
        // A fresh <Title> with a plain string on each change: the pre-renderer reads titles
        // after the view is gone, when a signal could no longer be read.
        {move || view! { <Title text=page_title(&title.get()) /> }}
        <Meta name="description" content=move || description.get() />
        {move || view! { <Link rel="canonical" href=url.get() /> }}
        <Meta property="og:site_name" content=SITE_NAME />
        <Meta property="og:locale" content="zh_CN" />
        <Meta property="og:type" content="article" />
        <Meta property="og:title" content=move || title.get() />
        <Meta property="og:description" content=move || description.get() />
        <Meta property="og:url" content=move || url.get() />
        <Meta name="twitter:card" content="summary" />
        <Meta name="twitter:title" content=move || title.get() />
        <Meta name="twitter:description" content=move || description.get() />
    }
    .into_any()
}
