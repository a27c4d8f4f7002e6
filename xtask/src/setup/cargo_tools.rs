//! Tools installed with `cargo install` at pinned versions: trunk, cargo-fuzz, and the
//! wasm-bindgen CLI that must match Cargo.lock (and Trunk.toml's pin).

use std::fs;
use std::path::Path;

use super::{Status, TRUNK_VERSION};
use crate::process::{cmd, output_of, run};
use crate::Result;

const CARGO_FUZZ_VERSION: &str = "0.13.2";

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
}
