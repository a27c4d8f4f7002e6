//! How many of the results the list shows, and its scroll position, kept per list address so
//! that "back" from a member's page returns to the same place.

use browse::FilterState;
use leptos::prelude::*;

use crate::components::FIRST_SCREEN_CARDS;
use crate::list_state::list_path;
use crate::scroll;

/// Cards rendered at first and added per "Show more": enough to fill two screens, few enough
/// that a keystroke at 50,000 members re-renders only this many.
pub const PAGE_SIZE: usize = 48;

/// The list's paging.
#[derive(Clone, Copy)]
pub struct ListPaging {
    /// How many results are shown.
    pub limit: RwSignal<usize>,
    /// How many cards the grid renders in its first pass.
    pub first_render: usize,
    /// The list's state, whose address keys the saved place.
    state: Memo<FilterState>,
}

impl ListPaging {
    /// Paging for the list whose state is `state`: back where a returning visitor left it.
    pub fn new(state: Memo<FilterState>) -> Self {
        let returning = scroll::returning_to(&list_path(&state.get_untracked()));
        scroll::showing(&list_path(&state.get_untracked()));
        let returning_limit = returning.map(|(shown, _)| shown);
        let limit = RwSignal::new(returning_limit.unwrap_or(PAGE_SIZE));
        // In a frame the host scrolls, so the frame's own position says nothing: the card of
        // the member the visitor comes back from says where they were.
        let in_frame = crate::embed::use_embed().mode == crate::embed::Mode::Frame;
        let member_back = scroll::member_to_return_to(in_frame);
        // A returning visitor's place needs every card above it at once; a fresh visit starts
        // with what the static copy of the first screen showed.
        let first_render = if returning_limit.is_some() || member_back.is_some() {
            usize::MAX
        } else {
            FIRST_SCREEN_CARDS
        };
        // A new filter starts from the top of the list, whose place is kept from then on.
        Effect::new(move |previous: Option<FilterState>| {
            let current = state.get();
            if previous
                .as_ref()
                .is_some_and(|previous| previous.without_display() != current.without_display())
                && limit.get_untracked() != PAGE_SIZE
            {
                limit.set(PAGE_SIZE);
            }
            // The memo changes only when the state does.
            if previous.is_some() {
                scroll::showing_anew(&list_path(&current));
            }
            current
        });
        if let Some((_, y)) = returning {
            scroll::restore_after_render(y);
        }
        if let Some(id) = member_back {
            scroll::return_to_card_after_render(id, in_frame);
        }
        // Remember the place continuously: by the time a card's link is followed the list may
        // be gone, and browser back may come from anywhere.
        let scroll_listener = window_event_listener(leptos::ev::scroll, move |_| {
            scroll::save(&list_path(&state.get_untracked()), limit.get_untracked());
        });
        on_cleanup(move || scroll_listener.remove());
        Self {
            limit,
            first_render,
            state,
        }
    }

    /// One more page of results.
    pub fn show_more(&self) {
        self.limit.update(|limit| *limit += PAGE_SIZE);
        // Kept at once: in a frame the page never scrolls, and the way back to a card past the
        // first page needs the cards above it.
        scroll::save(
            &list_path(&self.state.get_untracked()),
            self.limit.get_untracked(),
        );
    }
}
