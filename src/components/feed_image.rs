use leptos::prelude::*;

/// An image the feed points at (logos on karmada.io): lazily loaded, decoded off the main
/// thread, fetched without a referrer, with its size reserved from the feed so nothing shifts
/// when it arrives. `failed` turns true when it does not load; the caller then takes the image
/// out (what stands in for it is the caller's choice).
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
) -> impl IntoView {
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
            on:error=move |_| failed.set(true)
        />
    }
}
