//! Table 3 as a sankey: the requests received flowing into what became of them (the option
//! is built natively from `nianbao_model::poster::flow`, and tested so).

use charming::component::{Aria, Title};
use charming::element::{Emphasis, EmphasisFocus, Label, LineStyle, Tooltip, Trigger};
use charming::series::{Sankey, SankeyLink, SankeyNode};
use nianbao_model::format::mark;
use nianbao_model::poster::flow::{Flow, FlowNode};

use super::{ChartOption, ChartSeries, FLAG_COLOR, PALETTE};

/// The middle node all requests pass through.
pub const RECEIVED: &str = "收到的申请";

/// A node's name as drawn: its label, its value and the marks it carries.
pub fn node_name(node: &FlowNode) -> String {
    match node.value {
        Some(v) if node.computed => format!("{} {v}{}", node.label, mark::COMPUTED),
        Some(v) => format!("{} {v}", node.label),
        None => format!("{} {}", node.label, mark::GAP),
    }
}

fn middle_name(flow: &Flow) -> String {
    let mut name = format!("{RECEIVED} {}", flow.received());
    if !flow.balanced() {
        name.push(' ');
        name.push_str(mark::FLAGGED);
    }
    name
}

/// The links of the flow, as `(source, target, value)`: only those that carry requests
/// (a zero-width band draws nothing).
pub fn links(flow: &Flow) -> Vec<(String, String, i64)> {
    let middle = middle_name(flow);
    let into = flow
        .sources
        .iter()
        .filter_map(|n| Some((node_name(n), middle.clone(), n.value?)));
    let out = flow
        .results
        .iter()
        .chain(std::iter::once(&flow.carried_out))
        .filter_map(|n| Some((middle.clone(), node_name(n), n.value?)));
    into.chain(out).filter(|(_, _, v)| *v > 0).collect()
}

/// The sankey's option. Where the table does not add up, the middle node carries ⚠ and is
/// drawn in the flag colour: its two sides differ as published.
pub fn flow_option(flow: &Flow, title: &str, animate: bool) -> ChartOption {
    let links = links(flow);
    let middle = middle_name(flow);
    let mut names: Vec<String> = Vec::new();
    for (s, t, _) in &links {
        for n in [s, t] {
            if !names.contains(n) {
                names.push(n.clone());
            }
        }
    }
    let nodes: Vec<SankeyNode> = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let color = if *n == middle && !flow.balanced() {
                FLAG_COLOR
            } else {
                PALETTE[i % PALETTE.len()]
            };
            SankeyNode::new(n.as_str()).item_style(charming::element::ItemStyle::new().color(color))
        })
        .collect();
    let links: Vec<SankeyLink> = links
        .into_iter()
        .map(|(s, t, v)| SankeyLink::from((s, t, v as f64)))
        .collect();
    ChartOption {
        animation: animate,
        title: [Title::new().text(title).show(false)],
        aria: Aria::new().enabled(true).label(Label::new()),
        tooltip: Tooltip::new().trigger(Trigger::Item),
        legend: None,
        grid: None,
        x_axis: None,
        y_axis: None,
        background_color: None,
        series: vec![ChartSeries::Sankey(Box::new(
            Sankey::new()
                .left(8)
                .right(150)
                .top(8)
                .bottom(8)
                .emphasis(Emphasis::new().focus(EmphasisFocus::Adjacency))
                .line_style(LineStyle::new().color("gradient").opacity(0.45))
                .data(nodes)
                .links(links),
        ))],
    }
}

/// What the flow says, for screen readers (and the chart's aria description).
pub fn describe_flow(flow: &Flow) -> String {
    let part = |n: &FlowNode| {
        let value = n.value.map_or(mark::GAP.to_string(), |v| format!("{v}件"));
        format!("{}{value}", n.label)
    };
    let sources: Vec<String> = flow.sources.iter().map(part).collect();
    let results: Vec<String> = flow
        .results
        .iter()
        .chain(std::iter::once(&flow.carried_out))
        .map(part)
        .collect();
    let mut text = format!(
        "{}，共{}件；办理结果：{}，合计{}件。",
        sources.join("、"),
        flow.received(),
        results.join("、"),
        flow.handled()
    );
    if !flow.balanced() {
        text.push_str(&format!(
            "{} 原表两边不相等，本站照录，未作更正。",
            mark::FLAGGED
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_model::poster::flow::flow;

    fn table(year: u16) -> nianbao_model::ApplicationsTable {
        let path = format!(
            "{}/public/data/pingtan/{year}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let report = nianbao_model::parse_report(&std::fs::read_to_string(path).unwrap()).unwrap();
        report.tables.applications.unwrap()
    }

    #[test]
    fn the_flow_of_2024_adds_up_in_the_option() {
        let f = flow(&table(2024));
        let option: serde_json::Value =
            serde_json::from_str(&flow_option(&f, "申请的去向", false).to_string()).unwrap();
        let links = option["series"][0]["links"].as_array().unwrap();
        let middle = "收到的申请 218";
        let sum = |side: &str| -> f64 {
            links
                .iter()
                .filter(|l| l[side] == middle)
                .map(|l| l["value"].as_f64().unwrap())
                .sum()
        };
        assert_eq!(sum("target"), 218.0);
        assert_eq!(sum("source"), 218.0);
        assert!(option["series"][0]["data"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["name"] == "本年新收 218"));
        assert!(!describe_flow(&f).contains(mark::FLAGGED));
    }

    #[test]
    fn the_flow_of_2020_is_flagged_not_corrected() {
        let f = flow(&table(2020));
        let links = links(&f);
        let middle = format!("收到的申请 21 {}", mark::FLAGGED);
        let into: i64 = links.iter().filter(|l| l.1 == middle).map(|l| l.2).sum();
        let out: i64 = links.iter().filter(|l| l.0 == middle).map(|l| l.2).sum();
        assert_eq!((into, out), (21, 27));
        assert!(describe_flow(&f).contains("未作更正"));
    }
}
