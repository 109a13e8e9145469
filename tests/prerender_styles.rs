//! The stylesheets written into each pre-rendered page: every class a page's markup uses that
//! some stylesheet styles is styled by a sheet written into that page, so that a page paints
//! as the site means it before (and without) the app, though it carries only the sheets its
//! kind of page asked for (`src/stylesheets.rs`).

// Its page helpers render with templates that carry no styles; this test makes its own.
#[allow(dead_code)]
mod common;

use std::collections::{BTreeSet, HashMap};

use common::{base, data, root};
use nianbao::prerender::{page_paths, prepare_templates, render_page, SectionCache};

/// The stylesheets the source `index.html` links (`public/{name}.css`), by name.
fn linked_sheets() -> Vec<String> {
    let index = std::fs::read_to_string(root().join("index.html")).unwrap();
    index
        .split("<link data-trunk rel=\"css\" href=\"public/")
        .skip(1)
        .filter_map(|rest| rest.split_once(".css\"").map(|(name, _)| name.to_string()))
        .collect()
}

/// The class names `css`'s selectors name (comments skipped; `0.5rem` is no class).
fn classes_in_css(css: &str) -> BTreeSet<String> {
    let mut text = String::new();
    let mut rest = css;
    while let Some(at) = rest.find("/*") {
        text.push_str(&rest[..at]);
        rest = rest[at..].split_once("*/").map_or("", |(_, after)| after);
    }
    text.push_str(rest);
    let mut classes = BTreeSet::new();
    for piece in text.split('.').skip(1) {
        let name: String = piece
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        if name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            classes.insert(name);
        }
    }
    classes
}

/// The class names the elements of `html` carry.
fn classes_in_html(html: &str) -> BTreeSet<String> {
    html.split(" class=\"")
        .skip(1)
        .filter_map(|rest| rest.split_once('"').map(|(value, _)| value))
        .flat_map(str::split_whitespace)
        .map(str::to_string)
        .collect()
}

/// The text of the `<style>` elements of `html`.
fn written_in_styles(html: &str) -> String {
    html.split("<style>")
        .skip(1)
        .filter_map(|rest| rest.split_once("</style>").map(|(css, _)| css))
        .collect()
}

#[test]
fn every_styled_class_a_page_uses_is_styled_by_a_sheet_written_into_it() {
    let sheets = linked_sheets();
    assert!(sheets.len() >= 4, "index.html links {sheets:?}");
    // A page template as Trunk writes it: each sheet linked by its address.
    let links: String = sheets
        .iter()
        .map(|name| format!("<link rel=\"stylesheet\" href=\"/{name}.css\"/>\n"))
        .collect();
    let index = format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<title>年报</title>\n{links}</head>\n<body>\n</body>\n</html>"
    );
    let templates = prepare_templates(&index, |href| {
        std::fs::read_to_string(root().join("public").join(href.trim_start_matches('/')))
            .map_err(|e| format!("{href}: {e}"))
    })
    .unwrap();
    let styled_by: HashMap<String, Vec<&str>> = {
        let mut by = HashMap::<String, Vec<&str>>::new();
        for name in &sheets {
            let css = std::fs::read_to_string(root().join(format!("public/{name}.css"))).unwrap();
            for class in classes_in_css(&css) {
                by.entry(class).or_default().push(name);
            }
        }
        by
    };

    let (data, base, sections) = (data(), base(), SectionCache::default());
    let paths = page_paths(&data);
    let mut missing = Vec::new();
    let mut smallest_styles = usize::MAX;
    for path in &paths {
        let page = render_page(&templates, &base, &data, &sections, path);
        let styles = written_in_styles(&page);
        smallest_styles = smallest_styles.min(styles.len());
        let written = classes_in_css(&styles);
        for class in classes_in_html(&page) {
            if let Some(in_sheets) = styled_by.get(&class) {
                if !written.contains(&class) {
                    missing.push(format!("{path}: .{class} (styled in {in_sheets:?})"));
                }
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
    // Some page leaves a sheet out, or the test says nothing.
    let every_sheet =
        written_in_styles(templates.with_sheets(&nianbao::stylesheets::Stylesheet::ALL));
    assert!(
        smallest_styles < every_sheet.len(),
        "every page of {} carries every sheet",
        paths.len()
    );
}

#[test]
fn classes_are_read_from_selectors_not_from_numbers_or_comments() {
    let css = "/* .not-this */ .a, .b-c:hover > .d_e { margin: 0.5rem 1.2em; }\n@media (min-width: 62rem) { .f .g { x: .5px } }";
    let found: Vec<_> = classes_in_css(css).into_iter().collect();
    assert_eq!(found, ["a", "b-c", "d_e", "f", "g"]);
    let html = r#"<p class="x y"><span class="z">.q</span></p>"#;
    let found: Vec<_> = classes_in_html(html).into_iter().collect();
    assert_eq!(found, ["x", "y", "z"]);
}
