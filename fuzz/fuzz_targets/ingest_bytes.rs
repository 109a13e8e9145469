//! The whole ingest on arbitrary bytes: decoding, format detection, every parser, the build.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao_ingest::{ingest_bytes, ReportMeta};

fuzz_target!(|data: &[u8]| {
    let meta = ReportMeta {
        agency_id: Some("fuzz".into()),
        ..ReportMeta::default()
    };
    let _ = ingest_bytes(data, &meta);
});
