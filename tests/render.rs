//! Components rendered to HTML natively, on the real founding report.

use leptos::prelude::*;
use nianbao::components::contents::Contents;
use nianbao::components::section::{ReportContext, SectionView};
use nianbao::components::status::provide_status;
use nianbao::site::SiteBase;
use nianbao_model::{parse_report, Report};

fn seed() -> Report {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/public/data/shenyang-fgw/2017.json"
    );
    parse_report(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn with_report<T>(report: &Report, target: Option<&str>, f: impl FnOnce() -> T) -> T {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(SiteBase::new("https://nianbao.example", ""));
        provide_status();
        let target = target.map(str::to_string);
        provide_context(ReportContext {
            report: std::sync::Arc::new(report.clone()),
            series: Default::default(),
            charts: Default::default(),
            target: Memo::new(move |_| target.clone()),
        });
        f()
    })
}

#[test]
fn a_section_carries_its_id_heading_and_share_control() {
    let report = seed();
    let s5 = report.find_section("s5").unwrap().clone();
    let html = with_report(&report, Some("s5"), || {
        view! { <SectionView section=s5 depth=0 /> }.to_html()
    });
    assert!(html.contains(r#"id="s5""#), "{html}");
    assert!(
        html.contains("is-target"),
        "the linked section is marked: {html}"
    );
    assert!(html.contains("<h2"), "{html}");
    assert!(html.contains("五、") && html.contains("积极做好政府信息依申请公开工作"));
    assert!(html.contains(r#"class="copy-link""#) && html.contains("复制本节链接"));
    assert!(
        html.contains("https://nianbao.example/shenyang-fgw/2017/s5"),
        "the print view shows the section's absolute URL"
    );
    assert!(
        html.contains("共收到政府信息公开申请13件"),
        "the text is there as published"
    );
}

#[test]
fn nested_sections_step_down_heading_levels_and_only_the_target_is_marked() {
    let report = seed();
    let s2 = report.find_section("s2").unwrap().clone();
    let html = with_report(&report, Some("s5"), || {
        view! { <SectionView section=s2 depth=0 /> }.to_html()
    });
    assert!(
        html.contains(r#"id="s2-1""#) && html.contains("<h3"),
        "{html}"
    );
    assert!(!html.contains("is-target"));
}

#[test]
fn contents_lists_two_levels_with_section_links() {
    let report = seed();
    let sections = report.sections.clone();
    let html = with_report(&report, None, || {
        let current = Signal::derive(|| Some("s4-2".to_string()));
        view! { <Contents sections current /> }.to_html()
    });
    assert!(html.contains(r#"aria-label="目录""#));
    assert!(html.contains(r#"href="/shenyang-fgw/2017/s5""#), "{html}");
    assert!(html.contains(r#"href="/shenyang-fgw/2017/s2-1""#));
    assert_eq!(html.matches(r#"aria-current="location""#).count(), 1);
    assert!(
        html.contains(r#"href="/shenyang-fgw/2017/s4-2" data-noscroll="" aria-current="location""#),
        "the section being read is marked: {html}"
    );
}
