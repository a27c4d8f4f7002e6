//! Progressive rendering of a list that changes while the visitor types. Building a card costs
//! far more than finding it, so after a change only what is on screen is built in the same
//! frame; the rest follows in idle time, a batch at a time, so keystrokes are never queued
//! behind cards nobody can see yet.

use leptos::leptos_dom::helpers::{
    request_animation_frame_with_handle, set_timeout_with_handle, window,
    AnimationFrameRequestHandle, TimeoutHandle,
};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The longest a batch waits for an idle period. After a click, headless Chromium went more
/// than a second without one (the facet test in `tests/e2e/browse.spec.ts` caught cards still
/// hidden that long); typing at a usual pace still leaves the batches to the gaps between
/// keystrokes.
const IDLE_DEADLINE_MS: u32 = 200;

/// A scheduled batch, cancelled when the list changes again before it runs.
#[derive(Clone, Copy)]
enum Pending {
    Frame(AnimationFrameRequestHandle),
    Idle(u32),
    Timeout(TimeoutHandle),
}

impl Pending {
    fn cancel(self) {
        match self {
            Pending::Frame(handle) => handle.cancel(),
            Pending::Idle(handle) => window().cancel_idle_callback(handle),
            Pending::Timeout(handle) => handle.clear(),
        }
    }
}

/// Runs `work` when the browser is idle after the next frame is painted, or
/// [`IDLE_DEADLINE_MS`] after it at the latest; where `requestIdleCallback` is missing (older
/// Safari), in a task of its own after that frame.
/// Asking in the frame matters: an idle period can also come between a keystroke and its
/// frame, and a batch there would delay the very frame that shows the keystroke.
fn after_next_paint_when_idle(work: impl Fn() + 'static, pending: PendingSlot) {
    let work = std::rc::Rc::new(work);
    let frame = request_animation_frame_with_handle(move || {
        let idle = {
            let work = work.clone();
            let callback = Closure::once_into_js(move || work());
            let options = web_sys::IdleRequestOptions::new();
            options.set_timeout(IDLE_DEADLINE_MS);
            window().request_idle_callback_with_options(callback.unchecked_ref(), &options)
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

/// How many items of a changing list to render now. Until `changes` first changes,
/// `first_render`, raised by `batch` per idle period like any change's first batch; with
/// `usize::MAX` the first render is whole (a returning visitor's scroll position needs every
/// item up to it). After each change, `first_batch()` as asked at the change (what is on
/// screen then), raised by `batch` per idle period until `wanted` items are rendered, when it
/// is `usize::MAX` again.
///
/// The count belongs to the change it was made for, so a list that changes again starts from
/// its first batch in the same reactive pass instead of first rendering the old count.
pub fn progressive_count<T>(
    changes: Memo<T>,
    wanted: Signal<usize>,
    first_render: usize,
    first_batch: impl Fn() -> usize + Send + Sync + 'static,
    batch: usize,
) -> Signal<usize>
where
    T: Send + Sync + PartialEq + 'static,
{
    // (generation, its first batch)
    let generation = Memo::new(move |previous: Option<&(u64, usize)>| {
        // Read, not just tracked: a memo that only ever is tracked is never computed, so it
        // would never change.
        changes.with(|_| ());
        // Generation 0's first batch is never used: `raised` starts out as `first_render`.
        (
            previous.map_or(0, |(generation, _)| generation + 1),
            first_batch(),
        )
    });
    // (generation it was raised for, count)
    let raised = RwSignal::new((0_u64, first_render));
    let pending = StoredValue::new_local(None::<Pending>);

    Effect::new(move |_| {
        let current = generation.get();
        cancel_pending(pending);
        if current.0 > 0 || first_render != usize::MAX {
            schedule_batch(current, generation, raised, wanted, pending, batch);
        }
    });
    on_cleanup(move || cancel_pending(pending));

    Signal::derive(move || count_for(generation.get(), raised.get()))
}

/// The count for the change `generation`: what was raised for it, else its first batch.
fn count_for((generation, first_batch): (u64, usize), (made_for, count): (u64, usize)) -> usize {
    if made_for == generation {
        count
    } else {
        first_batch
    }
}

fn cancel_pending(pending: PendingSlot) {
    if let Some(batch) = pending.try_update_value(Option::take).flatten() {
        batch.cancel();
    }
}

fn schedule_batch(
    made_for: (u64, usize),
    generation: Memo<(u64, usize)>,
    raised: RwSignal<(u64, usize)>,
    wanted: Signal<usize>,
    pending: PendingSlot,
    batch: usize,
) {
    after_next_paint_when_idle(
        move || {
            if generation.try_get_untracked() != Some(made_for) {
                return;
            }
            let shown = count_for(made_for, raised.get_untracked());
            let next = shown.saturating_add(batch);
            if next >= wanted.get_untracked() {
                raised.set((made_for.0, usize::MAX));
                pending.set_value(None);
            } else {
                raised.set((made_for.0, next));
                schedule_batch(made_for, generation, raised, wanted, pending, batch);
            }
        },
        pending,
    );
}
