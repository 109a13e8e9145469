//! A long list rendered a slice per animation frame, so that no single task blocks the page
//! however many items there are (a catalog of thousands of bodies). Rendered natively (the
//! pre-render) it is the whole list at once.

use std::sync::Arc;

use leptos::prelude::*;

/// How many items one frame renders.
const PER_FRAME: usize = 200;

#[component]
pub fn Progressive<T, V>(
    items: Arc<Vec<T>>,
    /// Renders one item.
    render: fn(&T) -> V,
    /// Shown once every item is (e.g. `<TakeOver/>`, so that a pre-rendered page is replaced
    /// by the complete list, never a part of it).
    #[prop(optional, into)]
    then: ViewFn,
) -> impl IntoView
where
    T: Send + Sync + 'static,
    V: IntoView + 'static,
{
    // The pre-render writes the whole list (`then` is for the browser's app).
    if cfg!(not(target_arch = "wasm32")) {
        return items.iter().map(render).collect_view().into_any();
    }
    let slices = items.len().div_ceil(PER_FRAME);
    let shown = RwSignal::new(slices.min(1));
    // One more slice each frame until all are there.
    Effect::new(move |_| {
        if shown.get() < slices {
            request_animation_frame(move || shown.update(|n| *n += 1));
        }
    });
    let slice = move |index: usize| {
        let end = ((index + 1) * PER_FRAME).min(items.len());
        items[index * PER_FRAME..end]
            .iter()
            .map(render)
            .collect_view()
    };
    view! {
        <For each=move || 0..shown.get() key=|index| *index let:index>
            {slice(index)}
        </For>
        {move || (shown.get() == slices).then(|| then.run())}
    }
    .into_any()
}
