//! The two-year comparison on the shipped data set.

use nianbao_model::compare::{align_sections, applications, diff, Change};
use nianbao_model::{parse_report, Report};

fn load(agency: &str, year: u16) -> Report {
    let path = format!(
        "{}/../../public/data/{agency}/{year}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    parse_report(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn table_3_new_requests_2023_to_2024() {
    let (a, b) = (load("pingtan", 2023), load("pingtan", 2024));
    let cells = applications(&a, &b);
    let total = cells
        .iter()
        .find(|c| c.row == "new_requests" && c.column == "总计")
        .unwrap();
    assert_eq!(total.describe(), "81 → 218, +137, +169.1%");
}

#[test]
fn template_years_align_section_by_section() {
    let (a, b) = (load("pingtan", 2021), load("pingtan", 2022));
    let pairs = align_sections(&a, &b);
    assert_eq!(pairs.len(), 6);
    // 2022's 四、 is misprinted ("行政法复议") and still pairs with 2021's 四、.
    assert!(pairs
        .iter()
        .all(|p| p.before.is_some() && p.after.is_some()));
    assert_eq!(pairs[3].id(), "s4");
}

#[test]
fn old_years_align_by_heading_and_show_the_unmatched() {
    // 2016 has a section on fees (收费及减免) that 2017 dropped.
    let (a, b) = (load("pingtan", 2016), load("pingtan", 2017));
    let pairs = align_sections(&a, &b);
    let alone: Vec<_> = pairs.iter().filter(|p| p.after.is_none()).collect();
    assert_eq!(alone.len(), 1);
    assert!(alone[0].before.unwrap().heading.contains("收费"));
    assert_eq!(alone[0].id(), "prev-s4");
    assert_eq!(pairs.len(), 7);
    // Old to template: the unmatched stand on both sides, none is hidden.
    let (a, b) = (load("pingtan", 2018), load("pingtan", 2019));
    let pairs = align_sections(&a, &b);
    let shown: usize = pairs
        .iter()
        .map(|p| p.before.is_some() as usize + p.after.is_some() as usize)
        .sum();
    assert_eq!(shown, a.sections.len() + b.sections.len());
}

#[test]
fn a_new_sentence_is_marked() {
    let (a, b) = (load("pingtan", 2023), load("pingtan", 2024));
    let pairs = align_sections(&a, &b);
    let changes = diff(pairs[0].before, pairs[0].after);
    assert!(changes.iter().any(|c| c.change == Change::Added));
}
