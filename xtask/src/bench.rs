//! `cargo xtask bench`: figures as JSON, nothing passes or fails.

use std::env;
use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::args::flags;
use crate::process::{cmd, exit_text, run_on_stderr};
use crate::Result;

/// Where `cargo xtask bench` builds the bundle it measures (served at `/`).
pub(crate) const BENCH_DIST: &str = "target/bench-dist";

/// The benchmark: not a test, nothing passes or fails on time. Everything but the final JSON
/// goes to stderr so that `cargo xtask bench > figures.json` works.
pub(crate) fn bench(root: &Path, args: &[String]) -> Result {
    let parsed = flags(
        args,
        &[
            "--runs",
            "--keystrokes",
            "--reference",
            "--reference-path",
            "--reference-runs",
        ],
    )?;
    let mut node_args = vec![
        "tests/bench/bench.mjs".to_string(),
        "--dist".into(),
        BENCH_DIST.into(),
        "--sizes".into(),
        "target/bench-sizes.json".into(),
        "--native".into(),
        "target/bench-native.json".into(),
    ];
    for (name, value) in &parsed {
        if name == "--reference" {
            // Relative to where the command was run, as a user expects, not to the repository.
            let dir = env::current_dir()
                .map(|here| here.join(value))
                .map_err(|e| format!("cannot read the current directory: {e}"))?;
            if !dir.is_dir() {
                return Err(format!("--reference {value}: not a directory"));
            }
            node_args.push(name.clone());
            node_args.push(dir.display().to_string());
            continue;
        }
        if name != "--reference-path" {
            value
                .parse::<u32>()
                .map_err(|_| format!("{name} wants a number, got `{value}`"))?;
        }
        node_args.push(name.clone());
        node_args.push(value.clone());
    }

    // Set-up and the build print their progress; keep stdout for the figures.
    let me = env::current_exe().map_err(|e| format!("cannot find xtask itself: {e}"))?;
    let mut setup_cmd = Command::new(&me);
    setup_cmd.arg("setup");
    run_on_stderr(setup_cmd)?;
    let mut dist_cmd = Command::new(&me);
    dist_cmd.args(["dist", "--dist", BENCH_DIST]);
    run_on_stderr(dist_cmd)?;
    fs::copy(
        root.join("target").join("dist-sizes.json"),
        root.join("target").join("bench-sizes.json"),
    )
    .map_err(|e| format!("cannot keep the bundle sizes: {e}"))?;

    eprintln!("bench: browse hot path, native (crates/browse/examples/search_bench.rs)");
    let native = Command::new("cargo")
        .args([
            "run",
            "--release",
            "--quiet",
            "-p",
            "browse",
            "--example",
            "search_bench",
        ])
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !native.status.success() {
        return Err(format!("search_bench failed: {}", exit_text(native.status)));
    }
    fs::write(
        root.join("target").join("bench-native.json"),
        &native.stdout,
    )
    .map_err(|e| format!("cannot write target/bench-native.json: {e}"))?;

    eprintln!("bench: headless Chromium against {BENCH_DIST} (a few minutes)");
    let refs: Vec<&str> = node_args.iter().map(String::as_str).collect();
    let browser = cmd("node", &refs)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run node: {e}"))?;
    if !browser.status.success() {
        return Err(format!(
            "tests/bench/bench.mjs failed: {}",
            exit_text(browser.status)
        ));
    }
    fs::write(root.join("target").join("bench.json"), &browser.stdout)
        .map_err(|e| format!("cannot write target/bench.json: {e}"))?;
    std::io::stdout()
        .write_all(&browser.stdout)
        .map_err(|e| e.to_string())?;
    Ok(())
}
