//! Pick any two years of an agency to compare (the agency page).

use leptos::prelude::*;

use crate::site::{route, use_site_base};

/// `years`: the agency's report years, any order. Shows nothing with fewer than two.
#[component]
pub fn ComparePicker(agency: String, mut years: Vec<u16>) -> AnyView {
    years.sort_unstable();
    if years.len() < 2 {
        return ().into_any();
    }
    let base = use_site_base();
    let n = years.len();
    let from = RwSignal::new(years[n - 2]);
    let to = RwSignal::new(years[n - 1]);
    let options = |selected: RwSignal<u16>| {
        years
            .iter()
            .map(|y| {
                let y = *y;
                view! {
                    <option value=y.to_string() selected=move || selected.get() == y>
                        {format!("{y}年度")}
                    </option>
                }
            })
            .collect_view()
    };
    let href = move || {
        // Earlier year first, whichever way round they were picked.
        let (a, b) = (from.get().min(to.get()), from.get().max(to.get()));
        base.href(&route::compare(&agency, a, b))
    };
    let same = move || from.get() == to.get();
    let on = |signal: RwSignal<u16>| {
        move |ev| {
            if let Ok(y) = event_target_value(&ev).parse() {
                signal.set(y);
            }
        }
    };
    view! {
        <section aria-labelledby="agency-compare">
            <h2 id="agency-compare">"比较两个年度"</h2>
            <div class="compare-picker">
                <label>"从 " <select on:change=on(from)>{options(from)}</select></label>
                <label>"到 " <select on:change=on(to)>{options(to)}</select></label>
                {move || {
                    if same() {
                        view! { <span>"请选择两个不同的年度"</span> }.into_any()
                    } else {
                        view! {
                            <a class="compare-go" href=href()>
                                "比较这两年"
                            </a>
                        }
                            .into_any()
                    }
                }}
            </div>
        </section>
    }
    .into_any()
}
