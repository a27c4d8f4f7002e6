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

/// How many cards the list at `list_path` showed when it was left, if it was.
pub fn saved_limit(list_path: &str) -> Option<usize> {
    saved(list_path).map(|(shown, _)| shown)
}

/// Scrolls back to where the list at `list_path` was, once the cards are in the page.
pub fn restore_after_render(list_path: String) {
    if let Some((_, y)) = saved(&list_path) {
        request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, y as f64));
    }
}
