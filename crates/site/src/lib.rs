//! The complete static site from a release bundle and the website's content, natively: the
//! feed (built from a karmada.io checkout by `feedgen`, or given), the list's first screen,
//! every static page in both languages, the sitemap, `404.html` and `_redirects`, written
//! beside the bundle's app files. No browser, no wasm toolchain: a website's CI runs this one
//! binary from the release archive (`cargo xtask release`).

use std::fs;
use std::path::{Path, PathBuf};

use browse::route::Route;

use karmada_showcase::static_pages::{
    render_site, SiteOptions, Templates, ATOM_FILE, NOT_FOUND_FILE, OWN_BINARY_PAGES,
};

pub mod host;

/// Where karmada.io serves the showcase; canonical URLs and the sitemap name it.
pub const DEFAULT_SITE_URL: &str = "https://karmada.io";

/// The paths below the site's folder that [`build_site`] writes from the feed. Left over from
/// an earlier feed they would be stale (a member removed keeps its page), so they go first.
pub const GENERATED: [&str; 13] = [
    "members",
    "zh",
    "join",
    "stats",
    "logos",
    "page",
    NOT_FOUND_FILE,
    "sitemap.xml",
    "members.json",
    "members.csv",
    ATOM_FILE,
    "_redirects",
    "_headers",
];

/// The policy the showcase runs under (without `frame-ancestors`, which names the embedding
/// pages): no inline script or style, wasm allowed, images from anywhere over https, and no
/// HTML written from strings (Trusted Types). The end-to-end tests serve the bundle under the
/// `_headers` file written with it.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; require-trusted-types-for 'script'";

/// Where the members come from.
#[derive(Clone, Debug)]
pub enum Content {
    /// The bundle's own `members.json` (the sample feed of a development build).
    Bundled,
    /// A feed file.
    Feed(PathBuf),
    /// A karmada.io website checkout, read as `feedgen build` reads it, with our facts file.
    Website { checkout: PathBuf, facts: PathBuf },
}

/// What to build.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    /// The app as trunk built it (`index.html`, the wasm, `embed.js`, the styles).
    pub bundle: PathBuf,
    /// Where the site goes; `None` writes into the bundle itself.
    pub out: Option<PathBuf>,
    pub content: Content,
    /// The path the site is served under (`/adopters/`); `None` keeps the bundle's.
    pub base: Option<String>,
    /// The site's origin, for canonical URLs and link previews.
    pub site_url: String,
    /// Who may frame the showcase (`frame-ancestors`): `'self'` (karmada.io's own pages) and
    /// any other embedding origins.
    pub frame_ancestors: Vec<String>,
}

/// What a build wrote.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub members: usize,
    pub pages: usize,
    /// Problems `feedgen` reported about the website's content (warnings; errors fail the
    /// build), as `file:line: message` lines.
    pub report: String,
    pub site: PathBuf,
}

/// Builds the site. Fails, writing nothing, when the content has errors or the bundle is not
/// trunk's output.
pub fn build_site(options: &BuildOptions) -> Result<Summary, String> {
    let bundle = &options.bundle;
    let template = read(&bundle.join("index.html"))?;
    let built_base = base_href(&template).ok_or(format!(
        "{}: no <base href>; is this folder trunk's output (a release bundle)?",
        bundle.join("index.html").display()
    ))?;
    let (feed, report) = match &options.content {
        Content::Bundled => (read(&bundle.join("members.json"))?, String::new()),
        Content::Feed(path) => (read(path)?, String::new()),
        Content::Website { checkout, facts } => {
            if !checkout.is_dir() {
                return Err(format!("{}: no such folder", checkout.display()));
            }
            let outcome = feedgen::build(checkout, facts, None);
            let report = outcome.report.render(feedgen::Format::Text);
            if outcome.report.has_errors() {
                return Err(format!(
                    "the website's content has {} errors:\n{report}",
                    outcome.report.errors()
                ));
            }
            (outcome.json(), report)
        }
    };
    let base = match &options.base {
        Some(base) => normalise_base(base)?,
        None => built_base.clone(),
    };
    let template = rebase(&template, &built_base, &base);
    // The pages with their own binaries (`join.html`, …), built with the same base.
    let mut own_templates = Vec::new();
    for name in OWN_BINARY_PAGES {
        let entry = format!("{name}.html");
        let html = rebase(&read(&bundle.join(&entry))?, &built_base, &base);
        own_templates.push((entry, html));
    }
    let own = |name: &str| {
        own_templates
            .iter()
            .find(|(entry, _)| *entry == format!("{name}.html"))
            .map_or("", |(_, html)| html.as_str())
    };
    let files = render_site(
        &feed,
        Templates {
            list: &template,
            join: own("join"),
            stats: own("stats"),
            logos: own("logos"),
        },
        &SiteOptions {
            base: base.clone(),
            site_url: options.site_url.clone(),
        },
    )?;

    let site = options.out.clone().unwrap_or_else(|| bundle.clone());
    if let Some(out) = &options.out {
        check_out_folder(bundle, out)?;
    }
    for generated in GENERATED {
        remove(&site.join(generated))?;
    }
    if options.out.is_some() {
        copy_app_files(bundle, &site)?;
        write(&site.join(MARKER), MARKER_TEXT)?;
    }
    // Written into the bundle itself, the entries are the templates of the next build, for
    // the new base as index.html is. A site of its own (`--out`) is built anew from the bundle
    // each time, and does not serve them.
    if options.out.is_none() {
        for (entry, html) in &own_templates {
            write(&site.join(entry), html)?;
        }
    }
    write(&site.join("members.json"), &feed)?;
    // The same members for a spreadsheet.
    let parsed =
        members_feed::parse_feed(&feed).map_err(|e| format!("the feed cannot be read: {e}"))?;
    write(
        &site.join("members.csv"),
        &browse::export::to_csv(&parsed.members),
    )?;
    write(&site.join("_redirects"), &redirects(&base, &parsed.members))?;
    write(
        &site.join("_headers"),
        &headers(&base, &options.frame_ancestors)?,
    )?;
    let mut pages = 0;
    for file in &files {
        write(&site.join(&file.path), &file.contents)?;
        pages += usize::from(file.path.ends_with(".html"));
    }
    let members = serde_json::from_str::<serde_json::Value>(&feed)
        .ok()
        .and_then(|feed| Some(feed.get("members")?.as_array()?.len()))
        .unwrap_or(0);
    Ok(Summary {
        members,
        pages,
        report,
        site,
    })
}

/// The `<base href="…">` trunk wrote from `--public-url`.
pub fn base_href(html: &str) -> Option<String> {
    let tag = &html[html.find("<base ")?..];
    let value = &tag[tag.find("href=\"")? + 6..];
    Some(value[..value.find('"')?].to_string())
}

/// The file that marks a folder as one `showcase-site build` writes: only such a folder (or an
/// empty one) is emptied of the generated paths and written again.
pub const MARKER: &str = ".showcase-site";
const MARKER_TEXT: &str =
    "Written by showcase-site build: the whole folder is written again by each build.\n";

/// `out` may be written: not the bundle nor inside it (through `..` or a link either, which
/// would copy each file onto itself and empty it), and new, empty or written by an earlier
/// build, so that a website's own folder is never emptied by mistake (`--out static`).
fn check_out_folder(bundle: &Path, out: &Path) -> Result<(), String> {
    fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let real = |path: &Path| {
        fs::canonicalize(path).map_err(|e| format!("cannot resolve {}: {e}", path.display()))
    };
    let (bundle_real, out_real) = (real(bundle)?, real(out)?);
    if out_real.starts_with(&bundle_real) || bundle_real.starts_with(&out_real) {
        return Err(format!(
            "--out {} and the bundle {} must not hold one another",
            out.display(),
            bundle.display()
        ));
    }
    let empty = fs::read_dir(out)
        .map_err(|e| format!("cannot read {}: {e}", out.display()))?
        .next()
        .is_none();
    if !empty && !out.join(MARKER).is_file() {
        return Err(format!(
            "--out {} holds files that no earlier showcase-site build wrote (no {MARKER}): give the \
             showcase a folder of its own, such as static/showcase",
            out.display()
        ));
    }
    Ok(())
}

/// `/adopters/` from `adopters`, `/adopters` or `/adopters/`; `/` for the root.
fn normalise_base(base: &str) -> Result<String, String> {
    let trimmed = base.trim_matches('/');
    let safe = trimmed
        .split('/')
        .all(|segment| !segment.is_empty() && segment != ".." && segment != ".")
        && trimmed
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c));
    match trimmed {
        "" => Ok("/".into()),
        _ if safe => Ok(format!("/{trimmed}/")),
        _ => Err(format!(
            "--base {base:?}: a path of letters, digits, `-`, `_` and `.`, such as /adopters/"
        )),
    }
}

/// `index.html` served under `to` instead of `from`: every attribute value that starts with
/// the old base (the `<base>`, the scripts, styles and preloads trunk wrote) moves.
pub fn rebase(html: &str, from: &str, to: &str) -> String {
    if from == to {
        return html.to_string();
    }
    html.replace(&format!("=\"{from}"), &format!("=\"{to}"))
}

/// Netlify's rules for a site under `base`: the addresses a member is also known by (the slug
/// of its blog post, an alias) move to its page for good, in each tree; every other path that
/// is not a file is answered with the not-found page of its tree and the status 404 (a crawler
/// sees no second copy of the list at an unknown address), Chinese below `zh/`. With
/// JavaScript, the app on that page still shows what the address names when it can (a member
/// of a feed newer than the build).
pub fn redirects(base: &str, members: &[members_feed::Member]) -> String {
    let mut rules = String::from(
        "# Netlify reads only the site's root _redirects: append these lines to it. A member's\n# other addresses lead to its page; every other path under the showcase that is not a file\n# gets the not-found page.\n",
    );
    // `Route::path` is below the base: `/members/x`.
    let page = |tree: &str, route: Route| format!("{base}{tree}{}", &route.path()[1..]);
    let other = browse::lookup::other_addresses(members);
    for tree in ["zh/", ""] {
        for (address, position) in &other {
            let from = page(tree, Route::Member(address.clone()));
            let to = page(tree, Route::Member(members[*position].id.clone()));
            rules.push_str(&format!("{from}  {to}  301\n"));
        }
    }
    rules.push_str(&format!(
        "{base}zh/*  {base}zh/{NOT_FOUND_FILE}  404\n{base}*  {base}{NOT_FOUND_FILE}  404\n"
    ));
    rules
}

/// Netlify's headers for everything under `base`: the policy, framing limited to
/// `frame_ancestors`, and revalidation (asset names carry no content hash).
pub fn headers(base: &str, frame_ancestors: &[String]) -> Result<String, String> {
    let ancestors = if frame_ancestors.is_empty() {
        "'self'".to_string()
    } else {
        frame_ancestors.join(" ")
    };
    // A value that could end the header line or add a directive is not an origin.
    if ancestors
        .chars()
        .any(|c| c.is_control() || c == ';' || c == ',')
    {
        return Err(format!(
            "--frame-ancestors {ancestors:?}: origins or 'self', separated by spaces"
        ));
    }
    Ok(format!(
        "# Netlify reads only the site's root _headers: append these lines to it.\n{base}*\n  Content-Security-Policy: {CONTENT_SECURITY_POLICY}; frame-ancestors {ancestors}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n  Cache-Control: no-cache\n"
    ))
}

/// The bundle's files into `out`, but what [`build_site`] writes from the feed.
fn copy_app_files(bundle: &Path, out: &Path) -> Result<(), String> {
    fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let entries =
        fs::read_dir(bundle).map_err(|e| format!("cannot read {}: {e}", bundle.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let own_entry = OWN_BINARY_PAGES
            .iter()
            .any(|own| name == format!("{own}.html"));
        if GENERATED.contains(&name.as_ref()) || name == "index.html" || own_entry {
            continue;
        }
        copy_tree(&entry.path(), &out.join(&*name))?;
    }
    Ok(())
}

/// Whether `path` is a compressed copy another build made ([`PRECOMPRESSED`]).
fn is_precompressed(path: &Path) -> bool {
    path.extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| PRECOMPRESSED.contains(&extension))
}

fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    if from.is_dir() {
        fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
        let entries =
            fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
        for entry in entries.flatten() {
            copy_tree(&entry.path(), &to.join(entry.file_name()))?;
        }
        Ok(())
    } else if is_precompressed(from) {
        // The base it was made for moves, and the pages are written anew: stale here.
        Ok(())
    } else {
        fs::copy(from, to)
            .map(|_| ())
            .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
    }
}

pub(crate) fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn remove(path: &Path) -> Result<(), String> {
    let result = if path.is_dir() {
        fs::remove_dir_all(path)
    } else if path.exists() {
        fs::remove_file(path)
    } else {
        return Ok(());
    };
    result.map_err(|e| format!("cannot remove {}: {e}", path.display()))
}

/// Files a build may have compressed beside the one it made (`cargo xtask dist`): stale
/// once that one is written again, and never copied.
const PRECOMPRESSED: [&str; 2] = ["br", "gz"];

pub(crate) fn write(path: &Path, contents: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    for extension in PRECOMPRESSED {
        let mut beside = path.as_os_str().to_owned();
        beside.push(format!(".{extension}"));
        remove(Path::new(&beside))?;
    }
    fs::write(path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_out_folder_is_the_showcases_own() {
        let root = std::env::temp_dir().join(format!("site-out-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        let bundle = root.join("dist");
        fs::create_dir_all(&bundle).unwrap();
        // The bundle itself, however it is spelled.
        assert!(check_out_folder(&bundle, &root.join("x/../dist")).is_err());
        assert!(check_out_folder(&bundle, &bundle.join("site")).is_err());
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&bundle, root.join("link")).unwrap();
            assert!(check_out_folder(&bundle, &root.join("link")).is_err());
        }
        // A website's folder with its own files, but not a new one or an earlier build's.
        let website = root.join("static");
        fs::create_dir_all(&website).unwrap();
        fs::write(website.join("_redirects"), "/x /y 301\n").unwrap();
        assert!(check_out_folder(&bundle, &website).is_err());
        assert!(check_out_folder(&bundle, &root.join("static/showcase")).is_ok());
        fs::write(root.join("static/showcase/index.html"), "").unwrap();
        fs::write(root.join("static/showcase").join(MARKER), MARKER_TEXT).unwrap();
        assert!(check_out_folder(&bundle, &root.join("static/showcase")).is_ok());
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn bases_are_paths() {
        assert_eq!(normalise_base("adopters").unwrap(), "/adopters/");
        assert_eq!(normalise_base("/zh/adopters").unwrap(), "/zh/adopters/");
        assert_eq!(normalise_base("/").unwrap(), "/");
        for bad in ["/a/../b", "a b", "/a\"/", "/a//b/", "/<x>/"] {
            assert!(normalise_base(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn headers_limit_framing_and_refuse_header_injection() {
        let text = headers("/showcase/", &[]).unwrap();
        assert!(text.contains("\n/showcase/*\n"));
        assert!(text.contains("; frame-ancestors 'self'\n"));
        assert!(text.contains("require-trusted-types-for 'script'"));
        let wider = headers("/a/", &["'self'".into(), "https://karmada.io".into()]).unwrap();
        assert!(wider.contains("frame-ancestors 'self' https://karmada.io\n"));
        assert!(headers("/a/", &["https://x\n  X-Evil: 1".into()]).is_err());
        assert!(headers("/a/", &["'self'; script-src *".into()]).is_err());
    }

    #[test]
    fn rebasing_moves_the_bundles_own_addresses() {
        let html = r#"<base href="/adopters/" /><script src="/adopters/start.js" data-wasm="/adopters/a.wasm"></script><link rel="preload" href="members.json" /><a href="https://karmada.io/adopters/">x</a>"#;
        assert_eq!(
            rebase(html, "/adopters/", "/showcase/"),
            r#"<base href="/showcase/" /><script src="/showcase/start.js" data-wasm="/showcase/a.wasm"></script><link rel="preload" href="members.json" /><a href="https://karmada.io/adopters/">x</a>"#
        );
    }
}
