//! Charts of indicator series: the ECharts option, the data table's cells, the CSV and the
//! description, all built natively from the series (and tested so). The browser's ECharts
//! bindings are in `echarts`.

use charming::component::{Aria, Axis, Decal, Grid, Legend, LegendType, Title};
use charming::datatype::{CompositeValue, DataPoint, NumericValue};
use charming::element::{
    AxisType, Color, ItemStyle, Label, LabelPosition, LineStyle, LineStyleType, Symbol, Tooltip,
    Trigger,
};
use charming::series::{Line, Sankey};
use nianbao_model::{Point, Series};
use serde::Serialize;

/// Series colours (Okabe–Ito: told apart with colour-vision deficiencies too).
pub const PALETTE: [&str; 7] = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C6D31",
];

/// The colour of the marks on flagged figures.
pub const FLAG_COLOR: &str = "#C62828";

/// Legend name of the marks on flagged figures (one legend entry for all series).
pub const FLAG_NAME: &str = "⚠ 未通过勾稽检查";

/// An ECharts option with only the parts these charts use, each built with charming. Printing
/// charming's whole `Chart` put the serialisers of every component and series type ECharts
/// has into the wasm (about 60 KB before optimisation); this prints the same JSON (charming's
/// key names; the title and the grid as one-element lists, as `Chart` prints them).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChartOption {
    animation: bool,
    title: [Title; 1],
    aria: Aria,
    tooltip: Tooltip,
    #[serde(skip_serializing_if = "Option::is_none")]
    legend: Option<Legend>,
    #[serde(skip_serializing_if = "Option::is_none")]
    grid: Option<[Grid; 1]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    x_axis: Option<Axis>,
    #[serde(skip_serializing_if = "Option::is_none")]
    y_axis: Option<Axis>,
    #[serde(skip_serializing_if = "Option::is_none")]
    background_color: Option<Color>,
    series: Vec<ChartSeries>,
}

/// The series types the charts draw.
#[derive(Serialize)]
#[serde(untagged)]
enum ChartSeries {
    Line(Box<Line>),
    Sankey(Box<Sankey>),
}

impl ChartOption {
    /// The option drawn on `color` (the browser draws on a transparent one).
    pub fn background_color(mut self, color: impl Into<Color>) -> Self {
        self.background_color = Some(color.into());
        self
    }
}

/// The option as JSON, for ECharts.
impl std::fmt::Display for ChartOption {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&serde_json::to_string(self).map_err(|_| std::fmt::Error)?)
    }
}

use nianbao_model::format::csv_field;
pub use nianbao_model::format::mark;
use nianbao_model::format::number as format_value;

/// The years a chart shows: every year any of its series covers, oldest first.
pub fn years(series: &[Series]) -> Vec<u16> {
    let mut years: Vec<u16> = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.year))
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

fn numeric(v: f64) -> NumericValue {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        NumericValue::Integer(v as i64)
    } else {
        NumericValue::Float(v)
    }
}

/// The point of `series` for `year`, if the series covers it.
pub fn point_at(series: &Series, year: u16) -> Option<&Point> {
    series.points.iter().find(|p| p.year == year)
}

/// A data-table cell: the plotted value with its marks, or 空缺.
pub fn cell_text(point: Option<&Point>) -> String {
    let Some(p) = point else {
        return mark::GAP.into();
    };
    let Some(v) = p.value else {
        return mark::GAP.into();
    };
    let mut text = String::new();
    if p.approximate {
        text.push_str(mark::APPROXIMATE);
    }
    text.push_str(&format_value(v));
    for (on, m) in [
        (p.computed, mark::COMPUTED),
        (!p.comparable, mark::NOT_COMPARABLE),
        (p.flagged, mark::FLAGGED),
    ] {
        if on {
            text.push(' ');
            text.push_str(m);
        }
    }
    text
}

/// The x-axis label of a year (the report's own year says so).
pub fn year_label(year: u16, highlight: Option<u16>) -> String {
    if highlight == Some(year) {
        format!("{year}（本报告）")
    } else {
        year.to_string()
    }
}

fn plotted(series: &Series, years: &[u16], keep: impl Fn(&Point) -> bool) -> Vec<DataPoint> {
    years
        .iter()
        .map(|&y| {
            let v = point_at(series, y)
                .filter(|p| keep(p))
                .and_then(|p| p.value)
                .map(numeric);
            DataPoint::Value(CompositeValue::OptionalNumber(v))
        })
        .collect()
}

/// The chart's ECharts option. Gaps are `null` (no line across them); figures not strictly
/// comparable with the rest of their series are a separate dashed line, so no line joins
/// figures on different bases; flagged figures carry a red ⚠ triangle.
pub fn chart_option(
    series: &[Series],
    title: &str,
    highlight_year: Option<u16>,
    animate: bool,
) -> ChartOption {
    let years = years(series);
    let mut lines = Vec::new();
    let mut names = Vec::new();
    let mut flagged_any = false;
    for (i, s) in series.iter().enumerate() {
        let color = PALETTE[i % PALETTE.len()];
        let style = |dashed: bool| {
            let line = LineStyle::new().color(Color::from(color)).width(2);
            if dashed {
                line.type_(LineStyleType::Dashed)
            } else {
                line
            }
        };
        lines.push(
            Line::new()
                .name(s.label.clone())
                .symbol(Symbol::Circle)
                .symbol_size(7)
                .item_style(ItemStyle::new().color(color))
                .line_style(style(false))
                .connect_nulls(false)
                .data(plotted(s, &years, |p| p.comparable)),
        );
        names.push(s.label.clone());
        if s.points.iter().any(|p| p.value.is_some() && !p.comparable) {
            let name = format!("{}（口径不同）", s.label);
            lines.push(
                Line::new()
                    .name(name.clone())
                    .symbol(Symbol::Diamond)
                    .symbol_size(9)
                    .item_style(ItemStyle::new().color(color))
                    .line_style(style(true))
                    .connect_nulls(false)
                    .data(plotted(s, &years, |p| !p.comparable)),
            );
            names.push(name);
        }
        if s.points.iter().any(|p| p.value.is_some() && p.flagged) {
            flagged_any = true;
            // One series per flagged line, all under one name: one legend entry.
            lines.push(
                Line::new()
                    .name(FLAG_NAME)
                    .symbol(Symbol::Triangle)
                    .symbol_size(16)
                    .item_style(ItemStyle::new().color(FLAG_COLOR))
                    .line_style(LineStyle::new().width(0).opacity(0))
                    .label(
                        Label::new()
                            .show(true)
                            .position(LabelPosition::Top)
                            .formatter(mark::FLAGGED)
                            .color(FLAG_COLOR),
                    )
                    .z(5)
                    .data(plotted(s, &years, |p| p.flagged)),
            );
        }
    }
    if flagged_any {
        names.push(FLAG_NAME.into());
    }
    // One scrolling line: a wrapped legend would run into the plot.
    let legend = (names.len() > 1).then(|| {
        Legend::new()
            .type_(LegendType::Scroll)
            .top(0)
            .left(8)
            .right(8)
            .data(names)
    });
    ChartOption {
        animation: animate,
        // Not shown (the page prints the title): read by the aria description.
        title: [Title::new().text(title).show(false)],
        // Empty objects, not nulls: ECharts keeps a null and then fails to fill in its defaults.
        aria: Aria::new()
            .enabled(true)
            .label(Label::new())
            .decal(Decal::new()),
        tooltip: Tooltip::new().trigger(Trigger::Axis),
        legend,
        grid: Some([Grid::new()
            .left(8)
            .right(24)
            .top(56)
            .bottom(8)
            .contain_label(true)]),
        x_axis: Some(
            Axis::new().type_(AxisType::Category).data(
                years
                    .iter()
                    .map(|&y| year_label(y, highlight_year))
                    .collect(),
            ),
        ),
        y_axis: Some(
            Axis::new()
                .type_(AxisType::Value)
                .name(series.first().map(|s| s.unit.clone()).unwrap_or_default()),
        ),
        background_color: None,
        series: lines
            .into_iter()
            .map(|l| ChartSeries::Line(Box::new(l)))
            .collect(),
    }
}

/// The chart's data as CSV: a row per year, for each series its value (empty for a gap) and
/// what marks it, then the reports the figures come from.
pub fn csv(series: &[Series]) -> String {
    let mut out = String::new();
    let mut header = vec!["年度".to_string()];
    for s in series {
        header.push(format!("{}（{}）", s.label, s.unit));
        header.push(format!("{}·说明", s.label));
    }
    header.push("来源报告".into());
    out.push_str(
        &header
            .iter()
            .map(|h| csv_field(h))
            .collect::<Vec<_>>()
            .join(","),
    );
    out.push_str("\r\n");
    for year in years(series) {
        let mut row = vec![year.to_string()];
        let mut report = None;
        for s in series {
            let p = point_at(s, year);
            row.push(
                p.and_then(|p| p.value)
                    .map(format_value)
                    .unwrap_or_default(),
            );
            row.push(p.map(|p| p.notes.join("；")).unwrap_or_default());
            report = report.or_else(|| p.and_then(|p| p.report.clone()));
        }
        row.push(report.unwrap_or_default());
        out.push_str(
            &row.iter()
                .map(|f| csv_field(f))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push_str("\r\n");
    }
    out
}

/// A value in words, for the description (screen readers do not say ⚠ † ∑ usefully).
fn spoken(p: &Point) -> String {
    let Some(v) = p.value else {
        return "空缺".into();
    };
    let mut text = format!(
        "{}{}",
        if p.approximate { "约" } else { "" },
        format_value(v)
    );
    let notes: Vec<&str> = [
        (p.computed, "本站合计"),
        (!p.comparable, "口径不同"),
        (p.flagged, "未通过勾稽检查"),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, text)| *text)
    .collect();
    if !notes.is_empty() {
        text.push_str(&format!("（{}）", notes.join("，")));
    }
    text
}

/// A one-paragraph description of the chart (the container's accessible name before
/// ECharts' own description replaces it).
pub fn describe(series: &[Series], title: &str) -> String {
    let years = years(series);
    let span = match (years.first(), years.last()) {
        (Some(a), Some(b)) if a != b => format!("{a}—{b}年"),
        (Some(a), _) => format!("{a}年"),
        _ => String::new(),
    };
    let parts: Vec<String> = series
        .iter()
        .map(|s| {
            let values: Vec<String> = s
                .points
                .iter()
                .map(|p| format!("{}年{}", p.year, spoken(p)))
                .collect();
            format!("{}（{}）：{}", s.label, s.unit, values.join("，"))
        })
        .collect();
    format!("折线图：{title}，{span}。{}。", parts.join("；"))
}

/// Whether any point of the series carries a mark, per mark (for the legend below a table).
pub fn marks_used(series: &[Series]) -> Vec<(&'static str, &'static str)> {
    let points = || series.iter().flat_map(|s| s.points.iter());
    let mut out = Vec::new();
    if points().any(|p| p.value.is_none()) {
        out.push((mark::GAP, "该年度报告未载明或原表未能可靠读取（不是0）"));
    }
    if points().any(|p| p.value.is_some() && p.approximate) {
        out.push((mark::APPROXIMATE, "约数：原文为“余”“多”等，实际不少于此"));
    }
    if points().any(|p| p.value.is_some() && p.computed) {
        out.push((mark::COMPUTED, "原表不单列此数，由本站将原表子项相加所得"));
    }
    if points().any(|p| p.value.is_some() && !p.comparable) {
        out.push((
            mark::NOT_COMPARABLE,
            "出自旧版格式或另一种表格，统计口径不同，不宜与其他年度直接比较（图中为虚线）",
        ));
    }
    if points().any(|p| p.value.is_some() && p.flagged) {
        out.push((
            mark::FLAGGED,
            "原表这一列未通过勾稽检查，数字照录原文，未作更正",
        ));
    }
    out
}

pub mod flow;

/// ECharts in the browser: loading the bundle once, and the few instance methods the chart
/// component calls.
#[cfg(target_arch = "wasm32")]
pub mod echarts;

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_model::{parse_report, series, Report};

    fn pingtan() -> Vec<Report> {
        (2015..=2025)
            .map(|y| {
                let path = format!(
                    "{}/public/data/pingtan/{y}.json",
                    env!("CARGO_MANIFEST_DIR")
                );
                parse_report(&std::fs::read_to_string(path).unwrap()).unwrap()
            })
            .collect()
    }

    fn get(reports: &[Report], key: &str) -> Series {
        series(&reports.iter().collect::<Vec<_>>(), key).unwrap()
    }

    fn legend_names(json: &serde_json::Value) -> Vec<String> {
        json["legend"]["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item["name"].as_str().unwrap().to_string())
            .collect()
    }

    fn option_json(chart: &ChartOption) -> serde_json::Value {
        serde_json::from_str(&chart.to_string()).unwrap()
    }

    #[test]
    fn option_plots_values_gaps_and_bases_apart() {
        let reports = pingtan();
        let s = get(&reports, "requests.new");
        let json = option_json(&chart_option(&[s], "本年新收申请", Some(2020), false));
        assert_eq!(json["animation"], false);
        assert_eq!(json["aria"]["enabled"], true);
        assert_eq!(json["aria"]["label"], serde_json::json!({}));
        let years = json["xAxis"]["data"].as_array().unwrap().clone();
        assert_eq!(years.len(), 11);
        assert_eq!(years[5], "2020（本报告）");
        let series = json["series"].as_array().unwrap();
        // The template line, then the old statistics table's figures as a dashed line.
        assert_eq!(series.len(), 2);
        assert_eq!(series[0]["type"], "line");
        assert_eq!(
            series[0]["data"],
            serde_json::json!([null, null, null, null, 23, 21, 70, 74, 81, 218, 154])
        );
        assert_eq!(
            series[1]["data"],
            serde_json::json!([0, 0, 0, 0, null, null, null, null, null, null, null])
        );
        assert_eq!(series[1]["lineStyle"]["type"], "dashed");
        assert_eq!(series[0]["connectNulls"], false);
    }

    #[test]
    fn flagged_figures_are_marked_in_the_chart_and_the_table() {
        let reports = pingtan();
        let s = get(&reports, "requests.results.total");
        let json = option_json(&chart_option(std::slice::from_ref(&s), "t", None, true));
        let series = json["series"].as_array().unwrap();
        let flag = series
            .iter()
            .find(|s| s["name"] == FLAG_NAME)
            .expect("a flag series");
        assert_eq!(flag["data"][5], 21);
        assert_eq!(flag["data"][6], serde_json::Value::Null);
        assert_eq!(flag["symbol"], "triangle");
        assert_eq!(flag["label"]["formatter"], "⚠");
        assert!(legend_names(&json).contains(&FLAG_NAME.to_string()));
        let p2020 = point_at(&s, 2020);
        assert_eq!(cell_text(p2020), "21 ⚠");
        assert_eq!(cell_text(point_at(&s, 2015)), "0 †");
        let csv = csv(std::slice::from_ref(&s));
        let line = csv.lines().find(|l| l.starts_with("2020,")).unwrap();
        assert!(line.starts_with("2020,21,"));
        assert!(line.contains("勾稽"));
    }

    #[test]
    fn table_cells_mark_gaps_approximations_and_sums() {
        let reports = pingtan();
        let s = get(&reports, "proactive.items");
        assert_eq!(cell_text(point_at(&s, 2020)), "空缺");
        assert_eq!(cell_text(point_at(&s, 2025)), "≈7700");
        let s = get(&reports, "requests.results.withheld");
        assert_eq!(cell_text(point_at(&s, 2024)), "39 ∑");
        let marks: Vec<_> = marks_used(&[s]).into_iter().map(|(m, _)| m).collect();
        assert!(marks.contains(&mark::COMPUTED) && marks.contains(&mark::FLAGGED));
        let csv = csv(&[get(&reports, "requests.new")]);
        assert!(csv.starts_with("年度,本年新收政府信息公开申请（件）,"));
        assert_eq!(csv.lines().count(), 12);
        let text = describe(&[get(&reports, "requests.new")], "本年新收申请");
        assert!(text.contains("2024年218，"), "{text}");
        assert!(text.contains("2015年0（口径不同）"), "{text}");
    }

    #[test]
    fn several_series_share_the_chart_with_a_legend() {
        let reports = pingtan();
        let keys = ["reviews.total", "reviews.upheld"];
        let list: Vec<Series> = keys.iter().map(|k| get(&reports, k)).collect();
        let json = option_json(&chart_option(&list, "行政复议", None, true));
        let legend = legend_names(&json);
        assert!(legend.contains(&"行政复议·总计".to_string()));
        assert!(legend.contains(&"行政复议·结果维持".to_string()));
        assert_eq!(json["series"][0]["itemStyle"]["color"], PALETTE[0]);
    }

    #[test]
    fn values_print_without_trailing_zeros() {
        assert_eq!(format_value(21.0), "21");
        assert_eq!(format_value(24252.311082), "24252.311082");
        assert_eq!(format_value(51.85), "51.85");
    }
}
