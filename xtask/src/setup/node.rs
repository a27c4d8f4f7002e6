//! Node.js, npm and `node_modules`, which brings the wasm-opt trunk uses.

use std::path::Path;

use super::Status;
use crate::process::{cmd, mtime, output_of, run};
use crate::Result;

/// The wasm-opt trunk must use (`[tools] wasm_opt` in Trunk.toml); npm's binaryen provides it.
const WASM_OPT_VERSION: &str = "132";

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_versions() {
        assert_eq!(node_major("v20.20.2"), Some(20));
        assert_eq!(node_major("18.1.0"), Some(18));
        assert_eq!(node_major("x"), None);
    }
}
