//! The browser side of charts: bindings to the ECharts bundle (loaded once per page life,
//! only by pages that show a chart) and the chart instances it makes.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// An ECharts instance.
    #[derive(Clone, Debug)]
    pub type Instance;

    #[wasm_bindgen(js_namespace = echarts, js_name = init)]
    fn init_js(dom: &web_sys::HtmlElement, theme: &JsValue, opts: &JsValue) -> Instance;

    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &str) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(method, js_name = setOption)]
    fn set_option_js(this: &Instance, option: &JsValue, not_merge: bool);

    #[wasm_bindgen(method)]
    pub fn resize(this: &Instance);

    #[wasm_bindgen(method)]
    pub fn dispose(this: &Instance);

    #[wasm_bindgen(method, js_name = isDisposed)]
    pub fn is_disposed(this: &Instance) -> bool;

    #[wasm_bindgen(method, js_name = getDataURL)]
    fn get_data_url_js(this: &Instance, opts: &JsValue) -> String;
}

/// Creates a chart in `dom` (zh-CN texts, so the aria description is Chinese), in ECharts'
/// dark theme where the reader's colour scheme is dark.
pub fn init(dom: &web_sys::HtmlElement) -> Instance {
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"locale".into(), &"ZH".into());
    let theme = if prefers_dark() {
        JsValue::from_str("dark")
    } else {
        JsValue::NULL
    };
    init_js(dom, &theme, &opts)
}

/// Whether the reader's colour scheme is dark.
pub fn prefers_dark() -> bool {
    leptos::prelude::window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

impl Instance {
    /// Replaces the whole option (no series of an older option lingers). `description`
    /// becomes the chart's aria description (ECharts' own lists raw dimensions and knows
    /// nothing of gaps or flags).
    pub fn set_option(&self, chart: &super::ChartOption, description: &str) {
        let option = match json_parse(&chart.to_string()) {
            Ok(option) => option,
            Err(e) => {
                leptos::logging::error!("chart option is not JSON: {e:?}");
                return;
            }
        };
        let label = js_sys::Reflect::get(&option, &"aria".into())
            .and_then(|aria| js_sys::Reflect::get(&aria, &"label".into()));
        if let Ok(label) = label {
            let _ = js_sys::Reflect::set(&label, &"description".into(), &description.into());
        }
        self.set_option_js(&option, true);
    }

    /// The chart as a PNG data URL, on the page's background (white, or the dark scheme's
    /// paper the dark theme's texts are drawn for), at twice the resolution.
    pub fn png_data_url(&self) -> String {
        let opts = js_sys::Object::new();
        let background = if prefers_dark() { "#1b1a18" } else { "#ffffff" };
        let _ = js_sys::Reflect::set(&opts, &"type".into(), &"png".into());
        let _ = js_sys::Reflect::set(&opts, &"pixelRatio".into(), &2.into());
        let _ = js_sys::Reflect::set(&opts, &"backgroundColor".into(), &background.into());
        self.get_data_url_js(&opts)
    }
}

/// Disposes the chart when dropped (the view that owns it went away).
pub struct Owned(pub Instance);

impl Drop for Owned {
    fn drop(&mut self) {
        if !self.0.is_disposed() {
            self.0.dispose();
        }
    }
}

thread_local! {
    static LOADING: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

fn loaded() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &"echarts".into())
        .map(|v| !v.is_undefined())
        .unwrap_or(false)
}

/// Loads the ECharts bundle (once per page life: later calls share the same load).
/// `src` is the bundle's address.
pub async fn load(src: &str) -> Result<(), String> {
    if loaded() {
        return Ok(());
    }
    let promise = LOADING.with(|cell| {
        cell.borrow_mut()
            .get_or_insert_with(|| {
                let src = src.to_string();
                js_sys::Promise::new(&mut move |resolve, reject| {
                    let document = leptos::prelude::document();
                    let Ok(script) = document.create_element("script") else {
                        let _ = reject.call1(&JsValue::NULL, &"no script element".into());
                        return;
                    };
                    let script: web_sys::HtmlScriptElement = script.unchecked_into();
                    script.set_src(&src);
                    script.set_async(true);
                    script.set_onload(Some(&resolve));
                    script.set_onerror(Some(&reject));
                    if let Some(head) = document.head() {
                        let _ = head.append_child(&script);
                    }
                })
            })
            .clone()
    });
    match JsFuture::from(promise).await {
        Ok(_) if loaded() => Ok(()),
        Ok(_) => Err("ECharts did not define itself".into()),
        Err(_) => {
            // A later chart may try again (the network may be back).
            LOADING.with(|cell| cell.borrow_mut().take());
            Err(format!("could not load {src}"))
        }
    }
}

/// The bundle's site path, from the name the build inlined into the page.
pub fn bundle_path() -> Option<String> {
    js_sys::Reflect::get(&js_sys::global(), &"NIANBAO_ECHARTS".into())
        .ok()
        .and_then(|v| v.as_string())
}

/// Whether the reader asked for reduced motion.
pub fn prefers_reduced_motion() -> bool {
    leptos::prelude::window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}
