//! Drawing a chart in the browser: ECharts loaded after the text, each chart drawn once it
//! comes near the screen and in a task of its own, the instance kept drawn, sized and
//! disposed with the view.

use leptos::prelude::*;
use leptos_use_intersection_observer::{
    use_intersection_observer_with_options, UseIntersectionObserverOptions,
};
use leptos_use_resize_observer::use_resize_observer;
use nianbao_model::Series;

use super::UseChartReturn;
use crate::charts::{chart_option, describe, echarts};
use crate::site::use_site_base;
use crate::yielding::{next_frame, next_task};

/// How far off screen a chart starts to be drawn: a screen's height above and below, so
/// that a reader scrolling at reading speed finds it drawn.
const DRAW_AHEAD: &str = "100% 0px";

/// Loads ECharts after the page has painted, draws the chart into `canvas`, keeps it drawn
/// and sized; the instance is owned by the view (disposed with it).
pub fn use_chart(
    canvas: NodeRef<leptos::html::Div>,
    series: Signal<Vec<Series>>,
    title: String,
    highlight_year: Option<u16>,
) -> UseChartReturn {
    let title = StoredValue::new(title);
    use_drawn_chart(
        canvas,
        move |animate| {
            let series = series.get_untracked();
            let option = chart_option(&series, &title.get_value(), highlight_year, animate);
            (option, describe(&series, &title.get_value()))
        },
        move || series.track(),
    )
}

/// Draws the option `build` gives (with the chart's description) into `canvas` once
/// ECharts is loaded, and again whenever `track` reports a change. In dark mode the chart
/// takes ECharts' dark theme on a transparent background, so the canvas follows the page.
pub fn use_drawn_chart(
    canvas: NodeRef<leptos::html::Div>,
    build: impl Fn(bool) -> (crate::charts::ChartOption, String) + Copy + 'static,
    track: impl Fn() + 'static,
) -> UseChartReturn {
    let drawn = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let instance = StoredValue::new_local(None::<echarts::Owned>);
    let current = move || {
        instance
            .try_with_value(|i| i.as_ref().map(|i| i.0.clone()))
            .flatten()
    };
    let draw = move || {
        if let Some(chart) = current() {
            let (option, description) = build(!echarts::prefers_reduced_motion());
            let option = option.background_color("transparent");
            chart.set_option(&option, &description);
        }
    };
    Effect::new(move |_| {
        track();
        draw();
    });
    // Drawn when it comes near the screen: the six charts of a report drawn at once held
    // the tab for 370 ms (issue 10), and most readers never scroll to most of them. A
    // chart in a hidden view (the app before it takes over) waits until it is shown.
    let near = RwSignal::new(false);
    let observer = use_intersection_observer_with_options(
        canvas,
        move |entries, _| {
            if entries.iter().any(|entry| entry.is_intersecting()) {
                near.set(true);
            }
        },
        UseIntersectionObserverOptions::default().root_margin(DRAW_AHEAD),
    );
    let base = use_site_base();
    Effect::new(move |_| {
        if !near.get() {
            return;
        }
        (observer.stop)();
        let Some(bundle) = echarts::bundle_path() else {
            failed.set(true);
            return;
        };
        let src = base.href(&format!("/{bundle}"));
        let draw = draw;
        leptos::task::spawn_local(async move {
            // The text first: ECharts is half a megabyte.
            next_frame().await;
            next_frame().await;
            if let Err(e) = echarts::load(&src).await {
                leptos::logging::warn!("{e}");
                let _ = failed.try_set(true);
                return;
            }
            // Under <Suspense> a view is built before it is attached: wait for the box.
            let mut el = None;
            for _ in 0..120 {
                match canvas.try_get_untracked() {
                    None => return, // the view is gone
                    Some(Some(node)) if node.is_connected() => {
                        el = Some(node);
                        break;
                    }
                    Some(_) => next_frame().await,
                }
            }
            let Some(el) = el else {
                return;
            };
            // One chart per task: charts that come near the screen together would draw in
            // the one task that loaded ECharts.
            next_task().await;
            if canvas.try_get_untracked().is_none() {
                return; // the view went away meanwhile
            }
            let chart = echarts::init(&el);
            let kept = instance
                .try_update_value(|slot| *slot = Some(echarts::Owned(chart.clone())))
                .is_some();
            if !kept {
                chart.dispose();
                return;
            }
            draw();
            let _ = drawn.try_set(true);
        });
    });
    // A new size is drawn in a task of its own, after the frame that brought it has painted:
    // drawn in the observer's callback, every chart on screen redrew before a font-size
    // change could paint (its INP). Sizes that come meanwhile are drawn once.
    let resize_pending = StoredValue::new(false);
    use_resize_observer(canvas, move |_, _| {
        if current().is_none() || resize_pending.get_value() {
            return;
        }
        resize_pending.set_value(true);
        leptos::task::spawn_local(async move {
            next_task().await;
            if resize_pending.try_update_value(|p| *p = false).is_none() {
                return; // the view is gone
            }
            if let Some(chart) = current() {
                chart.resize();
            }
        });
    });
    UseChartReturn {
        drawn: drawn.into(),
        failed: failed.into(),
        png_data_url: Callback::new(move |_| {
            instance
                .try_with_value(|i| i.as_ref().map(|i| i.0.png_data_url()))
                .flatten()
        }),
    }
}
