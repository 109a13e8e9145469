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

/// The data table of a chart.
fn table_of<'a>(html: &'a str, chart: &str) -> Option<&'a str> {
    let start = html.find(&format!(
        r#"<div id="{chart}-table" hidden class="chart-table">"#
    ))?;
    Some(&html[start..start + html[start..].find("</div>")?])
}

/// A section's page carries the report from its section on; the data tables of the charts
/// further on stand on their own sections' pages, and the page links there instead.
#[test]
fn a_section_page_keeps_the_data_tables_of_its_own_section_only() {
    let s3 = page("/pingtan/2024/s3/");
    let own = table_of(&s3, "chart-s3-requests-results").expect("s3's chart");
    assert!(
        own.contains("<table>") && own.contains(r#"data-value="71""#),
        "{own}"
    );
    let further = table_of(&s3, "chart-s4-reviews").expect("s4's chart is on the page");
    assert!(!further.contains("<table>"), "{further}");
    assert!(
        further.contains(r#"数据表见<a href="/pingtan/2024/s4#chart-s4-reviews">该部分的页面</a>"#),
        "{further}"
    );
    // The chart itself stays, described for screen readers, with its sources.
    assert!(s3.contains(r#"id="chart-s4-reviews""#) && s3.contains("折线图：行政复议"));

    // On s4's own page and on the report's page, the table is there.
    for path in ["/pingtan/2024/s4/", "/pingtan/2024/"] {
        let html = page(path);
        let table = table_of(&html, "chart-s4-reviews").expect(path);
        assert!(table.contains("<table>"), "{path}: {table}");
    }
    // A subsection's page keeps the tables of the section that holds it and of its own, and
    // links from the others'.
    let html = page("/pingtan/2024/s1-2/");
    let mut seen = Vec::new();
    for (at, _) in html.match_indices(r#"<figure id="chart-s"#) {
        let id = &html[at + r#"<figure id=""#.len()..];
        let id = &id[..id.find('"').unwrap()];
        let section = id["chart-".len()..]
            .split('-')
            .take_while(|part| part.starts_with('s') || part.parse::<u32>().is_ok())
            .collect::<Vec<_>>()
            .join("-");
        let table = table_of(&html, id).expect(id);
        let here = ["s1", "s1-2"].contains(&section.as_str());
        assert_eq!(
            table.contains("<table>"),
            here,
            "{id} in {section}: {table}"
        );
        seen.push(here);
    }
    assert!(seen.contains(&true) && seen.contains(&false), "{seen:?}");
}
