//! `cargo xtask test`: every check and test, in order, with a summary at the end.
//!
//! A failing step does not stop the independent ones after it, so one run shows everything
//! that is wrong; steps that need a failed one (the browser tests need the build) are skipped.

use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use crate::proc::{self, cargo};
use crate::serve::Background;
use crate::setup;

/// Where the sub-path build goes (`trunk build --public-url /nianbao/`).
const SUBPATH_DIST: &str = "target/dist-subpath";
const SUBPATH_BASE: &str = "/nianbao/";

#[derive(clap::Args)]
pub struct TestArgs {
    /// Run only these steps (comma-separated; set-up always runs). Steps: fmt, clippy,
    /// clippy-wasm, unit, dataset, build, e2e, scale, build-subpath, e2e-subpath.
    #[arg(long, value_delimiter = ',')]
    only: Vec<String>,
}

const STEPS: &[&str] = &[
    "fmt",
    "clippy",
    "clippy-wasm",
    "unit",
    "dataset",
    "build",
    "e2e",
    "scale",
    "build-subpath",
    "e2e-subpath",
];

enum Outcome {
    Passed,
    Failed(String),
    Skipped(String),
}

struct Record {
    name: String,
    outcome: Outcome,
    took: Duration,
}

struct Runner {
    records: Vec<Record>,
    only: Vec<String>,
}

impl Runner {
    fn wanted(&self, name: &str) -> bool {
        // Set-up always runs: nothing else can work without it.
        name == "setup" || self.only.is_empty() || self.only.iter().any(|o| o == name)
    }

    fn failed(&self, name: &str) -> bool {
        self.records
            .iter()
            .any(|r| r.name == name && !matches!(r.outcome, Outcome::Passed))
    }

    /// Runs `f` as step `name` unless `--only` leaves it out.
    fn step(&mut self, name: &str, f: impl FnOnce() -> Result<(), String>) {
        if !self.wanted(name) {
            return;
        }
        println!("\n==> step {name}");
        let start = Instant::now();
        let outcome = match f() {
            Ok(()) => Outcome::Passed,
            Err(e) => {
                eprintln!("xtask: step {name} failed: {e}");
                Outcome::Failed(e)
            }
        };
        self.records.push(Record {
            name: name.to_owned(),
            outcome,
            took: start.elapsed(),
        });
    }

    fn skip(&mut self, name: &str, why: &str) {
        if self.wanted(name) {
            println!("\n==> step {name}: skipped ({why})");
            self.records.push(Record {
                name: name.to_owned(),
                outcome: Outcome::Skipped(why.to_owned()),
                took: Duration::ZERO,
            });
        }
    }

    fn summary(&self) -> ExitCode {
        println!("\n==> summary");
        let (mut passed, mut failed, mut skipped) = (0, 0, 0);
        for record in &self.records {
            let (word, detail) = match &record.outcome {
                Outcome::Passed => {
                    passed += 1;
                    ("ok", String::new())
                }
                Outcome::Failed(e) => {
                    failed += 1;
                    ("FAILED", format!("  {e}"))
                }
                Outcome::Skipped(why) => {
                    skipped += 1;
                    ("skipped", format!("  ({why})"))
                }
            };
            println!(
                "  {word:<8} {:<14} {:>8}{detail}",
                record.name,
                duration(record.took)
            );
        }
        // The closing line that CI reads: counts of steps.
        if skipped > 0 {
            println!("xtask: {passed} passed, {failed} failed, {skipped} skipped");
        } else {
            println!("xtask: {passed} passed, {failed} failed");
        }
        if failed == 0 && skipped == 0 {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        }
    }
}

pub fn run(root: &Path, args: TestArgs) -> ExitCode {
    if let Some(unknown) = args.only.iter().find(|o| !STEPS.contains(&o.as_str())) {
        eprintln!(
            "xtask: unknown step {unknown:?}; steps: {}",
            STEPS.join(", ")
        );
        return ExitCode::FAILURE;
    }
    let started = Instant::now();
    let mut runner = Runner {
        records: Vec::new(),
        only: args.only,
    };
    runner.step("setup", || {
        setup::ensure(root, true)?;
        setup::ensure_leptosfmt()
    });
    if runner.failed("setup") {
        return runner.summary();
    }

    if runner.wanted("e2e") || runner.wanted("e2e-subpath") {
        // Screenshots of this run only (failures leave FAILED-*.png there).
        let _ = std::fs::remove_dir_all(root.join("tests").join("artifacts"));
    }

    runner.step("fmt", || {
        proc::run(cargo().args(["fmt", "--all", "--check"]))?;
        // rustfmt leaves macro bodies alone; leptosfmt formats the `view!` blocks.
        proc::run(Command::new("leptosfmt").args(["--check", "src"]))
    });
    runner.step("clippy", || {
        proc::run(cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    });
    runner.step("clippy-wasm", || {
        proc::run(cargo().args([
            "clippy",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "nianbao",
            "--",
            "-D",
            "warnings",
        ]))
    });
    // --no-fail-fast: one failing crate's tests do not hide the others'.
    runner.step("unit", || {
        proc::run(cargo().args(["test", "--workspace", "--no-fail-fast"]))
    });
    runner.step("dataset", || {
        proc::run(cargo().args(["run", "-p", "nianbao-ingest", "--", "dataset", "--check"]))
    });

    let dist = Path::new("dist");
    runner.step("build", || trunk_build(dist, "/"));
    if runner.failed("build") {
        runner.skip("e2e", "the build failed");
    } else {
        runner.step("e2e", || e2e(dist, "/"));
    }
    // The scale build at its smallest, on the app just built: it runs, and its figures parse.
    if runner.failed("build") {
        runner.skip("scale", "the build failed");
    } else {
        runner.step("scale", || {
            let figures = crate::scale::run(root, &crate::scale::ScaleArgs::ci())?;
            crate::scale::check(&figures)
        });
    }

    let subpath = Path::new(SUBPATH_DIST);
    runner.step("build-subpath", || trunk_build(subpath, SUBPATH_BASE));
    if runner.failed("build-subpath") {
        runner.skip("e2e-subpath", "the sub-path build failed");
    } else {
        runner.step("e2e-subpath", || e2e(subpath, SUBPATH_BASE));
    }

    println!("\nxtask: total {}", duration(started.elapsed()));
    runner.summary()
}

/// `trunk build --release` into `dist`, for a site at `base` (`/` or `/sub/`).
pub fn trunk_build(dist: &Path, base: &str) -> Result<(), String> {
    let mut cmd = Command::new("trunk");
    cmd.args(["build", "--release"]);
    if dist != Path::new("dist") {
        cmd.arg("--dist").arg(dist);
    }
    if base != "/" {
        cmd.args(["--public-url", base]);
    }
    proc::run(&mut cmd)
}

/// The browser tests (`node --test tests/e2e/`) against `dist` served at `base`.
fn e2e(dist: &Path, base: &str) -> Result<(), String> {
    // `serve --base` rebuilds dist/ for a sub-path: testing it at the root would only time out.
    let index = std::fs::read_to_string(dist.join("index.html")).unwrap_or_default();
    if let Some(built) = base_href(&index) {
        if built != base {
            return Err(format!(
                "{} was built for {built}, not {base}: run the build step too",
                dist.display()
            ));
        }
    }
    let server = Background::start(dist, base)?;
    println!("serving {} at {}/", dist.display(), server.url);
    let result = proc::run(
        Command::new("node")
            // spec: readable in CI logs too, failures repeated at the end.
            .args(["--test", "--test-reporter=spec", "tests/e2e/"])
            .env("BASE_URL", &server.url)
            // The offline tests serve the build themselves (tests/e2e/static-server.mjs).
            .env("DIST_DIR", dist),
    );
    drop(server);
    result
}

/// The `href` of a page's `<base>` element, as Trunk writes it.
fn base_href(html: &str) -> Option<&str> {
    let start = html.find("<base href=\"")? + "<base href=\"".len();
    let len = html[start..].find('"')?;
    Some(&html[start..start + len])
}

fn duration(d: Duration) -> String {
    let secs = d.as_secs_f64();
    if secs < 60.0 {
        format!("{secs:.1}s")
    } else {
        format!("{}m{:02}s", d.as_secs() / 60, d.as_secs() % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_base_href() {
        assert_eq!(
            base_href("<head><base href=\"/nianbao/\" /></head>"),
            Some("/nianbao/")
        );
        assert_eq!(base_href("<head><base href=\"/\"/>"), Some("/"));
        assert_eq!(base_href("<head></head>"), None);
    }

    #[test]
    fn durations_read_well() {
        assert_eq!(duration(Duration::from_millis(1500)), "1.5s");
        assert_eq!(duration(Duration::from_secs(125)), "2m05s");
    }
}
