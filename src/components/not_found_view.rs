use leptos::prelude::*;

use crate::i18n::{strings, use_lang};

/// "Not found" with a way back to the list.
#[component]
pub fn NotFoundView(
    /// Where "back" leads (the list, keeping its filters when known).
    back_href: String,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="not-found" data-testid="not-found">
            <h1>{move || strings(lang.get()).not_found_title}</h1>
            <p>{move || strings(lang.get()).not_found_body}</p>
            <a class="button primary" href=back_href data-testid="back-to-list">{move || strings(lang.get()).back_to_list}</a>
        </section>
    }
}
