//! A static file server that behaves like a common static host (GitHub Pages, Netlify, S3 +
//! CDN), so tests see what visitors will see — unlike `trunk serve`, which answers every unknown
//! path with index.html and so hides deep-link problems.
//!
//! - files are served as they are, `/page` gives `page.html` when there is no file `page`,
//!   `/dir/` gives `dir/index.html` (and `/dir` redirects there), as GitHub Pages does;
//! - an unknown path gets the site's `404.html` with status 404 (Trunk's post-build hook makes
//!   it a copy of index.html, which is what lets deep links open);
//! - content types with charsets as hosts send them (`application/wasm` for streaming
//!   compilation);
//! - optionally everything lives under a base path (`--base /nianbao/`), as for a project site.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tokio::net::TcpListener;
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

struct Site {
    dir: PathBuf,
    /// `/`, or a path with a slash at each end such as `/nianbao/`.
    base: String,
    /// Send `file.br` / `file.gz` beside a file when the client accepts them, as hosts and CDNs
    /// send compressed files (`cargo xtask bench` writes them, so that it measures real
    /// transfer sizes).
    precompressed: bool,
}

/// `nianbao`, `/nianbao`, `/nianbao/` all give `/nianbao/`; empty or `/` gives `/`.
pub fn normalize_base(base: &str) -> Result<String, String> {
    let trimmed = base.trim_matches('/');
    if trimmed.is_empty() {
        return Ok("/".into());
    }
    if trimmed
        .chars()
        .any(|c| c.is_whitespace() || matches!(c, '?' | '#' | '%' | '\\'))
    {
        return Err(format!(
            "--base {base:?}: use a plain path such as /nianbao/"
        ));
    }
    Ok(format!("/{trimmed}/"))
}

/// The server for `dir`, with the site under `base` (normalized, see [`normalize_base`]).
pub fn router(dir: &Path, base: &str) -> Router {
    router_with(dir, base, false)
}

/// [`router`], optionally sending precompressed `.br`/`.gz` files (see `Site::precompressed`).
pub fn router_with(dir: &Path, base: &str, precompressed: bool) -> Router {
    let site = Arc::new(Site {
        dir: dir.to_path_buf(),
        base: base.to_owned(),
        precompressed,
    });
    Router::new().fallback(handle).with_state(site)
}

async fn handle(State(site): State<Arc<Site>>, req: Request) -> Response {
    let prefix = site.base.trim_end_matches('/');
    let path = req.uri().path().to_owned();
    if !prefix.is_empty() && path == prefix {
        // Hosts redirect a project site's bare path to its folder.
        return redirect(&with_query(&site.base, req.uri()));
    }
    let Some(inner) = path.strip_prefix(prefix).filter(|p| p.starts_with('/')) else {
        // Outside the base: not this site's, so not its 404 page either.
        return (StatusCode::NOT_FOUND, "404 Not Found (outside the site)\n").into_response();
    };
    let html = format!("{inner}.html");
    let inner = if is_extensionless_page(&site.dir, inner) {
        html.as_str()
    } else {
        inner
    };
    let mut req = req;
    match with_query(inner, req.uri()).parse::<Uri>() {
        Ok(uri) => *req.uri_mut() = uri,
        Err(_) => return StatusCode::BAD_REQUEST.into_response(),
    }
    // ServeDir sets 404 on what the not-found service returns.
    let mut not_found = ServeFile::new(site.dir.join("404.html"));
    let mut files = ServeDir::new(&site.dir).append_index_html_on_directories(true);
    if site.precompressed {
        not_found = not_found.precompressed_br().precompressed_gzip();
        files = files.precompressed_br().precompressed_gzip();
    }
    let files = files.not_found_service(not_found);
    let mut response = match files.oneshot(req).await {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    };
    if !prefix.is_empty() && response.status().is_redirection() {
        prefix_location(&mut response, prefix);
    }
    set_charset(&mut response);
    response
}

/// `/a/page` names `a/page.html` when there is no file or folder `a/page` but that file exists.
fn is_extensionless_page(dir: &Path, path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    if name.is_empty() || name.contains('.') || path.contains("..") || path.contains('%') {
        return false;
    }
    let relative = path.trim_start_matches('/');
    !dir.join(relative).exists() && dir.join(format!("{relative}.html")).is_file()
}

fn with_query(path: &str, uri: &Uri) -> String {
    match uri.query() {
        Some(query) => format!("{path}?{query}"),
        None => path.to_owned(),
    }
}

fn redirect(location: &str) -> Response {
    let mut response = StatusCode::MOVED_PERMANENTLY.into_response();
    if let Ok(value) = HeaderValue::from_str(location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

/// ServeDir's `/dir` → `/dir/` redirect names the path it saw, without the base.
fn prefix_location(response: &mut Response, prefix: &str) {
    let Some(location) = response
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .filter(|l| l.starts_with('/'))
    else {
        return;
    };
    if let Ok(value) = HeaderValue::from_str(&format!("{prefix}{location}")) {
        response.headers_mut().insert(header::LOCATION, value);
    }
}

/// Text types get `charset=utf-8`, as static hosts send them; JavaScript is `text/javascript`
/// (RFC 9239).
fn set_charset(response: &mut Response) {
    let Some(content_type) = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return;
    };
    let fixed = match content_type {
        "text/html" => "text/html; charset=utf-8",
        "text/css" => "text/css; charset=utf-8",
        "text/plain" => "text/plain; charset=utf-8",
        "text/csv" => "text/csv; charset=utf-8",
        "text/javascript" | "application/javascript" => "text/javascript; charset=utf-8",
        _ => return,
    };
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(fixed));
}

fn check_dir(dir: &Path) -> Result<(), String> {
    if !dir.join("index.html").is_file() {
        return Err(format!(
            "{} has no index.html: build the site first (`cargo xtask serve` builds it)",
            dir.display()
        ));
    }
    if !dir.join("404.html").is_file() {
        eprintln!(
            "xtask: warning: {} has no 404.html, so deep links will not open (Trunk's \
             post_build hook makes it)",
            dir.display()
        );
    }
    Ok(())
}

fn runtime() -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the server runtime: {e}"))
}

/// Serves `dir` at 127.0.0.1:`port` until Ctrl-C.
pub fn serve_forever(dir: &Path, base: &str, port: u16) -> Result<(), String> {
    check_dir(dir)?;
    let app = router(dir, base);
    runtime()?.block_on(async move {
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        let listener = TcpListener::bind(addr).await.map_err(|e| {
            format!("cannot listen on {addr}: {e} (another server there? try --port)")
        })?;
        println!();
        println!("Serving {} at http://{addr}{base}", dir.display());
        println!("(a static host: unknown paths get 404.html with status 404; Ctrl-C stops)");
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|e| format!("server error: {e}"))
    })
}

/// A server on a free loopback port, for the browser tests; stopped when dropped.
pub struct Background {
    runtime: Option<tokio::runtime::Runtime>,
    /// `http://127.0.0.1:PORT` plus the base without its trailing slash.
    pub url: String,
}

impl Background {
    pub fn start(dir: &Path, base: &str) -> Result<Self, String> {
        Self::start_with(dir, base, false)
    }

    /// [`Background::start`], optionally sending precompressed files (see [`router_with`]).
    pub fn start_with(dir: &Path, base: &str, precompressed: bool) -> Result<Self, String> {
        check_dir(dir)?;
        let runtime = runtime()?;
        let listener = runtime
            .block_on(TcpListener::bind(("127.0.0.1", 0)))
            .map_err(|e| format!("cannot listen on 127.0.0.1: {e}"))?;
        let addr = listener
            .local_addr()
            .map_err(|e| format!("no local address: {e}"))?;
        let app = router_with(dir, base, precompressed);
        runtime.spawn(async move {
            if let Err(e) = axum::serve(listener, app).await {
                eprintln!("xtask: server error: {e}");
            }
        });
        Ok(Self {
            runtime: Some(runtime),
            url: format!("http://{addr}{}", base.trim_end_matches('/')),
        })
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_timeout(Duration::from_secs(2));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::Request as HttpRequest;
    use std::fs;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::write(root.join("index.html"), "<!doctype html><title>app</title>").unwrap();
        fs::write(
            root.join("404.html"),
            "<!doctype html><title>app 404</title>",
        )
        .unwrap();
        fs::write(root.join("app.wasm"), b"\0asm").unwrap();
        fs::write(root.join("app.js"), "export {}").unwrap();
        fs::write(root.join("styles.css"), "body{}").unwrap();
        fs::write(root.join("logo.svg"), "<svg/>").unwrap();
        fs::create_dir_all(root.join("data/shenyang-fgw")).unwrap();
        fs::write(root.join("data/catalog.json"), "{}").unwrap();
        fs::write(root.join("data/nianbao-data.csv"), "\u{FEFF}机关\r\n").unwrap();
        fs::write(root.join("data/shenyang-fgw/2017.json"), "{}").unwrap();
        fs::write(root.join("about.html"), "about").unwrap();
        fs::create_dir(root.join("docs")).unwrap();
        fs::write(root.join("docs/index.html"), "docs").unwrap();
        dir
    }

    async fn get(app: &Router, path: &str) -> (StatusCode, String, String, String) {
        let response = app
            .clone()
            .oneshot(HttpRequest::get(path).body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let header = |name| {
            response
                .headers()
                .get(name)
                .map(|v: &HeaderValue| v.to_str().unwrap().to_owned())
                .unwrap_or_default()
        };
        let content_type = header(header::CONTENT_TYPE);
        let location = header(header::LOCATION);
        let body = axum::body::to_bytes(response.into_body(), 1 << 20)
            .await
            .unwrap();
        (
            status,
            content_type,
            location,
            String::from_utf8_lossy(&body).into_owned(),
        )
    }

    #[test]
    fn bases_are_normalized() {
        assert_eq!(normalize_base("/").unwrap(), "/");
        assert_eq!(normalize_base("").unwrap(), "/");
        assert_eq!(normalize_base("nianbao").unwrap(), "/nianbao/");
        assert_eq!(normalize_base("/nianbao").unwrap(), "/nianbao/");
        assert_eq!(normalize_base("/a/b/").unwrap(), "/a/b/");
        assert!(normalize_base("/a b/").is_err());
    }

    #[tokio::test]
    async fn serves_files_with_host_content_types() {
        let dir = site();
        let app = router(dir.path(), "/");
        let cases = [
            ("/", "text/html; charset=utf-8"),
            ("/index.html", "text/html; charset=utf-8"),
            ("/app.wasm", "application/wasm"),
            ("/app.js", "text/javascript; charset=utf-8"),
            ("/styles.css", "text/css; charset=utf-8"),
            ("/logo.svg", "image/svg+xml"),
            ("/data/catalog.json", "application/json"),
            ("/data/nianbao-data.csv", "text/csv; charset=utf-8"),
        ];
        for (path, content_type) in cases {
            let (status, ct, _, _) = get(&app, path).await;
            assert_eq!(status, StatusCode::OK, "{path}");
            assert_eq!(ct, content_type, "{path}");
        }
    }

    #[tokio::test]
    async fn folders_give_their_index() {
        let dir = site();
        let app = router(dir.path(), "/");
        assert_eq!(get(&app, "/docs/").await.3, "docs");
        let (status, _, location, _) = get(&app, "/docs").await;
        assert!(status.is_redirection());
        assert_eq!(location, "/docs/");
    }

    #[tokio::test]
    async fn extensionless_paths_give_their_html_page() {
        let dir = site();
        let app = router(dir.path(), "/");
        let (status, ct, _, body) = get(&app, "/about").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(ct, "text/html; charset=utf-8");
        assert_eq!(body, "about");
        assert_eq!(get(&app, "/about/").await.0, StatusCode::NOT_FOUND);
        // A folder wins over nothing: /docs still redirects to /docs/.
        assert!(get(&app, "/docs").await.0.is_redirection());
        let app = router(dir.path(), "/nianbao/");
        assert_eq!(get(&app, "/nianbao/about").await.3, "about");
    }

    #[tokio::test]
    async fn unknown_paths_get_404_html_with_status_404() {
        let dir = site();
        let app = router(dir.path(), "/");
        for path in [
            "/shenyang-fgw/2017/s5",
            "/x/y/z/w",
            "/data/nobody/2017.json",
        ] {
            let (status, ct, _, body) = get(&app, path).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
            assert_eq!(ct, "text/html; charset=utf-8", "{path}");
            assert!(body.contains("app 404"), "{path}: {body}");
        }
    }

    #[tokio::test]
    async fn a_base_path_holds_the_whole_site() {
        let dir = site();
        let app = router(dir.path(), "/nianbao/");
        let (status, _, location, _) = get(&app, "/nianbao?x=1").await;
        assert_eq!(status, StatusCode::MOVED_PERMANENTLY);
        assert_eq!(location, "/nianbao/?x=1");
        assert!(get(&app, "/nianbao/")
            .await
            .3
            .contains("<title>app</title>"));
        assert_eq!(get(&app, "/nianbao/app.wasm").await.1, "application/wasm");
        assert_eq!(get(&app, "/nianbao/docs").await.2, "/nianbao/docs/");
        let (status, _, _, body) = get(&app, "/nianbao/shenyang-fgw/2017/s5").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(body.contains("app 404"));
        for outside in ["/", "/app.wasm", "/nianbaox/app.wasm"] {
            let (status, _, _, body) = get(&app, outside).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{outside}");
            assert!(!body.contains("app"), "{outside}");
        }
    }

    #[tokio::test]
    async fn precompressed_copies_go_to_clients_that_accept_them() {
        let dir = site();
        fs::write(dir.path().join("app.wasm.br"), b"brotli").unwrap();
        let app = router_with(dir.path(), "/", true);
        let request = |encoding: &'static str| {
            HttpRequest::get("/app.wasm")
                .header(header::ACCEPT_ENCODING, encoding)
                .body(Body::empty())
                .unwrap()
        };
        let response = app.clone().oneshot(request("gzip, br")).await.unwrap();
        assert_eq!(response.headers()[header::CONTENT_ENCODING], "br");
        assert_eq!(response.headers()[header::CONTENT_TYPE], "application/wasm");
        let response = app.clone().oneshot(request("gzip")).await.unwrap();
        assert!(response.headers().get(header::CONTENT_ENCODING).is_none());
        // Off by default: the tests see files as they are.
        let response = router(dir.path(), "/")
            .oneshot(request("br"))
            .await
            .unwrap();
        assert!(response.headers().get(header::CONTENT_ENCODING).is_none());
    }

    #[tokio::test]
    async fn no_escape_from_the_folder() {
        let dir = site();
        let app = router(&dir.path().join("docs"), "/");
        let (status, _, _, _) = get(&app, "/../index.html").await;
        assert_ne!(status, StatusCode::OK);
    }
}
