//! Running programs: the environment every child gets, commands echoed and checked.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::SystemTime;

use crate::Result;

pub(crate) fn repo_root() -> PathBuf {
    // xtask/ sits directly in the workspace root.
    let manifest = env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    manifest.parent().map(Path::to_path_buf).unwrap_or(manifest)
}

/// Where `cargo install` puts trunk and the others: `$CARGO_HOME/bin`, else `~/.cargo/bin`.
pub(crate) fn cargo_bin_dir() -> Option<PathBuf> {
    match env::var_os("CARGO_HOME") {
        Some(cargo_home) => Some(PathBuf::from(cargo_home).join("bin")),
        None => Some(
            PathBuf::from(env::var_os("HOME")?)
                .join(".cargo")
                .join("bin"),
        ),
    }
}

/// node_modules/.bin first (npm's wasm-opt for trunk, playwright), then cargo's bin folder.
pub(crate) fn prepend_path(root: &Path) {
    let mut dirs = vec![root.join("node_modules").join(".bin")];
    dirs.extend(cargo_bin_dir());
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

pub(crate) fn cmd(program: &str, args: &[&str]) -> Command {
    let mut c = Command::new(program);
    c.args(args);
    c
}

pub(crate) fn describe(c: &Command) -> String {
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
pub(crate) fn run(c: Command) -> Result {
    println!("$ {}", describe(&c));
    wait_for(c)
}

pub(crate) fn wait_for(mut c: Command) -> Result {
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

pub(crate) fn exit_text(status: ExitStatus) -> String {
    match status.code() {
        Some(code) => format!("exit code {code}"),
        None => "killed by a signal".into(),
    }
}

/// stdout (trimmed) of a command that succeeded, or None.
pub(crate) fn output_of(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

pub(crate) fn is_root() -> bool {
    output_of("id", &["-u"]).as_deref() == Some("0")
}

pub(crate) fn mtime(path: &Path) -> Option<SystemTime> {
    fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// [`run`], with the command line and the child's stdout on our stderr.
pub(crate) fn run_on_stderr(mut c: Command) -> Result {
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
