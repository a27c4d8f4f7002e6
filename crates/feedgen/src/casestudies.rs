//! Case-study docs (`docs/casestudies/*.md`, Chinese under
//! `i18n/zh/docusaurus-plugin-content-docs/current/casestudies/`) and the kinds of case-study
//! links: a doc of the site, a video, or a product page.

use std::collections::BTreeMap;

use members_feed::CaseStudyKind;

use crate::markdown::plain_text;
use crate::posts::front_matter;
use crate::report::Diagnostic;
use crate::source::{is_file_stem, Site};

pub const DOCS_DIR: &str = "docs/casestudies";
pub const ZH_DOCS_DIR: &str = "i18n/zh/docusaurus-plugin-content-docs/current/casestudies";
/// `adopters.md` in the case-study folders only redirects to the adopters page.
pub const REDIRECT_STUB: &str = "adopters.md";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseDoc {
    pub stem: String,
    pub path: String,
    pub title: String,
    /// The whole file, read once: its title comes from it, and a featured quote may too.
    pub text: String,
}

/// The title of a doc: front matter `title:`, else the first H1. `None` when it has neither.
pub fn doc_title(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let skip = match front_matter(&lines) {
        Ok(Some(fm)) => match fm.title {
            Some(title) => return Some(title),
            None => fm.lines,
        },
        _ => 0,
    };
    let mut fence = false;
    for line in lines.iter().skip(skip) {
        let t = line.trim_start();
        if t.starts_with("```") {
            fence = !fence;
        } else if !fence {
            if let Some(h) = t.strip_prefix("# ") {
                let title = plain_text(h);
                if !title.is_empty() {
                    return Some(title);
                }
            }
        }
    }
    None
}

/// Reads the docs of one folder, by file stem.
pub fn read_docs(site: &Site, dir: &str) -> (BTreeMap<String, CaseDoc>, Vec<Diagnostic>) {
    let mut docs = BTreeMap::new();
    let mut diags = Vec::new();
    for name in site.list_dir(dir) {
        let Some(stem) = name
            .strip_suffix(".mdx")
            .or_else(|| name.strip_suffix(".md"))
        else {
            continue;
        };
        if name == REDIRECT_STUB {
            continue;
        }
        let path = format!("{dir}/{name}");
        let text = match site.read_text(&path) {
            Ok(Some(text)) => text,
            Ok(None) => continue,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        let title = doc_title(&text).unwrap_or_else(|| {
            diags.push(Diagnostic::warning(
                &path,
                1,
                "case study has no title (front matter title: or # heading); file name used",
            ));
            stem.to_string()
        });
        docs.insert(
            stem.to_string(),
            CaseDoc {
                stem: stem.to_string(),
                path,
                title,
                text,
            },
        );
    }
    (docs, diags)
}

/// The doc stem of a case-study link: `/docs/casestudies/x`, `https://karmada.io/docs/casestudies/x`,
/// `https://karmada.io/zh/docs/casestudies/x` (with or without `.md`, `/`, `#…`).
pub fn doc_stem(url: &str) -> Option<String> {
    let u = url.trim();
    let path = u
        .strip_prefix("https://karmada.io")
        .or_else(|| u.strip_prefix("http://karmada.io"))
        .unwrap_or(u);
    let path = path.strip_prefix("/zh").unwrap_or(path);
    let path = path.strip_prefix("/")?;
    let path = path.strip_prefix("docs/casestudies/")?;
    let path = path.split(['#', '?']).next()?.trim_end_matches('/');
    let stem = path
        .strip_suffix(".mdx")
        .or_else(|| path.strip_suffix(".md"))
        .unwrap_or(path);
    is_file_stem(stem).then(|| stem.to_string())
}

/// Doc when it is a case-study doc of the site, video on YouTube, product page otherwise.
pub fn kind_of(url: &str) -> CaseStudyKind {
    if doc_stem(url).is_some() {
        return CaseStudyKind::Doc;
    }
    match crate::facts::host_key(url).as_deref() {
        Some("youtube.com" | "m.youtube.com" | "youtu.be" | "youtube-nocookie.com") => {
            CaseStudyKind::Video
        }
        _ => CaseStudyKind::Product,
    }
}

pub fn doc_url(stem: &str, zh: bool) -> String {
    if zh {
        format!("https://karmada.io/zh/docs/casestudies/{stem}")
    } else {
        format!("https://karmada.io/docs/casestudies/{stem}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        assert_eq!(
            doc_title("---\ntitle: Karmada in AIML INSTITUTE\n---\n\n## Background\n").as_deref(),
            Some("Karmada in AIML INSTITUTE")
        );
        assert_eq!(
            doc_title("# VIPKID基于Karmada的容器PaaS平台落地实践\n\ntext").as_deref(),
            Some("VIPKID基于Karmada的容器PaaS平台落地实践")
        );
        assert_eq!(
            doc_title("---\nid: x\n---\n```\n# no\n```\n# `Yes` [it](x)\n").as_deref(),
            Some("Yes it")
        );
        assert_eq!(doc_title("no title"), None);
    }

    #[test]
    fn stems_and_kinds() {
        assert_eq!(
            doc_stem("/docs/casestudies/vipkid").as_deref(),
            Some("vipkid")
        );
        assert_eq!(
            doc_stem("https://karmada.io/zh/docs/casestudies/ci123/").as_deref(),
            Some("ci123")
        );
        assert_eq!(doc_stem("https://example.com/docs/casestudies/x"), None);
        assert_eq!(kind_of("/docs/casestudies/x"), CaseStudyKind::Doc);
        assert_eq!(
            kind_of("https://youtu.be/uninSyVBKO4?si=he22"),
            CaseStudyKind::Video
        );
        assert_eq!(
            kind_of("https://www.youtube.com/watch?v=x"),
            CaseStudyKind::Video
        );
        assert_eq!(
            kind_of("https://www.cucloud.cn/product/dsk.html"),
            CaseStudyKind::Product
        );
    }
}
