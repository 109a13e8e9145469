//! Throughput: reports per second over the whole corpus (HTML pages, one-line page texts,
//! line-broken text) and the derived Word and PDF files (tests/derived), with the peak heap
//! one report takes. Run with `cargo bench -p nianbao-ingest`; it prints its figures.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use nianbao_ingest::{ingest_bytes, ingest_str, ReportMeta};

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Reports/s and the largest peak heap of one report, for files read as bytes.
fn files(label: &str, paths: &[PathBuf], meta: &ReportMeta) {
    let inputs: Vec<Vec<u8>> = paths
        .iter()
        .map(|p| std::fs::read(p).expect("read"))
        .collect();
    if inputs.is_empty() {
        println!("  {label}: no files");
        return;
    }
    let mut peak = 0usize;
    for (path, bytes) in paths.iter().zip(&inputs) {
        let base = IN_USE.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        ingest_bytes(bytes, meta).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        peak = peak.max(PEAK.load(Ordering::Relaxed) - base);
    }
    let start = Instant::now();
    let mut n = 0usize;
    while start.elapsed() < Duration::from_secs(2) {
        for bytes in &inputs {
            std::hint::black_box(ingest_bytes(std::hint::black_box(bytes), meta).ok());
            n += 1;
        }
    }
    println!(
        "  {label}: {:.1} reports/s, peak heap {:.1} MB per report ({} files)",
        n as f64 / start.elapsed().as_secs_f64(),
        peak as f64 / 1e6,
        inputs.len()
    );
}

fn main() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut inputs = Vec::new();
    for agency in std::fs::read_dir(&corpus).expect("corpus folder").flatten() {
        if !agency.path().is_dir() {
            continue;
        }
        for file in std::fs::read_dir(agency.path())
            .expect("agency folder")
            .flatten()
        {
            let path = file.path();
            if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("txt" | "html")
            ) {
                let text = std::fs::read_to_string(&path).expect("read");
                inputs.push((path, text));
            }
        }
    }
    inputs.sort();
    let meta = ReportMeta {
        agency_id: Some("bench".into()),
        ..ReportMeta::default()
    };
    // Warm up, and make sure every input is a report.
    for (path, text) in &inputs {
        ingest_str(text, &meta).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    let bytes: usize = inputs.iter().map(|(_, t)| t.len()).sum();
    let mut reports = 0usize;
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(3) {
        for (_, text) in &inputs {
            std::hint::black_box(ingest_str(std::hint::black_box(text), &meta).ok());
            reports += 1;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let rounds = reports / inputs.len();
    println!(
        "ingest throughput: {:.1} reports/s ({} reports in {:.2} s; {} corpus files, {:.1} MB/s)",
        reports as f64 / secs,
        reports,
        secs,
        inputs.len(),
        (bytes * rounds) as f64 / secs / 1e6
    );
    for kind in ["html", "txt"] {
        let subset: Vec<&String> = inputs
            .iter()
            .filter(|(p, _)| p.extension().and_then(|e| e.to_str()) == Some(kind))
            .map(|(_, t)| t)
            .collect();
        let start = Instant::now();
        let mut n = 0usize;
        while start.elapsed() < Duration::from_secs(1) {
            for text in &subset {
                std::hint::black_box(ingest_str(text, &meta).ok());
                n += 1;
            }
        }
        println!(
            "  .{kind}: {:.1} reports/s",
            n as f64 / start.elapsed().as_secs_f64()
        );
    }
    let derived = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/derived");
    let mut by_kind: Vec<PathBuf> = std::fs::read_dir(&derived)
        .expect("tests/derived")
        .flatten()
        .map(|e| e.path())
        .collect();
    by_kind.sort();
    for (label, suffix) in [
        (".docx (LibreOffice)", ".derived-libreoffice.docx"),
        (".pdf (LibreOffice)", ".derived-libreoffice.pdf"),
        (".pdf (Chromium)", ".derived-chromium.pdf"),
    ] {
        let paths: Vec<PathBuf> = by_kind
            .iter()
            .filter(|p| p.to_string_lossy().ends_with(suffix))
            .cloned()
            .collect();
        files(label, &paths, &meta);
    }
}
