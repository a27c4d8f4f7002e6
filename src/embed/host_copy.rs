//! The host page's copy of the list's first screen (`showcase-site fill-host`), seen from the
//! frame that takes its place: a keyboard visitor who was on one of its links goes on from the
//! same link in the frame, not from the frame's top.

use leptos::prelude::window;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::look::{call_method, readable_parent};
use super::{HOST_COPY_ATTRIBUTE, HOST_COPY_FOCUS_ATTRIBUTE};
use crate::takeover_focus::{focus_keys, focus_twin_in_view, FocusKey, COPY_HOOK, FOCUSABLE};

/// When focus comes to this frame from the host's copy as the frame takes its place
/// (`embed.js` moves it; `public/host-copy.js` marks which of the copy's focusable elements
/// the visitor was on), it goes to that element's twin in the app's view.
pub(super) fn follow_focus_from_host_copy() {
    let on_focus = Closure::<dyn FnMut()>::new(|| {
        let Some((at, copy_keys)) = take_marked_focus() else {
            return;
        };
        focus_twin_in_view(copy_keys, at);
    });
    let _ = window().add_event_listener_with_callback("focus", on_focus.as_ref().unchecked_ref());
    on_focus.forget();
}

/// Where the visitor was in the host's copy (the mark's place among its focusable elements,
/// and their keys), when the host page may be read (same origin); the mark is taken away.
fn take_marked_focus() -> Option<(usize, Vec<FocusKey>)> {
    readable_parent()?;
    let object = |value: JsValue| value.is_object().then_some(value);
    let frame = object(js_sys::Reflect::get(&window(), &"frameElement".into()).ok()?)?;
    let host_box = object(call_method(
        &frame,
        "closest",
        &["[data-karmada-showcase]".into()],
    )?)?;
    let copy = object(call_method(
        &host_box,
        "querySelector",
        &[format!("[{HOST_COPY_ATTRIBUTE}]").into()],
    )?)?;
    let at = call_method(&copy, "getAttribute", &[HOST_COPY_FOCUS_ATTRIBUTE.into()])?
        .as_string()?
        .parse::<usize>()
        .ok();
    call_method(
        &copy,
        "removeAttribute",
        &[HOST_COPY_FOCUS_ATTRIBUTE.into()],
    );
    let shadow = object(js_sys::Reflect::get(&copy, &"shadowRoot".into()).ok()?)?;
    let all = call_method(&shadow, "querySelectorAll", &[FOCUSABLE.into()])?;
    Some((at?, focus_keys(all.unchecked_ref(), COPY_HOOK)))
}
