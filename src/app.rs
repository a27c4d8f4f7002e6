use browse::route::Route;
use leptos::prelude::*;
use members_feed::Lang;

use crate::components::OtherDocument;
use crate::components::PageChrome;
use crate::embed::{use_embed, EmbedConfig};
use crate::i18n::{member_title, set_document_meta, strings, LangContext};
use crate::loading::FeedContext;
use crate::net::{load_feed, FEED_FILE};
use crate::pages::{JoinPage, LogosPage, MemberPage, MembersPage, NotFoundPage, StatsPage};
use crate::router::{base_path, use_location, use_route, DrawsRoute, Router};

/// The language to use when the URL does not say: a `/zh/` base (karmada.io serves Chinese
/// there), else the browser's preference, else English.
fn default_lang() -> Lang {
    // A static page is in its tree's language (`static_pages`); the app taking it over keeps it.
    if let Some(lang) = document()
        .get_element_by_id(crate::loading::STATIC_COPY_ID)
        .and_then(|copy| copy.get_attribute("data-lang"))
        .and_then(|tag| Lang::from_tag(&tag))
    {
        return lang;
    }
    if base_path().split('/').any(|segment| segment == "zh") {
        return Lang::Zh;
    }
    crate::i18n::browser_lang().unwrap_or(Lang::En)
}

/// The feed the bundle ships, beside the app's own files: the Chinese tree (`zh/`, whose
/// `<base>` is its own) reads the same address, so one cached copy serves both languages.
fn bundled_feed_url() -> String {
    document()
        .query_selector("script[data-karmada-start]")
        .ok()
        .flatten()
        .and_then(|script| script.get_attribute("data-js"))
        .and_then(|js| {
            js.rsplit_once('/')
                .map(|(folder, _)| format!("{folder}/{FEED_FILE}"))
        })
        .unwrap_or_else(|| FEED_FILE.to_string())
}

/// What one wasm binary draws (DEVELOPERS.md, "Pages with their own binary"): the routes it
/// has, their views, and whether it loads the feed. Each binary's `main` starts [`App`] with
/// one of these; the linker keeps only the views the one it names reaches.
#[derive(Clone, Copy)]
pub struct Binary {
    draws: DrawsRoute,
    views: fn(Page) -> AnyView,
    /// What the views find in context: the configuration, and the feed for those that read
    /// it. A function, not a flag, so that a binary without the feed does not link its reader.
    provide: fn(EmbedConfig),
}

/// `index.html`'s: the list and the members' pages. It links to the others as documents.
pub const LIST: Binary = Binary {
    draws: |route| !matches!(route, Route::Join | Route::Stats | Route::Logos),
    views: |page| match page {
        Page::Members => view! { <MembersPage /> }.into_any(),
        Page::Member => view! { <MemberPage /> }.into_any(),
        // Its own links never lead here; a host that serves the list's document at another
        // binary's address (or an in-page host's address) gets a link to that page.
        Page::Join => view! { <OtherDocument route=Route::Join /> }.into_any(),
        Page::Stats => view! { <OtherDocument route=Route::Stats /> }.into_any(),
        Page::Logos => view! { <OtherDocument route=Route::Logos /> }.into_any(),
        Page::NotFound => view! { <NotFoundPage /> }.into_any(),
    },
    provide: provide_feed,
};

/// `join.html`'s: the form alone, without the feed, which it does not read.
pub const JOIN: Binary = Binary {
    draws: |route| *route == Route::Join,
    views: |page| match page {
        Page::Join => view! { <JoinPage /> }.into_any(),
        _ => view! { <NotFoundPage /> }.into_any(),
    },
    provide: provide_context::<EmbedConfig>,
};

/// `stats.html`'s: adoption at a glance. Its rows open the list's document.
pub const STATS: Binary = Binary {
    draws: |route| *route == Route::Stats,
    views: |page| match page {
        Page::Stats => view! { <StatsPage /> }.into_any(),
        _ => view! { <NotFoundPage /> }.into_any(),
    },
    provide: provide_feed,
};

/// `logos.html`'s: the logo wall, light enough for karmada.io's home page to embed. A logo
/// opens the member's page (the list's document).
pub const LOGOS: Binary = Binary {
    draws: |route| *route == Route::Logos,
    views: |page| match page {
        Page::Logos => view! { <LogosPage /> }.into_any(),
        _ => view! { <NotFoundPage /> }.into_any(),
    },
    provide: provide_feed,
};

/// The showcase as one binary draws it: loads the feed when it reads one, and routes between
/// its pages; links to the others load their documents.
#[component]
pub fn App(
    /// Which binary's pages.
    binary: Binary,
    /// How the app is embedded (a page of its own by default).
    #[prop(optional)]
    config: EmbedConfig,
    /// In-page mode: the element the app is mounted in, whose links alone it follows.
    #[prop(optional_no_strip)]
    links_root: Option<web_sys::Node>,
) -> impl IntoView {
    (binary.provide)(config);
    view! {
        <Router links_root=links_root draws=Some(binary.draws)>
            <Shell views=binary.views />
        </Router>
    }
}

/// Provides `config` and the feed it names (or the bundled one), loaded once for every view.
fn provide_feed(config: EmbedConfig) {
    let feed_url = config.feed_url.clone().unwrap_or_else(bundled_feed_url);
    provide_context(config);
    let abort = StoredValue::new_local(None::<web_sys::AbortController>);
    let feed = LocalResource::new(move || {
        // A retry or a new load replaces the request in flight rather than racing it.
        let controller = web_sys::AbortController::new().ok();
        let signal = controller.as_ref().map(|controller| controller.signal());
        if let Some(previous) = abort
            .try_update_value(|slot| std::mem::replace(slot, controller))
            .flatten()
        {
            previous.abort();
        }
        let feed_url = feed_url.clone();
        async move { load_feed(&feed_url, signal.as_ref()).await }
    });
    on_cleanup(move || {
        if let Some(Some(controller)) = abort.try_get_value() {
            controller.abort();
        }
    });
    provide_context(FeedContext::new(feed));
}

/// Everything inside the router: language, skip link, routes.
#[component]
fn Shell(
    /// Draws each page this binary has.
    views: fn(Page) -> AnyView,
) -> impl IntoView {
    let search = use_location().search;
    let detected = default_lang();
    let lang = Memo::new(move |_| {
        search
            .with(|search| browse::query::first_value(search, browse::query::LANG_PARAM))
            .and_then(|tag| Lang::from_tag(&tag))
            .unwrap_or(detected)
    });
    provide_context(LangContext(lang.into()));
    // In-page, the document (its title and language) is the host's.
    let owns_document = use_embed().mode != crate::embed::Mode::Inline;
    let route = use_route();
    Effect::new(move |_| {
        if !owns_document {
            // The host's title is the host's, but while a member's page names its member.
            if !matches!(*route.read(), Route::Member(_)) {
                crate::embed::restore_host_title();
            }
            return;
        }
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.get().tag());
        }
        // A member's page names its member itself, as its static page does.
        let route = route.read();
        if let Some((title, description)) = strings(lang.get()).page_of(&route) {
            match *route {
                Route::Members | Route::ListPage(_) => set_document_meta(title, description),
                _ => set_document_meta(&member_title(title, lang.get()), description),
            }
        }
    });
    let embed = use_embed();
    let classes = embed.showcase_classes();
    // Keyed on the page, not the whole route: moving from one member to the next keeps the
    // detail view (it follows the id), and only a new page replaces the view.
    let page = Memo::new(move |_| match *route.read() {
        // A page of the static list: with JavaScript, the whole list.
        Route::Members | Route::ListPage(_) => Page::Members,
        Route::Member(_) => Page::Member,
        Route::Join => Page::Join,
        Route::Stats => Page::Stats,
        Route::Logos => Page::Logos,
        Route::NotFound => Page::NotFound,
    });
    let routes = move || move || views(page.get());
    if embed.mode == crate::embed::Mode::Frame {
        crate::embed::report_views_to_host(embed.clone());
    }
    crate::embed::leave_overlay_for_links(&embed);
    if embed.in_overlay {
        // Focus is inside this frame while the host's overlay is open, so Escape must be
        // relayed for the host's dialog to close.
        let overlay = embed.clone();
        let escape = window_event_listener(leptos::ev::keydown, move |event| {
            if event.key() == "Escape" {
                crate::embed::post_to_host(&overlay, "close", &[]);
            }
        });
        on_cleanup(move || escape.remove());
    }
    view! {
        <PageChrome classes=classes embedded=embed.is_embedded() lang=lang>
            {routes()}
        </PageChrome>
    }
}

/// The views the routes show: one per page, whatever its address's details.
#[derive(Clone, Copy, PartialEq)]
pub enum Page {
    Members,
    Member,
    Join,
    Stats,
    Logos,
    NotFound,
}
