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
        agency_paths, output_file, prepare_template, render_page, site_paths, sitemaps, DataSet,
    };
    use nianbao::site::SiteBase;
    use std::path::PathBuf;

    let json = std::env::args().any(|a| a == "--json");
    let dist: PathBuf = std::env::args_os()
        .skip(1)
        .find(|a| a != "--json")
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
    let read = |path: PathBuf| {
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let mut index = read(dist.join("index.html"))?;
    // A site pre-rendered before (rendered again from other data, e.g. by `cargo xtask
    // scale`): its index.html is a page now, and 404.html holds the app as Trunk wrote it.
    if index.contains(&format!(
        "<div id=\"{}\">",
        nianbao::takeover::PRERENDERED_ID
    )) {
        index = nianbao::csp::without_policy(&read(dist.join("404.html"))?);
    }
    // Every page gets the Content-Security-Policy, with the hashes of its own inline scripts
    // (the pre-rendered pages' loader differs from the plain app's).
    // Unknown addresses get the plain app, which says what was not found.
    write(&dist.join("404.html"), &nianbao::csp::with_policy(&index))?;

    let template = nianbao::csp::with_policy(&prepare_template(&index)?);
    let data = DataSet::open(&dist)?;
    let render = |preloaded: &nianbao::data::Preloaded, paths: &[String]| {
        for path in paths {
            write(
                &output_file(&dist, path),
                &render_page(&template, &base, preloaded, path),
            )?;
        }
        Ok::<usize, String>(paths.len())
    };
    let site = data.site();
    let mut paths = site_paths(&site);
    render(&site, &paths)?;
    drop(site);

    // The agencies' pages, one agency at a time per thread: memory holds a few agencies'
    // reports, not the data set's.
    let agencies: Vec<&str> = data.agencies().collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    // Each thread's agencies: (catalog position, pages written).
    type Written = Result<Vec<(usize, Vec<String>)>, String>;
    let written: Vec<Written> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let at = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(id) = agencies.get(at) else {
                            return Ok(mine);
                        };
                        let preloaded = data.agency(id)?;
                        let agency_pages = agency_paths(&preloaded);
                        render(&preloaded, &agency_pages)?;
                        mine.push((at, agency_pages));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join()
                    .unwrap_or_else(|_| Err("a rendering thread failed".into()))
            })
            .collect()
    });
    // In catalog order, whichever thread rendered them.
    let mut by_agency = Vec::new();
    for pages in written {
        by_agency.extend(pages?);
    }
    by_agency.sort_unstable_by_key(|(at, _)| *at);
    paths.extend(by_agency.into_iter().flat_map(|(_, pages)| pages));
    for (file, xml) in sitemaps(&base, &paths) {
        write(&dist.join(file), &xml)?;
    }
    let elapsed = started.elapsed();
    if json {
        // For `cargo xtask scale`.
        println!(
            "{{\"pages\":{},\"seconds\":{:.3},\"threads\":{threads},\"peak_memory_mb\":{}}}",
            paths.len(),
            elapsed.as_secs_f64(),
            peak_memory_mb().unwrap_or_default()
        );
    }
    eprintln!(
        "nianbao-prerender: {} pages for {origin}{base_path} in {} ms ({:.0} pages/s on {threads} threads; peak memory {})",
        paths.len(),
        elapsed.as_millis(),
        paths.len() as f64 / elapsed.as_secs_f64().max(1e-3),
        peak_memory_mb().map_or("unknown".into(), |mb| format!("{mb} MB")),
    );
    Ok(())
}

/// The process's peak resident memory (Linux: VmHWM in /proc/self/status).
#[cfg(not(target_arch = "wasm32"))]
fn peak_memory_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb = status.lines().find_map(|l| l.strip_prefix("VmHWM:"))?;
    Some(
        kb.trim()
            .trim_end_matches("kB")
            .trim()
            .parse::<u64>()
            .ok()?
            / 1024,
    )
}

#[cfg(target_arch = "wasm32")]
fn main() {}
