//! Progressive rendering of a list that changes while the visitor types. Building a card costs
//! far more than finding it, so after a change only about a screenful is built in the same
//! frame; the rest follows in idle time, a batch at a time, so keystrokes are never queued
//! behind cards nobody can see yet.

use leptos::leptos_dom::helpers::{
    request_animation_frame_with_handle, request_idle_callback_with_handle,
    set_timeout_with_handle, AnimationFrameRequestHandle, IdleCallbackHandle, TimeoutHandle,
};
use leptos::prelude::*;

/// A scheduled batch, cancelled when the list changes again before it runs.
#[derive(Clone, Copy)]
enum Pending {
    Frame(AnimationFrameRequestHandle),
    Idle(IdleCallbackHandle),
    Timeout(TimeoutHandle),
}

impl Pending {
    fn cancel(self) {
        match self {
            Pending::Frame(handle) => handle.cancel(),
            Pending::Idle(handle) => handle.cancel(),
            Pending::Timeout(handle) => handle.clear(),
        }
    }
}

/// Runs `work` when the browser is idle after the next frame is painted; where
/// `requestIdleCallback` is missing (older Safari), in a task of its own after that frame.
/// Asking in the frame matters: an idle period can also come between a keystroke and its
/// frame, and a batch there would delay the very frame that shows the keystroke.
fn after_next_paint_when_idle(work: impl Fn() + 'static, pending: PendingSlot) {
    let work = std::rc::Rc::new(work);
    let frame = request_animation_frame_with_handle(move || {
        let idle = {
            let work = work.clone();
            request_idle_callback_with_handle(move || work())
        };
        let batch = match idle {
            Ok(handle) => Some(Pending::Idle(handle)),
            Err(_) => {
                let work = work.clone();
                set_timeout_with_handle(move || work(), std::time::Duration::ZERO)
                    .ok()
                    .map(Pending::Timeout)
            }
        };
        let _ = pending.try_set_value(batch);
    });
    pending.set_value(frame.ok().map(Pending::Frame));
}

type PendingSlot = StoredValue<Option<Pending>, LocalStorage>;

/// How many items of a changing list to render now. Until `changes` first changes, all
/// (`usize::MAX`): the first render is whole, so a returning visitor's scroll position exists.
/// After each change, `at_once`, raised by `at_once` per idle period until `wanted` items are
/// rendered, when it is `usize::MAX` again.
///
/// The count belongs to the change it was made for, so a list that changes again starts from
/// `at_once` in the same reactive pass instead of first rendering the old count.
pub fn progressive_count<T>(
    changes: Memo<T>,
    wanted: Signal<usize>,
    at_once: usize,
) -> Signal<usize>
where
    T: Send + Sync + PartialEq + 'static,
{
    let generation = Memo::new(move |previous: Option<&u64>| {
        // Read, not just tracked: a memo that only ever is tracked is never computed, so it
        // would never change.
        changes.with(|_| ());
        previous.map_or(0, |generation| generation + 1)
    });
    // (generation it was raised for, count)
    let raised = RwSignal::new((0_u64, usize::MAX));
    let pending = StoredValue::new_local(None::<Pending>);

    Effect::new(move |_| {
        let current = generation.get();
        cancel_pending(pending);
        if current > 0 {
            schedule_batch(current, generation, raised, wanted, pending, at_once);
        }
    });
    on_cleanup(move || cancel_pending(pending));

    Signal::derive(move || match generation.get() {
        0 => usize::MAX,
        current => count_for(current, raised.get(), at_once),
    })
}

/// The count for the change `generation`: what was raised for it, else `at_once`.
fn count_for(generation: u64, (made_for, count): (u64, usize), at_once: usize) -> usize {
    if made_for == generation {
        count
    } else {
        at_once
    }
}

fn cancel_pending(pending: PendingSlot) {
    if let Some(batch) = pending.try_update_value(Option::take).flatten() {
        batch.cancel();
    }
}

fn schedule_batch(
    made_for: u64,
    generation: Memo<u64>,
    raised: RwSignal<(u64, usize)>,
    wanted: Signal<usize>,
    pending: PendingSlot,
    at_once: usize,
) {
    after_next_paint_when_idle(
        move || {
            if generation.try_get_untracked() != Some(made_for) {
                return;
            }
            let shown = count_for(made_for, raised.get_untracked(), at_once);
            let next = shown.saturating_add(at_once);
            if next >= wanted.get_untracked() {
                raised.set((made_for, usize::MAX));
                pending.set_value(None);
            } else {
                raised.set((made_for, next));
                schedule_batch(made_for, generation, raised, wanted, pending, at_once);
            }
        },
        pending,
    );
}
