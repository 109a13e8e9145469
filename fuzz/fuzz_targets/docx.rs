//! The .docx reader (zip, document XML, numbering, tables) and the build on arbitrary bytes.
//! Seed it with tests/derived/*.docx (see crates/ingest/README.md).
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao_ingest::{build, docx, ReportMeta};

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = docx::parse_docx(data) {
        let _ = build::build(doc, &ReportMeta::default());
    }
});
