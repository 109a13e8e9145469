//! Word and PDF files derived from the published pages (tests/derived/derive.sh, LibreOffice
//! headless and Chromium's print): every table cell and the section tree equal the HTML's. And what a Word file
//! can be besides: automatic numbering, a `.doc`, a broken archive.

mod common;

use std::io::Write;

use nianbao_ingest::{ingest_bytes, ingest_file, IngestError, ReportMeta};

fn meta() -> ReportMeta {
    ReportMeta {
        agency_id: Some("pingtan".into()),
        ..ReportMeta::default()
    }
}

fn derived(name: &str) -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/derived")
        .join(name)
}

#[test]
fn derived_docx_equals_the_html() {
    for year in [2015, 2024] {
        let html = common::ingest(&format!("pingtan/{year}.html"));
        let file = derived(&format!("{year}.derived-libreoffice.docx"));
        let docx = ingest_file(&file, &meta()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(docx.tables, html.tables, "{year}: every table cell");
        assert_eq!(
            common::tree(&docx),
            common::tree(&html),
            "{year}: section tree"
        );
        assert_eq!(docx.title, html.title);
        assert_eq!(
            (docx.agency.name.as_str(), docx.year),
            ("平潭综合实验区", year)
        );
        assert_eq!(docx.checks, html.checks);
        assert_eq!(docx.format, html.format);
        let cells = |r: &nianbao_model::Report| serde_json::to_string(&r.tables).unwrap().len();
        assert!(cells(&docx) > 1000, "{year}: tables were read");
    }
}

#[test]
fn derived_pdfs_equal_the_html() {
    for producer in ["libreoffice", "chromium"] {
        for year in [2015, 2024] {
            let html = common::ingest(&format!("pingtan/{year}.html"));
            let name = format!("{year}.derived-{producer}.pdf");
            let pdf = ingest_file(&derived(&name), &meta()).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(pdf.tables, html.tables, "{name}: every table cell");
            assert_eq!(
                common::tree(&pdf),
                common::tree(&html),
                "{name}: section tree"
            );
            assert_eq!(pdf.title, html.title, "{name}");
            assert_eq!(
                (pdf.agency.name.as_str(), pdf.year),
                ("平潭综合实验区", year)
            );
            assert_eq!(pdf.checks, html.checks, "{name}");
            assert_eq!(pdf.format, html.format, "{name}");
        }
    }
}

/// A .docx of the given document body (and numbering part), as Word writes one.
fn docx(body: &str, numbering: Option<&str>) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default();
    let w = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
    zip.start_file("word/document.xml", options).unwrap();
    write!(
        zip,
        "<?xml version=\"1.0\"?><w:document {w}><w:body>{body}</w:body></w:document>"
    )
    .unwrap();
    if let Some(n) = numbering {
        zip.start_file("word/numbering.xml", options).unwrap();
        write!(
            zip,
            "<?xml version=\"1.0\"?><w:numbering {w}>{n}</w:numbering>"
        )
        .unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

fn para(text: &str, num: Option<(u8, u8)>) -> String {
    let pr = num.map_or(String::new(), |(id, lvl)| {
        format!(
            "<w:pPr><w:numPr><w:ilvl w:val=\"{lvl}\"/><w:numId w:val=\"{id}\"/></w:numPr></w:pPr>"
        )
    });
    format!("<w:p>{pr}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

#[test]
fn automatic_numbering_is_read_as_printed() {
    let numbering = r#"<w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
        </w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#;
    let body = [
        para("某局2019年政府信息公开工作年度报告", None),
        para("总体情况", Some((1, 0))),
        para("主动公开", Some((1, 1))),
        para("全年主动公开信息120条。", None),
        para("依申请公开", Some((1, 1))),
        para("全年收到申请3件。", None),
        para("存在的主要问题及改进情况", Some((1, 0))),
        para("下一步将加强培训，完善制度。", None),
    ]
    .concat();
    let report = ingest_bytes(&docx(&body, Some(numbering)), &meta()).expect("report");
    assert_eq!((report.agency.name.as_str(), report.year), ("某局", 2019));
    let tree: Vec<String> = common::tree(&report).into_iter().map(|(_, h)| h).collect();
    assert_eq!(
        tree,
        [
            "一、总体情况",
            "（一）主动公开",
            "（二）依申请公开",
            "二、存在的主要问题及改进情况"
        ]
    );
}

#[test]
fn word_files_that_cannot_be_read_are_named() {
    let reason = |bytes: &[u8]| match ingest_bytes(bytes, &meta()) {
        Err(e @ (IngestError::NotAReport(_) | IngestError::TooComplex(_))) => e.to_string(),
        other => panic!("{other:?}"),
    };
    let ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0];
    assert!(reason(&ole).contains("save it as .docx"));
    assert!(reason(b"PK\x03\x04 not really a zip").contains("not a readable Word .docx"));
    let mut cut = std::fs::read(derived("2024.derived-libreoffice.docx")).unwrap();
    cut.truncate(cut.len() / 2);
    assert!(reason(&cut).contains(".docx"));
    // A zip that is no Word document.
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    zip.start_file("hello.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"hello").unwrap();
    zip.finish().unwrap();
    assert!(reason(&out.into_inner()).contains("word/document.xml"));
    assert!(reason(&docx("<w:p><w:r><w:t>", None)).contains(".docx"));
    assert!(reason(&docx("", None)).contains("no text"));
    assert!(reason(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n").contains("PDF"));
}

#[test]
fn damaged_word_files_never_panic() {
    // Bounded mutation run over the derived files and a hand-built one: flipped bytes, cuts,
    // and document XML with broken or odd markup (every outcome is a report or an error).
    let mut inputs = vec![
        std::fs::read(derived("2015.derived-libreoffice.docx")).unwrap(),
        std::fs::read(derived("2024.derived-libreoffice.docx")).unwrap(),
    ];
    for body in [
        "<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>",
        "<w:tbl><w:tr><w:trPr><w:gridBefore w:val=\"99999\"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val=\"-1\"/></w:tcPr></w:tc></w:tr>",
        "</w:tbl></w:tc></w:p><w:p><w:pPr><w:numPr><w:numId w:val=\"5\"/></w:numPr></w:pPr></w:p>",
        "<w:tbl><w:tbl><w:tbl><w:tr><w:tc><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tbl>",
    ] {
        inputs.push(docx(body, Some("<w:num w:numId=\"5\"><w:abstractNumId w:val=\"x\"/></w:num>")));
    }
    let mut seed = 0x9e37_79b9_u32;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed as usize
    };
    for original in &inputs {
        let _ = ingest_bytes(original, &meta());
        for _ in 0..150 {
            let mut bytes = original.clone();
            match next() % 3 {
                0 => bytes.truncate(next() % bytes.len()),
                _ => {
                    for _ in 0..1 + next() % 4 {
                        let at = next() % bytes.len();
                        bytes[at] ^= 1 << (next() % 8);
                    }
                }
            }
            let _ = ingest_bytes(&bytes, &meta());
        }
    }
}
