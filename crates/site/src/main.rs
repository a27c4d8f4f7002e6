//! `showcase-site`: the showcase's static site from a release bundle and the website's
//! content, and the check of that content for the website's CI. See `--help`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use showcase_site::{build_site, BuildOptions, Content, DEFAULT_SITE_URL};

const USAGE: &str = "\
usage:
  showcase-site build [--website DIR [--facts FILE] | --feed FILE] [--out DIR]
                      [--base /adopters/] [--site-url https://karmada.io] [--bundle DIR]
                      [--frame-ancestors \"'self' https://other.example\"]
      Writes the complete static site (the app, the feed, every page in both languages, the
      sitemap, Netlify's _redirects and _headers for the base) into --out, or into the bundle
      itself without it. The members come from a
      karmada.io website checkout (--website), a feed file (--feed), or the bundle's own
      members.json. --bundle and --facts default to the `bundle/` and `facts.toml` beside
      this program, as the release archive lays them out.
  showcase-site check --website DIR [--facts FILE] [--format text|github]
      Reports every problem of the website's content as `file:line: message` (GitHub
      annotations with --format github); exits 1 when there are errors.
  showcase-site fill-host --host DIR
      After the host site's own build (DIR, served at the site's root): writes the list's
      first screen into each page's empty <div data-karmada-showcase-copy=\"/showcase/\">
      (README: the Docusaurus component), from the showcase site built into DIR/showcase/,
      so that it paints with the host page. Runs again after every build.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("build") => build(&args[1..]),
        Some("check") => check(&args[1..]),
        Some("fill-host") => fill_host(&args[1..]),
        Some("--help" | "-h" | "help") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => Err(format!("a command is needed\n{USAGE}")),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("showcase-site: {message}");
            ExitCode::from(2)
        }
    }
}

fn build(args: &[String]) -> Result<ExitCode, String> {
    let flags = Flags::parse(
        args,
        &[
            "--bundle",
            "--website",
            "--facts",
            "--feed",
            "--out",
            "--base",
            "--site-url",
            "--frame-ancestors",
        ],
    )?;
    let content = match (flags.get("--website"), flags.get("--feed")) {
        (Some(_), Some(_)) => return Err("--website and --feed exclude one another".into()),
        (Some(checkout), None) => Content::Website {
            checkout: checkout.into(),
            facts: flags.path_or_beside_me("--facts", "facts.toml")?,
        },
        (None, Some(feed)) => Content::Feed(feed.into()),
        (None, None) => Content::Bundled,
    };
    let options = BuildOptions {
        bundle: flags.path_or_beside_me("--bundle", "bundle")?,
        out: flags.get("--out").map(PathBuf::from),
        content,
        base: flags.get("--base").map(String::from),
        site_url: flags
            .get("--site-url")
            .unwrap_or(DEFAULT_SITE_URL)
            .to_string(),
        frame_ancestors: flags
            .get("--frame-ancestors")
            .unwrap_or("'self'")
            .split_whitespace()
            .map(String::from)
            .collect(),
    };
    let started = Instant::now();
    let summary = build_site(&options)?;
    eprint!("{}", summary.report);
    println!(
        "showcase-site: {} members, {} pages, sitemap.xml and the feed written into {} in {} ms",
        summary.members,
        summary.pages,
        summary.site.display(),
        started.elapsed().as_millis()
    );
    Ok(ExitCode::SUCCESS)
}

fn check(args: &[String]) -> Result<ExitCode, String> {
    let flags = Flags::parse(args, &["--website", "--facts", "--format"])?;
    let checkout = flags.get("--website").ok_or("check needs --website DIR")?;
    let format = match flags.get("--format").unwrap_or("text") {
        "text" => feedgen::Format::Text,
        "github" => feedgen::Format::Github,
        other => return Err(format!("--format {other:?}: text or github")),
    };
    let facts = flags.path_or_beside_me("--facts", "facts.toml")?;
    let outcome = feedgen::build(checkout.as_ref(), &facts, None);
    print!("{}", outcome.report.render(format));
    eprintln!(
        "showcase-site check: {} errors, {} warnings",
        outcome.report.errors(),
        outcome.report.warnings()
    );
    Ok(if outcome.report.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn fill_host(args: &[String]) -> Result<ExitCode, String> {
    let flags = Flags::parse(args, &["--host"])?;
    let host = flags.get("--host").ok_or("fill-host needs --host DIR")?;
    let started = Instant::now();
    let filled = showcase_site::host::fill_host(host.as_ref())?;
    println!(
        "showcase-site: the first screen written into {} places in {} pages of {host} in {} ms",
        filled.copies,
        filled.pages,
        started.elapsed().as_millis()
    );
    Ok(ExitCode::SUCCESS)
}

/// `--name value` and `--name=value` pairs, each name at most once.
struct Flags(Vec<(String, String)>);

impl Flags {
    fn parse(args: &[String], known: &[&str]) -> Result<Flags, String> {
        let mut found: Vec<(String, String)> = Vec::new();
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            let (name, value) = match arg.split_once('=') {
                Some((name, value)) => (name.to_string(), value.to_string()),
                None => {
                    let value = rest.next().ok_or(format!("{arg} wants a value"))?;
                    (arg.clone(), value.clone())
                }
            };
            if !known.contains(&name.as_str()) {
                return Err(format!("unknown argument `{name}`\n{USAGE}"));
            }
            if found.iter().any(|(seen, _)| *seen == name) {
                return Err(format!("{name} is given twice"));
            }
            found.push((name, value));
        }
        Ok(Flags(found))
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(seen, _)| seen == name)
            .map(|(_, value)| value.as_str())
    }

    /// The flag's path, else `default` beside this program (the release archive's layout).
    fn path_or_beside_me(&self, name: &str, default: &str) -> Result<PathBuf, String> {
        if let Some(path) = self.get(name) {
            return Ok(path.into());
        }
        let me = std::env::current_exe().map_err(|e| format!("where am I? {e}"))?;
        let beside = me.parent().map(|dir| dir.join(default));
        match beside {
            Some(path) if path.exists() => Ok(path),
            // In a checkout of this project: its own facts file.
            _ if name == "--facts" && PathBuf::from(feedgen::DEFAULT_FACTS).exists() => {
                Ok(feedgen::DEFAULT_FACTS.into())
            }
            _ => Err(format!(
                "{name} is needed (no {default} beside this program)"
            )),
        }
    }
}
