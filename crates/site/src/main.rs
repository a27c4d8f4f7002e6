//! `showcase-site --dist DIR [--site-url https://karmada.io]`: writes the static pages of the
//! bundle built into DIR (its `index.html` and `members.json`) beside them. Native: no browser,
//! no wasm toolchain. The pages come from `karmada_showcase::static_pages`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::exit;

use karmada_showcase::static_pages::{render_site, SiteOptions};

/// Where karmada.io serves the showcase; canonical URLs and the sitemap name it.
const DEFAULT_SITE_URL: &str = "https://karmada.io";

fn main() {
    if let Err(message) = run(std::env::args().skip(1).collect()) {
        eprintln!("showcase-site: {message}");
        exit(1);
    }
}

fn run(args: Vec<String>) -> Result<(), String> {
    let mut dist = None;
    let mut site_url = DEFAULT_SITE_URL.to_string();
    let mut rest = args.into_iter();
    while let Some(arg) = rest.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) => (name.to_string(), Some(value.to_string())),
            None => (arg, None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| rest.next())
                .ok_or(format!("{name} wants a value"))
        };
        match name.as_str() {
            "--dist" => dist = Some(PathBuf::from(value()?)),
            "--site-url" => site_url = value()?,
            _ => {
                return Err(format!(
                    "unknown argument `{name}`; usage: showcase-site --dist DIR [--site-url URL]"
                ))
            }
        }
    }
    let dist = dist.ok_or("--dist DIR is required")?;
    let read = |name: &str| {
        fs::read_to_string(dist.join(name))
            .map_err(|e| format!("cannot read {}: {e}", dist.join(name).display()))
    };
    let template = read("index.html")?;
    let feed = read("members.json")?;
    let base =
        base_href(&template).ok_or("index.html has no <base href>: was it built by trunk?")?;
    let files = render_site(&feed, &template, &SiteOptions { base, site_url })?;
    let mut pages = 0;
    for file in &files {
        write(&dist.join(&file.path), &file.contents)?;
        pages += usize::from(file.path.ends_with(".html"));
    }
    // The Chinese tree's app reads its feed beside its own base.
    write(&dist.join("zh").join("members.json"), &feed)?;
    println!(
        "showcase-site: wrote {pages} pages and sitemap.xml into {}",
        dist.display()
    );
    Ok(())
}

/// The `<base href="…">` trunk wrote from `--public-url`.
fn base_href(html: &str) -> Option<String> {
    let tag = &html[html.find("<base ")?..];
    let value = &tag[tag.find("href=\"")? + 6..];
    Some(value[..value.find('"')?].to_string())
}

fn write(path: &Path, contents: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    fs::write(path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
