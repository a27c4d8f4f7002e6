//! The release build (`serve`, `dist`) and the sizes of what it ships.

use std::fmt::Write as _;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::args::{flag_of, flag_value, flags};
use crate::own_binaries::{self, OWN_BINARY_PAGES};
use crate::process::{cmd, run};
use crate::setup::{setup, Purpose};
use crate::Result;

/// The release bundle compiles the standard library itself with `panic = immediate-abort`:
/// the prebuilt one carries the panic machinery and its messages, about 26 KB gzip of the
/// wasm (DEVELOPERS.md, "The release wasm is built with its own standard library"). Both are
/// unstable cargo/rustc features, allowed on the pinned stable toolchain by `RUSTC_BOOTSTRAP`;
/// only this build uses them (tests, clippy and debug builds get the normal library and keep
/// their panic messages). It also leaves out Debug formatting (`-Zfmt-debug=none`: `{:?}`
/// writes nothing; the feed reader quotes with `members_feed`'s `quoted`) and panic locations,
/// which an immediate abort never prints: 2.8 KB gzip of the list's wasm.
pub(crate) const RELEASE_BUILD_ENV: [(&str, &str); 3] = [
    ("RUSTC_BOOTSTRAP", "1"),
    ("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort"),
    (
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
        // `.cargo/config.toml`'s `erase_components` is repeated: the bundle must not depend
        // on whether cargo joins these flags with the file's or lets them replace it.
        "--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none",
    ),
];

pub(crate) fn serve(root: &Path, args: &[String]) -> Result {
    let port = flag_value(args, "--port")?.unwrap_or_else(|| "8080".into());
    port.parse::<u16>()
        .map_err(|_| format!("--port wants a number, got `{port}`"))?;
    setup(root, Purpose::Build)?;
    release_build(None, Path::new("dist"))?;
    println!("\nserving the release build on http://127.0.0.1:{port}/ (Ctrl-C stops)");
    let mut c = cmd(
        "node",
        &["tools/server.mjs", "--dir", "dist", "--port", &port],
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

/// trunk's release build, then the static pages and the list's first-screen copies
/// (`showcase-site`).
pub(crate) fn release_build(public_url: Option<&str>, dist_dir: &Path) -> Result {
    app_build(public_url, dist_dir)?;
    // The list's first-screen copies, every member's page and the list in both languages,
    // rendered natively from the app's components into the bundle (crates/site): no browser.
    let mut pages = cmd(
        "cargo",
        &[
            "run",
            "--quiet",
            "-p",
            "showcase-site",
            "--",
            "build",
            "--bundle",
        ],
    );
    pages.arg(dist_dir);
    run(pages)
}

/// The app alone, as trunk builds it (with our scripts minified): what the
/// release archive ships, and what the static pages are written into.
pub(crate) fn app_build(public_url: Option<&str>, dist_dir: &Path) -> Result {
    let trunk = |entry: &str, dist: &Path| {
        let mut trunk = cmd("trunk", &["build", entry, "--release", "--offline"]);
        trunk.envs(RELEASE_BUILD_ENV);
        if let Some(url) = public_url {
            trunk.args(["--public-url", url]);
        }
        trunk.arg("--dist").arg(dist);
        run(trunk)
    };
    trunk("index.html", dist_dir)?;
    own_binaries::build(dist_dir, &trunk)?;
    // Ours and wasm-bindgen's glue as a visitor downloads them: `embed.js` has a 3 KB gzip
    // budget, `prerender.js` blocks the list's first paint (terser: xtask/minify.mjs).
    let glue = std::iter::once("karmada-showcase".to_string())
        .chain(OWN_BINARY_PAGES.iter().map(|page| page.binary()))
        .map(|binary| format!("{binary}.js"));
    let mut minify = cmd("node", &["xtask/minify.mjs"]);
    minify
        .arg(dist_dir)
        .arg("--classic")
        .args(CLASSIC_SCRIPTS)
        .arg("--module")
        .args(MODULE_SCRIPTS)
        .arg("--glue")
        .args(glue);
    run(minify)?;
    rewrite_top_pages(dist_dir, without_fetch_preload_integrity)?;
    let path = dist_dir.join(STYLESHEET);
    let text =
        fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let shrunk = minify_css(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    fs::write(&path, shrunk).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(())
}

/// Rewrites each page at `dir`'s top (trunk's entries; the static pages are made from them
/// later) with `rewrite`, writing only those it changes.
fn rewrite_top_pages(dir: &Path, rewrite: fn(&str) -> String) -> Result {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
            .path();
        if path.extension().is_none_or(|extension| extension != "html") {
            continue;
        }
        let html = fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let rewritten = rewrite(&html);
        if rewritten != html {
            fs::write(&path, rewritten)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// The page without the `integrity` trunk gives the wasm's `<link rel="preload" as="fetch">`.
/// Chromium ignores it there (crbug.com/981419) and says so in every visitor's console; the
/// wasm is fetched by wasm-bindgen's glue, whose request carries none and so uses the preload.
/// The glue's own `modulepreload` keeps its hash, which browsers check.
pub(crate) fn without_fetch_preload_integrity(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<link ") {
        let Some(length) = rest[start..].find('>') else {
            break;
        };
        let tag = &rest[start..start + length + 1];
        out.push_str(&rest[..start]);
        let preloads_fetch = tag.contains("rel=\"preload\"") && tag.contains("as=\"fetch\"");
        let value_at = tag.find(" integrity=\"").filter(|_| preloads_fetch);
        // A value without its closing quote: the tag is left as it is.
        match value_at.and_then(|at| Some((at, at + 12 + tag[at + 12..].find('"')? + 1))) {
            Some((at, value_end)) => {
                out.push_str(&tag[..at]);
                out.push_str(&tag[value_end..]);
            }
            None => out.push_str(tag),
        }
        rest = &rest[start + length + 1..];
    }
    out.push_str(rest);
    out
}

/// The stylesheet as trunk writes it into the bundle (`style/main.css`).
const STYLESHEET: &str = "main.css";

/// The hand-written classic scripts in `public/` that trunk copies into the bundle as they are.
const CLASSIC_SCRIPTS: [&str; 4] = ["embed.js", "prerender.js", "static-page.js", "host-copy.js"];

/// The hand-written module (trunk's start-up script, `pattern_script` in Trunk.toml).
const MODULE_SCRIPTS: [&str; 1] = ["start.js"];

/// The stylesheet without its comments and indentation: every visitor downloads it before the
/// first paint, and its comments are for us. Line breaks stay (a value may continue on the next
/// line, where a break is the space between two tokens). A string holding `/*` is refused.
pub(crate) fn minify_css(text: &str) -> Result<String> {
    let mut code = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("/*") {
        let before = &rest[..start];
        if before.matches('"').count() % 2 == 1 {
            return Err("a string holds `/*`; keep it out of the stylesheet".into());
        }
        code.push_str(before);
        let end = rest[start..].find("*/").ok_or("a comment is not closed")?;
        rest = &rest[start + end + 2..];
    }
    code.push_str(rest);
    let lines: Vec<&str> = code
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    Ok(format!("{}\n", lines.join("\n")))
}

pub(crate) fn dist_cmd(root: &Path, args: &[String]) -> Result {
    let parsed = flags(args, &["--public-url", "--dist"])?;
    let public_url = flag_of(&parsed, "--public-url");
    let dir = flag_of(&parsed, "--dist").unwrap_or_else(|| "dist".into());
    setup(root, Purpose::Build)?;
    dist(root, public_url.as_deref(), &dir).map(|_| ())
}

pub(crate) struct Sizes {
    pub(crate) json: String,
    pub(crate) total_gzip: u64,
    pub(crate) total_brotli: u64,
}

/// Release build into `dir` (relative to the root), then its bundle sizes.
pub(crate) fn dist(root: &Path, public_url: Option<&str>, dir: &str) -> Result<Sizes> {
    release_build(public_url, Path::new(dir))?;
    // As the host sends them (Netlify: Brotli); the test server serves these copies.
    run(cmd("node", &["xtask/compress.mjs", dir]))?;
    let sizes = bundle_sizes(&root.join(dir), dir, public_url.unwrap_or("/"))?;
    println!("{}", sizes.json);
    let out = root.join("target").join("dist-sizes.json");
    let _ = fs::create_dir_all(root.join("target"));
    let _ = fs::write(&out, format!("{}\n", sizes.json));
    Ok(sizes)
}

pub(crate) fn files_under(dir: &Path, out: &mut Vec<PathBuf>) -> Result {
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

pub(crate) fn gzip_size(path: &Path) -> Result<u64> {
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

pub(crate) fn json_string(s: &str) -> String {
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
pub(crate) fn bundle_sizes(dist: &Path, label: &str, public_url: &str) -> Result<Sizes> {
    let mut files = Vec::new();
    files_under(dist, &mut files)?;
    files.sort();
    let kinds = ["wasm", "js", "css"];
    let mut json = String::from("{\n");
    let _ = writeln!(json, "  \"dir\": {},", json_string(label));
    let _ = writeln!(json, "  \"public_url\": {},", json_string(public_url));
    let (mut total_raw, mut total_gzip, mut total_brotli) = (0u64, 0u64, 0u64);
    for kind in kinds {
        let (mut raw, mut gz, mut br) = (0u64, 0u64, 0u64);
        let mut entries = Vec::new();
        for f in files
            .iter()
            .filter(|f| f.extension().and_then(|e| e.to_str()) == Some(kind))
        {
            let r = fs::metadata(f).map_err(|e| e.to_string())?.len();
            let g = gzip_size(f)?;
            let mut brotli = f.as_os_str().to_owned();
            brotli.push(".br");
            let b = fs::metadata(&brotli)
                .map_err(|e| format!("no Brotli copy of {} ({e})", f.display()))?
                .len();
            raw += r;
            gz += g;
            br += b;
            let name = f.strip_prefix(dist).unwrap_or(f).to_string_lossy();
            entries.push(format!(
                "{{ \"file\": {}, \"raw\": {r}, \"gzip\": {g}, \"brotli\": {b} }}",
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
        total_brotli += br;
        let _ = writeln!(
            json,
            "  \"{kind}\": {{ \"raw\": {raw}, \"gzip\": {gz}, \"brotli\": {br}, \"files\": [{}] }},",
            entries.join(", ")
        );
    }
    let _ = writeln!(json, "  \"total_raw\": {total_raw},");
    let _ = writeln!(json, "  \"total_gzip\": {total_gzip},");
    let _ = writeln!(json, "  \"total_brotli\": {total_brotli}");
    json.push('}');
    Ok(Sizes {
        json,
        total_gzip,
        total_brotli,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::env;

    #[test]
    fn the_wasm_preload_loses_the_integrity_browsers_ignore_and_the_glue_keeps_its_own() {
        let page = concat!(
            "<link rel=\"modulepreload\" href=\"/a/app.js\" crossorigin=\"anonymous\" integrity=\"sha384-glue\">\n",
            "<link rel=\"preload\" href=\"/a/app_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-wasm\" as=\"fetch\" type=\"application/wasm\">\n",
            "<link rel=\"preload\" href=\"members.json\" as=\"fetch\" crossorigin=\"anonymous\" />\n",
            "<p>integrity=\"text\"</p>",
        );
        assert_eq!(
            without_fetch_preload_integrity(page),
            concat!(
                "<link rel=\"modulepreload\" href=\"/a/app.js\" crossorigin=\"anonymous\" integrity=\"sha384-glue\">\n",
                "<link rel=\"preload\" href=\"/a/app_bg.wasm\" crossorigin=\"anonymous\" as=\"fetch\" type=\"application/wasm\">\n",
                "<link rel=\"preload\" href=\"members.json\" as=\"fetch\" crossorigin=\"anonymous\" />\n",
                "<p>integrity=\"text\"</p>",
            )
        );
        // A tag cut short, or a value without its closing quote, is left as it is.
        let unclosed = "<link rel=\"preload\" as=\"fetch\" integrity=\"x>after";
        assert_eq!(without_fetch_preload_integrity(unclosed), unclosed);
        assert_eq!(
            without_fetch_preload_integrity("a<link rel=\"preload\" integ"),
            "a<link rel=\"preload\" integ"
        );
    }

    #[test]
    fn the_stylesheet_ships_without_comments_or_indentation() {
        let css = "/* a */\n:root,\n:host {\n  --x: 1; /* why */\n  margin: 0\n    auto;\n}\n\n.a::after { content: \"/\"; }\n";
        assert_eq!(
            minify_css(css).unwrap(),
            ":root,\n:host {\n--x: 1;\nmargin: 0\nauto;\n}\n.a::after { content: \"/\"; }\n"
        );
        assert!(minify_css(".a::after { content: \"/*\"; } /* x */").is_err());
        assert!(minify_css("/* open").is_err());
        // The real one: smaller, and the same rules once whitespace is set aside.
        let path = crate::process::repo_root().join("style").join("main.css");
        let text = fs::read_to_string(path).unwrap();
        let minified = minify_css(&text).unwrap();
        assert!(
            minified.len() * 10 < text.len() * 8,
            "{} of {}",
            minified.len(),
            text.len()
        );
        let mut without_comments = String::new();
        for (i, piece) in text.split("/*").enumerate() {
            without_comments.push_str(if i == 0 {
                piece
            } else {
                piece.split_once("*/").unwrap().1
            });
        }
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        assert_eq!(squeeze(&minified), squeeze(&without_comments));
    }

    /// The release wasm has no Debug formatting (`-Zfmt-debug=none` above): what it shows must
    /// not be written with `{:?}`. The crates it is built from may use it only in tests, in
    /// `assert!`s and in panics (which its immediate abort never formats).
    #[test]
    fn the_release_wasm_formats_nothing_with_debug() {
        let root = crate::process::repo_root();
        let mut files = Vec::new();
        for dir in [
            "src",
            "crates/members-feed/src",
            "crates/browse/src",
            "crates/join-form/src",
        ] {
            let mut pending = vec![root.join(dir)];
            while let Some(dir) = pending.pop() {
                for entry in fs::read_dir(&dir).unwrap() {
                    let path = entry.unwrap().path();
                    if path.is_dir() {
                        pending.push(path);
                    } else if path.extension().is_some_and(|ext| ext == "rs") {
                        files.push(path);
                    }
                }
            }
        }
        assert!(files.len() > 20, "{} source files", files.len());
        let debug_formats =
            |line: &str| line.contains(":?}") || line.contains(":#?}") || line.contains("dbg!(");
        let panics = ["assert", "panic!(", "unreachable!(", ".expect(", "// "];
        let mut found = Vec::new();
        for file in files {
            let text = fs::read_to_string(&file).unwrap();
            // Test modules close the file.
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            for (number, line) in code.lines().enumerate() {
                let trimmed = line.trim_start();
                if debug_formats(line)
                    && !panics
                        .iter()
                        .any(|p| trimmed.starts_with(p) || line.contains(p))
                {
                    found.push(format!("{}:{}: {}", file.display(), number + 1, trimmed));
                }
            }
        }
        assert!(
            found.is_empty(),
            "Debug formatting in the release wasm's crates:\n{}",
            found.join("\n")
        );
        // The check finds what it looks for.
        assert!(debug_formats(r#"format!("duplicate id {:?}", id)"#));
    }

    #[test]
    fn escapes_json() {
        assert_eq!(json_string("a\"b\\c\n"), "\"a\\\"b\\\\c\\n\"");
    }

    #[test]
    fn sizes_of_a_fake_dist_compressed_as_dist_does() {
        let dir = env::temp_dir().join(format!("xtask-sizes-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("sub")).unwrap();
        fs::write(dir.join("app_bg.wasm"), vec![0u8; 4096]).unwrap();
        fs::write(dir.join("app.js"), "console.log(1);".repeat(100)).unwrap();
        fs::write(dir.join("sub").join("style.css"), "a{}").unwrap();
        fs::write(dir.join("members.json"), "{}").unwrap();
        fs::write(dir.join("logo.png"), [0u8; 10]).unwrap();
        // Before compression there is no Brotli copy to count.
        assert!(bundle_sizes(&dir, "dist", "/").is_err());
        let compress = crate::process::repo_root()
            .join("xtask")
            .join("compress.mjs");
        run(cmd(
            "node",
            &[compress.to_str().unwrap(), dir.to_str().unwrap()],
        ))
        .unwrap();
        for file in ["app_bg.wasm", "app.js", "sub/style.css", "members.json"] {
            for extension in ["br", "gz"] {
                assert!(
                    dir.join(format!("{file}.{extension}")).is_file(),
                    "{file}.{extension}"
                );
            }
        }
        assert!(!dir.join("logo.png.br").exists());
        let sizes = bundle_sizes(&dir, "dist", "/").unwrap();
        assert!(sizes.json.contains("\"app_bg.wasm\""), "{}", sizes.json);
        assert!(sizes.json.contains("\"sub/style.css\""), "{}", sizes.json);
        assert!(!sizes.json.contains("members.json"), "{}", sizes.json);
        assert!(!sizes.json.contains(".br\""), "{}", sizes.json);
        assert!(sizes.total_gzip > 0 && sizes.total_gzip < 4096 + 1500 + 3);
        assert!(sizes.total_brotli > 0 && sizes.total_brotli < sizes.total_gzip);
        fs::remove_dir_all(&dir).unwrap();
    }
}
