//! `/overview`: per year, totals over every body with comparable figures, each naming the
//! bodies it covers, as charts with their tables; and the whole data set as one CSV.

use leptos::prelude::*;
use nianbao_model::overview::{self, Total};
use nianbao_model::series::{Point, Series};

use crate::components::chart::IndicatorChart;
use crate::components::download;
use crate::components::loading::{show, Labels, Missing};
use crate::components::page_meta::PageMeta;
use crate::data::{use_catalog_series, CatalogSeries};
use crate::site::route;
use crate::takeover::TakeOver;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let content = show(
        use_catalog_series(),
        Labels {
            what: "全部机关的数字",
            loading: "正在载入全部机关的数字…",
        },
        Missing::default,
        |data| view! { <OverviewView data /> },
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
                notes: vec![format!("所含机关：{}", t.bodies.join("、"))],
            })
            .collect(),
    })
}

#[component]
fn OverviewView(data: CatalogSeries) -> AnyView {
    let named: Vec<(&str, &[Series])> = data
        .agencies
        .iter()
        .map(|(e, s)| (e.agency.name.as_str(), s.as_slice()))
        .collect();
    let totals = overview::totals(&named);
    let csv_rows: Vec<(String, String, std::sync::Arc<Vec<Series>>)> = data
        .agencies
        .iter()
        .map(|(e, s)| (e.agency.id.clone(), e.agency.name.clone(), s.clone()))
        .collect();
    let on_csv = move |_| {
        let rows: Vec<(&str, &str, &[Series])> = csv_rows
            .iter()
            .map(|(id, name, s)| (id.as_str(), name.as_str(), s.as_slice()))
            .collect();
        download::csv("nianbao-data.csv", &overview::csv(&rows));
    };
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
                    <td>{format!("{} 个：{}", t.bodies.len(), t.bodies.join("、"))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <TakeOver />
        <p class="overview-tools">
            <button type="button" class="csv" on:click=on_csv>
                "下载全部数据（CSV，每行一个机关、年度和指标，附出处）"
            </button>
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
