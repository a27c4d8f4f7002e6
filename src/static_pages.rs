//! Static pages, rendered natively from the app's own components: every member's page and the
//! list, in English and in Chinese, with what crawlers and link previews read (title,
//! description, canonical and `hreflang` links, Open Graph and Twitter cards, JSON-LD), a
//! `404.html` and a `sitemap.xml`. The running app takes a static page over when it starts:
//! the page's content stands in `#prerendered` (as the list's first screen does) until the app
//! mounts the same view and removes it in the same task.
//!
//! Chinese pages live in a `zh/` tree below the base (`/adopters/zh/members/bloomberg`), whose
//! `<base href>` tells the app its language, as a `/zh/` base always has.

use std::fmt::Write as _;

use browse::FilterState;
use leptos::prelude::*;
use members_feed::{parse_feed, Lang, Member};
use serde_json::json;

use crate::components::{CardContent, MemberCard, PageChrome};
use crate::embed::EmbedConfig;
use crate::i18n::{description, member_title, strings, LangContext};
use crate::net::LoadedFeed;
use crate::pages::members::IndexedFeed;

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

/// The markers of the list's first-screen copy in the built `index.html` (xtask/prerender.mjs).
const FIRST_SCREEN_START: &str = "<!-- prerendered: start -->";
const FIRST_SCREEN_END: &str = "<!-- prerendered: end -->";
/// The markers of the head tags written here, so that writing the pages again replaces them.
const HEAD_START: &str = "<!-- static head: start -->";
const HEAD_END: &str = "<!-- static head: end -->";

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

/// Every member as the list's cards, in the list's order, for visitors without JavaScript.
#[component]
fn StaticMemberList(
    /// The members, in the order to show.
    members: Vec<Member>,
    /// The page's language.
    lang: Lang,
) -> impl IntoView {
    let text = strings(lang);
    let cards = members
        .iter()
        .map(|member| {
            let content = CardContent::of(member, lang);
            let href = crate::app::app_href(&format!("/members/{}", member.id));
            view! {
                <li>
                    <MemberCard content=Signal::stored(content) href=Signal::stored(href) query=Signal::stored(String::new()) />
                </li>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <header class="page-header">
            <h1>{text.page_title}</h1>
            <p class="intro">{text.page_intro}</p>
        </header>
        <ul class="card-grid" data-testid="static-member-list">{cards}</ul>
    }
}

/// Effects are the browser's: natively, spawned effects are dropped rather than run.
fn init_static_executor() {
    struct DropEffects;
    impl any_spawner::CustomExecutor for DropEffects {
        fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
        fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
        fn poll_local(&self) {}
    }
    // Already set by an earlier call in this process: the same executor.
    let _ = any_spawner::Executor::init_custom_executor(DropEffects);
}

/// A route's view inside the app's page chrome, as HTML, with its `data-testid` hooks renamed
/// `data-prerendered` (tests drive only the live app, as with the first-screen copy).
fn render(lang: Lang, view: impl FnOnce() -> AnyView) -> String {
    let owner = Owner::new();
    // Rendered once, never updated: reading signals outside a tracking context is the point.
    let _quiet = leptos::reactive::diagnostics::SpecialNonReactiveZone::enter();
    let html = owner.with(|| {
        provide_context(LangContext(Signal::stored(lang)));
        let inner = view();
        view! {
            <PageChrome classes="showcase cards-medium".to_string() embedded=false lang=lang>
                {inner}
            </PageChrome>
        }
        .to_html()
    });
    // Feed text is escaped by the renderer, so this only meets the app's own attributes.
    html.replace(" data-testid=\"", " data-prerendered=\"")
}

/// What a page's `<head>` says about it.
struct Head {
    title: String,
    description: String,
    /// Empty for pages that are not to be indexed (404).
    canonical: String,
    alternates: Vec<(&'static str, String)>,
    image: Option<String>,
    json_ld: serde_json::Value,
}

/// What a page's body holds before the app runs.
enum Body<'a> {
    /// The route's view, in place of the list's first-screen copy, until the app replaces it.
    Replacing(&'a str),
    /// The list: its first-screen copy for visitors with JavaScript, and this for the others.
    WithoutScript(&'a str),
}

/// The markers of the list for visitors without JavaScript, so that writing again replaces it.
const NO_SCRIPT_START: &str = "<!-- static list: start -->";
const NO_SCRIPT_END: &str = "<!-- static list: end -->";

/// The built `index.html` made into one page: its head, its language and base, and its body.
fn page(template: &str, base: &str, lang: Lang, head: &Head, body: Body) -> String {
    // The bundle's own files are at the base of the English tree.
    let assets = base.strip_suffix("zh/").unwrap_or(base);
    let mut html = template.to_string();
    if let (Some(start), Some(end)) = (html.find(NO_SCRIPT_START), html.find(NO_SCRIPT_END)) {
        html.replace_range(start..end + NO_SCRIPT_END.len(), "");
    }
    match body {
        Body::Replacing(body) => {
            if let (Some(start), Some(end)) =
                (html.find(FIRST_SCREEN_START), html.find(FIRST_SCREEN_END))
            {
                html.replace_range(start..end + FIRST_SCREEN_END.len(), "");
            }
            let copy = format!(
                "<div id=\"prerendered\" class=\"prerendered\">{body}</div>\n<script src=\"{}static-page.js\"></script>",
                escape(assets)
            );
            html = html.replacen("<body>", &format!("<body>\n{copy}"), 1);
        }
        Body::WithoutScript(list) => {
            let block = format!("{NO_SCRIPT_START}<noscript>{list}</noscript>{NO_SCRIPT_END}");
            html = html.replacen("<body>", &format!("<body>\n{block}"), 1);
        }
    }
    html = replace_element(
        &html,
        "<title>",
        "</title>",
        &format!("<title>{}</title>", escape(&head.title)),
    );
    let tags = format!("{HEAD_START}\n    {}\n    {HEAD_END}", head_tags(head));
    match (html.find(HEAD_START), html.find(HEAD_END)) {
        (Some(start), Some(end)) => html.replace_range(start..end + HEAD_END.len(), &tags),
        _ => html = replace_tag(&html, "<meta name=\"description\"", &tags),
    }
    html = replace_tag(
        &html,
        "<base ",
        &format!("<base href=\"{}\" />", escape(base)),
    );
    html = replace_tag(
        &html,
        "<html ",
        &format!("<html lang=\"{}\">", hreflang(lang)),
    );
    html
}

/// The description and everything after it in the head.
fn head_tags(head: &Head) -> String {
    let mut tags = format!(
        "<meta name=\"description\" content=\"{}\" />",
        escape(&head.description)
    );
    let mut add = |tag: String| {
        tags.push_str("\n    ");
        tags.push_str(&tag);
    };
    if head.canonical.is_empty() {
        add("<meta name=\"robots\" content=\"noindex\" />".into());
    } else {
        add(format!(
            "<link rel=\"canonical\" href=\"{}\" />",
            escape(&head.canonical)
        ));
        for (lang, url) in &head.alternates {
            add(format!(
                "<link rel=\"alternate\" hreflang=\"{lang}\" href=\"{}\" />",
                escape(url)
            ));
        }
        if let Some((_, english)) = head.alternates.first() {
            add(format!(
                "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\" />",
                escape(english)
            ));
        }
        add(format!(
            "<meta property=\"og:url\" content=\"{}\" />",
            escape(&head.canonical)
        ));
    }
    add(format!(
        "<meta property=\"og:title\" content=\"{}\" />",
        escape(&head.title)
    ));
    add(format!(
        "<meta property=\"og:description\" content=\"{}\" />",
        escape(&head.description)
    ));
    add("<meta property=\"og:type\" content=\"website\" />".into());
    add(format!(
        "<meta name=\"twitter:card\" content=\"{}\" />",
        if head.image.is_some() {
            "summary_large_image"
        } else {
            "summary"
        }
    ));
    add(format!(
        "<meta name=\"twitter:title\" content=\"{}\" />",
        escape(&head.title)
    ));
    if let Some(image) = &head.image {
        add(format!(
            "<meta property=\"og:image\" content=\"{}\" />",
            escape(image)
        ));
        add(format!(
            "<meta name=\"twitter:image\" content=\"{}\" />",
            escape(image)
        ));
    }
    if !head.json_ld.is_null() {
        // No `<` at all, so feed text can neither end the data block (`</script>`) nor open a
        // comment in it (`<!--`): JSON writes it `\u003c`.
        let data = head.json_ld.to_string().replace('<', "\\u003c");
        add(format!(
            "<script type=\"application/ld+json\">{data}</script>"
        ));
    }
    tags
}

/// Replaces the first tag that starts with `start` (up to its `>`) by `with`.
fn replace_tag(html: &str, start: &str, with: &str) -> String {
    let Some(from) = html.find(start) else {
        return html.to_string();
    };
    let Some(len) = html[from..].find('>') else {
        return html.to_string();
    };
    format!("{}{with}{}", &html[..from], &html[from + len + 1..])
}

/// Replaces the first element from `open` through `close` by `with`.
fn replace_element(html: &str, open: &str, close: &str, with: &str) -> String {
    let (Some(from), Some(to)) = (html.find(open), html.find(close)) else {
        return html.to_string();
    };
    format!("{}{with}{}", &html[..from], &html[to + close.len()..])
}

/// Text for an attribute value or an element's content.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Every indexed page, each with its language twins.
fn sitemap_xml(pages: &[Head]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for page in pages.iter().filter(|page| !page.canonical.is_empty()) {
        let _ = writeln!(xml, "  <url>\n    <loc>{}</loc>", escape(&page.canonical));
        for (lang, url) in &page.alternates {
            let _ = writeln!(
                xml,
                "    <xhtml:link rel=\"alternate\" hreflang=\"{lang}\" href=\"{}\" />",
                escape(url)
            );
        }
        xml.push_str("  </url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}
