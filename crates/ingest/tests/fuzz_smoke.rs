//! The fuzz targets' logic (fuzz/fuzz_targets/*.rs) run natively over a few thousand inputs
//! from a deterministic generator: corpus text cut, spliced and salted with hostile pieces.
//! `cargo fuzz` needs nightly; this keeps the same properties checked on stable.

mod common;

use nianbao_ingest::doc::{TableBlock, TableKind};
use nianbao_ingest::ReportMeta;
use nianbao_ingest::{build, docx, figures, html, ingest_bytes, oneline, pdf, split, tables, text};
use nianbao_model::Tables;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 16) as usize
    }
}

const PIECES: &[&str] = &[
    "一、",
    "（一）",
    "1.",
    "一是",
    "条",
    "件",
    "％",
    "１２",
    "０",
    "9999999999999",
    "复议后起诉",
    "本年新收",
    "尚未审结总计",
    "<b>",
    "<div>",
    "</div>",
    "<td rowspan=\"9\" colspan=\"9\">",
    "<table><tr>",
    "</html>",
    "<!--",
    "\r",
    "\n",
    "。",
    "，",
    "余",
    "第二十条",
    "指标名称",
];

/// Inputs: slices of corpus files with pieces spliced in.
fn inputs(n: usize) -> Vec<String> {
    let files: Vec<String> = [
        "pingtan/2024.txt",
        "pingtan/2019.txt",
        "shenyang-fgw/2017.txt",
    ]
    .iter()
    .map(|f| std::fs::read_to_string(common::corpus().join(f)).expect("corpus"))
    .collect();
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    (0..n)
        .map(|_| {
            let f: Vec<char> = files[rng.next() % files.len()].chars().collect();
            let a = rng.next() % f.len();
            let b = (a + rng.next() % 800).min(f.len());
            let mut s: String = f[a..b].iter().collect();
            for _ in 0..rng.next() % 12 {
                let at = rng.next() % (s.chars().count() + 1);
                let at = s.char_indices().nth(at).map_or(s.len(), |(i, _)| i);
                let piece = PIECES[rng.next() % PIECES.len()].repeat(1 + rng.next() % 20);
                s.insert_str(at, &piece);
            }
            s
        })
        .collect()
}

#[test]
fn fuzz_target_logic_on_generated_inputs() {
    let meta = ReportMeta {
        agency_id: Some("fuzz".into()),
        ..ReportMeta::default()
    };
    for input in inputs(2000) {
        // ingest_bytes
        let _ = ingest_bytes(input.as_bytes(), &meta);
        // html
        let page = format!("<html><body><div><p>{input}</p></div></body></html>");
        if let Ok(doc) = html::parse_html(&page) {
            let _ = build::build(doc, &ReportMeta::default());
        }
        // text
        if let Ok(doc) = text::parse_text(&input) {
            let _ = build::build(doc, &ReportMeta::default());
        }
        // oneline
        let _ = oneline::segment(&input);
        // figures: ranges on chars, the text as published
        let mut out = Vec::new();
        figures::in_paragraph(&input, "s1", 0, &mut out);
        let chars: Vec<char> = input.chars().collect();
        for f in out {
            assert!(f.start <= f.end && f.end <= chars.len());
            assert_eq!(chars[f.start..f.end].iter().collect::<String>(), f.text);
        }
        // table_text
        for kind in [
            TableKind::Proactive,
            TableKind::Applications,
            TableKind::Reviews,
            TableKind::Statistics,
        ] {
            let block = TableBlock::Text {
                kind,
                text: input.clone(),
            };
            tables::read_table(&block, "s1", &mut Tables::default());
        }
        let tokens: Vec<&str> = input.split_whitespace().take(8).collect();
        for s in split::splits(&tokens, 7, split::ROW_TOTAL, &|_| true) {
            assert!(split::row_total_holds(&s));
        }
    }
}

/// The `pdf` and `docx` targets' logic over the derived files, cut and with bytes flipped.
#[test]
fn pdf_and_docx_targets_on_damaged_derived_files() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/derived");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for name in [
        "2024.derived-libreoffice.pdf",
        "2015.derived-chromium.pdf",
        "2024.derived-libreoffice.docx",
    ] {
        let original = std::fs::read(dir.join(name)).expect("derived file");
        for _ in 0..20 {
            let mut bytes = original.clone();
            if rng.next().is_multiple_of(3) {
                bytes.truncate(rng.next() % bytes.len());
            } else {
                for _ in 0..1 + rng.next() % 16 {
                    let at = rng.next() % bytes.len();
                    bytes[at] ^= 1 << (rng.next() % 8);
                }
            }
            let doc = if name.ends_with(".pdf") {
                pdf::parse_pdf(&bytes)
            } else {
                docx::parse_docx(&bytes)
            };
            if let Ok(doc) = doc {
                let _ = build::build(doc, &ReportMeta::default());
            }
        }
    }
}
