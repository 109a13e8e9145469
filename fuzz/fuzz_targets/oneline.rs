//! The one-line body segmenter (headings inline, table text cut out).
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao_ingest::oneline;

fuzz_target!(|text: &str| {
    let _ = oneline::segment(text);
});
