//! How an embedded app looks like its host: the host's theme and font, read from the parent
//! page when the frame may (same origin) or taken from `embed.js`'s messages.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::config::{self, Mode, Theme};
use leptos::prelude::{document, window};

/// The parent window and its document when the frame may read them (same origin, as on
/// karmada.io under `/showcase/`). Read through `Reflect`, which turns the cross-origin
/// `SecurityError` into `Err` instead of a trap.
pub(super) fn readable_parent() -> Option<(JsValue, JsValue)> {
    let parent: JsValue = window().parent().ok().flatten()?.into();
    if parent == JsValue::from(window()) {
        return None;
    }
    let document = js_sys::Reflect::get(&parent, &"document".into()).ok()?;
    (document.is_object()).then_some((parent, document))
}

/// `target.name(args…)` for an object of another realm (the parent's), where `instanceof` in
/// ours fails: the method is called as a plain function, and a throw is `None`.
pub(super) fn call_method(target: &JsValue, name: &str, args: &[JsValue]) -> Option<JsValue> {
    let method = js_sys::Reflect::get(target, &name.into()).ok()?;
    if !method.is_function() {
        return None;
    }
    let method: js_sys::Function = method.unchecked_into();
    js_sys::Reflect::apply(&method, target, &args.iter().collect::<js_sys::Array>()).ok()
}

/// The host page's `<html data-theme>` when the frame may read it: a frame the host rendered
/// in its HTML starts with the host's theme before `embed.js` has run to send it.
/// `public/prerender.js` does the same for the static first screen.
pub(super) fn same_origin_host_theme() -> Option<Theme> {
    let (_, document) = readable_parent()?;
    let root = js_sys::Reflect::get(&document, &"documentElement".into()).ok()?;
    let theme = call_method(&root, "getAttribute", &["data-theme".into()])?.as_string()?;
    Theme::parse(&theme)
}

/// The computed `font-family` of `element`, read through its own page's `window`.
fn font_of(window: &JsValue, element: &JsValue) -> Option<String> {
    if !element.is_object() {
        return None;
    }
    let computed = call_method(window, "getComputedStyle", std::slice::from_ref(element))?;
    js_sys::Reflect::get(&computed, &"fontFamily".into())
        .ok()?
        .as_string()
}

/// The app's text in the host page's font from the start (the CSS's `--font`, set on `target`),
/// the font where it stands there, which the host's copy of the first screen inherits too: the
/// frame element's, when the frame may read its parent (same origin); in-page, the one the
/// element the app is mounted in would inherit. A frame on another origin gets it with
/// `embed.js`'s theme message. `public/prerender.js` does the same for a frame's static first
/// screen.
pub(super) fn follow_host_font(target: &web_sys::Element, mode: Mode) {
    let font = match mode {
        Mode::Frame => readable_parent().and_then(|(parent, _)| {
            let frame = js_sys::Reflect::get(&window(), &"frameElement".into()).ok()?;
            font_of(&parent, &frame)
        }),
        // The element's own font is the app's (`:host`): the one it would inherit.
        Mode::Inline => target
            .parent_element()
            .and_then(|parent| font_of(&window().into(), &parent.into())),
        Mode::Page => None,
    };
    if let Some(font) = font {
        use_font(target, &font);
    }
}

/// Sets `--font` on `target` to a host's font stack, when it only names fonts
/// (`config::host_font_stack`).
pub(super) fn use_font(target: &web_sys::Element, stack: &str) {
    let Some(font) = config::host_font_stack(stack) else {
        return;
    };
    if let Ok(style) = js_sys::Reflect::get(target, &"style".into()) {
        call_method(&style, "setProperty", &["--font".into(), font.into()]);
    }
}

/// Sets the theme on `element` (`data-theme`), or clears it for automatic.
pub(super) fn apply_theme(element: &web_sys::Element, theme: Theme) {
    match theme.attribute() {
        Some(value) => {
            let _ = element.set_attribute("data-theme", value);
        }
        None => {
            let _ = element.remove_attribute("data-theme");
        }
    }
}

/// In-page mode: mirror the host's `<html data-theme>` (Docusaurus' switch) onto the shadow host.
pub(super) fn follow_host_theme(target: &web_sys::Element) {
    let Some(host_root) = document().document_element() else {
        return;
    };
    let sync = {
        let (host_root, target) = (host_root.clone(), target.clone());
        move || match host_root.get_attribute("data-theme") {
            Some(theme) => {
                let _ = target.set_attribute("data-theme", &theme);
            }
            None => {
                let _ = target.remove_attribute("data-theme");
            }
        }
    };
    sync();
    let on_change = Closure::<dyn FnMut()>::new(sync);
    if let Ok(observer) = web_sys::MutationObserver::new(on_change.as_ref().unchecked_ref()) {
        let options = web_sys::MutationObserverInit::new();
        options.set_attributes(true);
        options.set_attribute_filter(&js_sys::Array::of1(&"data-theme".into()));
        let _ = observer.observe_with_options(&host_root, &options);
    }
    on_change.forget();
}
