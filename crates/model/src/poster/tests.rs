//! The poster on real reports of the shipped data set (public/data).

use super::{enumerated, panels};
use crate::{parse_report, Report, TableKind};

fn load(agency: &str, year: u16) -> Report {
    let path = format!(
        "{}/../../public/data/{agency}/{year}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    parse_report(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// `(section, value + unit, label)` of every figure of every panel, in poster order.
fn shown(report: &Report) -> Vec<(String, String, String)> {
    panels(report)
        .iter()
        .flat_map(|p| {
            p.all_figures()
                .map(|f| {
                    (
                        f.figure.section.clone(),
                        format!("{}{}", f.value, f.figure.unit),
                        f.label.clone(),
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_seed_has_a_panel_per_top_level_section_with_its_figures() {
    let report = load("shenyang-fgw", 2017);
    let panels = panels(&report);
    let ids: Vec<&str> = panels.iter().map(|p| p.section.id.as_str()).collect();
    assert_eq!(ids, ["s1", "s2", "s3", "s4", "s5", "s6", "s7"]);
    let values = |i: usize| -> Vec<String> {
        panels[i]
            .all_figures()
            .map(|f| format!("{}{}", f.value, f.figure.unit))
            .collect()
    };
    assert_eq!(values(0), ["11项", "4480余条"]);
    assert_eq!(values(2), ["5次", "564条", "12个"]);
    assert_eq!(values(4), ["13件", "100%"]);
    // Sub-section figures stand under their sub-heading.
    let groups: Vec<&str> = panels[2]
        .groups
        .iter()
        .map(|g| g.section.heading.as_str())
        .collect();
    assert_eq!(
        groups,
        ["强化新闻发布工作", "拓宽发布渠道", "主动做好政策解读"]
    );
    // 2018年工作打安排 states no figure: its points are its sub-headings, as written.
    assert!(panels[6].all_figures().next().is_none());
    assert_eq!(panels[6].points.len(), 5);
    assert_eq!(panels[6].points[1], "认真做好依申请公开工作");
}

#[test]
fn labels_say_what_each_number_counts_in_the_reports_words() {
    let labels = shown(&load("shenyang-fgw", 2017));
    let expected = [
        ("s1", "11项", "相关领域信息"),
        ("s1", "4480余条", "主动公开信息"),
        ("s2-1", "24项", "信息公开制度"),
        ("s2-3", "17个", "处室"),
        ("s2-3", "22项", "政府信息公开清单"),
        ("s2-4", "7%", "分值权重"),
        ("s3-1", "5次", "新闻发布会"),
        ("s3-3", "564条", "政务微博公开发布信息"),
        ("s3-4", "12个", "重大政策"),
        ("s4-3", "54件", "咨询件"),
        ("s4-5", "17期", "培训"),
        ("s5", "13件", "收到政府信息公开申请"),
        ("s5", "100%", "办结率"),
        ("s6-2", "5个", "阶段"),
    ];
    let got: Vec<(&str, &str, &str)> = labels
        .iter()
        .map(|(s, v, l)| (s.as_str(), v.as_str(), l.as_str()))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn labels_of_a_template_report_and_an_old_one() {
    let labels = shown(&load("pingtan", 2024));
    let label = |value: &str| {
        labels
            .iter()
            .find(|(_, v, _)| v == value)
            .map(|(_, _, l)| l.as_str())
            .unwrap()
    };
    assert_eq!(label("10407条"), "主动公开各类政府信息");
    assert_eq!(label("96篇"), "政策文件解读");
    assert_eq!(label("51期"), "网上调查");
    assert_eq!(label("218件"), "办理政府信息公开申请");

    let labels = shown(&load("pingtan", 2016));
    let label = |value: &str| {
        labels
            .iter()
            .find(|(_, v, _)| v == value)
            .map(|(_, _, l)| l.as_str())
            .unwrap()
    };
    assert_eq!(label("3646项"), "行政权力事项");
    assert_eq!(label("245个"), "重点项目");
    assert_eq!(label("40期"), "安全生产信息简报");
    assert_eq!(label("53%"), "占比");
    assert_eq!(label("612条"), "机构职能类信息");
    // Never longer than the panel can hold; a cut label keeps its noun.
    assert!(labels.iter().all(|(_, _, l)| l.chars().count() <= 16));
}

#[test]
fn a_figure_carries_its_sentence() {
    let report = load("shenyang-fgw", 2017);
    let panels = panels(&report);
    let f = panels[2].all_figures().nth(1).unwrap();
    assert_eq!(f.value, "564");
    assert!(
        f.sentence.ends_with("2017年政务微博公开发布564条信息。"),
        "{}",
        f.sentence
    );
    assert!(f.sentence.starts_with("建立多层次"), "{}", f.sentence);
}

#[test]
fn a_template_report_draws_its_tables_in_their_panels() {
    let report = load("pingtan", 2024);
    let panels = panels(&report);
    assert_eq!(panels.len(), 6);
    assert_eq!(panels[1].tables, [TableKind::Proactive]);
    assert_eq!(panels[2].tables, [TableKind::Applications]);
    assert_eq!(panels[3].tables, [TableKind::Reviews]);
    // 五、存在的主要问题及改进情况 states no figure: its 一是… 二是… as cards.
    assert_eq!(
        panels[4].points,
        ["优化主动公开目录", "增强政策解读效果", "加快数字化转型"]
    );
    assert!(panels[4].tables.is_empty());
}

#[test]
fn enumerations_need_at_least_two_points_in_order() {
    assert_eq!(enumerated("做好改进：一是甲，乙。二是丙。"), ["甲", "丙"]);
    assert!(enumerated("一是只有一点。").is_empty());
    assert!(enumerated("没有列举。").is_empty());
}
