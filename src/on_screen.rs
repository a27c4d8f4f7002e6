//! Which slots of a list are on screen, as the browser reports them. The card grid updates
//! those in the frame of a change and leaves the rest to idle time: what a keystroke costs then
//! follows what the visitor can see (six cards in a 1280×720 window, fewer on a phone, more on
//! a large monitor), not a fixed guess. An `IntersectionObserver` with the implicit root measures
//! against the top-level viewport, so this also holds inside embed.js's iframe, which grows to
//! its full height and so has every card inside its own viewport.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry};

/// The attribute that tells the observer's callback which slot an element is.
const SLOT_ATTRIBUTE: &str = "data-slot";

type Callback = Closure<dyn FnMut(js_sys::Array)>;

/// The slots on screen, kept up to date by an `IntersectionObserver` for as long as the
/// reactive owner that made it lives. Copy, so views and memos can hold it.
#[derive(Clone, Copy)]
pub struct OnScreenSlots {
    observer: StoredValue<Option<(IntersectionObserver, Callback)>, LocalStorage>,
    /// By slot position: on screen or not.
    shown: StoredValue<Vec<bool>, LocalStorage>,
}

impl OnScreenSlots {
    /// Starts observing; stops when the current owner is cleaned up. Where the browser has no
    /// `IntersectionObserver`, nothing is ever reported on screen.
    pub fn start() -> OnScreenSlots {
        let shown = StoredValue::new_local(Vec::<bool>::new());
        let observe = move || {
            let callback: Callback = Closure::new(move |entries: js_sys::Array| {
                // `try_`: records delivered as the grid goes find nothing to update.
                shown.try_update_value(|shown| {
                    for index in 0..entries.length() {
                        let entry: IntersectionObserverEntry = entries.get(index).unchecked_into();
                        let Some(position) = slot_of(&entry.target()) else {
                            continue;
                        };
                        if shown.len() <= position {
                            shown.resize(position + 1, false);
                        }
                        shown[position] = entry.is_intersecting();
                    }
                });
            });
            IntersectionObserver::new(callback.as_ref().unchecked_ref())
                .ok()
                .map(|observer| (observer, callback))
        };
        // Natively (static pages) nothing is on a screen.
        let observer = cfg!(target_arch = "wasm32").then(observe).flatten();
        let observer = StoredValue::new_local(observer);
        on_cleanup(move || {
            if let Some(Some((observer, _))) = observer.try_update_value(Option::take) {
                observer.disconnect();
            }
        });
        OnScreenSlots { observer, shown }
    }

    /// Reports `element` as slot `position` from now on.
    pub fn observe(self, element: &Element, position: usize) {
        let _ = element.set_attribute(SLOT_ATTRIBUTE, &position.to_string());
        // `try_`: an effect must not panic if the grid was disposed before it ran.
        self.observer.try_with_value(|observer| {
            if let Some((observer, _)) = observer {
                observer.observe(element);
            }
        });
    }

    /// How many slots from the top it takes to cover every slot on screen: one past the last
    /// one on screen. `None` while none is (the list is scrolled out of view, or the browser
    /// has not reported yet).
    pub fn through_last(self) -> Option<usize> {
        self.shown
            .try_with_value(|shown| shown.iter().rposition(|&on| on).map(|last| last + 1))
            .flatten()
    }
}

fn slot_of(element: &Element) -> Option<usize> {
    element.get_attribute(SLOT_ATTRIBUTE)?.parse().ok()
}
