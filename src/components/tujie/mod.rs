//! The parts of the 图解 poster: indicator figures with their change and where they stand
//! (`Bars`), a panel per top-level section (`panel`), and the template's tables drawn as
//! pictures (`tables`).

pub mod panel;
pub mod tables;

use leptos::prelude::*;
use nianbao_model::format::{mark, number};
use nianbao_model::{CellAddress, Point, Report, Series, Source};

use crate::site::{anchor, route, use_site_base};

/// One indicator as the 图解 shows it: this year's point and, where comparable, last year's.
pub struct IndicatorFigure<'a> {
    pub series: &'a Series,
    pub point: &'a Point,
    pub previous: Option<&'a Point>,
}

/// The indicator `key` in `year`, if the report states it.
pub fn indicator_figure<'a>(
    all: &'a [Series],
    key: &str,
    year: u16,
) -> Option<IndicatorFigure<'a>> {
    let series = all.iter().find(|s| s.key == key)?;
    let at = series.points.iter().position(|p| p.year == year)?;
    let point = &series.points[at];
    point.value?;
    let previous = at.checked_sub(1).map(|i| &series.points[i]).filter(|p| {
        p.value.is_some() && p.basis == point.basis && p.comparable && point.comparable
    });
    Some(IndicatorFigure {
        series,
        point,
        previous,
    })
}

/// A number as the report prints it (integers without decimals), 余 kept.
pub fn shown(point: &Point) -> String {
    let number = number(point.value.unwrap_or_default());
    if point.approximate {
        format!("{number}余")
    } else {
        number
    }
}

/// Change against the previous year, e.g. `比上年 +12（+5.6%）`.
pub fn change(now: &Point, before: &Point) -> String {
    let (Some(now), Some(before)) = (now.value, before.value) else {
        return String::new();
    };
    let delta = now - before;
    let sign = if delta > 0.0 { "+" } else { "" };
    let delta = if delta.fract() == 0.0 {
        format!("{sign}{delta:.0}")
    } else {
        format!("{sign}{delta:.2}")
    };
    if before > 0.0 {
        format!(
            "比上年 {delta}（{sign}{:.1}%）",
            (now / before - 1.0) * 100.0
        )
    } else {
        format!("比上年 {delta}")
    }
}

/// The fragment of the report page that shows where a point's figure stands (table 2 and
/// statistics cells have no anchors of their own: the section is linked).
fn source_anchor(source: &Source) -> Option<String> {
    match source {
        Source::Figure {
            section,
            paragraph,
            start,
            ..
        } => Some(anchor::figure(section, *paragraph, *start)),
        Source::Cell { address, .. } => match address {
            CellAddress::Applications { row, column } => {
                Some(anchor::application_cell(row, *column))
            }
            CellAddress::Reviews(cell) => Some(anchor::review_cell(*cell)),
            CellAddress::Proactive { .. } | CellAddress::Statistics { .. } => None,
        },
        Source::Sum { table_kind, .. } => Some(anchor::table(*table_kind)),
    }
}

/// Site path (with fragment) of where a point's figure stands in the report.
pub fn source_href(report: &Report, point: &Point) -> Option<String> {
    let source = point.source.as_ref()?;
    let path = route::section(&report.agency.id, report.year, source.section());
    Some(match source_anchor(source) {
        Some(id) => format!("{path}#{id}"),
        None => path,
    })
}

/// Bars for the parts of a breakdown (a total that sums them would dwarf them); a figure
/// above zero stays visible however small.
#[component]
pub fn Bars(
    report: std::sync::Arc<Report>,
    title: String,
    figures: Vec<(Series, Point)>,
) -> impl IntoView {
    let base = use_site_base();
    let max = figures
        .iter()
        .filter_map(|(_, p)| p.value)
        .fold(0.0_f64, f64::max);
    let bars = figures
        .iter()
        .map(|(series, point)| {
            let value = point.value.unwrap_or_default();
            let width = if value > 0.0 && max > 0.0 {
                (value / max * 100.0).max(0.6)
            } else {
                0.0
            };
            let href = source_href(&report, point).map(|h| base.href(&h));
            view! {
                <li class:flagged=point.flagged>
                    <a href=href>
                        <span class="bar-label">{series.label.clone()}</span>
                        <span class="bar-track" aria-hidden="true">
                            <span class="bar" style=format!("width: {width:.1}%")></span>
                        </span>
                        <span class="bar-value">
                            {format!("{}{}", shown(point), series.unit)}
                            {point.computed.then(|| format!(" {}", mark::COMPUTED))}
                            {point.flagged.then(|| format!(" {}", mark::FLAGGED))}
                        </span>
                    </a>
                </li>
            }
        })
        .collect_view();
    let computed = figures.iter().any(|(_, p)| p.computed).then(|| {
        view! { <p class="computed-note">{format!("{} 本站按原表各项相加", mark::COMPUTED)}</p> }
    });
    view! {
        <section class="breakdown">
            <h3>{title}</h3>
            <ul class="bars">{bars}</ul>
            {computed}
        </section>
    }
}
