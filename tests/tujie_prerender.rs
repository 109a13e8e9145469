//! The 图解 poster pre-rendered: a panel per top-level section, each with its own page.

mod common;

use common::{data, page};
use nianbao::prerender::page_paths;

#[test]
fn every_panel_has_its_own_page() {
    let data = data();
    let paths = page_paths(&data);
    for report in &data.reports {
        for section in &report.sections {
            let path = format!(
                "/{}/{}/tujie/{}/",
                report.agency.id, report.year, section.id
            );
            assert!(paths.contains(&path), "{path}");
        }
    }
}

#[test]
fn the_seeds_poster_has_a_panel_per_section_with_its_figures() {
    let html = page("/shenyang-fgw/2017/tujie/");
    assert_eq!(html.matches(r#"class="tujie-panel""#).count(), 7, "{html}");
    for id in ["s1", "s2", "s3", "s4", "s5", "s6", "s7"] {
        assert!(html.contains(&format!(r#"id="panel-{id}""#)), "panel {id}");
    }
    // The figure links to its sentence; the sentence is a tap away.
    assert!(
        html.contains(r#"href="/shenyang-fgw/2017/s3-3#f-s3-3-0-72""#),
        "{html}"
    );
    assert!(html.contains("2017年政务微博公开发布564条信息。"));
    assert!(html.contains(">政府信息公开清单<"));
}

#[test]
fn a_panel_page_is_marked_and_named() {
    let html = page("/shenyang-fgw/2017/tujie/s3/");
    assert!(
        html.contains(
            r#"id="panel-s3" aria-labelledby="panel-s3-title" class="tujie-panel is-target""#
        ),
        "{html}"
    );
    assert!(html.contains(
        r#"<link href="https://nianbao.example/shenyang-fgw/2017/tujie/s3/" rel="canonical">"#
    ));
    assert!(html.contains("图解 · 三、及时回应社会关切"));
    assert!(html.contains(
        r#"<meta property="og:image" content="https://nianbao.example/cards/shenyang-fgw/2017/tujie/s3.png">"#
    ), "the panel's share card");
    // 保存为图片 downloads the panel's card.
    assert!(html.contains(
        r#"<a href="/cards/shenyang-fgw/2017/tujie/s3.png" download="shenyang-fgw-2017-图解-s3.png" class="save-image">"#
    ), "{html}");
}

#[test]
fn a_template_report_draws_its_flow_as_text_first() {
    let html = page("/pingtan/2024/tujie/");
    assert!(
        html.contains(r#"data-received="218" data-handled="218""#),
        "{html}"
    );
    let html = page("/pingtan/2020/tujie/s3/");
    assert!(html.contains(r#"class="flow flagged""#) || html.contains("flow flagged"));
    assert!(html.contains("本站照录，未作更正"));
}
