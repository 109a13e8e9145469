//! Pages as other CMSs and encodings publish them, generated from `corpus/pingtan/2024.html`:
//! every variant must give the original's tables, cell for cell, and its section tree.

mod common;

use nianbao_ingest::{ingest_bytes, ReportMeta};
use nianbao_model::Report;
use scraper::{ElementRef, Html, Selector};

fn meta() -> ReportMeta {
    ReportMeta {
        agency_id: Some("pingtan".into()),
        ..ReportMeta::default()
    }
}

fn original_page() -> String {
    std::fs::read_to_string(common::corpus().join("pingtan/2024.html")).expect("page")
}

fn assert_same(variant: &str, bytes: &[u8]) {
    let original = common::ingest("pingtan/2024.html");
    let report: Report = ingest_bytes(bytes, &meta()).unwrap_or_else(|e| panic!("{variant}: {e}"));
    assert!(original.tables.applications.is_some() && original.tables.reviews.is_some());
    assert_eq!(report.tables, original.tables, "{variant}: tables");
    assert_eq!(
        common::tree(&report),
        common::tree(&original),
        "{variant}: sections"
    );
    assert_eq!(report.title, original.title, "{variant}: title");
    assert_eq!(report.checks, original.checks, "{variant}: checks");
}

#[test]
fn gbk_gb18030_and_byte_order_marks() {
    let page = original_page();
    let declared = "<meta charset=\"utf-8\"";
    assert!(page.contains(declared));
    for (label, encoding) in [("gbk", encoding_rs::GBK), ("gb18030", encoding_rs::GB18030)] {
        let text = page.replacen(declared, &format!("<meta charset=\"{label}\""), 1);
        let (bytes, _, _) = encoding.encode(&text);
        assert!(std::str::from_utf8(&bytes).is_err(), "really {label} bytes");
        assert_same(&format!("<meta charset={label}>"), &bytes);
        // The older form: http-equiv Content-Type, here with gb2312 (read as GBK).
        let text = page.replacen(
            declared,
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><meta",
            1,
        );
        let (bytes, _, _) = encoding_rs::GBK.encode(&text);
        assert_same("http-equiv charset=gb2312", &bytes);
    }
    // A byte-order mark names the encoding even where the page declares another.
    let mut utf8 = b"\xef\xbb\xbf".to_vec();
    utf8.extend_from_slice(page.as_bytes());
    assert_same("UTF-8 with BOM", &utf8);
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(page.encode_utf16().flat_map(u16::to_le_bytes));
    assert_same("UTF-16LE with BOM", &utf16);
    // Declared GBK, but bytes no GBK decoder takes: refused with the charset named.
    let mut broken = encoding_rs::GBK
        .encode(&page.replacen(declared, "<meta charset=\"gbk\"", 1))
        .0
        .into_owned();
    broken.extend_from_slice(b"\x81\x20");
    let err = ingest_bytes(&broken, &meta()).unwrap_err().to_string();
    assert!(err.contains("GBK"), "{err}");
}

#[test]
fn crlf_line_ends_and_breaks_and_spaces_in_cells() {
    let page = original_page();
    assert_same("CRLF", page.replace('\n', "\r\n").as_bytes());
    // Cells as some editors leave them: a line break and no-break spaces around the text.
    assert!(page.contains("</p></td>"));
    let spaced = page
        .replace("</p></td>", "&nbsp;<br>&nbsp;</p></td>")
        .replace(
            "<p style=\"text-indent: 0em;\">",
            "<p style=\"text-indent: 0em;\">&nbsp;<br/>",
        );
    assert_same("<br> and &nbsp; in cells", spaced.as_bytes());
}

/// The article's own HTML (everything in the 平潭 CMS's `TRS_Editor` container), with each
/// table passed through `table`.
fn article_parts(page: &str, table: impl Fn(ElementRef) -> String) -> Vec<String> {
    let doc = Html::parse_document(page);
    let editor = Selector::parse("div.TRS_Editor").expect("selector");
    let root = doc.select(&editor).next().expect("article container");
    root.child_elements()
        .map(|el| {
            if el.value().name() == "table" {
                table(el)
            } else {
                el.html()
            }
        })
        .collect()
}

/// A table as Word exports a vertical merge: no rowspan, the label in the first row and
/// empty cells below it.
fn without_rowspans(table: ElementRef) -> String {
    let tr = Selector::parse("tr").expect("selector");
    let td = Selector::parse("td, th").expect("selector");
    // (row, column, rowspan, colspan, inner HTML) of every cell.
    let mut cells = Vec::new();
    let mut taken: Vec<Vec<bool>> = Vec::new();
    for (r, row) in table.select(&tr).enumerate() {
        let mut c = 0;
        for cell in row.select(&td) {
            let span = |a: &str| {
                cell.value()
                    .attr(a)
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(1)
            };
            let (rs, cs) = (span("rowspan"), span("colspan"));
            while taken
                .get(r)
                .and_then(|t| t.get(c))
                .copied()
                .unwrap_or(false)
            {
                c += 1;
            }
            for rr in r..r + rs {
                if taken.len() <= rr {
                    taken.resize(rr + 1, Vec::new());
                }
                if taken[rr].len() < c + cs {
                    taken[rr].resize(c + cs, false);
                }
                taken[rr][c..c + cs].iter_mut().for_each(|t| *t = true);
            }
            cells.push((r, c, rs, cs, cell.inner_html()));
            c += cs;
        }
    }
    let rows = table.select(&tr).count();
    let mut out = String::from("<table border=\"1\"><tbody>");
    for r in 0..rows {
        out.push_str("<tr>");
        let mut here: Vec<(usize, usize, String)> = cells
            .iter()
            .filter(|(r0, _, rs, _, _)| (*r0..r0 + rs).contains(&r))
            .map(|(r0, c, _, cs, html)| {
                let text = if *r0 == r {
                    html.clone()
                } else {
                    String::new()
                };
                (*c, *cs, text)
            })
            .collect();
        here.sort_by_key(|h| h.0);
        for (_, cs, text) in here {
            out.push_str(&format!("<td colspan=\"{cs}\">{text}</td>"));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}

/// The article in another CMS's page: other chrome, another container, tables wrapped in
/// `<div align="center">`, maybe paragraphs written as `<div>`.
fn other_cms(parts: &[String], title: &str, paragraphs_as_divs: bool) -> String {
    let body: String = parts
        .iter()
        .map(|p| {
            if p.starts_with("<table") {
                format!("<div align=\"center\">{p}</div>\r\n")
            } else if paragraphs_as_divs {
                let p = p.strip_prefix("<p").unwrap_or(p);
                let p = p.strip_suffix("</p>").unwrap_or(p);
                format!("<div{p}</div>\r\n")
            } else {
                format!("{p}\r\n")
            }
        })
        .collect();
    format!(
        "<!DOCTYPE html>\r\n<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\
         <title>{title}_年度报告_某市人民政府</title></head><body>\
         <div id=\"top\"><ul><li><a href=\"/\">首页</a></li><li><a href=\"/zwgk\">政务公开</a></li>\
         <li><a href=\"/hd\">互动交流</a></li></ul></div>\
         <div class=\"wrap\"><div class=\"side\"><ul><li><a href=\"/a\">政府信息公开指南</a></li>\
         <li><a href=\"/b\">政府信息公开制度</a></li><li><a href=\"/c\">政府信息公开年报</a></li></ul></div>\
         <div class=\"main\"><h1 class=\"title\">{title}</h1><div class=\"info\">发布日期：2025-03-10 信息来源：办公室</div>\
         <div id=\"zoom\" class=\"view TRS_UEDITOR\">\r\n{body}</div>\
         <div class=\"share\"><a href=\"#\">打印本页</a> <a href=\"#\">关闭窗口</a></div></div></div>\
         <div class=\"footer\"><p>主办单位：某市人民政府办公室 网站标识码：0000000000</p>\
         <p>ICP备00000000号</p></div></body></html>\r\n"
    )
}

#[test]
fn other_layouts_and_word_style_merges() {
    let page = original_page();
    let title = "平潭综合实验区2024年度政府信息公开工作年度报告";
    let as_is = article_parts(&page, |t| t.html());
    assert_same(
        "another CMS page",
        other_cms(&as_is, title, false).as_bytes(),
    );
    assert_same(
        "paragraphs as <div>",
        other_cms(&as_is, title, true).as_bytes(),
    );
    let unspanned = article_parts(&page, without_rowspans);
    assert!(unspanned.iter().any(|t| t.contains("三、本")));
    assert!(!unspanned.concat().contains("rowspan"));
    assert_same(
        "merges as empty cells",
        other_cms(&unspanned, title, false).as_bytes(),
    );
    // The same in GBK.
    let gbk = other_cms(&unspanned, title, true).replace("charset=utf-8", "charset=gbk");
    assert_same(
        "GBK, empty-cell merges, <div> paragraphs",
        &encoding_rs::GBK.encode(&gbk).0,
    );
}
