//! Title wordings bodies use, on pages generated from the corpus, and metadata the command
//! line supplies where the page gives none.

mod common;

use nianbao_ingest::{ingest_str, ReportMeta};

const TITLE_2024: &str = "平潭综合实验区2024年度政府信息公开工作年度报告";

/// `corpus/pingtan/2024.html` with its title (meta tag, `<title>` and heading) replaced.
fn page_titled(title: &str) -> String {
    let page = std::fs::read_to_string(common::corpus().join("pingtan/2024.html")).expect("page");
    assert!(page.contains(TITLE_2024));
    page.replace(TITLE_2024, title)
}

#[test]
fn title_wordings_give_body_and_year() {
    for (title, name, year) in [
        (
            "2019年上海市人民政府办公厅政府信息公开工作年度报告",
            "上海市人民政府办公厅",
            2019,
        ),
        (
            "上海市人民政府办公厅2019年度政府信息公开工作报告",
            "上海市人民政府办公厅",
            2019,
        ),
        (
            "平潭综合实验区地方税务局2013年信息公开年度报告",
            "平潭综合实验区地方税务局",
            2013,
        ),
        (
            "上海市教育委员会关于2019年度政府信息公开工作的报告",
            "上海市教育委员会",
            2019,
        ),
    ] {
        let report = ingest_str(&page_titled(title), &ReportMeta::default())
            .unwrap_or_else(|e| panic!("{title}: {e}"));
        assert_eq!(
            (report.agency.name.as_str(), report.year),
            (name, year),
            "{title}"
        );
        assert_eq!(report.title, title);
        assert!(!report.sections.is_empty());
    }
    // The archived text form of the same wordings.
    let text = std::fs::read_to_string(common::corpus().join("pingtan/2019.txt")).expect("text");
    let old = "平潭综合实验区2019年度政府信息公开工作年度报告";
    assert!(text.contains(old));
    let text = text.replace(old, "2019年平潭综合实验区政府信息公开工作年度报告");
    let report = ingest_str(&text, &ReportMeta::default()).expect("year-first title");
    assert_eq!(
        (report.agency.name.as_str(), report.year),
        ("平潭综合实验区", 2019)
    );
}

#[test]
fn metadata_supplied_settles_what_the_page_lacks() {
    let untitled = page_titled("政府信息公开工作年度报告");
    let err = ingest_str(&untitled, &ReportMeta::default()).expect_err("no body, no year");
    assert!(err.to_string().contains("--agency-name"), "{err}");
    let meta = |name: Option<&str>, year: Option<u16>| ReportMeta {
        agency_id: Some("x".into()),
        agency_name: name.map(str::to_string),
        year,
        ..ReportMeta::default()
    };
    let report = ingest_str(&untitled, &meta(Some("某局"), Some(2024))).expect("supplied");
    assert_eq!((report.agency.name.as_str(), report.year), ("某局", 2024));
    assert_eq!(report.title, "政府信息公开工作年度报告");
    // The year alone from the title, the body from the command line.
    let yearly = page_titled("2024年政府信息公开工作年度报告");
    let report = ingest_str(&yearly, &meta(Some("某局"), None)).expect("name supplied");
    assert_eq!(report.year, 2024);
    // Line-broken text without any title line: the body and year given are enough.
    let seed =
        std::fs::read_to_string(common::corpus().join("shenyang-fgw/2017.txt")).expect("seed");
    let body: String = seed
        .lines()
        .filter(|l| !l.contains("2017年度政府信息公开工作报告"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(ingest_str(&body, &ReportMeta::default()).is_err());
    let report =
        ingest_str(&body, &meta(Some("沈阳市发展和改革委员会"), Some(2017))).expect("given");
    assert_eq!(report.year, 2017);
    let original = common::ingest("shenyang-fgw/2017.txt");
    assert_eq!(report.sections.len(), original.sections.len());
}
