//! Saving files from the page (CSV, PNG).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Saves `href` (a data or object URL) as `name`.
pub fn link(name: &str, href: &str) {
    let Ok(a) = document().create_element("a") else {
        return;
    };
    let a: web_sys::HtmlAnchorElement = a.unchecked_into();
    a.set_href(href);
    a.set_download(name);
    a.click();
}

/// Saves `text` as a UTF-8 CSV file (with a byte-order mark, so spreadsheet programs
/// read the Chinese right).
pub fn csv(name: &str, text: &str) {
    let parts = js_sys::Array::of1(&format!("\u{FEFF}{text}").into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    link(name, &url);
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
}
