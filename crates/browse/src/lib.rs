//! Browsing the members feed: which members a [`FilterState`] shows and in what order, the
//! live facet counts, search and highlighting, the URL query, chips, neighbours and labels.
//! Pure and allocation-light, so a keystroke at tens of thousands of members stays within a
//! frame; the app only renders.
//!
//! Typical use:
//!
//! ```
//! use browse::{browse_with_facets, FilterState, SearchIndex};
//! # let members: Vec<members_feed::Member> = Vec::new();
//! let index = SearchIndex::new(&members); // once, when the feed loads
//! let state = FilterState::from_query("?kind=adopter&q=gpu"); // on every URL change
//! let (shown, facets) = browse_with_facets(&members, &index, &state);
//! // "Showing {shown.len()} of {members.len()}"; facets.industries[i].count for the checkboxes.
//! # assert!(shown.is_empty() && facets.kinds.len() == 3);
//! ```

#![warn(missing_docs)]

pub mod announcement;
pub mod collapse;
pub mod export;
pub mod groups;
pub mod labels;
pub mod lookup;
pub mod query;
pub mod route;
pub mod search;
pub mod stats;
#[cfg(test)]
mod test_support;

mod filter;
mod prepared;

use members_feed::{Kind, Member};

use filter::{all_failures, count_facets, shown_in_order};
use prepared::order_slot;
pub(crate) use prepared::Prepared;

pub use query::{ActiveFilter, FacetVocabulary, FilterState, Layout, Sort};
pub use search::{highlight_ranges, SearchIndex, SearchMatches};

/// One option of a facet and how many members ticking it would show, given the other filters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetOption<T> {
    /// The option: a kind, an industry slug or a country code.
    pub value: T,
    /// How many members would be shown with this option ticked (0: show it disabled).
    pub count: usize,
}

/// Every facet's options with live counts. Within a facet, counts ignore that facet's own
/// selection (ticking a second industry widens the list, so its count says by how much).
/// Options with a count of 0 are included (shown disabled).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    /// Always the three kinds, in [`Kind::ALL`] order.
    pub kinds: Vec<FacetOption<Kind>>,
    /// The industries present in the feed, ordered by how many members of the whole feed have
    /// them (then by slug), so options do not jump while filtering; then any selected values
    /// the feed does not have (a stale link), with 0, so they can be unticked.
    pub industries: Vec<FacetOption<String>>,
    /// The countries present in the feed, ordered like `industries`.
    pub countries: Vec<FacetOption<String>>,
    /// Members with a case study that pass every other filter.
    pub has_case_study: usize,
    /// Members with an announcement that pass every other filter.
    pub has_announcement: usize,
}

/// The date a member counts as "new" by: when it joined, else its announcement's date.
pub fn date_of(member: &Member) -> Option<&str> {
    member
        .joined
        .as_deref()
        .or(member.announcement.as_ref().map(|a| a.date.as_str()))
}

/// Whether a member sorts first under [`Sort::Featured`]: it has an announcement or a case study.
pub fn is_featured(member: &Member) -> bool {
    member.announcement.is_some() || !member.case_studies.is_empty()
}

/// Runs `f` with an index that fits `members`: `index` itself, or a fresh one if it was built
/// from a different number of members.
fn with_index<R>(members: &[Member], index: &SearchIndex, f: impl FnOnce(&SearchIndex) -> R) -> R {
    if index.len() == members.len() {
        f(index)
    } else {
        f(&SearchIndex::new(members))
    }
}

/// The indices (into `members`) of the members `state` shows, in its sort order. `index`
/// must have been built from `members`. "Showing N of M" is `result.len()` of `members.len()`.
pub fn browse(members: &[Member], index: &SearchIndex, state: &FilterState) -> Vec<usize> {
    with_index(members, index, |index| {
        let matches = index.search(&state.query, None);
        shown_in_order(index, state, &all_failures(index, state, &matches))
    })
}

/// The facet options and their live counts for `state`, in one pass over the members.
pub fn facets(members: &[Member], index: &SearchIndex, state: &FilterState) -> Facets {
    with_index(members, index, |index| {
        let matches = index.search(&state.query, None);
        count_facets(index, state, &all_failures(index, state, &matches))
    })
}

/// [`browse`] and [`facets`] together, sharing the one filtering pass: what the list page
/// needs on every keystroke.
pub fn browse_with_facets(
    members: &[Member],
    index: &SearchIndex,
    state: &FilterState,
) -> (Vec<usize>, Facets) {
    let (shown, facets, _) = browse_with_facets_after(members, index, state, None);
    (shown, facets)
}

/// [`browse_with_facets`] for the next state of a page, with the search's matches to pass to
/// the call after it: when the query extends the one `previous` was made for, the search
/// looks only among those matches ([`SearchIndex::search`]). `previous` must come from a call
/// with the same `members` and `index`.
pub fn browse_with_facets_after(
    members: &[Member],
    index: &SearchIndex,
    state: &FilterState,
    previous: Option<&SearchMatches>,
) -> (Vec<usize>, Facets, SearchMatches) {
    with_index(members, index, |index| {
        let matches = index.search(&state.query, previous);
        let failures = all_failures(index, state, &matches);
        (
            shown_in_order(index, state, &failures),
            count_facets(index, state, &failures),
            matches,
        )
    })
}

/// Sorts `indices` of `members` in place by `order` (total: ties fall back to the normalised
/// English name, then the id). Uses the ranks precomputed in `index`.
pub fn sort(members: &[Member], index: &SearchIndex, indices: &mut [usize], order: Sort) {
    with_index(members, index, |index| {
        let ranks = &index.prepared.ranks[order_slot(order)];
        indices.sort_by_key(|&i| ranks.get(i).copied().unwrap_or(u32::MAX));
    })
}

/// The previous and next member (as indices into `members`) around the member `id` within an
/// ordered result of [`browse`]; `(None, None)` when `id` is not in it. No wrapping at the ends.
pub fn neighbours(members: &[Member], shown: &[usize], id: &str) -> (Option<usize>, Option<usize>) {
    match members.iter().position(|member| member.id == id) {
        Some(position) => neighbours_of(shown, position),
        None => (None, None),
    }
}

/// [`neighbours`] of the member at `position` in the feed.
pub fn neighbours_of(shown: &[usize], position: usize) -> (Option<usize>, Option<usize>) {
    let Some(at) = shown.iter().position(|&i| i == position) else {
        return (None, None);
    };
    let previous = at.checked_sub(1).map(|p| shown[p]);
    (previous, shown.get(at + 1).copied())
}

/// Up to `limit` other members in the industry of `members[position]`, in the list's
/// "featured" order (members with an announcement or case study first): "organisations like
/// this one" on a member's page. Empty when the member has no industry.
pub fn related(
    members: &[Member],
    index: &SearchIndex,
    position: usize,
    limit: usize,
) -> Vec<usize> {
    match members.get(position).and_then(related_state) {
        Some(state) => related_in(&browse(members, index, &state), position, limit),
        None => Vec::new(),
    }
}

/// The list [`related`] picks from: the member's industry, featured first.
pub fn related_state(member: &Member) -> Option<FilterState> {
    Some(FilterState {
        industries: [member.industry.clone()?].into(),
        sort: Sort::Featured,
        ..FilterState::default()
    })
}

/// Up to `limit` members of `order` (the browse of a [`related_state`]) but `position`.
pub fn related_in(order: &[usize], position: usize, limit: usize) -> Vec<usize> {
    order
        .iter()
        .copied()
        .filter(|&other| other != position)
        .take(limit)
        .collect()
}
