//! `/overview`: per year, totals over every body with comparable figures, each naming the
//! bodies it covers, as charts with their tables; and the whole data set as one CSV.

use std::sync::Arc;

use leptos::prelude::*;
use nianbao_model::overview::Total;
use nianbao_model::paths;
use nianbao_model::series::{Point, Series};

use crate::components::chart::IndicatorChart;
use crate::components::loading::{show, Labels, Missing};
use crate::components::page_meta::PageMeta;
use crate::data::use_overview;
use crate::site::{route, use_site_base};
use crate::stylesheets::{use_stylesheet, Stylesheet};
use crate::takeover::TakeOver;

#[component]
pub fn OverviewPage() -> impl IntoView {
    use_stylesheet(Stylesheet::Compare);
    let content = show(
        use_overview(),
        Labels {
            what: "全部机关逐年合计",
            loading: "正在载入全部机关逐年合计…",
        },
        Missing::default,
        |totals| view! { <OverviewView totals /> },
    );
    view! {
        <PageMeta
            title="全部机关逐年合计".to_string()
            description="本站收录的全部机关逐年合计：收到的政府信息公开申请、办理结果、行政复议和行政诉讼，并列出每个合计所含的机关。"
                .to_string()
            path=format!("{}/", route::overview())
        />
        <div class="overview-page">
            <h1>"全部机关逐年合计"</h1>
            <p class="lede">
                "每个合计只加总口径可比的数字（标准表格，或与之可比的旧版统计表），并列出所含机关；某机关某年未载明的数字不计入，也不作0处理。"
            </p>
            {content}
        </div>
    }
}

/// A chart of the overview: its title and the keys it draws.
const CHARTS: [(&str, &str, &[&str]); 3] = [
    (
        "requests",
        "收到的政府信息公开申请（合计）",
        &["requests.new"],
    ),
    (
        "results",
        "申请办理结果（合计）",
        &[
            "requests.results.disclosed",
            "requests.results.partly_disclosed",
            "requests.results.withheld",
            "requests.results.unavailable",
            "requests.results.not_processed",
            "requests.results.other",
        ],
    ),
    (
        "reviews",
        "行政复议与行政诉讼（合计）",
        &["reviews.total", "lawsuits.total"],
    ),
];

/// The bodies a total covers, as the page prints them: all their names, or, for more than
/// the file names, their number and the first names.
fn bodies(total: &Total) -> String {
    let names = total.bodies.join("、");
    if total.names_all() {
        format!("{} 个：{names}", total.body_count)
    } else {
        format!(
            "{} 个，其中：{names}等（完整名单见“下载全部数据”的“可比”列）",
            total.body_count
        )
    }
}

/// The totals of one key as a series the chart component draws.
fn total_series(totals: &[Total], key: &str) -> Option<Series> {
    let mine: Vec<&Total> = totals.iter().filter(|t| t.key == key).collect();
    let first = mine.first()?;
    Some(Series {
        key: format!("overview.{key}"),
        agency: String::new(),
        label: first.label.clone(),
        unit: first.unit.clone(),
        points: mine
            .iter()
            .map(|t| Point {
                year: t.year,
                value: Some(t.value),
                approximate: false,
                computed: true,
                flagged: t.flagged,
                comparable: true,
                basis: None,
                format: None,
                report: None,
                source: None,
                notes: vec![format!("所含机关：{}", bodies(t))],
            })
            .collect(),
    })
}

#[component]
fn OverviewView(totals: Arc<Vec<Total>>) -> AnyView {
    let csv_href = use_site_base().href(&format!("/{}", paths::DATA_CSV));
    let charts = CHARTS
        .iter()
        .map(|(id, title, keys)| {
            let series: Vec<Series> = keys.iter().filter_map(|k| total_series(&totals, k)).collect();
            view! {
                <IndicatorChart
                    series=series
                    title=title.to_string()
                    id=format!("overview-{id}")
                    heading_level=2
                    source_note="数据来源：本站收录的各机关年度报告，合计由本站计算；每个合计所含机关见下表。"
                        .to_string()
                />
            }
        })
        .collect_view();
    let rows = totals
        .iter()
        .map(|t| {
            view! {
                <tr data-key=t.key.clone() data-year=t.year>
                    <th scope="row">{format!("{}年度", t.year)}</th>
                    <td>{t.label.clone()}</td>
                    <td class="num" data-value=t.value.to_string()>
                        {format!("{}{}", nianbao_model::format::number(t.value), t.unit)}
                        {t
                            .flagged
                            .then(|| {
                                view! {
                                    <span
                                        class="flag"
                                        title="含勾稽关系不符、存疑的数字"
                                    >
                                        "⚑"
                                        <span class="visually-hidden">"（含存疑数字）"</span>
                                    </span>
                                }
                            })}
                    </td>
                    <td>{bodies(t)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <TakeOver />
        <p class="overview-tools">
            <a class="csv" href=csv_href download="nianbao-data.csv">
                "下载全部数据（CSV，每行一个机关、年度和指标，附出处）"
            </a>
        </p>
        <div class="chart-list">{charts}</div>
        <section aria-labelledby="overview-table">
            <h2 id="overview-table">"逐年合计及所含机关"</h2>
            <div class="table-scroll" role="region" aria-label="逐年合计表" tabindex="0">
                <table class="overview-table">
                    <thead>
                        <tr>
                            <th scope="col">"年度"</th>
                            <th scope="col">"指标"</th>
                            <th scope="col">"合计"</th>
                            <th scope="col">"所含机关"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}
