//! `cargo xtask scale --bodies N --years Y`: the site built from a synthetic data set of N
//! invented bodies with Y reports each (the real 平潭 reports ingested again under invented
//! names, every one marked 合成测试数据), under `target/scale-N/`, never in `dist/`; then the
//! figures: ingest and pre-render time, pages, output bytes, peak memory, the catalog bytes a
//! cold load fetches, the search index. A table for people and one JSON line for tools.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use serde_json::{json, Value};

use crate::proc::{self, cargo};
use crate::serve::Background;
use crate::setup;
use crate::test::trunk_build;

#[derive(clap::Args)]
pub struct ScaleArgs {
    /// Invented bodies.
    #[arg(long, default_value_t = 100)]
    bodies: usize,
    /// Reports per body (the newest of 平潭's, at most 15).
    #[arg(long, default_value_t = 10)]
    years: usize,
    /// Skip the search index (its time grows fastest).
    #[arg(long)]
    no_search: bool,
    /// For a run larger than the disk: the pages of every 100 bodies but the first 100 are
    /// written, synced to the disk, counted and deleted (the first stay, for the cold-load
    /// figures and the brotli sample); no rebuild after one change (it needs the pages kept).
    #[arg(long)]
    discard: bool,
    /// Use the existing `dist/` as the app: no set-up, no build.
    #[arg(long)]
    no_build: bool,
    /// The cargo profile of the ingest and pre-render binaries: `tools` (optimised, for the
    /// figures) or `dev` (already built by the tests).
    #[arg(long, default_value = "tools")]
    profile: String,
}

impl ScaleArgs {
    /// `cargo xtask test`'s run: 100 bodies × 2 years on the app its build step made, with the
    /// binaries its unit step built. Without the search index: Pagefind over 10,000 pages
    /// takes a third of the step on CI's machine, and the build step has already indexed the
    /// real site; the README's figures come from runs by hand.
    pub fn ci() -> Self {
        ScaleArgs {
            bodies: 100,
            years: 2,
            no_search: true,
            discard: false,
            no_build: true,
            profile: "dev".into(),
        }
    }
}

/// The figures every run must have, as numbers: the JSON line parses and is complete, and the
/// home page's first load fetched the region index only.
pub fn check(figures: &Value) -> Result<(), String> {
    for key in [
        "reports",
        "ingest_s",
        "prerender_s",
        "pages",
        "rebuild_one_pages",
        "output_bytes",
        "output_brotli_bytes",
        "cold_catalog_bytes_home",
        "cold_catalog_bytes_body",
        "cold_catalog_bytes_section",
        "cold_catalog_bytes_checks",
        "cold_catalog_bytes_search",
    ] {
        if !figures[key].is_number() {
            return Err(format!("scale: figure {key} is missing from {figures}"));
        }
    }
    // Incremental: one changed report renders some pages again, not none and not all.
    let (again, pages) = (
        figures["rebuild_one_pages"].as_u64().unwrap_or(0),
        figures["pages"].as_u64().unwrap_or(0),
    );
    if again == 0 || again >= pages {
        return Err(format!(
            "scale: after one report changed the pre-render rendered {again} of {pages} pages again"
        ));
    }
    let line = figures.to_string();
    serde_json::from_str::<Value>(&line).map_err(|e| format!("scale: the JSON line: {e}"))?;
    Ok(())
}

/// The site's folder for N bodies.
pub fn site_dir(bodies: usize) -> PathBuf {
    PathBuf::from(format!("target/scale-{bodies}"))
}

pub fn run(root: &Path, args: &ScaleArgs) -> Result<Value, String> {
    let app = Path::new("dist");
    if !args.no_build {
        setup::ensure(root, true)?;
        trunk_build(app, "/")?;
    }
    let site = site_dir(args.bodies);
    if site.exists() {
        std::fs::remove_dir_all(&site).map_err(|e| format!("{}: {e}", site.display()))?;
    }
    // The pre-render's record of the last run (beside the site): this run starts from nothing.
    let _ = std::fs::remove_file(prerender_state(&site));
    copy_app(app, &site)?;

    // The tools at full speed (the release profile is the wasm's, tuned for size).
    proc::run(cargo().args([
        "build",
        "--profile",
        &args.profile,
        "-p",
        "nianbao-ingest",
        "--bin",
        "nianbao-ingest",
        "--bin",
        "nianbao-prerender",
        "-p",
        "nianbao",
    ]))?;
    // Cargo names the dev profile's folder `debug`.
    let folder = if args.profile == "dev" {
        "debug"
    } else {
        &args.profile
    };
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from);
    let bin = |name: &str| target.join(folder).join(name);
    let ingest = json_line(Command::new(bin("nianbao-ingest")).args([
        "scale".as_ref(),
        "--bodies".as_ref(),
        args.bodies.to_string().as_ref(),
        "--years".as_ref(),
        args.years.to_string().as_ref(),
        "--out".as_ref(),
        site.as_os_str(),
    ]))?;
    let prerender_run = |how: &str| {
        json_line(
            Command::new(bin("nianbao-prerender"))
                .arg(&site)
                .args([how, "--json"]),
        )
    };
    let newest = 2025;
    let (prerender, rebuild) = if args.discard {
        (prerender_run("--discard-after-sync")?, json!({}))
    } else {
        let prerender = prerender_run("--incremental")?;
        // The rebuild after one report changed: one synthetic report's text edited in place,
        // the pre-render run again on the same site.
        edit_one_report(&site.join(format!("data/synthetic-0/{newest}.json")))?;
        (prerender, prerender_run("--incremental")?)
    };

    let search_seconds = if args.no_search {
        None
    } else {
        let started = Instant::now();
        proc::run(
            Command::new("node")
                .arg("scripts/search-index.mjs")
                .arg(&site),
        )?;
        Some(started.elapsed().as_secs_f64())
    };
    let search_bytes = folder_bytes(&site.join("pagefind"));

    let server = Background::start(&site, "/")?;
    let years = ingest["reports"].as_u64().unwrap_or(0) / ingest["bodies"].as_u64().unwrap_or(1);
    let section = format!("/synthetic-0/{newest}/s3/");
    let sizes = json_line(
        Command::new("node")
            .arg("bench/scale.mjs")
            .env("SCALE_SITE", &site)
            .env("BASE_URL", &server.url)
            .env("SCALE_BODY", "synthetic-0")
            .env("SCALE_SECTION", &section)
            // Body 0's city: the largest check-up file that still holds its sub-regions'
            // bodies once there are enough of them (see `region_checks::WHOLE_REPORTS`).
            .env("SCALE_CHECKS", "/checks/synthetic-p0-c0/"),
    )?;
    drop(server);
    // What --discard deleted counts as output; its brotli at the kept pages' ratio.
    let kept_raw = sizes["raw"].as_f64().unwrap_or(0.0);
    let discarded_bytes = prerender["discarded_bytes"].as_f64().unwrap_or(0.0);
    let files =
        sizes["files"].as_u64().unwrap_or(0) + prerender["discarded_pages"].as_u64().unwrap_or(0);
    let brotli =
        sizes["brotli"].as_f64().unwrap_or(0.0) * (kept_raw + discarded_bytes) / kept_raw.max(1.0);

    let figures = json!({
        "bodies": args.bodies,
        "years": years,
        "reports": ingest["reports"],
        "ingest_s": ingest["seconds"],
        "ingest_peak_mb": ingest["peak_memory_mb"],
        "prerender_s": prerender["seconds"],
        "pages": prerender["pages"],
        "pages_per_s_per_core": per_core(&prerender),
        "prerender_peak_mb": prerender["peak_memory_mb"],
        "rebuild_one_s": rebuild["seconds"],
        "rebuild_one_pages": rebuild["rendered"],
        "discarded_pages": prerender["discarded_pages"],
        "files": files,
        "output_bytes": (kept_raw + discarded_bytes).round() as u64,
        "output_brotli_bytes": brotli.round() as u64,
        "brotli_sampled": sizes["brotli_sampled"] == true || discarded_bytes > 0.0,
        "search_s": search_seconds,
        "search_index_bytes": search_bytes,
        "cold_catalog_bytes_home": sizes["home"]["bytes"],
        "cold_catalog_bytes_body": sizes["body"]["bytes"],
        "cold_catalog_bytes_section": sizes["section"]["bytes"],
        "cold_catalog_files_section": sizes["section"]["files"],
        "cold_catalog_bytes_checks": sizes["checks"]["bytes"],
        "cold_catalog_bytes_search": sizes["search"]["bytes"],
    });
    print_table(&figures);
    println!("{figures}");
    Ok(figures)
}

/// Where the pre-render keeps its record of what it rendered from (`--incremental`): the
/// name `RenderState::file_for` gives it (xtask does not build the app crate, so it is not
/// called from here).
fn prerender_state(site: &Path) -> PathBuf {
    let mut name = site.as_os_str().to_owned();
    name.push(".prerender-state.json");
    PathBuf::from(name)
}

/// Changes one report's text as an edit by its body would: a sentence added to its first
/// paragraph (marked as synthetic, like everything in this site).
fn edit_one_report(file: &Path) -> Result<(), String> {
    let fail = |e: &dyn std::fmt::Display| format!("{}: {e}", file.display());
    let text = std::fs::read_to_string(file).map_err(|e| fail(&e))?;
    let mut report: Value = serde_json::from_str(&text).map_err(|e| fail(&e))?;
    let first = report["intro"]
        .get_mut(0)
        .and_then(|p| {
            p.as_str()
                .map(|p| format!("{p}（合成测试数据：改动一处。）"))
        })
        .ok_or_else(|| fail(&"no intro paragraph to edit"))?;
    report["intro"][0] = Value::String(first);
    let text = serde_json::to_string_pretty(&report).map_err(|e| fail(&e))?;
    std::fs::write(file, text).map_err(|e| fail(&e))
}

fn per_core(prerender: &Value) -> Value {
    let pages = prerender["pages"].as_f64().unwrap_or(0.0);
    let seconds = prerender["seconds"].as_f64().unwrap_or(0.0).max(1e-3);
    let threads = prerender["threads"].as_f64().unwrap_or(1.0).max(1.0);
    json!((pages / seconds / threads).round())
}

/// Runs a command whose last stdout line is JSON (its stderr shown as it comes) and reads it.
fn json_line(cmd: &mut Command) -> Result<Value, String> {
    let line = format!("{cmd:?}");
    println!("$ {line}");
    let out = cmd
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run {line}: {e}"))?;
    if !out.status.success() {
        return Err(format!("{line} failed ({})", out.status));
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    let last = stdout.lines().last().unwrap_or_default();
    serde_json::from_str(last)
        .map_err(|e| format!("{line}: its last line is not JSON ({e}): {last}"))
}

/// The built app without its data and pages: the files at the top and the folders of assets
/// (those with no page in them).
fn copy_app(app: &Path, site: &Path) -> Result<(), String> {
    let fail = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
    std::fs::create_dir_all(site).map_err(|e| fail(site, e))?;
    let entries = std::fs::read_dir(app).map_err(|e| {
        format!(
            "{}: {e} (build the site first: cargo xtask scale without --no-build)",
            app.display()
        )
    })?;
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if path.is_file() {
            std::fs::copy(&path, site.join(&name)).map_err(|e| fail(&path, e))?;
        } else if name != "data" && name != "pagefind" && !holds_a_page(&path) {
            copy_dir(&path, &site.join(&name))?;
        }
    }
    Ok(())
}

fn holds_a_page(dir: &Path) -> bool {
    walk(dir)
        .iter()
        .any(|f| f.file_name().is_some_and(|n| n == "index.html"))
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    for file in walk(from) {
        let relative = file.strip_prefix(from).map_err(|e| e.to_string())?;
        let target = to.join(relative);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::copy(&file, &target).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    Ok(())
}

fn folder_bytes(dir: &Path) -> u64 {
    walk(dir)
        .iter()
        .filter_map(|f| f.metadata().ok())
        .map(|m| m.len())
        .sum()
}

fn print_table(f: &Value) {
    let mb = |v: &Value| format!("{:.1} MB", v.as_f64().unwrap_or(0.0) / 1e6);
    let kb = |v: &Value| format!("{:.1} KB", v.as_f64().unwrap_or(0.0) / 1e3);
    let rows = [
        (
            "bodies × years",
            format!(
                "{} × {} = {} reports",
                f["bodies"], f["years"], f["reports"]
            ),
        ),
        (
            "ingest",
            format!("{} s, peak {} MB", f["ingest_s"], f["ingest_peak_mb"]),
        ),
        (
            "pre-render",
            format!(
                "{} s, {} pages ({} pages/s per core), peak {} MB",
                f["prerender_s"], f["pages"], f["pages_per_s_per_core"], f["prerender_peak_mb"]
            ),
        ),
        (
            "pre-render again after one report changed",
            if f["rebuild_one_pages"].is_null() {
                "not run (--discard)".into()
            } else {
                format!(
                    "{} s, {} pages rendered again",
                    f["rebuild_one_s"], f["rebuild_one_pages"]
                )
            },
        ),
        (
            "output",
            format!(
                "{} files, {} raw, {} brotli{}{}",
                f["files"],
                mb(&f["output_bytes"]),
                mb(&f["output_brotli_bytes"]),
                if f["brotli_sampled"] == true {
                    " (estimated from a sample)"
                } else {
                    ""
                },
                match f["discarded_pages"].as_u64() {
                    Some(n) if n > 0 => {
                        format!("; {n} of the pages written, synced and deleted (--discard)")
                    }
                    _ => String::new(),
                }
            ),
        ),
        (
            "search index",
            match f["search_s"].as_f64() {
                Some(s) => format!("{:.1} s, {}", s, mb(&f["search_index_bytes"])),
                None => "skipped (--no-search)".into(),
            },
        ),
        (
            "catalog data, cold load of /",
            kb(&f["cold_catalog_bytes_home"]),
        ),
        (
            "catalog data, cold load of a body's page",
            kb(&f["cold_catalog_bytes_body"]),
        ),
        (
            "catalog data, cold load of a section page",
            kb(&f["cold_catalog_bytes_section"]),
        ),
        (
            "catalog data, cold load of a city's check-up",
            kb(&f["cold_catalog_bytes_checks"]),
        ),
        (
            "catalog data, cold load of the search page",
            kb(&f["cold_catalog_bytes_search"]),
        ),
    ];
    println!("\n| figure | value |\n|---|---|");
    for (name, value) in rows {
        println!("| {name} | {value} |");
    }
    println!();
}
