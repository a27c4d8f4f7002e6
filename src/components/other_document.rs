use browse::route::Route;
use leptos::prelude::*;

use crate::i18n::{strings, use_lang};
use crate::router::{document_href, use_location};

/// A route this binary does not draw (another binary's page, ARCHITECTURE.md): a link to its
/// document, keeping the address's query. The binary's own links go there directly; this is
/// for a host that serves one document at every address, or an in-page host's address below
/// such a route.
#[component]
pub fn OtherDocument(
    /// The route whose page is another document.
    route: Route,
) -> impl IntoView {
    let lang = use_lang();
    let search = use_location().search;
    let path = route.path();
    let href = move || {
        search.with(|search| match search.is_empty() {
            true => document_href(&path),
            false => document_href(&format!("{path}?{search}")),
        })
    };
    let title = move || {
        let text = strings(lang.get());
        text.page_of(&route)
            .map_or(text.page_title, |(title, _)| title)
    };
    view! {
        <div class="other-document" data-testid="other-document">
            <h1>
                <a href=href rel="external" data-testid="other-document-link">
                    {title}
                </a>
            </h1>
        </div>
    }
}
