//! The project's two commands and their helpers (std only: this compiles on every fresh machine).
//!
//! ```text
//! cargo xtask setup                      install/check every tool (idempotent)
//! cargo xtask serve [--port 8080]        release build, served on http://127.0.0.1:8080/
//! cargo xtask dist [--public-url /x/] [--dist DIR]  release build, bundle sizes as JSON
//! cargo xtask test                       every check CI runs, in order
//! cargo xtask bench [--runs 5] [--keystrokes 60] [--reference DIR]  release build + headless Chromium, figures as JSON
//! ```

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{exit, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant, SystemTime};

/// trunk 0.22 needs a newer rustc than our pinned 1.95 (see DEVELOPERS.md).
const TRUNK_VERSION: &str = "0.21.14";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// The wasm-opt trunk must use (`[tools] wasm_opt` in Trunk.toml); npm's binaryen provides it.
const WASM_OPT_VERSION: &str = "132";
/// wasm + JS + CSS, gzip, from DEVELOPERS.md.
const BUDGET_GZIP_BYTES: u64 = 150 * 1024;
/// How long each fuzz target runs in `cargo xtask test`.
const FUZZ_SECONDS_PER_TARGET: u64 = 20;
/// The whole fuzz step: building the targets from scratch takes most of it on a fresh machine.
const FUZZ_HARD_LIMIT: Duration = Duration::from_secs(15 * 60);
const CARGO_FUZZ_VERSION: &str = "0.13.2";
/// The sub-path the end-to-end tests serve the release build under (playwright.config.ts).
const E2E_BASE: &str = "/adopters/";

/// The Playwright test server's port (playwright.config.ts: E2E_PORT, default 4173).
const E2E_DEFAULT_PORT: u16 = 4173;
/// `cargo xtask test --only` keys, in the order the steps run.
const STEP_KEYS: [&str; 8] = [
    "fmt",
    "clippy",
    "clippy-wasm",
    "unit",
    "wasm",
    "fuzz",
    "dist",
    "e2e",
];

type Result<T = ()> = std::result::Result<T, String>;

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    let root = repo_root();
    if let Err(e) = env::set_current_dir(&root) {
        eprintln!("xtask: cannot enter {}: {e}", root.display());
        exit(2);
    }
    prepend_path(&root);
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup(&root),
        Some("serve") => serve(&root, &args[1..]),
        Some("dist") => dist_cmd(&root, &args[1..]),
        Some("test") => test(&root, &args[1..]),
        Some("bench") => bench(&root, &args[1..]),
        Some("help" | "-h" | "--help") | None => {
            println!("{}", USAGE);
            Ok(())
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    if let Err(message) = result {
        eprintln!("\nxtask: error: {message}");
        exit(1);
    }
}

const USAGE: &str = "usage: cargo xtask <command>

  setup                      install or check every tool the project needs (idempotent)
  serve [--port 8080]        release build, then serve it on http://127.0.0.1:8080/
  dist [--public-url /x/] [--dist DIR]
                             release build into dist/ (or DIR) and print bundle sizes as JSON
  test [--only a,b]          fmt, clippy (native + wasm), unit tests, browser tests, release
                             build, Playwright: what CI runs. --only runs some steps, by key:
                             fmt clippy clippy-wasm unit wasm fuzz dist e2e
  bench [--runs 5] [--keystrokes 60] [--reference DIR [--reference-path /adopters/]
        [--reference-runs 10]]
                             release build, then headless Chromium drives it: prints bundle
                             sizes, first-card paint (unthrottled, CPU x4), keystroke and facet
                             timings at 10,000 and 50,000 members, memory, as JSON on stdout
                             (progress on stderr); also written to target/bench.json.
                             --reference: a local static build of karmada.io; its adopters page
                             is loaded alternately with ours to compare first paints";

// ---------------------------------------------------------------------------------------------
// Environment

fn repo_root() -> PathBuf {
    // xtask/ sits directly in the workspace root.
    let manifest = env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    manifest.parent().map(Path::to_path_buf).unwrap_or(manifest)
}

/// node_modules/.bin first (npm's wasm-opt for trunk, playwright), then ~/.cargo/bin.
fn prepend_path(root: &Path) {
    let mut dirs = vec![root.join("node_modules").join(".bin")];
    if let Some(home) = env::var_os("HOME") {
        dirs.push(PathBuf::from(home).join(".cargo").join("bin"));
    }
    let old = env::var_os("PATH").unwrap_or_default();
    dirs.extend(env::split_paths(&old));
    let mut seen = Vec::new();
    dirs.retain(|d| {
        let keep = !seen.contains(d);
        seen.push(d.clone());
        keep
    });
    if let Ok(path) = env::join_paths(dirs) {
        // Single-threaded at this point; children inherit it.
        env::set_var("PATH", path);
    }
}

fn cmd(program: &str, args: &[&str]) -> Command {
    let mut c = Command::new(program);
    c.args(args);
    c
}

fn describe(c: &Command) -> String {
    let mut s = c.get_program().to_string_lossy().into_owned();
    for a in c.get_args() {
        let a = a.to_string_lossy();
        if a.is_empty() || a.contains([' ', '"', '\'', '$']) {
            let _ = write!(s, " '{}'", a.replace('\'', "'\\''"));
        } else {
            let _ = write!(s, " {a}");
        }
    }
    s
}

/// Runs a command with inherited stdio; Err names the command.
fn run(c: Command) -> Result {
    println!("$ {}", describe(&c));
    wait_for(c)
}

fn wait_for(mut c: Command) -> Result {
    let shown = describe(&c);
    let status = c
        .status()
        .map_err(|e| format!("could not start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({})", exit_text(status)))
    }
}

fn exit_text(status: ExitStatus) -> String {
    match status.code() {
        Some(code) => format!("exit code {code}"),
        None => "killed by a signal".into(),
    }
}

/// stdout (trimmed) of a command that succeeded, or None.
fn output_of(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn is_root() -> bool {
    output_of("id", &["-u"]).as_deref() == Some("0")
}

fn mtime(path: &Path) -> Option<SystemTime> {
    fs::metadata(path).and_then(|m| m.modified()).ok()
}

// ---------------------------------------------------------------------------------------------
// setup

/// Every build ends with a static copy of the first screen made in Chromium (prerender.mjs), so
/// building needs the browser as much as testing does.
fn setup(root: &Path) -> Result {
    println!("setup: checking tools (installs only what is missing)");
    ensure_wasm_target()?;
    ensure_rust_components()?;
    ensure_trunk()?;
    ensure_wasm_bindgen(root)?;
    ensure_node_modules(root)?;
    ensure_chromium()?;
    warn_if_disk_is_short(root);
    println!("setup: done");
    Ok(())
}

/// A fresh clone's `target/` grows to about 3 GB (native, wasm, release and fuzz builds).
/// When the disk fills, rustc fails with "No space left on device" deep inside some
/// step; saying so up front makes that failure easy to read.
fn warn_if_disk_is_short(root: &Path) {
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

fn ensure_wasm_target() -> Result {
    let have_rustup = output_of("rustup", &["--version"]).is_some();
    if have_rustup {
        let installed = output_of("rustup", &["target", "list", "--installed"]).unwrap_or_default();
        if installed.lines().any(|l| l.trim() == WASM_TARGET) {
            println!("ok: rust target {WASM_TARGET} present");
            return Ok(());
        }
        println!("installing: rust target {WASM_TARGET}");
        return run(cmd("rustup", &["target", "add", WASM_TARGET]));
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
        Ok(())
    } else {
        Err(format!(
            "the {WASM_TARGET} target is missing and rustup is not installed; run:\n    \
             rustup target add {WASM_TARGET}"
        ))
    }
}

fn ensure_rust_components() -> Result {
    let fmt = output_of("cargo", &["fmt", "--version"]).is_some();
    let clippy = output_of("cargo", &["clippy", "--version"]).is_some();
    let std_source = rust_std_source().is_some_and(|dir| dir.is_dir());
    if fmt && clippy && std_source {
        println!("ok: rustfmt, clippy and rust-src present");
        return Ok(());
    }
    println!("installing: rustfmt, clippy and rust-src");
    run(cmd(
        "rustup",
        &["component", "add", "rustfmt", "clippy", "rust-src"],
    ))
    .map_err(|e| format!("{e}\nrun: rustup component add rustfmt clippy rust-src"))
}

/// The standard library's source, which the release build compiles (`RELEASE_BUILD_ENV`).
fn rust_std_source() -> Option<PathBuf> {
    let sysroot = output_of("rustc", &["--print", "sysroot"])?;
    Some(Path::new(sysroot.trim()).join("lib/rustlib/src/rust/library/std"))
}

/// The release bundle compiles the standard library itself with `panic = immediate-abort`:
/// the prebuilt one carries the panic machinery and its messages, about 26 KB gzip of the
/// wasm (DEVELOPERS.md, "The release wasm is built with its own standard library"). Both are
/// unstable cargo/rustc features, allowed on the pinned stable toolchain by `RUSTC_BOOTSTRAP`;
/// only this build uses them (tests, clippy and debug builds get the normal library and keep
/// their panic messages).
const RELEASE_BUILD_ENV: [(&str, &str); 3] = [
    ("RUSTC_BOOTSTRAP", "1"),
    ("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort"),
    (
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
        // `.cargo/config.toml`'s `erase_components` is repeated: the bundle must not depend
        // on whether cargo joins these flags with the file's or lets them replace it.
        "--cfg erase_components -Zunstable-options -Cpanic=immediate-abort",
    ),
];

fn ensure_trunk() -> Result {
    ensure_cargo_tool(&["trunk"], "trunk", TRUNK_VERSION, "~10 min")
}

/// cargo-fuzz at [`CARGO_FUZZ_VERSION`]; it runs on stable with `RUSTC_BOOTSTRAP=1` and no
/// sanitizer (`fuzz/run.sh`).
fn ensure_cargo_fuzz() -> Result {
    ensure_cargo_tool(
        &["cargo", "fuzz"],
        "cargo-fuzz",
        CARGO_FUZZ_VERSION,
        "~3 min",
    )
}

/// A tool installed with `cargo install <package> --version <version> --locked`, unless
/// `<invocation…> --version` already says `<package> <version>`.
fn ensure_cargo_tool(invocation: &[&str], package: &str, version: &str, takes: &str) -> Result {
    let want = format!("{package} {version}");
    match version_of(invocation) {
        Some(v) if v.trim() == want => {
            println!("ok: {want} present");
            return Ok(());
        }
        Some(v) => println!("installing: {want} (found `{v}`; {takes} on 2 cores)"),
        None => println!("installing: {want} (not found; {takes} on 2 cores)"),
    }
    run(cmd(
        "cargo",
        &["install", package, "--version", version, "--locked"],
    ))
    .map_err(|e| format!("{e}\nrun: cargo install {package} --version {version} --locked"))?;
    check_version(invocation, &want)
}

/// What `<invocation…> --version` prints, if it runs.
fn version_of(invocation: &[&str]) -> Option<String> {
    let (program, leading) = invocation.split_first()?;
    let args: Vec<&str> = leading.iter().copied().chain(["--version"]).collect();
    output_of(program, &args)
}

/// After an install: `<invocation…> --version` must say `want`.
fn check_version(invocation: &[&str], want: &str) -> Result {
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
fn lock_version(lock: &str, package: &str) -> Option<String> {
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
fn trunk_toml_tool(trunk_toml: &str, key: &str) -> Option<String> {
    trunk_toml.lines().find_map(|l| {
        let (k, v) = l.split_once('=')?;
        (k.trim() == key).then(|| v.trim().trim_matches('"').to_string())
    })
}

fn ensure_wasm_bindgen(root: &Path) -> Result {
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
        return Ok(());
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
    check_version(&["wasm-bindgen-test-runner"], &want_runner)
}

fn node_major(version: &str) -> Option<u32> {
    version
        .trim()
        .trim_start_matches('v')
        .split('.')
        .next()?
        .parse()
        .ok()
}

fn ensure_node_modules(root: &Path) -> Result {
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
    if fresh && wasm_opt.exists() {
        println!("ok: node_modules up to date with package-lock.json (node {node})");
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
    }
    let version = output_of(&wasm_opt.to_string_lossy(), &["--version"]).unwrap_or_default();
    if !version.contains(&format!("version {WASM_OPT_VERSION}")) {
        return Err(format!(
            "node_modules/.bin/wasm-opt says `{version}`, expected binaryen {WASM_OPT_VERSION}: \
             run `rm -rf node_modules && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci`"
        ));
    }
    println!("ok: wasm-opt {WASM_OPT_VERSION} (npm binaryen) first on PATH for trunk");
    Ok(())
}

fn ensure_chromium() -> Result {
    let have = |p: &str| Path::new(p).exists();
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
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// serve / dist

/// Parses `--name value` / `--name=value` flags; any other argument is an error.
fn flags(args: &[String], names: &[&str]) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if let Some(name) = names.iter().find(|n| a == *n) {
            let v = args.get(i + 1).ok_or(format!("{name} needs a value"))?;
            out.push((name.to_string(), v.clone()));
            i += 2;
            continue;
        }
        match names
            .iter()
            .find_map(|n| a.strip_prefix(&format!("{n}=")).map(|v| (n, v)))
        {
            Some((name, v)) => out.push((name.to_string(), v.to_string())),
            None => return Err(format!("unknown argument `{a}`\n\n{USAGE}")),
        }
        i += 1;
    }
    Ok(out)
}

/// The value of one flag (the last one given).
fn flag_of(parsed: &[(String, String)], name: &str) -> Option<String> {
    parsed
        .iter()
        .rev()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
}

fn flag_value(args: &[String], name: &str) -> Result<Option<String>> {
    Ok(flag_of(&flags(args, &[name])?, name))
}

fn serve(root: &Path, args: &[String]) -> Result {
    let port = flag_value(args, "--port")?.unwrap_or_else(|| "8080".into());
    port.parse::<u16>()
        .map_err(|_| format!("--port wants a number, got `{port}`"))?;
    setup(root)?;
    release_build(None, Path::new("dist"))?;
    println!("\nserving the release build on http://127.0.0.1:{port}/ (Ctrl-C stops)");
    let mut c = cmd(
        "node",
        &["tests/e2e/server.mjs", "--dir", "dist", "--port", &port],
    );
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        let err = c.exec();
        Err(format!("could not start node: {err}"))
    }
    #[cfg(not(unix))]
    run(c)
}

/// trunk's release build, then the static copy of the list's first screen in its index.html.
fn release_build(public_url: Option<&str>, dist_dir: &Path) -> Result {
    let mut trunk = cmd("trunk", &["build", "--release", "--offline"]);
    trunk.envs(RELEASE_BUILD_ENV);
    if let Some(url) = public_url {
        trunk.args(["--public-url", url]);
    }
    trunk.arg("--dist").arg(dist_dir);
    run(trunk)?;
    let mut prerender = cmd("node", &["xtask/prerender.mjs", "--dist"]);
    prerender
        .arg(dist_dir)
        .args(["--base", public_url.unwrap_or("/")]);
    run(prerender)
}

fn dist_cmd(root: &Path, args: &[String]) -> Result {
    let parsed = flags(args, &["--public-url", "--dist"])?;
    let public_url = flag_of(&parsed, "--public-url");
    let dir = flag_of(&parsed, "--dist").unwrap_or_else(|| "dist".into());
    setup(root)?;
    dist(root, public_url.as_deref(), &dir).map(|_| ())
}

struct Sizes {
    json: String,
    total_gzip: u64,
}

/// Release build into `dir` (relative to the root), then its bundle sizes.
fn dist(root: &Path, public_url: Option<&str>, dir: &str) -> Result<Sizes> {
    release_build(public_url, Path::new(dir))?;
    let sizes = bundle_sizes(&root.join(dir), dir, public_url.unwrap_or("/"))?;
    println!("{}", sizes.json);
    let out = root.join("target").join("dist-sizes.json");
    let _ = fs::create_dir_all(root.join("target"));
    let _ = fs::write(&out, format!("{}\n", sizes.json));
    if sizes.total_gzip > BUDGET_GZIP_BYTES {
        println!(
            "WARNING: wasm + js + css is {} bytes gzip, over the {} byte budget (DEVELOPERS.md)",
            sizes.total_gzip, BUDGET_GZIP_BYTES
        );
    }
    Ok(sizes)
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) -> Result {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

fn gzip_size(path: &Path) -> Result<u64> {
    let file = fs::File::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    let mut child = Command::new("gzip")
        .args(["-9", "-n", "-c"])
        .stdin(file)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run gzip (apt-get install gzip): {e}"))?;
    let mut stdout = child.stdout.take().ok_or("gzip has no stdout")?;
    let mut buf = [0u8; 64 * 1024];
    let mut n: u64 = 0;
    loop {
        let read = stdout
            .read(&mut buf)
            .map_err(|e| format!("reading gzip output: {e}"))?;
        if read == 0 {
            break;
        }
        n += read as u64;
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!("gzip failed on {}", path.display()));
    }
    Ok(n)
}

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Sizes of the wasm, JS and CSS files in dist/ (raw and gzip -9), as pretty JSON.
fn bundle_sizes(dist: &Path, label: &str, public_url: &str) -> Result<Sizes> {
    let mut files = Vec::new();
    files_under(dist, &mut files)?;
    files.sort();
    let kinds = ["wasm", "js", "css"];
    let mut json = String::from("{\n");
    let _ = writeln!(json, "  \"dir\": {},", json_string(label));
    let _ = writeln!(json, "  \"public_url\": {},", json_string(public_url));
    let (mut total_raw, mut total_gzip) = (0u64, 0u64);
    for kind in kinds {
        let (mut raw, mut gz) = (0u64, 0u64);
        let mut entries = Vec::new();
        for f in files
            .iter()
            .filter(|f| f.extension().and_then(|e| e.to_str()) == Some(kind))
        {
            let r = fs::metadata(f).map_err(|e| e.to_string())?.len();
            let g = gzip_size(f)?;
            raw += r;
            gz += g;
            let name = f.strip_prefix(dist).unwrap_or(f).to_string_lossy();
            entries.push(format!(
                "{{ \"file\": {}, \"raw\": {r}, \"gzip\": {g} }}",
                json_string(&name)
            ));
        }
        if kind == "wasm" && entries.is_empty() {
            return Err(format!(
                "no .wasm file in {}: did trunk build?",
                dist.display()
            ));
        }
        total_raw += raw;
        total_gzip += gz;
        let _ = writeln!(
            json,
            "  \"{kind}\": {{ \"raw\": {raw}, \"gzip\": {gz}, \"files\": [{}] }},",
            entries.join(", ")
        );
    }
    let _ = writeln!(json, "  \"total_raw\": {total_raw},");
    let _ = writeln!(json, "  \"total_gzip\": {total_gzip},");
    let _ = writeln!(json, "  \"budget_gzip\": {BUDGET_GZIP_BYTES},");
    let _ = writeln!(
        json,
        "  \"within_budget\": {}",
        total_gzip <= BUDGET_GZIP_BYTES
    );
    json.push('}');
    Ok(Sizes { json, total_gzip })
}

// ---------------------------------------------------------------------------------------------
// bench

/// Where `cargo xtask bench` builds the bundle it measures (served at `/`).
const BENCH_DIST: &str = "target/bench-dist";

/// The benchmark: not a test, nothing passes or fails on time. Everything but the final JSON
/// goes to stderr so that `cargo xtask bench > figures.json` works.
fn bench(root: &Path, args: &[String]) -> Result {
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

/// [`run`], with the command line and the child's stdout on our stderr.
fn run_on_stderr(mut c: Command) -> Result {
    eprintln!("$ {}", describe(&c));
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        let handle = std::io::stderr()
            .as_fd()
            .try_clone_to_owned()
            .map_err(|e| format!("cannot duplicate stderr: {e}"))?;
        c.stdout(Stdio::from(handle));
    }
    wait_for(c)
}

// ---------------------------------------------------------------------------------------------
// test

#[derive(Default, Debug, PartialEq, Eq, Clone, Copy)]
struct Counts {
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
fn number_before(line: &str, word: &str) -> Option<u64> {
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
fn parse_counts(line: &str) -> Option<Counts> {
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
fn run_counting(mut c: Command, deadline: Option<Duration>) -> (Result, Counts) {
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

enum Outcome {
    Passed,
    Failed(String),
    Skipped(String),
}

struct StepReport {
    name: &'static str,
    outcome: Outcome,
    seconds: f64,
    counts: Option<Counts>,
}

fn test(root: &Path, args: &[String]) -> Result {
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
    setup(root)?;
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
            Box::new(|| match dist(root, Some(E2E_BASE), "dist") {
                Ok(s) if s.total_gzip > BUDGET_GZIP_BYTES => (
                    Ok(Some(format!(
                        "{} bytes gzip, over the budget",
                        s.total_gzip
                    ))),
                    None,
                ),
                Ok(s) => (Ok(Some(format!("{} bytes gzip", s.total_gzip))), None),
                Err(e) => (Err(e), None),
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
fn e2e_port() -> u16 {
    if TcpListener::bind(("127.0.0.1", E2E_DEFAULT_PORT)).is_ok() {
        return E2E_DEFAULT_PORT;
    }
    TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or(E2E_DEFAULT_PORT)
}

fn banner(name: &str, index: Option<(usize, usize)>) {
    match index {
        Some((i, n)) => println!("\n==> [{i}/{n}] {name}"),
        None => println!("\n==> {name}"),
    }
}

fn fuzz(root: &Path) -> (Result<Option<String>>, Option<Counts>) {
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

fn summary(reports: &[StepReport], total_steps: usize, elapsed: Duration) -> Result {
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

    #[test]
    fn escapes_json() {
        assert_eq!(json_string("a\"b\\c\n"), "\"a\\\"b\\\\c\\n\"");
    }

    #[test]
    fn node_versions() {
        assert_eq!(node_major("v20.20.2"), Some(20));
        assert_eq!(node_major("18.1.0"), Some(18));
        assert_eq!(node_major("x"), None);
    }

    #[test]
    fn flags() {
        let a = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            flag_value(&a(&["--port", "9000"]), "--port")
                .unwrap()
                .as_deref(),
            Some("9000")
        );
        assert_eq!(
            flag_value(&a(&["--port=9001"]), "--port")
                .unwrap()
                .as_deref(),
            Some("9001")
        );
        assert_eq!(flag_value(&a(&[]), "--port").unwrap(), None);
        assert!(flag_value(&a(&["--nope"]), "--port").is_err());
        assert!(flag_value(&a(&["--port"]), "--port").is_err());
    }

    #[test]
    fn budget_and_sizes_from_a_fake_dist() {
        let dir = env::temp_dir().join(format!("xtask-sizes-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("sub")).unwrap();
        fs::write(dir.join("app_bg.wasm"), vec![0u8; 4096]).unwrap();
        fs::write(dir.join("app.js"), "console.log(1);".repeat(100)).unwrap();
        fs::write(dir.join("sub").join("style.css"), "a{}").unwrap();
        fs::write(dir.join("members.json"), "{}").unwrap();
        let sizes = bundle_sizes(&dir, "dist", "/").unwrap();
        assert!(sizes.json.contains("\"app_bg.wasm\""), "{}", sizes.json);
        assert!(sizes.json.contains("\"sub/style.css\""), "{}", sizes.json);
        assert!(!sizes.json.contains("members.json"), "{}", sizes.json);
        assert!(sizes.total_gzip > 0 && sizes.total_gzip < 4096 + 1500 + 3);
        fs::remove_dir_all(&dir).unwrap();
    }
}
