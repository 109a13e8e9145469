//! `nianbao-prerender [DIST]`: writes a static page for every route of the data set into the
//! built site, plus `404.html` (the app, for addresses no page exists for) and `sitemap.xml`.
//! Trunk runs it after each build (Trunk.toml); DIST defaults to Trunk's `TRUNK_STAGING_DIR`.
//!
//! The site's origin for canonical and Open Graph addresses comes from `NIANBAO_SITE_ORIGIN`
//! (default `http://127.0.0.1:8080`); its base path from Trunk's `TRUNK_PUBLIC_URL`.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("nianbao-prerender: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn run() -> Result<(), String> {
    use nianbao::prerender::{
        load_data, output_file, page_paths, prepare_template, render_page, sitemap,
    };
    use nianbao::site::SiteBase;
    use std::path::PathBuf;

    let dist: PathBuf = std::env::args_os()
        .nth(1)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR"))
        .map(PathBuf::from)
        .ok_or("usage: nianbao-prerender DIST (the built site's folder)")?;
    let origin =
        std::env::var("NIANBAO_SITE_ORIGIN").unwrap_or_else(|_| "http://127.0.0.1:8080".into());
    let base_path = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".into());
    let base = SiteBase::new(&origin, &base_path);

    let started = std::time::Instant::now();
    let write = |path: &std::path::Path, contents: &str| {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()))
    };
    let index_path = dist.join("index.html");
    let index = std::fs::read_to_string(&index_path)
        .map_err(|e| format!("{}: {e}", index_path.display()))?;
    // Every page gets the Content-Security-Policy, with the hashes of its own inline scripts
    // (the pre-rendered pages' loader differs from the plain app's).
    // Unknown addresses get the plain app, which says what was not found.
    write(&dist.join("404.html"), &nianbao::csp::with_policy(&index))?;

    let template = nianbao::csp::with_policy(&prepare_template(&index)?);
    let data = load_data(&dist)?;
    let paths = page_paths(&data);
    for path in &paths {
        write(
            &output_file(&dist, path),
            &render_page(&template, &base, &data, path),
        )?;
    }
    write(&dist.join("sitemap.xml"), &sitemap(&base, &paths))?;
    eprintln!(
        "nianbao-prerender: {} pages for {origin}{base_path} in {} ms",
        paths.len(),
        started.elapsed().as_millis()
    );
    Ok(())
}

#[cfg(target_arch = "wasm32")]
fn main() {}
