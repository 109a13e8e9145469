//! The command line: one report's JSON, option overrides, errors with the file and reason.

mod common;

use std::process::Command;

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_nianbao-ingest"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .output()
        .expect("run nianbao-ingest")
}

#[test]
fn report_prints_json_with_overrides() {
    let out = run(&[
        "report",
        "corpus/pingtan/2024.html",
        "--agency",
        "pt",
        "--agency-name",
        "平潭",
        "--year",
        "2030",
        "--source",
        "https://example.org/r",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = nianbao_model::parse_report(&String::from_utf8(out.stdout).expect("utf-8"))
        .expect("report JSON");
    assert_eq!(report.agency.id, "pt");
    assert_eq!(report.agency.name, "平潭");
    assert_eq!(report.year, 2030);
    assert_eq!(report.source_url.as_deref(), Some("https://example.org/r"));
    // Without overrides the page says it all.
    let out = run(&["report", "corpus/pingtan/2024.txt"]);
    let report = nianbao_model::parse_report(&String::from_utf8(out.stdout).expect("utf-8"))
        .expect("report JSON");
    assert_eq!(
        (
            report.agency.id.as_str(),
            report.agency.name.as_str(),
            report.year
        ),
        ("pingtan", "平潭综合实验区", 2024)
    );
}

#[test]
fn bad_input_exits_non_zero_with_file_and_reason() {
    let dir = std::env::temp_dir().join(format!("nianbao-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, b"").expect("write");
    let binary = dir.join("binary.html");
    std::fs::write(&binary, [0u8, 159, 146, 150, 0, 1]).expect("write");
    for (file, reason) in [
        (empty.display().to_string(), "empty"),
        (binary.display().to_string(), "encoding"),
        ("corpus/none/2099.txt".to_string(), "cannot read"),
    ] {
        let out = run(&["report", &file, "--agency", "x"]);
        assert_eq!(out.status.code(), Some(1), "{file}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.starts_with(&format!("nianbao-ingest: {file}: ")),
            "{stderr}"
        );
        assert!(stderr.contains(reason), "{stderr}");
        assert!(out.stdout.is_empty());
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn source_must_be_an_http_address() {
    for url in [
        "javascript:alert(1)",
        "data:text/html,x",
        "ftp://x/y",
        "https://",
    ] {
        let out = run(&["report", "corpus/pingtan/2024.txt", "--source", url]);
        assert_eq!(out.status.code(), Some(1), "{url}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("not an http(s) address"), "{stderr}");
        assert!(out.stdout.is_empty());
    }
    let out = run(&[
        "report",
        "corpus/pingtan/2024.txt",
        "--source",
        "HTTP://example.org/",
    ]);
    assert!(out.status.success());
}
