//! Announcement posts (en + zh): which member each one announces, and its section as a
//! structured document with the sizes of its images.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use members_feed::{Announcement, Localized};

use crate::facts::name_key;
use crate::logos::{self, LOGO_DIR};
use crate::markdown::{self, Context};
use crate::posts::{self, Post, BLOG_DIR, ZH_BLOG_DIR};
use crate::report::{Diagnostic, Report};
use crate::source::Site;
use crate::table::Row;

use super::Builder;

/// One member's announcement in both languages.
pub(super) struct PostPair {
    pub(super) en: Post,
    pub(super) zh: Option<Post>,
}

impl Builder {
    /// Announcement posts by member id.
    pub(super) fn posts(&mut self, en: &BTreeMap<String, Row>) -> BTreeMap<String, PostPair> {
        let mut out: BTreeMap<String, PostPair> = BTreeMap::new();
        let mut en_rels = BTreeSet::new();
        for rel in announcement_files(&self.site, BLOG_DIR, &mut self.report) {
            en_rels.insert(rel.clone());
            let path = format!("{BLOG_DIR}/{rel}");
            let Some(text) = self.read(&path, true) else {
                continue;
            };
            let post = match posts::parse_post(&text, &path, &rel) {
                Ok(post) => post,
                Err(d) => {
                    self.report.push(d);
                    continue;
                }
            };
            let zh_path = format!("{ZH_BLOG_DIR}/{rel}");
            let zh_post = match self.read(&zh_path, false) {
                Some(text) => match posts::parse_post(&text, &zh_path, &rel) {
                    Ok(p) => Some(p),
                    Err(d) => {
                        self.report.push(d);
                        None
                    }
                },
                None => None,
            };
            let candidates = [
                Some(post.member_name.clone()),
                Some(post.slug.clone()),
                posts::welcome_name(&post.title),
                zh_post.as_ref().map(|z| z.member_name.clone()),
            ];
            let id = candidates.iter().flatten().find_map(|name| {
                self.facts.by_name(name).map(str::to_string).or_else(|| {
                    en.iter()
                        .find(|(_, r)| name_key(&r.name) == name_key(name))
                        .map(|(id, _)| id.clone())
                })
            });
            let Some(id) = id.filter(|id| en.contains_key(id)) else {
                self.report.push(Diagnostic::error(
                    &path,
                    post.about_line,
                    format!(
                        "announcement for {:?} has no matching adopter row",
                        post.member_name
                    ),
                ));
                continue;
            };
            if let Some(first) = out.get(&id) {
                self.report.push(Diagnostic::error(
                    &path,
                    post.about_line,
                    format!(
                        "second announcement for {id:?} (first: {}); left out",
                        first.en.path
                    ),
                ));
                continue;
            }
            out.insert(
                id,
                PostPair {
                    en: post,
                    zh: zh_post,
                },
            );
        }
        let mut zh_only = Report::default();
        for rel in announcement_files(&self.site, ZH_BLOG_DIR, &mut zh_only) {
            if !en_rels.contains(&rel) {
                self.report.push(Diagnostic::error(
                    format!("{ZH_BLOG_DIR}/{rel}"),
                    0,
                    "Chinese announcement without an English post; left out",
                ));
            }
        }
        self.report.extend(zh_only.diagnostics);
        out
    }

    /// Size of an image of a post: from the site's file, else from the facts.
    fn image_sizes(&mut self, pair: &PostPair) -> HashMap<String, (u32, u32)> {
        let mut sizes = HashMap::new();
        let fact_sizes: Vec<(String, (u32, u32))> = self
            .facts
            .members
            .values()
            .filter_map(|f| f.logo.as_ref())
            .filter_map(|l| Some((l.file.clone(), l.width.zip(l.height)?)))
            .collect();
        let mut urls = Vec::new();
        for post in std::iter::once(&pair.en).chain(pair.zh.as_ref()) {
            collect_image_urls(&post.section, &mut urls);
        }
        for url in urls {
            let Some(file) = logos::logo_file_of_url(&url).map(str::to_string) else {
                continue;
            };
            let from_site = if self.site.exists(LOGO_DIR) {
                self.logo_info(&file)
                    .ok()
                    .flatten()
                    .and_then(|i| i.width.zip(i.height))
            } else {
                None
            };
            let size =
                from_site.or_else(|| fact_sizes.iter().find(|(f, _)| f == &file).map(|(_, s)| *s));
            if let Some(size) = size {
                sizes.insert(url, size);
            }
        }
        sizes
    }

    pub(super) fn announcement(&mut self, pair: &PostPair) -> Announcement {
        let sizes = self.image_sizes(pair);
        let lookup = |url: &str| sizes.get(url).copied();
        let convert = |post: &Post, report: &mut Report| {
            let (doc, diags) = markdown::to_document(
                &post.section,
                &Context {
                    path: &post.path,
                    first_line: post.section_line,
                    image_size: &lookup,
                },
            );
            report.extend(diags);
            doc
        };
        let en_doc = convert(&pair.en, &mut self.report);
        let zh_doc = pair.zh.as_ref().map(|z| convert(z, &mut self.report));
        Announcement {
            date: pair.en.date.clone(),
            title: Localized {
                en: pair.en.title.clone(),
                zh: pair.zh.as_ref().map(|z| z.title.clone()),
            },
            url: Localized {
                en: format!("https://karmada.io/blog{}", pair.en.permalink),
                zh: pair
                    .zh
                    .as_ref()
                    .map(|z| format!("https://karmada.io/zh/blog{}", z.permalink)),
            },
            content: Localized {
                en: en_doc,
                zh: zh_doc,
            },
        }
    }
}

fn collect_image_urls(markdown: &str, out: &mut Vec<String>) {
    use pulldown_cmark::{Event, Parser, Tag};
    for event in Parser::new(markdown) {
        if let Event::Start(Tag::Image { dest_url, .. }) = event {
            if let Ok(url) = markdown::resolve_url(&dest_url) {
                out.push(url);
            }
        }
    }
}
/// Paths (relative to the blog folder) of the announcement posts: `<dir>/<file>.md` for each
/// announcement folder, or `<name>.md` for a single-file post.
fn announcement_files(site: &Site, blog: &str, report: &mut Report) -> Vec<String> {
    let mut out = Vec::new();
    for name in site.list_dir(blog) {
        if posts::parse_dir_name(&name).is_none() {
            continue;
        }
        let full = site.path(&format!("{blog}/{name}"));
        if full.is_dir() {
            let files: Vec<String> = crate::source::list_dir(&full)
                .into_iter()
                .filter(|f| f.ends_with(".md") || f.ends_with(".mdx"))
                .collect();
            if files.is_empty() {
                report.push(Diagnostic::error(
                    format!("{blog}/{name}"),
                    0,
                    "announcement folder has no .md file",
                ));
            }
            for file in files {
                out.push(format!("{name}/{file}"));
            }
        } else if name.ends_with(".md") || name.ends_with(".mdx") {
            out.push(name);
        }
    }
    out
}
