//! The address bar as signals, and in-app navigation: the app's own router.
//!
//! Not `leptos_router`: the app has a few routes and reads its state from the query, and that
//! crate (nested matching, async route loading, its URL type) was about 38 KB gzip of the
//! bundle (DEVELOPERS.md, "The app's own router"). What is kept from its behaviour: in-app
//! links are followed without a page load, back/forward move through the views, and a
//! navigation scrolls to the top unless told not to. `navigate` writes the list at the base as
//! it was given ([`list_base`]). Which view a path shows is [`browse::route::Route::of`],
//! tested natively.

use browse::route::{href_under, path_below, Route};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

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
/// pages when they are rendered natively (`static_pages`). As written: a bundle's folder with
/// its slash, a host page's path as the host has it.
pub fn set_base_path(base: String) {
    BASE_PATH.with(|path| *path.borrow_mut() = Some(base));
}

/// The router's base without a trailing slash: the app's sub-path, or the host page's path in
/// in-page mode.
pub fn base_path() -> String {
    list_base().trim_end_matches('/').to_string()
}

/// The list's own address, the base as it was given: `/adopters/` for the bundle's folder (the
/// address of its static page), a host page's path in in-page mode.
pub fn list_base() -> String {
    BASE_PATH
        .with(|path| path.borrow().clone())
        .unwrap_or_else(|| format!("{}/", document_base_path()))
}

/// An address (path and query) as two of them are compared: without the trailing slash a host
/// may add to a path.
pub fn comparable_address(address: &str) -> String {
    let (path, query) = address
        .split_once('?')
        .map_or((address, ""), |(p, q)| (p, q));
    let path = path.trim_end_matches('/');
    match query {
        "" => path.to_string(),
        query => format!("{path}?{query}"),
    }
}

/// The address the page is at, as [`comparable_address`] writes it.
pub fn comparable_here() -> String {
    let location = window().location();
    comparable_address(&format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    ))
}

/// The app's URL for an in-app path such as `/members/bloomberg?kind=adopter`, the list's as
/// `navigate` writes it ([`list_base`]).
pub fn app_href(path_and_query: &str) -> String {
    href_under(&list_base(), path_and_query)
}

thread_local! {
    /// In-page mode: the bundle's folder (`https://karmada.io/showcase/`), where the pages this
    /// binary does not draw are; elsewhere they are below the base, beside this one.
    static DOCUMENTS_FOLDER: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Where the pages of another binary are, once known (in-page mode, at start-up).
pub fn set_documents_folder(folder: String) {
    DOCUMENTS_FOLDER.with(|slot| *slot.borrow_mut() = Some(folder));
}

/// The URL of a page another binary draws (the join form, the statistics, the logo wall), for
/// the path below the base such as `/join?program=partner`: beside this page, or in-page, the
/// showcase's own page of it (the host's page has only the list).
pub fn document_href(path_and_query: &str) -> String {
    DOCUMENTS_FOLDER
        .with(|slot| slot.borrow().clone())
        .map(|folder| {
            let below = path_and_query.trim_start_matches('/');
            format!("{}/{below}", folder.trim_end_matches('/'))
        })
        .unwrap_or_else(|| app_href(path_and_query))
}

/// How the app's moves go into the page's history, fixed at start-up (`lib.rs`, from the
/// embedding).
#[derive(Clone, Copy, Debug, Default)]
pub struct HistoryRules {
    /// Every move replaces the current entry: in the host's overlay, whose one entry the host
    /// made (`embed.js`), so that Back closes the overlay however far the visitor went in it.
    pub replace_every_move: bool,
    /// The address is the host page's (in-page mode): its own parameters stay through every
    /// move ([`browse::query::with_host_params`]).
    pub keep_host_params: bool,
}

thread_local! {
    static HISTORY_RULES: std::cell::Cell<HistoryRules> = const {
        std::cell::Cell::new(HistoryRules { replace_every_move: false, keep_host_params: false })
    };
}

/// Sets how the app's moves go into history (once, at start-up).
pub fn set_history_rules(rules: HistoryRules) {
    HISTORY_RULES.set(rules);
}

/// The address the app shows, as signals.
#[derive(Clone, Copy)]
pub struct Location {
    /// The address's path, the app's base included (as `location.pathname`).
    pub pathname: Memo<String>,
    /// The query string without its `?`.
    pub search: Memo<String>,
}

/// Which routes a wasm binary draws. The list's binary leaves the join form and the statistics
/// out of its first download (DEVELOPERS.md, "Pages with their own binary"): a route it does
/// not draw is another document, which the browser loads.
pub type DrawsRoute = fn(&Route) -> bool;

#[derive(Clone, Copy)]
struct RouterContext {
    base: StoredValue<String>,
    draws: DrawsRoute,
    address: RwSignal<Address>,
    location: Location,
    route: Memo<Route>,
}

struct Address {
    pathname: String,
    search: String,
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    /// Natively there is no address bar: the static pages say which address they render.
    static STATIC_ADDRESS: std::cell::RefCell<(String, String)> = const { std::cell::RefCell::new((String::new(), String::new())) };
}

/// The address a view rendered natively (`static_pages`) shows: its path (base included) and
/// its query without `?`.
#[cfg(not(target_arch = "wasm32"))]
pub fn set_static_address(pathname: &str, search: &str) {
    STATIC_ADDRESS.with(|address| *address.borrow_mut() = (pathname.into(), search.into()));
}

#[cfg(not(target_arch = "wasm32"))]
fn current_address() -> Address {
    STATIC_ADDRESS.with(|address| {
        let (pathname, search) = address.borrow().clone();
        Address { pathname, search }
    })
}

#[cfg(target_arch = "wasm32")]
fn current_address() -> Address {
    let location = window().location();
    let search = location.search().unwrap_or_default();
    Address {
        pathname: location.pathname().unwrap_or_default(),
        search: search.strip_prefix('?').unwrap_or(&search).to_string(),
    }
}

/// How [`use_navigate`]'s function moves to a view.
#[derive(Clone, Copy)]
pub struct NavigateOptions {
    /// Replace the current history entry instead of adding one.
    pub replace: bool,
    /// Scroll to the top (or to the address's `#fragment`) afterwards.
    pub scroll: bool,
}

impl Default for NavigateOptions {
    fn default() -> Self {
        NavigateOptions {
            replace: false,
            scroll: true,
        }
    }
}

/// Makes the address available to `children` ([`use_location`], [`use_route`],
/// [`use_navigate`]), follows in-app links without a page load and listens for back/forward.
#[component]
pub fn Router(
    /// Follow only links inside this node (in-page mode: the element the app is mounted in,
    /// in its shadow root): the host page's links, and another app's on the same page, are
    /// theirs. None: every link.
    #[prop(optional_no_strip)]
    links_root: Option<web_sys::Node>,
    /// The routes this binary draws (None: all); links to the others load their document.
    #[prop(optional_no_strip)]
    draws: Option<DrawsRoute>,
    /// The app's views.
    children: Children,
) -> impl IntoView {
    // Fixed for the router's lifetime: the app's base does not move with its address. As it
    // was given (the list's own address); `path_below` and `href_under` read it so.
    let base = StoredValue::new(list_base());
    let address = RwSignal::new(current_address());
    let location = Location {
        pathname: Memo::new(move |_| address.with(|address| address.pathname.clone())),
        search: Memo::new(move |_| address.with(|address| address.search.clone())),
    };
    let route = Memo::new(move |_| {
        location.pathname.with(|pathname| {
            base.with_value(|base| path_below(base, pathname))
                .map_or(Route::NotFound, Route::of)
        })
    });
    let draws = draws.unwrap_or(|_| true);
    provide_context(RouterContext {
        base,
        draws,
        address,
        location,
        route,
    });
    let clicks = window_event_listener(leptos::ev::click, move |event| {
        follow_in_app_link(
            &event,
            &base.get_value(),
            draws,
            address,
            links_root.as_ref(),
        )
    });
    let history = window_event_listener(leptos::ev::popstate, move |_| {
        ARRIVAL.set(Arrival::History);
        address.set(current_address())
    });
    on_cleanup(move || {
        clicks.remove();
        history.remove();
    });
    children()
}

fn context() -> RouterContext {
    use_context().expect("a view that reads the address is mounted inside <Router>")
}

/// The current view, when there is a router: a view that may be mounted without one (in a
/// browser test) asks this way.
pub fn try_use_route() -> Option<Memo<Route>> {
    use_context::<RouterContext>().map(|router| router.route)
}

/// The address the app shows.
pub fn use_location() -> Location {
    context().location
}

/// The view the address asks for.
pub fn use_route() -> Memo<Route> {
    context().route
}

/// A function that moves the app to an in-app path such as `/?kind=adopter` or
/// `/members/bloomberg` (below the base, which it adds).
pub fn use_navigate() -> impl Fn(&str, NavigateOptions) + Clone + 'static {
    let RouterContext {
        base,
        draws,
        address,
        ..
    } = context();
    move |to: &str, options: NavigateOptions| {
        let path = to.split(['?', '#']).next().unwrap_or_default();
        if draws(&Route::of(&format!("/{}", path.trim_start_matches('/')))) {
            go_to(address, &href_under(&base.get_value(), to), options)
        } else {
            // In-page, another binary's page is the bundle's, not the host's.
            load_document(&document_href(to));
        }
    }
}

/// How the app came to the address it shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrival {
    /// The page's load: the app has not moved since it started.
    Load,
    /// Back or forward inside the app.
    History,
    /// A link or the app itself (a filter, a search).
    Link,
}

thread_local! {
    static ARRIVAL: std::cell::Cell<Arrival> = const { std::cell::Cell::new(Arrival::Load) };
}

/// How the address the app shows was reached: a view may return to where the visitor left it
/// when they came back (`scroll`).
pub fn arrival() -> Arrival {
    ARRIVAL.get()
}

fn go_to(address: RwSignal<Address>, href: &str, options: NavigateOptions) {
    ARRIVAL.set(Arrival::Link);
    let Ok(history) = window().history() else {
        return;
    };
    let rules = HISTORY_RULES.get();
    let href = if rules.keep_host_params {
        let search = window().location().search().unwrap_or_default();
        browse::query::with_host_params(href, &search)
    } else {
        href.to_string()
    };
    let here = window().location().href().unwrap_or_default();
    let same_entry = web_sys::Url::new_with_base(&href, &here)
        .map(|target| target.href() == here)
        .unwrap_or(false);
    // A second entry for the same address would make "back" seem to do nothing.
    let _ = if options.replace || same_entry || rules.replace_every_move {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&href))
    } else {
        history.push_state_with_url(&JsValue::NULL, "", Some(&href))
    };
    address.set(current_address());
    if options.scroll {
        scroll_to_fragment_or_top();
    }
}

/// Loads another document (a page another binary draws): a step of history, or in the host's
/// overlay ([`HistoryRules::replace_every_move`]) the current entry replaced.
fn load_document(href: &str) {
    let location = window().location();
    let _ = if HISTORY_RULES.get().replace_every_move {
        location.replace(href)
    } else {
        location.assign(href)
    };
}

fn scroll_to_fragment_or_top() {
    let hash = window().location().hash().unwrap_or_default();
    let target = hash
        .strip_prefix('#')
        .filter(|id| !id.is_empty())
        .and_then(|id| document().get_element_by_id(id));
    match target {
        Some(element) => element.scroll_into_view(),
        None => window().scroll_to_with_x_and_y(0.0, 0.0),
    }
}

/// The link a click follows when the app may follow it itself: a plain left click (no
/// modifier) on a link with an address, not for a new tab, a download or marked external.
/// The router's rule, and the host's overlay's (`embed::leave_overlay_for_list`).
pub fn plain_link_click(event: &web_sys::MouseEvent) -> Option<web_sys::HtmlAnchorElement> {
    if event.default_prevented()
        || event.button() != 0
        || event.meta_key()
        || event.alt_key()
        || event.ctrl_key()
        || event.shift_key()
    {
        return None;
    }
    // Through shadow roots too: in-page mode renders inside one.
    let path = event.composed_path();
    let anchor = (0..path.length()).find_map(|index| {
        path.get(index)
            .dyn_into::<web_sys::HtmlAnchorElement>()
            .ok()
    })?;
    let rel = anchor.rel();
    let for_the_browser = !anchor.target().is_empty()
        || !anchor.has_attribute("href")
        || anchor.has_attribute("download")
        || rel.split_ascii_whitespace().any(|word| word == "external");
    (!for_the_browser).then_some(anchor)
}

/// Whether the app under `base` that draws `draws` shows the address `pathname` itself: a
/// route of its own below its base, but not in the other language's tree (`/adopters/zh/…`
/// below `/adopters/`), whose pages are documents of their own.
fn drawn_in_place(base: &str, draws: DrawsRoute, pathname: &str) -> bool {
    path_below(base, pathname)
        .is_some_and(|below| draws(&Route::of(below)) && !browse::route::in_other_tree(below))
}

/// [`drawn_in_place`] for this app's router: whether a link to `pathname` is followed in
/// place, or loads a document.
pub fn use_drawn_in_place() -> impl Fn(&str) -> bool + Clone + 'static {
    let RouterContext { base, draws, .. } = context();
    move |pathname: &str| drawn_in_place(&base.get_value(), draws, pathname)
}

/// Follows a click on a link to one of the app's views in the app; everything else (new tabs,
/// downloads, other sites, other pages of the host site, links within the page) is the
/// browser's.
fn follow_in_app_link(
    event: &web_sys::MouseEvent,
    base: &str,
    draws: DrawsRoute,
    address: RwSignal<Address>,
    links_root: Option<&web_sys::Node>,
) {
    let Some(anchor) = plain_link_click(event) else {
        return;
    };
    if links_root.is_some_and(|root| !root.contains(Some(&anchor))) {
        return;
    }
    let Ok(target) = web_sys::Url::new(&anchor.href()) else {
        return;
    };
    let here = window().location();
    if Some(target.origin()) != here.origin().ok() {
        return;
    }
    if !drawn_in_place(base, draws, &target.pathname()) {
        // Another document of this site: the browser's, but in the host's overlay it too must
        // replace the one entry the host keeps for the overlay.
        if HISTORY_RULES.get().replace_every_move && anchor.target().is_empty() {
            event.prevent_default();
            load_document(&anchor.href());
        }
        return;
    }
    // The skip link's `#main-content`: the browser moves focus there, which is the point.
    let within_page = !target.hash().is_empty()
        && Some(target.pathname()) == here.pathname().ok()
        && Some(target.search()) == here.search().ok();
    if within_page {
        return;
    }
    event.prevent_default();
    go_to(
        address,
        &format!("{}{}{}", target.pathname(), target.search(), target.hash()),
        NavigateOptions::default(),
    );
}

/// The query parameter that names the program whose form the join page shows (the adopter's
/// without it).
pub const PROGRAM_PARAM: &str = "program";

/// The program whose form the join page shows when the address names none.
pub const DEFAULT_PROGRAM: join_form::Program = join_form::Program::Adopter;

/// The join page's address below the base: `program`'s form (the first one's without it), in
/// `lang` when given.
pub fn join_path(program: Option<join_form::Program>, lang: Option<members_feed::Lang>) -> String {
    let query: Vec<String> = program
        .map(|program| format!("{PROGRAM_PARAM}={}", program.slug()))
        .into_iter()
        .chain(lang.map(|lang| format!("{}={}", browse::query::LANG_PARAM, lang.code())))
        .collect();
    match query.is_empty() {
        true => browse::route::Route::Join.path(),
        false => format!("{}?{}", browse::route::Route::Join.path(), query.join("&")),
    }
}

#[cfg(test)]
mod tests {
    use super::comparable_address;

    #[test]
    fn addresses_compare_without_a_hosts_trailing_slash() {
        for (address, compared) in [
            ("/adopters/zh/?kind=adopter", "/adopters/zh?kind=adopter"),
            ("/adopters/zh?kind=adopter", "/adopters/zh?kind=adopter"),
            ("/adopters/zh/", "/adopters/zh"),
            ("/adopters/zh/?", "/adopters/zh"),
        ] {
            assert_eq!(comparable_address(address), compared, "{address}");
        }
        // The query is compared as written.
        assert_ne!(
            comparable_address("/a?x=1&y=2"),
            comparable_address("/a?y=2&x=1")
        );
    }
}
