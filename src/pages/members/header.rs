//! The list's header (title, language, the links to adoption at a glance and the logo wall)
//! and its invitation to join.

use browse::route::Route;
use browse::FilterState;
use leptos::prelude::*;
use members_feed::Lang;

use crate::components::{LanguageSwitch, FORWARD_MARK};
use crate::i18n::{strings, use_lang};
use crate::list_state::with_carried;
use crate::router::{document_href, join_path};

/// The address of another binary's page (DEVELOPERS.md, "Pages with their own binary"), in
/// `lang` (else the list's) and as embedded as the list.
fn elsewhere(kept: &FilterState, path: &str, lang: Option<Lang>) -> String {
    let carried = FilterState {
        lang: lang.or(kept.lang),
        ..kept.clone()
    };
    document_href(&with_carried(path, &carried))
}

/// The title row, the intro with its links, and "How to join".
#[component]
pub(crate) fn ListHeader(
    /// What links to other pages keep of the list's state (its language and embedding).
    kept: Memo<FilterState>,
    /// In a frame, whose header is hidden: no invisible links to tab to.
    embedded: bool,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <header class="page-header" class:visually-hidden=embedded>
            <div class="title-row">
                <h1>{move || strings(lang.get()).page_title}</h1>
                // Embedded, the host chooses the language (and this header is hidden).
                {(!embedded).then(|| view! { <LanguageSwitch /> })}
            </div>
            <p class="intro">{move || strings(lang.get()).page_intro} " "
                {(!embedded).then(|| view! { <OtherPages kept=kept /> })}
            </p>
        </header>
        <aside class="join-cta" aria-label=move || strings(lang.get()).join_cta>
            <p>{move || strings(lang.get()).join_cta_body}</p>
            <a class="button primary" data-testid="join-cta" href=move || elsewhere(&kept.read(), &join_path(None, None), Some(lang.get()))>
                {move || strings(lang.get()).join_cta}
            </a>
        </aside>
        // In a frame, whose header is hidden, they stand on their own under the invitation.
        {embedded.then(|| view! { <p class="intro other-pages"><OtherPages kept=kept /></p> })}
    }
}

/// The links to adoption at a glance and the logo wall, each a page of its own binary.
#[component]
fn OtherPages(
    /// What the links keep of the list's state (its language and embedding).
    kept: Memo<FilterState>,
) -> impl IntoView {
    let lang = use_lang();
    let link = move |route: Route| move || elsewhere(&kept.read(), &route.path(), None);
    view! {
        <a data-testid="stats-link" href=link(Route::Stats)>{move || strings(lang.get()).stats_title}<span aria-hidden="true">{FORWARD_MARK}</span></a>
        " · "
        <a data-testid="logos-link" href=link(Route::Logos)>{move || strings(lang.get()).logos_title}<span aria-hidden="true">{FORWARD_MARK}</span></a>
    }
}
