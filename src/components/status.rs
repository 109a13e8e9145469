//! One polite live region for short confirmations ("已复制链接").

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Status(RwSignal<String>);

impl Status {
    pub fn say(&self, message: impl Into<String>) {
        self.0.set(message.into());
    }
}

pub fn provide_status() {
    provide_context(Status(RwSignal::new(String::new())));
}

pub fn use_status() -> Status {
    use_context().expect("provide_status() is called by App")
}

#[component]
pub fn StatusRegion() -> impl IntoView {
    let Status(message) = use_status();
    view! {
        <div class="status-region" role="status" aria-live="polite" class:shown=move || !message.read().is_empty()>
            {move || message.get()}
        </div>
    }
}
