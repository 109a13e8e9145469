//! Bad input gives a clear error or a flagged partial result, never a panic.

mod common;

use nianbao_ingest::{ingest_bytes, ingest_file, ingest_str, IngestError, ReportMeta};

fn meta() -> ReportMeta {
    ReportMeta {
        agency_id: Some("test".into()),
        ..ReportMeta::default()
    }
}

#[test]
fn cut_off_html_is_refused() {
    let page = std::fs::read(common::corpus().join("pingtan/2024.html")).expect("page");
    let cut = &page[..page.len() / 2];
    // Cut on a char boundary so that it is the truncation, not the encoding, that fails.
    let text = String::from_utf8_lossy(cut);
    match ingest_str(&text, &meta()) {
        Err(IngestError::Truncated(why)) => assert!(why.contains("</html>")),
        other => panic!("expected a truncation error, got {other:?}"),
    }
}

#[test]
fn empty_and_binary_files_are_refused() {
    assert!(matches!(
        ingest_bytes(b"", &meta()),
        Err(IngestError::NotAReport(_))
    ));
    assert!(matches!(
        ingest_bytes(b"  \n\t\n", &meta()),
        Err(IngestError::NotAReport(_))
    ));
    let binary: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    let err = ingest_bytes(&binary, &meta()).unwrap_err();
    assert!(matches!(err, IngestError::Encoding(_)), "{err}");
    // GBK bytes of 政府信息 are decoded as the page declares (and are then no report); bytes
    // no GBK decoder takes are refused with the charset named.
    let gbk = b"<html><head><meta charset=gbk></head><body><p>\xd5\xfe\xb8\xae\xd0\xc5\xcf\xa2</p></body></html>";
    let err = ingest_bytes(gbk, &meta()).unwrap_err();
    assert!(matches!(err, IngestError::NotAReport(_)), "{err}");
    let broken =
        b"<html><head><meta charset=gbk></head><body><p>\xd5\xfe\x81\x20</p></body></html>";
    let err = ingest_bytes(broken, &meta()).unwrap_err();
    assert!(
        matches!(err, IngestError::Encoding(_)) && err.to_string().contains("GBK"),
        "{err}"
    );
    // Undeclared bytes that are neither UTF-8 nor a GB18030 report stay refused.
    let latin1 = b"<html><body><p>caf\xe9 cr\xe8me</p></body></html>";
    let err = ingest_bytes(latin1, &meta()).unwrap_err();
    assert!(matches!(err, IngestError::Encoding(_)), "{err}");
}

#[test]
fn text_that_is_not_a_report_is_refused() {
    for text in [
        "hello world",
        "<html><body><ul><li>menu</li></ul></body></html>",
        "平潭综合实验区2024年度政府信息公开工作年度报告",
    ] {
        let err = ingest_str(text, &meta()).unwrap_err();
        assert!(matches!(err, IngestError::NotAReport(_)), "{text}: {err}");
    }
}

#[test]
fn unreadable_file_names_the_file() {
    let err = ingest_file(&common::corpus().join("nope/2099.txt"), &meta()).unwrap_err();
    assert!(err.to_string().contains("2099.txt"), "{err}");
    assert!(matches!(err.error, IngestError::Io(_)));
}

#[test]
fn a_table_with_a_missing_row_is_flagged() {
    // An invented variant of pingtan/2024.txt: the row 2.重复申请 removed from table 3.
    let report = ingest_file(
        &common::fixtures().join("invented-missing-row.txt"),
        &meta(),
    )
    .expect("a partial result, not an error");
    let table = report.tables.applications.as_ref().expect("table 3");
    assert!(table.row("not_processed.duplicate").is_none());
    assert_eq!(table.rows.len(), 24, "25 rows less the missing one");
    assert!(
        table.notes.iter().any(|n| n.contains("重复申请")),
        "{:?}",
        table.notes
    );
    // The other rows are still read, and the sums now fail where the row is missing.
    assert_eq!(table.row("new_requests").expect("row").values[0], Some(217));
    assert!(report
        .failed_checks()
        .any(|c| c.rule == "applications.results_sum" && c.column == "自然人"));
}

/// Cut-off and corrupted corpus files: every prefix (on char boundaries, at a stride) and
/// byte-flipped variants give a result or an error, never a panic.
#[test]
fn no_input_panics() {
    for rel in [
        "pingtan/2024.txt",
        "pingtan/2019.txt",
        "pingtan/2015.html",
        "shenyang-fgw/2017.txt",
    ] {
        let text = std::fs::read_to_string(common::corpus().join(rel)).expect("file");
        let stride = if rel.ends_with(".html") { 4099 } else { 211 };
        let mut at = 0;
        while at < text.len() {
            while !text.is_char_boundary(at) {
                at += 1;
            }
            let _ = ingest_str(&text[..at], &meta());
            let _ = ingest_str(&text[at..], &meta());
            at += stride;
        }
        let mut bytes = text.into_bytes();
        let mut seed = 0x2545_f491_u32;
        for _ in 0..40 {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            let i = seed as usize % bytes.len();
            bytes[i] = (seed >> 8) as u8;
            let _ = ingest_bytes(&bytes, &meta());
        }
    }
}
