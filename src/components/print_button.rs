//! The 打印 button of reports and 图解 views (the print stylesheet does the rest).

use leptos::prelude::*;

#[component]
pub fn PrintButton() -> impl IntoView {
    view! {
        <button
            type="button"
            class="print"
            on:click=|_| {
                let _ = window().print();
            }
        >
            "打印"
        </button>
    }
}
