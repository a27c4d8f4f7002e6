//! `feedgen build` / `feedgen check`: see the crate README.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};
use feedgen::{build, export, gzip_len, is_timestamp, Format, DEFAULT_FACTS};
use members_feed::Lang;

#[derive(Parser)]
#[command(
    name = "feedgen",
    version,
    about = "Builds and checks the Karmada members feed"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build members.json from a karmada.io website checkout.
    Build {
        /// The website checkout (or a folder laid out like one).
        #[arg(long)]
        site: PathBuf,
        /// The facts file.
        #[arg(long, default_value = DEFAULT_FACTS)]
        facts: PathBuf,
        /// Where to write the feed.
        #[arg(long)]
        out: PathBuf,
        /// generatedAt (RFC 3339, e.g. 2025-10-16T00:00:00Z); default: the newest announcement date.
        #[arg(long)]
        generated_at: Option<String>,
    },
    /// Report every problem of the sources; exit 1 when there are errors.
    Check {
        #[arg(long)]
        site: PathBuf,
        #[arg(long, default_value = DEFAULT_FACTS)]
        facts: PathBuf,
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// List the sentences a member could be featured with, numbered and fingerprinted as the
    /// facts file's `[members.<id>.featured]` names them.
    Sentences {
        #[arg(long)]
        site: PathBuf,
        #[arg(long, default_value = DEFAULT_FACTS)]
        facts: PathBuf,
        /// The member's id.
        #[arg(long)]
        member: String,
    },
    /// Write a feed's members in another format (stdout, or --out).
    Export {
        /// The feed (members.json).
        #[arg(long, default_value = "public/members.json")]
        feed: PathBuf,
        /// adopters-md: the adopters table as karmada.io's adopters page writes it.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// en or zh.
        #[arg(long, default_value = "en")]
        lang: String,
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    AdoptersMd,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    Text,
    Github,
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Build {
            site,
            facts,
            out,
            generated_at,
        } => {
            if let Some(g) = &generated_at {
                if !is_timestamp(g) {
                    eprintln!("--generated-at {g:?} is not like 2025-10-16T00:00:00Z");
                    return ExitCode::from(2);
                }
            }
            let started = Instant::now();
            let outcome = build(&site, &facts, generated_at.as_deref());
            let json = outcome.json();
            if let Err(e) = std::fs::write(&out, &json) {
                eprintln!("{}: cannot write: {e}", out.display());
                return ExitCode::from(2);
            }
            eprint!("{}", outcome.report.render(Format::Text));
            eprintln!(
                "feedgen: {} members, {} errors, {} warnings; wrote {} ({} bytes, {} bytes gzip) in {} ms",
                outcome.feed.members.len(),
                outcome.report.errors(),
                outcome.report.warnings(),
                out.display(),
                json.len(),
                gzip_len(json.as_bytes()),
                started.elapsed().as_millis()
            );
            if outcome.report.has_errors() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Check {
            site,
            facts,
            format,
        } => {
            let outcome = build(&site, &facts, None);
            let format = match format {
                OutputFormat::Text => Format::Text,
                OutputFormat::Github => Format::Github,
            };
            print!("{}", outcome.report.render(format));
            eprintln!(
                "feedgen check: {} errors, {} warnings",
                outcome.report.errors(),
                outcome.report.warnings()
            );
            if outcome.report.has_errors() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Sentences {
            site,
            facts,
            member,
        } => {
            let outcome = build(&site, &facts, None);
            match outcome.quotable.get(&member) {
                Some(pages) => {
                    print!("{}", feedgen::build::sentence_listing(&member, pages));
                    ExitCode::SUCCESS
                }
                None => {
                    eprintln!(
                        "no member {member:?} in the feed built from {}",
                        site.display()
                    );
                    ExitCode::FAILURE
                }
            }
        }
        Command::Export {
            feed,
            format: ExportFormat::AdoptersMd,
            lang,
            out,
        } => {
            let Some(lang) = Lang::from_tag(&lang) else {
                eprintln!("--lang {lang:?}: en or zh");
                return ExitCode::from(2);
            };
            let text = match std::fs::read_to_string(&feed) {
                Ok(text) => text,
                Err(e) => {
                    eprintln!("{}: cannot read: {e}", feed.display());
                    return ExitCode::from(2);
                }
            };
            let members = match members_feed::parse_feed(&text) {
                Ok(validated) => validated.members,
                Err(e) => {
                    eprintln!("{}: {e}", feed.display());
                    return ExitCode::FAILURE;
                }
            };
            let table = export::adopters_markdown(&members, lang);
            match out {
                Some(out) => {
                    if let Err(e) = std::fs::write(&out, table) {
                        eprintln!("{}: cannot write: {e}", out.display());
                        return ExitCode::from(2);
                    }
                }
                None => print!("{table}"),
            }
            ExitCode::SUCCESS
        }
    }
}
