//! `cargo xtask`: the project's task runner (the alias is in `.cargo/config.toml`).
//!
//! - `cargo xtask serve`: install what is missing, build the release site, serve it.
//! - `cargo xtask test`: the same set-up plus the browser, then every check and test (CI runs this).
//! - `cargo xtask bench`: sizes, Lighthouse against a plain-HTML baseline, timings, budgets.
//!
//! Everything it installs comes from package registries (crates.io, npm, Debian), so a fresh
//! machine needs only rustup/cargo, Node.js 20+ with npm, and root or sudo for apt-get.

mod bench;
mod proc;
mod scale;
mod serve;
mod setup;
mod test;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "cargo xtask", about = "Set up, build, serve and test nianbao")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Install what is missing, build the release site with Trunk and serve it like a static host.
    Serve(ServeArgs),
    /// Run every check and test: formatting, clippy, unit tests, data set, release build, browser tests.
    Test(test::TestArgs),
    /// Measure: transfer sizes, Lighthouse against a plain-HTML baseline, in-browser timings,
    /// budgets (PASS/FAIL). Not part of `test`.
    Bench(bench::BenchArgs),
    /// Build the site from a synthetic data set of N invented bodies (marked 合成测试数据,
    /// under target/scale-N/) and print its figures: times, pages, bytes, memory.
    Scale(scale::ScaleArgs),
    /// Only install what is missing.
    Setup {
        /// Also install Chromium, ChromeDriver and CJK fonts (Debian packages) for the browser tests.
        #[arg(long)]
        browser: bool,
    },
}

#[derive(clap::Args)]
struct ServeArgs {
    /// Port on 127.0.0.1.
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// The folder to serve (and to build into).
    #[arg(long, default_value = "dist")]
    dir: PathBuf,
    /// Serve the site under this path, as a host does for a project site (e.g. `/nianbao/`);
    /// the build then gets `--public-url` set to it.
    #[arg(long, default_value = "/")]
    base: String,
    /// Serve the folder as it is: no set-up, no build.
    #[arg(long)]
    no_build: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let root = repo_root();
    if let Err(e) = std::env::set_current_dir(&root) {
        eprintln!("xtask: cannot enter {}: {e}", root.display());
        return ExitCode::FAILURE;
    }
    proc::prepare_path(&root);
    let result = match cli.command {
        Command::Serve(args) => serve_command(&root, args),
        Command::Test(args) => return test::run(&root, args),
        Command::Bench(args) => bench::run(&root, args),
        Command::Scale(args) => scale::run(&root, &args).map(|_| ()),
        Command::Setup { browser } => setup::ensure(&root, browser),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn serve_command(root: &Path, args: ServeArgs) -> Result<(), String> {
    let base = serve::normalize_base(&args.base)?;
    if !args.no_build {
        setup::ensure(root, false)?;
        test::trunk_build(&args.dir, &base)?;
    }
    serve::serve_forever(&args.dir, &base, args.port)
}

/// The workspace root: xtask lives one folder below it.
fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask has a parent folder")
        .to_path_buf()
}
