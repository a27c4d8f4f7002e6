//! The static copy of the list's first screen, in English and in Chinese, on its own page and
//! in embed.js's iframe: the app's own list view rendered natively, so that a visitor sees
//! the cards as soon as the HTML and CSS arrive instead of after the wasm has downloaded,
//! compiled and fetched the feed (as karmada.io's Docusaurus page does with its table).
//! `public/prerender.js` shows the right copy, and only for the plain list URL; the app removes
//! it once it has its feed, mounting the same markup in its place.

use leptos::prelude::*;
use members_feed::Lang;

use super::document::{escape, FIRST_SCREEN_END as END, FIRST_SCREEN_START as START};
use super::hreflang;
use super::inert::inert_copy;
use crate::components::PageChrome;
use crate::embed::{EmbedConfig, FRAME_ROOT_CLASS};
use crate::i18n::{strings, LangContext};
use crate::list_state::IndexedFeed;
use crate::pages::members::MembersBrowser;
use crate::router::{set_static_address, Router};

/// One view that gets a copy.
struct Variant {
    /// `prerendered-{key}` is the template's id, which `prerender.js` looks for.
    key: &'static str,
    lang: Lang,
    /// In embed.js's iframe (`?embed=1`, with the host's origin and theme, which change no
    /// markup: `prerender.js` applies the theme and the frame's own query to the card links).
    framed: bool,
}

/// In the order they are written into `index.html`: English first on its own page and in the
/// iframe, as most visitors read it.
const VARIANTS: [Variant; 4] = [
    Variant {
        key: "en",
        lang: Lang::En,
        framed: false,
    },
    Variant {
        key: "embed-en",
        lang: Lang::En,
        framed: true,
    },
    Variant {
        key: "zh",
        lang: Lang::Zh,
        framed: false,
    },
    Variant {
        key: "embed-zh",
        lang: Lang::Zh,
        framed: true,
    },
];

/// The copies of the list's first screen as `index.html` carries them: each in a
/// `<template>`, each followed by the script that shows it (as soon as its own template is
/// parsed, without waiting for the others). `base` is the page's (`/adopters/zh/` in the
/// Chinese tree), `assets` where the bundle's files are (`/adopters/`).
pub(super) fn first_screen_block(feed: &IndexedFeed, base: &str, assets: &str) -> String {
    let script = format!("<script src=\"{}prerender.js\"></script>", escape(assets));
    let templates: Vec<String> = VARIANTS
        .iter()
        .map(|variant| {
            let query = if variant.framed { "embed=1" } else { "" };
            let html = inert_copy(&render_list(feed, base, variant.lang, variant.framed, query));
            format!(
                "<template id=\"prerendered-{}\" data-lang=\"{}\" data-title=\"{}\" data-root-class=\"{}\">{html}</template>\n{script}",
                variant.key,
                hreflang(variant.lang),
                escape(strings(variant.lang).page_title),
                if variant.framed { FRAME_ROOT_CLASS } else { "" },
            )
        })
        .collect();
    format!("{START}\n{}\n{END}", templates.join("\n"))
}

/// The list at the base as the app renders it in `lang`, in embed.js's frame when `framed`,
/// with the cards of its first render ([`crate::components::FIRST_SCREEN_CARDS`]); its links
/// carry `query`, the address's.
fn render_list(feed: &IndexedFeed, base: &str, lang: Lang, framed: bool, query: &str) -> String {
    crate::router::set_base_path(base.to_string());
    set_static_address(base, query);
    let config = EmbedConfig::from_pairs(
        framed.then_some(("embed", "1")),
        // No feed is chosen in the query, so the page's origin is never asked.
        "",
    );
    let classes = format!(
        "showcase {}{}",
        config.card_size.class(),
        if config.is_embedded() {
            " embedded"
        } else {
            ""
        }
    );
    let feed = feed.clone();
    // A server's context: leptos' helpers then know there is no window to listen to.
    let owner = Owner::new_root(Some(std::sync::Arc::new(
        hydration_context::SsrSharedContext::new(),
    )));
    // Rendered once, never updated: reading signals outside a tracking context is the point.
    let _quiet = leptos::reactive::diagnostics::SpecialNonReactiveZone::enter();
    owner.with(|| {
        provide_context(LangContext(Signal::stored(lang)));
        let embedded = config.is_embedded();
        provide_context(config);
        view! {
            <Router>
                <PageChrome classes=classes embedded=embedded lang=lang>
                    <MembersBrowser feed=feed />
                </PageChrome>
            </Router>
        }
        .to_html()
    })
}

/// The list's first screen for a host page's static HTML, to stand over the frame until the
/// frame has painted: a frame shares its host's main thread (same origin) and waits behind
/// the host's scripts, but this is painted with the host's first paint, as its own tables are.
/// It is the frame's first screen (the same markup and stylesheet, at the same width), in a
/// declarative shadow root so that the host's styles and ours stay apart; its colour scheme
/// is the host's (Docusaurus sets `color-scheme` on `<html>`), its links the static pages.
/// Scripts never see it: the host's `<div>` stays empty in its light DOM, as React rendered it.
pub(super) fn host_copy(feed: &IndexedFeed, base: &str, lang: Lang, stylesheet: &str) -> String {
    let html = inert_copy(&render_list(feed, base, lang, true, ""));
    format!(
        "<template shadowrootmode=\"open\"><style>{stylesheet}\n:host{{color-scheme:inherit}}</style>\
         <div class=\"prerendered\" lang=\"{}\">{html}</div></template>",
        hreflang(lang)
    )
}
