//! Taking over a pre-rendered page.
//!
//! A pre-rendered page carries its content as static HTML in `#prerendered`, so it reads
//! before (and without) the wasm. The app renders hidden beside it and, once its own view
//! of the page is complete, replaces it in one step: remove the static copy, show the app,
//! keep what the reader sees where it was. A section's static page starts at its section
//! while the app shows the whole report, so the linked element (`.is-target`) is what stays
//! in place; elsewhere both copies lay out the same and the scroll position is kept.

use leptos::prelude::*;

/// Id of the element that holds a pre-rendered page's content.
pub const PRERENDERED_ID: &str = "prerendered";

/// Whether this document was pre-rendered (and the app must wait to show itself).
pub fn prerendered_present() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        document().get_element_by_id(PRERENDERED_ID).is_some()
    }
    #[cfg(not(target_arch = "wasm32"))]
    false
}

/// Shows the app in place of the pre-rendered copy. Returns whether there was one.
///
/// Call it from a `request_animation_frame` callback of an effect: effects run when a view
/// is built, which under `<Suspense>` is before it is attached to the document.
pub fn take_over() -> bool {
    let Some(prerendered) = document().get_element_by_id(PRERENDERED_ID) else {
        return false;
    };
    let scroll_y = window().scroll_y().unwrap_or(0.0);
    // The linked element and where it stands on screen, to put the app's copy there.
    let anchor = prerendered
        .query_selector(".is-target[id]")
        .ok()
        .flatten()
        .map(|target| (target.id(), target.get_bounding_client_rect().top()));
    prerendered.remove();
    enable_stylesheets();
    if let Some(app) = document().get_element_by_id(crate::APP_ROOT_ID) {
        let _ = app.remove_attribute("hidden");
    }
    let in_app = anchor.and_then(|(id, top)| {
        let element = document().get_element_by_id(&id)?;
        Some(element.get_bounding_client_rect().top() + window().scroll_y().unwrap_or(0.0) - top)
    });
    window().scroll_to_with_x_and_y(0.0, in_app.unwrap_or(scroll_y));
    true
}

/// Links the stylesheets the pre-rendered page left `disabled`, which the browser then fetches:
/// those only other kinds of page use (see `stylesheets`), which the app can now go on to.
fn enable_stylesheets() {
    crate::dom::remove_attribute_from_all("link[rel=stylesheet][disabled]", "disabled");
}

/// Placed in a view that is complete as rendered (no data pending): takes over on mount.
#[component]
pub fn TakeOver() -> impl IntoView {
    Effect::new(|_| {
        request_animation_frame(|| {
            take_over();
        });
    });
}
