use leptos::prelude::*;
use members_feed::Lang;

use crate::i18n::strings;

/// The id of the live region that announces a new page.
pub const ROUTE_ANNOUNCER: &str = "route-announcer";

/// What surrounds every route: on a page of its own, the skip link and the `<main>` landmark;
/// embedded, a labelled section (the host page has its own `<main>` and skip link, and a second
/// one would confuse them). The app and the static pages both draw it, so they match.
#[component]
pub fn PageChrome(
    /// `showcase` and the embedding's classes (card size, `embedded`).
    classes: String,
    /// Whether the showcase is inside a host page (frame or in-page).
    embedded: bool,
    /// The page's language.
    #[prop(into)]
    lang: Signal<Lang>,
    /// The route's view.
    children: Children,
) -> impl IntoView {
    if embedded {
        return view! {
            <div class=classes>
                <section class="showcase-content" aria-label=move || strings(lang.get()).page_title>{children()}</section>
            </div>
        }
        .into_any();
    }
    view! {
        <div class=classes>
            <a class="skip-link" href="#main-content">{move || strings(lang.get()).skip_to_results}</a>
            // Says the new page's title after an in-app navigation (`set_document_meta`).
            <p id=ROUTE_ANNOUNCER class="visually-hidden" role="status" aria-live="polite"></p>
            <main id="main-content" tabindex="-1">{children()}</main>
        </div>
    }
    .into_any()
}
