//! Small operations on the page's DOM that several views share.

use leptos::prelude::*;

/// Removes `attribute` from every element of the page that `selector` matches.
pub fn remove_attribute_from_all(selector: &str, attribute: &str) {
    let Ok(matched) = document().query_selector_all(selector) else {
        return;
    };
    for i in 0..matched.length() {
        use wasm_bindgen::JsCast;
        if let Some(element) = matched
            .item(i)
            .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
        {
            let _ = element.remove_attribute(attribute);
        }
    }
}
