use browse::FilterState;
use leptos::callback::UnsyncCallback;
use leptos::leptos_dom::helpers::{set_timeout_with_handle, TimeoutHandle};
use leptos::prelude::*;

use crate::i18n::{strings, use_lang};
use crate::list_state::TYPING_PAUSE_MS;

/// What the list says when its filters and search find nobody: the query one typo away that
/// would find someone, if there is one, and a way to clear everything.
///
/// The suggestion is looked for once typing pauses: at 50,000 members looking costs about as
/// much as the rest of a keystroke, and a hint that changes with every letter helps nobody.
#[component]
pub fn EmptyResults(
    /// The list's state.
    state: Memo<FilterState>,
    /// The search that would find someone for a state (`blomberg` → `bloomberg`), if any.
    suggest: UnsyncCallback<FilterState, Option<String>>,
    /// Moves the list to another state (a new history entry).
    go: UnsyncCallback<FilterState>,
) -> impl IntoView {
    let lang = use_lang();
    let suggestion = RwSignal::new(None::<String>);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let cancel = move || {
        if let Some(pending) = timer.try_get_value().flatten() {
            pending.clear();
        }
    };
    // What the search and the filters are; the language, layout or order changes no answer.
    let looked_for = Memo::new(move |_| state.with(FilterState::active_filters));
    Effect::new(move |_| {
        // Read, not only tracked: a memo that was never read has not subscribed to the state.
        looked_for.with(|_| ());
        cancel();
        suggestion.set(None);
        let pending = set_timeout_with_handle(
            move || {
                // The list may have found someone (and this view gone) meanwhile.
                let found = state
                    .try_get_untracked()
                    .and_then(|state| suggest.try_run(state))
                    .flatten();
                let _ = suggestion.try_set(found);
            },
            std::time::Duration::from_millis(TYPING_PAUSE_MS),
        );
        timer.set_value(pending.ok());
    });
    on_cleanup(cancel);
    view! {
        <div class="empty-state" data-testid="empty-state">
            <h2>{move || strings(lang.get()).empty_title}</h2>
            <p>{move || strings(lang.get()).empty_body}</p>
            {move || suggestion.get().map(|suggested| {
                let shown = suggested.clone();
                view! {
                    <p data-testid="did-you-mean">
                        {strings(lang.get()).did_you_mean} " "
                        <button type="button" class="link-button" on:click=move |_| {
                            let mut next = state.get_untracked();
                            next.query = suggested.clone();
                            go.run(next);
                        }>{shown}</button>
                    </p>
                }
            })}
            <button type="button" class="button primary" data-testid="empty-clear" on:click=move |_| go.run(state.get_untracked().cleared())>
                {move || strings(lang.get()).clear_all}
            </button>
        </div>
    }
}
