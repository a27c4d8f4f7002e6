//! The list's search box, and "/" to reach it from anywhere on the page.

use leptos::callback::UnsyncCallback;
use leptos::prelude::*;

use crate::i18n::{strings, use_lang};

/// The search box. "/" jumps to it, as on GitHub and the CNCF landscape, unless the visitor
/// is typing somewhere; hidden (and "/" left alone) when the embedding turns search off.
#[component]
pub(super) fn SearchBox(
    /// Whether the embedding shows a search.
    shown: bool,
    /// The search as the list has it.
    query: Signal<String>,
    /// Called with the box's text on every keystroke.
    on_search: UnsyncCallback<String>,
    /// Called when focus leaves the box.
    on_leave: UnsyncCallback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let search_box = NodeRef::<leptos::html::Input>::new();
    if shown {
        let slash = window_event_listener(leptos::ev::keydown, move |event| {
            let plain = !(event.ctrl_key() || event.meta_key() || event.alt_key());
            if event.key() != "/" || !plain || event.default_prevented() || typing_in(&event) {
                return;
            }
            if let Some(input) = search_box.get_untracked() {
                event.prevent_default();
                let _ = input.focus();
            }
        });
        on_cleanup(move || slash.remove());
    }
    view! {
        <div class="search-box" class:hidden=!shown>
            <label for="member-search">{move || strings(lang.get()).search_label}</label>
            <input
                id="member-search"
                type="search"
                data-testid="search"
                autocomplete="off"
                spellcheck="false"
                placeholder=move || strings(lang.get()).search_placeholder
                aria-keyshortcuts="/"
                node_ref=search_box
                prop:value=query
                on:input=move |event| on_search.run(event_target_value(&event))
                // Not as the list goes with focus in the box (Back pressed while typing): that
                // blur comes after what the list owns is disposed, and a move then would undo
                // the visitor's.
                on:blur=move |event| {
                    if event_target::<web_sys::HtmlInputElement>(&event).is_connected() {
                        let _ = on_leave.try_run(());
                    }
                }
            />
        </div>
    }
}

/// Whether a key event comes from a place that takes text. The first element of the composed
/// path, since in in-page mode the app is in a shadow root and `target` is its host.
fn typing_in(event: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    let Some(element) = event
        .composed_path()
        .get(0)
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
    else {
        return false;
    };
    match element.tag_name().to_ascii_uppercase().as_str() {
        "TEXTAREA" | "SELECT" => true,
        // A ticked checkbox or a button does not take text: "/" still jumps from there.
        "INPUT" => !matches!(
            element.get_attribute("type").as_deref(),
            Some("checkbox" | "radio" | "button" | "submit" | "reset")
        ),
        _ => element.is_content_editable(),
    }
}
