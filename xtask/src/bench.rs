//! `cargo xtask bench`: figures as JSON, nothing passes or fails.

use std::env;
use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::args::{flag_of, flags};
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
            "--reference-embed-path",
            "--reference-frame-path",
        ],
    )?;
    // Relative to where the command was run, as a user expects, not to the repository.
    let reference = match flag_of(&parsed, "--reference") {
        Some(value) => Some(
            env::current_dir()
                .map(|here| here.join(&value))
                .map_err(|e| format!("cannot read the current directory: {e}"))?,
        ),
        None => None,
    };
    for page in ["--reference-embed-path", "--reference-frame-path"] {
        if flag_of(&parsed, page).is_some() && reference.is_none() {
            return Err(format!("{page} is a page of the --reference build"));
        }
    }
    let mut node_args = vec![
        "tools/bench.mjs".to_string(),
        "--dist".into(),
        BENCH_DIST.into(),
        "--sizes".into(),
        "target/bench-sizes.json".into(),
        "--native".into(),
        "target/bench-native.json".into(),
    ];
    for (name, value) in &parsed {
        if let (true, Some(dir)) = (name == "--reference", &reference) {
            if !dir.is_dir() {
                return Err(format!("--reference {value}: not a directory"));
            }
            node_args.push(name.clone());
            node_args.push(dir.display().to_string());
            continue;
        }
        if !name.ends_with("-path") {
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

    eprintln!("bench: showcase-site build on one core (the snapshot, then 10,000 members)");
    let site = site_build_figures(root)?;
    let site_json = root.join("target").join("bench-site.json");
    fs::write(&site_json, site).map_err(|e| format!("cannot write target/bench-site.json: {e}"))?;
    node_args.push("--site".into());
    node_args.push("target/bench-site.json".into());

    if let (Some(reference), Some(_)) = (&reference, flag_of(&parsed, "--reference-embed-path")) {
        // As the README's Docusaurus recipe has it: the bundle under the site's /showcase/.
        let out = reference.join(REFERENCE_SHOWCASE_DIR);
        eprintln!("bench: this build's site into {}", out.display());
        let mut site = Command::new(root.join("target/release/showcase-site"));
        site.args(["build", "--bundle", BENCH_DIST, "--base"])
            .arg(format!("/{REFERENCE_SHOWCASE_DIR}/"))
            .arg("--out")
            .arg(&out);
        run_on_stderr(site)?;
        // And, as after the website's `npm run build`, the first screen into its pages.
        let mut fill = Command::new(root.join("target/release/showcase-site"));
        fill.args(["fill-host", "--host"]).arg(reference);
        run_on_stderr(fill)?;
    }

    eprintln!("bench: headless Chromium against {BENCH_DIST} (a few minutes)");
    let refs: Vec<&str> = node_args.iter().map(String::as_str).collect();
    let browser = cmd("node", &refs)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run node: {e}"))?;
    if !browser.status.success() {
        return Err(format!(
            "tools/bench.mjs failed: {}",
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

/// Where the README's Docusaurus recipe puts the bundle in karmada.io's site, and so where
/// the bench puts it in a reference build that embeds it (`--reference-embed-path`).
const REFERENCE_SHOWCASE_DIR: &str = "showcase";

/// Members of the large feed the site is built for.
const LARGE_FEED_MEMBERS: usize = 10_000;

/// `showcase-site build` timed as a website's CI runs it, pinned to one core (`taskset -c 0`):
/// from the karmada.io snapshot (when `../shared` has it) and from a feed of 10,000 members
/// made of the bundled one's (`examples/scaled_feed.rs`), as JSON.
fn site_build_figures(root: &Path) -> Result<String> {
    run_on_stderr(cmd(
        "cargo",
        &[
            "build",
            "--release",
            "--quiet",
            "-p",
            "showcase-site",
            "--bins",
            "--examples",
        ],
    ))?;
    let release = root.join("target").join("release");
    let work = root.join("target").join("bench-site");
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work).map_err(|e| format!("cannot create {}: {e}", work.display()))?;
    let one_core = Command::new("taskset")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let timed = |label: &str, content: &[&str], runs: usize| -> Result<String> {
        let mut times = Vec::new();
        let mut printed = String::new();
        for run in 0..runs {
            let out = work.join(format!("{label}-{run}"));
            let mut c = if one_core {
                let mut c = Command::new("taskset");
                c.args(["-c", "0"]).arg(release.join("showcase-site"));
                c
            } else {
                Command::new(release.join("showcase-site"))
            };
            c.args(["build", "--bundle", BENCH_DIST, "--out"])
                .arg(&out)
                .args(content)
                .stderr(Stdio::null());
            let started = std::time::Instant::now();
            let output = c
                .output()
                .map_err(|e| format!("cannot run showcase-site: {e}"))?;
            times.push(started.elapsed().as_secs_f64() * 1000.0);
            if !output.status.success() {
                return Err(format!("showcase-site build ({label}) failed"));
            }
            printed = String::from_utf8_lossy(&output.stdout).trim().to_string();
            let _ = fs::remove_dir_all(&out);
        }
        let mut sorted = times.clone();
        sorted.sort_by(f64::total_cmp);
        let ms: Vec<String> = times.iter().map(|t| format!("{t:.0}")).collect();
        Ok(format!(
            "{{ \"runsMs\": [{}], \"medianMs\": {:.0}, \"printed\": {} }}",
            ms.join(", "),
            sorted[sorted.len() / 2],
            crate::dist::json_string(&printed)
        ))
    };
    let snapshot = root.join("../shared/karmada-site/website");
    let snapshot_figures = if snapshot.join("src/pages/adopters.md").exists() {
        timed(
            "snapshot",
            &[
                "--website",
                &snapshot.display().to_string(),
                "--facts",
                "content/facts.toml",
            ],
            5,
        )?
    } else {
        "null".to_string()
    };
    let large = work.join("feed-10000.json");
    let mut scale = Command::new(release.join("examples").join("scaled_feed"));
    scale
        .arg(root.join(BENCH_DIST).join("members.json"))
        .arg(LARGE_FEED_MEMBERS.to_string())
        .arg(&large);
    run_on_stderr(scale)?;
    let large_figures = timed("members10k", &["--feed", &large.display().to_string()], 3)?;
    let _ = fs::remove_dir_all(&work);
    Ok(format!(
        "{{\n  \"oneCore\": {one_core},\n  \"snapshot\": {snapshot_figures},\n  \"members10k\": {large_figures},\n  \"targetsMs\": {{ \"snapshot\": 1000, \"members10k\": 30000 }}\n}}\n"
    ))
}
