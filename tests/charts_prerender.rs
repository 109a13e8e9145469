//! Pre-rendered agency and indicator pages: the chart's box, data table and sources are in
//! the static page (the canvas is drawn only in the browser).

mod common;

use common::{data, page};
use nianbao::prerender::page_paths;

#[test]
fn agency_and_indicator_pages_are_pre_rendered() {
    let data = data();
    let paths = page_paths(&data);
    for path in [
        "/pingtan/",
        "/pingtan/indicators/requests.new/",
        "/pingtan/indicators/requests.results/",
        "/shenyang-fgw/",
        "/shenyang-fgw/indicators/requests.new/",
    ] {
        assert!(paths.iter().any(|p| p == path), "{path}");
    }
    // An indicator none of the agency's reports states has no page (平潭 states 政务微博
    // posts in 2012 only, "共发布微博1288条", so that page exists now).
    assert!(paths
        .iter()
        .any(|p| p == "/pingtan/indicators/weibo.posts/"));
    assert!(!paths
        .iter()
        .any(|p| p == "/pingtan/indicators/press_conferences/"));
}

#[test]
fn an_indicator_page_has_its_chart_box_table_and_sources() {
    let html = page("/pingtan/indicators/requests.new/");
    assert!(html.contains(r#"id="chart-requests-new""#), "{html}");
    assert!(html.contains(r#"class="chart-canvas""#) && html.contains(r#"role="img""#));
    assert!(!html.contains("<canvas"));
    // The table holds every year's value, the old statistics table's marked.
    assert!(html.contains(r#"data-value="218""#));
    assert!(html.contains("0 †"));
    assert!(html.contains(r#"aria-expanded="false""#));
    // Sources name the reports and link to their sections.
    assert!(html.contains("数据来源："));
    assert!(html.contains(r#"href="/pingtan/2024/s3""#));
    assert!(html.contains("平潭综合实验区2024年度政府信息公开工作年度报告"));
    assert!(html.contains(
        r#"<link href="https://nianbao.example/pingtan/indicators/requests.new/" rel="canonical">"#
    ));
}

#[test]
fn the_agency_page_lists_reports_and_charts() {
    let html = page("/pingtan/");
    assert!(html.contains("<h1>平潭综合实验区</h1>"), "{html}");
    assert!(html.contains(r#"href="/pingtan/2015""#));
    assert!(html.contains(r#"id="chart-requests-results""#));
    assert!(html.contains(r#"href="/pingtan/indicators/requests.results""#));
    // 2020's flagged totals are marked in the table.
    assert!(html.contains("21 ⚠"));
}

#[test]
fn unknown_indicators_and_agencies_are_not_found() {
    let html = page("/pingtan/indicators/no.such.thing/");
    assert!(html.contains("未找到页面"), "{html}");
    let html = page("/pingtan/2020/");
    assert!(
        html.contains("平潭综合实验区2020年度"),
        "report routes still work"
    );
}
