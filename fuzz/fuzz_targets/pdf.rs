//! The PDF reader (glyphs, ruling lines, layout, tables) and the build on arbitrary bytes.
//! Seed it with tests/derived/*.pdf (see crates/ingest/README.md).
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao_ingest::{build, pdf, ReportMeta};

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = pdf::parse_pdf(data) {
        let _ = build::build(doc, &ReportMeta::default());
    }
});
