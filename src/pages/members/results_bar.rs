//! The bar over the results: the phone's filters button, how many are shown, and the order.

use browse::Sort;
use leptos::callback::UnsyncCallback;
use leptos::prelude::*;

use crate::components::{ChoiceMenu, FilterSheet};
use crate::i18n::{strings, use_lang, Strings};

/// "Filters (2)" (a phone's way to the facets, hidden beside the list), "Showing 3 of 46
/// members" (announced as it changes) and the sort menu.
#[component]
pub(super) fn ResultsBar(
    /// The phone's facet sheet.
    filters: FilterSheet,
    /// Whether the embedding shows any facet.
    any_facet: bool,
    /// How many facet options are ticked.
    ticked: Memo<usize>,
    /// How many of how many members are shown, in words.
    count: Signal<String>,
    /// The list's order.
    sort: Memo<Sort>,
    /// Called with the order the visitor picks.
    on_sort: UnsyncCallback<Sort>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="results-bar">
            // On a phone the facets wait behind this button (CSS shows it below 760 px) in a
            // sheet over the list, so the cards start on the first screen; beside the list it
            // is hidden.
            <button
                type="button"
                class="button filters-toggle"
                class:hidden=!any_facet
                node_ref=filters.toggle
                data-testid="filters-toggle"
                aria-expanded=move || filters.open.get().to_string()
                aria-controls="facet-groups"
                on:click=move |_| filters.toggle_open()
            >
                {move || (strings(lang.get()).filters_toggle)(ticked.get())}
            </button>
            <p id="result-count" class="result-count" data-testid="result-count" role="status" aria-live="polite">
                {count}
            </p>
            <ChoiceMenu class="sort" label=|text| text.sort_label testid="sort" choices=&Sort::ALL value=Sort::as_str name=Strings::sort current=sort choose=on_sort />
        </div>
    }
}
