//! Share cards: a 1200×630 image for every report, section and 图解 panel — the body, the
//! year, the heading, its leading figures (as the report states them), the portal's name and
//! a QR code of the page's address — as SVG (pure, tested here), drawn to PNG by resvg with
//! one CJK font (see `main.rs`).

use nianbao_model::format::{escape_html, mark};
use nianbao_model::poster::panel;
use nianbao_model::{paths, Report, Section};

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// The portal's name as the cards print it (the app's `SITE_NAME` and tagline).
pub const PORTAL: &str = "年报 · 政府信息公开工作年度报告阅读站";

/// One figure on a card: value as printed, unit, what it counts.
#[derive(Debug, Clone, PartialEq)]
pub struct CardFigure {
    pub value: String,
    pub unit: String,
    pub label: String,
}

/// One card: where it goes (relative to the site's root), what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    /// E.g. `cards/shenyang-fgw/2017/tujie/s3.png` (see `nianbao_model::paths`).
    pub file: String,
    /// Site path of the page the card previews (the app's `site::route`, canonical form).
    pub page: String,
    pub agency: String,
    /// The line under the body's name, e.g. `2017年度 · 图解`.
    pub kicker: String,
    pub heading: String,
    pub figures: Vec<CardFigure>,
}

/// Index of table 3's 总计 column.
const TOTAL: usize = 6;

/// Figures of the standard tables standing in `ids`: table 3's received and disclosed,
/// table 4's totals. Flagged where the report's checks failed on that table.
fn table_figures(report: &Report, ids: &[&str]) -> Vec<CardFigure> {
    let mut out = Vec::new();
    let flag = |rule_prefix: &str| {
        if report
            .failed_checks()
            .any(|c| c.rule.id().starts_with(rule_prefix))
        {
            format!(" {}", mark::FLAGGED)
        } else {
            String::new()
        }
    };
    if let Some(t) = &report.tables.applications {
        if ids.contains(&t.section.as_str()) {
            let flagged = flag("applications");
            for (key, label) in [
                ("new_requests", "本年新收政府信息公开申请"),
                ("disclosed", "予以公开"),
                ("carried_out", "结转下年度继续办理"),
            ] {
                if let Some(v) = t
                    .row(key)
                    .and_then(|r| r.values.get(TOTAL).copied().flatten())
                {
                    out.push(CardFigure {
                        value: v.to_string(),
                        unit: format!("件{flagged}"),
                        label: label.into(),
                    });
                }
            }
        }
    }
    if let Some(t) = &report.tables.reviews {
        if ids.contains(&t.section.as_str()) {
            for (i, label) in [
                (4, "行政复议"),
                (9, "行政诉讼（未经复议直接起诉）"),
                (14, "行政诉讼（复议后起诉）"),
            ] {
                if let Some(v) = t.values.get(i).copied().flatten() {
                    out.push(CardFigure {
                        value: v.to_string(),
                        unit: "件".into(),
                        label: label.into(),
                    });
                }
            }
        }
    }
    out
}

/// The leading figures of a section (its own and its sub-sections'): prose figures naming a
/// known indicator first, then the others, then its tables'; at most three.
fn leading(report: &Report, section: &Section) -> Vec<CardFigure> {
    let p = panel(report, section);
    let mut prose: Vec<_> = p.all_figures().collect();
    prose.sort_by_key(|f| f.figure.indicator.is_none());
    let mut ids = vec![section.id.as_str()];
    let mut stack: Vec<&Section> = section.children.iter().collect();
    while let Some(s) = stack.pop() {
        ids.push(&s.id);
        stack.extend(s.children.iter());
    }
    let mut figures = table_figures(report, &ids);
    figures.extend(prose.into_iter().map(|f| CardFigure {
        value: f.value.clone(),
        unit: f.figure.unit.clone(),
        label: f.label.clone(),
    }));
    figures.truncate(3);
    figures
}

/// Every card of a report: the report's own (also its 图解 poster's), each section's, each
/// 图解 panel's.
pub fn cards(report: &Report) -> Vec<Card> {
    let (agency, year) = (report.agency.id.as_str(), report.year);
    let name = report.agency.name.clone();
    let report_kicker = format!("{year}年度政府信息公开工作年度报告");
    let mut whole: Vec<CardFigure> = Vec::new();
    for top in &report.sections {
        whole.extend(leading(report, top).into_iter().take(1));
    }
    whole.truncate(3);
    let mut out = vec![Card {
        file: paths::card_report(agency, year),
        page: format!("/{agency}/{year}/"),
        agency: name.clone(),
        kicker: format!("{year}年度"),
        heading: "政府信息公开工作年度报告".into(),
        figures: whole,
    }];
    for section in report.walk() {
        out.push(Card {
            file: paths::card_section(agency, year, &section.id),
            page: format!("/{agency}/{year}/{}/", section.id),
            agency: name.clone(),
            kicker: report_kicker.clone(),
            heading: section.full_heading(),
            figures: leading(report, section),
        });
    }
    for top in &report.sections {
        out.push(Card {
            file: paths::card_panel(agency, year, &top.id),
            page: format!("/{agency}/{year}/tujie/{}/", top.id),
            agency: name.clone(),
            kicker: format!("{year}年度政府信息公开工作 · 图解"),
            heading: top.full_heading(),
            figures: leading(report, top),
        });
    }
    out
}

/// `text` cut into lines of at most `per_line` characters, at most `lines` of them (the last
/// ends in … where text was left out).
fn wrap(text: &str, per_line: usize, lines: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<String> = chars.chunks(per_line).map(|c| c.iter().collect()).collect();
    if out.len() > lines {
        out.truncate(lines);
        let last = out.last_mut().expect("lines > 0");
        let mut cut: Vec<char> = last.chars().collect();
        cut.pop();
        *last = cut.into_iter().collect::<String>() + "…";
    }
    out
}

/// The card as an SVG document (1200×630), `url` being the page's absolute address.
pub fn card_svg(card: &Card, url: &str, font_family: &str) -> String {
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"{}\">\
         <rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#ffffff\"/>\
         <rect width=\"{WIDTH}\" height=\"16\" fill=\"#9b1c1c\"/>\
         <text x=\"60\" y=\"86\" font-size=\"32\" font-weight=\"700\" fill=\"#9b1c1c\">{}</text>\
         <text x=\"60\" y=\"134\" font-size=\"28\" fill=\"#57606a\">{}</text>",
        escape_html(font_family),
        escape_html(&card.agency),
        escape_html(&card.kicker),
    );
    let heading = wrap(&card.heading, 24, 2);
    for (i, line) in heading.iter().enumerate() {
        svg.push_str(&format!(
            "<text x=\"60\" y=\"{}\" font-size=\"44\" font-weight=\"700\" fill=\"#1f2328\">{}</text>",
            204 + i as u32 * 58,
            escape_html(line)
        ));
    }
    let top = 204 + heading.len() as u32 * 58 + 40;
    for (i, f) in card.figures.iter().enumerate() {
        let x = 60 + i as u32 * 300;
        svg.push_str(&format!(
            "<rect x=\"{x}\" y=\"{top}\" width=\"280\" height=\"170\" rx=\"12\" fill=\"#f6f4f0\"/>\
             <text x=\"{}\" y=\"{}\" fill=\"#9b1c1c\" font-weight=\"700\"><tspan font-size=\"64\">{}</tspan><tspan font-size=\"30\" dx=\"6\">{}</tspan></text>",
            x + 20,
            top + 80,
            escape_html(&f.value),
            escape_html(&f.unit),
        ));
        for (j, line) in wrap(&f.label, 10, 2).iter().enumerate() {
            svg.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" font-size=\"24\" fill=\"#1f2328\">{}</text>",
                x + 20,
                top + 118 + j as u32 * 30,
                escape_html(line)
            ));
        }
    }
    svg.push_str(&format!(
        "<text x=\"60\" y=\"586\" font-size=\"26\" font-weight=\"700\" fill=\"#1f2328\">{}</text>\
         <text x=\"60\" y=\"614\" font-size=\"18\" fill=\"#57606a\">{}</text>",
        escape_html(PORTAL),
        escape_html(url),
    ));
    svg.push_str(&nianbao_model::qr::svg_rects(url, 1000.0, 430.0, 170.0));
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(agency: &str, year: u16) -> Report {
        let path = format!(
            "{}/../../public/data/{agency}/{year}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        nianbao_model::parse_report(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn every_report_section_and_panel_has_a_card() {
        let report = load("shenyang-fgw", 2017);
        let cards = cards(&report);
        assert_eq!(cards.len(), 1 + report.walk().len() + report.sections.len());
        let s3 = cards
            .iter()
            .find(|c| c.file == "cards/shenyang-fgw/2017/tujie/s3.png")
            .unwrap();
        assert_eq!(s3.page, "/shenyang-fgw/2017/tujie/s3/");
        assert_eq!(s3.heading, "三、及时回应社会关切");
        let shown: Vec<String> = s3
            .figures
            .iter()
            .map(|f| format!("{}{}", f.value, f.unit))
            .collect();
        assert_eq!(shown, ["5次", "564条", "12个"]);
    }

    #[test]
    fn a_template_sections_card_leads_with_its_table() {
        let report = load("pingtan", 2024);
        let card = cards(&report)
            .into_iter()
            .find(|c| c.file == "cards/pingtan/2024/s3.png")
            .unwrap();
        assert_eq!(card.figures[0].value, "218");
        assert_eq!(card.figures[0].label, "本年新收政府信息公开申请");
        // 平潭 2020's table 3 does not add up: its figures carry the flag.
        let card = cards(&load("pingtan", 2020))
            .into_iter()
            .find(|c| c.file == "cards/pingtan/2020/s3.png")
            .unwrap();
        assert!(card.figures[0].unit.contains(mark::FLAGGED));
    }

    #[test]
    fn the_svg_escapes_text_and_carries_a_qr_code() {
        let card = Card {
            file: "cards/a/2017.png".into(),
            page: "/a/2017/".into(),
            agency: "A<B".into(),
            kicker: "2017年度".into(),
            heading: "很长的标题".repeat(20),
            figures: vec![CardFigure {
                value: "4480余".into(),
                unit: "条".into(),
                label: "主动公开信息".into(),
            }],
        };
        let svg = card_svg(&card, "https://example.org/a/2017/", "Noto Sans CJK SC");
        assert!(svg.contains("A&lt;B") && !svg.contains("A<B"));
        assert!(svg.contains(">4480余<"));
        assert!(svg.contains("…"), "a long heading is cut");
        assert!(svg.matches("h-").count() > 100, "QR modules");
    }
}
