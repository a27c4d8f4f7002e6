//! "Back" returns to the same list at the same place: the list remembers, per list URL, how
//! far it was scrolled and how many cards were shown, in `sessionStorage` (per tab, gone when
//! the tab closes).

use leptos::prelude::*;

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

/// Remembers where the list at `list_path` is, with `shown` cards rendered.
pub fn save(list_path: &str, shown: usize) {
    let y = window().scroll_y().unwrap_or(0.0).max(0.0) as u64;
    if let Some(storage) = storage() {
        let _ = storage.set_item(&key(list_path), &format!("{shown},{y}"));
    }
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

/// Where the list at `list_path` was left (cards shown, scroll offset) when the visitor is
/// returning to it: inside the app (back, or the member page's way back to the list), or by
/// a reload or back/forward to the page. A page opened anew (its address typed in the same
/// tab, a link from elsewhere) starts at the top, and the old place is forgotten, so that a
/// later "back" does not return there either.
pub fn returning_to(list_path: &str) -> Option<(usize, u64)> {
    let returning = match crate::router::arrival() {
        crate::router::Arrival::Load => loaded_to_return(),
        crate::router::Arrival::History | crate::router::Arrival::Link => true,
    };
    if !returning {
        if let Some(storage) = storage() {
            let _ = storage.remove_item(&key(list_path));
        }
        return None;
    }
    saved(list_path)
}

/// Scrolls to `y` once the cards are in the page.
pub fn restore_after_render(y: u64) {
    request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, y as f64));
}
