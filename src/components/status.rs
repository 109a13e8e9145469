//! One polite live region for short confirmations ("已复制链接").

use leptos::prelude::*;

use std::time::Duration;

/// How long a confirmation stays on screen.
const SHOWN_FOR: Duration = Duration::from_secs(6);

#[derive(Clone, Copy)]
pub struct Status(RwSignal<String>);

impl Status {
    /// Shows `message`, then clears it so that the same message is announced again next time.
    pub fn say(&self, message: impl Into<String>) {
        let message = message.into();
        let signal = self.0;
        signal.set(message.clone());
        set_timeout(
            move || {
                if signal.get_untracked() == message {
                    signal.set(String::new());
                }
            },
            SHOWN_FOR,
        );
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
        <div
            class="status-region"
            role="status"
            aria-live="polite"
            class:shown=move || !message.read().is_empty()
        >
            {move || message.get()}
        </div>
    }
}
