//! Reading font size 小/中/大, remembered across visits.

use std::fmt;
use std::str::FromStr;

use codee::string::FromToStringCodec;
use leptos::prelude::*;
use leptos_use_storage::use_local_storage;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FontSize {
    Small,
    #[default]
    Medium,
    Large,
}

impl FontSize {
    pub const ALL: [FontSize; 3] = [FontSize::Small, FontSize::Medium, FontSize::Large];

    pub fn as_str(self) -> &'static str {
        match self {
            FontSize::Small => "small",
            FontSize::Medium => "medium",
            FontSize::Large => "large",
        }
    }

    fn label(self) -> &'static str {
        match self {
            FontSize::Small => "小",
            FontSize::Medium => "中",
            FontSize::Large => "大",
        }
    }
}

impl fmt::Display for FontSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for FontSize {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        FontSize::ALL
            .into_iter()
            .find(|f| f.as_str() == s)
            .ok_or(())
    }
}

/// The local-storage key; the value is `small`, `medium` or `large`.
pub const STORAGE_KEY: &str = "nianbao.font-size";

#[derive(Clone, Copy)]
struct FontSizeSetting(Signal<FontSize>, WriteSignal<FontSize>);

/// Reads the stored choice and shares it with [`FontSizeControl`]; returns the current size.
pub fn provide_font_size() -> Signal<FontSize> {
    let (size, set_size, _) = use_local_storage::<FontSize, FromToStringCodec>(STORAGE_KEY);
    provide_context(FontSizeSetting(size, set_size));
    size
}

/// From now on a report's sections far from the screen are not laid out (CSS:
/// `content-visibility` under `html[data-font-size-changed]`), so that the new size lays out a
/// screen, not the whole report: with the CPU 4× slower, a change on `/pingtan/2024/s1/` took
/// 336–512 ms before the next paint, 264–448 ms with this (issue 12; the first change pays
/// most). Each section keeps its last laid-out size (`contain-intrinsic-size: auto`) until it
/// comes near the screen again.
fn lay_out_near_screen_only() {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-font-size-changed", "");
    }
}

#[component]
pub fn FontSizeControl() -> impl IntoView {
    let FontSizeSetting(size, set_size) =
        use_context().expect("provide_font_size() is called by App");
    view! {
        <div class="font-size" role="group" aria-label="字号">
            {FontSize::ALL
                .into_iter()
                .map(|choice| {
                    view! {
                        <button
                            type="button"
                            aria-pressed=move || (size.get() == choice).to_string()
                            title=format!("{}号字", choice.label())
                            on:click=move |_| {
                                lay_out_near_screen_only();
                                set_size.set(choice)
                            }
                        >
                            {choice.label()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
