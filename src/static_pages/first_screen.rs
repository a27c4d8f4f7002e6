//! The static copy of the list's first screen, in English and in Chinese, on its own page and
//! in embed.js's iframe: the app's own list view rendered natively, so that a visitor sees
//! the cards as soon as the HTML and CSS arrive instead of after the wasm has downloaded,
//! compiled and fetched the feed (as karmada.io's Docusaurus page does with its table).
//! `public/prerender.js` shows the right copy, and only for the plain list URL; the app removes
//! it once it has its feed, mounting the same markup in its place.

use leptos::prelude::*;
use members_feed::{parse_feed, Lang};

use super::copy_template::{
    show_copy_script, CopyEmbedding, CopyTemplate, LIST_IN_FRAME, ON_ITS_OWN,
};
use super::document::{FIRST_SCREEN_END as END, FIRST_SCREEN_START as START};
use super::hreflang;
use super::inert::inert_copy;
use crate::components::{PageChrome, FORWARD_MARK};
use crate::embed::EmbedConfig;
use crate::i18n::{strings, LangContext};
use crate::list_state::IndexedFeed;
use crate::net::LoadedFeed;
use crate::pages::members::MembersBrowser;
use crate::router::{set_static_address, Router};

/// One view that gets a copy.
struct Variant {
    lang: Lang,
    /// On the list's own page, or in embed.js's iframe (`?embed=1`, with the host's origin
    /// and theme, which change no markup: `prerender.js` applies the theme and the frame's own
    /// query to the card links).
    embedding: &'static CopyEmbedding,
}

/// In the order they are written into `index.html`: English first on its own page and in the
/// iframe, as most visitors read it.
const VARIANTS: [Variant; 4] = [
    Variant {
        lang: Lang::En,
        embedding: &ON_ITS_OWN,
    },
    Variant {
        lang: Lang::En,
        embedding: &LIST_IN_FRAME,
    },
    Variant {
        lang: Lang::Zh,
        embedding: &ON_ITS_OWN,
    },
    Variant {
        lang: Lang::Zh,
        embedding: &LIST_IN_FRAME,
    },
];

/// The copies of the list's first screen as `index.html` carries them: each in a
/// `<template>`, each followed by the script that shows it (as soon as its own template is
/// parsed, without waiting for the others). `base` is the page's (`/adopters/zh/` in the
/// Chinese tree), `assets` where the bundle's files are (`/adopters/`).
pub(super) fn first_screen_block(feed: &IndexedFeed, base: &str, assets: &str) -> String {
    let script = show_copy_script(assets);
    let templates: Vec<String> = VARIANTS
        .iter()
        .map(|variant| {
            let embedding = variant.embedding;
            let html = inert_copy(&render_list(
                feed,
                base,
                variant.lang,
                embedding.config(),
                &embedding.query(),
            ));
            CopyTemplate {
                lang: variant.lang,
                embedding: variant.embedding,
                title: strings(variant.lang).page_title,
                path: base,
                kinds: None,
            }
            .write(&html, &script)
        })
        .collect();
    format!("{START}\n{}\n{END}", templates.join("\n"))
}

/// The list at the base as the app renders it in `lang` under `config`, with the cards of its
/// first render ([`crate::components::FIRST_SCREEN_CARDS`]); its links carry `query`, the
/// address's.
fn render_list(
    feed: &IndexedFeed,
    base: &str,
    lang: Lang,
    config: EmbedConfig,
    query: &str,
) -> String {
    crate::router::set_base_path(base.to_string());
    set_static_address(base, query);
    let classes = config.showcase_classes();
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

/// The list's first screen in `lang` for a host page's static HTML (`showcase-site fill-host`):
/// a `<template shadowrootmode="open">` with first the bundle's `script` (`host-copy.js`, which
/// hides the copy on a shared link to another view), then its `stylesheet` (`main.css`) and
/// the cards of `feed_text`, linking to the static pages under `base`. Fails when
/// the feed cannot be read, or when the result could not be found again in the host page (a
/// `</template` in it, a `</style` in the stylesheet, a `</script` in the script).
pub fn host_copy(
    feed_text: &str,
    base: &str,
    lang: Lang,
    stylesheet: &str,
    script: &str,
) -> Result<String, String> {
    if stylesheet.to_ascii_lowercase().contains("</style") {
        return Err("the stylesheet says `</style`".into());
    }
    if script.to_ascii_lowercase().contains("</script") {
        return Err("the script says `</script`".into());
    }
    let feed: LoadedFeed = parse_feed(feed_text)
        .map_err(|error| format!("the feed cannot be read: {error}"))?
        .into();
    let feed = IndexedFeed::new(feed, &EmbedConfig::default());
    super::views::init_static_executor();
    // Its cards link to the static pages of its language's tree.
    let folder = browse::route::tree_folder(lang);
    let copy = render_host_copy(&feed, &format!("{base}{folder}"), lang, stylesheet, script);
    // The host page finds the copy's end by its first `</template>`.
    match copy.to_ascii_lowercase().matches("</template").count() {
        1 => Ok(copy),
        _ => Err("the copy would hold a `</template`".into()),
    }
}

/// The list's first screen for a host page's static HTML, to stand over the frame until the
/// frame has painted: a frame shares its host's main thread (same origin) and waits behind
/// the host's scripts, but this is painted with the host's first paint, as its own tables are.
/// It is the frame's first screen (the same markup and stylesheet, at the same width), in a
/// declarative shadow root so that the host's styles and ours stay apart; its colour scheme
/// is the host's (Docusaurus sets `color-scheme` on `<html>`), and so is its font, inherited
/// where it stands, which the frame beside it reads (`embed/look.rs`); its links go to the
/// static pages.
/// The host's scripts never see it: its `<div>` stays empty in its light DOM, as React rendered
/// it. Its own script, first, runs as the host page is parsed (a script in a declarative shadow
/// root does), before the rest is there to be painted, to hide it when the host's address
/// names another view.
/// The stylesheet's width queries ask the copy's own width, as the frame's ask the frame's.
/// Where the host runs no script, the copy stays and no app comes to make its search and
/// filters work: they are not shown ([`WITHOUT_SCRIPTS`]).
pub(super) fn render_host_copy(
    feed: &IndexedFeed,
    base: &str,
    lang: Lang,
    stylesheet: &str,
    script: &str,
) -> String {
    // The frame's markup, whose links go to the static pages (no embedding in their query).
    let html = inert_copy(&render_list(feed, base, lang, LIST_IN_FRAME.config(), ""));
    let all_members = Owner::new().with(|| {
        view! { <CopyAllMembersLink href=base.to_string() count=feed.feed.members.len() lang=lang /> }
            .to_html()
    });
    format!(
        "<template shadowrootmode=\"open\"><script>{}</script><style>{}\n:host{{color-scheme:inherit;container-type:inline-size;font-family:inherit}}\n{WITHOUT_SCRIPTS}</style>\
         <div class=\"prerendered\" lang=\"{}\">{all_members}{html}</div></template>",
        script.trim_end(),
        as_container_queries(stylesheet),
        hreflang(lang)
    )
}

/// The host copy's look on a page that runs no script: the cards and links alone, over the
/// whole width, without the controls that only the app makes work, and with a link to every
/// member (the copy is the first screen, cut at the height the host reserves).
const WITHOUT_SCRIPTS: &str = ".copy-all-members{display:none}@media (scripting:none){.filters,.results-bar,.list-tools{display:none}.browse-layout{grid-template-columns:minmax(0,1fr)}.copy-all-members{display:block;margin:0.5rem 4px 0;font-weight:600}}";

/// The host copy's way to the whole static list, shown only where the host runs no script
/// ([`WITHOUT_SCRIPTS`]): no app comes to show more than the copy's first screen.
#[component]
fn CopyAllMembersLink(
    /// The static list's address in the copy's language.
    href: String,
    /// How many members the list has.
    count: usize,
    /// The copy's language.
    lang: Lang,
) -> impl IntoView {
    view! {
        <p class="copy-all-members" data-prerendered="copy-all-members">
            <a href=href>{(strings(lang).see_all_members)(count)}<span aria-hidden="true">{FORWARD_MARK}</span></a>
        </p>
    }
}

/// `stylesheet` with its width media queries asking the nearest container instead: in the
/// frame the viewport is the frame, in the host page it is the host's window, which is wider
/// than the copy (a 768 px window holds a 736 px frame).
fn as_container_queries(stylesheet: &str) -> String {
    ["max-width", "min-width"]
        .iter()
        .fold(stylesheet.to_string(), |css, feature| {
            css.replace(
                &format!("@media ({feature}"),
                &format!("@container ({feature}"),
            )
            .replace(
                &format!("@media({feature}"),
                &format!("@container ({feature}"),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::{as_container_queries, host_copy};
    use members_feed::Lang;

    #[test]
    fn the_host_copy_starts_with_its_script_and_refuses_one_it_could_not_hold() {
        let feed = include_str!("../../public/members.json");
        let script = include_str!("../../public/host-copy.js");
        let copy = host_copy(feed, "/showcase/", Lang::En, ".a{b:c}", script).unwrap();
        // First, before any card: a browser may paint what it has parsed of the copy.
        assert!(copy.starts_with(&format!(
            "<template shadowrootmode=\"open\"><script>{}</script><style>.a{{b:c}}",
            script.trim_end()
        )));
        assert!(copy.ends_with("</div></template>"));
        assert!(copy.contains("data-prerendered=\"member-card\""));
        for (stylesheet, script, refusal) in [
            ("</STYLE>", "", "the stylesheet says `</style`"),
            ("", "'</Script>'", "the script says `</script`"),
            ("", "'</template>'", "the copy would hold a `</template`"),
        ] {
            assert_eq!(
                host_copy(feed, "/showcase/", Lang::En, stylesheet, script).unwrap_err(),
                refusal
            );
        }
    }

    #[test]
    fn the_copys_width_queries_ask_its_own_width() {
        let css = "@media (max-width: 760px) { .a { b: c } }\n@media(min-width:900px){}\n@media (prefers-reduced-motion: reduce) {}";
        assert_eq!(
            as_container_queries(css),
            "@container (max-width: 760px) { .a { b: c } }\n@container (min-width:900px){}\n@media (prefers-reduced-motion: reduce) {}"
        );
        // The real stylesheet keeps no width media query.
        let real = include_str!("../../style/main.css");
        let converted = as_container_queries(real);
        assert!(
            !converted.contains("@media (max-width") && !converted.contains("@media (min-width")
        );
        assert!(converted.contains("@container (max-width: 760px)"));
    }
}
