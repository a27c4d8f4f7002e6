use browse::Sort;
use leptos::callback::UnsyncCallback;
use leptos::prelude::*;

use crate::i18n::{strings, use_lang};

/// The list's order (`sort=`): by name, newest first, or members with a story first.
#[component]
pub fn SortSelect(
    /// The order the address asks for.
    #[prop(into)]
    current: Signal<Sort>,
    /// Called with the order the visitor picks.
    choose: UnsyncCallback<Sort>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <label class="sort">
            <span>{move || strings(lang.get()).sort_label}</span>
            <select data-testid="sort" on:change=move |event| choose.run(Sort::parse(&event_target_value(&event)).unwrap_or_default())>
                {move || {
                    let text = strings(lang.get());
                    Sort::ALL
                        .into_iter()
                        .map(|sort| view! { <option value=sort.as_str() selected=sort == current.get()>{text.sort(sort)}</option> })
                        .collect::<Vec<_>>()
                }}
            </select>
        </label>
    }
}
