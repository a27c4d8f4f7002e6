use leptos::prelude::*;
use members_feed::Kind;

use crate::i18n::{strings, use_lang};

/// The kinds of a member as small coloured badges.
#[component]
pub fn KindBadges(
    /// The member's kinds, in feed order.
    #[prop(into)]
    kinds: Signal<Vec<Kind>>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <ul class="kind-badges">
            {move || kinds
                .get()
                .into_iter()
                .map(|kind| {
                    view! {
                        <li class=format!("kind-badge kind-{}", kind.as_str()) data-kind=kind.as_str()>
                            {move || strings(lang.get()).kind(kind)}
                        </li>
                    }
                })
                .collect::<Vec<_>>()}
        </ul>
    }
}
