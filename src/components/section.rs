//! One report section: its heading with a share control, its paragraphs, its subsections.

use leptos::prelude::*;
use nianbao_model::Section;

use crate::components::copy_link::CopyLink;
use crate::site::{route, use_site_base};

/// Which report the sections belong to, and which section a link points at.
#[derive(Clone)]
pub struct ReportContext {
    pub agency: String,
    pub year: u16,
    pub title: String,
    /// The section the URL names (marked, focused, scrolled to).
    pub target: Memo<Option<String>>,
}

#[component]
pub fn SectionView(section: Section, depth: usize) -> impl IntoView {
    let report = use_context::<ReportContext>().expect("SectionView stands inside a report");
    let base = use_site_base();
    let path = route::section(&report.agency, report.year, &section.id);
    let full_heading = section.full_heading();
    let heading = view! {
        <span class="section-number">{section.number.clone()}</span>
        <span class="section-title">{section.heading.clone()}</span>
        <CopyLink path=path.clone() title=format!("{full_heading} · {}", report.title) />
    };
    // Deeper levels share h5 so the outline stays within h2–h5.
    let heading = match depth {
        0 => view! { <h2 tabindex="-1">{heading}</h2> }.into_any(),
        1 => view! { <h3 tabindex="-1">{heading}</h3> }.into_any(),
        2 => view! { <h4 tabindex="-1">{heading}</h4> }.into_any(),
        _ => view! { <h5 tabindex="-1">{heading}</h5> }.into_any(),
    };
    let id = section.id.clone();
    let target = report.target;
    let is_target = move || target.read().as_deref() == Some(id.as_str());
    view! {
        <section id=section.id.clone() class="section" class:is-target=is_target>
            {heading}
            {section.paragraphs.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
            {section
                .children
                .into_iter()
                .map(|child| view! { <SectionView section=child depth=depth + 1 /> })
                .collect_view()}
            <p class="print-url" aria-hidden="true">{base.absolute(&path)}</p>
        </section>
    }
    .into_any()
}
