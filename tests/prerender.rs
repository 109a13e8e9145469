//! Pre-rendered pages, built natively from the shipped data set with the app's components.

mod common;

use common::{data, page};
use nianbao::prerender::{page_paths, render_page, sitemap, SectionCache};
use nianbao::site::SiteBase;

/// The text of an HTML document, tags removed.
fn text_of(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

#[test]
fn a_section_page_carries_its_text_and_link_preview_tags() {
    let html = page("/shenyang-fgw/2017/s5/");
    assert!(html.contains("五、") && html.contains("积极做好政府信息依申请公开工作"));
    assert!(
        text_of(&html).contains(
            "2017年,我委共收到政府信息公开申请13件,全部在规定时限内给予答复,办结率100%。"
        ),
        "the section's text, as published"
    );
    assert!(
        html.contains(r#"<span class="figure" id="f-s5-0-"#),
        "figures in the text carry anchors"
    );
    let title =
        "沈阳市发展和改革委员会2017年度政府信息公开工作报告 · 五、积极做好政府信息依申请公开工作";
    assert!(
        html.contains(&format!(r#"<meta property="og:title" content="{title}">"#)),
        "{html}"
    );
    assert!(html.contains(
        r#"<meta property="og:url" content="https://nianbao.example/shenyang-fgw/2017/s5/">"#
    ));
    assert!(html.contains(
        r#"<link href="https://nianbao.example/shenyang-fgw/2017/s5/" rel="canonical">"#
    ));
    assert!(html.contains(
        r#"<meta name="description" content="按照《中华人民共和国政府信息公开条例》、国务院第5号、36号文件和省市依申请公开规定,建立受理依申请公开政府信息工作制度,制定受理依申请公开工作流程。">"#
    ), "the description is the section's first sentence");
    assert!(html.contains(r#"<meta name="twitter:card" content="summary_large_image">"#));
    assert!(html.contains(
        r#"<meta property="og:image" content="https://nianbao.example/cards/shenyang-fgw/2017/s5.png">"#
    ), "the section's share card");
    assert!(html.contains(
        r#"<meta name="twitter:image" content="https://nianbao.example/cards/shenyang-fgw/2017/s5.png">"#
    ));
    assert_eq!(html.matches("<title>").count(), 1, "one title: {html}");
    assert!(html.contains(&format!("<title>{title} · 年报</title>")));
    assert!(
        // data-pagefind-body: the linked section is the page's one search record.
        html.contains(r#"id="s5" data-pagefind-body="" class="section is-target""#),
        "the linked section is marked and indexed"
    );
    assert!(html.contains(r#"<div id="prerendered">"#));
    assert_eq!(html.matches("lang=\"zh-CN\"").count(), 1);
    assert!(
        !html.contains("<noscript>"),
        "a pre-rendered page reads without JavaScript"
    );
}

#[test]
fn every_report_and_section_has_a_page_and_the_sitemap_lists_them() {
    let data = data();
    let paths = page_paths(&data);
    assert!(paths.contains(&"/".to_string()));
    assert!(paths.contains(&"/shenyang-fgw/2017/".to_string()));
    assert!(paths.contains(&"/shenyang-fgw/2017/s2-1/".to_string()));
    for report in &data.reports {
        let at = format!("/{}/{}/", report.agency.id, report.year);
        assert!(paths.contains(&at), "{at}");
        assert!(paths.contains(&format!("{at}tujie/")), "the 图解 of {at}");
        for section in report.walk() {
            assert!(paths.contains(&format!("{at}{}/", section.id)));
        }
    }
    let unique: std::collections::HashSet<_> = paths.iter().collect();
    assert_eq!(unique.len(), paths.len(), "each page once");
    let xml = sitemap(
        &SiteBase::new("https://nianbao.example", "/nianbao/"),
        &paths,
    );
    assert!(xml.contains("<loc>https://nianbao.example/nianbao/shenyang-fgw/2017/s5/</loc>"));
    assert_eq!(xml.matches("<loc>").count(), paths.len());
}

#[test]
fn the_catalog_page_lists_regions_and_the_latest_reports() {
    let html = page("/");
    assert!(html.contains("<title>政府信息公开工作年度报告 · 年报</title>"));
    // The newest report of each body (four bodies: fewer than the list holds).
    assert!(html.contains(r#"href="/shenyang-fgw/2017""#), "{html}");
    assert!(html.contains(r#"href="/pingtan/2025""#));
    let text = text_of(&html);
    assert!(text.contains("本站收录4个机关的20份年度报告。"), "{text}");
    // The tree's branches, closed, each with a link that works without JavaScript.
    assert!(text.contains("辽宁省1个机关 · 1份报告"), "{text}");
    assert!(text.contains("福建省3个机关 · 19份报告"));
    assert!(html.contains(r#"href="/region/fujian""#));
    assert!(
        !html.contains(r#"href="/pingtan-county""#),
        "bodies stand in their regions' files, not on the home page"
    );
}

#[test]
fn every_body_is_reached_from_the_region_pages() {
    let data = data();
    let paths = page_paths(&data);
    let regions: Vec<&String> = paths.iter().filter(|p| p.starts_with("/region/")).collect();
    assert_eq!(
        regions,
        [
            "/region/fujian/",
            "/region/fujian-pingtanzongheshiyan/",
            "/region/liaoning/",
            "/region/liaoning-shenyang/",
        ]
    );
    let pages: String = regions.iter().map(|p| page(p)).collect();
    for body in [
        "shenyang-fgw",
        "pingtan",
        "pingtan-county",
        "pingtan-dishui",
    ] {
        assert!(pages.contains(&format!(r#"href="/{body}""#)), "{body}");
    }
    let zone = text_of(&page("/region/fujian-pingtanzongheshiyan/"));
    assert!(
        zone.contains("首页福建省平潭综合实验区"),
        "the path above: {zone}"
    );
    assert!(zone.contains("平潭县人民政府（人民政府）最新：2013年度报告共3个年度"));
    assert!(zone.contains("平潭综合实验区地方税务局（部门）"));
    let province = text_of(&page("/region/fujian/"));
    assert!(
        province.contains("福建省3个机关 · 19份报告 · 行政区划代码 350000"),
        "{province}"
    );
    assert!(province.contains("下级地区平潭综合实验区3个机关 · 19份报告"));
    // A body's page says where it stands.
    let body = page("/pingtan-county/");
    assert!(body.contains(r#"href="/region/fujian-pingtanzongheshiyan""#));
}

#[test]
fn the_new_pages_are_pre_rendered_with_their_content() {
    let paths = page_paths(&data());
    for path in [
        "/checks/",
        "/checks/fujian/",
        "/checks/liaoning-shenyang/",
        "/overview/",
        "/pingtan/compare/2023/2024/",
        "/pingtan/compare/2023/2024/s3/",
        "/pingtan/compare/2016/2017/prev-s4/",
    ] {
        assert!(paths.contains(&path.to_string()), "{path}");
    }
    // Only consecutive years are pre-rendered.
    assert!(!paths.contains(&"/pingtan/compare/2015/2024/".to_string()));

    let html = page("/pingtan/compare/2023/2024/s3/");
    assert!(
        html.contains(
            r#"<section id="cmp-s3" aria-labelledby="h-s3" class="compare-section is-target">"#
        ),
        "the linked section is marked"
    );
    assert!(text_of(&html).contains("81 → 218, +137, +169.1%"));
    assert!(html.contains("<title>平潭综合实验区：2023年度与2024年度报告比较 · 三、收到和处理政府信息公开申请情况 · 年报</title>"));

    let checks = text_of(&page("/checks/"));
    assert!(
        checks.contains("福建省的报告体检3个机关 · 19份报告"),
        "{checks}"
    );
    let fujian = text_of(&page("/checks/fujian/"));
    assert!(fujian.contains("共 19 份报告"), "{fujian}");
    assert!(
        fujian.contains("本表列出福建省及其下级地区全部3个机关的19份报告。"),
        "{fujian}"
    );
    let report = text_of(&page("/pingtan/2020/"));
    assert!(
        report.contains("体检：在法定期限内发布；内容齐全；2 处数字不一致"),
        "{report}"
    );
}

#[test]
fn a_large_site_gets_a_sitemap_index() {
    use nianbao::prerender::{sitemaps, SITEMAP_LIMIT};
    let base = common::base();
    let paths: Vec<String> = (0..SITEMAP_LIMIT + 1).map(|i| format!("/p{i}/")).collect();
    let files = sitemaps(&base, &paths);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"]);
    assert!(files[2]
        .1
        .contains("<loc>https://nianbao.example/sitemap-2.xml</loc>"));
    assert_eq!(files[1].1.matches("<loc>").count(), 1);
    assert_eq!(sitemaps(&base, &paths[..3]).len(), 1);
}

#[test]
fn a_section_page_reads_from_its_section_onward() {
    let report = page("/pingtan/2024/");
    let section = page("/pingtan/2024/s3/");
    let first = "2024年，平潭综合实验区坚持以习近平新时代中国特色社会主义思想为指导";
    assert!(text_of(&report).contains(first));
    let text = text_of(&section);
    assert!(
        !text.contains(first),
        "what stands before is on the report's page"
    );
    assert!(text.contains("本页从这一部分开始，前面的部分见报告全文。"));
    assert!(section.contains(r#"<a href="/pingtan/2024">报告全文</a>"#));
    for later in ["收到和处理政府信息公开申请情况", "其他需要报告的事项"] {
        assert!(text.contains(later), "{later}");
    }
    // The contents still lead everywhere.
    assert!(section.contains(r#"href="/pingtan/2024/s1""#));
    assert!(
        section.len() * 10 < report.len() * 8,
        "{} vs {}",
        section.len(),
        report.len()
    );
}

/// The sections after a section page's own are rendered once per report and written into
/// each later page of it (`SectionCache`): every page of the shipped site, rendered in the
/// pre-render's order with one cache, is the page rendered alone.
#[test]
fn pages_rendered_in_turn_equal_pages_rendered_alone() {
    let (templates, base, data) = (common::templates(), common::base(), data());
    let in_turn = SectionCache::default();
    for path in page_paths(&data) {
        let alone = render_page(&templates, &base, &data, &SectionCache::default(), &path);
        assert_eq!(
            render_page(&templates, &base, &data, &in_turn, &path),
            alone,
            "{path}"
        );
    }
    assert!(
        in_turn.reused() > 100,
        "sections were written in again: {}",
        in_turn.reused()
    );
}

/// The head of a page as Trunk 0.21 writes it (the shape of `dist/index.html`).
const TRUNK_INDEX: &str = r#"<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8" />
  <title>年报</title>
  <base href="/nianbao/" />
<script type="module">
import init, * as bindings from '/nianbao/nianbao-1a2b.js';
const wasm = await init({ module_or_path: '/nianbao/nianbao-1a2b_bg.wasm' });
window.wasmBindings = bindings;
</script>
  <link rel="stylesheet" href="/nianbao/styles-3c4d.css" integrity="sha384-x"/>
  <link rel="stylesheet" href="/nianbao/tujie-7a8b.css" integrity="sha384-v"/>
  <link rel="icon" href="/nianbao/favicon-5e6f.svg" integrity="sha384-y"/>
<link rel="modulepreload" href="/nianbao/nianbao-1a2b.js" crossorigin="anonymous" integrity="sha384-z"><link rel="preload" href="/nianbao/nianbao-1a2b_bg.wasm" crossorigin="anonymous" integrity="sha384-w" as="fetch" type="application/wasm"></head>
<body>
  <noscript><p>需要 JavaScript</p></noscript>
</body>
</html>"#;

/// The files `TRUNK_INDEX` names, by their address.
fn read(href: &str) -> Result<String, String> {
    match href {
        "/nianbao/styles-3c4d.css" => Ok("/* Why. */\nbody {\n  color: #222222;\n}\n".to_string()),
        "/nianbao/tujie-7a8b.css" => Ok(".poster { margin: 0; }\n".to_string()),
        "/nianbao/favicon-5e6f.svg" => Ok("<svg/>".to_string()),
        other => Err(format!("{other}: no such file")),
    }
}

#[test]
fn a_pre_rendered_page_paints_with_its_document_alone() {
    let templates = nianbao::prerender::prepare_templates(TRUNK_INDEX, read).unwrap();
    use nianbao::stylesheets::Stylesheet;
    let page = templates.with_sheets(&Stylesheet::ALL);
    let common = templates.with_sheets(&[]);
    // The styles, minified, and the icon are in the page.
    assert!(page.contains("<style>body{color:#222}</style>"), "{page}");
    assert!(page.contains("<style>.poster{margin:0}</style>"));
    assert!(!page.contains("rel=\"stylesheet\""), "{page}");
    // Without the 图解's sheet, the other template links it disabled: not fetched.
    assert!(common.contains("<style>body{color:#222}</style>"));
    assert!(!common.contains(".poster"), "{common}");
    assert!(
        common.contains(r#"<link disabled rel="stylesheet" href="/nianbao/tujie-7a8b.css""#),
        "{common}"
    );
    assert!(
        page.contains("<link rel=\"icon\" href=\"data:image/svg+xml;base64,PHN2Zy8+\">"),
        "{page}"
    );
    // Nothing of the app is fetched before the page has loaded: no preloads, no static import.
    assert!(
        !page.contains("modulepreload") && !page.contains("rel=\"preload\""),
        "{page}"
    );
    assert!(!page.contains("import init"), "{page}");
    let painted = page
        .find("first-contentful-paint")
        .expect("waits for the first paint");
    let loaded = page
        .find("addEventListener(\"load\"")
        .expect("waits for the load event");
    let import = page
        .find("await import('/nianbao/nianbao-1a2b.js')")
        .expect("imports the app's script");
    let start = page.find("await init(").expect("starts the wasm");
    assert!(
        loaded < painted && painted < import && import < start,
        "{page}"
    );
    assert!(page.contains("window.wasmBindings = bindings;"), "{page}");

    // A stylesheet that cannot be read is an error naming it, not a page without styles.
    let error = nianbao::prerender::prepare_templates(TRUNK_INDEX, |href: &str| match href {
        "/nianbao/styles-3c4d.css" => Err(format!("{href}: missing")),
        other => read(other),
    })
    .err()
    .expect("an error");
    assert!(error.contains("styles-3c4d.css"), "{error}");
}

/// Only the 图解's pages carry the 图解's stylesheet (4.8 KB in every page otherwise).
#[test]
fn only_the_pages_that_use_a_stylesheet_carry_it() {
    let templates = nianbao::prerender::prepare_templates(TRUNK_INDEX, read).unwrap();
    let base = SiteBase::new("https://nianbao.example", "/nianbao/");
    let data = data();
    let render = |path: &str| {
        nianbao::prerender::render_page(&templates, &base, &data, &Default::default(), path)
    };
    for tujie in ["/pingtan/2024/tujie/", "/shenyang-fgw/2017/tujie/s3/"] {
        let page = render(tujie);
        assert!(page.contains("class=\"poster"), "{tujie} is the poster");
        assert!(page.contains("<style>.poster{margin:0}</style>"), "{tujie}");
        assert!(!page.contains("<link disabled"), "{tujie}");
    }
    for other in [
        "/",
        "/pingtan/2024/s3/",
        "/pingtan/",
        "/pingtan/compare/2023/2024/",
    ] {
        let page = render(other);
        assert!(!page.contains(".poster{"), "{other}");
        assert!(page.contains("<style>body{color:#222}</style>"), "{other}");
        assert!(
            page.contains(r#"<link disabled rel="stylesheet" href="/nianbao/tujie-7a8b.css""#),
            "{other}"
        );
    }
}

/// The `<link rel="expect">` tag in the head of `html`, if it has one.
fn expect_link(html: &str) -> Option<&str> {
    let head = &html[..html.find("</head>").expect("a head")];
    let at = head.find(r#"rel="expect""#)?;
    let start = head[..at].rfind("<link")?;
    Some(&head[start..start + head[start..].find('>')? + 1])
}

#[test]
fn a_deep_link_holds_its_first_paint_until_its_element_is_parsed() {
    for (path, anchor) in [
        ("/shenyang-fgw/2017/s5/", "s5"),
        ("/pingtan/2024/s3/", "s3"),
    ] {
        let html = page(path);
        let link = expect_link(&html).unwrap_or_else(|| panic!("{path}: no expect link"));
        assert!(
            // The page's own address: a bare fragment resolves against <base>.
            link.contains(&format!(r##"href="{path}#{anchor}""##))
                && link.contains(r#"blocking="render""#),
            "{path}: {link}"
        );
        assert!(
            html.contains(&format!(r#"id="{anchor}""#)),
            "{path}: the element it waits for is in the page"
        );
    }
    // Pages that open at their top, and deep links left to boot.js's scroll on
    // DOMContentLoaded (see PageMeta's `opens_at`).
    for path in [
        "/pingtan/2024/",
        "/pingtan/2024/tujie/",
        "/",
        "/pingtan/2024/tujie/s3/",
        "/pingtan/compare/2023/2024/s3/",
    ] {
        assert_eq!(expect_link(&page(path)), None, "{path}");
    }
}
