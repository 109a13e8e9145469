//! The plain-text readers: archived page text (header + body) and line-broken text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao_ingest::{build, text, ReportMeta};

fuzz_target!(|data: &str| {
    if let Ok(doc) = text::parse_text(data) {
        let _ = build::build(doc, &ReportMeta::default());
    }
});
