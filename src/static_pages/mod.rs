//! Static pages, rendered natively from the app's own components: every member's page and the
//! list, in English and in Chinese, with what crawlers and link previews read (title,
//! description, canonical and `hreflang` links, Open Graph and Twitter cards, JSON-LD), a
//! `404.html` and a `sitemap.xml`. The running app takes a static page over when it starts:
//! the page's content stands in `#prerendered` (as the list's first screen does) until the app
//! mounts the same view and removes it in the same task.
//!
//! Chinese pages live in a `zh/` tree below the base (`/adopters/zh/members/bloomberg`), whose
//! `<base href>` tells the app its language, as a `/zh/` base always has.

mod document;
mod views;

use browse::FilterState;
use leptos::prelude::*;
use members_feed::{parse_feed, Lang, Member};
use serde_json::json;

use crate::embed::EmbedConfig;
use crate::i18n::{description, member_title, strings};
use crate::net::LoadedFeed;
use crate::pages::members::IndexedFeed;
use document::{page, sitemap_xml, Body, Head};
use views::{init_static_executor, render, JoinPrograms, StaticMemberList};

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

/// The static pages of `feed_text` (the bundled `members.json`), made from the built
/// `index.html` (`template`). Fails only when the feed cannot be read at all.
pub fn render_site(
    feed_text: &str,
    template: &str,
    options: &SiteOptions,
) -> Result<Vec<SiteFile>, String> {
    // The places a page is written into: without them a page would silently lack its head.
    for needed in [
        "<html ",
        "<title>",
        "<meta name=\"description\"",
        "<base ",
        "<body>",
    ] {
        if !template.contains(needed) {
            return Err(format!(
                "the built index.html has no `{needed}`: is it trunk's output?"
            ));
        }
    }
    let feed: LoadedFeed = parse_feed(feed_text)
        .map_err(|error| format!("the feed cannot be read: {error}"))?
        .into();
    let feed = IndexedFeed::new(feed, &EmbedConfig::default());
    let base = format!("/{}/", options.base.trim_matches('/')).replace("//", "/");
    let origin = options.site_url.trim_end_matches('/').to_string();
    let url_of = |folder: &str, below: &str| format!("{origin}{base}{folder}{below}");
    let mut files = Vec::new();
    let mut sitemap = Vec::new();
    init_static_executor();
    for tree in &TREES {
        let tree_base = format!("{base}{}", tree.folder);
        crate::app::set_base_path(tree_base.clone());
        let text = strings(tree.lang);
        let twins = |below: &str| -> Vec<(&'static str, String)> {
            TREES
                .iter()
                .map(|twin| (hreflang(twin.lang), url_of(twin.folder, below)))
                .collect()
        };

        // The list: the built page (with its first-screen copy), with its head.
        let list_items: Vec<_> = feed
            .feed
            .members
            .iter()
            .enumerate()
            .map(|(i, member)| {
                json!({
                    "@type": "ListItem",
                    "position": i + 1,
                    "url": url_of(tree.folder, &member_below(member)),
                    "name": member.name.text(tree.lang),
                })
            })
            .collect();
        let list = Head {
            title: text.page_title.to_string(),
            description: description(text.page_intro),
            canonical: url_of(tree.folder, ""),
            alternates: twins(""),
            image: None,
            json_ld: json!({
                "@context": "https://schema.org",
                "@type": "ItemList",
                "name": text.page_title,
                "itemListElement": list_items,
            }),
        };
        // With JavaScript the app draws the list (after the first-screen copy); without it,
        // every member is here.
        let order = browse::browse(&feed.feed.members, &feed.index, &FilterState::default());
        let members: Vec<Member> = order
            .iter()
            .map(|&i| feed.feed.members[i].clone())
            .collect();
        let lang = tree.lang;
        let all = render(lang, move || {
            view! { <StaticMemberList members=members lang=lang /> }.into_any()
        });
        files.push(SiteFile {
            path: format!("{}index.html", tree.folder),
            contents: page(
                template,
                &tree_base,
                tree.lang,
                &list,
                Body::WithoutScript(&all),
            ),
        });
        sitemap.push(list);

        // How to join: the app's form, or without JavaScript each program and its issue form.
        let join = Head {
            title: member_title(text.join_cta, tree.lang),
            description: description(text.join_cta_body),
            canonical: url_of(tree.folder, "join"),
            alternates: twins("join"),
            image: None,
            json_ld: json!({
                "@context": "https://schema.org",
                "@type": "WebPage",
                "name": text.join_cta,
                "description": text.join_cta_body,
            }),
        };
        let programs = render(lang, move || {
            view! { <JoinPrograms lang=lang /> }.into_any()
        });
        files.push(SiteFile {
            path: format!("{}join/index.html", tree.folder),
            contents: page(
                template,
                &tree_base,
                tree.lang,
                &join,
                Body::WithoutScriptOnly(&programs),
            ),
        });
        sitemap.push(join);

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
                image: logo.clone(),
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
                    template,
                    &tree_base,
                    tree.lang,
                    &head,
                    Body::Replacing(&body),
                ),
            });
            sitemap.push(head);
        }
    }

    // Not found, in English at the root of the bundle (static hosts look for `404.html`).
    crate::app::set_base_path(base.clone());
    let not_found = Head {
        title: member_title(strings(Lang::En).not_found_title, Lang::En),
        description: description(strings(Lang::En).not_found_body),
        canonical: String::new(),
        alternates: Vec::new(),
        image: None,
        json_ld: serde_json::Value::Null,
    };
    let body = render(Lang::En, || {
        view! { <crate::pages::NotFoundView back_href=base.clone() /> }.into_any()
    });
    files.push(SiteFile {
        path: "404.html".into(),
        contents: page(
            template,
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

/// A member's page below a tree, as the app links it: `members/bloomberg` (its file is
/// `members/bloomberg/index.html`).
fn member_below(member: &Member) -> String {
    format!("members/{}", member.id)
}

fn hreflang(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Zh => "zh-CN",
    }
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
