//! Table 3 as a flow: the requests received (新收 + 上年结转) into what became of them
//! (予以公开 … 其他处理) and 结转下年. Figures as published: where the table does not add up,
//! the flow does not either, and says so.

use crate::tables::ApplicationsTable;

/// Index of the 总计 column of table 3.
const TOTAL: usize = 6;

/// One node of the flow: a row of table 3, or a group of rows the portal added up.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowNode {
    /// The row's key (`new_requests`), or the group's prefix (`withheld`) where summed.
    pub key: &'static str,
    pub label: &'static str,
    /// The 总计 column's value; `None` where the cell is blank or unread.
    pub value: Option<i64>,
    /// True where the portal added up the group's rows (the table prints no such total).
    pub computed: bool,
    /// The row whose 总计 cell the node links to (the group's first row where summed).
    pub row: &'static str,
}

/// Table 3's flow, total column.
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    /// 本年新收, 上年结转.
    pub sources: Vec<FlowNode>,
    /// The six results, in template order.
    pub results: Vec<FlowNode>,
    /// 结转下年度继续办理.
    pub carried_out: FlowNode,
    /// （七）总计 as printed.
    pub results_total: Option<i64>,
}

const RESULTS: [(&str, &str, &[&str]); 6] = [
    ("disclosed", "予以公开", &["disclosed"]),
    ("partly_disclosed", "部分公开", &["partly_disclosed"]),
    (
        "withheld",
        "不予公开",
        &[
            "withheld.state_secret",
            "withheld.prohibited",
            "withheld.security",
            "withheld.third_party",
            "withheld.internal",
            "withheld.process",
            "withheld.enforcement_file",
            "withheld.query",
        ],
    ),
    (
        "unavailable",
        "无法提供",
        &[
            "unavailable.not_held",
            "unavailable.needs_creation",
            "unavailable.unclear",
        ],
    ),
    (
        "not_processed",
        "不予处理",
        &[
            "not_processed.petition",
            "not_processed.duplicate",
            "not_processed.publication",
            "not_processed.excessive",
            "not_processed.reconfirm",
        ],
    ),
    (
        "other",
        "其他处理",
        &["other.no_correction", "other.unpaid_fee", "other.other"],
    ),
];

impl Flow {
    /// 新收 + 上年结转 (blank cells count as nothing, as the check does).
    pub fn received(&self) -> i64 {
        self.sources.iter().filter_map(|n| n.value).sum()
    }

    /// The results added up, plus 结转下年.
    pub fn handled(&self) -> i64 {
        self.results.iter().filter_map(|n| n.value).sum::<i64>()
            + self.carried_out.value.unwrap_or(0)
    }

    /// Whether the published figures add up: 新收 + 结转 = 办理结果 + 结转下年, and the
    /// results sum to the printed （七）总计.
    pub fn balanced(&self) -> bool {
        let results: i64 = self.results.iter().filter_map(|n| n.value).sum();
        self.received() == self.handled() && self.results_total.is_none_or(|t| t == results)
    }
}

fn cell(table: &ApplicationsTable, key: &str) -> Option<i64> {
    table.row(key)?.values.get(TOTAL).copied().flatten()
}

fn row_node(table: &ApplicationsTable, key: &'static str, label: &'static str) -> FlowNode {
    FlowNode {
        key,
        label,
        value: cell(table, key),
        computed: false,
        row: key,
    }
}

/// The flow of a table 3 (its 总计 column).
pub fn flow(table: &ApplicationsTable) -> Flow {
    let results = RESULTS
        .iter()
        .map(|&(key, label, parts)| {
            // A row printed as one (2019's 其他处理) is taken as printed; else its parts.
            if table.row(key).is_some() {
                return row_node(table, key, label);
            }
            let present: Vec<&'static str> = parts
                .iter()
                .copied()
                .filter(|k| table.row(k).is_some())
                .collect();
            let values: Vec<Option<i64>> = present.iter().map(|k| cell(table, k)).collect();
            let value = (!values.is_empty() && values.iter().any(Option::is_some))
                .then(|| values.iter().flatten().sum());
            FlowNode {
                key,
                label,
                value,
                computed: present.len() > 1,
                row: present.first().copied().unwrap_or(parts[0]),
            }
        })
        .collect();
    Flow {
        sources: vec![
            row_node(table, "new_requests", "本年新收"),
            row_node(table, "carried_in", "上年结转"),
        ],
        results,
        carried_out: row_node(table, "carried_out", "结转下年度继续办理"),
        results_total: cell(table, "results_total"),
    }
}

#[cfg(test)]
mod tests {
    use super::flow;
    use crate::parse_report;

    fn table(agency: &str, year: u16) -> crate::ApplicationsTable {
        let path = format!(
            "{}/../../public/data/{agency}/{year}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let report = parse_report(&std::fs::read_to_string(path).unwrap()).unwrap();
        report.tables.applications.unwrap()
    }

    #[test]
    fn pingtan_2024_adds_up() {
        let f = flow(&table("pingtan", 2024));
        assert_eq!(f.sources[0].value, Some(218));
        assert_eq!(f.sources[1].value, Some(0));
        assert_eq!(f.received(), 218);
        assert_eq!(f.handled(), 218);
        assert_eq!(f.carried_out.value, Some(0));
        assert!(f.balanced());
        // 2021 template: 不予公开 and the others are the portal's sums of their rows.
        assert!(f.results[2].computed);
        assert!(!f.results[0].computed);
    }

    #[test]
    fn pingtan_2020_keeps_its_published_inconsistency() {
        let f = flow(&table("pingtan", 2020));
        assert_eq!(f.received(), 21);
        assert_eq!(f.results_total, Some(21));
        // The results as printed add up to 27, not 21: shown as published, never corrected.
        assert_eq!(f.handled(), 27);
        assert!(!f.balanced());
        // 2019 template prints 其他处理 as one row.
        assert_eq!(f.results[5].value, Some(4));
        assert!(!f.results[5].computed);
    }
}
