//! `cargo xtask release`: the archive a website downloads to publish the showcase without the
//! wasm toolchain: the app as trunk built it (no feed, no pages: those come from the website's
//! content), `showcase-site` for Linux x86_64 and our facts file, packed reproducibly, with
//! its SHA-256 beside it.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use crate::args::{flag_of, flags};
use crate::dist::{app_build, files_under, json_string};
use crate::process::{cmd, output_of, run};
use crate::setup::{setup, Purpose};
use crate::Result;

/// Where archives are written.
pub(crate) const RELEASE_DIR: &str = "target/release-archive";
/// The base the bundle is built for: karmada.io's. `showcase-site build --base` moves it.
const BUILT_BASE: &str = "/adopters/";

/// A packed archive.
pub(crate) struct Archive {
    pub(crate) path: PathBuf,
    pub(crate) sha256: String,
    pub(crate) json: String,
}

pub(crate) fn release_cmd(root: &Path, args: &[String]) -> Result {
    let parsed = flags(args, &["--out"])?;
    let out = flag_of(&parsed, "--out").unwrap_or_else(|| RELEASE_DIR.into());
    setup(root, Purpose::Build)?;
    let archive = release(root, &root.join(out))?;
    println!("{}", archive.json);
    Ok(())
}

/// Builds the app and the native command, and packs them into `out`.
pub(crate) fn release(root: &Path, out: &Path) -> Result<Archive> {
    if std::env::consts::OS != "linux" || std::env::consts::ARCH != "x86_64" {
        return Err("the release archive holds a Linux x86_64 program: build it there".into());
    }
    let version = package_version(&root.join("Cargo.toml"))?;
    let name = format!("karmada-showcase-{version}-x86_64-linux");
    let stage = out.join(&name);
    if stage.exists() {
        fs::remove_dir_all(&stage)
            .map_err(|e| format!("cannot remove {}: {e}", stage.display()))?;
    }
    fs::create_dir_all(&stage).map_err(|e| format!("cannot create {}: {e}", stage.display()))?;

    let bundle = stage.join("bundle");
    app_build(Some(BUILT_BASE), &bundle)?;
    // The development sample: a website's members come from its own content.
    let sample = bundle.join("members.json");
    if sample.exists() {
        fs::remove_file(&sample).map_err(|e| format!("cannot remove {}: {e}", sample.display()))?;
    }

    run(cmd(
        "cargo",
        &["build", "--release", "--locked", "-p", "showcase-site"],
    ))?;
    let program = stage.join("showcase-site");
    fs::copy(root.join("target/release/showcase-site"), &program)
        .map_err(|e| format!("cannot copy showcase-site: {e}"))?;
    // Symbols are for debugging here, not for a website's CI to download.
    run(cmd("strip", &[&program.display().to_string()]))?;
    fs::copy(root.join("content/facts.toml"), stage.join("facts.toml"))
        .map_err(|e| format!("cannot copy content/facts.toml: {e}"))?;

    let archive = out.join(format!("{name}.tar.gz"));
    // Reproducible: the same inputs give the same bytes, so the checksum means something.
    let mut tar = cmd(
        "tar",
        &[
            "--sort=name",
            "--mtime=@0",
            "--owner=0",
            "--group=0",
            "--numeric-owner",
            "--format=gnu",
            "--mode=u+rwX,go+rX,go-w",
            // No name or time in the gzip header either.
            "--use-compress-program=gzip -9n",
            "-cf",
        ],
    );
    tar.arg(&archive).arg("-C").arg(out).arg(&name);
    run(tar)?;
    let sum =
        output_of("sha256sum", &[&archive.display().to_string()]).ok_or("sha256sum failed")?;
    let sha256 = sum
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string();
    fs::write(
        out.join(format!("{name}.tar.gz.sha256")),
        format!("{sha256}  {name}.tar.gz\n"),
    )
    .map_err(|e| format!("cannot write the checksum: {e}"))?;

    let json = describe(&archive, &sha256, &stage, &program)?;
    Ok(Archive {
        path: archive,
        sha256,
        json,
    })
}

/// `version = "…"` of the `[package]` in a Cargo.toml.
fn package_version(manifest: &Path) -> Result<String> {
    let text = fs::read_to_string(manifest)
        .map_err(|e| format!("cannot read {}: {e}", manifest.display()))?;
    let package = &text[text.find("[package]").ok_or("no [package] in Cargo.toml")?..];
    package
        .lines()
        .find_map(|line| {
            let value = line.trim().strip_prefix("version")?.trim_start();
            Some(
                value
                    .strip_prefix('=')?
                    .trim()
                    .trim_matches('"')
                    .to_string(),
            )
        })
        .ok_or_else(|| "no version in Cargo.toml's [package]".into())
}

/// The archive's size, checksum and contents, and the newest glibc the program asks for.
fn describe(archive: &Path, sha256: &str, stage: &Path, program: &Path) -> Result<String> {
    let bytes = fs::metadata(archive).map_err(|e| e.to_string())?.len();
    let mut files = Vec::new();
    files_under(stage, &mut files)?;
    files.sort();
    let mut json = String::from("{\n");
    let _ = writeln!(
        json,
        "  \"archive\": {},",
        json_string(&archive.display().to_string())
    );
    let _ = writeln!(json, "  \"bytes\": {bytes},");
    let _ = writeln!(json, "  \"sha256\": {},", json_string(sha256));
    let _ = writeln!(
        json,
        "  \"needs_glibc\": {},",
        json_string(&newest_glibc(program)?)
    );
    let entries: Vec<String> = files
        .iter()
        .map(|file| {
            let size = fs::metadata(file).map(|m| m.len()).unwrap_or(0);
            let name = file.strip_prefix(stage).unwrap_or(file).to_string_lossy();
            format!("{{ \"file\": {}, \"bytes\": {size} }}", json_string(&name))
        })
        .collect();
    let _ = writeln!(json, "  \"files\": [\n    {}\n  ]", entries.join(",\n    "));
    json.push('}');
    Ok(json)
}

/// The highest `GLIBC_2.x` symbol version the program refers to: the oldest glibc (the
/// oldest Linux image of a website's CI) it runs on.
fn newest_glibc(program: &Path) -> Result<String> {
    let bytes = fs::read(program).map_err(|e| e.to_string())?;
    let marker = b"GLIBC_2.";
    let mut newest = (0u32, 0u32);
    for at in 0..bytes.len().saturating_sub(marker.len()) {
        if &bytes[at..at + marker.len()] != marker {
            continue;
        }
        let rest = &bytes[at + marker.len()..];
        let digits = |from: &[u8]| {
            let len = from.iter().take_while(|b| b.is_ascii_digit()).count();
            (
                std::str::from_utf8(&from[..len])
                    .ok()
                    .and_then(|d| d.parse().ok()),
                len,
            )
        };
        let (minor, len) = digits(rest);
        let patch = match rest.get(len) {
            Some(b'.') => digits(&rest[len + 1..]).0.unwrap_or(0),
            _ => 0,
        };
        if let Some(minor) = minor {
            newest = newest.max((minor, patch));
        }
    }
    Ok(match newest {
        (0, _) => "unknown".into(),
        (minor, 0) => format!("2.{minor}"),
        (minor, patch) => format!("2.{minor}.{patch}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_package_version() {
        let dir = std::env::temp_dir().join(format!("xtask-version-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let manifest = dir.join("Cargo.toml");
        fs::write(
            &manifest,
            "[workspace]\nmembers = []\n[workspace.package]\nversion = \"9.9.9\"\n\n[package]\nname = \"x\"\nversion = \"1.2.3\"\n",
        )
        .unwrap();
        assert_eq!(package_version(&manifest).unwrap(), "1.2.3");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn finds_the_newest_glibc_asked_for() {
        let file = std::env::temp_dir().join(format!("xtask-glibc-{}", std::process::id()));
        fs::write(
            &file,
            b"\0GLIBC_2.2.5\0GLIBC_2.34\0GLIBC_2.17\0GLIBC_PRIVATE\0",
        )
        .unwrap();
        assert_eq!(newest_glibc(&file).unwrap(), "2.34");
        fs::remove_file(&file).unwrap();
    }
}
