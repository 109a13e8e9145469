//! The control beside each section heading that shares the section's link.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::components::status::use_status;
use crate::site::use_site_base;

/// Shares `url` with the system share sheet where the device has one, else copies it.
/// Returns what happened, for the reader.
async fn share_or_copy(url: &str, title: &str) -> String {
    let navigator = window().navigator();
    let can_share = js_sys::Reflect::has(&navigator, &"share".into()).unwrap_or(false);
    if can_share {
        let data = web_sys::ShareData::new();
        data.set_url(url);
        data.set_title(title);
        match JsFuture::from(navigator.share_with_data(&data)).await {
            Ok(_) => return "已分享本节链接".into(),
            // The reader closed the share sheet: nothing to report.
            Err(e)
                if e.dyn_ref::<js_sys::Error>()
                    .is_some_and(|e| e.name() == "AbortError") =>
            {
                return String::new()
            }
            Err(_) => {} // fall back to copying
        }
    }
    match JsFuture::from(navigator.clipboard().write_text(url)).await {
        Ok(_) => format!("已复制本节链接：{url}"),
        Err(_) => format!("无法自动复制，请手动复制本节链接：{url}"),
    }
}

#[component]
pub fn CopyLink(
    /// Site path of the section, e.g. `/shenyang-fgw/2017/s5`.
    path: String,
    /// Used as the share sheet's title.
    title: String,
) -> impl IntoView {
    let base = use_site_base();
    let status = use_status();
    let on_click = move |_| {
        let url = base.absolute(&path);
        let title = title.clone();
        leptos::task::spawn_local(async move {
            let message = share_or_copy(&url, &title).await;
            if !message.is_empty() {
                status.say(message);
            }
        });
    };
    view! {
        <button
            type="button"
            class="copy-link"
            aria-label="复制本节链接"
            title="复制本节链接"
            on:click=on_click
        >
            <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18">
                <path
                    d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"
                    fill="none"
                    stroke="currentColor"
                    stroke-width="2"
                    stroke-linecap="round"
                />
            </svg>
        </button>
    }
}
