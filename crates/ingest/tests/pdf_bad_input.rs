//! PDFs that cannot be read give one clear reason, never a panic: synthetic files built here
//! (an image-only "scanned" PDF, an encrypted one, a text PDF with no report), and the derived
//! LibreOffice PDF cut short or with bytes flipped.

use nianbao_ingest::{ingest_bytes, IngestError, ReportMeta};

fn meta() -> ReportMeta {
    ReportMeta {
        agency_id: Some("pingtan".into()),
        ..ReportMeta::default()
    }
}

fn derived(name: &str) -> Vec<u8> {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/derived")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A synthetic PDF from its objects (numbered from 1), with a correct cross-reference table.
fn synthetic_pdf(objects: &[String], trailer_extra: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn stream(dict: &str, data: &[u8]) -> String {
    // Content here is ASCII (or hex for the image), so a String holds it.
    format!(
        "<< {dict} /Length {} >>\nstream\n{}\nendstream",
        data.len(),
        String::from_utf8_lossy(data)
    )
}

/// One page with the given content stream and resources.
fn one_page(content: &str, resources: &str, extra: Vec<String>) -> Vec<String> {
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources {resources} >>"
        ),
        stream("", content.as_bytes()),
    ];
    objects.extend(extra);
    objects
}

fn reason(bytes: &[u8]) -> String {
    match ingest_bytes(bytes, &meta()) {
        Err(e @ (IngestError::NotAReport(_) | IngestError::TooComplex(_))) => e.to_string(),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_synthetic_scanned_pdf_needs_ocr() {
    // A page that is one 8×8 grey image: no text layer.
    let image = stream(
        "/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /ASCIIHexDecode",
        &b"80".repeat(64).into_iter().chain(*b">").collect::<Vec<u8>>(),
    );
    let pdf = synthetic_pdf(
        &one_page(
            "q 500 0 0 700 40 70 cm /Im0 Do Q",
            "<< /XObject << /Im0 5 0 R >> >>",
            vec![image],
        ),
        "",
    );
    let why = reason(&pdf);
    assert!(
        why.contains("no text layer: a scanned PDF needs OCR"),
        "{why}"
    );
}

#[test]
fn a_synthetic_encrypted_pdf_is_named() {
    // Standard security handler, revision 2, with a user password (the /U entry matches no
    // empty password): it cannot be opened without the password.
    let encrypt = format!(
        "<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <{}> /U <{}> >>",
        "11".repeat(32),
        "22".repeat(32)
    );
    let mut objects = one_page(
        "BT /F1 12 Tf 72 700 Td (2019) Tj ET",
        "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>",
        vec![encrypt],
    );
    objects.push("<< >>".into());
    let pdf = synthetic_pdf(&objects, "/Encrypt 5 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]");
    let why = reason(&pdf);
    assert!(why.contains("encrypted PDF"), "{why}");
}

#[test]
fn a_synthetic_aes_encrypted_pdf_is_named() {
    // AES (/V 4 and 5) is beyond lopdf 0.34, even with the empty password.
    for (v, r) in [(4, 4), (5, 6)] {
        let encrypt = format!(
            "<< /Filter /Standard /V {v} /R {r} /Length 128 /P -44 /O <{}> /U <{}> >>",
            "11".repeat(32),
            "22".repeat(32)
        );
        let mut objects = one_page(
            "BT /F1 12 Tf 72 700 Td (2019) Tj ET",
            "<< >>",
            vec![encrypt],
        );
        objects.push("<< >>".into());
        let pdf = synthetic_pdf(&objects, "/Encrypt 5 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]");
        let why = reason(&pdf);
        assert!(why.contains("encrypted PDF whose encryption (AES"), "{why}");
    }
}

#[test]
fn a_derived_pdf_secured_without_a_user_password_is_read() {
    // qpdf --encrypt "" OWNER 128 --use-aes=n (printing and changes forbidden), as bodies
    // "secure" their PDFs: it opens with the empty password and reads as the original.
    let secured = derived("2024.derived-libreoffice-secured.pdf");
    let plain = ingest_bytes(&derived("2024.derived-libreoffice.pdf"), &meta()).unwrap();
    let read = ingest_bytes(&secured, &meta()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(read.tables, plain.tables);
    assert!(read.tables.applications.is_some());
}

#[test]
fn a_synthetic_text_pdf_that_is_no_report_is_named() {
    let pdf = synthetic_pdf(
        &one_page(
            "BT /F1 12 Tf 72 700 Td (Hello, world) Tj ET",
            "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>",
            vec![],
        ),
        "",
    );
    let why = reason(&pdf);
    assert!(why.starts_with("not a report"), "{why}");
    assert!(!why.contains("OCR"), "{why}");
}

#[test]
fn a_truncated_derived_pdf_is_named() {
    let full = derived("2024.derived-libreoffice.pdf");
    for keep in [full.len() / 2, full.len() / 10, 2000, 20] {
        let why = reason(&full[..keep]);
        assert!(why.contains("PDF"), "{keep} bytes: {why}");
    }
}

#[test]
fn damaged_derived_pdfs_never_panic() {
    // Bounded mutation run: flipped bytes and cuts; every outcome is a report or an error.
    let mut seed = 0x2545_f491_u32;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed as usize
    };
    for name in [
        "2015.derived-libreoffice.pdf",
        "2024.derived-libreoffice.pdf",
    ] {
        let original = derived(name);
        for _ in 0..20 {
            let mut bytes = original.clone();
            if next().is_multiple_of(3) {
                bytes.truncate(next() % bytes.len());
            } else {
                for _ in 0..1 + next() % 8 {
                    let at = next() % bytes.len();
                    bytes[at] ^= 1 << (next() % 8);
                }
            }
            let _ = ingest_bytes(&bytes, &meta());
        }
    }
}
