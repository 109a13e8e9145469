//! Issue 10: hostile inputs built from the corpus finish (bounded work) with the right result:
//! a report that says what it could not read, or a clear error, never a hang or a crash.
//! None of these is a timing test; each input is small enough to run in well under a second
//! with the bounded algorithms, and would hang with the former exponential or quadratic ones.

mod common;

use nianbao_ingest::{ingest_str, IngestError, ReportMeta};

fn meta() -> ReportMeta {
    ReportMeta {
        agency_id: Some("test".into()),
        ..ReportMeta::default()
    }
}

fn corpus(rel: &str) -> String {
    std::fs::read_to_string(common::corpus().join(rel)).expect("corpus file")
}

/// pingtan/2024.txt with `digits` put right after table 4's last header cell.
fn with_review_digits(digits: &str, replace_run: bool) -> String {
    let text = corpus("pingtan/2024.txt");
    let at = text.rfind("尚未审结总计").expect("table 4") + "尚未审结总计".len();
    let rest = &text[at..];
    let rest = if replace_run {
        rest.trim_start_matches(|c: char| c.is_ascii_digit())
    } else {
        rest
    };
    format!("{}{digits}{rest}", &text[..at])
}

/// The article of pingtan/2024.html with `markup` put before its first heading.
fn html_with(markup: &str) -> String {
    let page = corpus("pingtan/2024.html");
    let at = page.find("一、总体情况").expect("heading");
    let at = page[..at].rfind("<p").expect("paragraph");
    format!("{}{markup}{}", &page[..at], &page[at..])
}

fn too_complex(text: &str) -> String {
    match ingest_str(text, &meta()) {
        Err(IngestError::TooComplex(why)) => why,
        other => panic!("expected a limits error, got {:?}", other.map(|r| r.title)),
    }
}

#[test]
fn table_4_digit_runs_that_do_not_split_stay_raw() {
    // 20 digits more: 111 s before the splitter was dynamic programming.
    for (digits, replace) in [
        ("12345678901234567890", false),
        ("123456789123456789123456789123", true),
        ("98765432987654329876543298765432987", true),
    ] {
        let report = ingest_str(&with_review_digits(digits, replace), &meta()).expect("report");
        let reviews = report.tables.reviews.expect("table 4");
        assert!(!reviews.recovery.recovered, "{digits}");
        assert_eq!(reviews.values, vec![None; 15]);
        let raw = reviews.recovery.raw.as_deref().expect("raw kept");
        assert!(raw.starts_with(digits), "{raw}");
        assert!(reviews.recovery.note.expect("note").contains("保留原文"));
        // Table 3 is still read.
        assert!(report.tables.applications.expect("table 3").rows.len() >= 25);
    }
    // The published run still splits as before.
    let report = ingest_str(&with_review_digits("", false), &meta()).expect("report");
    assert!(report.tables.reviews.expect("table 4").recovery.recovered);
}

#[test]
fn a_megabyte_digit_run_is_read_in_linear_time() {
    let run = "1".repeat(1_000_000);
    let report = ingest_str(&with_review_digits(&run, false), &meta()).expect("report");
    assert!(!report.tables.reviews.expect("table 4").recovery.recovered);
    // In prose: the numbering scan at each position is bounded.
    let text =
        corpus("pingtan/2024.txt").replacen("一、总体情况", &format!("一、总体情况{run}"), 1);
    let report = ingest_str(&text, &meta()).expect("report");
    assert!(report.sections.len() >= 5);
}

#[test]
fn runaway_nesting_is_refused_with_a_reason() {
    // 60,000 unclosed <b> (180 KB) overflowed the stack; so did 60,000 nested <span>.
    let why = too_complex(&html_with(&"<b>".repeat(60_000)));
    assert!(why.contains("formatting"), "{why}");
    let spans = format!("{}x{}", "<span>".repeat(60_000), "</span>".repeat(60_000));
    assert!(too_complex(&html_with(&spans)).contains("nest"));
    // 100,000 nested <div>: html5ever's scope checks are quadratic in the depth.
    let divs = format!(
        "{}<p>x</p>{}",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    assert!(too_complex(&html_with(&divs)).contains("nest"));
    // Nesting a real page could have is read.
    let some = format!(
        "{}<p>x</p>{}",
        "<div><span>".repeat(50),
        "</span></div>".repeat(50)
    );
    assert!(ingest_str(&html_with(&some), &meta()).is_ok());
}

#[test]
fn many_figures_and_headings_are_read_in_linear_time() {
    let report = ingest_str(
        &html_with(&format!("<p>{}</p>", "1条".repeat(10_000))),
        &meta(),
    )
    .expect("report");
    assert!(report.figures.len() >= 10_000, "{}", report.figures.len());
    let report =
        ingest_str(&html_with(&"<p>一、总体情况</p>".repeat(10_000)), &meta()).expect("report");
    // A restarted numbering never reuses an id.
    let ids: std::collections::HashSet<&str> =
        report.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids.len(), report.sections.len());
    assert!(report.sections.len() >= 10_000);
    assert!(ids.contains("s1_10000"));
}

#[test]
fn huge_spans_are_bounded_by_the_cells_they_cover() {
    // 87 KB of such cells took 3 GB; 289 KB aborted.
    let cell = r#"<td rowspan="99999" colspan="99999">1</td>"#;
    let table = format!(
        "<table><tr>{}</tr>{}</table>",
        cell.repeat(2000),
        "<tr><td>1</td></tr>".repeat(200)
    );
    assert!(too_complex(&html_with(&table)).contains("cells"));
    // Spans a real table has are read as before.
    let table = format!(
        r#"<table><tr>{}</tr><tr><td>1</td></tr></table>"#,
        cell.repeat(3)
    );
    assert!(ingest_str(&html_with(&table), &meta()).is_ok());
}
