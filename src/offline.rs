//! Offline reading: the page's side of the service worker (`web/sw.js`, built into `sw.js` by
//! scripts/service-worker.mjs). It registers the worker, hears of a new build waiting (新版本可用)
//! and lets it take over, and asks the worker to save, list and remove what is kept offline.
//!
//! The worker is spoken to in messages answered on a `MessageChannel`; that, `register()` and
//! the Cache Storage calls are promise plumbing, written once in a small inline module (as
//! `search.rs` does for Pagefind) rather than through many web-sys types.

use serde::{Deserialize, Serialize};

/// A saved group (an agency's reports): what the worker keeps under one key.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct SavedGroup {
    pub key: String,
    pub label: String,
    /// Absolute URLs of the files kept.
    pub urls: Vec<String>,
    pub bytes: u64,
}

/// What is readable offline: the saved groups and every file kept (read once or saved).
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct Kept {
    pub saved: Vec<SavedGroup>,
    pub urls: Vec<String>,
}

impl Kept {
    /// The reports whose JSON is kept, as (agency, year), in the order first kept; `base_path`
    /// is the site's base with its trailing slash (`/` or `/nianbao/`).
    pub fn reports(&self, base_path: &str) -> Vec<(String, u16)> {
        let mut reports: Vec<(String, u16)> = Vec::new();
        for url in &self.urls {
            let found = url_path(url)
                .strip_prefix(base_path)
                .and_then(nianbao_model::paths::report_of)
                .map(|(agency, year)| (agency.to_string(), year));
            if let Some(report) = found.filter(|r| !reports.contains(r)) {
                reports.push(report);
            }
        }
        reports
    }
}

/// The path of an absolute URL (`http://host/nianbao/data/a.json` → `/nianbao/data/a.json`).
fn url_path(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = rest.find('/').map_or("/", |at| &rest[at..]);
    path.split(['?', '#']).next().unwrap_or(path)
}

/// What a save asks the worker to keep.
#[derive(Serialize)]
struct SaveRequest<'a> {
    r#type: &'static str,
    key: &'a str,
    label: &'a str,
    urls: &'a [String],
}

/// A size for the reader: 1.2 MB, 340 KB.
pub fn size_label(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

#[cfg(target_arch = "wasm32")]
mod js {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(inline_js = r#"
let registration;
export function nianbao_sw_register(url, scope, onUpdate) {
  if (!('serviceWorker' in navigator)) return;
  // Only an update waits: the first worker has no page of an older build to replace.
  const announce = (reg) => {
    if (reg.waiting && navigator.serviceWorker.controller) onUpdate();
  };
  navigator.serviceWorker.register(url, { scope }).then(
    (reg) => {
      // A browser that blocks workers (as the other browser tests do) gives none.
      if (!reg) return;
      registration = reg;
      announce(reg);
      reg.addEventListener('updatefound', () => {
        const worker = reg.installing;
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed') announce(reg);
        });
      });
      // The files this page loaded before a worker ran (a first visit) are kept too.
      navigator.serviceWorker.ready.then((ready) => {
        const urls = [location.href, ...performance.getEntriesByType('resource').map((e) => e.name)];
        ready.active?.postMessage({ type: 'READ', urls });
      });
    },
    // No worker (blocked, unsupported): the site works online as before.
    () => {},
  );
}
export function nianbao_sw_apply_update() {
  const waiting = registration?.waiting;
  if (!waiting) return false;
  // Reload once, when the new worker has taken over (never before the reader asked).
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
  waiting.postMessage({ type: 'SKIP_WAITING' });
  return true;
}
export async function nianbao_sw_ask(message) {
  if (!('serviceWorker' in navigator)) throw new Error('此浏览器不支持离线保存');
  const reg = await Promise.race([
    navigator.serviceWorker.ready,
    new Promise((_, fail) => setTimeout(() => fail(new Error('离线功能尚未就绪，请稍后再试')), 10000)),
  ]);
  return new Promise((done, fail) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => {
      if (event.data?.ok) done(JSON.stringify(event.data.value ?? null));
      else fail(new Error(event.data?.error ?? '离线保存失败'));
    };
    reg.active.postMessage(JSON.parse(message), [channel.port2]);
  });
}
"#)]
    extern "C" {
        pub fn nianbao_sw_register(url: &str, scope: &str, on_update: &js_sys::Function);
        pub fn nianbao_sw_apply_update() -> bool;
        #[wasm_bindgen(catch)]
        pub async fn nianbao_sw_ask(message: &str) -> Result<JsValue, JsValue>;
    }
}

/// Registers the site's worker (`sw.js` at the site's base, for the whole site); `on_update`
/// runs when a new build's worker is waiting.
pub fn register(base: &crate::site::SiteBase, on_update: impl Fn() + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::prelude::*;
        let callback = Closure::<dyn Fn()>::new(on_update).into_js_value();
        js::nianbao_sw_register(
            &base.href("/sw.js"),
            &base.href("/"),
            callback.unchecked_ref(),
        );
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (base, on_update);
}

/// Lets the waiting worker take over; the page reloads once it has. False: none waits.
pub fn apply_update() -> bool {
    #[cfg(target_arch = "wasm32")]
    return js::nianbao_sw_apply_update();
    #[cfg(not(target_arch = "wasm32"))]
    false
}

/// Sends `message` (JSON) to the worker; its answer as JSON text.
async fn ask(message: String) -> Result<String, String> {
    #[cfg(target_arch = "wasm32")]
    {
        let value = js::nianbao_sw_ask(&message).await.map_err(|e| {
            js_sys::Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| format!("{e:?}"))
        })?;
        Ok(value.as_string().unwrap_or_default())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = message;
        Err("离线保存只在浏览器中可用".into())
    }
}

/// Saves `urls` (site paths under the base) under `key`; the group as the worker kept it.
pub async fn save(key: &str, label: &str, urls: &[String]) -> Result<SavedGroup, String> {
    let message = SaveRequest {
        r#type: "SAVE",
        key,
        label,
        urls,
    };
    let json = serde_json::to_string(&message).map_err(|e| e.to_string())?;
    serde_json::from_str(&ask(json).await?).map_err(|e| e.to_string())
}

/// Removes the group `key` (files another group keeps stay).
pub async fn remove(key: &str) -> Result<(), String> {
    let json = serde_json::json!({ "type": "REMOVE", "key": key }).to_string();
    ask(json).await.map(|_| ())
}

/// What is kept offline now.
pub async fn kept() -> Result<Kept, String> {
    let json = serde_json::json!({ "type": "LIST" }).to_string();
    serde_json::from_str(&ask(json).await?).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_url_is_known_by_its_site_path() {
        assert_eq!(
            url_path("http://127.0.0.1:8080/nianbao/data/pingtan/2024.json"),
            "/nianbao/data/pingtan/2024.json"
        );
        assert_eq!(url_path("https://a.org/x/y?z=1#w"), "/x/y");
        assert_eq!(url_path("https://a.org"), "/");
    }

    #[test]
    fn kept_reports_are_read_off_their_paths_under_the_base() {
        let kept = Kept {
            saved: vec![],
            urls: [
                "http://h/nianbao/data/pingtan/2024.json",
                "http://h/nianbao/data/pingtan/series.json",
                "http://h/nianbao/pingtan/2024/",
                "http://h/nianbao/data/pingtan/2024.json?v=2",
                "http://h/nianbao/data/shenyang-fgw/2017.json",
                "http://h/data/other/2020.json",
            ]
            .map(String::from)
            .to_vec(),
        };
        assert_eq!(
            kept.reports("/nianbao/"),
            [("pingtan".to_string(), 2024), ("shenyang-fgw".into(), 2017)]
        );
        assert_eq!(kept.reports("/"), [("other".to_string(), 2020)]);
    }

    #[test]
    fn sizes_read_as_kb_or_mb() {
        assert_eq!(size_label(1), "1 KB");
        assert_eq!(size_label(340 * 1024), "340 KB");
        assert_eq!(size_label(3 * 1024 * 1024 / 2), "1.5 MB");
    }
}
