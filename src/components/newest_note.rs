use std::sync::Arc;

use browse::Sort;
use leptos::prelude::*;
use members_feed::Member;

use crate::i18n::{strings, use_lang};

/// Newest first, the order is a date's only for members that have one: how many of those shown
/// do, when not all of them (the others follow by name). Nothing in another order.
#[component]
pub fn NewestNote(
    /// The feed's members.
    members: Arc<[Member]>,
    /// The members shown, as positions in `members`.
    results: Memo<Vec<usize>>,
    /// The list's order.
    sort: Memo<Sort>,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        (sort.get() == Sort::Newest).then(|| {
            let shown = results.read();
            let dated = shown
                .iter()
                .filter(|&&at| members.get(at).and_then(browse::date_of).is_some())
                .count();
            (dated < shown.len()).then(|| {
                view! {
                    <p class="notice" data-testid="newest-note">{(strings(lang.get()).newest_note)(dated, shown.len())}</p>
                }
            })
        })
    }
}
