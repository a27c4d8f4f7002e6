//! `cargo xtask test`: every check CI runs, in order, with test totals.

use std::env;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::{exit, Command, Stdio};
use std::time::{Duration, Instant};

use crate::args::flag_value;
use crate::dist::dist;
use crate::process::{cmd, describe, exit_text, run};
use crate::setup::{ensure_cargo_fuzz, setup, CHROMEDRIVER, WASM_TARGET};
use crate::Result;

/// How long each fuzz target runs in `cargo xtask test`.
const FUZZ_SECONDS_PER_TARGET: u64 = 20;
/// The whole fuzz step: building the targets from scratch takes most of it on a fresh machine.
const FUZZ_HARD_LIMIT: Duration = Duration::from_secs(15 * 60);
/// The sub-path the end-to-end tests serve the release build under (playwright.config.ts).
const E2E_BASE: &str = "/adopters/";
/// The Playwright test server's port (playwright.config.ts: E2E_PORT, default 4173).
const E2E_DEFAULT_PORT: u16 = 4173;
/// `cargo xtask test --only` keys, in the order the steps run.
const STEP_KEYS: [&str; 9] = [
    "fmt",
    "clippy",
    "clippy-wasm",
    "unit",
    "wasm",
    "fuzz",
    "dist",
    "release",
    "e2e",
];

#[derive(Default, Debug, PartialEq, Eq, Clone, Copy)]
pub(crate) struct Counts {
    passed: u64,
    failed: u64,
    skipped: u64,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.skipped += other.skipped;
    }
}

/// The number before `word` in `line` ("12 passed" → 12), if any.
pub(crate) fn number_before(line: &str, word: &str) -> Option<u64> {
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == ';' || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    words
        .windows(2)
        .find(|w| w[1] == word)
        .and_then(|w| w[0].parse().ok())
}

/// Reads test totals from a runner's output line:
/// cargo / wasm-bindgen-test: `test result: ok. 3 passed; 0 failed; 1 ignored; …`
/// Playwright (list reporter): `  12 passed (30.1s)`, `  1 failed`, `  2 skipped`, `  1 flaky`.
pub(crate) fn parse_counts(line: &str) -> Option<Counts> {
    let t = line.trim();
    if let Some(rest) = t.strip_prefix("test result:") {
        return Some(Counts {
            passed: number_before(rest, "passed").unwrap_or(0),
            failed: number_before(rest, "failed").unwrap_or(0),
            skipped: number_before(rest, "ignored").unwrap_or(0),
        });
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() >= 2 && words[0].parse::<u64>().is_ok() {
        let n: u64 = words[0].parse().ok()?;
        let rest_ok = words.len() == 2 || (words.len() == 3 && words[2].starts_with('('));
        if !rest_ok {
            return None;
        }
        return match words[1] {
            "passed" => Some(Counts {
                passed: n,
                ..Counts::default()
            }),
            "failed" | "flaky" | "interrupted" => Some(Counts {
                failed: n,
                ..Counts::default()
            }),
            "skipped" => Some(Counts {
                skipped: n,
                ..Counts::default()
            }),
            _ => None,
        };
    }
    None
}

/// Runs a command echoing its stdout line by line and summing the test totals it prints.
pub(crate) fn run_counting(mut c: Command, deadline: Option<Duration>) -> (Result, Counts) {
    let shown = describe(&c);
    println!("$ {shown}");
    c.stdout(Stdio::piped()).stdin(Stdio::null());
    let mut child = match c.spawn() {
        Ok(child) => child,
        Err(e) => {
            return (
                Err(format!("could not start `{shown}`: {e}")),
                Counts::default(),
            )
        }
    };
    let stdout = child.stdout.take().expect("piped stdout");
    let reader = std::thread::spawn(move || {
        let mut counts = Counts::default();
        let mut out = std::io::stdout();
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            let _ = writeln!(out, "{line}");
            if let Some(c) = parse_counts(&line) {
                counts.add(c);
            }
        }
        counts
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Ok(status),
            Ok(None) => {
                if deadline.is_some_and(|d| started.elapsed() > d) {
                    let _ = child.kill();
                    let _ = child.wait();
                    break Err(format!(
                        "`{shown}` ran longer than {} s and was stopped",
                        deadline.unwrap_or_default().as_secs()
                    ));
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            Err(e) => break Err(format!("waiting for `{shown}`: {e}")),
        }
    };
    let counts = reader.join().unwrap_or_default();
    let result = match status {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(format!("`{shown}` failed ({})", exit_text(s))),
        Err(e) => Err(e),
    };
    (result, counts)
}

pub(crate) enum Outcome {
    Passed,
    Failed(String),
    Skipped(String),
}

pub(crate) struct StepReport {
    name: &'static str,
    outcome: Outcome,
    seconds: f64,
    counts: Option<Counts>,
}

pub(crate) fn test(root: &Path, args: &[String]) -> Result {
    let only: Option<Vec<String>> =
        flag_value(args, "--only")?.map(|v| v.split(',').map(|s| s.trim().to_string()).collect());
    if let Some(keys) = &only {
        if let Some(bad) = keys.iter().find(|k| !STEP_KEYS.contains(&k.as_str())) {
            return Err(format!(
                "unknown step `{bad}` for --only; steps: {}",
                STEP_KEYS.join(" ")
            ));
        }
    }
    let started = Instant::now();
    let setup_start = Instant::now();
    banner("setup", None);
    setup(root, crate::setup::Purpose::Everything)?;
    println!(
        "<== setup: ok in {:.1} s",
        setup_start.elapsed().as_secs_f64()
    );

    let webdriver_json = root.join("webdriver.json");
    if !webdriver_json.exists() {
        return Err("webdriver.json is missing from the repository root".into());
    }

    type StepFn<'a> = Box<dyn Fn() -> (Result<Option<String>>, Option<Counts>) + 'a>;
    let checked =
        |c: Command| -> (Result<Option<String>>, Option<Counts>) { (run(c).map(|_| None), None) };
    let counted = |c: Command, deadline: Option<Duration>| {
        let (r, counts) = run_counting(c, deadline);
        (r.map(|_| None), Some(counts))
    };

    let steps: Vec<(&'static str, &'static str, StepFn)> = vec![
        (
            "fmt",
            "cargo fmt --check",
            Box::new(|| checked(cmd("cargo", &["fmt", "--all", "--", "--check"]))),
        ),
        (
            "clippy",
            "clippy (native, workspace)",
            Box::new(|| {
                checked(cmd(
                    "cargo",
                    &[
                        "clippy",
                        "--workspace",
                        "--all-targets",
                        "--",
                        "-D",
                        "warnings",
                    ],
                ))
            }),
        ),
        (
            "clippy-wasm",
            "clippy (wasm32, app)",
            Box::new(|| {
                checked(cmd(
                    "cargo",
                    &[
                        "clippy",
                        "-p",
                        "karmada-showcase",
                        "--target",
                        WASM_TARGET,
                        "--all-targets",
                        "--",
                        "-D",
                        "warnings",
                    ],
                ))
            }),
        ),
        (
            "unit",
            "unit tests (native, workspace)",
            Box::new(|| counted(cmd("cargo", &["test", "--workspace"]), None)),
        ),
        (
            "wasm",
            "browser tests (wasm-bindgen-test, headless chromium)",
            Box::new(|| {
                let mut c = cmd(
                    "cargo",
                    &["test", "-p", "karmada-showcase", "--target", WASM_TARGET],
                );
                c.env("CHROMEDRIVER", CHROMEDRIVER)
                    .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
                    .env("WASM_BINDGEN_TEST_DRIVER_TIMEOUT", "30")
                    .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", &webdriver_json);
                counted(c, Some(Duration::from_secs(30 * 60)))
            }),
        ),
        (
            "fuzz",
            "fuzz (bounded, every cargo-fuzz target)",
            Box::new(|| fuzz(root)),
        ),
        (
            "dist",
            "release build + bundle sizes (dist)",
            // The browser tests run the bundle as karmada.io will: under a sub-path.
            Box::new(|| {
                match dist(root, Some(E2E_BASE), "dist") {
                Ok(s) => (
                    Ok(Some(format!(
                        "every binary's wasm + JS + CSS: {} bytes gzip, {} Brotli (a route's first load: cargo xtask bench)",
                        s.total_gzip, s.total_brotli
                    ))),
                    None,
                ),
                Err(e) => (Err(e), None),
            }
            }),
        ),
        (
            "release",
            "release archive + the site built with it from the karmada.io snapshot",
            Box::new(|| {
                let archive =
                    match crate::release::release(root, &root.join(crate::release::RELEASE_DIR)) {
                        Ok(archive) => archive,
                        Err(e) => return (Err(e), None),
                    };
                println!("    {} (sha256 {})", archive.path.display(), archive.sha256);
                let mut c = cmd(
                    "cargo",
                    &["test", "-p", "showcase-site", "--test", "release"],
                );
                c.env("SHOWCASE_RELEASE_ARCHIVE", &archive.path);
                counted(c, None)
            }),
        ),
        (
            "e2e",
            "end-to-end (Playwright, release build)",
            Box::new(|| {
                let mut c = cmd("playwright", &["test"]);
                // Fresh server on the test port, forbid test.only: CI mode.
                c.env("CI", "1");
                if env::var_os("E2E_PORT").is_none() {
                    let port = e2e_port();
                    if port != E2E_DEFAULT_PORT {
                        println!("port {E2E_DEFAULT_PORT} is busy: the test server uses {port}");
                    }
                    c.env("E2E_PORT", port.to_string());
                }
                counted(c, Some(Duration::from_secs(30 * 60)))
            }),
        ),
    ];

    let steps: Vec<_> = steps
        .into_iter()
        .filter(|(key, _, _)| only.as_ref().is_none_or(|o| o.iter().any(|k| k == key)))
        .collect();
    let total = steps.len();
    let mut reports: Vec<StepReport> = Vec::new();
    for (i, (_, name, step)) in steps.iter().enumerate() {
        banner(name, Some((i + 1, total)));
        let t = Instant::now();
        let (result, counts) = step();
        let seconds = t.elapsed().as_secs_f64();
        let outcome = match result {
            Ok(note) if note.as_deref().is_some_and(|n| n.starts_with("skipped:")) => {
                Outcome::Skipped(note.unwrap_or_default())
            }
            Ok(note) => {
                if let Some(n) = note {
                    println!("    {n}");
                }
                Outcome::Passed
            }
            Err(e) => Outcome::Failed(e),
        };
        let word = match &outcome {
            Outcome::Passed => "ok",
            Outcome::Failed(_) => "FAILED",
            Outcome::Skipped(_) => "skipped",
        };
        println!("<== {name}: {word} in {seconds:.1} s");
        let failed = matches!(outcome, Outcome::Failed(_));
        reports.push(StepReport {
            name,
            outcome,
            seconds,
            counts,
        });
        if failed {
            break;
        }
    }
    summary(&reports, total, started.elapsed())
}

/// 4173 (playwright.config.ts's default) when free, else any free loopback port.
pub(crate) fn e2e_port() -> u16 {
    if TcpListener::bind(("127.0.0.1", E2E_DEFAULT_PORT)).is_ok() {
        return E2E_DEFAULT_PORT;
    }
    TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or(E2E_DEFAULT_PORT)
}

pub(crate) fn banner(name: &str, index: Option<(usize, usize)>) {
    match index {
        Some((i, n)) => println!("\n==> [{i}/{n}] {name}"),
        None => println!("\n==> {name}"),
    }
}

pub(crate) fn fuzz(root: &Path) -> (Result<Option<String>>, Option<Counts>) {
    let script = root.join("fuzz/run.sh");
    if !script.exists() {
        return (Err(format!("{} is missing", script.display())), None);
    }
    // A fresh machine has no cargo-fuzz: install it rather than skip, or the fuzzing the test
    // command promises would silently not happen.
    if let Err(e) = ensure_cargo_fuzz() {
        return (Err(e), None);
    }
    let mut c = cmd("bash", &[&script.to_string_lossy()]);
    c.env("FUZZ_SECONDS", FUZZ_SECONDS_PER_TARGET.to_string());
    let (r, _) = run_counting(c, Some(FUZZ_HARD_LIMIT));
    (r.map(|_| None), None)
}

pub(crate) fn summary(reports: &[StepReport], total_steps: usize, elapsed: Duration) -> Result {
    println!("\n==> summary ({:.0} s)", elapsed.as_secs_f64());
    let mut tests = Counts::default();
    let mut checks = Counts::default();
    let mut first_failure = None;
    for r in reports {
        let (word, detail) = match &r.outcome {
            Outcome::Passed => ("ok     ", String::new()),
            Outcome::Failed(e) => ("FAILED ", format!(": {e}")),
            Outcome::Skipped(why) => ("skipped", format!(": {why}")),
        };
        let counted = r
            .counts
            .map(|c| {
                format!(
                    " [{} passed, {} failed, {} skipped]",
                    c.passed, c.failed, c.skipped
                )
            })
            .unwrap_or_default();
        println!("  {word} {:>7.1} s  {}{counted}{detail}", r.seconds, r.name);
        match (&r.outcome, r.counts) {
            (Outcome::Skipped(_), _) => checks.skipped += 1,
            (Outcome::Passed, Some(c)) if c.passed + c.failed > 0 => tests.add(c),
            (Outcome::Failed(_), Some(c)) if c.failed > 0 => tests.add(c),
            (Outcome::Failed(_), Some(c)) => {
                tests.add(c);
                checks.failed += 1;
            }
            (Outcome::Passed, _) => checks.passed += 1,
            (Outcome::Failed(_), None) => checks.failed += 1,
        }
        if first_failure.is_none() {
            if let Outcome::Failed(e) = &r.outcome {
                first_failure = Some((r.name, e.clone()));
            }
        }
    }
    let not_run = total_steps - reports.len();
    if not_run > 0 {
        println!("  ({not_run} later step(s) not run after the failure)");
    }
    println!(
        "  tests: {} passed, {} failed, {} ignored/skipped; other checks: {} passed, {} failed, {} skipped",
        tests.passed, tests.failed, tests.skipped, checks.passed, checks.failed, checks.skipped
    );
    let passed = tests.passed + checks.passed;
    let failed = tests.failed + checks.failed;
    let skipped = tests.skipped + checks.skipped;
    match first_failure {
        Some((name, e)) => {
            println!("FAILED at `{name}`: {e}");
            println!("{passed} passed, {failed} failed, {skipped} skipped");
            let _ = std::io::stdout().flush();
            exit(1);
        }
        None => {
            println!("{passed} passed, {failed} failed, {skipped} skipped");
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_cargo_test_totals() {
        let line = "test result: ok. 12 passed; 1 failed; 3 ignored; 0 measured; 0 filtered out; finished in 0.01s";
        assert_eq!(
            parse_counts(line),
            Some(Counts {
                passed: 12,
                failed: 1,
                skipped: 3
            })
        );
    }

    #[test]
    fn parses_playwright_totals() {
        assert_eq!(
            parse_counts("  14 passed (31.2s)"),
            Some(Counts {
                passed: 14,
                ..Counts::default()
            })
        );
        assert_eq!(
            parse_counts("  2 failed"),
            Some(Counts {
                failed: 2,
                ..Counts::default()
            })
        );
        assert_eq!(
            parse_counts("  1 flaky"),
            Some(Counts {
                failed: 1,
                ..Counts::default()
            })
        );
        assert_eq!(
            parse_counts("  3 skipped"),
            Some(Counts {
                skipped: 3,
                ..Counts::default()
            })
        );
        assert_eq!(parse_counts("  1 did not run"), None);
        assert_eq!(
            parse_counts("  ✓  1 [chromium] › smoke.spec.ts:3:1 › starts (2.1s)"),
            None
        );
        assert_eq!(parse_counts("Running 14 tests using 2 workers"), None);
        assert_eq!(parse_counts("200 passed members"), None);
    }
}
