//! Running inside a host page: as an iframe that sizes itself and follows the host's theme,
//! or mounted into a host element. The host side is `public/embed.js`.
//!
//! Messages between the two are objects `{ type: "karmada-showcase:<what>", version: 1, … }`.
//! Both sides read only messages whose `event.origin` is the configured one, and send only to
//! that origin, never to `*`. The one exception: a frame that was given no `host` and whose
//! browser does not report its embedder takes the origin of the first `hello` its own parent
//! window posts (only the embedding page can post as `window.parent`).

pub mod config;
mod host_copy;
mod look;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use look::{apply_theme, follow_host_font, follow_host_theme, same_origin_host_theme, use_font};

pub use config::{CardSize, Details, EmbedConfig, Facets, Mode, Theme};

pub const MESSAGE_VERSION: u32 = 1;
pub const MESSAGE_PREFIX: &str = "karmada-showcase:";

/// The class the app gives the `<html>` of a frame its host sizes to its content
/// ([`EmbedConfig::sized_by_host`]; the static copies for such a frame say it too, so that the
/// page looks the same before the app starts).
pub const FRAME_ROOT_CLASS: &str = "embedded-frame";

/// The attribute of the element, in a host page's static HTML, that holds the host's own copy
/// of the list's first screen (README: the Docusaurus component, `showcase-site fill-host`);
/// its value is the showcase's base. `embed.js` hides the copy once the frame answers.
pub const HOST_COPY_ATTRIBUTE: &str = "data-karmada-showcase-copy";

/// The attribute `public/host-copy.js` sets on the host's copy when focus goes from it to the
/// frame that takes its place: which of the copy's focusable elements the visitor was on
/// (its place among them), where the frame's app puts focus (`host_copy.rs`).
pub const HOST_COPY_FOCUS_ATTRIBUTE: &str = "data-karmada-showcase-focused";

/// The bundle's script (`public/host-copy.js`) that `showcase-site fill-host` writes first into
/// each host copy: it hides the copy as the host page is parsed when the host's address names
/// another view than the plain list.
pub const HOST_COPY_SCRIPT: &str = "host-copy.js";

/// The attribute `prerender.js` sets on the frame the host's HTML holds when it moves that
/// frame to a shared link's view, and where `embed.js` then finds it (it does not read the
/// frame's own address).
pub const FRAME_AT_ATTRIBUTE: &str = "data-karmada-showcase-at";

/// The name of the global object through which `embed.js` configures in-page mode.
const INLINE_GLOBAL: &str = "__karmadaShowcase";

/// The embedding configuration, provided at the root of the app.
pub fn use_embed() -> EmbedConfig {
    use_context::<EmbedConfig>().unwrap_or_default()
}

/// In-page mode: the element to mount into and its configuration, when `embed.js` asked for it.
pub fn inline_request() -> Option<(web_sys::HtmlElement, EmbedConfig)> {
    let global = js_sys::Reflect::get(&window(), &INLINE_GLOBAL.into()).ok()?;
    if global.is_undefined() || global.is_null() {
        return None;
    }
    let field = |name: &str| {
        js_sys::Reflect::get(&global, &name.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    let mount: web_sys::HtmlElement = js_sys::Reflect::get(&global, &"mount".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let pairs: Vec<(String, String)> = ["theme", "kinds", "facets", "search", "cards", "lang"]
        .into_iter()
        .filter_map(|key| Some((key.to_string(), field(key)?)))
        .collect();
    let mut config = from_pairs(&pairs);
    config.mode = Mode::Inline;
    // The host chose this feed URL itself, so it may be on another origin (the app's).
    config.feed_url = field("feed").and_then(|url| members_feed::check_url(&url).ok());
    config.base =
        Some(field("base").unwrap_or_else(|| window().location().pathname().unwrap_or_default()));
    config.bundle = field("app").and_then(|url| members_feed::check_url(&url).ok());
    Some((mount, config))
}

/// The configuration from the address bar (page and iframe modes).
pub fn from_location() -> EmbedConfig {
    let search = window().location().search().unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
    let pairs: Vec<(String, String)> = config::PARAMETERS
        .iter()
        .filter_map(|key| Some((key.to_string(), params.as_ref()?.get(key)?)))
        .collect();
    let mut config = from_pairs(&pairs);
    if config.mode == Mode::Frame {
        // The page that framed this one is its host, whatever the address says: a crafted
        // `host=` must not receive the views shown here.
        if let Some(embedder) = embedding_origin() {
            config.host_origin = Some(embedder);
        }
    }
    config
}

/// The origin of the page that embeds this frame, as the browser reports it
/// (`location.ancestorOrigins`, which the page cannot forge; Chromium and Safari have it): a
/// host page that renders the frame in its static HTML cannot know its own origin to put in
/// `host` (a preview deploy has another). Where the browser does not say, `embed.js`'s `hello`
/// tells it ([`install_frame`]).
fn embedding_origin() -> Option<String> {
    let location = js_sys::Reflect::get(&window(), &"location".into()).ok()?;
    let ancestors = js_sys::Reflect::get(&location, &"ancestorOrigins".into()).ok()?;
    let first = js_sys::Reflect::get(&ancestors, &0.into())
        .ok()?
        .as_string()?;
    config::origin_of(&first)
}

/// [`EmbedConfig::from_pairs`] for both start-up paths: one instance of the generic parser in
/// the wasm, not one per caller.
fn from_pairs(pairs: &[(String, String)]) -> EmbedConfig {
    EmbedConfig::from_pairs(
        pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        &page_origin(),
    )
}

fn page_origin() -> String {
    window().location().origin().unwrap_or_default()
}

/// A message for the host.
fn message(kind: &str, fields: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &object,
        &"type".into(),
        &format!("{MESSAGE_PREFIX}{kind}").into(),
    );
    let _ = js_sys::Reflect::set(&object, &"version".into(), &MESSAGE_VERSION.into());
    for (key, value) in fields {
        let _ = js_sys::Reflect::set(&object, &(*key).into(), value);
    }
    object.into()
}

thread_local! {
    /// The host's origin learnt from its `hello`, for a frame whose address has no `host`.
    static LEARNT_HOST_ORIGIN: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The host page's origin: the `host` parameter, else what the parent window's `hello` showed.
/// A host page may render the frame in its static HTML, where it cannot know its own origin
/// (a preview deploy has another); only the embedding page can post as `window.parent`.
fn host_origin(config: &EmbedConfig) -> Option<String> {
    config
        .host_origin
        .clone()
        .or_else(|| LEARNT_HOST_ORIGIN.with(|learnt| learnt.borrow().clone()))
}

/// Sends a message to the host page, if there is one and its origin is known.
pub fn post_to_host(config: &EmbedConfig, kind: &str, fields: &[(&str, JsValue)]) {
    let (Some(origin), Some(parent)) = (host_origin(config), window().parent().ok().flatten())
    else {
        return;
    };
    let _ = parent.post_message(&message(kind, fields), &origin);
}

/// Tells the host page each view the frame shows, as `browse::query::shareable_view` writes it;
/// `embed.js` keeps it in the host page's own address, so a view inside the frame (or the
/// member open in the host's overlay) has a link that can be shared and reloaded. Needs the
/// router's context: call it inside `<Router>`.
pub fn report_views_to_host(config: EmbedConfig) {
    let location = crate::router::use_location();
    Effect::new(move |_| {
        // Read, not only tracked: a memo that is only tracked is never computed and never
        // notifies (DEVELOPERS.md).
        location.pathname.with(|_| ());
        location.search.with(|_| ());
        post_to_host(&config, "view", &[("path", current_view().into())]);
    });
}

thread_local! {
    /// In-page mode, while a member's page names its member: the host page's own title and the
    /// one the app gave it.
    static HOST_TITLE: std::cell::RefCell<Option<(String, String)>> = const { std::cell::RefCell::new(None) };
}

/// In-page mode: the host page's title names the member the app shows, as the host's overlay
/// does, so that the visitor's history and a screen reader say which member it is.
pub fn name_member_in_host_title(title: &str) {
    let document = document();
    HOST_TITLE.with(|kept| {
        let mut kept = kept.borrow_mut();
        // The host's, unless it has set its own since the app named a member.
        let host_title = match kept.take() {
            Some((host_title, ours)) if document.title() == ours => host_title,
            _ => document.title(),
        };
        *kept = Some((host_title, title.to_string()));
    });
    document.set_title(title);
}

/// In-page mode: the host page's own title again, once the app shows no member; not over a
/// title the host has set since (a single-page host that moved to another page).
pub fn restore_host_title() {
    let document = document();
    if let Some((host_title, ours)) = HOST_TITLE.with(|kept| kept.borrow_mut().take()) {
        if document.title() == ours {
            document.set_title(&host_title);
        }
    }
}

/// The view this frame shows, as the host keeps it in its address.
fn current_view() -> String {
    let here = window().location();
    let path = here.pathname().unwrap_or_default();
    let base = crate::router::base_path();
    browse::query::shareable_view(
        browse::route::path_below(&base, &path).unwrap_or(&path),
        &here.search().unwrap_or_default(),
    )
}

fn body_height() -> Option<i32> {
    Some(document().body()?.scroll_height())
}

/// Wires the page to its host according to `config`. Called once at start-up.
pub fn install(config: &EmbedConfig, theme_target: &web_sys::Element) {
    let theme = match (config.mode, config.theme) {
        (Mode::Frame, Theme::Auto) => same_origin_host_theme().unwrap_or(Theme::Auto),
        (_, chosen) => chosen,
    };
    apply_theme(theme_target, theme);
    follow_host_font(theme_target, config.mode);
    match config.mode {
        Mode::Page => {}
        Mode::Frame => install_frame(config, theme_target),
        Mode::Inline => follow_host_theme(theme_target),
    }
}

/// Reports the content height whenever it changes, so the host sizes the iframe to fit and the
/// frame never shows a scrollbar of its own.
fn report_height_to_host(config: &EmbedConfig) {
    let sizing = config.clone();
    let last_height = std::cell::Cell::new(0i32);
    let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
        let Some(height) = body_height() else {
            return;
        };
        if height != last_height.replace(height) {
            post_to_host(&sizing, "resize", &[("height", height.into())]);
        }
    });
    if let (Ok(observer), Some(body)) = (
        web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()),
        document().body(),
    ) {
        observer.observe(&body);
    }
    on_resize.forget();
}

fn install_frame(config: &EmbedConfig, root: &web_sys::Element) {
    if config.sized_by_host() {
        let _ = root.class_list().add_1(FRAME_ROOT_CLASS);
        report_height_to_host(config);
    }
    if config.details == Details::Overlay {
        return_focus_after_overlay();
    }
    host_copy::follow_focus_from_host_copy();
    if config.transparent {
        let _ = root.class_list().add_1("transparent-background");
    }

    // Theme changes from the host page, from its origin only.
    let listening = config.clone();
    let root = root.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            let field = |name: &str| js_sys::Reflect::get(&data, &name.into()).ok();
            let kind = field("type").and_then(|v| v.as_string());
            let version = field("version").and_then(|v| v.as_f64());
            if version != Some(MESSAGE_VERSION as f64) {
                return;
            }
            let hello =
                kind.as_deref().and_then(|k| k.strip_prefix(MESSAGE_PREFIX)) == Some("hello");
            let from_parent = event.source().is_some_and(|source| {
                Some(JsValue::from(source)) == window().parent().ok().flatten().map(JsValue::from)
            });
            if hello && from_parent && host_origin(&listening).is_none() {
                // Only an http(s) origin: an opaque one ("null") would let any sandboxed
                // window through the check below.
                if let Some(origin) = config::origin_of(&event.origin()) {
                    LEARNT_HOST_ORIGIN.with(|learnt| *learnt.borrow_mut() = Some(origin));
                }
            }
            if Some(event.origin()) != host_origin(&listening) {
                return;
            }
            match kind.as_deref().and_then(|k| k.strip_prefix(MESSAGE_PREFIX)) {
                Some("theme") => {
                    if let Some(theme) = field("theme")
                        .and_then(|v| v.as_string())
                        .and_then(|t| Theme::parse(&t))
                    {
                        apply_theme(&root, theme);
                    }
                    if let Some(font) = field("font").and_then(|v| v.as_string()) {
                        use_font(&root, &font);
                    }
                }
                // embed.js adopted a frame the host page rendered, which may have started
                // before the script listened: say again what it missed.
                Some("hello") => {
                    post_to_host(&listening, "ready", &[]);
                    if let Some(height) = body_height() {
                        post_to_host(&listening, "resize", &[("height", height.into())]);
                    }
                    post_to_host(&listening, "view", &[("path", current_view().into())]);
                }
                _ => {}
            }
        });
    let _ =
        window().add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
    post_to_host(config, "ready", &[]);
}

/// In a frame whose host asked for overlays, a member (a card, a logo: an element inside one
/// with `data-member-id`) opens over the host page instead of inside the frame.
pub fn open_in_host_overlay(config: &EmbedConfig, event: leptos::ev::MouseEvent) {
    use wasm_bindgen::JsCast;
    if config.mode != Mode::Frame || config.details != Details::Overlay {
        return;
    }
    let Some(card) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest("[data-member-id]").ok().flatten())
    else {
        return;
    };
    if let Some(id) = card.get_attribute("data-member-id") {
        event.prevent_default();
        let opener = document()
            .active_element()
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        OVERLAY_OPENER.with(|slot| *slot.borrow_mut() = opener);
        post_to_host(config, "open", &[("id", id.into())]);
    }
}

thread_local! {
    /// What had focus when a member was opened over the host: the host gives the frame focus
    /// back when the overlay closes (`embed.js`), and a keyboard visitor goes on from the card
    /// they opened rather than from the top of the frame.
    static OVERLAY_OPENER: std::cell::RefCell<Option<web_sys::HtmlElement>> = const { std::cell::RefCell::new(None) };
}

/// Focus returns to the element that opened the host's overlay when the frame gets focus back
/// (the overlay is modal: nothing else in the frame can take focus while it is open).
fn return_focus_after_overlay() {
    let on_focus = Closure::<dyn FnMut()>::new(|| {
        if let Some(opener) = OVERLAY_OPENER.with(|slot| slot.borrow_mut().take()) {
            if opener.is_connected() {
                let _ = opener.focus();
            }
        }
    });
    let _ = window().add_event_listener_with_callback("focus", on_focus.as_ref().unchecked_ref());
    on_focus.forget();
}

/// In the host's overlay over a list, a link to a page that is not a member's ("all members
/// in Finance", the join page, a not-found page's way back) closes the overlay and shows that
/// page in the list's frame: opened inside the overlay, a second list would stand over the
/// first. Over a logo wall the overlay is the only list there, and such links stay in it.
/// Listens before the router (capture), which would follow the link inside the overlay.
pub fn leave_overlay_for_links(config: &EmbedConfig) {
    if !config.in_overlay || config.overlay_over_logos {
        return;
    }
    let overlay = config.clone();
    let on_click =
        Closure::<dyn FnMut(web_sys::MouseEvent)>::new(move |event: web_sys::MouseEvent| {
            let Some(anchor) = crate::router::plain_link_click(&event) else {
                return;
            };
            if Some(anchor.origin()) != window().location().origin().ok() {
                return;
            }
            let base = crate::router::base_path();
            if let Some(view) =
                browse::route::list_frame_view(&base, &anchor.pathname(), &anchor.search())
            {
                event.prevent_default();
                post_to_host(&overlay, "close", &[("path", view.into())]);
            }
        });
    let _ = window().add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    on_click.forget();
}
