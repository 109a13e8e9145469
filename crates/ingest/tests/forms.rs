//! Issue 10: real forms that were misread in silence or refused for the wrong reason.

mod common;

use nianbao_ingest::{ingest_bytes, ingest_str, warnings, IngestError, ReportMeta};

fn meta() -> ReportMeta {
    ReportMeta {
        agency_id: Some("test".into()),
        ..ReportMeta::default()
    }
}

fn corpus(rel: &str) -> String {
    std::fs::read_to_string(common::corpus().join(rel)).expect("corpus file")
}

fn full_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + 0xff10).expect("digit"),
            _ => c,
        })
        .collect()
}

/// Digits inside the tables' cells made full-width, as Word exports print them.
fn full_width_cells(page: &str) -> String {
    let mut out = String::new();
    let mut rest = page;
    while let Some(at) = rest.find("<table") {
        let end = rest[at..].find("</table>").map_or(rest.len(), |e| at + e);
        out.push_str(&rest[..at]);
        let mut in_tag = false;
        for c in rest[at..end].chars() {
            in_tag = (in_tag || c == '<') && c != '>';
            out.push(if in_tag {
                c
            } else {
                full_width(&c.to_string()).chars().next().unwrap()
            });
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn full_width_table_cells_are_read_as_digits() {
    let page = corpus("pingtan/2024.html");
    let plain = ingest_str(&page, &meta()).expect("report");
    let wide = ingest_str(&full_width_cells(&page), &meta()).expect("report");
    assert_eq!(wide.format, plain.format);
    // The same rows and values; labels stay as published (１.属于国家秘密).
    let rows = |r: &nianbao_model::Report| {
        let rows = &r.tables.applications.as_ref().expect("table 3").rows;
        rows.iter()
            .map(|r| (r.key.clone(), r.values.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(rows(&wide), rows(&plain));
    assert_eq!(wide.tables.reviews, plain.tables.reviews);
    assert_eq!(wide.checks.len(), plain.checks.len());
    assert!(wide.notes.is_empty(), "{:?}", wide.notes);
}

#[test]
fn full_width_text_is_read_and_figures_keep_the_published_text() {
    let text = corpus("pingtan/2024.txt");
    let (header, body) = text
        .split_once("==================== 正文")
        .expect("archive");
    let wide_text = format!("{header}==================== 正文{}", full_width(body));
    let plain = ingest_str(&text, &meta()).expect("report");
    let wide = ingest_str(&wide_text, &meta()).expect("report");
    let values = |r: &nianbao_model::Report| {
        let rows = &r.tables.applications.as_ref().expect("table 3").rows;
        rows.iter().map(|r| r.values.clone()).collect::<Vec<_>>()
    };
    assert_eq!(values(&wide), values(&plain));
    assert_eq!(
        wide.tables.reviews.as_ref().map(|t| &t.values),
        plain.tables.reviews.as_ref().map(|t| &t.values)
    );
    assert_eq!(wide.checks.len(), plain.checks.len());
    assert_eq!(wide.figures.len(), plain.figures.len());
    for (w, p) in wide.figures.iter().zip(&plain.figures) {
        assert_eq!((w.value, w.start, w.end), (p.value, p.start, p.end));
        assert_eq!(
            w.text,
            full_width(&p.text),
            "the published chars, not rewritten"
        );
    }
}

#[test]
fn a_table_none_of_whose_rows_can_be_read_is_said_loudly() {
    let page = corpus("pingtan/2024.html");
    // Every cell of table 3 unreadable: its numbers replaced by a word.
    let start = page.find("本年新收").expect("table 3");
    let end = start + page[start..].find("</table>").expect("end");
    let mut broken = page[..start].to_string();
    let mut in_tag = false;
    for c in page[start..end].chars() {
        in_tag = (in_tag || c == '<') && c != '>';
        if !in_tag && c.is_ascii_digit() {
            broken.push('约');
        } else {
            broken.push(c);
        }
    }
    broken.push_str(&page[end..]);
    let report = ingest_str(&broken, &meta()).expect("a report, with the table named");
    let said = warnings(&report);
    assert!(
        said[0].contains("收到和处理政府信息公开申请情况"),
        "{said:?}"
    );
    // The rest name the table's rows it misses, one by one.
    assert!(
        said[1..].iter().all(|w| w.starts_with("表三：表中缺少")),
        "{said:?}"
    );
    assert!(warnings(&ingest_str(&page, &meta()).expect("report")).is_empty());
}

#[test]
fn title_years_in_chinese_or_full_width_numerals() {
    let text = corpus("pingtan/2024.txt");
    for year in ["二〇二四", "２０２４"] {
        let report = ingest_str(&text.replace("2024年度", &format!("{year}年度")), &meta())
            .unwrap_or_else(|e| panic!("{year}: {e}"));
        assert_eq!(
            (report.year, report.agency.name.as_str()),
            (2024, "平潭综合实验区")
        );
    }
}

#[test]
fn comments_and_scripts_after_the_end_of_the_page() {
    let page = corpus("pingtan/2024.html");
    let footer = "\n<!-- cms 2024 -->\n<script type=\"text/javascript\">var a = 1 < 2;</script>\n";
    assert!(ingest_str(&format!("{page}{footer}"), &meta()).is_ok());
    // Text after </html> is still a page cut off or run together.
    let err = ingest_str(&format!("{page}<p>more"), &meta()).unwrap_err();
    assert!(matches!(err, IngestError::Truncated(_)), "{err}");
}

#[test]
fn carriage_return_line_ends() {
    let text = corpus("shenyang-fgw/2017.txt").replace("\r\n", "\n");
    let plain = ingest_str(&text, &meta()).expect("report");
    let cr = ingest_str(&text.replace('\n', "\r"), &meta()).expect("CR-only text");
    assert_eq!(cr.sections, plain.sections);
}

#[test]
fn utf16_without_a_byte_order_mark_is_named() {
    let text = corpus("pingtan/2024.txt");
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for (bytes, order) in [(le, "little-endian"), (be, "big-endian")] {
        let err = ingest_bytes(&bytes, &meta()).unwrap_err().to_string();
        assert!(err.contains("UTF-16") && err.contains(order), "{err}");
    }
    // Binary data is still binary data.
    let binary: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    assert!(ingest_bytes(&binary, &meta())
        .unwrap_err()
        .to_string()
        .contains("NUL"));
}
