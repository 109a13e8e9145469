//! Golden tests: every corpus file gives exactly the JSON stored in tests/golden/.
//! After an intended change, review the diff of `NIANBAO_UPDATE_GOLDEN=1 cargo test -p
//! nianbao-ingest --test golden`.

mod common;

use std::path::PathBuf;

use nianbao_ingest::to_json;

#[test]
fn every_corpus_file_matches_its_golden_json() {
    let files = common::corpus_files();
    assert!(files.len() >= 14, "corpus files: {files:?}");
    let update = std::env::var_os("NIANBAO_UPDATE_GOLDEN").is_some();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut stale = Vec::new();
    for rel in &files {
        let report = common::ingest(rel);
        let json = to_json(&report);
        // The JSON reads back as the same report.
        assert_eq!(
            nianbao_model::parse_report(&json).as_ref(),
            Ok(&report),
            "{rel}"
        );
        let golden = dir.join(format!("{}.json", rel.replace('/', "-")));
        if update {
            std::fs::write(&golden, &json).expect("write golden");
        } else if std::fs::read_to_string(&golden).ok().as_deref() != Some(json.as_str()) {
            stale.push(golden.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "output differs from the golden files (NIANBAO_UPDATE_GOLDEN=1 to rewrite, then review the diff): {stale:?}"
    );
}
