//! `nianbao-prerender [DIST] [--incremental] [--json]`: writes a static page for every route
//! of the data set into the built site, plus `404.html` (the app, for addresses no page exists
//! for) and `sitemap.xml`. Trunk runs it after each build (Trunk.toml); DIST defaults to
//! Trunk's `TRUNK_STAGING_DIR`.
//!
//! `--incremental` (a site rendered again in place, as `cargo xtask scale` does): the
//! digests of what each part was rendered from are kept in `DIST.prerender-state.json`, and
//! a part whose inputs, program and template are unchanged is not rendered again.
//!
//! Beyond `AGENCIES_PER_PROCESS` agencies (`NIANBAO_PRERENDER_AGENCIES_PER_PROCESS` to set
//! another), each batch of agencies is rendered by a worker process, this program run with
//! `--agencies=FROM-TO`, which prints its record as JSON for the first to keep.
//!
//! `--discard-after-sync` (`cargo xtask scale --discard`, a run larger than the disk): the
//! pages of every worker's batch but the first are synced to the disk, counted and deleted
//! while the next batch renders, so the run writes every page as a build that keeps them does.
//!
//! The site's origin for canonical and Open Graph addresses comes from `NIANBAO_SITE_ORIGIN`
//! (default `http://127.0.0.1:8080`); its base path from Trunk's `TRUNK_PUBLIC_URL`.

#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
        agency_paths, output_file, prepare_templates, render_page, site_paths, sitemaps, DataSet,
        RenderState, SectionCache,
    };
    use nianbao::site::SiteBase;
    use std::path::PathBuf;

    let flag = |name: &str| std::env::args().any(|a| a == name);
    let (json, incremental) = (flag("--json"), flag("--incremental"));
    let discard = flag("--discard-after-sync");
    if discard && incremental {
        return Err(
            "--discard-after-sync cannot be --incremental: the record would list deleted pages"
                .into(),
        );
    }
    let batch = agencies_arg()?;
    let dist: PathBuf = std::env::args_os()
        .skip(1)
        .find(|a| !a.to_string_lossy().starts_with("--"))
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR"))
        .map(PathBuf::from)
        .ok_or("usage: nianbao-prerender DIST [--incremental] [--json] (DIST: the built site's folder)")?;
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
    if batch.is_none() {
        write(&dist.join("404.html"), &nianbao::csp::with_policy(&index))?;
    }

    // The page's own files by their address (under the site's base path, in `dist`).
    let read_asset = |href: &str| {
        let file = href.strip_prefix(base_path.as_str()).unwrap_or(href);
        read(dist.join(file.trim_start_matches('/')))
    };
    let templates = prepare_templates(&index, read_asset)?.map(nianbao::csp::with_policy)?;
    let data = DataSet::open(&dist)?;

    // --incremental: pages whose inputs are as the last run saw them stay as they are.
    let state_file = incremental.then(|| RenderState::file_for(&dist));
    let renderer = renderer_digest(&templates, &origin, &base_path);
    let earlier = match state_file.as_deref().map(RenderState::load) {
        Some(Ok(state)) => state,
        Some(Err(e)) => {
            eprintln!("nianbao-prerender: {e}: not read, every page is rendered");
            None
        }
        None => None,
    };
    let kept = |key: &str, digest: &str| {
        earlier
            .as_ref()
            .and_then(|state| state.unchanged(&renderer, key, digest, &dist))
            .map(<[String]>::to_vec)
    };

    let render = |preloaded: &nianbao::data::Preloaded, paths: &[String]| {
        // Per call: each thread renders its own agencies' pages.
        let sections = SectionCache::default();
        for path in paths {
            write(
                &output_file(&dist, path),
                &render_page(&templates, &base, preloaded, &sections, path),
            )?;
        }
        Ok::<usize, String>(paths.len())
    };
    // The agencies' pages, one agency at a time per thread: memory holds a few agencies'
    // reports, not the data set's.
    let agencies: Vec<&str> = data.agencies().collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let render_agencies = |range: std::ops::Range<usize>| -> Result<Vec<Part>, String> {
        let next = std::sync::atomic::AtomicUsize::new(range.start);
        let written: Vec<Result<Vec<Part>, String>> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|_| {
                    scope.spawn(|| {
                        let mut mine = Vec::new();
                        loop {
                            let at = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            if at >= range.end {
                                return Ok(mine);
                            }
                            let sources = data.agency_sources(agencies[at])?;
                            let (pages, rendered) = match kept(agencies[at], &sources.digest) {
                                Some(pages) => (pages, 0),
                                None => {
                                    let preloaded = data.agency(&sources)?;
                                    let pages = agency_paths(&preloaded);
                                    let rendered = render(&preloaded, &pages)?;
                                    (pages, rendered)
                                }
                            };
                            mine.push(Part {
                                at,
                                digest: sources.digest,
                                pages,
                                rendered,
                            });
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
        let mut parts = Vec::new();
        for mine in written {
            parts.extend(mine?);
        }
        Ok(parts)
    };
    if let Some(range) = batch {
        // A worker process (see `AGENCIES_PER_PROCESS`): its agencies' pages, and the record
        // of them for the process that started it.
        let parts = render_agencies(range.start..range.end.min(agencies.len()))?;
        let batch = Batch {
            parts,
            peak_memory_mb: peak_memory_mb().unwrap_or_default(),
        };
        println!(
            "{}",
            serde_json::to_string(&batch).map_err(|e| e.to_string())?
        );
        return Ok(());
    }
    let mut now = RenderState::new(renderer.clone());
    let mut rendered = 0;
    let site_digest = data.site_digest()?;
    let mut paths = match kept("site", &site_digest) {
        Some(paths) => paths,
        None => {
            let site = data.site()?;
            let paths = site_paths(&site);
            rendered += render(&site, &paths)?;
            paths
        }
    };
    now.record("site", site_digest, paths.clone());

    let per_process = std::env::var("NIANBAO_PRERENDER_AGENCIES_PER_PROCESS")
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or(AGENCIES_PER_PROCESS)
        .max(1);
    let mut workers_peak_mb = 0;
    let mut discarded = Discarded::default();
    let mut parts = if agencies.len() <= per_process {
        render_agencies(0..agencies.len())?
    } else {
        let program = std::env::current_exe().map_err(|e| format!("this program's path: {e}"))?;
        let mut parts = Vec::new();
        let mut to_discard = Vec::new();
        for from in (0..agencies.len()).step_by(per_process) {
            let to = (from + per_process).min(agencies.len());
            let mut worker = std::process::Command::new(&program);
            worker.arg(&dist).arg(format!("--agencies={from}-{to}"));
            if incremental {
                worker.arg("--incremental");
            }
            let running = worker
                .stderr(std::process::Stdio::inherit())
                .stdout(std::process::Stdio::piped())
                .spawn()
                .map_err(|e| format!("{}: {e}", program.display()))?;
            // The last batch's pages go while this one renders, as a build's writes reach the
            // disk while it renders on.
            discarded.remove(&dist, std::mem::take(&mut to_discard))?;
            let output = running
                .wait_with_output()
                .map_err(|e| format!("{}: {e}", program.display()))?;
            if !output.status.success() {
                return Err(format!(
                    "rendering agencies {from} to {to} failed ({})",
                    output.status
                ));
            }
            let batch: Batch = serde_json::from_slice(&output.stdout)
                .map_err(|e| format!("rendering agencies {from} to {to}: {e}"))?;
            workers_peak_mb = workers_peak_mb.max(batch.peak_memory_mb);
            if discard && from > 0 {
                to_discard = batch.parts.iter().flat_map(|p| p.pages.clone()).collect();
            }
            parts.extend(batch.parts);
        }
        discarded.remove(&dist, to_discard)?;
        parts
    };
    // In catalog order, whichever thread rendered them.
    parts.sort_unstable_by_key(|part| part.at);
    for part in parts {
        rendered += part.rendered;
        paths.extend(part.pages.iter().cloned());
        now.record(agencies[part.at], part.digest, part.pages);
    }
    let mut removed = 0;
    if let Some(state_file) = &state_file {
        for page in earlier
            .iter()
            .flat_map(|earlier| now.dropped_since(earlier))
        {
            if std::fs::remove_file(output_file(&dist, page)).is_ok() {
                removed += 1;
            }
        }
        now.save(state_file)?;
    }
    for (file, xml) in sitemaps(&base, &paths) {
        write(&dist.join(file), &xml)?;
    }
    let elapsed = started.elapsed();
    let peak_mb = peak_memory_mb().map(|mb| mb.max(workers_peak_mb));
    if json {
        // For `cargo xtask scale`.
        println!(
            "{{\"pages\":{},\"rendered\":{rendered},\"removed\":{removed},\"seconds\":{:.3},\"threads\":{threads},\"peak_memory_mb\":{},\"discarded_pages\":{},\"discarded_bytes\":{}}}",
            paths.len(),
            elapsed.as_secs_f64(),
            peak_mb.unwrap_or_default(),
            discarded.pages,
            discarded.bytes
        );
    }
    let unchanged = paths.len() - rendered;
    eprintln!(
        "nianbao-prerender: {} pages for {origin}{base_path} in {} ms ({rendered} rendered at {:.0} pages/s on {threads} threads{}; peak memory {})",
        paths.len(),
        elapsed.as_millis(),
        rendered as f64 / elapsed.as_secs_f64().max(1e-3),
        if incremental {
            format!(", {unchanged} unchanged, {removed} removed")
        } else {
            String::new()
        },
        peak_mb.map_or("unknown".into(), |mb| format!("{mb} MB")),
    );
    Ok(())
}

/// Agencies a process renders at most: beyond, each batch is rendered by a worker process of
/// its own (`--agencies=FROM-TO`). Leptos' router keeps about 10 KB of every page it renders
/// alive (an `Owner` held in a cycle through its route contexts, which forced cleanup does not
/// break), so one process rendering 454,069 pages peaked at 8.9 GB; a worker's leak ends with
/// it.
#[cfg(not(target_arch = "wasm32"))]
const AGENCIES_PER_PROCESS: usize = 100;

/// One agency's pages as rendered (or kept as they were), for the record.
#[cfg(not(target_arch = "wasm32"))]
#[derive(serde::Serialize, serde::Deserialize)]
struct Part {
    at: usize,
    digest: String,
    pages: Vec<String>,
    rendered: usize,
}

/// What a worker process prints: its agencies' parts and its peak memory.
#[cfg(not(target_arch = "wasm32"))]
#[derive(serde::Serialize, serde::Deserialize)]
struct Batch {
    parts: Vec<Part>,
    peak_memory_mb: u64,
}

/// `--discard-after-sync`: the pages written, synced to the disk and deleted.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Default)]
struct Discarded {
    pages: usize,
    bytes: u64,
}

#[cfg(not(target_arch = "wasm32"))]
impl Discarded {
    /// Deletes `pages` of the site in `dist`, and their folders once empty (an empty folder
    /// still takes a block of the disk).
    fn remove(&mut self, dist: &std::path::Path, pages: Vec<String>) -> Result<(), String> {
        if pages.is_empty() {
            return Ok(());
        }
        // On the disk first: the run pays for writing them, as a build that keeps them does.
        let synced = std::process::Command::new("sync")
            .status()
            .map_err(|e| format!("sync: {e}"))?;
        if !synced.success() {
            return Err(format!("sync failed ({synced})"));
        }
        for page in pages {
            let file = nianbao::prerender::output_file(dist, &page);
            let fail = |e: std::io::Error| format!("{}: {e}", file.display());
            self.bytes += file.metadata().map_err(fail)?.len();
            std::fs::remove_file(&file).map_err(fail)?;
            self.pages += 1;
            let mut folder = file.parent();
            while let Some(dir) = folder {
                if std::fs::remove_dir(dir).is_err() {
                    break; // not empty (or the site's own folder, which holds more)
                }
                folder = dir.parent();
            }
        }
        Ok(())
    }
}

/// `--agencies=FROM-TO`: the range of the catalog's agencies a worker process renders.
#[cfg(not(target_arch = "wasm32"))]
fn agencies_arg() -> Result<Option<std::ops::Range<usize>>, String> {
    let Some(arg) =
        std::env::args().find_map(|a| a.strip_prefix("--agencies=").map(str::to_string))
    else {
        return Ok(None);
    };
    let range = arg
        .split_once('-')
        .and_then(|(from, to)| Some(from.parse().ok()?..to.parse().ok()?));
    range
        .map(Some)
        .ok_or_else(|| format!("--agencies={arg}: expected FROM-TO, two numbers"))
}

/// What the pages are rendered with: this program (its file's size and time: a rebuilt
/// program is another renderer), the page templates and the site's address.
#[cfg(not(target_arch = "wasm32"))]
fn renderer_digest(
    templates: &nianbao::prerender::Templates,
    origin: &str,
    base_path: &str,
) -> String {
    let mut digest = nianbao::prerender::Digest::new();
    let program = std::env::current_exe()
        .and_then(|exe| exe.metadata().map(|m| (exe, m)))
        .map(|(exe, m)| format!("{} {} {:?}", exe.display(), m.len(), m.modified().ok()))
        .unwrap_or_default();
    digest.add("program", &program);
    for template in templates.texts() {
        digest.add("template", template);
    }
    digest.add("origin", origin);
    digest.add("base", base_path);
    digest.finish()
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
