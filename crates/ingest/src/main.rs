//! `nianbao-ingest`: published annual reports into nianbao report JSON.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use nianbao_ingest::{dataset, ingest_file_with_warnings, to_json, ReportMeta};

#[derive(Parser)]
#[command(name = "nianbao-ingest", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print one report's JSON.
    Report {
        /// The published report: an HTML page or its text.
        file: PathBuf,
        /// Agency id (default: the file's folder name).
        #[arg(long)]
        agency: Option<String>,
        /// Agency name (default: from the title).
        #[arg(long)]
        agency_name: Option<String>,
        /// Report year (default: from the title).
        #[arg(long)]
        year: Option<u16>,
        /// Address of the published original.
        #[arg(long)]
        source: Option<String>,
        /// The body's kind, which decides its deadline from report year 2019.
        #[arg(long, value_enum)]
        kind: Option<Kind>,
        /// Where the body stands, top down: `福建省:350000/福州市:350100` (codes optional).
        #[arg(long)]
        region: Option<String>,
    },
    /// Write a synthetic data set for measuring at scale (every name and title marked
    /// 合成测试数据): the newest YEARS of 平潭's reports, ingested again for each of BODIES
    /// invented bodies. Used by `cargo xtask scale`; never for `public/`.
    Scale {
        #[arg(long)]
        bodies: usize,
        #[arg(long)]
        years: usize,
        #[arg(long, default_value = "corpus")]
        corpus: PathBuf,
        /// The site root the data files go under (`OUT/data/…`).
        #[arg(long)]
        out: PathBuf,
    },
    /// Rebuild the shipped data set (catalog and every report) from the corpus.
    Dataset {
        #[arg(long, default_value = "corpus")]
        corpus: PathBuf,
        /// The site root the data files go under.
        #[arg(long, default_value = "public")]
        out: PathBuf,
        /// Write nothing; exit 1 if any shipped file differs from what the corpus gives.
        #[arg(long)]
        check: bool,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Kind {
    /// 人民政府
    Government,
    /// 部门
    Department,
    /// 其他
    Other,
}

impl From<Kind> for nianbao_model::BodyKind {
    fn from(kind: Kind) -> Self {
        match kind {
            Kind::Government => Self::Government,
            Kind::Department => Self::Department,
            Kind::Other => Self::Other,
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("nianbao-ingest: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The published original's address is shown as a link: only http(s) addresses are taken.
fn check_source(url: &str) -> Result<(), String> {
    let lower = url.trim().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !url.chars().any(char::is_control) => Ok(()),
        _ => Err(format!(
            "--source {url}: not an http(s) address (javascript:, data: and other schemes are refused)"
        )),
    }
}

fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Report {
            file,
            agency,
            agency_name,
            year,
            source,
            kind,
            region,
        } => {
            if let Some(url) = &source {
                check_source(url)?;
            }
            let region = match region {
                Some(spec) => nianbao_ingest::regions::parse_region(&spec)
                    .map_err(|e| format!("--region: {e}"))?,
                None => Vec::new(),
            };
            let meta = ReportMeta {
                agency_id: agency,
                agency_name,
                agency_kind: kind.map(Into::into),
                region,
                year,
                source_url: source,
                published: None,
            };
            let (report, warnings) =
                ingest_file_with_warnings(&file, &meta).map_err(|e| e.to_string())?;
            for warning in warnings {
                eprintln!("nianbao-ingest: {}: warning: {warning}", file.display());
            }
            print!("{}", to_json(&report));
            Ok(())
        }
        Command::Scale {
            bodies,
            years,
            corpus,
            out,
        } => {
            let public = PathBuf::from("public").canonicalize().ok();
            let target = std::fs::create_dir_all(&out)
                .and_then(|_| out.canonicalize())
                .map_err(|e| format!("{}: {e}", out.display()))?;
            if public.is_some_and(|public| target.starts_with(public)) {
                return Err("scale: a synthetic data set never goes into public/".into());
            }
            let run = nianbao_ingest::scale::generate(&corpus, &out, bodies, years)?;
            // One line the xtask reads, then words for a person.
            println!(
                "{{\"bodies\":{},\"reports\":{},\"files\":{},\"bytes\":{},\"seconds\":{:.3},\"threads\":{},\"peak_memory_mb\":{}}}",
                run.bodies,
                run.reports,
                run.files,
                run.bytes,
                run.seconds,
                run.threads,
                run.peak_memory_mb.unwrap_or_default()
            );
            eprintln!(
                "scale: {} reports of {} synthetic bodies ingested in {:.1} s ({:.0} reports/s on {} threads); {} files, {} MB under {}",
                run.reports,
                run.bodies,
                run.seconds,
                run.reports as f64 / run.seconds.max(1e-3),
                run.threads,
                run.files,
                run.bytes / 1_000_000,
                out.display()
            );
            Ok(())
        }
        Command::Dataset { corpus, out, check } => {
            let built = dataset::build_with_warnings(&corpus).map_err(|e| e.to_string())?;
            // One line per report and a total, for the maintainer; warnings in full below each.
            let (mut failed, mut warned) = (0, 0);
            for (source, report, warnings) in &built {
                eprintln!("{}", dataset::summary_line(source.file, report, warnings));
                for warning in warnings {
                    eprintln!("  warning: {warning}");
                }
                failed += report.checks.iter().filter(|c| !c.ok).count();
                warned += warnings.len();
            }
            let reports: Vec<_> = built.into_iter().map(|(_, report, _)| report).collect();
            let bodies = nianbao_model::Catalog::from_reports(&reports)
                .agencies
                .len();
            eprintln!(
                "total: {} reports of {bodies} bodies, {failed} failed checks, {warned} warnings",
                reports.len()
            );
            let files = dataset::files(&reports);
            let stale = dataset::stale_files(&out, &files);
            if check {
                if stale.is_empty() {
                    eprintln!("data set is up to date ({} files)", files.len());
                    return Ok(());
                }
                let list: Vec<_> = stale.iter().map(|p| p.display().to_string()).collect();
                return Err(format!(
                    "data set is stale: {} (run `cargo run -p nianbao-ingest -- dataset`)",
                    list.join(", ")
                ));
            }
            for (path, contents) in &files {
                let path = out.join(path);
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
                }
                std::fs::write(&path, contents).map_err(|e| format!("{}: {e}", path.display()))?;
            }
            eprintln!(
                "wrote {} files under {} ({} changed)",
                files.len(),
                out.display(),
                stale.len()
            );
            Ok(())
        }
    }
}
