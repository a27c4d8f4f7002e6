//! The project's commands: a dispatcher over one module per task (std only, so that it compiles
//! on every fresh machine before anything else is installed).
//!
//! ```text
//! cargo xtask setup                      install/check every tool (idempotent)
//! cargo xtask serve [--port 8080]        release build, served on http://127.0.0.1:8080/
//! cargo xtask dist [--public-url /x/] [--dist DIR]  release build, bundle sizes as JSON
//! cargo xtask test                       every check CI runs, in order
//! cargo xtask bench [--runs 5] [--keystrokes 60] [--reference DIR]  release build + headless Chromium, figures as JSON
//! cargo xtask release [--out DIR]        the archive a website publishes from (no wasm toolchain there)
//! cargo xtask rehearse [serve|test]      the README's commands in a fresh clone with an empty cargo registry
//! ```

mod args;
mod bench;
mod dist;
mod own_binaries;
mod process;
mod rehearse;
mod release;
mod setup;
mod test;

use std::env;
use std::process::exit;

pub(crate) type Result<T = ()> = std::result::Result<T, String>;

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    let root = process::repo_root();
    if let Err(e) = env::set_current_dir(&root) {
        eprintln!("xtask: cannot enter {}: {e}", root.display());
        exit(2);
    }
    process::prepend_path(&root);
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::setup(&root, setup::Purpose::Everything),
        Some("serve") => dist::serve(&root, &args[1..]),
        Some("dist") => dist::dist_cmd(&root, &args[1..]),
        Some("test") => test::test(&root, &args[1..]),
        Some("bench") => bench::bench(&root, &args[1..]),
        Some("release") => release::release_cmd(&root, &args[1..]),
        Some("rehearse") => rehearse::rehearse(&root, &args[1..]),
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

pub(crate) const USAGE: &str = "usage: cargo xtask <command>

  setup                      install or check every tool the project needs (idempotent), and
                             fetch the crates the offline release build needs
  serve [--port 8080]        release build, then serve it on http://127.0.0.1:8080/
  dist [--public-url /x/] [--dist DIR]
                             release build into dist/ (or DIR) and print bundle sizes as JSON
  test [--only a,b]          fmt, clippy (native + wasm), unit tests, browser tests, release
                             build, Playwright: what CI runs. --only runs some steps, by key:
                             fmt clippy clippy-wasm unit wasm fuzz dist release e2e
  bench [--runs 5] [--keystrokes 60] [--reference DIR [--reference-path /adopters/]
        [--reference-runs 10] [--reference-embed-path /showcase-embed/]
        [--reference-frame-path /showcase-embed-frame/]]
                             release build, then headless Chromium drives it: prints bundle
                             sizes, first-card paint (unthrottled, CPU x4), keystroke and facet
                             timings at 10,000 and 50,000 members, memory, as JSON on stdout
                             (progress on stderr); also written to target/bench.json.
                             --reference: a local static build of karmada.io; its adopters page
                             is loaded alternately with ours to compare first paints
  release [--out DIR]        the release archive a website downloads: the app as trunk built
                             it, showcase-site (Linux x86_64) and the facts file, packed into
                             target/release-archive/karmada-showcase-<version>-x86_64-linux.tar.gz
                             with its .sha256; prints its size and contents as JSON
  rehearse [serve|test|all] [--keep]
                             the fresh-machine rehearsal: clones HEAD into a temporary folder
                             (with ../shared beside it), gives it an empty cargo registry
                             (CARGO_HOME whose bin/ is the real one) and no node_modules or
                             target/, then runs `cargo xtask serve` until it answers, and/or
                             `cargo xtask test` there (default: all)";
