//! "Back" returns to the same list at the same place: the list remembers, per list URL, how
//! far it was scrolled and how many cards were shown, in `sessionStorage` (per tab, gone when
//! the tab closes). The language switch, which loads the list's twin in the other language,
//! carries that place there.

use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use wasm_bindgen::JsCast;

fn storage() -> Option<web_sys::Storage> {
    // Natively (static pages) there is no session: nothing was saved.
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    window().session_storage().ok().flatten()
}

fn key(list_path: &str) -> String {
    format!("karmada-showcase:scroll:{list_path}")
}

thread_local! {
    /// The list path of the list last shown ([`showing`]): the one on screen, while the app
    /// shows a list.
    static LIST_SHOWN: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Remembers where the list at `list_path` is, with `shown` cards rendered.
pub fn save(list_path: &str, shown: usize) {
    let y = window().scroll_y().unwrap_or(0.0).max(0.0) as u64;
    if let Some(storage) = storage() {
        let _ = storage.set_item(&key(list_path), &format!("{shown},{y}"));
    }
}

/// The list at `list_path` is the one on screen (its place is saved as it moves).
pub fn showing(list_path: &str) {
    LIST_SHOWN.with(|shown| *shown.borrow_mut() = Some(list_path.to_string()));
}

/// The list on screen is now the one at `list_path`, from its top: a place it had before is
/// forgotten.
pub fn showing_anew(list_path: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&key(list_path));
    }
    showing(list_path);
}

/// Where the list's place, carried by the language switch, is waiting: when it was noted (ms
/// since the epoch) and the twin's address.
const CARRIED_KEY: &str = "karmada-showcase:scroll-carried-to";

/// How long a carried place waits for its page: a switch whose load was cancelled leaves
/// nothing behind for a later visit.
const CARRIED_FOR_MS: u64 = 10_000;

/// The language switch is about to load the list shown now in the other language, at
/// `address` (path and query), whose language parameter is `twin_lang`: that list opens at
/// this one's place (cards shown, scroll offset), as after Back.
pub fn carry_list_place(address: &str, twin_lang: Option<members_feed::Lang>) {
    let Some(storage) = storage() else {
        return;
    };
    // An earlier switch's note never outlives this one.
    let _ = storage.remove_item(CARRIED_KEY);
    let Some(list) = LIST_SHOWN.with(|shown| shown.borrow().clone()) else {
        return;
    };
    let Ok(Some(place)) = storage.get_item(&key(&list)) else {
        return;
    };
    let mut twin = browse::FilterState::from_query(list.split_once('?').map_or("", |(_, q)| q));
    twin.lang = twin_lang;
    let _ = storage.set_item(&key(&crate::list_state::list_path(&twin)), &place);
    let noted = js_sys::Date::now() as u64;
    let _ = storage.set_item(
        CARRIED_KEY,
        &format!("{noted} {}", crate::router::comparable_address(address)),
    );
}

/// Whether this page was loaded by the language switch from the same list in the other
/// language, a moment ago. Not used up: the list drawn again on this page (after Retry) is
/// carried here too.
fn carried_here() -> bool {
    let Some(note) = storage().and_then(|storage| storage.get_item(CARRIED_KEY).ok().flatten())
    else {
        return false;
    };
    let Some((noted, address)) = note.split_once(' ') else {
        return false;
    };
    let fresh = noted
        .parse::<u64>()
        .is_ok_and(|noted| (js_sys::Date::now() as u64).saturating_sub(noted) <= CARRIED_FOR_MS);
    fresh && address == crate::router::comparable_here()
}

/// The saved card count and scroll offset. The offset is read as the whole number [`save`]
/// writes: parsing it as `f64` would link the standard library's float parser and its ~21 KB
/// table of powers of five into the wasm bundle.
fn saved(list_path: &str) -> Option<(usize, u64)> {
    let value = storage()?.get_item(&key(list_path)).ok()??;
    let (shown, y) = value.split_once(',')?;
    Some((shown.parse().ok()?, y.parse().ok()?))
}

/// Whether the page was loaded by a reload or by back/forward, the loads that return to a
/// place; not one typed, followed from elsewhere or opened anew.
fn loaded_to_return() -> bool {
    if cfg!(not(target_arch = "wasm32")) {
        return false;
    }
    let entry = window()
        .performance()
        .map(|performance| performance.get_entries_by_type("navigation").get(0));
    let kind = entry.and_then(|entry| js_sys::Reflect::get(&entry, &"type".into()).ok());
    matches!(
        kind.and_then(|kind| kind.as_string()).as_deref(),
        Some("reload" | "back_forward")
    )
}

/// Whether the visitor is coming back to the list: inside the app (back, or the member page's
/// way back to the list), or by a reload or back/forward to the page.
fn returning() -> bool {
    match crate::router::arrival() {
        crate::router::Arrival::Load => loaded_to_return(),
        crate::router::Arrival::History | crate::router::Arrival::Link => true,
    }
}

/// Where the list at `list_path` was left (cards shown, scroll offset) when the visitor is
/// returning to it, or comes to it from its twin in the other language. A page opened anew
/// (its address typed in the same tab, a link from elsewhere) starts at the top, and the old
/// place is forgotten, so that a later "back" does not return there either.
pub fn returning_to(list_path: &str) -> Option<(usize, u64)> {
    if !(returning() || carried_here()) {
        if let Some(storage) = storage() {
            let _ = storage.remove_item(&key(list_path));
        }
        return None;
    }
    saved(list_path)
}

const MEMBER_KEY: &str = "karmada-showcase:member";

/// Remembers the member the visitor is reading, whose card the list brings back to them.
pub fn remember_member(id: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(MEMBER_KEY, id);
    }
}

/// The member whose card the list brings back: the one the visitor was reading before coming
/// back to it. In a frame, only after a move inside the app: the host's own reload or history
/// step must not scroll the host page to a card. Read once: a later visit to the list is not
/// a return from that member.
pub fn member_to_return_to(in_frame: bool) -> Option<String> {
    let back_in_app = crate::router::arrival() != crate::router::Arrival::Load;
    let storage = storage()?;
    let id = storage.get_item(MEMBER_KEY).ok()??;
    let _ = storage.remove_item(MEMBER_KEY);
    if !(if in_frame { back_in_app } else { returning() }) {
        return None;
    }
    // Only what a member id can be: it goes into a selector.
    members_feed::is_slug(&id).then_some(id)
}

/// The first element matching `selector` in the app: in the page, or in the shadow root that
/// holds it in in-page mode (which the document's own queries do not see into).
fn query_app(selector: &str) -> Option<web_sys::Element> {
    let document = document();
    if let Ok(Some(found)) = document.query_selector(selector) {
        return Some(found);
    }
    let hosts = document
        .query_selector_all("[data-karmada-showcase]")
        .ok()?;
    (0..hosts.length())
        .filter_map(|at| hosts.item(at)?.dyn_into::<web_sys::Element>().ok())
        .filter_map(|host| host.shadow_root())
        .find_map(|root| root.query_selector(selector).ok().flatten())
}

fn view_height() -> f64 {
    window()
        .inner_height()
        .ok()
        .and_then(|height| height.as_f64())
        .unwrap_or(0.0)
}

/// Whether the frame shows its whole document: the host has sized it to its content, and the
/// document has nothing of its own to scroll.
fn frame_holds_document() -> bool {
    document()
        .document_element()
        .is_none_or(|root| f64::from(root.scroll_height()) <= view_height() + 1.0)
}

/// Once the cards are in the page, keyboard focus goes to the card of the member `id`, where a
/// returning visitor left off. With the page to itself, only when that card is in view after
/// the scroll position came back (that position is where the visitor was); in a frame, whose
/// host does the scrolling, the card is brought into view, once the host has made the frame
/// tall enough to hold it. Call it where the list is built: leaving the list cancels it.
pub fn return_to_card_after_render(id: String, in_frame: bool) {
    // Cleared when the list goes, when the card has come back, or when the wait is over.
    let pending = Arc::new(AtomicBool::new(true));
    on_cleanup({
        let pending = pending.clone();
        move || pending.store(false, Ordering::Relaxed)
    });
    request_animation_frame(move || {
        let selector =
            format!("[data-testid=\"member-card\"][data-member-id=\"{id}\"] a.card-link");
        let Some(link) =
            query_app(&selector).and_then(|link| link.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        if !pending.load(Ordering::Relaxed) {
            return;
        }
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let rect = link.get_bounding_client_rect();
        if !in_frame {
            if rect.top() >= 0.0 && rect.bottom() <= view_height() {
                let _ = link.focus_with_options(&options);
            }
            return;
        }
        let bring_into_view = move |link: &web_sys::HtmlElement| {
            let place = web_sys::ScrollIntoViewOptions::new();
            place.set_block(web_sys::ScrollLogicalPosition::Center);
            link.scroll_into_view_with_scroll_into_view_options(&place);
            let _ = link.focus_with_options(&options);
        };
        // Until the host has sized the frame to the list, the frame's own document scrolls, and
        // bringing the card into view scrolls it too: that offset is lost when the frame grows,
        // and the card with it (below the fold on a phone). So again once the frame holds the
        // whole list; a host that never sizes the frame keeps the first placing.
        let in_view =
            |link: &web_sys::HtmlElement| link.get_bounding_client_rect().bottom() <= view_height();
        if in_view(&link) {
            bring_into_view(&link);
            if frame_holds_document() {
                return;
            }
        }
        // The host sizes the frame after the list has told it its height: the frame's own
        // `resize` says when. Not once the visitor has moved on (focus went elsewhere), nor
        // from a host that takes longer than the wait.
        let focused_before = document().active_element();
        let handle = window_event_listener(leptos::ev::resize, {
            let pending = pending.clone();
            move |_| {
                if !pending.load(Ordering::Relaxed) || !link.is_connected() {
                    return;
                }
                if document().active_element() != focused_before {
                    return pending.store(false, Ordering::Relaxed);
                }
                if in_view(&link) {
                    bring_into_view(&link);
                    if frame_holds_document() {
                        pending.store(false, Ordering::Relaxed);
                    }
                }
            }
        });
        set_timeout(
            move || {
                pending.store(false, Ordering::Relaxed);
                handle.remove();
            },
            std::time::Duration::from_secs(3),
        );
    });
}

/// Scrolls to `y` once the cards are in the page.
pub fn restore_after_render(y: u64) {
    request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, y as f64));
}
