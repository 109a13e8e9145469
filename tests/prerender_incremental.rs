//! `nianbao-prerender --incremental` on the shipped data set: a rebuild renders again only the
//! pages whose inputs changed, and the site it leaves is the one a full render makes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use nianbao::prerender::RenderState;
use serde_json::Value;

/// The repository's root.
fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A site to render into (a folder in a temporary one, which also holds the record the
/// pre-render keeps beside the site): the page template and a copy of `data`.
struct Site {
    _dir: tempfile::TempDir,
    dist: PathBuf,
}

fn new_site(data: &Path) -> Site {
    let dir = tempfile::tempdir().unwrap();
    let dist = dir.path().join("site");
    std::fs::create_dir(&dist).unwrap();
    std::fs::copy(root().join("index.html"), dist.join("index.html")).unwrap();
    copy_dir(data, &dist.join("data"));
    Site { _dir: dir, dist }
}

fn shipped_data() -> PathBuf {
    root().join("public/data")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&path, to.join(entry.file_name())).unwrap();
        }
    }
}

/// Runs the pre-render on `dist` and returns its JSON line and what it printed to stderr.
fn prerender(dist: &Path, incremental: bool) -> (Value, String) {
    prerender_in(dist, incremental, None)
}

/// `prerender`, its agencies rendered `per_process` to a worker process when given.
fn prerender_in(dist: &Path, incremental: bool, per_process: Option<usize>) -> (Value, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_nianbao-prerender"));
    cmd.arg(dist).arg("--json").env("TRUNK_PUBLIC_URL", "/");
    if let Some(n) = per_process {
        cmd.env("NIANBAO_PRERENDER_AGENCIES_PER_PROCESS", n.to_string());
    }
    if incremental {
        cmd.arg("--incremental");
    }
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    (
        serde_json::from_str(stdout.lines().last().unwrap()).unwrap(),
        stderr,
    )
}

/// Every page and sitemap under `dist`, by path.
fn pages(dist: &Path) -> BTreeMap<PathBuf, String> {
    let mut found = BTreeMap::new();
    let mut pending = vec![dist.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "html" || e == "xml") {
                let text = std::fs::read_to_string(&path).unwrap();
                found.insert(path.strip_prefix(dist).unwrap().to_path_buf(), text);
            }
        }
    }
    found
}

#[test]
fn a_rebuild_renders_only_what_changed_and_matches_a_full_render() {
    let site = new_site(&shipped_data());
    let dist = site.dist.as_path();
    let (first, _) = prerender(dist, true);
    let total = first["pages"].as_u64().unwrap();
    assert!(total > 100, "{first}");
    assert_eq!(
        first["rendered"], first["pages"],
        "a first run renders every page"
    );
    assert!(RenderState::file_for(dist).is_file());

    let (again, _) = prerender(dist, true);
    assert_eq!(again["rendered"], 0, "nothing changed: {again}");
    assert_eq!(again["pages"], first["pages"]);

    // One report edited: its body's pages are rendered again, nobody else's.
    let report = dist.join("data/pingtan-dishui/2013.json");
    let mut json: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let edited = format!("{}（测试改动）", json["intro"][0].as_str().unwrap());
    json["intro"][0] = Value::String(edited);
    std::fs::write(&report, serde_json::to_string_pretty(&json).unwrap()).unwrap();
    let (edit, _) = prerender(dist, true);
    let rendered = edit["rendered"].as_u64().unwrap();
    assert!(rendered > 0 && rendered < total / 4, "{edit}");
    let page = std::fs::read_to_string(dist.join("pingtan-dishui/2013/index.html")).unwrap();
    assert!(page.contains("（测试改动）"));

    // A page that went missing is written again.
    std::fs::remove_file(dist.join("shenyang-fgw/2017/s5/index.html")).unwrap();
    let (missing, _) = prerender(dist, true);
    assert!(missing["rendered"].as_u64().unwrap() > 0, "{missing}");
    assert!(dist.join("shenyang-fgw/2017/s5/index.html").is_file());

    // The same site rendered from nothing: every page is the same.
    let fresh = new_site(&dist.join("data"));
    prerender(&fresh.dist, false);
    assert_eq!(pages(dist), pages(&fresh.dist));
}

#[test]
fn an_unreadable_record_renders_every_page_and_says_so() {
    let site = new_site(&shipped_data());
    let dist = site.dist.as_path();
    std::fs::write(RenderState::file_for(dist), "{not json").unwrap();
    let (run, stderr) = prerender(dist, true);
    assert_eq!(run["rendered"], run["pages"]);
    assert!(
        stderr.contains("prerender-state.json") && stderr.contains("every page is rendered"),
        "{stderr}"
    );
    // The record is written anew: the next run renders nothing.
    assert_eq!(prerender(dist, true).0["rendered"], 0);
}

#[test]
fn agencies_rendered_by_worker_processes_make_the_same_site() {
    let in_one = new_site(&shipped_data());
    prerender(&in_one.dist, false);
    // One agency per worker: the shipped four take four workers.
    let in_workers = new_site(&shipped_data());
    let (run, _) = prerender_in(&in_workers.dist, true, Some(1));
    assert_eq!(run["rendered"], run["pages"], "{run}");
    assert!(run["peak_memory_mb"].as_u64().unwrap() > 0, "{run}");
    let site = pages(&in_workers.dist);
    assert_eq!(site, pages(&in_one.dist));
    // The workers' records are kept: a second run renders nothing.
    let (again, _) = prerender_in(&in_workers.dist, true, Some(1));
    assert_eq!(again["rendered"], 0, "{again}");
    assert_eq!(again["pages"], run["pages"]);
}
