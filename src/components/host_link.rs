use leptos::prelude::*;
use members_feed::Lang;

use super::EXTERNAL_MARK;
use crate::i18n::strings;

/// A link that leaves the showcase, named by its site (`techatbloomberg.com ↗`, the whole
/// address in its title), opening in a new tab, which screen readers are told.
#[component]
pub fn HostLink(
    /// The address, an `http(s)` one already checked with `members_feed::safe_href`.
    href: String,
    /// The page's language (what screen readers are told).
    lang: Lang,
    /// `data-testid`, where a test drives the link.
    #[prop(optional)]
    testid: Option<&'static str>,
) -> impl IntoView {
    view! {
        <a href=href.clone() target="_blank" rel="noopener noreferrer" title=href.clone() data-testid=testid>
            {browse::labels::link_host(&href).to_string()}
            <span aria-hidden="true">{EXTERNAL_MARK}</span>
            <span class="visually-hidden">{strings(lang).opens_new_tab}</span>
        </a>
    }
}
