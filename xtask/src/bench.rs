//! `cargo xtask bench`: what a reader feels, measured. Builds the release site into its own
//! folder, serves it like a compressing static host, and runs `bench/bench.mjs`: transfer
//! sizes, Lighthouse (mobile) against a plain-HTML baseline of the same report text, in-browser
//! timings, and the budgets with PASS or FAIL. Not part of `cargo xtask test`: the figures are
//! noisy on a shared machine, so they are reported, never a reason to fail a build.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::proc;
use crate::serve::Background;
use crate::setup;
use crate::test::trunk_build;

/// The benchmark's own build (it adds compressed copies and baseline pages to it), so that it
/// never touches `dist/`.
const BENCH_DIST: &str = "target/dist-bench";

#[derive(clap::Args)]
pub struct BenchArgs {
    /// Lighthouse runs per page (and per baseline page); the table shows the median and spread.
    #[arg(long, default_value_t = 3)]
    runs: u32,
    /// Measure the existing `target/dist-bench` as it is: no set-up, no build.
    #[arg(long)]
    no_build: bool,
    /// Also write the table to this file (Markdown), e.g. for the README.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Measure only this part: `long-tasks` (the longest main-thread task on large data),
    /// `interactions` (INP of a contents-link click and a font-size change, CPU 4× slower) or
    /// `lighthouse` (each page's Lighthouse runs, with their long tasks and scripting).
    #[arg(long)]
    only: Option<String>,
}

pub fn run(root: &Path, args: BenchArgs) -> Result<(), String> {
    if args.runs == 0 {
        return Err("--runs must be at least 1".into());
    }
    let dist = Path::new(BENCH_DIST);
    if !args.no_build {
        // The browser too: Lighthouse and the timings drive Debian's Chromium.
        setup::ensure(root, true)?;
        trunk_build(dist, "/")?;
    }
    let server = Background::start_with(dist, "/", true)?;
    println!(
        "serving {} at {}/ (precompressed files)",
        dist.display(),
        server.url
    );
    let mut cmd = Command::new("node");
    cmd.arg("bench/bench.mjs")
        .env("BASE_URL", &server.url)
        .env("BENCH_DIST", dist)
        .env("BENCH_RUNS", args.runs.to_string());
    if let Some(out) = &args.out {
        cmd.env("BENCH_OUT", out);
    }
    if let Some(only) = &args.only {
        cmd.env("BENCH_ONLY", only);
    }
    let result = proc::run(&mut cmd);
    drop(server);
    result
}
