use browse::FilterState;
use leptos::callback::UnsyncCallback;
use leptos::prelude::*;

use crate::i18n::{strings, use_lang};

/// What the list says when its filters and search find nobody: the query one typo away that
/// would find someone, if there is one, and a way to clear everything.
#[component]
pub fn EmptyResults(
    /// The list's state.
    state: Memo<FilterState>,
    /// The search that would find someone (`blomberg` → `bloomberg`), if any.
    suggestion: Memo<Option<String>>,
    /// Moves the list to another state (a new history entry).
    go: UnsyncCallback<FilterState>,
) -> impl IntoView {
    let lang = use_lang();
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
