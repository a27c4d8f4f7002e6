//! `showcase-site fill-host`: the list's first screen written into the host pages that embed
//! the showcase, after the host's own build (README: the Docusaurus component). The frame in
//! such a page shares the host's main thread and paints only after the host's scripts; the
//! copy is in the page's HTML and paints with it, over the frame, until `embed.js` sees the
//! frame answer.
//!
//! The component renders an empty `<div data-karmada-showcase-copy="/showcase/"
//! data-lang="en">`; this fills it with a declarative shadow root, which leaves the element's
//! light DOM empty, so the host's hydration finds what it rendered. A filled element is filled
//! again, so the command can run after every build.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use karmada_showcase::static_pages::{host_copy, tag_end, HOST_COPY_ATTRIBUTE, HOST_COPY_SCRIPT};
use members_feed::Lang;

use crate::{base_href, read, write};

/// What a fill did.
#[derive(Debug, PartialEq)]
pub struct Filled {
    /// Host pages written (those holding at least one placeholder).
    pub pages: usize,
    /// Placeholders filled.
    pub copies: usize,
}

/// Fills every placeholder in the `.html` files below `host`, the host's build folder as it is
/// served at the site's root (`/showcase/` is `host/showcase/`). Fails, naming the page, when a
/// placeholder names no showcase site in `host` or is not empty; pages already written stay.
pub fn fill_host(host: &Path) -> Result<Filled, String> {
    let mut pages = Vec::new();
    html_files(host, &mut pages)?;
    pages.sort();
    let mut copies: HashMap<(String, Lang), String> = HashMap::new();
    let mut filled = Filled {
        pages: 0,
        copies: 0,
    };
    for page in pages {
        let html = read(&page)?;
        if !html.contains(HOST_COPY_ATTRIBUTE) {
            continue;
        }
        let mut count = 0;
        let written = fill_page(&html, &mut |base, lang| {
            count += 1;
            if let Some(copy) = copies.get(&(base.to_string(), lang)) {
                return Ok(copy.clone());
            }
            let copy = copy_of_site(host, base, lang)?;
            copies.insert((base.to_string(), lang), copy.clone());
            Ok(copy)
        })
        .map_err(|message| format!("{}: {message}", page.display()))?;
        if count > 0 {
            write(&page, &written)?;
            filled.pages += 1;
            filled.copies += count;
        }
    }
    Ok(filled)
}

/// `html` with each placeholder's content replaced by `copy(base, lang)`.
pub fn fill_page(
    html: &str,
    copy: &mut dyn FnMut(&str, Lang) -> Result<String, String>,
) -> Result<String, String> {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = next_placeholder(rest) {
        let opened = at + tag_end(&rest[at..]).ok_or("a placeholder's tag is not closed")?;
        let tag = &rest[at..opened];
        let base = attribute(tag, HOST_COPY_ATTRIBUTE).unwrap_or_default();
        let lang = match attribute(tag, "data-lang").as_deref() {
            Some("en") => Lang::En,
            Some("zh") => Lang::Zh,
            Some(other) => return Err(format!("data-lang=\"{other}\": en or zh")),
            None => return Err("the placeholder has no data-lang (en or zh)".into()),
        };
        let after = &rest[opened..];
        // Empty as rendered, or holding a copy of an earlier run.
        let content_length = if after.starts_with("</div>") {
            0
        } else if after.starts_with("<template shadowrootmode=\"open\">") {
            after
                .find("</template>")
                .ok_or("a copy's template is not closed")?
                + "</template>".len()
        } else {
            return Err(format!(
                "the element with {HOST_COPY_ATTRIBUTE} must be empty"
            ));
        };
        if !after[content_length..].starts_with("</div>") {
            return Err(format!(
                "the element with {HOST_COPY_ATTRIBUTE} must be empty"
            ));
        }
        out.push_str(&rest[..opened]);
        out.push_str(&copy(&base, lang)?);
        rest = &after[content_length..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The copy for the showcase site under `base` in `host`: a folder whose `index.html` was
/// built for that base, or a locale's copy of one (Docusaurus copies `static/` into each
/// locale's tree, so `/zh/showcase/` holds the site built for `/showcase/`), whose copy then
/// links where that site is.
fn copy_of_site(host: &Path, base: &str, lang: Lang) -> Result<String, String> {
    let folder = site_folder(host, base)?;
    let read = |name: &str| {
        read(&folder.join(name)).map_err(|error| {
            format!("{HOST_COPY_ATTRIBUTE}=\"{base}\", but no showcase site there: {error}")
        })
    };
    let built_for = base_href(&read("index.html")?).unwrap_or_default();
    let locale_copy = base
        .strip_suffix(built_for.as_str())
        .is_some_and(|locale| locale.len() > 1 && !built_for.is_empty());
    if built_for != base && !locale_copy {
        return Err(format!(
            "{HOST_COPY_ATTRIBUTE}=\"{base}\", but {} was built for {built_for:?}",
            folder.display(),
        ));
    }
    host_copy(
        &read("members.json")?,
        &built_for,
        lang,
        &read("main.css")?,
        &read(HOST_COPY_SCRIPT)?,
    )
}

/// The folder below `host` that serves `base`: a path of plain names, nothing that leaves
/// `host`.
fn site_folder(host: &Path, base: &str) -> Result<PathBuf, String> {
    let names: Vec<&str> = base
        .strip_prefix('/')
        .and_then(|path| path.strip_suffix('/'))
        .map(|path| path.split('/').collect())
        .unwrap_or_default();
    let plain = |name: &&str| {
        !name.is_empty()
            && !name.starts_with('.')
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
    };
    if names.is_empty() || !names.iter().all(plain) {
        return Err(format!(
            "{HOST_COPY_ATTRIBUTE}=\"{base}\": a path on this site such as /showcase/"
        ));
    }
    Ok(names
        .iter()
        .fold(host.to_path_buf(), |path, name| path.join(name)))
}

/// Where the next `<div …>` with the placeholder's attribute starts in `html`.
fn next_placeholder(html: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(found) = html[from..].find(HOST_COPY_ATTRIBUTE) {
        let at = from + found;
        let start = html[..at].rfind('<')?;
        let between = &html[start..at];
        if between.starts_with("<div ") && !between.contains('>') {
            return Some(start);
        }
        from = at + HOST_COPY_ATTRIBUTE.len();
    }
    None
}

/// The value of the attribute `name` in `tag` (double-quoted, as React writes it).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let marker = format!(" {name}=\"");
    let start = tag.find(&marker)? + marker.len();
    let value = &tag[start..start + tag[start..].find('"')?];
    Some(
        value
            .replace("&quot;", "\"")
            .replace("&#x27;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&"),
    )
}

/// Every `.html` file below `dir`, not following links.
fn html_files(dir: &Path, found: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        let kind = entry
            .file_type()
            .map_err(|e| format!("cannot read {}: {e}", entry.path().display()))?;
        if kind.is_dir() {
            html_files(&entry.path(), found)?;
        } else if kind.is_file() && entry.path().extension().is_some_and(|e| e == "html") {
            found.push(entry.path());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLACEHOLDER: &str = "<div data-karmada-showcase-copy=\"/showcase/\" data-lang=\"zh\" \
                               style=\"position:absolute;inset:0\"></div>";

    fn page(body: &str) -> String {
        format!("<html><body><main><div data-karmada-showcase=\"\">{body}</div><footer>f</footer></main></body></html>")
    }

    fn fake_copy(base: &str, lang: Lang) -> Result<String, String> {
        Ok(format!(
            "<template shadowrootmode=\"open\"><p>{base} {lang:?}</p></template>"
        ))
    }

    #[test]
    fn fills_an_empty_placeholder_and_refills_a_filled_one() {
        let html = page(&format!(
            "<iframe src=\"/showcase/?embed=1\"></iframe>{PLACEHOLDER}"
        ));
        let once = fill_page(&html, &mut fake_copy).unwrap();
        assert!(once.contains(
            "inset:0\"><template shadowrootmode=\"open\"><p>/showcase/ Zh</p></template></div></div><footer>"
        ));
        assert_eq!(fill_page(&once, &mut fake_copy).unwrap(), once);
        let mut calls = 0;
        let untouched = fill_page(
            "<html><p>data-karmada-showcase-copy</p></html>",
            &mut |_, _| {
                calls += 1;
                fake_copy("/", Lang::En)
            },
        )
        .unwrap();
        assert_eq!(calls, 0);
        assert_eq!(untouched, "<html><p>data-karmada-showcase-copy</p></html>");
    }

    #[test]
    fn refuses_what_it_cannot_fill_again() {
        for (body, error) in [
            (
                "<div data-karmada-showcase-copy=\"/showcase/\" data-lang=\"en\"><p>host text</p></div>",
                "must be empty",
            ),
            (
                "<div data-karmada-showcase-copy=\"/showcase/\" data-lang=\"fr\"></div>",
                "en or zh",
            ),
            (
                "<div data-karmada-showcase-copy=\"/showcase/\"></div>",
                "no data-lang",
            ),
        ] {
            let result = fill_page(&page(body), &mut fake_copy);
            assert!(result.unwrap_err().contains(error), "{body}");
        }
        let cut = "<div data-karmada-showcase-copy=\"/showcase/\" data-lang=\"en\" title=\"a > b\"";
        assert!(fill_page(cut, &mut fake_copy)
            .unwrap_err()
            .contains("not closed"));
        let unclosed = format!(
            "{}<template shadowrootmode=\"open\"><p>",
            &PLACEHOLDER[..PLACEHOLDER.len() - 6]
        );
        assert!(fill_page(&unclosed, &mut fake_copy)
            .unwrap_err()
            .contains("not closed"));
    }

    #[test]
    fn a_placeholder_names_a_folder_inside_the_host() {
        let host = Path::new("/build");
        assert_eq!(
            site_folder(host, "/showcase/").unwrap(),
            Path::new("/build/showcase")
        );
        assert_eq!(
            site_folder(host, "/en/showcase-2/").unwrap(),
            Path::new("/build/en/showcase-2")
        );
        for hostile in [
            "/",
            "",
            "showcase/",
            "/showcase",
            "/../etc/",
            "/showcase/../../",
            "//evil.example/",
            "/.git/",
            "/a//b/",
            "/sh owcase/",
            "https://evil.example/",
        ] {
            assert!(site_folder(host, hostile).is_err(), "{hostile}");
        }
    }
}
