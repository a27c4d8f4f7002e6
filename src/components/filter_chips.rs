//! The list's active filters as chips, each removing itself, and "Clear all".

use browse::FilterState;
use leptos::callback::UnsyncCallback;
use leptos::prelude::*;
use members_feed::Lang;

use crate::i18n::{strings, use_lang};

/// After a chip's label. In an expression, not literal markup: a view that is only markup
/// becomes a template filled through `innerHTML`, which Trusted Types forbid.
const REMOVE_MARK: &str = " ×";

/// The active filters of the list's state; nothing when there are none.
#[component]
pub fn FilterChips(
    /// The list's state.
    state: Memo<FilterState>,
    /// Shows the list in another state.
    go: UnsyncCallback<FilterState>,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        let lang = lang.get();
        let text = strings(lang);
        let current = state.get();
        let active = current.active_filters();
        if active.is_empty() {
            return ().into_any();
        }
        let cleared = current.cleared();
        view! {
                <div class="chips" data-testid="active-filters">
                    <span class="chips-label">{text.active_filters}</span>
                    <ul>
                        {active
                            .into_iter()
                            .map(|filter| {
                                let label = chip_label(&filter, lang);
                                let next = current.without(&filter);
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="chip"
                                            data-testid="filter-chip"
                                            aria-label=(text.remove_filter)(&label)
                                            on:click=move |_| go.run(next.clone())
                                        >
                                            {label.clone()}
                                            <span aria-hidden="true">{REMOVE_MARK}</span>
                                        </button>
                                    </li>
                                }
                            })
                            .collect::<Vec<_>>()}
                    </ul>
                    <button type="button" class="link-button" data-testid="clear-all" on:click=move |_| go.run(cleared.clone())>
                        {text.clear_all}
                    </button>
                </div>
            }
            .into_any()
    }
}

fn chip_label(filter: &browse::ActiveFilter, lang: Lang) -> String {
    let text = strings(lang);
    match filter {
        browse::ActiveFilter::Kind(kind) => text.kinds_plural(*kind).to_string(),
        browse::ActiveFilter::Industry(value) => {
            browse::labels::industry_label(value, lang).to_string()
        }
        browse::ActiveFilter::Country(value) => {
            browse::labels::country_label(value, lang).to_string()
        }
        browse::ActiveFilter::HasCaseStudy => text.has_case_study.to_string(),
        browse::ActiveFilter::HasAnnouncement => text.has_announcement.to_string(),
        browse::ActiveFilter::Query(query) => format!("“{query}”"),
    }
}
