//! What the list and the views opened from it share: the feed with its search index, the
//! list's state in the address bar, and the list's address for a state.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use browse::route::Route;
use browse::{FacetVocabulary, FilterState, SearchIndex};
use leptos::prelude::*;
use members_feed::Lang;

use crate::embed::EmbedConfig;
use crate::net::LoadedFeed;
use crate::router::{use_location, use_route};

/// How long typing pauses before the list does what waits for a pause: writing the search to
/// the address bar (leaving the search box writes it at once, so a card or another control
/// never sees the older address) and looking for the search a typo away when it finds nobody.
pub const TYPING_PAUSE_MS: u64 = 300;

/// The feed with its search index, built once per feed.
#[derive(Clone)]
pub struct IndexedFeed {
    pub feed: LoadedFeed,
    pub index: Arc<SearchIndex>,
    /// The orders asked for most recently ([`IndexedFeed::order`]).
    orders: Arc<Mutex<Vec<KeptOrder>>>,
    /// Members per industry, counted once when first asked ([`IndexedFeed::industry_count`]).
    industries: Arc<OnceLock<HashMap<String, usize>>>,
    /// The values an address may filter by, gathered once when first asked.
    vocabulary: Arc<OnceLock<FacetVocabulary>>,
}

/// A state and the members it shows, in order.
type KeptOrder = (FilterState, Arc<[usize]>);

/// Orders [`IndexedFeed::order`] keeps: a member's page asks for the list it came from and for
/// its industry's, and consecutive pages (every static page) ask for the same few.
const KEPT_ORDERS: usize = 16;

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
        IndexedFeed {
            feed,
            index,
            orders: Arc::default(),
            industries: Arc::default(),
            vocabulary: Arc::default(),
        }
    }

    /// The industries and countries of the members: what the address's filters may name.
    pub fn vocabulary(&self) -> &FacetVocabulary {
        self.vocabulary
            .get_or_init(|| FacetVocabulary::of(&self.feed.members))
    }

    /// How many members are in `industry`: what the list says it shows for the facet, which
    /// is equality on the slug.
    pub fn industry_count(&self, industry: &str) -> usize {
        let counts = self.industries.get_or_init(|| {
            let mut counts = HashMap::new();
            for industry in self.feed.members.iter().filter_map(|m| m.industry.as_ref()) {
                *counts.entry(industry.clone()).or_insert(0) += 1;
            }
            counts
        });
        counts.get(industry).copied().unwrap_or(0)
    }

    /// The members `state` shows, in order ([`browse::browse`]), from the last few asked for:
    /// writing every member's page of a 10,000-member feed would otherwise filter and sort the
    /// whole feed several times per page.
    pub fn order(&self, state: &FilterState) -> Arc<[usize]> {
        let mut orders = self
            .orders
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(at) = orders.iter().position(|(kept, _)| kept == state) {
            // The most recently used last, so that the least recently used goes first.
            let kept = orders.remove(at);
            let order = kept.1.clone();
            orders.push(kept);
            return order;
        }
        let order: Arc<[usize]> = browse::browse(&self.feed.members, &self.index, state).into();
        if orders.len() == KEPT_ORDERS {
            orders.remove(0);
        }
        orders.push((state.clone(), order.clone()));
        order
    }
}

/// The filter state in the address bar (`?kind=adopter&q=gpu…`), parsed; every view is a link.
/// Once the address names another page than the one that asked, it keeps what it held: that
/// page is taken down in the same turn, and a view of it told to change then may read a value
/// already dropped, which traps the release build (the list's cards did, on "How to join",
/// whose link adds `lang=`).
pub fn use_filter_state() -> Memo<FilterState> {
    let location = use_location();
    let route = use_route();
    let asked_on = route.get_untracked();
    Memo::new(move |held: Option<&FilterState>| match held {
        Some(held) if !same_page(&route.read(), &asked_on) => held.clone(),
        _ => FilterState::from_query(&location.search.get()),
    })
}

/// Whether two routes show the same page: the list on any of its pages, any member's page.
fn same_page(a: &Route, b: &Route) -> bool {
    let list = |route: &Route| matches!(route, Route::Members | Route::ListPage(_));
    (list(a) && list(b)) || std::mem::discriminant(a) == std::mem::discriminant(b)
}

/// The address's list state for `feed`: without the industries and countries no member has
/// ([`FilterState::retain_known`]), and how many values that dropped (`?debug=feed` says).
pub fn use_known_filter_state(feed: &IndexedFeed) -> (Memo<FilterState>, Memo<usize>) {
    let address = use_filter_state();
    let feed = feed.clone();
    let known = Memo::new(move |_| {
        let mut state = address.get();
        let ignored = state.retain_known(feed.vocabulary());
        (state, ignored)
    });
    (
        Memo::new(move |_| known.read().0.clone()),
        Memo::new(move |_| known.read().1),
    )
}

/// The in-app URL of the list showing `state`.
pub fn list_path(state: &FilterState) -> String {
    format!("/{}", query_suffix(state))
}

/// `state` as an address's query: `?…`, or nothing for the default state.
pub fn query_suffix(state: &FilterState) -> String {
    match state.to_query() {
        query if query.is_empty() => String::new(),
        query => format!("?{query}"),
    }
}

/// What an address keeps when it leads to another page: the language (`lang`, when one is to
/// be named) and the embedding's parameters, so that a frame's join form, statistics or
/// member stays embedded as the list was.
pub fn carried(state: &FilterState, lang: Option<Lang>) -> FilterState {
    FilterState {
        lang,
        preserved: state.preserved.clone(),
        ..FilterState::default()
    }
}

/// `path` (below the base, with its own query or none) with `carried`'s parameters after it.
pub fn with_carried(path: &str, carried: &FilterState) -> String {
    match (carried.to_query(), path.contains('?')) {
        (extra, _) if extra.is_empty() => path.to_string(),
        (extra, true) => format!("{path}&{extra}"),
        (extra, false) => format!("{path}?{extra}"),
    }
}

/// The URL of member `id`'s page, with `suffix` (the list's query, `?…` or empty).
pub fn member_href(id: &str, suffix: &str) -> String {
    crate::router::app_href(&format!("{}{suffix}", Route::Member(id.to_string()).path()))
}

#[cfg(test)]
mod tests {
    use super::{carried, same_page, with_carried};
    use browse::route::Route;
    use browse::FilterState;
    use members_feed::Lang;

    /// A frame's links to other pages keep it embedded; its filters stay with the list.
    #[test]
    fn links_to_other_pages_keep_the_language_and_the_embedding() {
        let state = FilterState::from_query(
            "kind=vendor&view=table&lang=zh&embed=1&host=https%3A%2F%2Fkarmada.io&overlay=1",
        );
        let kept = carried(&state, Some(Lang::Zh));
        assert_eq!(
            with_carried("/join?program=partner", &kept),
            "/join?program=partner&lang=zh&embed=1&host=https%3A%2F%2Fkarmada.io&overlay=1"
        );
        assert_eq!(
            with_carried("/stats", &carried(&FilterState::default(), None)),
            "/stats"
        );
        assert_eq!(
            with_carried("/logos", &carried(&FilterState::default(), Some(Lang::En))),
            "/logos?lang=en"
        );
    }

    #[test]
    fn a_page_is_the_same_page_at_any_of_its_addresses() {
        assert!(same_page(&Route::Members, &Route::ListPage(3)));
        assert!(same_page(
            &Route::Member("a".into()),
            &Route::Member("b".into())
        ));
        assert!(same_page(&Route::Stats, &Route::Stats));
        assert!(!same_page(&Route::Members, &Route::Join));
        assert!(!same_page(&Route::Join, &Route::Stats));
        assert!(!same_page(&Route::Member("a".into()), &Route::Members));
    }
}
