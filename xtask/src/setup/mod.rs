//! `cargo xtask setup`: every tool and crate the two commands need, checked and installed only
//! when missing, each printed as one `ok: …` or `installing: …` line with its time.

use std::path::Path;
use std::time::{Duration, Instant};

mod cargo_tools;
mod chromium;
mod node;
mod rust;

use crate::process::output_of;
use crate::Result;
use cargo_tools::{ensure_trunk, ensure_wasm_bindgen};
use chromium::ensure_chromium;
use node::ensure_node_modules;
use rust::{ensure_offline_crates, ensure_rust_components, ensure_wasm_target};

pub(crate) use cargo_tools::ensure_cargo_fuzz;

/// trunk 0.22 needs a newer rustc than our pinned 1.95 (see DEVELOPERS.md).
pub(crate) const TRUNK_VERSION: &str = "0.21.14";
pub(crate) const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub(crate) const CHROMIUM: &str = "/usr/bin/chromium";
pub(crate) const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Whether a step found its tool in place or had to install it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Status {
    Present,
    Installed,
}

/// What the tools are for: building (and serving) the release bundle needs no browser, since
/// its static pages are rendered natively; the tests and the benchmark drive Chromium.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Purpose {
    Build,
    Everything,
}

pub(crate) fn setup(root: &Path, purpose: Purpose) -> Result {
    println!("setup: checking tools (installs only what is missing)");
    let started = Instant::now();
    let browser: &dyn Fn() -> Result<Status> = match purpose {
        Purpose::Everything => &ensure_chromium,
        Purpose::Build => &|| Ok(Status::Present),
    };
    let steps: [(&str, &dyn Fn() -> Result<Status>); 7] = [
        ("rust target", &ensure_wasm_target),
        ("rust components", &ensure_rust_components),
        ("trunk", &ensure_trunk),
        ("wasm-bindgen-cli", &|| ensure_wasm_bindgen(root)),
        ("npm packages", &|| ensure_node_modules(root)),
        ("chromium", browser),
        ("crates for the offline build", &|| {
            ensure_offline_crates(root)
        }),
    ];
    let mut installed = Vec::new();
    for (name, step) in steps {
        let step_started = Instant::now();
        if step()? == Status::Installed {
            let took = minutes_and_seconds(step_started.elapsed());
            println!("installed: {name} in {took}");
            installed.push(format!("{name} {took}"));
        }
    }
    warn_if_disk_is_short(root);
    let took = minutes_and_seconds(started.elapsed());
    if installed.is_empty() {
        println!("setup: done in {took}, nothing to install");
    } else {
        println!(
            "setup: done in {took} (installed: {})",
            installed.join(", ")
        );
    }
    Ok(())
}

/// `9 min 12 s`, `0.4 s`.
pub(crate) fn minutes_and_seconds(d: Duration) -> String {
    let secs = d.as_secs_f64();
    if secs < 60.0 {
        format!("{secs:.1} s")
    } else {
        let whole = d.as_secs();
        format!("{} min {} s", whole / 60, whole % 60)
    }
}

/// A fresh clone's `target/` grows to about 3 GB (native, wasm, release and fuzz builds).
/// When the disk fills, rustc fails with "No space left on device" deep inside some
/// step; saying so up front makes that failure easy to read.
pub(crate) fn warn_if_disk_is_short(root: &Path) {
    const WANTED_KB: u64 = 5 * 1024 * 1024;
    let Some(df) = output_of("df", &["-Pk", &root.display().to_string()]) else {
        return;
    };
    let available_kb = df
        .lines()
        .nth(1)
        .and_then(|line| line.split_whitespace().nth(3))
        .and_then(|field| field.parse::<u64>().ok());
    match available_kb {
        Some(kb) if kb < WANTED_KB => println!(
            "warning: only {} MB free on the disk holding {}; a full test run needs about 3 GB",
            kb / 1024,
            root.display()
        ),
        Some(kb) => println!("ok: {} GB free on disk", kb / (1024 * 1024)),
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn install_times_read_as_minutes() {
        assert_eq!(minutes_and_seconds(Duration::from_millis(400)), "0.4 s");
        assert_eq!(minutes_and_seconds(Duration::from_secs(552)), "9 min 12 s");
    }
}
