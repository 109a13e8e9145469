//! The one loading view: data that is ready shows at once; data being fetched shows a loading
//! line, then the page, the not-found view or the error view with 重试 — the same on every page.
//!
//! A pre-rendered page is never replaced by an error: the reader keeps the text that stands
//! there, and a status line says the live data could not be loaded, with 重试.

use leptos::prelude::*;

use crate::api::FetchError;
use crate::components::error_view::ErrorView;
use crate::components::not_found::NotFound;
use crate::components::offline::NotSaved;
use crate::data::{retry, Data, Failure, Loaded};
use crate::params::ReportAddress;
use crate::takeover::prerendered_present;

/// What a page's messages call it, e.g. `报告` ("报告暂时无法显示") and its loading line.
#[derive(Clone, Copy)]
pub struct Labels {
    pub what: &'static str,
    pub loading: &'static str,
}

/// What the not-found view says was asked for, and an agency whose reports it offers.
#[derive(Clone, Default)]
pub struct Missing {
    pub what: Option<String>,
    pub agency: Option<String>,
}

impl Missing {
    /// A report address that names no report: the agency's reports are offered.
    pub fn report(address: Memo<ReportAddress>) -> impl Fn() -> Missing + Clone + Send + Sync {
        move || {
            let ReportAddress { agency, year, .. } = address.get_untracked();
            Missing {
                what: year.map(|year| format!("“{agency}” {year}年度的报告")),
                agency: Some(agency),
            }
        }
    }
}

/// Shows `data` with `page` once it is there.
pub fn show<T, V>(
    data: Data<T>,
    labels: Labels,
    missing: impl Fn() -> Missing + Clone + Send + Sync + 'static,
    page: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> AnyView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let resource = match data {
        Data::Ready(value) => return page(value).into_any(),
        Data::Loading(resource) => resource,
    };
    let content = move || {
        let (page, missing) = (page.clone(), missing.clone());
        Suspend::new(async move {
            let loaded: Loaded<T> = resource.await;
            match loaded {
                Ok(value) => page(value).into_any(),
                Err(failure) if prerendered_present() => {
                    use_load_notice().show(&failure, retry(resource));
                    ().into_any()
                }
                Err(Failure::NotFound) => {
                    let Missing { what, agency } = missing();
                    view! { <NotFound what agency /> }.into_any()
                }
                Err(Failure::Load(e)) if e.error == FetchError::Offline => {
                    view! { <NotSaved what=labels.what retry=retry(resource) /> }.into_any()
                }
                Err(Failure::Load(e)) => view! { <ErrorView what=labels.what message=e.to_string() retry=retry(resource) /> }
                .into_any(),
            }
        })
    };
    view! {
        <Suspense fallback=move || {
            view! {
                <p class="loading" aria-busy="true">
                    {labels.loading}
                </p>
            }
        }>{content}</Suspense>
    }
    .into_any()
}

/// The status line shown over a pre-rendered page whose data could not be loaded.
#[derive(Clone, Copy)]
pub struct LoadNotice(RwSignal<Option<(String, Callback<()>)>>);

impl LoadNotice {
    fn show(&self, failure: &Failure, retry: Callback<()>) {
        let message = match failure {
            Failure::NotFound => "服务器上没有这份数据".to_string(),
            Failure::Load(e) => e.to_string(),
        };
        self.0.set(Some((message, retry)));
    }
}

pub fn provide_load_notice() {
    provide_context(LoadNotice(RwSignal::new(None)));
}

fn use_load_notice() -> LoadNotice {
    use_context().expect("provide_load_notice() is called by App")
}

/// Stands outside the (hidden) app, so that it shows over a pre-rendered page.
#[component]
pub fn LoadNoticeLine() -> impl IntoView {
    let LoadNotice(notice) = use_load_notice();
    move || {
        notice.get().map(|(message, retry)| {
            view! {
                <div class="load-notice" role="status">
                    <p>
                        "本页是预先生成的版本，暂时无法载入最新数据："
                        {message} " "
                        <button
                            type="button"
                            class="retry"
                            on:click=move |_| {
                                notice.set(None);
                                retry.run(());
                            }
                        >
                            "重试"
                        </button>
                    </p>
                </div>
            }
        })
    }
}
