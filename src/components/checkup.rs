//! A report's check-up (体检): one summary line under the title, the details in a panel,
//! each finding with its rule and a link to where it stands.

use std::sync::Arc;

use leptos::prelude::*;
use nianbao_model::checkup::{table_name, Expected};
use nianbao_model::format::chinese_date;
use nianbao_model::{Checkup, Report};

use crate::site::{anchor, route, use_site_base};

/// Timeliness as a reader would say it: the fact, and which date was compared.
pub fn timeliness_text(c: &Checkup) -> String {
    let t = &c.timeliness;
    let date = t
        .date
        .as_deref()
        .map(|d| format!("所用日期：页面所载发布日期{}", chinese_date(d)))
        .unwrap_or_else(|| "报告页面未载明发布日期".into());
    let verdict = match t.days_after_due {
        Some(d) if d > 0 => format!("发布日期晚于法定期限 {d} 天"),
        Some(_) => "在法定期限内发布".into(),
        None => "无法判断是否按期发布".into(),
    };
    match &t.due {
        Some(due) => format!(
            "{verdict}。法定期限：{}（{}）；{date}。",
            chinese_date(due),
            t.basis
        ),
        None => format!("{verdict}。{}；{date}。", t.basis),
    }
}

fn completeness_text(c: &Checkup) -> String {
    let k = &c.completeness;
    let missing = || {
        let mut parts: Vec<String> = k
            .missing_sections
            .iter()
            .map(|s| format!("“{s}”"))
            .collect();
        parts.extend(k.missing_tables.iter().map(|t| table_name(*t).to_string()));
        parts.join("、")
    };
    match k.expected {
        Expected::Unlisted => "本报告为旧版自由格式，开头未列明由哪些部分组成，无从核对。".into(),
        Expected::Template if k.missing_sections.is_empty() && k.missing_tables.is_empty() => {
            "模板规定的六个部分及表二、表三、表四均在。".into()
        }
        Expected::Listed if k.missing_sections.is_empty() => {
            format!("报告开头所列 {} 个组成部分均在正文中。", k.parts.len())
        }
        _ => format!("未见：{}。", missing()),
    }
}

#[component]
pub fn CheckupView(report: Arc<Report>) -> AnyView {
    let base = use_site_base();
    let Some(checkup) = report.checkup.clone() else {
        return ().into_any();
    };
    let (agency, year) = (report.agency.id.clone(), report.year);
    // The check-up table of the body's own region (bodies without one stand under 未标注地区).
    let region =
        (report.agency.region.last().cloned()).unwrap_or_else(nianbao_model::regions::unplaced);
    let (region_checks, region_name) = (route::region_checks(&region.slug), region.name);
    let findings = checkup
        .findings
        .iter()
        .map(|f| {
            let links = f
                .places
                .iter()
                .enumerate()
                .map(|(i, place)| {
                    let label = if i == 0 { "查看出处" } else { "对照" };
                    view! {
                        " "
                        <a href=base.href(&route::finding(&agency, year, place))>{label}</a>
                    }
                })
                .collect_view();
            view! {
                <li data-rule=f.rule.id()>
                    <span class="finding-rule">{format!("【{}】", f.rule.label())}</span>
                    {f.text.clone()}
                    {links}
                </li>
            }
        })
        .collect_view();
    let consistency = match checkup.checks_failed() {
        0 => "表格勾稽关系及正文与表格的同一数字均未见不一致。".to_string(),
        n => format!("{n} 处数字不一致，见下。"),
    };
    view! {
        <p class="checkup-line">
            <span class="checkup-label">"体检："</span>
            {checkup.summary()}
        </p>
        <details id=anchor::checkup() class="checkup">
            <summary>"体检详情"</summary>
            <dl>
                <dt>"是否按期发布"</dt>
                <dd>{timeliness_text(&checkup)}</dd>
                <dt>"内容是否齐全"</dt>
                <dd>{completeness_text(&checkup)}</dd>
                <dt>"数字是否一致"</dt>
                <dd>{consistency}</dd>
            </dl>
            {(!checkup.findings.is_empty()).then(|| view! { <ul class="findings">{findings}</ul> })}
            <p class="checkup-note">
                <a href=base
                    .href(&region_checks)>{format!("{region_name}各报告的体检结果")}</a>
            </p>
        </details>
    }
    .into_any()
}
