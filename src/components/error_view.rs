//! What a reader sees when data could not be loaded: the reason and a way on.

use leptos::prelude::*;

use crate::site::use_site_base;
use crate::takeover::TakeOver;

#[component]
pub fn ErrorView(
    /// What was being loaded, e.g. 报告.
    what: &'static str,
    message: String,
    /// Loads again.
    retry: Callback<()>,
) -> impl IntoView {
    let base = use_site_base();
    view! {
        <TakeOver />
        <div class="error-view" role="alert">
            <h1>{format!("{what}暂时无法显示")}</h1>
            <p class="error-message">{message}</p>
            <p>
                <button type="button" class="retry" on:click=move |_| retry.run(())>
                    "重试"
                </button>
                " 或 "
                <a href=base.href("/")>"返回报告目录"</a>
            </p>
        </div>
    }
}
