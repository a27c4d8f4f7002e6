//! The feed every view shares, and the hand-over from a static copy to the app: [`WithFeed`]
//! shows a view once the feed is loaded (or the loading and error states), and removes the
//! static copy that stood in for the app (the list's first screen, `public/prerender.js`, or a
//! static page, `static_pages`) in the same task as it mounts the view.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{describe_fetch_error, remember_failed_images_in, FeedErrorView};
use crate::embed::{use_embed, EmbedConfig};
use crate::i18n::strings;
use crate::list_state::IndexedFeed;
use crate::net::{FetchError, LoadedFeed};
use crate::takeover_focus::{focus_keys, focus_twin_in_view, COPY_HOOK, FOCUSABLE};

/// The feed shared by every view, loaded once per page load and on Retry.
#[derive(Clone, Copy)]
pub struct FeedContext {
    pub feed: LocalResource<Result<LoadedFeed, FetchError>>,
    /// The loaded feed with its search index and the embedding's kinds applied, built once per
    /// load and shared by every page (with the members it was built from, to know the load).
    indexed: StoredValue<Option<IndexedLoad>, LocalStorage>,
}

/// An indexed feed and the members of the load it was made from.
type IndexedLoad = (Arc<[members_feed::Member]>, IndexedFeed);

impl FeedContext {
    pub fn new(feed: LocalResource<Result<LoadedFeed, FetchError>>) -> Self {
        // At start-up, before any in-app navigation: where a static copy stands for.
        LOADED_AT.with(|_| ());
        FeedContext {
            feed,
            indexed: StoredValue::new_local(None),
        }
    }

    /// `loaded` indexed, the same for every page until another load replaces it.
    fn indexed(&self, loaded: LoadedFeed, config: &EmbedConfig) -> IndexedFeed {
        let kept = self.indexed.with_value(|kept| {
            kept.as_ref()
                .filter(|(source, _)| Arc::ptr_eq(source, &loaded.members))
                .map(|(_, indexed)| indexed.clone())
        });
        kept.unwrap_or_else(|| {
            let source = loaded.members.clone();
            let indexed = IndexedFeed::new(loaded, config);
            self.indexed.set_value(Some((source, indexed.clone())));
            indexed
        })
    }
}

thread_local! {
    /// The address at which the app replaced a static copy: the page shown there keeps the
    /// visitor's focus and scroll instead of focusing its heading.
    static TOOK_OVER_AT: std::cell::RefCell<Option<(String, Takeover)>> = const { std::cell::RefCell::new(None) };
    /// The address the page was loaded at, the one a static copy in it was made for.
    static LOADED_AT: String = if cfg!(target_arch = "wasm32") { current_address() } else { String::new() };
}

fn current_address() -> String {
    window().location().href().unwrap_or_default()
}

/// How the app replaced a static copy.
#[derive(Clone, Copy, Debug)]
pub struct Takeover {
    /// The visitor had moved focus into the copy (the app puts it at the same place).
    pub focus_was_in_copy: bool,
}

/// Whether the page now shown replaced a static copy (the list's first screen or a static
/// page) at this address, and how, asked once: a page at another address is a navigation of
/// the visitor's.
pub fn took_over_static_copy() -> Option<Takeover> {
    TOOK_OVER_AT
        .take()
        .filter(|(address, _)| *address == current_address())
        .map(|(_, takeover)| takeover)
}

/// The element that holds a static copy standing in for the app (written by `static_pages`,
/// or by `public/prerender.js` and `public/static-page.js`, which say it too).
pub const STATIC_COPY_ID: &str = "prerendered";

/// The not-found view in a static copy (its `data-testid`, renamed as `static_pages` renames
/// them all); `public/static-page.js` looks for it too.
pub(crate) const NOT_FOUND_COPY: &str = "#prerendered [data-prerendered=\"not-found\"]";

/// Cards drawn in the shape of the list while a view without a static copy waits for the feed.
const SKELETON_CARDS: usize = 8;

/// One grey bar of a skeleton. Its class is an expression: markup of literals only would be
/// written through `innerHTML`, which the Trusted Types policy forbids (DEVELOPERS.md).
fn bar(class: &'static str) -> impl IntoView {
    view! { <div class=class></div> }
}

/// `count` bars of a line's height.
fn bars(count: usize) -> Vec<impl IntoView> {
    (0..count).map(|_| bar("skeleton-line")).collect()
}

/// The shape a view's skeleton has while it waits for the feed without a static copy.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Skeleton {
    /// A grid of cards: the list, the logo wall.
    #[default]
    Cards,
    /// A member's page: the logo beside the name and facts, then paragraphs.
    Member,
    /// Rows of figures: the statistics.
    Rows,
}

impl Skeleton {
    fn view(self) -> AnyView {
        match self {
            Skeleton::Cards => view! {
                <ul class="card-grid skeleton" aria-hidden="true">
                    {(0..SKELETON_CARDS).map(|_| view! { <li class="skeleton-card"></li> }).collect::<Vec<_>>()}
                </ul>
            }
            .into_any(),
            Skeleton::Member => view! {
                <div class="skeleton skeleton-member" aria-hidden="true">
                    {bar("skeleton-logo")}
                    <div class="skeleton-lines">
                        {["skeleton-line skeleton-title", "skeleton-line", "skeleton-line short"].map(bar)}
                    </div>
                    <div class="skeleton-text">{bars(6)}</div>
                </div>
            }
            .into_any(),
            Skeleton::Rows => view! { <div class="skeleton skeleton-rows" aria-hidden="true">{bars(8)}</div> }.into_any(),
        }
    }
}

/// Removes a static copy that is not of this view: one made for another address (the visitor
/// followed a link before the feed came, and the copy is of the page they left), or the
/// not-found page a host answers an address with when it has no page for it (a member of a
/// feed newer than the build), which a view that waits for the feed never is.
fn drop_copy_of_another_address() {
    if cfg!(not(target_arch = "wasm32")) {
        return;
    }
    fn without_fragment(address: &str) -> &str {
        address.split('#').next().unwrap_or_default()
    }
    let current = current_address();
    let here = LOADED_AT.with(|loaded| without_fragment(loaded) == without_fragment(&current));
    let not_found = || {
        document()
            .query_selector(NOT_FOUND_COPY)
            .is_ok_and(|found| found.is_some())
    };
    if !here || not_found() {
        if let Some(copy) = document().get_element_by_id(STATIC_COPY_ID) {
            copy.remove();
        }
    }
}

/// Whether a static copy of the view is on screen (it stays until the view can replace it).
fn static_copy_shown() -> bool {
    cfg!(target_arch = "wasm32") && document().get_element_by_id(STATIC_COPY_ID).is_some()
}

/// Removes the static copy that stands in for the app (the list's first screen,
/// `public/prerender.js`, or a static page, `static_pages`) until it can show the feed, or an
/// error, or that the feed is slow. Focus inside the copy moves to the same element in the
/// app's view once that is mounted (`takeover_focus::focus_twin_in_view`), without scrolling.
pub fn remove_static_copy() {
    // Natively the view is the static copy being made.
    if cfg!(not(target_arch = "wasm32")) {
        return;
    }
    let Some(copy) = document().get_element_by_id(STATIC_COPY_ID) else {
        return;
    };
    let focused = document().active_element();
    let in_copy = focused
        .filter(|element| copy.contains(Some(element)))
        .and_then(|element| {
            let all = copy.query_selector_all(FOCUSABLE).ok()?;
            let at =
                (0..all.length()).position(|i| all.item(i).as_ref() == Some(element.as_ref()))?;
            Some((at, focus_keys(&all, COPY_HOOK)))
        });
    remember_failed_images_in(&copy);
    copy.remove();
    let takeover = Takeover {
        focus_was_in_copy: in_copy.is_some(),
    };
    TOOK_OVER_AT.set(Some((current_address(), takeover)));
    if let Some((at, copy_keys)) = in_copy {
        focus_twin_in_view(copy_keys, at);
    }
}

/// Renders `render` with the loaded feed; shows the loading state, and the error state with a
/// Retry button, while there is no feed.
#[component]
pub fn WithFeed<F, V>(
    /// Builds the view from the feed (indexed, and with the embedding's kinds) once it is there.
    render: F,
    /// The shape of what is coming, shown while the feed loads without a static copy.
    #[prop(optional)]
    skeleton: Skeleton,
) -> impl IntoView
where
    F: Fn(IndexedFeed) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    with_feed(Arc::new(move |feed| render(feed).into_any()), skeleton)
}

/// The body of [`WithFeed`], not generic over the page: each page's copy of it would otherwise
/// carry its own loading, stale and error views, with the page inlined into the future that
/// awaits the feed.
fn with_feed(
    render: Arc<dyn Fn(IndexedFeed) -> AnyView + Send + Sync>,
    skeleton: Skeleton,
) -> AnyView {
    let context: FeedContext = expect_context();
    let feed = context.feed;
    let config = use_embed();
    let lang = crate::i18n::use_lang();
    // Also when the same page draws the next address (member to member) before the feed came.
    if let Some(route) = crate::router::try_use_route() {
        Effect::new(move |_| {
            route.track();
            drop_copy_of_another_address();
        });
    }
    view! {
        <Transition fallback=move || {
            // A static copy of this view stays on screen while the feed loads; without one,
            // the shape of what is coming stands in.
            drop_copy_of_another_address();
            let over_copy = static_copy_shown();
            // After a few seconds, say that the wait is not the page hanging.
            let slow = RwSignal::new(false);
            set_timeout(move || {
                let _ = slow.try_set(true);
            }, std::time::Duration::from_secs(4));
            view! {
                <div class="loading" class:loading-over-copy=over_copy data-testid="loading" role="status">
                    <p class:visually-hidden=move || over_copy || !slow.get()>{move || strings(lang.get()).loading}</p>
                    <Show when=move || slow.get()>
                        <p class="slow-notice" data-testid="slow-notice">{move || strings(lang.get()).slow_notice}</p>
                    </Show>
                    {(!over_copy).then(|| skeleton.view())}
                </div>
            }
        }>
            {move || {
                let render = render.clone();
                let config = config.clone();
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
                                {render(context.indexed(loaded, &config))}
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
