use leptos::prelude::*;
use members_feed::{safe_href, Logo};

use crate::components::{failed_before, FeedImage};

/// `letter` as a capital. In the browser JavaScript's `toUpperCase` (the same Unicode mapping)
/// does it: Rust's own uppercase table would be the only user of its kind in the bundle, about
/// 6.6 KB of gzip for two letters per card.
fn capital(letter: char) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::JsString::from(letter).to_upper_case().into()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        letter.to_uppercase().collect()
    }
}

/// Up to two capitals standing for `name` when there is no logo to show: the first letters of
/// its first two words, or the first two of a single word (`BL` for Bloomberg). Punctuation is
/// no letter: `Acme & Co.` is `AC`.
pub fn monogram(name: &str) -> String {
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '-' || c == '.')
        .map(|word| word.trim_start_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let first_char = |word: &str| word.chars().next().map(capital).unwrap_or_default();
    match words.as_slice() {
        [] => "?".into(),
        [only] => {
            let mut chars = only.chars();
            let first = chars.next().map(capital).unwrap_or_default();
            // CJK names read well as their first character alone.
            if first.chars().all(|c| c.is_alphabetic() && !c.is_ascii()) {
                first
            } else {
                first
                    + &chars
                        .find(|c| c.is_alphanumeric())
                        .map(capital)
                        .unwrap_or_default()
            }
        }
        [first, second, ..] => first_char(first) + &first_char(second),
    }
}

/// One of eight accent classes, stable per member id (the same in every language), on the
/// logo's box: both monograms (the app's and the stylesheet's, below) take their accent from
/// it. A class and not an inline style: the strict CSP (`style-src 'self'`) refuses style
/// attributes.
fn palette_class(member_id: &str) -> String {
    let slot = member_id
        .bytes()
        .fold(7u32, |acc, b| acc.wrapping_mul(31).wrapping_add(b as u32))
        % 8;
    format!("palette-{slot}")
}

/// How a logo of `width` × `height` is drawn in the band, so that square marks and wide
/// wordmarks look about as heavy: a square fills the band's height, a wide mark its width.
fn shape_class(width: u32, height: u32) -> &'static str {
    let (w, h) = (u64::from(width), u64::from(height));
    match (w, h) {
        (0, _) | (_, 0) => "logo-wide",
        (w, h) if w * 2 <= h * 3 => "logo-square",
        (w, h) if w <= h * 4 => "logo-wide",
        _ => "logo-very-wide",
    }
}

/// A member's logo in a box of fixed aspect ratio, lazily loaded, with a monogram drawn
/// instead when the feed has no logo or the image fails to load. Where no script swaps it in
/// (a static page without JavaScript, the host's copy), the image carries the monogram's
/// letters and the stylesheet draws them over a broken image (`img[data-letters]::after`,
/// which Chromium and Firefox draw only for an image that did not load).
#[component]
pub fn MemberLogo(
    /// The logo from the feed, if any.
    logo: Option<Logo>,
    /// The member's id: the placeholder's accent, the same in every language.
    member_id: String,
    /// The member's display name: the placeholder's letters.
    name: String,
    /// Accessible label for the logo, in the page language.
    label: String,
    /// Draw the larger variant used on the detail view.
    #[prop(optional)]
    large: bool,
) -> impl IntoView {
    let source = logo.as_ref().and_then(|logo| safe_href(&logo.url));
    // Without a usable URL, or one that failed before, the monogram shows from the start: no
    // image is ever made with an empty `src`, nor asked for again to fail again.
    let failed = RwSignal::new(source.as_deref().is_none_or(failed_before));
    let source = source.unwrap_or_default();
    let (width, height) = logo
        .map(|logo| (logo.width, logo.height))
        .unwrap_or_default();
    let letters = monogram(&name);
    let palette = palette_class(&member_id);
    let shape = shape_class(width.unwrap_or(0), height.unwrap_or(0));
    view! {
        <div class=format!("logo-box {shape} {palette}") class:logo-large=large data-testid="member-logo">
            {move || {
                if failed.get() {
                    view! {
                        // Not a logo, and the name is beside it: nothing for a screen reader.
                        <span class="monogram" aria-hidden="true" data-testid="monogram">
                            {letters.clone()}
                        </span>
                    }
                        .into_any()
                } else {
                    view! {
                        <FeedImage
                            src=source.clone()
                            alt=label.clone()
                            width=width
                            height=height
                            failed=failed
                            fallback_letters=letters.clone()
                        />
                    }
                        .into_any()
                }
            }}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::{monogram, palette_class, shape_class};

    #[test]
    fn monograms() {
        assert_eq!(monogram("Bloomberg"), "BL");
        assert_eq!(monogram("bilibili"), "BI");
        assert_eq!(monogram("Scatter Lab"), "SL");
        assert_eq!(monogram("小红书"), "小");
        assert_eq!(monogram("Trip.com"), "TC");
        assert_eq!(monogram("Acme & Co."), "AC");
        assert_eq!(monogram("(Acme) Labs"), "AL");
        assert_eq!(monogram("& ·"), "?");
        assert_eq!(monogram("A&B"), "AB");
        assert_eq!(monogram(""), "?");
    }

    #[test]
    fn the_placeholder_accent_follows_the_id_and_the_shape_the_logo() {
        assert_eq!(palette_class("bloomberg"), palette_class("bloomberg"));
        assert_ne!(palette_class("bloomberg"), palette_class("bilibili"));
        assert_eq!(shape_class(120, 120), "logo-square");
        assert_eq!(shape_class(300, 120), "logo-wide");
        assert_eq!(shape_class(6921, 970), "logo-very-wide");
        assert_eq!(shape_class(0, 0), "logo-wide");
    }
}
