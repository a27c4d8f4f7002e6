use leptos::prelude::*;

use crate::i18n::{strings, use_lang};

/// What was not found: the title and text of the page say which.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    /// An address the app has no page for.
    Page,
    /// A member's address with no such member.
    Member,
}

/// "Not found" with a way back to the list, and the members the address may have meant.
#[component]
pub fn NotFoundView(
    /// Whether a page or a member is missing.
    missing: Missing,
    /// Where "back" leads (the list, keeping its filters when known).
    back_href: String,
    /// Members the address was probably after, as (link, name), closest first.
    #[prop(optional)]
    suggestions: Vec<(String, String)>,
) -> impl IntoView {
    let lang = use_lang();
    let texts = move |lang| {
        let text = strings(lang);
        match missing {
            Missing::Page => (text.page_not_found_title, text.page_not_found_body),
            Missing::Member => (text.not_found_title, text.not_found_body),
        }
    };
    let suggested = (!suggestions.is_empty()).then(|| {
        view! {
            <p>{move || strings(lang.get()).did_you_mean}</p>
            <ul class="suggestions" data-testid="not-found-suggestions">
                {suggestions
                    .into_iter()
                    .map(|(href, name)| view! { <li><a href=href class="name">{name}</a></li> })
                    .collect::<Vec<_>>()}
            </ul>
        }
    });
    view! {
        <section class="not-found" data-testid="not-found">
            <h1>{move || texts(lang.get()).0}</h1>
            <p>{move || texts(lang.get()).1}</p>
            {suggested}
            <a class="button primary" href=back_href data-testid="back-to-list">{move || strings(lang.get()).back_to_list}</a>
        </section>
    }
}
