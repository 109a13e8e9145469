//! The section tree and figures: one-line text against HTML and line-broken text, the
//! seed's figures and their exact places.

mod common;

use nianbao_ingest::doc::Block;
use nianbao_ingest::{html, ingest_str, ReportMeta};

#[test]
fn one_line_text_gives_the_same_tree_as_the_html_page() {
    let from_html = common::ingest("pingtan/2024.html");
    let from_text = common::ingest("pingtan/2024.txt");
    assert_eq!(common::tree(&from_text), common::tree(&from_html));
    assert_eq!(from_text.title, from_html.title);
    assert_eq!(from_text.published.as_deref(), Some("2025-03-10"));
    assert_eq!(from_text.published, from_html.published);
    assert_eq!(from_text.source_url, from_html.source_url);
    assert_eq!(from_text.intro, from_html.intro);
    let ids: Vec<String> = common::tree(&from_html)
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(
        ids,
        ["s1", "s1-1", "s1-2", "s1-3", "s1-4", "s1-5", "s2", "s3", "s4", "s5", "s6"]
    );
    // The top-level sections of the old format agree as well (2015).
    let top = |r: &nianbao_model::Report| {
        r.sections
            .iter()
            .map(|s| (s.id.clone(), s.full_heading()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        top(&common::ingest("pingtan/2015.txt")),
        top(&common::ingest("pingtan/2015.html"))
    );
}

#[test]
fn one_line_text_gives_the_same_tree_as_line_broken_text() {
    // The same report with its line breaks: one line per paragraph of the published page.
    let page = std::fs::read_to_string(common::corpus().join("pingtan/2024.html")).expect("page");
    let doc = html::parse_html(&page).expect("html");
    let mut broken = format!(
        "{}\n发布时间：2025-03-10\n",
        doc.title.clone().expect("title")
    );
    for block in &doc.blocks {
        if let Block::Para(p) | Block::Heading(p) = block {
            broken.push_str(p);
            broken.push('\n');
        }
    }
    let from_lines = ingest_str(&broken, &ReportMeta::default()).expect("line-broken text");
    let from_one_line = common::ingest("pingtan/2024.txt");
    assert_eq!(common::tree(&from_lines), common::tree(&from_one_line));
    for (a, b) in from_lines.walk().iter().zip(from_one_line.walk()) {
        assert_eq!(a.paragraphs, b.paragraphs, "{}", a.id);
    }
}

#[test]
fn seed_tree_keeps_its_ids() {
    let report = common::ingest("shenyang-fgw/2017.txt");
    let top: Vec<&str> = report.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(top, ["s1", "s2", "s3", "s4", "s5", "s6", "s7"]);
    let s2: Vec<&str> = report.sections[1]
        .children
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(s2, ["s2-1", "s2-2", "s2-3", "s2-4"]);
    assert_eq!(report.sections[1].children[0].heading, "完善基础制度");
    assert_eq!(
        report.signature.first().map(String::as_str),
        Some("沈阳市发展和改革委员会")
    );
}

#[test]
fn seed_figures_stand_where_they_say() {
    let report = common::ingest("shenyang-fgw/2017.txt");
    let expect = [
        (
            "主动公开信息4480余条",
            4480.0,
            "条",
            true,
            Some("proactive.items"),
            "s1",
        ),
        (
            "政务微博公开发布564条信息",
            564.0,
            "条",
            false,
            Some("weibo.posts"),
            "s3-3",
        ),
        (
            "共收到政府信息公开申请13件",
            13.0,
            "件",
            false,
            Some("requests.received"),
            "s5",
        ),
        (
            "办结率100%",
            100.0,
            "%",
            false,
            Some("requests.completion_rate"),
            "s5",
        ),
    ];
    for (text, value, unit, approximate, indicator, section) in expect {
        let f = report
            .figures
            .iter()
            .find(|f| f.text == text)
            .unwrap_or_else(|| panic!("figure {text} not found"));
        assert_eq!(f.value, value);
        assert_eq!(f.unit, unit);
        assert_eq!(f.approximate, approximate, "{text}");
        assert_eq!(f.indicator.as_deref(), indicator);
        assert_eq!(f.section, section);
        // The range points at exactly the figure's text in its paragraph …
        let paragraph = &report.find_section(section).expect("section").paragraphs[f.paragraph];
        let chars: Vec<char> = paragraph.chars().collect();
        assert_eq!(chars[f.start..f.end].iter().collect::<String>(), text);
        // … and the sentence around it is the published one.
        assert!(paragraph.contains(text));
    }
}

#[test]
fn every_figure_range_points_at_its_text() {
    for rel in common::corpus_files() {
        let report = common::ingest(&rel);
        for f in &report.figures {
            let paragraph = if f.section == "intro" {
                &report.intro[f.paragraph]
            } else {
                &report.find_section(&f.section).expect("section").paragraphs[f.paragraph]
            };
            let chars: Vec<char> = paragraph.chars().collect();
            assert_eq!(
                chars[f.start..f.end].iter().collect::<String>(),
                f.text,
                "{rel}"
            );
            if let Some(key) = &f.indicator {
                assert!(nianbao_model::indicators::label(key).is_some(), "{key}");
            }
        }
    }
}

#[test]
fn pingtan_figures_are_keyed_for_comparison() {
    let report = common::ingest("pingtan/2024.html");
    let keyed = |key: &str| {
        report
            .figures
            .iter()
            .find(|f| f.indicator.as_deref() == Some(key))
            .map(|f| f.value)
    };
    assert_eq!(keyed("proactive.items"), Some(10407.0));
    assert_eq!(keyed("requests.received"), Some(218.0));
    assert_eq!(keyed("policy_interpretations"), Some(96.0));
}
