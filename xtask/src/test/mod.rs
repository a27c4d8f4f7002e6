//! `cargo xtask test`: every check CI runs, in order, with test totals.

use std::env;
use std::net::TcpListener;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

mod counts;
mod report;

use crate::args::flag_value;
use crate::dist::dist;
use crate::process::{cmd, run};
use crate::setup::{ensure_cargo_fuzz, setup, CHROMEDRIVER, WASM_TARGET};
use crate::Result;
use counts::{run_counting, Counts};
use report::{banner, summary, Outcome, StepReport};

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
