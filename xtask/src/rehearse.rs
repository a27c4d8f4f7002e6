//! `cargo xtask rehearse`: the README's two commands as a newcomer meets them.
//!
//! This machine's caches (cargo's registry, `node_modules/`, `target/`) hide missing set-up
//! steps: CI stayed green for several stops while a fresh machine could not build. Each
//! rehearsal clones the last commit into a temporary folder with `../shared` beside it, gives
//! it an empty cargo registry (a `CARGO_HOME` whose `bin/` is the real one, so installed tools
//! count as installed), no `node_modules/`, no `target/` and a `PATH` without this checkout's
//! `node_modules/.bin`, and runs the command there as the only command typed.

use std::env;
use std::ffi::{OsStr, OsString};
use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use crate::args::flags;
use crate::process::{cargo_bin_dir, cmd, exit_text, output_of, run};
use crate::setup::minutes_and_seconds;
use crate::Result;

/// A fresh `cargo xtask serve` installs tools and builds the release bundle first.
const SERVE_DEADLINE: Duration = Duration::from_secs(60 * 60);
/// A fresh `cargo xtask test` on 2 cores: set-up plus every step from cold caches.
const TEST_DEADLINE: Duration = Duration::from_secs(120 * 60);

#[derive(Clone, Copy, PartialEq, Eq)]
enum Rehearsal {
    Serve,
    Test,
}

pub(crate) fn rehearse(root: &Path, args: &[String]) -> Result {
    let (which, rest) = match args.first().map(String::as_str) {
        Some("serve") => (vec![Rehearsal::Serve], &args[1..]),
        Some("test") => (vec![Rehearsal::Test], &args[1..]),
        Some("all") => (vec![Rehearsal::Serve, Rehearsal::Test], &args[1..]),
        _ => (vec![Rehearsal::Serve, Rehearsal::Test], args),
    };
    let keep = rest.iter().any(|a| a == "--keep");
    let rest: Vec<String> = rest.iter().filter(|a| *a != "--keep").cloned().collect();
    flags(&rest, &[])?;
    if output_of("git", &["status", "--porcelain"]).is_some_and(|s| !s.is_empty()) {
        println!(
            "rehearse: note: the working tree has uncommitted changes; the rehearsal clones the \
             last commit only"
        );
    }
    let mut lines = Vec::new();
    for rehearsal in which {
        let started = Instant::now();
        let place = Place::new(root, rehearsal)?;
        let outcome = match rehearsal {
            Rehearsal::Serve => serve_until_it_answers(&place),
            Rehearsal::Test => test_passes(&place),
        };
        let took = minutes_and_seconds(started.elapsed());
        if keep {
            println!("rehearse: kept {}", place.dir.display());
        } else {
            place.remove();
        }
        match outcome {
            Ok(what) => lines.push(format!("ok: {what} in {took}")),
            Err(e) => return Err(format!("rehearsal failed after {took}: {e}")),
        }
    }
    println!("\nrehearse: a fresh clone with an empty cargo registry:");
    for line in lines {
        println!("  {line}");
    }
    Ok(())
}

/// A fresh clone and its empty cargo home, side by side in a temporary folder.
struct Place {
    dir: PathBuf,
    checkout: PathBuf,
    cargo_home: PathBuf,
}

impl Place {
    fn new(root: &Path, rehearsal: Rehearsal) -> Result<Place> {
        let name = match rehearsal {
            Rehearsal::Serve => "serve",
            Rehearsal::Test => "test",
        };
        let dir = env::temp_dir().join(format!(
            "karmada-showcase-rehearsal-{name}-{}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&dir);
        let cargo_home = dir.join("cargo-home");
        fs::create_dir_all(&cargo_home)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let real_bin = cargo_bin_dir().ok_or("cannot tell where cargo's bin folder is")?;
        symlink(&real_bin, &cargo_home.join("bin"))?;
        // Tests read the upstream snapshot from ../shared beside the checkout, as CI lays it.
        let shared = root.join("..").join("shared");
        if shared.is_dir() {
            let shared = shared
                .canonicalize()
                .map_err(|e| format!("{}: {e}", shared.display()))?;
            symlink(&shared, &dir.join("shared"))?;
        } else {
            println!("rehearse: no ../shared beside the checkout: tests that read it will skip");
        }
        let checkout = dir.join("main");
        let mut clone = cmd("git", &["clone", "--quiet", "--no-hardlinks"]);
        clone.arg(root).arg(&checkout);
        run(clone)?;
        println!(
            "rehearse: {name} in {} (CARGO_HOME={}, bin/ -> {})",
            checkout.display(),
            cargo_home.display(),
            real_bin.display()
        );
        Ok(Place {
            dir,
            checkout,
            cargo_home,
        })
    }

    /// `cargo xtask <args>` in the clone, with nothing of this checkout's environment.
    fn xtask(&self, args: &[&str]) -> Command {
        let mut c = Command::new("cargo");
        c.arg("xtask").args(args).current_dir(&self.checkout);
        // What `cargo run` set for this process, and our own PATH additions, must not leak.
        for (key, _) in env::vars_os() {
            let key_text = key.to_string_lossy();
            if key_text.starts_with("CARGO") || key_text == "LD_LIBRARY_PATH" {
                c.env_remove(&key);
            }
        }
        c.env("CARGO_HOME", &self.cargo_home);
        c.env(
            "PATH",
            path_without_node_modules(&env::var_os("PATH").unwrap_or_default()),
        );
        c
    }

    fn remove(&self) {
        if let Err(e) = fs::remove_dir_all(&self.dir) {
            println!("rehearse: could not remove {}: {e}", self.dir.display());
        }
    }
}

/// `path` without any `node_modules/.bin` (ours is put first by `prepend_path`): the clone's
/// set-up must install its own wasm-opt and Playwright.
fn path_without_node_modules(path: &OsStr) -> OsString {
    let kept: Vec<PathBuf> = env::split_paths(path)
        .filter(|p| !p.ends_with(Path::new("node_modules").join(".bin")))
        .collect();
    env::join_paths(kept).unwrap_or_else(|_| path.to_owned())
}

fn symlink(target: &Path, link: &Path) -> Result {
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(target, link).map_err(|e| {
            format!(
                "cannot link {} -> {}: {e}",
                link.display(),
                target.display()
            )
        })
    }
    #[cfg(not(unix))]
    {
        let _ = (target, link);
        Err("the rehearsal needs a Unix machine".into())
    }
}

/// `cargo xtask test`: its own exit status is the verdict.
fn test_passes(place: &Place) -> Result<String> {
    let mut c = place.xtask(&["test"]);
    c.env("CI", "true").stdin(Stdio::null());
    let mut child = spawn_in_own_group(c)?;
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            return if status.success() {
                Ok("`cargo xtask test` passed".into())
            } else {
                Err(format!("`cargo xtask test` failed ({})", exit_text(status)))
            };
        }
        if started.elapsed() > TEST_DEADLINE {
            stop_group(&mut child);
            return Err(format!(
                "`cargo xtask test` still ran after {}",
                minutes_and_seconds(TEST_DEADLINE)
            ));
        }
        sleep(Duration::from_secs(1));
    }
}

/// `cargo xtask serve` until the page and the bundled feed answer on loopback, then stopped.
fn serve_until_it_answers(place: &Place) -> Result<String> {
    let port = free_port()?;
    let port_text = port.to_string();
    let mut c = place.xtask(&["serve", "--port", &port_text]);
    c.stdin(Stdio::null());
    let mut child = spawn_in_own_group(c)?;
    let started = Instant::now();
    let verdict = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break Err(format!(
                "`cargo xtask serve` ended before serving ({})",
                exit_text(status)
            ));
        }
        if started.elapsed() > SERVE_DEADLINE {
            break Err(format!(
                "`cargo xtask serve` did not answer within {}",
                minutes_and_seconds(SERVE_DEADLINE)
            ));
        }
        if let Some(page) = http_get(port, "/") {
            let feed = http_get(port, "/members.json").unwrap_or_default();
            break if !page.starts_with("HTTP/1.1 200") || !page.contains("karmada-showcase") {
                Err(format!(
                    "http://127.0.0.1:{port}/ did not answer with the app: {}",
                    page.lines().next().unwrap_or("(nothing)")
                ))
            } else if !feed.starts_with("HTTP/1.1 200") || !feed.contains("\"members\"") {
                Err(format!(
                    "http://127.0.0.1:{port}/members.json is not the feed: {}",
                    feed.lines().next().unwrap_or("(nothing)")
                ))
            } else {
                Ok(format!(
                    "`cargo xtask serve` served the app and its feed on 127.0.0.1:{port}"
                ))
            };
        }
        sleep(Duration::from_secs(2));
    };
    stop_group(&mut child);
    verdict
}

fn free_port() -> Result<u16> {
    TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free loopback port: {e}"))
}

/// The whole response to `GET path` on loopback, or None while nothing listens.
fn http_get(port: u16, path: &str) -> Option<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut body = Vec::new();
    stream.read_to_end(&mut body).ok()?;
    Some(String::from_utf8_lossy(&body).into_owned())
}

/// Its own process group, so that stopping it also stops the server `serve` hands over to.
fn spawn_in_own_group(mut c: Command) -> Result<Child> {
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        c.process_group(0);
    }
    c.spawn().map_err(|e| format!("cannot start cargo: {e}"))
}

fn stop_group(child: &mut Child) {
    let group = format!("-{}", child.id());
    let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
    sleep(Duration::from_millis(500));
    let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
    let _ = child.wait();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clone_does_not_see_our_node_modules() {
        let path = OsString::from("/work/main/node_modules/.bin:/root/.cargo/bin:/usr/bin");
        assert_eq!(
            path_without_node_modules(&path),
            OsString::from("/root/.cargo/bin:/usr/bin")
        );
        let clean = OsString::from("/usr/local/bin:/usr/bin");
        assert_eq!(path_without_node_modules(&clean), clean);
    }
}
