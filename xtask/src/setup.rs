//! `cargo xtask setup`: every tool and crate the two commands need, checked and installed only
//! when missing, each printed as one `ok: …` or `installing: …` line with its time.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::process::{cmd, is_root, mtime, output_of, run};
use crate::Result;

/// trunk 0.22 needs a newer rustc than our pinned 1.95 (see DEVELOPERS.md).
pub(crate) const TRUNK_VERSION: &str = "0.21.14";
pub(crate) const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub(crate) const CHROMIUM: &str = "/usr/bin/chromium";
pub(crate) const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// The wasm-opt trunk must use (`[tools] wasm_opt` in Trunk.toml); npm's binaryen provides it.
const WASM_OPT_VERSION: &str = "132";
const CARGO_FUZZ_VERSION: &str = "0.13.2";

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

pub(crate) fn ensure_wasm_target() -> Result<Status> {
    let have_rustup = output_of("rustup", &["--version"]).is_some();
    if have_rustup {
        let installed = output_of("rustup", &["target", "list", "--installed"]).unwrap_or_default();
        if installed.lines().any(|l| l.trim() == WASM_TARGET) {
            println!("ok: rust target {WASM_TARGET} present");
            return Ok(Status::Present);
        }
        println!("installing: rust target {WASM_TARGET}");
        return run(cmd("rustup", &["target", "add", WASM_TARGET])).map(|()| Status::Installed);
    }
    // No rustup: look in the sysroot.
    let sysroot = output_of("rustc", &["--print", "sysroot"]).ok_or(
        "neither rustup nor rustc found: install rustup (https://rustup.rs), then run \
         `cargo xtask setup` again",
    )?;
    if Path::new(&sysroot)
        .join("lib/rustlib")
        .join(WASM_TARGET)
        .is_dir()
    {
        println!("ok: rust target {WASM_TARGET} present (no rustup)");
        Ok(Status::Present)
    } else {
        Err(format!(
            "the {WASM_TARGET} target is missing and rustup is not installed; run:\n    \
             rustup target add {WASM_TARGET}"
        ))
    }
}

pub(crate) fn ensure_rust_components() -> Result<Status> {
    let fmt = output_of("cargo", &["fmt", "--version"]).is_some();
    let clippy = output_of("cargo", &["clippy", "--version"]).is_some();
    let std_source = rust_std_source().is_some_and(|dir| dir.is_dir());
    if fmt && clippy && std_source {
        println!("ok: rustfmt, clippy and rust-src present");
        return Ok(Status::Present);
    }
    println!("installing: rustfmt, clippy and rust-src");
    run(cmd(
        "rustup",
        &["component", "add", "rustfmt", "clippy", "rust-src"],
    ))
    .map_err(|e| format!("{e}\nrun: rustup component add rustfmt clippy rust-src"))?;
    Ok(Status::Installed)
}

/// The standard library's source, which the release build compiles (`RELEASE_BUILD_ENV`).
pub(crate) fn rust_std_source() -> Option<PathBuf> {
    let sysroot = output_of("rustc", &["--print", "sysroot"])?;
    Some(Path::new(sysroot.trim()).join("lib/rustlib/src/rust/library/std"))
}

pub(crate) fn ensure_trunk() -> Result<Status> {
    ensure_cargo_tool(&["trunk"], "trunk", TRUNK_VERSION, "~10 min")
}

/// cargo-fuzz at [`CARGO_FUZZ_VERSION`]; it runs on stable with `RUSTC_BOOTSTRAP=1` and no
/// sanitizer (`fuzz/run.sh`).
pub(crate) fn ensure_cargo_fuzz() -> Result<Status> {
    ensure_cargo_tool(
        &["cargo", "fuzz"],
        "cargo-fuzz",
        CARGO_FUZZ_VERSION,
        "~3 min",
    )
}

/// A tool installed with `cargo install <package> --version <version> --locked`, unless
/// `<invocation…> --version` already says `<package> <version>`.
pub(crate) fn ensure_cargo_tool(
    invocation: &[&str],
    package: &str,
    version: &str,
    takes: &str,
) -> Result<Status> {
    let want = format!("{package} {version}");
    match version_of(invocation) {
        Some(v) if v.trim() == want => {
            println!("ok: {want} present");
            return Ok(Status::Present);
        }
        Some(v) => println!("installing: {want} (found `{v}`; {takes} on 2 cores)"),
        None => println!("installing: {want} (not found; {takes} on 2 cores)"),
    }
    run(cmd(
        "cargo",
        &["install", package, "--version", version, "--locked"],
    ))
    .map_err(|e| format!("{e}\nrun: cargo install {package} --version {version} --locked"))?;
    check_version(invocation, &want)?;
    Ok(Status::Installed)
}

/// What `<invocation…> --version` prints, if it runs.
pub(crate) fn version_of(invocation: &[&str]) -> Option<String> {
    let (program, leading) = invocation.split_first()?;
    let args: Vec<&str> = leading.iter().copied().chain(["--version"]).collect();
    output_of(program, &args)
}

/// After an install: `<invocation…> --version` must say `want`.
pub(crate) fn check_version(invocation: &[&str], want: &str) -> Result {
    match version_of(invocation) {
        Some(v) if v.trim() == want => Ok(()),
        found => {
            let program = invocation.first().copied().unwrap_or_default();
            Err(format!(
                "after installing, `{} --version` says {found:?}, expected `{want}`: is another \
                 `{program}` earlier on PATH? (`which -a {program}`)",
                invocation.join(" ")
            ))
        }
    }
}

/// The version of a package in Cargo.lock (the first entry with that name).
pub(crate) fn lock_version(lock: &str, package: &str) -> Option<String> {
    let name_line = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == name_line {
            let version = lines.next()?.trim();
            return version
                .strip_prefix("version = \"")
                .and_then(|v| v.strip_suffix('"'))
                .map(str::to_string);
        }
    }
    None
}

/// `[tools] wasm_bindgen = "X"` in Trunk.toml, if present.
pub(crate) fn trunk_toml_tool(trunk_toml: &str, key: &str) -> Option<String> {
    trunk_toml.lines().find_map(|l| {
        let (k, v) = l.split_once('=')?;
        (k.trim() == key).then(|| v.trim().trim_matches('"').to_string())
    })
}

pub(crate) fn ensure_wasm_bindgen(root: &Path) -> Result<Status> {
    let lock = fs::read_to_string(root.join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let version = lock_version(&lock, "wasm-bindgen")
        .ok_or("Cargo.lock has no wasm-bindgen package: is the app's Cargo.toml intact?")?;
    if let Ok(trunk_toml) = fs::read_to_string(root.join("Trunk.toml")) {
        if let Some(pinned) = trunk_toml_tool(&trunk_toml, "wasm_bindgen") {
            if pinned != version {
                return Err(format!(
                    "Trunk.toml pins wasm_bindgen = \"{pinned}\" but Cargo.lock has wasm-bindgen \
                     {version}: set `wasm_bindgen = \"{version}\"` under [tools] in Trunk.toml"
                ));
            }
        }
    }
    let want = format!("wasm-bindgen {version}");
    let want_runner = format!("wasm-bindgen-test-runner {version}");
    let cli = output_of("wasm-bindgen", &["--version"]);
    let runner = output_of("wasm-bindgen-test-runner", &["--version"]);
    if cli.as_deref() == Some(want.as_str()) && runner.as_deref() == Some(want_runner.as_str()) {
        println!(
            "ok: wasm-bindgen-cli {version} present (= Cargo.lock; with wasm-bindgen-test-runner)"
        );
        return Ok(Status::Present);
    }
    println!(
        "installing: wasm-bindgen-cli {version} to match Cargo.lock (found {})",
        cli.as_deref().unwrap_or("none")
    );
    // Without --locked: the CLI's own lock file names a crate version the registry lacks.
    run(cmd(
        "cargo",
        &["install", "wasm-bindgen-cli", "--version", &version],
    ))
    .map_err(|e| format!("{e}\nrun: cargo install wasm-bindgen-cli --version {version}"))?;
    check_version(&["wasm-bindgen"], &want)?;
    check_version(&["wasm-bindgen-test-runner"], &want_runner)?;
    Ok(Status::Installed)
}

/// trunk builds `--offline` (it cannot download tools here), so every crate the release build
/// compiles must already be in cargo's cache: the workspace's (Cargo.lock) and, because that
/// build compiles the standard library itself (`RELEASE_BUILD_ENV`), the standard library's own
/// (`object`, `moto-rt`, … in rust-src's Cargo.lock). A warm cache hid this for several stops.
pub(crate) fn ensure_offline_crates(root: &Path) -> Result<Status> {
    let std_manifest = rust_library_manifest()
        .filter(|m| m.is_file())
        .ok_or("rust-src has no library/Cargo.toml: run `rustup component add rust-src`")?;
    let manifests = [root.join("Cargo.toml"), std_manifest];
    let missing: Vec<&PathBuf> = manifests.iter().filter(|m| !fetched(m)).collect();
    if missing.is_empty() {
        println!(
            "ok: crates for the offline release build cached (workspace and standard library)"
        );
        return Ok(Status::Present);
    }
    println!("installing: crates for the offline release build (cargo fetch)");
    for manifest in missing {
        let shown = format!(
            "RUSTC_BOOTSTRAP=1 cargo fetch --locked --manifest-path {}",
            manifest.display()
        );
        let mut fetch = cmd("cargo", &["fetch", "--locked", "--manifest-path"]);
        fetch.arg(manifest).env("RUSTC_BOOTSTRAP", "1");
        run(fetch).map_err(|e| format!("{e}\nwith network access to crates.io, run: {shown}"))?;
        if !fetched(manifest) {
            return Err(format!(
                "after `{shown}`, cargo still cannot resolve {} offline",
                manifest.display()
            ));
        }
    }
    Ok(Status::Installed)
}

/// Whether every crate `manifest`'s lock file names is in cargo's cache (a fetch that needs no
/// network). `RUSTC_BOOTSTRAP` lets cargo read the standard library's manifest, which uses
/// unstable features.
fn fetched(manifest: &Path) -> bool {
    let mut check = cmd(
        "cargo",
        &["fetch", "--offline", "--locked", "--manifest-path"],
    );
    check
        .arg(manifest)
        .env("RUSTC_BOOTSTRAP", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    check.status().is_ok_and(|s| s.success())
}

/// The standard library's workspace manifest in rust-src, beside its `std`.
pub(crate) fn rust_library_manifest() -> Option<PathBuf> {
    Some(rust_std_source()?.parent()?.join("Cargo.toml"))
}

pub(crate) fn node_major(version: &str) -> Option<u32> {
    version
        .trim()
        .trim_start_matches('v')
        .split('.')
        .next()?
        .parse()
        .ok()
}

pub(crate) fn ensure_node_modules(root: &Path) -> Result<Status> {
    let node = output_of("node", &["--version"]).ok_or(
        "Node.js is not installed: install Node 20 or newer with npm (Debian 12's nodejs is 18, \
         too old), then run `cargo xtask setup` again",
    )?;
    match node_major(&node) {
        Some(major) if major >= 20 => {}
        _ => {
            return Err(format!(
                "Node {node} is too old: install Node 20 or newer with npm"
            ))
        }
    }
    if output_of("npm", &["--version"]).is_none() {
        return Err(
            "npm is not installed (it comes with Node 20+): install it, then run \
             `cargo xtask setup` again"
                .into(),
        );
    }
    let lock = root.join("package-lock.json");
    let lock_time = mtime(&lock).ok_or("package-lock.json is missing from the repository")?;
    let modules = root.join("node_modules");
    let marker = modules.join(".package-lock.json");
    let installed_time = mtime(&marker);
    let fresh = installed_time.is_some_and(|t| t >= lock_time);
    let wasm_opt = modules.join(".bin").join("wasm-opt");
    let status = if fresh && wasm_opt.exists() {
        println!("ok: node_modules up to date with package-lock.json (node {node})");
        Status::Present
    } else {
        println!(
            "installing: npm ci ({})",
            if installed_time.is_none() {
                "node_modules missing"
            } else {
                "package-lock.json is newer than node_modules"
            }
        );
        let mut c = cmd("npm", &["ci", "--no-audit", "--no-fund"]);
        // Playwright uses Debian's Chromium: never download a browser.
        c.env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        run(c).map_err(|e| format!("{e}\nrun: PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci"))?;
        Status::Installed
    };
    let version = output_of(&wasm_opt.to_string_lossy(), &["--version"]).unwrap_or_default();
    if !version.contains(&format!("version {WASM_OPT_VERSION}")) {
        return Err(format!(
            "node_modules/.bin/wasm-opt says `{version}`, expected binaryen {WASM_OPT_VERSION}: \
             run `rm -rf node_modules && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci`"
        ));
    }
    println!("ok: wasm-opt {WASM_OPT_VERSION} (npm binaryen) first on PATH for trunk");
    Ok(status)
}

pub(crate) fn ensure_chromium() -> Result<Status> {
    let have = |p: &str| Path::new(p).exists();
    let mut status = Status::Present;
    if !(have(CHROMIUM) && have(CHROMEDRIVER)) {
        let install = "apt-get update && apt-get install -y chromium chromium-driver";
        let apt = Path::new("/usr/bin/apt-get").exists();
        if !(is_root() && apt) {
            return Err(format!(
                "Debian's chromium and chromium-driver are needed ({CHROMIUM}, {CHROMEDRIVER}); run:\n    \
                 sudo sh -c '{install}'\nthen `cargo xtask setup` again"
            ));
        }
        println!("installing: chromium chromium-driver (apt)");
        run(cmd("apt-get", &["update"])).map_err(|e| format!("{e}\nrun: {install}"))?;
        let mut c = cmd("apt-get", &["install", "-y", "chromium", "chromium-driver"]);
        c.env("DEBIAN_FRONTEND", "noninteractive");
        run(c).map_err(|e| format!("{e}\nrun: {install}"))?;
        status = Status::Installed;
    }
    let chromium = output_of(CHROMIUM, &["--version"]).unwrap_or_default();
    let driver = output_of(CHROMEDRIVER, &["--version"]).unwrap_or_default();
    let major = |s: &str| {
        s.split_whitespace()
            .find_map(|w| w.split('.').next()?.parse::<u32>().ok())
    };
    match (major(&chromium), major(&driver)) {
        (Some(a), Some(b)) if a == b => {
            println!("ok: chromium {a} and chromedriver {b} present ({CHROMIUM}, {CHROMEDRIVER})")
        }
        (a, b) => {
            return Err(format!(
                "chromium ({a:?}) and chromedriver ({b:?}) versions differ or cannot be read: \
                 run `apt-get update && apt-get install -y chromium chromium-driver` to get the \
                 matching pair"
            ))
        }
    }
    Ok(status)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::process::repo_root;

    #[test]
    fn reads_a_version_from_cargo_lock() {
        let lock = "[[package]]\nname = \"wasm-bindgen-macro\"\nversion = \"9.9.9\"\n\n\
                    [[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\nsource = \"x\"\n";
        assert_eq!(
            lock_version(lock, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(lock_version(lock, "trunk"), None);
    }

    #[test]
    fn reads_the_real_lock_file() {
        let lock = fs::read_to_string(repo_root().join("Cargo.lock")).unwrap();
        let v = lock_version(&lock, "wasm-bindgen").expect("wasm-bindgen in Cargo.lock");
        assert!(v.starts_with("0.2."), "{v}");
    }

    #[test]
    fn install_times_read_as_minutes() {
        assert_eq!(minutes_and_seconds(Duration::from_millis(400)), "0.4 s");
        assert_eq!(minutes_and_seconds(Duration::from_secs(552)), "9 min 12 s");
    }

    /// The offline release build needs the standard library's crates: setup fetches them for
    /// the workspace rust-src carries, which must be where we look.
    #[test]
    fn finds_the_standard_library_workspace() {
        let manifest = rust_library_manifest().expect("rustc prints its sysroot");
        let text = fs::read_to_string(&manifest)
            .unwrap_or_else(|e| panic!("{}: {e} (rust-src missing?)", manifest.display()));
        assert!(text.contains("[workspace]"), "{}", manifest.display());
        assert!(manifest.with_file_name("Cargo.lock").is_file());
    }

    #[test]
    fn reads_trunk_toml_tools() {
        let t = "[tools]\n# c\nwasm_opt = \"version_132\"\nwasm_bindgen = \"0.2.130\"\n";
        assert_eq!(
            trunk_toml_tool(t, "wasm_bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(
            trunk_toml_tool(t, "wasm_opt").as_deref(),
            Some("version_132")
        );
        assert_eq!(trunk_toml_tool(t, "sass"), None);
    }

    #[test]
    fn node_versions() {
        assert_eq!(node_major("v20.20.2"), Some(20));
        assert_eq!(node_major("18.1.0"), Some(18));
        assert_eq!(node_major("x"), None);
    }
}
