//! `?debug=feed`: what validation did to the feed, for maintainers checking a change.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{strings, use_lang};

/// Problems `?debug=feed` lists: a feed with 100,000 broken entries would otherwise build as
/// many rows in one task. The count says how many there are.
const DIAGNOSTICS_SHOWN: usize = 500;

/// `?debug=feed`: the entries of the feed that were skipped or trimmed, with their JSON paths,
/// for maintainers checking a feed change.
#[component]
pub fn FeedDiagnostics(
    /// What validation reported.
    problems: Arc<[members_feed::Problem]>,
    /// Filters of the address that no member has, dropped from the view.
    #[prop(into)]
    ignored_filters: Signal<usize>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <details class="diagnostics" data-testid="feed-debug" open>
            <summary>{move || strings(lang.get()).debug_title} " (" {problems.len()} ")"</summary>
            {move || (ignored_filters.get() > 0).then(|| view! {
                <p data-testid="feed-debug-ignored">{(strings(lang.get()).ignored_filters)(ignored_filters.get())}</p>
            })}
            <ul>
                {problems
                    .iter()
                    .take(DIAGNOSTICS_SHOWN)
                    .map(|problem| {
                        let severity = match problem.severity {
                            members_feed::Severity::Skipped => "skipped",
                            members_feed::Severity::Dropped => "dropped",
                            members_feed::Severity::Cleaned => "cleaned",
                        };
                        view! {
                            <li data-severity=severity>
                                <code>{problem.path.clone()}</code>
                                ": "
                                {problem.reason.clone()}
                                " (" {severity} ")"
                            </li>
                        }
                    })
                    .collect::<Vec<_>>()}
                {(problems.len() > DIAGNOSTICS_SHOWN).then(|| view! {
                    <li data-testid="feed-debug-more">{format!("… +{}", problems.len() - DIAGNOSTICS_SHOWN)}</li>
                })}
            </ul>
        </details>
    }
}
