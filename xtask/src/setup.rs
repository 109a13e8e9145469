//! Installs what building, serving and testing need, skipping what is already there.
//!
//! Only package registries are used: rustup's targets, crates.io (`cargo install`), npm and
//! Debian. Trunk is configured `offline` (Trunk.toml), so it never downloads tools itself: each
//! tool must be on PATH at the version Trunk.toml names.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::SystemTime;

use crate::proc::{self, cargo};

pub const TRUNK_VERSION: &str = "0.21.14";
/// Formats the `view!` blocks that rustfmt leaves alone (the test command's fmt step).
pub const LEPTOSFMT_VERSION: &str = "0.1.33";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Debian packages for the browser tests: the browser, its driver, and fonts so that Chinese
/// text renders in screenshots instead of boxes.
pub const BROWSER_DEBS: &[&str] = &["chromium", "chromium-driver", "fonts-noto-cjk"];
/// Debian packages the build itself needs: the CJK font the share cards are drawn with.
pub const BUILD_DEBS: &[&str] = &["fonts-noto-cjk"];

/// Everything `serve` needs; with `browser`, also what the browser tests need.
pub fn ensure(root: &Path, browser: bool) -> Result<(), String> {
    ensure_node()?;
    ensure_wasm_target()?;
    ensure_trunk()?;
    ensure_wasm_bindgen(root)?;
    ensure_npm_packages(root)?;
    ensure_wasm_opt(root)?;
    ensure_debs(BUILD_DEBS)?;
    if browser {
        ensure_debs(BROWSER_DEBS)?;
    }
    // Trunk passes --offline to cargo: the crates must be here before it builds.
    proc::run(cargo().arg("fetch").arg("--quiet"))
}

fn ok(what: &str) {
    println!("ok: {what}");
}

fn step(what: &str) {
    println!("==> {what}");
}

fn ensure_node() -> Result<(), String> {
    let version = proc::output("node", &["--version"])
        .ok_or("Node.js is missing: install Node.js 20 or newer with npm (see README.md)")?;
    let major: u32 = version
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|m| m.parse().ok())
        .unwrap_or(0);
    if major < 20 {
        return Err(format!(
            "Node.js {version} is too old: 20 or newer is needed"
        ));
    }
    if proc::output("npm", &["--version"]).is_none() {
        return Err("npm is missing: install it with Node.js (see README.md)".into());
    }
    ok(&format!("node {version}"));
    Ok(())
}

fn ensure_wasm_target() -> Result<(), String> {
    let installed = proc::output("rustup", &["target", "list", "--installed"])
        .ok_or("rustup is missing: install Rust with rustup (see README.md)")?;
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        ok(&format!("rust target {WASM_TARGET}"));
        return Ok(());
    }
    step(&format!("adding the Rust target {WASM_TARGET}"));
    proc::run(Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

fn ensure_trunk() -> Result<(), String> {
    let want = format!("trunk {TRUNK_VERSION}");
    if proc::output("trunk", &["--version"]).as_deref() == Some(want.as_str()) {
        ok(&want);
        return Ok(());
    }
    step(&format!(
        "installing {want} from crates.io (takes about 8 minutes)"
    ));
    proc::run(cargo().args(["install", "--locked", "trunk", "--version", TRUNK_VERSION]))
}

/// The `view!` formatter, for the test command's fmt step.
pub fn ensure_leptosfmt() -> Result<(), String> {
    let want = format!("leptosfmt {LEPTOSFMT_VERSION}");
    if proc::output("leptosfmt", &["--version"]).as_deref() == Some(want.as_str()) {
        ok(&want);
        return Ok(());
    }
    step(&format!(
        "installing {want} from crates.io (takes about 2 minutes)"
    ));
    proc::run(cargo().args([
        "install",
        "--locked",
        "leptosfmt",
        "--version",
        LEPTOSFMT_VERSION,
    ]))
}

fn ensure_wasm_bindgen(root: &Path) -> Result<(), String> {
    let lock = read(&root.join("Cargo.lock"))?;
    let version = locked_version(&lock, "wasm-bindgen")
        .ok_or("Cargo.lock has no wasm-bindgen package: run `cargo fetch`")?;
    let trunk_toml = read(&root.join("Trunk.toml"))?;
    if let Some(pinned) = toml_string(&trunk_toml, "wasm_bindgen") {
        if pinned != version {
            return Err(format!(
                "Trunk.toml pins wasm_bindgen = \"{pinned}\" but Cargo.lock has wasm-bindgen \
                 {version}: make them equal (and pin the crate with `=`)"
            ));
        }
    }
    let want = format!("wasm-bindgen {version}");
    if proc::output("wasm-bindgen", &["--version"]).as_deref() == Some(want.as_str()) {
        ok(&want);
        return Ok(());
    }
    step(&format!(
        "installing wasm-bindgen-cli {version} from crates.io (takes about 2 minutes)"
    ));
    // Not --locked: the CLI's own lock file pins a crate version that the registry may lack.
    proc::run(cargo().args(["install", "wasm-bindgen-cli", "--version", &version]))
}

fn ensure_npm_packages(root: &Path) -> Result<(), String> {
    let lock = root.join("package-lock.json");
    // npm writes node_modules/.package-lock.json on every install: older than the manifests
    // means the manifests changed since.
    let installed = mtime(&root.join("node_modules").join(".package-lock.json"));
    let newest_manifest = [mtime(&root.join("package.json")), mtime(&lock)]
        .into_iter()
        .flatten()
        .max();
    let fresh = match (installed, newest_manifest) {
        (Some(installed), Some(manifest)) => installed >= manifest,
        _ => false,
    };
    if fresh {
        ok("node_modules");
        return Ok(());
    }
    if lock.exists() {
        step("installing npm packages (package-lock.json)");
        proc::run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]))
    } else {
        step("installing npm packages (no package-lock.json yet)");
        proc::run(Command::new("npm").args(["install", "--no-audit", "--no-fund"]))
    }
}

/// Trunk runs the first wasm-opt on PATH; it must be npm's binaryen at the version Trunk.toml
/// names (`version_132`).
fn ensure_wasm_opt(root: &Path) -> Result<(), String> {
    let trunk_toml = read(&root.join("Trunk.toml"))?;
    let wanted = toml_string(&trunk_toml, "wasm_opt").unwrap_or_default();
    let local = root.join("node_modules").join(".bin").join("wasm-opt");
    let version = proc::output(&local.to_string_lossy(), &["--version"]).ok_or(
        "node_modules/.bin/wasm-opt is missing: package.json must list binaryen (never use \
         Debian's binaryen)",
    )?;
    if !wanted.is_empty() && !version.contains(&format!("({wanted})")) {
        return Err(format!(
            "Trunk.toml wants wasm_opt = \"{wanted}\" but npm's binaryen is `{version}`"
        ));
    }
    ok(&version);
    Ok(())
}

fn ensure_debs(packages: &[&str]) -> Result<(), String> {
    let missing: Vec<&str> = packages
        .iter()
        .copied()
        .filter(|package| !deb_installed(package))
        .collect();
    if missing.is_empty() {
        ok(&packages.join(", "));
        return Ok(());
    }
    step(&format!(
        "installing Debian packages: {}",
        missing.join(" ")
    ));
    let sudo = !is_root();
    let apt = |args: &[&str]| {
        let mut cmd = if sudo {
            let mut cmd = Command::new("sudo");
            cmd.arg("apt-get");
            cmd
        } else {
            Command::new("apt-get")
        };
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        cmd
    };
    proc::run(&mut apt(&["update", "-q"]))?;
    let mut install = apt(&["install", "-y", "-q"]);
    install.args(&missing);
    proc::run(&mut install)
}

fn deb_installed(package: &str) -> bool {
    proc::output("dpkg-query", &["-W", "-f=${db:Status-Abbrev}", package])
        .is_some_and(|status| status.starts_with("ii"))
}

fn is_root() -> bool {
    proc::output("id", &["-u"]).as_deref() == Some("0")
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn mtime(path: &Path) -> Option<SystemTime> {
    fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// The version of the first package called `name` in a Cargo.lock.
pub fn locked_version(lock: &str, name: &str) -> Option<String> {
    let wanted = format!("name = \"{name}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == wanted {
            let version = lines.next()?.trim().strip_prefix("version = ")?;
            return Some(version.trim_matches('"').to_owned());
        }
    }
    None
}

/// The string value of `key = "..."` in a small TOML file (Trunk.toml's `[tools]`).
pub fn toml_string(text: &str, key: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let (k, v) = line.split_once('=')?;
        if k.trim() != key {
            return None;
        }
        let v = v.split('#').next()?.trim();
        Some(v.trim_matches('"').to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_locked_version() {
        let lock = "[[package]]\nname = \"wasm-bindgen-macro\"\nversion = \"0.1.0\"\n\n\
                    [[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n";
        assert_eq!(
            locked_version(lock, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(locked_version(lock, "trunk"), None);
    }

    #[test]
    fn reads_trunk_tool_pins() {
        let toml = "[tools]\nwasm_bindgen = \"0.2.130\"\nwasm_opt = \"version_132\" # npm\n";
        assert_eq!(
            toml_string(toml, "wasm_bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(
            toml_string(toml, "wasm_opt").as_deref(),
            Some("version_132")
        );
        assert_eq!(toml_string(toml, "wasm"), None);
    }

    #[test]
    fn the_repo_pins_agree() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let lock = read(&root.join("Cargo.lock")).unwrap();
        let trunk = read(&root.join("Trunk.toml")).unwrap();
        assert_eq!(
            locked_version(&lock, "wasm-bindgen"),
            toml_string(&trunk, "wasm_bindgen"),
            "Trunk.toml [tools] wasm_bindgen must equal Cargo.lock's wasm-bindgen"
        );
    }
}
