//! What the list and the views opened from it share: the feed with its search index, the
//! list's state in the address bar, and the list's address for a state.

use std::sync::Arc;

use browse::{FilterState, SearchIndex};
use leptos::prelude::*;

use crate::embed::EmbedConfig;
use crate::net::LoadedFeed;
use crate::router::use_location;

/// The feed with its search index, built once per feed.
#[derive(Clone)]
pub struct IndexedFeed {
    pub feed: LoadedFeed,
    pub index: Arc<SearchIndex>,
}

impl IndexedFeed {
    /// Indexes `feed`, keeping only the kinds the embedding host asked for (if it did).
    pub fn new(mut feed: LoadedFeed, config: &EmbedConfig) -> Self {
        if !config.kinds.is_empty() {
            feed.members = feed
                .members
                .iter()
                .filter(|member| member.kinds.iter().any(|kind| config.kinds.contains(kind)))
                .cloned()
                .collect();
        }
        let index = Arc::new(SearchIndex::new(&feed.members));
        IndexedFeed { feed, index }
    }
}

/// The filter state in the address bar (`?kind=adopter&q=gpu…`), parsed; every view is a link.
pub fn use_filter_state() -> Memo<FilterState> {
    let location = use_location();
    Memo::new(move |_| FilterState::from_query(&location.search.get()))
}

/// The in-app URL of the list showing `state`.
pub fn list_path(state: &FilterState) -> String {
    match state.to_query() {
        query if query.is_empty() => "/".into(),
        query => format!("/?{query}"),
    }
}
