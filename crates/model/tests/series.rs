//! Indicator series over the shipped data set (平潭 2015–2025, 沈阳发改委 2017) and over
//! reports altered to show gaps.

use nianbao_model::series::{agency_charts, chart_plan, SERIES};
use nianbao_model::{agency_series, parse_report, series, Basis, Report, Source};

fn load(agency: &str, year: u16) -> Report {
    let path = format!(
        "{}/../../public/data/{agency}/{year}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    parse_report(&std::fs::read_to_string(&path).expect(&path)).expect(&path)
}

fn pingtan() -> Vec<Report> {
    (2015..=2025).map(|y| load("pingtan", y)).collect()
}

fn refs(reports: &[Report]) -> Vec<&Report> {
    reports.iter().collect()
}

fn values(reports: &[Report], key: &str) -> Vec<(u16, Option<f64>)> {
    series(&refs(reports), key)
        .unwrap()
        .points
        .iter()
        .map(|p| (p.year, p.value))
        .collect()
}

#[test]
fn requests_new_reads_table_three_and_the_old_statistics_table() {
    let reports = pingtan();
    let s = series(&refs(&reports), "requests.new").unwrap();
    assert_eq!(s.unit, "件");
    let got: Vec<_> = s.points.iter().map(|p| (p.year, p.value)).collect();
    assert_eq!(
        got,
        vec![
            (2015, Some(0.0)),
            (2016, Some(0.0)),
            (2017, Some(0.0)),
            (2018, Some(0.0)),
            (2019, Some(23.0)),
            (2020, Some(21.0)),
            (2021, Some(70.0)),
            (2022, Some(74.0)),
            (2023, Some(81.0)),
            (2024, Some(218.0)),
            (2025, Some(154.0)),
        ]
    );
    for p in &s.points {
        let old = p.year <= 2018;
        assert_eq!(p.comparable, !old, "{}", p.year);
        let expected = if old {
            Basis::OldStatistics
        } else {
            Basis::Template
        };
        assert_eq!(p.basis, Some(expected));
        assert!(!p.computed && !p.flagged);
        if old {
            assert!(p.notes.iter().any(|n| n.contains("不宜直接比较")));
        }
    }
    match &s.points[10].source {
        Some(Source::Cell {
            section,
            row,
            column,
            ..
        }) => {
            assert_eq!(section, "s3");
            assert!(row.contains("本年新收"));
            assert_eq!(column, "总计");
        }
        other => panic!("unexpected source {other:?}"),
    }
}

#[test]
fn template_only_series_leave_old_years_as_gaps_never_zero() {
    let reports = pingtan();
    let got = values(&reports, "requests.new.natural_person");
    assert_eq!(
        &got[..4],
        &[(2015, None), (2016, None), (2017, None), (2018, None)]
    );
    assert_eq!(got[4], (2019, Some(23.0)));
    assert_eq!(got[10], (2025, Some(151.0)));
    let s = series(&refs(&reports), "requests.carried_out").unwrap();
    assert!(s.points[0].notes.iter().any(|n| n.contains("未载明")));
}

#[test]
fn unrecovered_rows_are_gaps_with_a_note() {
    let reports = pingtan();
    // 行政规范性文件 is unreadable in 2021–2023 and 2025; 2024 has it (62 in the table).
    let s = series(&refs(&reports), "normative_docs.issued").unwrap();
    let by_year = |y: u16| s.points.iter().find(|p| p.year == y).unwrap();
    assert_eq!(by_year(2024).value, Some(62.0));
    assert_eq!(by_year(2024).basis, Some(Basis::Template));
    assert_eq!(by_year(2023).value, None);
    assert!(by_year(2023)
        .notes
        .iter()
        .any(|n| n.contains("未能可靠读取")));
    // The old statistics table's unreadable 主动公开文件数 falls back to the prose figure.
    let s = series(&refs(&reports), "proactive.items").unwrap();
    let p2016 = &s.points[1];
    assert_eq!(p2016.value, Some(3460.0));
    assert_eq!(p2016.basis, Some(Basis::ProseOld));
    assert!(!p2016.comparable, "old-format prose vs template prose");
    let p2025 = s.points.last().unwrap();
    assert_eq!(p2025.value, Some(7700.0));
    assert!(p2025.approximate && p2025.comparable);
    assert_eq!(s.points[5].value, None, "2020 states no proactive.items");
}

#[test]
fn flagged_figures_stay_flagged() {
    let reports = pingtan();
    // 2020: the result rows of 自然人 and 总计 do not add up to （七）总计.
    for key in [
        "requests.results.disclosed",
        "requests.results.partly_disclosed",
        "requests.results.withheld",
        "requests.results.other",
        "requests.results.total",
    ] {
        let s = series(&refs(&reports), key).unwrap();
        for p in &s.points {
            assert_eq!(p.flagged, p.year == 2020, "{key} {}", p.year);
        }
        let p2020 = s.points.iter().find(|p| p.year == 2020).unwrap();
        assert!(p2020.notes.iter().any(|n| n.contains("勾稽")), "{key}");
    }
    // 本年新收 is not part of the failed rule.
    let s = series(&refs(&reports), "requests.new").unwrap();
    assert!(s.points.iter().all(|p| !p.flagged));
    // A by-applicant column whose check passed is not flagged.
    let s = series(&refs(&reports), "requests.new.business").unwrap();
    assert!(s.points.iter().all(|p| !p.flagged));
}

#[test]
fn group_totals_are_marked_computed() {
    let reports = pingtan();
    let s = series(&refs(&reports), "requests.results.withheld").unwrap();
    let p2024 = s.points.iter().find(|p| p.year == 2024).unwrap();
    assert_eq!(p2024.value, Some(39.0)); // 4 + 3 + 32
    assert!(p2024.computed);
    assert!(matches!(&p2024.source, Some(Source::Sum { rows, .. }) if rows.len() == 8));
    // The old statistics table prints 不予公开答复数 itself: published, not computed.
    let p2015 = &s.points[0];
    assert_eq!(p2015.value, Some(0.0));
    assert!(!p2015.computed && !p2015.comparable);
    // （六）其他处理: printed in 2019–2020, a sum in 2021 on.
    let s = series(&refs(&reports), "requests.results.other").unwrap();
    let at = |y: u16| s.points.iter().find(|p| p.year == y).unwrap();
    assert_eq!((at(2020).value, at(2020).computed), (Some(4.0), false));
    assert_eq!((at(2025).value, at(2025).computed), (Some(11.0), true));
    // Lawsuits total: sum of the two groups.
    let s = series(&refs(&reports), "lawsuits.total").unwrap();
    let at = |y: u16| s.points.iter().find(|p| p.year == y).unwrap();
    assert_eq!(at(2024).value, Some(19.0));
    assert!(at(2024).computed);
}

#[test]
fn reviews_read_table_four() {
    let reports = pingtan();
    let got = values(&reports, "reviews.total");
    assert_eq!(got[10], (2025, Some(36.0)));
    assert_eq!(got[9], (2024, Some(7.0)));
    let got = values(&reports, "lawsuits.after_review.total");
    assert_eq!(got[9], (2024, Some(19.0)));
}

#[test]
fn missing_report_years_are_gaps() {
    let reports: Vec<Report> = [2017, 2019, 2020]
        .into_iter()
        .map(|y| load("pingtan", y))
        .collect();
    let s = series(&refs(&reports), "requests.new").unwrap();
    let years: Vec<_> = s.points.iter().map(|p| p.year).collect();
    assert_eq!(years, vec![2017, 2018, 2019, 2020]);
    assert_eq!(s.points[1].value, None);
    assert!(s.points[1].report.is_none());
    assert!(s.points[1].notes[0].contains("未收录"));
}

#[test]
fn a_lone_old_format_report_reads_its_prose() {
    let reports = vec![load("shenyang-fgw", 2017)];
    let s = series(&refs(&reports), "requests.new").unwrap();
    assert_eq!(s.points.len(), 1);
    let p = &s.points[0];
    assert_eq!(p.value, Some(13.0));
    assert_eq!(p.basis, Some(Basis::ProseOld));
    assert!(p.comparable, "nothing else to compare with");
    assert!(matches!(&p.source, Some(Source::Figure { text, .. }) if text.contains("13件")));
    let s = series(&refs(&reports), "proactive.items").unwrap();
    assert!(s.points[0].approximate);
}

#[test]
fn blank_cells_are_gaps_not_zeros() {
    let mut report = load("pingtan", 2024);
    let table = report.tables.applications.as_mut().unwrap();
    for row in &mut table.rows {
        if row.key == "withheld.internal" {
            row.values[6] = None;
        }
    }
    let reports = vec![report];
    let s = series(&refs(&reports), "requests.results.withheld").unwrap();
    assert_eq!(s.points[0].value, None);
    assert!(s.points[0].notes.iter().any(|n| n.contains("空白")));
}

#[test]
fn keys_are_unique_and_every_key_has_a_series() {
    let reports = pingtan();
    let all = agency_series(&refs(&reports));
    assert_eq!(all.len(), SERIES.len());
    let mut keys: Vec<_> = SERIES.iter().map(|d| d.key).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), SERIES.len());
    assert!(series(&refs(&reports), "no.such.key").is_none());
    // Every chart key resolves, and no chart key is also a series key.
    for chart in nianbao_model::series::CHARTS {
        assert!(!keys.contains(&chart.key), "{}", chart.key);
        assert!(chart_plan(chart.key).is_some());
        for key in chart.series {
            assert!(keys.contains(key), "{key}");
        }
    }
    let plans = agency_charts(&all);
    assert!(plans.iter().any(|p| p.key == "requests.new"));
    assert!(plans.iter().any(|p| p.key == "requests.results"));
    // Nothing in 平潭's reports gives weibo posts: no empty chart.
    assert!(plans.iter().all(|p| p.key != "weibo.posts"));
    let mut seen: Vec<_> = plans.iter().map(|p| p.key.clone()).collect();
    seen.dedup();
    assert_eq!(seen.len(), plans.len());
}

#[test]
fn narrowing_keeps_the_years_asked_for() {
    let reports = pingtan();
    let s = series(&refs(&reports), "requests.new").unwrap();
    let n = s.narrowed(Some(2019), Some(2021));
    let years: Vec<_> = n.points.iter().map(|p| p.year).collect();
    assert_eq!(years, vec![2019, 2020, 2021]);
    assert_eq!(s.narrowed(None, Some(2015)).points.len(), 1);
}

#[test]
fn cell_addresses_name_the_cells_the_printed_labels_name() {
    use nianbao_model::tables::APPLICANT_COLUMNS;
    use nianbao_model::CellAddress;
    let reports = pingtan();
    for s in agency_series(&refs(&reports)) {
        for p in &s.points {
            let Some(Source::Cell {
                row,
                column,
                address,
                ..
            }) = &p.source
            else {
                continue;
            };
            let report = reports.iter().find(|r| r.year == p.year).unwrap();
            let (printed_row, printed_column) = match address {
                CellAddress::Applications { row, column } => {
                    let table = report.tables.applications.as_ref().unwrap();
                    (
                        table.row(row).unwrap().label.clone(),
                        APPLICANT_COLUMNS[*column].to_string(),
                    )
                }
                CellAddress::Reviews(cell) => (
                    cell.group.label().to_string(),
                    cell.result.label().to_string(),
                ),
                CellAddress::Proactive { block, row, column } => {
                    let block = &report.tables.proactive.as_ref().unwrap().blocks[*block];
                    (
                        block.rows[*row].label.clone(),
                        block.columns[*column].clone(),
                    )
                }
                CellAddress::Statistics { row, column } => {
                    let table = report.tables.statistics.as_ref().unwrap();
                    (
                        table.rows[*row].label.clone(),
                        table.columns[*column].clone(),
                    )
                }
            };
            assert_eq!(
                (row, column),
                (&printed_row, &printed_column),
                "{} {}",
                s.key,
                p.year
            );
        }
    }
}

#[test]
fn the_shipped_series_file_reads_back_as_the_series_of_the_reports() {
    let path = format!(
        "{}/../../public/data/pingtan/series.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect(&path);
    let shipped = nianbao_model::parse_series(&text).expect(&path);
    // The shipped series runs from the archive's first year, 2011.
    let all: Vec<Report> = (2011..=2025).map(|y| load("pingtan", y)).collect();
    assert_eq!(shipped, agency_series(&refs(&all)));
}
