//! Where focus goes when the app takes a static copy's place: a copy and the app's view of it
//! have the same markup, so the element a visitor was on in the copy has a twin in the view
//! (`loading.rs`: the app's own copy; `embed/host_copy.rs`: the host page's copy, which a
//! frame replaces).

use wasm_bindgen::JsCast;

/// What a visitor can focus, in document order: the same list in a static copy and in the app's
/// view of it, whose markup is the same.
pub const FOCUSABLE: &str = "a[href], button, input, select, textarea, [tabindex]";

/// The test hook of an element in a static copy (`static_pages` renames `data-testid`), and in
/// the app's view.
pub const COPY_HOOK: &str = "data-prerendered";
pub const VIEW_HOOK: &str = "data-testid";

/// What tells a focusable element apart in a copy and in the app's view alike: its test hook
/// and its text.
#[derive(Debug, PartialEq)]
pub struct FocusKey {
    hook: Option<String>,
    text: String,
}

/// The keys of `all` (a `querySelectorAll(FOCUSABLE)`), each element's `hook` attribute and
/// text.
pub fn focus_keys(all: &web_sys::NodeList, hook: &str) -> Vec<FocusKey> {
    (0..all.length())
        .map(|i| {
            // Unchecked: a list from the host page's realm fails `instanceof` in ours, and
            // this selector matches only elements.
            let element = all
                .item(i)
                .map(|node| node.unchecked_into::<web_sys::Element>());
            FocusKey {
                hook: element
                    .as_ref()
                    .and_then(|element| element.get_attribute(hook)),
                text: element
                    .and_then(|element| element.text_content())
                    .map(|text| text.trim().to_string())
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// Which of the app's focusable elements (`view`) takes the focus that was on the copy's
/// `focused`: the one with its hook and text (the nearest to its place when several have
/// them), else the one at its place. Not the place alone: parts of the copy that depend on
/// which members are listed (a frame's `kinds`: its neighbours and related members) are there
/// but hidden, and the app draws them with more or fewer links.
pub fn focus_target(copy: &[FocusKey], focused: usize, view: &[FocusKey]) -> Option<usize> {
    let key = copy.get(focused)?;
    view.iter()
        .enumerate()
        .filter(|(_, candidate)| *candidate == key)
        .min_by_key(|(index, _)| index.abs_diff(focused))
        .map(|(index, _)| index)
        .or((focused < view.len()).then_some(focused))
}

/// Once the app's view is mounted (the next frame), focuses the twin of the copy's `focused`
/// element ([`focus_target`]) without scrolling: the view stands where the copy stood.
pub fn focus_twin_in_view(copy: Vec<FocusKey>, focused: usize) {
    leptos::prelude::request_animation_frame(move || {
        let Ok(Some(view)) = leptos::prelude::document().query_selector(".showcase") else {
            return;
        };
        let Ok(all) = view.query_selector_all(FOCUSABLE) else {
            return;
        };
        let target = focus_target(&copy, focused, &focus_keys(&all, VIEW_HOOK))
            .and_then(|index| all.item(index as u32))
            .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(target) = target {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = target.focus_with_options(&options);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::{focus_target, FocusKey};

    fn keys(items: &[(Option<&str>, &str)]) -> Vec<FocusKey> {
        items
            .iter()
            .map(|(hook, text)| FocusKey {
                hook: hook.map(str::to_string),
                text: text.to_string(),
            })
            .collect()
    }

    #[test]
    fn focus_goes_to_the_same_element_though_the_view_has_more_or_fewer_links_before_it() {
        // A member's copy in a frame with `kinds`: its neighbours are there, hidden; the app
        // draws only the next member, and no related ones.
        let copy = keys(&[
            (Some("back-to-list"), "← Back"),
            (Some("previous-member"), "← Previous A"),
            (Some("next-member"), "Next → C"),
            (Some("related-member"), "D"),
            (Some("suggest-edit"), "Suggest an edit"),
        ]);
        let view = keys(&[
            (Some("back-to-list"), "← Back"),
            (Some("next-member"), "Next → C"),
            (Some("suggest-edit"), "Suggest an edit"),
        ]);
        assert_eq!(focus_target(&copy, 4, &view), Some(2));
        assert_eq!(focus_target(&copy, 0, &view), Some(0));
        // Gone from the view: the element at its place, or nothing past the view's end.
        assert_eq!(focus_target(&copy, 1, &view), Some(1));
        assert_eq!(focus_target(&copy, 3, &view[..2]), None);
        assert_eq!(focus_target(&copy, 9, &view), None);
    }

    #[test]
    fn of_several_alike_the_one_nearest_its_place() {
        let copy = keys(&[(None, "Website"), (None, "x"), (None, "Website")]);
        let view = keys(&[
            (None, "Website"),
            (None, "x"),
            (None, "y"),
            (None, "Website"),
        ]);
        assert_eq!(focus_target(&copy, 0, &view), Some(0));
        assert_eq!(focus_target(&copy, 2, &view), Some(3));
    }
}
