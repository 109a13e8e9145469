//! The HTML page reader (article finding, tables with spans) and the report build after it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao_ingest::{build, html, ReportMeta};

fuzz_target!(|text: &str| {
    if let Ok(doc) = html::parse_html(text) {
        let _ = build::build(doc, &ReportMeta::default());
    }
});
