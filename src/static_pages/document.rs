//! A page's document: the built `index.html` with the page's head, language, base and body,
//! and the sitemap. Everything from the feed is escaped here.

use std::fmt::Write as _;

use members_feed::Lang;

use super::hreflang;
use crate::loading::STATIC_COPY_ID;

/// The markers of the list's first-screen copies in `index.html` (`first_screen`), so that
/// writing them again replaces them.
pub(super) const FIRST_SCREEN_START: &str = "<!-- prerendered: start -->";
pub(super) const FIRST_SCREEN_END: &str = "<!-- prerendered: end -->";
/// The markers of the head tags written here, so that writing the pages again replaces them.
const HEAD_START: &str = "<!-- static head: start -->";
const HEAD_END: &str = "<!-- static head: end -->";

/// What a page's `<head>` says about it.
pub(super) struct Head {
    pub title: String,
    pub description: String,
    /// Empty for pages that are not to be indexed (404).
    pub canonical: String,
    pub alternates: Vec<(&'static str, String)>,
    /// The pages before and after this one of a list split into pages.
    pub previous: Option<String>,
    pub next: Option<String>,
    pub image: Option<String>,
    /// The tree's Atom feed (`atom.xml`), for feed readers to find from any page.
    pub atom: Option<String>,
    pub json_ld: serde_json::Value,
}

/// What a page's body holds before the app runs.
pub(super) enum Body<'a> {
    /// The route's view `copy`, in place of the list's first-screen copy, until the app
    /// replaces it; and after it `embedded`: the view's copies for a host's frame (templates,
    /// each followed by `prerender.js`), which `static-page.js` leaves to that script when the
    /// address asks for an embedding.
    Replacing { copy: &'a str, embedded: &'a str },
    /// The list: its first-screen copy for visitors with JavaScript, and this for the others.
    WithoutScript(&'a str),
    /// A page the app draws from nothing (the list's later pages): this for visitors without it.
    WithoutScriptOnly(&'a str),
    /// A page whose view works only with JavaScript (the join form): `copy`, the view made
    /// inert, shown by `static-page.js` until the app replaces it, unless the query sets one of
    /// `views` (parameter, value the copy was made for) to another value (another program's
    /// form); `without_script` for visitors without it.
    ScriptedCopy {
        copy: &'a str,
        views: &'a [(&'a str, &'a str)],
        without_script: &'a str,
    },
}

impl<'a> Body<'a> {
    /// The route's view `copy`, with no copy for a host's frame.
    pub fn replacing(copy: &'a str) -> Body<'a> {
        Body::Replacing { copy, embedded: "" }
    }
}

/// The template of a [`Body::ScriptedCopy`], which `public/static-page.js` shows.
pub(super) const SCRIPTED_COPY_ID: &str = "prerendered-page";

/// The markers of the list for visitors without JavaScript, so that writing again replaces it.
const NO_SCRIPT_START: &str = "<!-- static list: start -->";
const NO_SCRIPT_END: &str = "<!-- static list: end -->";
/// The markers of `index.html`'s notice that the app needs JavaScript.
const APP_NOTICE_START: &str = "<!-- app notice: start -->";
const APP_NOTICE_END: &str = "<!-- app notice: end -->";

/// The built `index.html` made into one page: its head, its language and base, and its body.
pub(super) fn page(template: &str, base: &str, lang: Lang, head: &Head, body: Body) -> String {
    // The bundle's own files are at the base of the English tree.
    let assets = browse::route::bundle_folder(base);
    let mut html = match body {
        Body::WithoutScript(_) => without_rewritten(template),
        _ => bare(template),
    };
    // The feed beside the bundle's files, where the app reads it in either tree: a relative
    // preload would fetch the Chinese tree's own address, a second download.
    let feed = crate::net::FEED_FILE;
    html = html.replacen(
        &format!("<link rel=\"preload\" href=\"{feed}\""),
        &format!("<link rel=\"preload\" href=\"{}{feed}\"", escape(&assets)),
        1,
    );
    match body {
        Body::Replacing {
            copy: body,
            embedded,
        } => {
            // `data-lang`: the app that takes the page over speaks its language.
            let copy = format!(
                "<div id=\"{STATIC_COPY_ID}\" class=\"prerendered\" data-lang=\"{}\">{body}</div>\n<script src=\"{}static-page.js\"></script>\n{embedded}",
                hreflang(lang),
                escape(&assets)
            );
            html = html.replacen("<body>", &format!("<body>\n{copy}"), 1);
        }
        Body::WithoutScript(list) | Body::WithoutScriptOnly(list) => {
            let block = format!("{NO_SCRIPT_START}<noscript>{list}</noscript>{NO_SCRIPT_END}");
            html = html.replacen("<body>", &format!("<body>\n{block}"), 1);
        }
        Body::ScriptedCopy {
            copy,
            views,
            without_script,
        } => {
            let views: Vec<String> = views
                .iter()
                .map(|(param, value)| format!("{param}={value}"))
                .collect();
            let block = format!(
                "{NO_SCRIPT_START}<noscript>{without_script}</noscript>{NO_SCRIPT_END}\n<template id=\"{SCRIPTED_COPY_ID}\" data-lang=\"{}\" data-views=\"{}\">{copy}</template>\n<script src=\"{}static-page.js\"></script>",
                hreflang(lang),
                escape(&views.join("&")),
                escape(&assets)
            );
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

/// The built `index.html` without what a run writes again (the list for visitors without
/// JavaScript) and without the app page's notice that it needs JavaScript: a static page reads
/// without it.
fn without_rewritten(template: &str) -> String {
    let mut html = template.to_string();
    remove_marked(&mut html, NO_SCRIPT_START, NO_SCRIPT_END);
    remove_marked(&mut html, APP_NOTICE_START, APP_NOTICE_END);
    html
}

/// Takes out the block from `start_marker` through `end_marker` (and the line break before
/// it), if there is one: what an earlier run wrote, or what a page does not carry.
pub(super) fn remove_marked(html: &mut String, start_marker: &str, end_marker: &str) {
    if let (Some(start), Some(end)) = (html.find(start_marker), html.find(end_marker)) {
        let start = start - usize::from(html[..start].ends_with('\n'));
        html.replace_range(start..end + end_marker.len(), "");
    }
}

/// The built `index.html` for a page that is not the list: [`without_rewritten`], and without
/// the list's first-screen copies. Worked out once for all the pages of a run ([`page`] on it
/// finds nothing more to take out), rather than per page through the copies' 100 KB.
pub(super) fn bare(template: &str) -> String {
    let mut html = without_rewritten(template);
    remove_marked(&mut html, FIRST_SCREEN_START, FIRST_SCREEN_END);
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
        for (rel, url) in [("prev", &head.previous), ("next", &head.next)] {
            if let Some(url) = url {
                add(format!("<link rel=\"{rel}\" href=\"{}\" />", escape(url)));
            }
        }
        if let Some(atom) = &head.atom {
            add(format!(
                "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"{}\" />",
                escape(atom)
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
pub(super) fn escape(text: &str) -> String {
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
pub(super) fn sitemap_xml(pages: &[Head]) -> String {
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
