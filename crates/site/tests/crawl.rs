//! A crawl of the static site, without a browser: what search engines and link previews read
//! on every page, the sitemap, and every internal link.

use std::collections::{BTreeMap, BTreeSet};

use browse::route::Route;
use karmada_showcase::static_pages::{
    render_site, SiteFile, SiteOptions, Templates, OWN_BINARY_PAGES,
};

const SITE: &str = "https://karmada.io";
const BASE: &str = "/adopters/";

/// What trunk writes, reduced to what the static pages change (the real one is used by the
/// end-to-end tests).
const TEMPLATE: &str = r#"<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Who runs Karmada</title>
    <meta name="description" content="Organisations running Karmada." />
    <base href="/adopters/" />
    <script type="module" src="/adopters/start.js" data-karmada-start data-js="/adopters/karmada-showcase.js"></script>
  </head>
  <body>
<!-- prerendered: start -->
<template id="prerendered-en"><div class="showcase">first screen</div></template>
<!-- prerendered: end -->
  </body>
</html>
"#;

/// A page with its own binary (`join.html`, `stats.html`) as trunk writes it, reduced the same
/// way.
fn own_template(name: &str) -> String {
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>{name}</title>
    <meta name="description" content="{name}" />
    <base href="/adopters/" />
    <script type="module" src="/adopters/start.js" data-karmada-start data-js="/adopters/karmada-showcase-{name}.js"></script>
  </head>
  <body>
  </body>
</html>
"#
    )
}

fn bundled_feed() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../public/members.json"
    ))
    .expect("public/members.json")
}

fn site(feed: &str) -> Vec<SiteFile> {
    render_site(
        feed,
        Templates {
            list: TEMPLATE,
            join: &own_template("join"),
            stats: &own_template("stats"),
            logos: &own_template("logos"),
        },
        &SiteOptions {
            base: BASE.into(),
            site_url: SITE.into(),
        },
    )
    .expect("the site renders")
}

/// The public address of a written page: `members/x/index.html` → `…/adopters/members/x`.
fn url_of(path: &str) -> String {
    let below = path
        .strip_suffix("index.html")
        .unwrap_or(path)
        .trim_end_matches('/');
    match below {
        "" => format!("{SITE}{BASE}"),
        "zh" => format!("{SITE}{BASE}zh/"),
        other => format!("{SITE}{BASE}{other}"),
    }
}

/// The values of `attribute` on every tag that starts with `tag_start`.
fn values(html: &str, tag_start: &str, attribute: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(tag_start) {
        let tag = &rest[at..at + rest[at..].find('>').unwrap_or(rest.len() - at)];
        let needle = format!(" {attribute}=\"");
        if let Some(v) = tag.find(&needle) {
            let value = &tag[v + needle.len()..];
            found.push(unescape(&value[..value.find('"').unwrap_or(value.len())]));
        }
        rest = &rest[at + tag_start.len()..];
    }
    found
}

fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn one(html: &str, tag_start: &str, attribute: &str, page: &str) -> String {
    let found = values(html, tag_start, attribute);
    assert_eq!(
        found.len(),
        1,
        "{page}: one {tag_start}… {attribute}, got {found:?}"
    );
    found.into_iter().next().unwrap_or_default()
}

fn title(html: &str) -> String {
    let start = html.find("<title>").expect("a title") + "<title>".len();
    unescape(&html[start..start + html[start..].find("</title>").expect("</title>")])
}

fn json_ld(html: &str) -> serde_json::Value {
    let marker = "<script type=\"application/ld+json\">";
    let start = html.find(marker).expect("JSON-LD") + marker.len();
    let end = start + html[start..].find("</script>").expect("</script>");
    serde_json::from_str(&html[start..end]).expect("JSON-LD parses")
}

#[test]
fn every_page_says_what_crawlers_and_previews_read() {
    let feed_text = bundled_feed();
    let feed: serde_json::Value = serde_json::from_str(&feed_text).unwrap();
    let members = feed["members"].as_array().unwrap();
    let files = site(&feed_text);
    let pages: BTreeMap<&str, &str> = files
        .iter()
        .filter(|f| f.path.ends_with(".html") && !f.path.ends_with("404.html"))
        .map(|f| (f.path.as_str(), f.contents.as_str()))
        .collect();
    // The list, the join page, the statistics, the logo wall and every member, in both
    // languages.
    assert_eq!(pages.len(), 2 * (members.len() + 4));
    let urls: BTreeMap<String, &str> = pages.keys().map(|p| (url_of(p), *p)).collect();

    let mut titles = BTreeSet::new();
    for (path, html) in &pages {
        let url = url_of(path);
        assert!(
            titles.insert(title(html)),
            "{path}: title used twice: {}",
            title(html)
        );
        assert!(
            !one(html, "<meta name=\"description\"", "content", path).is_empty(),
            "{path}"
        );
        assert_eq!(
            one(html, "<link rel=\"canonical\"", "href", path),
            url,
            "{path}"
        );
        assert_eq!(one(html, "<meta property=\"og:url\"", "content", path), url);
        assert!(!one(html, "<meta property=\"og:title\"", "content", path).is_empty());
        assert!(!one(html, "<meta property=\"og:description\"", "content", path).is_empty());
        one(html, "<meta name=\"twitter:card\"", "content", path);
        // Language twins exist and name each other.
        let alternates = values(html, "<link rel=\"alternate\" hreflang", "href");
        let langs = values(html, "<link rel=\"alternate\" hreflang", "hreflang");
        // Feed readers find the tree's Atom feed, which the site has.
        let atom = one(
            html,
            "<link rel=\"alternate\" type=\"application/atom+xml\"",
            "href",
            path,
        );
        let tree = if path.starts_with("zh/") { "zh/" } else { "" };
        assert_eq!(atom, format!("{SITE}{BASE}{tree}atom.xml"), "{path}");
        assert_eq!(langs, ["en", "zh-CN", "x-default"], "{path}");
        for twin in &alternates {
            let twin_page = urls
                .get(twin)
                .unwrap_or_else(|| panic!("{path}: hreflang to {twin}, which is not a page"));
            assert!(
                values(pages[twin_page], "<link rel=\"alternate\" hreflang", "href").contains(&url),
                "{twin} does not point back to {url}"
            );
        }
        let ld = json_ld(html);
        assert_eq!(ld["@context"], "https://schema.org", "{path}");
        if path.contains("members/") {
            assert_eq!(ld["@type"], "Organization", "{path}");
        } else if ["join/", "stats/", "logos/"]
            .iter()
            .any(|page| path.contains(page))
        {
            assert_eq!(ld["@type"], "WebPage", "{path}");
        } else {
            assert_eq!(ld["@type"], "ItemList", "{path}");
            assert_eq!(
                ld["itemListElement"].as_array().unwrap().len(),
                members.len()
            );
        }
    }
    // A member's page: its name in the title, its usage as the description, its logo as the
    // preview image.
    let bloomberg = pages["members/bloomberg/index.html"];
    assert_eq!(title(bloomberg), "Bloomberg · Karmada adopters");
    assert_eq!(
        title(pages["zh/members/bloomberg/index.html"]),
        "彭博 · Karmada 采用者"
    );
    assert_eq!(
        one(
            bloomberg,
            "<meta property=\"og:image\"",
            "content",
            "bloomberg"
        ),
        "https://karmada.io/img/supporters/bloomberg.png"
    );

    // Not found is there in each tree, in its language, and not for indexing.
    for (path, lang, base) in [
        ("404.html", "en", "/adopters/"),
        ("zh/404.html", "zh-CN", "/adopters/zh/"),
    ] {
        let not_found = &files.iter().find(|f| f.path == path).expect(path).contents;
        assert!(not_found.contains("<meta name=\"robots\" content=\"noindex\" />"));
        assert!(
            not_found.contains(&format!("<html lang=\"{lang}\"")),
            "{path}"
        );
        assert!(
            not_found.contains(&format!("<base href=\"{base}\"")),
            "{path}"
        );
    }
}

/// A page with its own binary starts it in both languages, and no other page loads it (the
/// list's first download leaves it out).
#[test]
fn each_own_binary_starts_only_on_its_pages() {
    let files = site(&bundled_feed());
    for name in OWN_BINARY_PAGES {
        let script = format!("karmada-showcase-{name}.js");
        let pages: Vec<&str> = files
            .iter()
            .filter(|f| f.path.ends_with(".html") && f.contents.contains(&script))
            .map(|f| f.path.as_str())
            .collect();
        assert_eq!(
            pages,
            [
                format!("{name}/index.html"),
                format!("zh/{name}/index.html")
            ]
        );
        for file in files.iter().filter(|f| pages.contains(&f.path.as_str())) {
            assert!(
                !file.contents.contains("/karmada-showcase.js"),
                "{}",
                file.path
            );
            assert!(file.contents.contains("rel=\"canonical\""), "{}", file.path);
        }
    }
    // The join form's inert copy stands in its page as in the list's binary's pages.
    let join = files.iter().find(|f| f.path == "join/index.html").unwrap();
    assert!(join.contents.contains("id=\"prerendered-page\""));
}

/// A build removes what an earlier one wrote before writing anew (`GENERATED`): every page the
/// site has is under one of those paths, or a page removed from the feed would stay.
#[test]
fn every_written_path_is_one_a_new_build_clears() {
    for file in site(&bundled_feed()) {
        let top = file.path.split('/').next().unwrap();
        // The list's page is written over the bundle's index.html, which the build reads first.
        assert!(
            top == "index.html" || showcase_site::GENERATED.contains(&top),
            "{} is not cleared by a new build",
            file.path
        );
    }
}

#[test]
fn the_sitemap_lists_exactly_the_pages() {
    let files = site(&bundled_feed());
    let sitemap = &files
        .iter()
        .find(|f| f.path == "sitemap.xml")
        .expect("sitemap.xml")
        .contents;
    let listed: BTreeSet<String> = sitemap
        .split("<loc>")
        .skip(1)
        .map(|rest| unescape(&rest[..rest.find("</loc>").unwrap()]))
        .collect();
    let pages: BTreeSet<String> = files
        .iter()
        .filter(|f| f.path.ends_with(".html") && !f.path.ends_with("404.html"))
        .map(|f| url_of(&f.path))
        .collect();
    assert_eq!(listed, pages);
}

#[test]
fn no_internal_link_is_broken() {
    assert_links_resolve(&site(&bundled_feed()));
}

/// Every link below the base leads to a written page of a view the app has.
fn assert_links_resolve(files: &[SiteFile]) {
    let written: BTreeSet<String> = files.iter().map(|f| f.path.clone()).collect();
    let mut checked = 0;
    for file in files.iter().filter(|f| f.path.ends_with(".html")) {
        for href in values(&file.contents, "<a ", "href") {
            let Some(path) = href.strip_prefix(BASE.trim_end_matches('/')) else {
                assert!(
                    href.starts_with("https://")
                        || href.starts_with("http://")
                        || href.starts_with('#'),
                    "{}: {href}",
                    file.path
                );
                continue;
            };
            let path = path.split(['?', '#']).next().unwrap_or_default();
            let (folder, below) = match path.strip_prefix("/zh") {
                Some(rest) if rest.is_empty() || rest.starts_with('/') => ("zh/", rest),
                _ => ("", path),
            };
            let below = below.trim_matches('/');
            // Either a written page, or a view the app serves from its index page.
            let route = Route::of(&format!("/{below}"));
            let file_for = if below.is_empty() {
                format!("{folder}index.html")
            } else {
                format!("{folder}{below}/index.html")
            };
            assert!(
                route != Route::NotFound,
                "{}: {href} leads nowhere",
                file.path
            );
            assert!(
                written.contains(&file_for),
                "{}: {href} has no page ({file_for})",
                file.path
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} internal links");
}

/// The bundled feed's members repeated under new ids, up to `count`.
fn long_feed(count: usize) -> String {
    let mut feed: serde_json::Value = serde_json::from_str(&bundled_feed()).unwrap();
    let originals = feed["members"].as_array().unwrap().clone();
    let members: Vec<serde_json::Value> = (0..count)
        .map(|i| {
            let mut member = originals[i % originals.len()].clone();
            let copy = i / originals.len();
            if copy > 0 {
                member["id"] = format!("{}-{copy}", member["id"].as_str().unwrap()).into();
                member["name"]["en"] =
                    format!("{} {copy}", member["name"]["en"].as_str().unwrap()).into();
                member["name"]["zh"] = serde_json::Value::Null;
                member["aliases"] = serde_json::json!([]);
            }
            member
        })
        .collect();
    feed["members"] = members.into();
    feed.to_string()
}

#[test]
fn a_long_list_is_split_into_linked_pages() {
    let files = site(&long_feed(250));
    let page = |path: &str| {
        files
            .iter()
            .find(|f| f.path == path)
            .unwrap_or_else(|| panic!("{path} is not written"))
            .contents
            .as_str()
    };
    for folder in ["", "zh/"] {
        let paths = [
            format!("{folder}index.html"),
            format!("{folder}page/2/index.html"),
            format!("{folder}page/3/index.html"),
        ];
        assert!(!files
            .iter()
            .any(|f| f.path == format!("{folder}page/4/index.html")));
        let mut listed = Vec::new();
        let mut titles = BTreeSet::new();
        for (i, path) in paths.iter().enumerate() {
            let html = page(path);
            assert!(titles.insert(title(html)), "{path}: {}", title(html));
            let list = &html[html
                .find("data-prerendered=\"static-member-list\"")
                .unwrap()..];
            let list = &list[..list.find("</noscript>").unwrap()];
            let cards = values(list, "<a ", "href")
                .into_iter()
                .filter(|href| href.contains("/members/"))
                .collect::<Vec<_>>();
            assert!(cards.len() <= 100, "{path}: {} cards", cards.len());
            listed.extend(cards);
            let url = |n: usize| url_of(&paths[n]);
            let prev = values(html, "<link rel=\"prev\"", "href");
            let next = values(html, "<link rel=\"next\"", "href");
            assert_eq!(
                prev,
                (i > 0).then(|| url(i - 1)).into_iter().collect::<Vec<_>>(),
                "{path}"
            );
            assert_eq!(
                next,
                (i < 2).then(|| url(i + 1)).into_iter().collect::<Vec<_>>(),
                "{path}"
            );
            let ld = json_ld(html);
            assert_eq!(ld["numberOfItems"], 250, "{path}");
        }
        let unique: BTreeSet<&String> = listed.iter().collect();
        assert_eq!(listed.len(), 250, "{folder}: every member once");
        assert_eq!(unique.len(), 250, "{folder}: no member twice");
    }
    assert_links_resolve(&files);
    let sitemap = page("sitemap.xml");
    assert!(sitemap.contains("<loc>https://karmada.io/adopters/zh/page/3</loc>"));
}

#[test]
fn feed_text_never_becomes_markup_or_ends_a_script() {
    let hostile = r#"{"schemaVersion":1,"generatedAt":"2026-01-01T00:00:00Z","members":[
      {"id":"evil","name":{"en":"Evil </script><script>alert(1)</script>"},"kinds":["adopter"],
       "website":"https://evil.example/","usage":{"en":"\"><img src=x onerror=alert(1)>"}}]}"#;
    let files = site(hostile);
    let page = &files
        .iter()
        .find(|f| f.path == "members/evil/index.html")
        .expect("the page")
        .contents;
    let ld_start = page
        .find("<script type=\"application/ld+json\">")
        .expect("JSON-LD");
    let ld_end = ld_start + page[ld_start..].find("</script>").expect("its end");
    let ld_text = &page[ld_start + "<script type=\"application/ld+json\">".len()..ld_end];
    assert!(
        !ld_text.contains('<'),
        "the JSON-LD holds a raw `<`: {ld_text}"
    );
    let outside = format!("{}{}", &page[..ld_start], &page[ld_end..]);
    assert!(!outside.contains("<script>alert(1)"), "{page}");
    assert!(!outside.contains("<img src=x"), "{page}");
    let ld = json_ld(page);
    assert_eq!(ld["name"], "Evil </script><script>alert(1)</script>");
    assert_eq!(
        title(page),
        "Evil </script><script>alert(1)</script> · Karmada adopters"
    );
}
