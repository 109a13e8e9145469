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
    // A derived PDF cut short, and a .docx that is no zip (both synthetic, named so).
    let pdf = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/derived/2024.derived-libreoffice.pdf"
    ))
    .expect("derived PDF");
    let cut = dir.join("2024.derived-truncated.pdf");
    std::fs::write(&cut, &pdf[..pdf.len() / 3]).expect("write");
    let not_zip = dir.join("synthetic-not-a-zip.docx");
    std::fs::write(&not_zip, b"PK\x03\x04 this is no zip archive").expect("write");
    for (file, reason) in [
        (empty.display().to_string(), "empty"),
        (binary.display().to_string(), "encoding"),
        (cut.display().to_string(), "not a readable PDF"),
        (not_zip.display().to_string(), "not a readable Word .docx"),
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

#[test]
fn dataset_prints_a_line_per_report_and_a_total() {
    let out = run(&["dataset", "--check"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8(out.stderr).expect("utf-8");
    let lines: Vec<&str> = said.lines().filter(|l| !l.starts_with("  ")).collect();
    assert_eq!(
        lines.len(),
        nianbao_ingest::dataset::SOURCES.len() + 2,
        "{said}"
    );
    assert!(
        lines.contains(
            &"pingtan/2024.html: template2021, 6 sections (11 in all), tables: 表二 表三 表四, checks failed 0/42, warnings 0"
        ),
        "{said}"
    );
    assert!(said.contains("pingtan/2020.txt: template2019, 6 sections (30 in all), tables: 表二 表三 表四, checks failed 2/40, warnings 7"));
    assert!(
        said.contains("total: 20 reports of 4 bodies, 2 failed checks, "),
        "{said}"
    );
}

#[test]
fn report_warns_on_stderr_about_rows_kept_raw_and_unknown_tables() {
    let out = run(&["report", "corpus/pingtan-county/2013.txt"]);
    assert!(out.status.success());
    let said = String::from_utf8(out.stderr).expect("utf-8");
    assert!(
        said.contains(
            "corpus/pingtan-county/2013.txt: warning: 统计表“主动公开信息数”一行未能确定数值"
        ),
        "{said}"
    );
    // A table with figures that is none of the standard tables.
    let dir = std::env::temp_dir().join(format!("nianbao-cli-warn-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let page = std::fs::read_to_string(
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/pingtan/2024.html"),
    )
    .expect("page")
    .replacen(
        "<p style=\"text-indent: 2em;\">2024年，无收取信息处理费情况。</p>",
        "<table><tr><td>季度</td><td>件数</td></tr><tr><td>一</td><td>10</td></tr>\
         <tr><td>二</td><td>20</td></tr><tr><td>三</td><td>30</td></tr><tr><td>四</td><td>40</td></tr></table>",
        1,
    );
    let file = dir.join("2024.html");
    std::fs::write(&file, page).expect("write");
    let out = run(&["report", file.to_str().expect("path"), "--agency", "x"]);
    assert!(out.status.success());
    let said = String::from_utf8(out.stderr).expect("utf-8");
    assert!(said.contains("首格“季度”"), "{said}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn kind_and_region_are_catalog_metadata_from_the_command_line() {
    let out = run(&[
        "report",
        "corpus/pingtan/2024.txt",
        "--kind",
        "department",
        "--region",
        "福建省:350000/平潭综合实验区",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = nianbao_model::parse_report(&String::from_utf8(out.stdout).expect("utf-8"))
        .expect("report JSON");
    assert_eq!(
        report.agency.kind,
        Some(nianbao_model::BodyKind::Department)
    );
    let names: Vec<&str> = report
        .agency
        .region
        .iter()
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(names, ["福建省", "平潭综合实验区"]);
    assert_eq!(report.agency.region[0].code.as_deref(), Some("350000"));
    // With its kind known, a 2024 report's deadline is the department's.
    let timeliness = &report.checkup.expect("check-up").timeliness;
    assert_eq!(timeliness.due.as_deref(), Some("2025-01-31"));

    let out = run(&["report", "corpus/pingtan/2024.txt", "--region", "福建省:35"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--region") && stderr.contains("six-digit"),
        "{stderr}"
    );
}
