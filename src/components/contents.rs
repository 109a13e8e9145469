//! The contents list: sidebar on wide screens, a collapsible list on phones. The entry of
//! the section being read is marked as the reader scrolls.

use leptos::prelude::*;
use nianbao_model::outline::ancestor_id;
use nianbao_model::Section;

use crate::components::section::ReportContext;
use crate::site::{route, use_site_base};

/// Levels shown in the contents (一、 and its first sub-level).
const CONTENTS_DEPTH: usize = 2;

#[component]
pub fn Contents(
    sections: Vec<Section>,
    /// Id of the section being read.
    current: Signal<Option<String>>,
) -> impl IntoView {
    let report = use_context::<ReportContext>().expect("Contents stands inside a report");
    let base = use_site_base();
    let (open, set_open) = signal(false);

    fn entries(
        sections: &[Section],
        depth: usize,
        report: &ReportContext,
        base: &crate::site::SiteBase,
        current: Signal<Option<String>>,
        set_open: WriteSignal<bool>,
    ) -> AnyView {
        view! {
            <ol>
                {sections
                    .iter()
                    .map(|section| {
                        let id = section.id.clone();
                        let href = base
                            .href(
                                &route::section(&report.report.agency.id, report.report.year, &id),
                            );
                        let children = (depth + 1 < CONTENTS_DEPTH && !section.children.is_empty())
                            .then(|| entries(
                                &section.children,
                                depth + 1,
                                report,
                                base,
                                current,
                                set_open,
                            ));
                        view! {
                            <li>
                                // data-noscroll: the report page scrolls to the section itself.
                                <a
                                    href=href
                                    data-noscroll=""
                                    aria-current=move || {
                                        let reading = current.read();
                                        let reading = reading
                                            .as_deref()
                                            .map(|c| ancestor_id(c, CONTENTS_DEPTH));
                                        (reading == Some(id.as_str())).then_some("location")
                                    }
                                    on:click=move |_| set_open.set(false)
                                >
                                    <span class="section-number">{section.number.clone()}</span>
                                    {section.heading.clone()}
                                </a>
                                {children}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        }
        .into_any()
    }

    let list = entries(&sections, 0, &report, &base, current, set_open);
    view! {
        <nav class="contents" aria-label="目录">
            <button
                type="button"
                class="contents-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls="contents-list"
                on:click=move |_| {
                    set_open.update(|o| *o = !*o);
                    if open.get_untracked() {
                        reveal_current_entry();
                    }
                }
            >
                "目录"
            </button>
            <div id="contents-list" class="contents-list" class:open=open>
                <h2 class="contents-heading">"目录"</h2>
                {list}
            </div>
        </nav>
    }
}

/// Brings the marked entry into view when the phone list opens, so the reader sees where they are.
fn reveal_current_entry() {
    request_animation_frame(|| {
        if let Ok(Some(entry)) =
            document().query_selector(".contents-list [aria-current=\"location\"]")
        {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            entry.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
}
