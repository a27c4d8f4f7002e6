//! Static pages, rendered natively from the app's own components: every member's page and the
//! list, in English and in Chinese, with what crawlers and link previews read (title,
//! description, canonical and `hreflang` links, Open Graph and Twitter cards, JSON-LD), a
//! `404.html` and a `sitemap.xml`. The running app takes a static page over when it starts:
//! the page's content stands in `#prerendered` (as the list's first screen does) until the app
//! mounts the same view and removes it in the same task.
//!
//! Chinese pages live in a `zh/` tree below the base (`/adopters/zh/members/bloomberg`), whose
//! `<base href>` tells the app its language, as a `/zh/` base always has.

mod atom;
mod copy_template;
mod document;
mod first_screen;
mod inert;
mod list_pages;
mod member_pages;
mod views;
mod web_pages;

use browse::route::Route;
use leptos::prelude::*;
use members_feed::{parse_feed, Lang, Member};
use serde_json::json;

use crate::embed::EmbedConfig;
pub use crate::embed::{HOST_COPY_ATTRIBUTE, HOST_COPY_SCRIPT};
use crate::i18n::{description, member_title, strings};
use crate::list_state::IndexedFeed;
use crate::net::LoadedFeed;
use atom::{atom_xml, AtomAddresses};
use document::{page, sitemap_xml, Body, Head};
use first_screen::first_screen_block;
pub use first_screen::host_copy;
pub use inert::tag_end;
use list_pages::list_pages;
pub use list_pages::STATIC_LIST_PAGE_SIZE;
use member_pages::member_pages;
use views::{init_static_executor, render};
use web_pages::web_pages;

/// Each tree's Atom feed, beside its list page.
pub const ATOM_FILE: &str = "atom.xml";

/// Where the site is served.
#[derive(Clone, Debug)]
pub struct SiteOptions {
    /// The bundle's base path, as built: `/adopters/`.
    pub base: String,
    /// The site's origin, for canonical URLs, link previews and the sitemap:
    /// `https://karmada.io`.
    pub site_url: String,
}

/// A file of the static site, by its path below the bundle's folder.
#[derive(Clone, Debug, PartialEq)]
pub struct SiteFile {
    pub path: String,
    pub contents: String,
}

/// The page for an address with no page, in each tree (static hosts look for it by this name).
pub const NOT_FOUND_FILE: &str = "404.html";

/// One language's tree of pages.
struct Tree {
    lang: Lang,
}

impl Tree {
    /// `""` or `"zh/"`, below the bundle's folder (the app's language switch goes there too).
    fn folder(&self) -> &'static str {
        browse::route::tree_folder(self.lang)
    }
}

const TREES: [Tree; 2] = [Tree { lang: Lang::En }, Tree { lang: Lang::Zh }];

/// The pages with a binary of their own, by their trunk entry's name (`join.html`);
/// `cargo xtask dist` builds these (its `OWN_BINARY_PAGES`, held to this list by its tests).
pub const OWN_BINARY_PAGES: [&str; 3] = ["join", "stats", "logos"];

/// The pages trunk built: `index.html` (the list's binary: every page but those in
/// [`OWN_BINARY_PAGES`]) and one per page with its own binary.
#[derive(Clone, Copy, Debug)]
pub struct Templates<'a> {
    pub list: &'a str,
    pub join: &'a str,
    pub stats: &'a str,
    pub logos: &'a str,
}

/// The static pages of `feed_text` (the bundled `members.json`), made from the pages trunk
/// built. Fails only when the feed cannot be read at all.
pub fn render_site(
    feed_text: &str,
    templates: Templates,
    options: &SiteOptions,
) -> Result<Vec<SiteFile>, String> {
    // The places a page is written into: without them a page would silently lack its head.
    for (name, template) in [
        ("index.html", templates.list),
        ("join.html", templates.join),
        ("stats.html", templates.stats),
        ("logos.html", templates.logos),
    ] {
        for needed in [
            "<html ",
            "<title>",
            "<meta name=\"description\"",
            "<base ",
            "<body>",
        ] {
            if !template.contains(needed) {
                return Err(format!(
                    "the built {name} has no `{needed}`: is it trunk's output?"
                ));
            }
        }
    }
    let template = templates.list;
    let feed: LoadedFeed = parse_feed(feed_text)
        .map_err(|error| format!("the feed cannot be read: {error}"))?
        .into();
    let feed = IndexedFeed::new(feed, &EmbedConfig::default());
    let base = format!("/{}/", options.base.trim_matches('/')).replace("//", "/");
    init_static_executor();
    // Every page but the list's first is made from this, worked out once.
    let bare_template = &document::bare(template);
    let origin = options.site_url.trim_end_matches('/').to_string();
    let mut out = Output::default();
    for tree in &TREES {
        let site = TreeSite {
            tree,
            origin: &origin,
            site_base: &base,
            feed: &feed,
        };
        crate::router::set_base_path(site.base());
        // The list's page of this tree, with its first screen's copies: their links are this
        // tree's, as the app's on that page will be.
        let list_template =
            &with_first_screen(template, &first_screen_block(&feed, &site.base(), &base));
        list_pages(&site, list_template, bare_template, &mut out);
        web_pages(&site, &templates, &mut out);
        member_pages(&site, bare_template, &mut out);
        let member_url = |member: &Member| site.url_of(&member_below(member));
        out.files.push(SiteFile {
            path: format!("{}{ATOM_FILE}", tree.folder()),
            contents: atom_xml(
                &feed,
                tree.lang,
                &AtomAddresses {
                    self_url: &site.url_of(ATOM_FILE),
                    list_url: &site.url_of(""),
                    member_url: &member_url,
                    site_root: &format!("{origin}/"),
                },
            ),
        });
    }
    let Output { mut files, sitemap } = out;

    // Not found in each tree: `404.html` at the root of the bundle, where static hosts look
    // for it, and `zh/404.html`, which `_redirects` names for the Chinese tree.
    for tree in &TREES {
        let tree_base = format!("{base}{}", tree.folder());
        crate::router::set_base_path(tree_base.clone());
        let text = strings(tree.lang);
        let not_found = Head {
            title: member_title(text.page_not_found_title, tree.lang),
            description: description(text.page_not_found_body),
            canonical: String::new(),
            alternates: Vec::new(),
            previous: None,
            next: None,
            image: None,
            atom: None,
            json_ld: serde_json::Value::Null,
        };
        let back = tree_base.clone();
        let body = render(tree.lang, None, || {
            view! { <crate::components::NotFoundView missing=crate::components::Missing::Page back_href=back /> }.into_any()
        });
        files.push(SiteFile {
            path: format!("{}{NOT_FOUND_FILE}", tree.folder()),
            contents: page(
                bare_template,
                &tree_base,
                tree.lang,
                &not_found,
                Body::replacing(&body),
            ),
        });
    }
    files.push(SiteFile {
        path: "sitemap.xml".into(),
        contents: sitemap_xml(&sitemap),
    });
    Ok(files)
}

/// The built `index.html` with `block` (the list's first-screen copies) at the start of its
/// body, in place of any written before.
fn with_first_screen(template: &str, block: &str) -> String {
    let mut html = template.to_string();
    document::remove_marked(
        &mut html,
        document::FIRST_SCREEN_START,
        document::FIRST_SCREEN_END,
    );
    html.replacen("<body>", &format!("<body>\n{block}"), 1)
}

/// What the trees' pages are written into: the files, and the sitemap's entries.
#[derive(Default)]
struct Output {
    files: Vec<SiteFile>,
    sitemap: Vec<Head>,
}

impl Output {
    /// `body` in `template` as the page at `path` (below the bundle's folder), with `head`,
    /// listed in the sitemap.
    fn push(&mut self, site: &TreeSite, path: String, template: &str, head: Head, body: Body) {
        self.files.push(SiteFile {
            path,
            contents: page(template, &site.base(), site.tree.lang, &head, body),
        });
        self.sitemap.push(head);
    }
}

/// One language's tree, as its pages see it.
struct TreeSite<'a> {
    tree: &'a Tree,
    /// The site's origin: `https://karmada.io`.
    origin: &'a str,
    /// The bundle's base: `/adopters/` (the tree's own is [`TreeSite::base`]).
    site_base: &'a str,
    feed: &'a IndexedFeed,
}

impl TreeSite<'_> {
    /// The tree's base: `/adopters/` or `/adopters/zh/`.
    fn base(&self) -> String {
        format!("{}{}", self.site_base, self.tree.folder())
    }

    /// The public address of `below` (`members/bloomberg`) in this tree.
    fn url_of(&self, below: &str) -> String {
        self.url_in(self.tree, below)
    }

    fn url_in(&self, tree: &Tree, below: &str) -> String {
        format!("{}{}{}{below}", self.origin, self.site_base, tree.folder())
    }

    /// The path of `below` in the other language's tree, which the language switch links to.
    fn twin_path(&self, below: &str) -> Option<String> {
        TREES
            .iter()
            .find(|twin| twin.lang != self.tree.lang)
            .map(|twin| format!("{}{}{below}", self.site_base, twin.folder()))
    }

    /// The same page in every tree, for `hreflang`.
    fn twins(&self, below: &str) -> Vec<(&'static str, String)> {
        TREES
            .iter()
            .map(|twin| (hreflang(twin.lang), self.url_in(twin, below)))
            .collect()
    }

    /// The head of a page of the tree that is neither the list nor a member's.
    /// The head of the page at `route`, named as [`crate::i18n::Strings::page_of`] says.
    fn web_page(&self, route: &Route) -> Head {
        let (title, about) = strings(self.tree.lang).page_of(route).unwrap_or_default();
        Head {
            title: member_title(title, self.tree.lang),
            description: description(about),
            canonical: self.url_of(&below_base(route)),
            alternates: self.twins(&below_base(route)),
            previous: None,
            next: None,
            image: None,
            atom: Some(self.url_of(ATOM_FILE)),
            json_ld: json!({
                "@context": "https://schema.org",
                "@type": "WebPage",
                "name": title,
                "description": about,
            }),
        }
    }
}

/// A route's address below a tree, as the app links it: `members/bloomberg` (its file is
/// `members/bloomberg/index.html`).
fn below_base(route: &Route) -> String {
    route.path().trim_start_matches('/').to_string()
}

fn member_below(member: &Member) -> String {
    below_base(&Route::Member(member.id.clone()))
}

fn hreflang(lang: Lang) -> &'static str {
    lang.tag()
}

#[cfg(test)]
mod tests {
    /// `static-page.js` finds the not-found copy as the app does.
    #[test]
    fn the_page_script_knows_the_not_found_copy() {
        let script = include_str!("../../public/static-page.js");
        let selector = crate::loading::NOT_FOUND_COPY;
        assert!(
            script.contains(&format!("document.querySelector('{selector}')")),
            "{selector}"
        );
    }

    /// The scripts that keep or drop a static copy before the app starts read the same
    /// parameters as the app: the list's state and the embedding's.
    #[test]
    fn the_copy_scripts_know_the_apps_parameters() {
        let mut app: Vec<&str> = browse::query::STATE_PARAMS
            .iter()
            .chain(browse::query::PRESERVED_PARAMS.iter())
            .copied()
            .collect();
        app.sort_unstable();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for script in ["public/prerender.js", "public/static-page.js"] {
            let text = std::fs::read_to_string(root.join(script)).unwrap();
            let start = text.find("const APP_PARAMS = [").expect(script) + 20;
            let list = &text[start..start + text[start..].find(']').expect(script)];
            let mut copied: Vec<&str> = list
                .split(',')
                .map(|name| name.trim().trim_matches('\''))
                .collect();
            copied.sort_unstable();
            assert_eq!(copied, app, "{script}");
        }
    }

    /// `static-page.js` shows the join form's copy from the template the pages write.
    #[test]
    fn the_page_script_knows_the_scripted_copys_template() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(root.join("public/static-page.js")).unwrap();
        assert!(text.contains(&format!(
            "getElementById('{}')",
            super::document::SCRIPTED_COPY_ID
        )));
        assert!(text.contains("dataset.views"));
        for script in ["public/static-page.js", "public/prerender.js"] {
            let text = std::fs::read_to_string(root.join(script)).unwrap();
            let id = crate::loading::STATIC_COPY_ID;
            assert!(
                text.contains(&format!("'{id}'")),
                "{script} names the copy {id}"
            );
        }
    }
}
