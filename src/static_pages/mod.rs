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
mod document;
mod first_screen;
mod inert;
mod views;

use browse::route::Route;
use browse::stats::Stats;
use browse::FilterState;
use leptos::prelude::*;
use members_feed::{parse_feed, Lang, Member};
use serde_json::json;

use crate::embed::EmbedConfig;
pub use crate::embed::HOST_COPY_ATTRIBUTE;
use crate::i18n::{description, member_title, strings};
use crate::list_state::IndexedFeed;
use crate::net::LoadedFeed;
use crate::pages::stats::StatsView;
use crate::router::{app_href, DEFAULT_PROGRAM, PROGRAM_PARAM};
use atom::{atom_xml, AtomAddresses};
use document::{page, sitemap_xml, Body, Head};
use first_screen::first_screen_block;
pub use first_screen::host_copy;
pub use inert::tag_end;
use views::{
    init_static_executor, join_form_copy, render, JoinPrograms, ListPosition, StaticMemberList,
};

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

/// One language's tree of pages.
struct Tree {
    lang: Lang,
    /// `""` or `"zh/"`, below the bundle's folder.
    folder: &'static str,
}

const TREES: [Tree; 2] = [
    Tree {
        lang: Lang::En,
        folder: "",
    },
    Tree {
        lang: Lang::Zh,
        folder: "zh/",
    },
];

/// The pages with a binary of their own, by their trunk entry's name (`join.html`);
/// `cargo xtask dist` builds these (its `OWN_BINARY_PAGES`, held to this list by its tests).
pub const OWN_BINARY_PAGES: [&str; 2] = ["join", "stats"];

/// The pages trunk built: `index.html` (the list's binary: every page but those in
/// [`OWN_BINARY_PAGES`]) and one per page with its own binary.
#[derive(Clone, Copy, Debug)]
pub struct Templates<'a> {
    pub list: &'a str,
    pub join: &'a str,
    pub stats: &'a str,
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
    let url_of = |folder: &str, below: &str| format!("{origin}{base}{folder}{below}");
    let mut files = Vec::new();
    let mut sitemap = Vec::new();
    for tree in &TREES {
        let tree_base = format!("{base}{}", tree.folder);
        // The list's page of this tree, with its first screen's copies: their links are this
        // tree's, as the app's on that page will be.
        let list_template =
            &with_first_screen(template, &first_screen_block(&feed, &tree_base, &base));
        crate::router::set_base_path(tree_base.clone());
        let text = strings(tree.lang);
        let twins = |below: &str| -> Vec<(&'static str, String)> {
            TREES
                .iter()
                .map(|twin| (hreflang(twin.lang), url_of(twin.folder, below)))
                .collect()
        };

        // The list: the built page (with its first-screen copy) and, for a long feed, more
        // pages of it; with JavaScript the app draws the whole list on each.
        let order = browse::browse(&feed.feed.members, &feed.index, &FilterState::default());
        let pages = order.len().div_ceil(STATIC_LIST_PAGE_SIZE).max(1);
        let page_below = |page: usize| match page {
            1 => String::new(),
            page => below_base(&Route::ListPage(page)),
        };
        for page_number in 1..=pages {
            let below = page_below(page_number);
            let on_page = &order[((page_number - 1) * STATIC_LIST_PAGE_SIZE).min(order.len())
                ..(page_number * STATIC_LIST_PAGE_SIZE).min(order.len())];
            let list_items: Vec<_> = on_page
                .iter()
                .enumerate()
                .map(|(i, &member)| {
                    let member = &feed.feed.members[member];
                    json!({
                        "@type": "ListItem",
                        "position": (page_number - 1) * STATIC_LIST_PAGE_SIZE + i + 1,
                        "url": url_of(tree.folder, &member_below(member)),
                        "name": member.name.text(tree.lang),
                    })
                })
                .collect();
            let title = match page_number {
                1 => text.page_title.to_string(),
                _ => member_title(&(text.list_page)(page_number, pages), tree.lang),
            };
            let position = ListPosition {
                page: page_number,
                pages,
                previous: (page_number > 1)
                    .then(|| app_href(&format!("/{}", page_below(page_number - 1)))),
                next: (page_number < pages)
                    .then(|| app_href(&format!("/{}", page_below(page_number + 1)))),
            };
            let head = Head {
                title,
                description: description(text.page_intro),
                canonical: url_of(tree.folder, &below),
                alternates: twins(&below),
                previous: (page_number > 1)
                    .then(|| url_of(tree.folder, &page_below(page_number - 1))),
                next: (page_number < pages)
                    .then(|| url_of(tree.folder, &page_below(page_number + 1))),
                image: None,
                atom: Some(url_of(tree.folder, ATOM_FILE)),
                json_ld: json!({
                    "@context": "https://schema.org",
                    "@type": "ItemList",
                    "name": text.page_title,
                    "numberOfItems": order.len(),
                    "itemListElement": list_items,
                }),
            };
            let members: Vec<Member> = on_page
                .iter()
                .map(|&i| feed.feed.members[i].clone())
                .collect();
            let list_lang = tree.lang;
            let generated_at = feed.feed.generated_at.clone();
            let list = render(list_lang, move || {
                view! { <StaticMemberList members=members lang=list_lang position=position generated_at=generated_at /> }
                    .into_any()
            });
            let body = match page_number {
                // The first page_number is the app's page_number, with the first screen's copy.
                1 => Body::WithoutScript(&list),
                _ => Body::WithoutScriptOnly(&list),
            };
            let path = match page_number {
                1 => format!("{}index.html", tree.folder),
                _ => format!("{}{below}/index.html", tree.folder),
            };
            files.push(SiteFile {
                path,
                contents: page(
                    if page_number == 1 {
                        list_template
                    } else {
                        bare_template
                    },
                    &tree_base,
                    tree.lang,
                    &head,
                    body,
                ),
            });
            sitemap.push(head);
        }

        // How to join: the app's form, or without JavaScript each program and its issue form.
        // A page of the tree that is neither the list nor a member's.
        let web_page = |route: &Route, title: &str, about: &str| Head {
            title: member_title(title, tree.lang),
            description: description(about),
            canonical: url_of(tree.folder, &below_base(route)),
            alternates: twins(&below_base(route)),
            previous: None,
            next: None,
            image: None,
            atom: Some(url_of(tree.folder, ATOM_FILE)),
            json_ld: json!({
                "@context": "https://schema.org",
                "@type": "WebPage",
                "name": title,
                "description": about,
            }),
        };
        let join = web_page(&Route::Join, text.join_cta, text.join_cta_body);
        let lang = tree.lang;
        let programs = render(lang, move || {
            view! { <JoinPrograms lang=lang /> }.into_any()
        });
        let form = join_form_copy(lang, &format!("{tree_base}{}", below_base(&Route::Join)));
        files.push(SiteFile {
            path: format!("{}{}/index.html", tree.folder, below_base(&Route::Join)),
            contents: page(
                // The join page's own binary.
                &document::bare(templates.join),
                &tree_base,
                tree.lang,
                &join,
                Body::ScriptedCopy {
                    copy: &form,
                    // The copy is the first program's form.
                    views: &[(PROGRAM_PARAM, DEFAULT_PROGRAM.slug())],
                    without_script: &programs,
                },
            ),
        });
        sitemap.push(join);

        // Adoption at a glance.
        let stats_head = web_page(&Route::Stats, text.stats_title, text.stats_intro);
        let stats = Stats::of(&feed.feed.members, &feed.index);
        let figures = render(lang, move || {
            view! { <StatsView stats=stats carried=FilterState::default() /> }.into_any()
        });
        files.push(SiteFile {
            path: format!("{}{}/index.html", tree.folder, below_base(&Route::Stats)),
            contents: page(
                // The statistics page's own binary.
                &document::bare(templates.stats),
                &tree_base,
                tree.lang,
                &stats_head,
                Body::Replacing(&figures),
            ),
        });
        sitemap.push(stats_head);

        for (position, member) in feed.feed.members.iter().enumerate() {
            let below = member_below(member);
            let name = member.name.text(tree.lang).to_string();
            // Link previews need an absolute address; a site-relative logo is on this site.
            let logo = member
                .logo
                .as_ref()
                .map(|logo| match logo.url.starts_with('/') {
                    true => format!("{origin}{}", logo.url),
                    false => logo.url.clone(),
                });
            let head = Head {
                title: member_title(&name, tree.lang),
                description: description(member.usage.text(tree.lang)),
                canonical: url_of(tree.folder, &below),
                alternates: twins(&below),
                previous: None,
                next: None,
                image: logo.clone(),
                atom: Some(url_of(tree.folder, ATOM_FILE)),
                json_ld: organization(member, tree.lang, logo.as_deref()),
            };
            let body = render(tree.lang, || {
                crate::pages::member::member_article(
                    &feed,
                    position,
                    &FilterState::default(),
                    tree.lang,
                )
            });
            files.push(SiteFile {
                path: format!("{}{below}/index.html", tree.folder),
                contents: page(
                    bare_template,
                    &tree_base,
                    tree.lang,
                    &head,
                    Body::Replacing(&body),
                ),
            });
            sitemap.push(head);
        }

        let member_url = |member: &Member| url_of(tree.folder, &member_below(member));
        files.push(SiteFile {
            path: format!("{}{ATOM_FILE}", tree.folder),
            contents: atom_xml(
                &feed,
                tree.lang,
                &AtomAddresses {
                    self_url: &url_of(tree.folder, ATOM_FILE),
                    list_url: &url_of(tree.folder, ""),
                    member_url: &member_url,
                    site_root: &format!("{origin}/"),
                },
            ),
        });
    }

    // Not found, in English at the root of the bundle (static hosts look for `404.html`).
    crate::router::set_base_path(base.clone());
    let not_found = Head {
        title: member_title(strings(Lang::En).page_not_found_title, Lang::En),
        description: description(strings(Lang::En).page_not_found_body),
        canonical: String::new(),
        alternates: Vec::new(),
        previous: None,
        next: None,
        image: None,
        atom: None,
        json_ld: serde_json::Value::Null,
    };
    let body = render(Lang::En, || {
        view! { <crate::components::NotFoundView missing=crate::components::Missing::Page back_href=base.clone() /> }.into_any()
    });
    files.push(SiteFile {
        path: "404.html".into(),
        contents: page(
            bare_template,
            &base,
            Lang::En,
            &not_found,
            Body::Replacing(&body),
        ),
    });
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

/// Members on one page of the static list: a long feed's list is split so that no page
/// weighs megabytes.
pub const STATIC_LIST_PAGE_SIZE: usize = 100;

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

/// schema.org's `Organization` for a member.
fn organization(member: &Member, lang: Lang, logo: Option<&str>) -> serde_json::Value {
    let mut value = json!({
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": member.name.text(lang),
        "url": member.website,
        "description": member.usage.text(lang),
    });
    let other = match lang {
        Lang::En => member.name.zh.as_deref(),
        Lang::Zh => Some(member.name.en.as_str()).filter(|en| *en != member.name.text(lang)),
    };
    if let Some(other) = other {
        value["alternateName"] = json!(other);
    }
    if let Some(logo) = logo {
        value["logo"] = json!(logo);
    }
    value
}

#[cfg(test)]
mod tests {
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
