use std::sync::Arc;

use browse::route::Route;
use leptos::prelude::*;
use members_feed::Lang;
use wasm_bindgen::JsCast;

use crate::components::{describe_fetch_error, FeedErrorView, PageChrome};
use crate::embed::{use_embed, EmbedConfig};
use crate::i18n::{member_title, set_document_meta, strings, LangContext};
use crate::net::{load_feed, FetchError, LoadedFeed};
use crate::pages::{JoinPage, MemberPage, MembersPage, NotFoundPage};
use crate::router::{use_location, use_route, Router};

thread_local! {
    /// Set at start-up in the browser; natively, set for each tree of static pages.
    static BASE_PATH: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Where the app is served from, read from the document's `<base href>` (trunk writes it from
/// `--public-url`), without the trailing slash: `""` at the root, `"/adopters"` under a sub-path.
pub fn document_base_path() -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    let path = web_sys::Url::new(&base)
        .map(|url| url.pathname())
        .unwrap_or_default();
    path.trim_end_matches('/').to_string()
}

/// Fixes the router's base: once at start-up in the browser, and for each tree of static
/// pages when they are rendered natively (`static_pages`).
pub fn set_base_path(base: String) {
    BASE_PATH.with(|path| *path.borrow_mut() = Some(base.trim_end_matches('/').to_string()));
}

/// The router's base: the app's sub-path, or the host page's path in in-page mode.
pub fn base_path() -> String {
    BASE_PATH
        .with(|path| path.borrow().clone())
        .unwrap_or_else(document_base_path)
}

/// The app's URL for an in-app path such as `/members/bloomberg?kind=adopter`.
pub fn app_href(path_and_query: &str) -> String {
    format!("{}{}", base_path(), path_and_query)
}

/// The language to use when the URL does not say: a `/zh/` base (karmada.io serves Chinese
/// there), else the browser's preference, else English.
fn default_lang() -> Lang {
    // A static page is in its tree's language (`static_pages`); the app taking it over keeps it.
    if let Some(lang) = document()
        .get_element_by_id("prerendered")
        .and_then(|copy| copy.get_attribute("data-lang"))
        .and_then(|tag| Lang::from_tag(&tag))
    {
        return lang;
    }
    if base_path().split('/').any(|segment| segment == "zh") {
        return Lang::Zh;
    }
    window()
        .navigator()
        .language()
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or(Lang::En)
}

/// The feed shared by every view, loaded once per page load and on Retry.
#[derive(Clone, Copy)]
pub struct FeedContext {
    pub feed: LocalResource<Result<LoadedFeed, FetchError>>,
}

/// The showcase: loads the feed and routes between the list, the detail views and the join
/// form.
#[component]
pub fn App(
    /// How the app is embedded (a page of its own by default).
    #[prop(optional)]
    config: EmbedConfig,
) -> impl IntoView {
    let feed_url = config
        .feed_url
        .clone()
        .unwrap_or_else(|| "members.json".to_string());
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
    provide_context(FeedContext { feed });

    view! {
        <Router>
            <Shell />
        </Router>
    }
}

/// Everything inside the router: language, skip link, routes.
#[component]
fn Shell() -> impl IntoView {
    let search = use_location().search;
    let detected = default_lang();
    let lang = Memo::new(move |_| {
        search
            .with(|search| browse::query::first_value(search, "lang"))
            .and_then(|tag| Lang::from_tag(&tag))
            .unwrap_or(detected)
    });
    provide_context(LangContext(lang.into()));
    // In-page, the document (its title and language) is the host's.
    let owns_document = use_embed().mode != crate::embed::Mode::Inline;
    let route = use_route();
    Effect::new(move |_| {
        if !owns_document {
            return;
        }
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute(
                "lang",
                if lang.get() == Lang::Zh {
                    "zh-CN"
                } else {
                    "en"
                },
            );
        }
        // A member's page names its member itself, as its static page does.
        let text = strings(lang.get());
        match *route.read() {
            Route::Members => set_document_meta(text.page_title, text.page_intro),
            Route::Join => {
                set_document_meta(&member_title(text.join_cta, lang.get()), text.join_cta_body)
            }
            Route::NotFound => set_document_meta(
                &member_title(text.not_found_title, lang.get()),
                text.not_found_body,
            ),
            Route::Member(_) => {}
        }
    });
    let embed = use_embed();
    let classes = format!(
        "showcase {}{}",
        embed.card_size.class(),
        if embed.is_embedded() { " embedded" } else { "" }
    );
    // Keyed on the page, not the whole route: moving from one member to the next keeps the
    // detail view (it follows the id), and only a new page replaces the view.
    let page = Memo::new(move |_| match *route.read() {
        Route::Members => Page::Members,
        Route::Member(_) => Page::Member,
        Route::Join => Page::Join,
        Route::NotFound => Page::NotFound,
    });
    let routes = move || {
        move || match page.get() {
            Page::Members => view! { <MembersPage /> }.into_any(),
            Page::Member => view! { <MemberPage /> }.into_any(),
            Page::Join => view! { <JoinPage /> }.into_any(),
            Page::NotFound => view! { <NotFoundPage /> }.into_any(),
        }
    };
    if embed.mode == crate::embed::Mode::Frame {
        crate::embed::report_views_to_host(embed.clone());
    }
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

#[derive(Clone, Copy, PartialEq)]
enum Page {
    Members,
    Member,
    Join,
    NotFound,
}

thread_local! {
    /// The address at which the app replaced a static copy: the page shown there keeps the
    /// visitor's focus and scroll instead of focusing its heading.
    static TOOK_OVER_AT: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

fn current_address() -> String {
    window().location().href().unwrap_or_default()
}

/// What a visitor can focus, in document order: the same list in a static copy and in the app's
/// view of it, whose markup is the same.
const FOCUSABLE: &str = "a[href], button, input, select, textarea, [tabindex]";

/// Whether the page now shown replaced a static copy (the list's first screen or a static
/// page) at this address, asked once: a page at another address is a navigation of the
/// visitor's.
pub fn took_over_static_copy() -> bool {
    TOOK_OVER_AT
        .take()
        .is_some_and(|address| address == current_address())
}

/// Removes the static copy that stands in for the app (the list's first screen,
/// `public/prerender.js`, or a static page, `static_pages`) until it can show the feed, or an
/// error, or that the feed is slow. Focus inside the copy moves to the element at the same
/// place in the app's view once that is mounted, without scrolling.
fn remove_static_copy() {
    let Some(copy) = document().get_element_by_id("prerendered") else {
        return;
    };
    let focused = document().active_element();
    let position = focused
        .filter(|element| copy.contains(Some(element)))
        .and_then(|element| {
            let all = copy.query_selector_all(FOCUSABLE).ok()?;
            (0..all.length()).position(|i| all.item(i).as_ref() == Some(element.as_ref()))
        });
    copy.remove();
    TOOK_OVER_AT.set(Some(current_address()));
    if let Some(position) = position {
        request_animation_frame(move || {
            let Ok(Some(view)) = document().query_selector(".showcase") else {
                return;
            };
            let target = view
                .query_selector_all(FOCUSABLE)
                .ok()
                .and_then(|all| all.item(position as u32))
                .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(target) = target {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = target.focus_with_options(&options);
            }
        });
    }
}

/// Renders `render` with the loaded feed; shows the loading state, and the error state with a
/// Retry button, while there is no feed.
#[component]
pub fn WithFeed<F, V>(
    /// Builds the view from the feed once it is there.
    render: F,
) -> impl IntoView
where
    F: Fn(LoadedFeed) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    with_feed(Arc::new(move |feed| render(feed).into_any()))
}

/// The body of [`WithFeed`], not generic over the page: each page's copy of it would otherwise
/// carry its own loading, stale and error views, with the page inlined into the future that
/// awaits the feed.
fn with_feed(render: Arc<dyn Fn(LoadedFeed) -> AnyView + Send + Sync>) -> AnyView {
    let FeedContext { feed } = expect_context();
    let lang = crate::i18n::use_lang();
    view! {
        <Transition fallback=move || {
            // After a few seconds, say that the wait is not the page hanging.
            let slow = RwSignal::new(false);
            set_timeout(move || {
                remove_static_copy();
                let _ = slow.try_set(true);
            }, std::time::Duration::from_secs(4));
            view! {
                <div class="loading" data-testid="loading" role="status">
                    <p>{move || strings(lang.get()).loading}</p>
                    <Show when=move || slow.get()>
                        <p data-testid="slow-notice">{move || strings(lang.get()).slow_notice}</p>
                    </Show>
                </div>
            }
        }>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    let loaded = feed.await;
                    // In the same task as the view below is mounted: no frame shows neither.
                    remove_static_copy();
                    match loaded {
                        Ok(loaded) => {
                            let stale = loaded.stale.clone();
                            view! {
                                {stale.map(|(error, saved_on)| view! {
                                    <section class="stale-notice" role="alert">
                                        <p data-testid="feed-error-message">{move || describe_fetch_error(&error, lang.get())}</p>
                                        <p data-testid="cached-notice">{move || (strings(lang.get()).cached_notice)(&saved_on)}</p>
                                        <button type="button" class="button" data-testid="retry" on:click=move |_| feed.refetch()>
                                            {move || strings(lang.get()).retry}
                                        </button>
                                    </section>
                                })}
                                {render(loaded)}
                            }
                            .into_any()
                        }
                        Err(error) => view! { <FeedErrorView error=error on_retry=move || feed.refetch() /> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
    .into_any()
}
