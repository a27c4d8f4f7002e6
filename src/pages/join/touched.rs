//! Which fields of the join form the visitor has left, so that each shows its error.

use std::collections::BTreeSet;
use std::time::Duration;

use leptos::prelude::*;

/// The fields a visitor has left: each shows its error from then on, not while its first
/// characters are typed. A field left by pressing on something else (a button, a checkbox) is
/// marked only once the press is over and its click delivered: the error line, drawn as the
/// press begins, would move what was pressed, and the click would land beside it.
#[derive(Clone, Copy)]
pub(super) struct Touched {
    left: RwSignal<BTreeSet<&'static str>>,
    /// A pointer is down: what it pressed has not had its click yet.
    pressing: StoredValue<bool>,
    /// Fields left and not yet marked.
    waiting: StoredValue<Vec<&'static str>>,
}

impl Touched {
    /// No field left yet; listens to the pointer for as long as the form is mounted.
    pub fn new() -> Touched {
        let touched = Touched {
            left: RwSignal::new(BTreeSet::new()),
            pressing: StoredValue::new(false),
            waiting: StoredValue::new(Vec::new()),
        };
        // The main button only: another may open a menu that takes its release, which would
        // leave a press that never ends, and the errors of fields left by Tab unshown.
        let down = window_event_listener(leptos::ev::pointerdown, move |event| {
            if event.button() == 0 {
                touched.pressing.try_set_value(true);
            }
        });
        let released = move || {
            touched.pressing.try_set_value(false);
            touched.mark_soon();
        };
        let up = window_event_listener(leptos::ev::pointerup, move |_| released());
        let cancel = window_event_listener(leptos::ev::pointercancel, move |_| released());
        // A press whose release the page never sees (the window left while pressing).
        let away = window_event_listener(leptos::ev::blur, move |_| released());
        on_cleanup(move || {
            down.remove();
            up.remove();
            cancel.remove();
            away.remove();
        });
        touched
    }

    /// Whether field `id` has been left (tracked).
    pub fn contains(&self, id: &str) -> bool {
        self.left.read().contains(id)
    }

    /// Field `id` was left: marked after the task that left it (a tap's click comes in that
    /// task), or after the press that left it.
    pub fn leave(&self, id: &'static str) {
        // Gone with the form (a blur as it goes): nothing to mark.
        if self
            .waiting
            .try_update_value(|waiting| waiting.push(id))
            .is_none()
        {
            return;
        }
        if !self.pressing.try_get_value().unwrap_or(false) {
            self.mark_soon();
        }
    }

    /// Forgets every field left (a cleared draft).
    pub fn clear(&self) {
        self.waiting.update_value(Vec::clear);
        self.left.set(BTreeSet::new());
    }

    fn mark_soon(self) {
        set_timeout(move || self.mark_waiting(), Duration::ZERO);
    }

    fn mark_waiting(self) {
        let Some(waiting) = self.waiting.try_update_value(std::mem::take) else {
            return;
        };
        if !waiting.is_empty() {
            self.left.try_update(|left| left.extend(waiting));
        }
    }
}
