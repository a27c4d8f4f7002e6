use std::cell::RefCell;
use std::collections::HashSet;

use leptos::prelude::*;

thread_local! {
    /// Image addresses that did not load in this page's life. A browser does not keep a
    /// failure: every new image at that address (the logo on a member's page after its card,
    /// the app's view after the static copy's) would ask the server again, and fail again.
    static FAILED: RefCell<HashSet<String>> = RefCell::new(HashSet::new());
}

/// Whether an image at `src` has failed to load before in this page's life: the caller draws
/// what stands in for it at once.
pub fn failed_before(src: &str) -> bool {
    FAILED.with(|failed| failed.borrow().contains(src))
}

fn remember_failed(src: &str) {
    FAILED.with(|failed| failed.borrow_mut().insert(src.to_owned()));
}

/// The attribute the static copies' scripts (`public/prerender.js`, `public/static-page.js`)
/// give an image that did not load (the stylesheet hides it; the attribute, unlike the
/// failure, can be read later).
const FAILED_MARK: &str = "data-failed";

/// Remembers the images below `root` (a static copy about to give way to the app) that its
/// script marked because they did not load ([`FAILED_MARK`]). Only the mark: an image with no
/// natural size may be an SVG without one, not a failure.
pub fn remember_failed_images_in(root: &web_sys::Element) {
    let Ok(images) = root.query_selector_all(&format!("img[{FAILED_MARK}]")) else {
        return;
    };
    for index in 0..images.length() {
        let image = images
            .item(index)
            .and_then(|node| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(node).ok());
        if let Some(src) = image.and_then(|image| image.get_attribute("src")) {
            remember_failed(&src);
        }
    }
}

/// An image the feed points at (logos on karmada.io): lazily loaded, decoded off the main
/// thread, fetched without a referrer, with its size reserved from the feed so nothing shifts
/// when it arrives. `failed` turns true when it does not load; the caller then takes the image
/// out (what stands in for it is the caller's choice), and starts with it out next time
/// ([`failed_before`]).
#[component]
pub fn FeedImage(
    /// An `http(s)` or relative URL, already checked with `safe_href`.
    src: String,
    /// Text alternative, in the page language.
    alt: String,
    /// Pixel width from the feed, if known.
    width: Option<u32>,
    /// Pixel height from the feed, if known.
    height: Option<u32>,
    /// CSS class of the element, if any.
    #[prop(optional)]
    class: Option<&'static str>,
    /// Set to true when loading fails.
    failed: RwSignal<bool>,
    /// Letters the stylesheet draws over the image if it does not load before a script can
    /// take it out (`data-letters`: a logo's monogram).
    #[prop(optional, into)]
    fallback_letters: Option<String>,
) -> impl IntoView {
    let address = src.clone();
    view! {
        <img
            class=class
            src=src
            alt=alt
            width=width
            height=height
            loading="lazy"
            decoding="async"
            referrerpolicy="no-referrer"
            data-letters=fallback_letters
            on:error=move |_| {
                remember_failed(&address);
                failed.set(true)
            }
        />
    }
}

#[cfg(test)]
mod tests {
    use super::FAILED_MARK;

    /// The static copies' scripts mark a failed image, and the stylesheet hides it, by the
    /// attribute the app reads.
    #[test]
    fn the_copy_marks_failed_images_as_the_app_reads_them() {
        for script in [
            include_str!("../../public/prerender.js"),
            include_str!("../../public/static-page.js"),
        ] {
            assert!(script.contains(&format!("event.target.setAttribute('{FAILED_MARK}', '')")));
        }
        let style = include_str!("../../style/main.css");
        assert!(style.contains(&format!(".prerendered img[{FAILED_MARK}] {{")));
    }
}
