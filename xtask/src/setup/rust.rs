//! The Rust toolchain's parts: the wasm target, rustfmt, clippy, rust-src, and the crates the
//! offline release build compiles.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use super::{Status, WASM_TARGET};
use crate::process::{cmd, output_of, run};
use crate::Result;

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

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

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
}
