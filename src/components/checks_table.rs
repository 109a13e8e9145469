//! The check-up (体检) of a list of bodies' reports in one table: sortable, filterable, with a
//! CSV of the same rows. Each finding links to where it stands in its report.

use leptos::prelude::*;
use nianbao_model::checkup_table::{self, CheckRow, Filter, SortKey};
use nianbao_model::format::chinese_date;
use nianbao_model::{AgencyEntry, RegionSummary};

use crate::components::download;
use crate::components::regions::counts;
use crate::site::{route, use_site_base};

/// What the check-up checks, for the pages that show it.
pub const CHECKS_LEDE: &str = "每份报告的发布日期与法定期限（报告年度2018年及以前为次年3月31日前；2019年起部门为次年1月31日前、人民政府为次年3月31日前），模板章节与表格是否齐全，以及表格勾稽关系和正文与表格的同一数字是否一致。只陈述事实，每项发现都链接到原文所在之处。";

/// Links to these regions' check-ups, each with how much stands under it.
#[component]
pub fn RegionChecksLinks(regions: Vec<RegionSummary>) -> impl IntoView {
    let base = use_site_base();
    let items = regions
        .iter()
        .map(|region| {
            view! {
                <li>
                    <a href=base
                        .href(
                            &route::region_checks(&region.region.slug),
                        )>{format!("{}的报告体检", region.region.name)}</a>
                    <span class="report-meta">{counts(region)}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="report-list checks-regions">{items}</ul> }
}

const COLUMNS: [(&str, SortKey); 7] = [
    ("机关", SortKey::Agency),
    ("年度", SortKey::Year),
    ("发布日期", SortKey::Published),
    ("逾期天数", SortKey::DaysLate),
    ("缺少部分", SortKey::SectionsMissing),
    ("缺少表格", SortKey::TablesMissing),
    ("数字不一致", SortKey::ChecksFailed),
];

/// The check-up of `agencies`' reports as a sortable, filterable table with its CSV
/// (`{csv_name}.csv`).
#[component]
pub fn ChecksTable(agencies: Vec<AgencyEntry>, csv_name: String) -> AnyView {
    let base = use_site_base();
    let all = checkup_table::rows(&agencies);
    let sort = RwSignal::new((SortKey::Agency, false));
    let filter = RwSignal::new(Filter::default());
    let rows = {
        let all = all.clone();
        Memo::new(move |_| {
            let filter = filter.get();
            let mut rows: Vec<CheckRow> = all.iter().filter(|r| filter.keeps(r)).cloned().collect();
            let (key, descending) = sort.get();
            checkup_table::sort(&mut rows, key, descending);
            rows
        })
    };
    let on_csv = move |_| {
        download::csv(
            &format!("{csv_name}.csv"),
            &checkup_table::csv(&rows.get_untracked()),
        );
    };
    let header = COLUMNS
        .iter()
        .map(|&(label, key)| {
            let aria_sort = move || match sort.get() {
                (k, false) if k == key => "ascending",
                (k, true) if k == key => "descending",
                _ => "none",
            };
            let on_click = move |_| {
                sort.update(|(k, descending)| {
                    *descending = *k == key && !*descending;
                    *k = key;
                })
            };
            view! {
                <th scope="col" aria-sort=aria_sort>
                    <button type="button" class="sort" on:click=on_click>
                        {label}
                    </button>
                </th>
            }
        })
        .collect_view();
    let body = move || {
        rows.get()
            .into_iter()
            .map(|r| {
                let report = base.href(&route::report(&r.agency_id, r.year));
                let late = match r.days_late {
                    Some(0) => "按期".to_string(),
                    Some(d) => format!("{d} 天"),
                    None => "—".to_string(),
                };
                let findings = r
                    .findings
                    .iter()
                    .map(|f| {
                        let href = f
                            .places
                            .first()
                            .map(|p| base.href(&route::finding(&r.agency_id, r.year, p)))
                            .unwrap_or_else(|| report.clone());
                        view! {
                            <li>
                                <a href=href>{f.text.clone()}</a>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <tr data-agency=r.agency_id.clone() data-year=r.year>
                        <th scope="row">
                            <a href=report.clone()>{format!("{} {}年度", r.agency, r.year)}</a>
                            <span class="row-meta">
                                {r.kind.map(|k| k.label())}" · "{r.format.label()}
                            </span>
                        </th>
                        <td>{r.year}</td>
                        <td>{r.published.as_deref().map(chinese_date)}</td>
                        <td class="num" data-col="days-late">
                            {late}
                            {r
                                .due
                                .as_deref()
                                .map(|d| {
                                    view! {
                                        <span class="row-meta">
                                            {format!("期限 {}", chinese_date(d))}
                                        </span>
                                    }
                                })}
                        </td>
                        <td class="num">{r.sections_missing}</td>
                        <td class="num">{r.tables_missing}</td>
                        <td class="num" data-col="checks-failed">
                            {r.checks_failed}
                        </td>
                        <td>
                            {(!r.findings.is_empty())
                                .then(|| view! { <ul class="findings">{findings}</ul> })}
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <div class="checks-controls">
            <label>
                "筛选机关或年度 "
                <input
                    type="search"
                    on:input=move |ev| filter.update(|f| f.text = event_target_value(&ev))
                />
            </label>
            <label>
                <input
                    type="checkbox"
                    on:change=move |ev| {
                        filter.update(|f| f.with_findings = event_target_checked(&ev))
                    }
                />
                " 只看有发现的报告"
            </label>
            <button type="button" class="csv" on:click=on_csv>
                "下载体检结果（CSV）"
            </button>
        </div>
        <div class="table-scroll" role="region" aria-label="体检结果表" tabindex="0">
            <table class="checks-table">
                <caption>{move || format!("共 {} 份报告", rows.get().len())}</caption>
                <thead>
                    <tr>{header}<th scope="col">"发现"</th></tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .into_any()
}
