//! The run-together table readers and the digit splitter.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao_ingest::doc::{TableBlock, TableKind};
use nianbao_ingest::{split, tables};
use nianbao_model::Tables;

fuzz_target!(|text: &str| {
    for kind in [
        TableKind::Proactive,
        TableKind::Applications,
        TableKind::Reviews,
        TableKind::Statistics,
    ] {
        let mut out = Tables::default();
        let block = TableBlock::Text {
            kind,
            text: text.to_string(),
        };
        tables::read_table(&block, "s1", &mut out);
    }
    let tokens: Vec<&str> = text.split_whitespace().take(8).collect();
    for s in split::splits(&tokens, 7, split::ROW_TOTAL, &|_| true) {
        assert!(split::row_total_holds(&s));
    }
});
