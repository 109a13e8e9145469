//! A report's keyboard shortcuts, as mdBook has between chapters: ← / → and k / j go to the
//! previous / next section, `t` opens the contents, `?` shows the list. None fires while the
//! reader types in a field, or with a modifier key held.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use crate::components::search::typing;

/// Which section is `step` sections away from `current` in reading order (`None` before the
/// first or after the last; with no current section, forward goes to the first).
pub fn neighbour(sections: &[String], current: Option<&str>, step: i32) -> Option<String> {
    let at = current.and_then(|c| sections.iter().position(|s| s == c));
    let next = match at {
        Some(i) => i as i64 + step as i64,
        None if step > 0 => 0,
        None => return None,
    };
    usize::try_from(next)
        .ok()
        .and_then(|i| sections.get(i))
        .cloned()
}

/// Where a move starts: the section the address names, unless the reader has scrolled on
/// past it (a short last section never reaches the top, so the scroll position alone would
/// stay behind the address).
fn from(sections: &[String], target: Option<String>, reading: Option<String>) -> Option<String> {
    let index = |id: &Option<String>| {
        id.as_deref()
            .and_then(|id| sections.iter().position(|s| s == id))
    };
    match (index(&target), index(&reading)) {
        (Some(t), Some(r)) if r > t => reading,
        (Some(_), _) => target,
        _ => reading,
    }
}

/// Opens the contents: the phone list is unfolded; focus goes to the marked entry or the first.
fn open_contents() {
    let doc = document();
    if let Ok(Some(toggle)) = doc.query_selector(".contents-toggle[aria-expanded=\"false\"]") {
        if let Ok(toggle) = toggle.dyn_into::<web_sys::HtmlElement>() {
            if toggle.offset_parent().is_some() {
                toggle.click();
            }
        }
    }
    request_animation_frame(|| {
        let entry = document()
            .query_selector(".contents-list [aria-current=\"location\"]")
            .ok()
            .flatten()
            .or_else(|| document().query_selector(".contents-list a").ok().flatten());
        if let Some(entry) = entry.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = entry.focus();
        }
    });
}

#[component]
pub fn ReportShortcuts(
    /// Every section id in reading order.
    sections: Vec<String>,
    /// The section the address names.
    target: Memo<Option<String>>,
    /// The section scrolled to.
    reading: Signal<Option<String>>,
    /// Site path of a section (under the base).
    href: Callback<String, String>,
) -> impl IntoView {
    let help = RwSignal::new(false);
    let navigate = use_navigate();
    let _ = leptos_use_event_listener::use_event_listener(
        leptos_use_window::use_window(),
        leptos::ev::keydown,
        move |event: web_sys::KeyboardEvent| {
            if typing(&event) || event.ctrl_key() || event.alt_key() || event.meta_key() {
                return;
            }
            let step = match event.key().as_str() {
                "ArrowRight" | "j" => 1,
                "ArrowLeft" | "k" => -1,
                "t" => {
                    event.prevent_default();
                    open_contents();
                    return;
                }
                "?" => {
                    event.prevent_default();
                    help.update(|h| *h = !*h);
                    return;
                }
                "Escape" if help.get_untracked() => {
                    help.set(false);
                    return;
                }
                _ => return,
            };
            let current = from(&sections, target.get_untracked(), reading.get_untracked());
            if let Some(next) = neighbour(&sections, current.as_deref(), step) {
                event.prevent_default();
                navigate(
                    &href.run(next),
                    NavigateOptions {
                        resolve: false,
                        ..Default::default()
                    },
                );
            }
        },
    );
    view! {
        <div
            class="shortcuts"
            role="dialog"
            aria-label="键盘快捷键"
            hidden=move || !help.get()
        >
            <h2>"键盘快捷键"</h2>
            <dl>
                <dt>
                    <kbd>"←"</kbd>
                    " / "
                    <kbd>"k"</kbd>
                </dt>
                <dd>"上一节"</dd>
                <dt>
                    <kbd>"→"</kbd>
                    " / "
                    <kbd>"j"</kbd>
                </dt>
                <dd>"下一节"</dd>
                <dt>
                    <kbd>"t"</kbd>
                </dt>
                <dd>"打开目录"</dd>
                <dt>
                    <kbd>"/"</kbd>
                </dt>
                <dd>"搜索"</dd>
                <dt>
                    <kbd>"?"</kbd>
                </dt>
                <dd>"显示或隐藏本列表"</dd>
            </dl>
            <button type="button" on:click=move |_| help.set(false)>
                "关闭"
            </button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::neighbour;

    #[test]
    fn moves_in_reading_order() {
        let s: Vec<String> = ["s1", "s2", "s2-1", "s3"].map(String::from).to_vec();
        assert_eq!(neighbour(&s, Some("s2"), 1).as_deref(), Some("s2-1"));
        assert_eq!(neighbour(&s, Some("s2-1"), -1).as_deref(), Some("s2"));
        assert_eq!(neighbour(&s, Some("s3"), 1), None);
        assert_eq!(neighbour(&s, Some("s1"), -1), None);
        assert_eq!(neighbour(&s, None, 1).as_deref(), Some("s1"));
    }

    #[test]
    fn starts_from_the_address_unless_scrolled_past_it() {
        let s: Vec<String> = ["s1", "s2", "s3"].map(String::from).to_vec();
        let id = |v: &str| Some(v.to_string());
        assert_eq!(super::from(&s, id("s3"), id("s2")), id("s3"));
        assert_eq!(super::from(&s, id("s1"), id("s2")), id("s2"));
        assert_eq!(super::from(&s, None, id("s2")), id("s2"));
    }
}
