//! The list's state and how its controls change it. The address bar is the truth, except for
//! what is being typed: the list follows the search box at once and the address bar once typing
//! pauses, because writing history on every keystroke costs the main thread more than filtering
//! 10,000 members does.

use browse::FilterState;
use leptos::callback::UnsyncCallback;
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;

use crate::list_state::{list_path, TYPING_PAUSE_MS};
use crate::router::{use_navigate, NavigateOptions};

/// The list's state and the callbacks its controls call.
#[derive(Clone, Copy)]
pub struct ListController {
    /// What the list shows: the address bar's state with the search box's unsaved text.
    pub state: Memo<FilterState>,
    /// A new list state from a control: a new history entry.
    pub go_to: UnsyncCallback<FilterState>,
    /// The search box's text at each keystroke.
    pub on_search: UnsyncCallback<String>,
    /// The search box was left: what it holds goes to the address bar now.
    pub on_leave_search: UnsyncCallback<()>,
}

impl ListController {
    /// The controller over `url_state`, the address bar's (known) list state.
    pub fn new(url_state: Memo<FilterState>) -> Self {
        // What was typed in the search box and is not in the address bar yet.
        let unsaved_query = RwSignal::new(None::<String>);
        let state = Memo::new(move |_| {
            let mut state = url_state.get();
            if let Some(query) = unsaved_query.get() {
                state.query = query;
            }
            state
        });
        let save_timer = StoredValue::new(None::<TimeoutHandle>);
        let cancel_save = move || {
            if let Some(timer) = save_timer.get_value() {
                timer.clear();
                save_timer.set_value(None);
            }
        };
        // Any change of the address bar (ours, back/forward, a link) makes it the truth again.
        Effect::new(move |_| {
            url_state.track();
            if unsaved_query.read_untracked().is_some() {
                unsaved_query.set(None);
            }
        });
        on_cleanup(cancel_save);

        let navigate = use_navigate();
        let go = move |next: FilterState, replace: bool| {
            cancel_save();
            navigate(
                &list_path(&next),
                NavigateOptions {
                    replace,
                    scroll: false,
                },
            );
        };
        let go_to = UnsyncCallback::new({
            let go = go.clone();
            move |next: FilterState| go(next, false)
        });
        // Typing replaces the current history entry (a search is refined, not a new place), late.
        let save_query = StoredValue::new_local(move || {
            if unsaved_query.read_untracked().is_some() {
                go(state.get_untracked(), true);
            }
        });
        let on_search = UnsyncCallback::new(move |value: String| {
            unsaved_query.set(Some(value));
            cancel_save();
            let timer = set_timeout_with_handle(
                move || save_query.with_value(|save| save()),
                std::time::Duration::from_millis(TYPING_PAUSE_MS),
            );
            save_timer.set_value(timer.ok());
        });
        let on_leave_search =
            UnsyncCallback::new(move |()| save_query.try_with_value(|save| save()).unwrap_or(()));
        Self {
            state,
            go_to,
            on_search,
            on_leave_search,
        }
    }

    /// A callback for a control that sets one thing of the state (`apply`): a new history entry.
    pub fn setter<T: 'static>(&self, apply: fn(&mut FilterState, T)) -> UnsyncCallback<T> {
        let (state, go_to) = (self.state, self.go_to);
        UnsyncCallback::new(move |value: T| {
            let mut next = state.get_untracked();
            apply(&mut next, value);
            go_to.run(next);
        })
    }
}
