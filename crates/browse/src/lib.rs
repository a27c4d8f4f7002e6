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

pub mod collapse;
pub mod export;
pub mod labels;
pub mod lookup;
pub mod query;
pub mod route;
pub mod search;
pub mod stats;
#[cfg(test)]
mod test_support;

use std::collections::HashMap;

use members_feed::{Kind, Member};

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

/// The filter groups a member can fail, as bits.
const QUERY: u8 = 1;
const KIND: u8 = 2;
const INDUSTRY: u8 = 4;
const COUNTRY: u8 = 8;
const CASE: u8 = 16;
const ANNOUNCEMENT: u8 = 32;

/// Member flags in [`Prepared::flags`].
const HAS_CASE: u8 = 1;
const HAS_ANNOUNCEMENT: u8 = 2;

/// "No value" in [`Prepared::industry`] and [`Prepared::country`]; value ids start at 1.
const NONE: u32 = 0;

/// A kind's bit; the bits follow [`Kind::ALL`] (facet counting relies on it).
fn kind_bit(kind: Kind) -> u8 {
    match kind {
        Kind::Adopter => 1,
        Kind::Vendor => 2,
        Kind::Partner => 4,
    }
}

/// What filtering, counting and sorting need of each member, as small numbers, computed once
/// with the [`SearchIndex`].
#[derive(Debug, Clone, Default)]
pub(crate) struct Prepared {
    /// Kinds as a bit mask ([`kind_bit`]).
    kinds: Vec<u8>,
    /// [`HAS_CASE`] | [`HAS_ANNOUNCEMENT`].
    flags: Vec<u8>,
    /// 1 + the index into `industry_values`, or [`NONE`].
    industry: Vec<u32>,
    /// The feed's industries, most frequent first, then by value.
    industry_values: Vec<String>,
    country: Vec<u32>,
    country_values: Vec<String>,
    /// The members in each order of [`Sort::ALL`].
    orders: [Vec<u32>; 3],
    /// Each member's position in each order of [`Sort::ALL`].
    ranks: [Vec<u32>; 3],
}

/// Interns the optional values, most frequent first: (per-member ids, values).
fn intern(values: impl Iterator<Item = Option<String>> + Clone) -> (Vec<u32>, Vec<String>) {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for value in values.clone().flatten() {
        *counts.entry(value).or_default() += 1;
    }
    let mut ordered: Vec<(String, usize)> = counts.into_iter().collect();
    ordered.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let ids: HashMap<&str, u32> = ordered
        .iter()
        .enumerate()
        .map(|(id, (value, _))| (value.as_str(), id as u32 + 1))
        .collect();
    let per_member = values
        .map(|value| value.map_or(NONE, |v| ids[v.as_str()]))
        .collect();
    (
        per_member,
        ordered.into_iter().map(|(value, _)| value).collect(),
    )
}

impl Prepared {
    pub(crate) fn new(members: &[Member], sort_names: &[String]) -> Prepared {
        let (industry, industry_values) =
            intern(members.iter().map(|member| member.industry.clone()));
        let (country, country_values) = intern(members.iter().map(|member| member.country.clone()));
        let keys: Vec<SortKey> = members
            .iter()
            .zip(sort_names)
            .map(|(member, name)| SortKey {
                name,
                id: &member.id,
                date: date_of(member),
                featured: is_featured(member),
            })
            .collect();
        let orders = Sort::ALL.map(|order| {
            let mut indices: Vec<u32> = (0..members.len() as u32).collect();
            indices.sort_by(|&a, &b| compare(&keys[a as usize], &keys[b as usize], order));
            indices
        });
        let ranks = std::array::from_fn(|o| {
            let mut ranks = vec![0u32; members.len()];
            for (rank, &member) in orders[o].iter().enumerate() {
                ranks[member as usize] = rank as u32;
            }
            ranks
        });
        Prepared {
            kinds: members
                .iter()
                .map(|member| member.kinds.iter().fold(0, |bits, &k| bits | kind_bit(k)))
                .collect(),
            flags: members
                .iter()
                .map(|member| {
                    let mut flags = 0;
                    if !member.case_studies.is_empty() {
                        flags |= HAS_CASE;
                    }
                    if member.announcement.is_some() {
                        flags |= HAS_ANNOUNCEMENT;
                    }
                    flags
                })
                .collect(),
            industry,
            industry_values,
            country,
            country_values,
            orders,
            ranks,
        }
    }
}

fn order_slot(order: Sort) -> usize {
    match order {
        Sort::Name => 0,
        Sort::Newest => 1,
        Sort::Featured => 2,
    }
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

/// What the sort orders compare, gathered once per member.
struct SortKey<'a> {
    name: &'a str,
    id: &'a str,
    date: Option<&'a str>,
    featured: bool,
}

/// The total order of `order`; ties fall back to name, then id, so the order is stable
/// across reloads.
fn compare(a: &SortKey, b: &SortKey, order: Sort) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let by_name = || a.name.cmp(b.name).then_with(|| a.id.cmp(b.id));
    // ISO dates compare as strings; members without a date go last.
    let by_newest = || match (a.date, b.date) {
        (Some(x), Some(y)) => y.cmp(x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    match order {
        Sort::Name => by_name(),
        Sort::Newest => by_newest().then_with(by_name),
        Sort::Featured => b
            .featured
            .cmp(&a.featured)
            .then_with(by_newest)
            .then_with(by_name),
    }
}

/// The filters of a state, resolved against the index once per call.
struct Filter<'a> {
    /// Members containing every search term, one bit each; `None` without a search.
    matched: Option<&'a [u64]>,
    /// Per kind mask (see [`kind_bit`]): does a member with these kinds pass?
    kinds: [bool; 8],
    /// Per industry id ([`NONE`] first): does a member with it pass?
    industries: Vec<bool>,
    countries: Vec<bool>,
    /// The flags a member must have.
    flags: u8,
}

/// Per value id ([`NONE`] first): whether a member with it passes the selection.
fn selection(values: &[String], selected: &std::collections::BTreeSet<String>) -> Vec<bool> {
    if selected.is_empty() {
        return vec![true; values.len() + 1];
    }
    std::iter::once(false)
        .chain(values.iter().map(|value| selected.contains(value)))
        .collect()
}

impl<'a> Filter<'a> {
    /// The filters of `state`, its search already done (`matches`).
    fn new(index: &SearchIndex, state: &FilterState, matches: &'a SearchMatches) -> Filter<'a> {
        let prepared = &index.prepared;
        let mut flags = 0;
        if state.has_case_study {
            flags |= HAS_CASE;
        }
        if state.has_announcement {
            flags |= HAS_ANNOUNCEMENT;
        }
        Filter {
            matched: matches.bits(),
            kinds: {
                let selected = state.kinds.iter().fold(0, |bits, &k| bits | kind_bit(k));
                std::array::from_fn(|mask| selected == 0 || mask as u8 & selected != 0)
            },
            industries: selection(&prepared.industry_values, &state.industries),
            countries: selection(&prepared.country_values, &state.countries),
            flags,
        }
    }
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

fn shown_in_order(index: &SearchIndex, state: &FilterState, failures: &[u8]) -> Vec<usize> {
    index.prepared.orders[order_slot(state.sort)]
        .iter()
        .map(|&i| i as usize)
        .filter(|&i| failures[i] == 0)
        .collect()
}

fn count_facets(index: &SearchIndex, state: &FilterState, failures: &[u8]) -> Facets {
    let prepared = &index.prepared;
    let mut kind_counts = [0usize; 3];
    // Indexed by value id; slot 0 ([`NONE`]) collects members without a value.
    let mut industry_counts = vec![0usize; prepared.industry_values.len() + 1];
    let mut country_counts = vec![0usize; prepared.country_values.len() + 1];
    let (mut case_count, mut announcement_count) = (0, 0);
    let members = failures
        .iter()
        .zip(&prepared.kinds)
        .zip(&prepared.flags)
        .zip(prepared.industry.iter().zip(&prepared.country));
    for (((&failed, &kinds), &flags), (&industry, &country)) in members {
        // A member counts for a facet's options when it passes every other group; failing two
        // groups, it counts nowhere.
        if failed & failed.wrapping_sub(1) != 0 {
            continue;
        }
        if failed & !KIND == 0 {
            kind_counts[0] += usize::from(kinds & 1 != 0);
            kind_counts[1] += usize::from(kinds & 2 != 0);
            kind_counts[2] += usize::from(kinds & 4 != 0);
        }
        if failed & !INDUSTRY == 0 {
            industry_counts[industry as usize] += 1;
        }
        if failed & !COUNTRY == 0 {
            country_counts[country as usize] += 1;
        }
        if failed & !CASE == 0 && flags & HAS_CASE != 0 {
            case_count += 1;
        }
        if failed & !ANNOUNCEMENT == 0 && flags & HAS_ANNOUNCEMENT != 0 {
            announcement_count += 1;
        }
    }
    let options =
        |values: &[String], counts: Vec<usize>, selected: &std::collections::BTreeSet<String>| {
            let mut options: Vec<FacetOption<String>> = values
                .iter()
                .zip(counts.into_iter().skip(1))
                .map(|(value, count)| FacetOption {
                    value: value.clone(),
                    count,
                })
                .collect();
            // Selected values no member has (a stale link) still show, with 0, so they can be
            // unticked; BTreeSet order keeps them sorted.
            options.extend(
                selected
                    .iter()
                    .filter(|value| !values.contains(value))
                    .map(|value| FacetOption {
                        value: value.clone(),
                        count: 0,
                    }),
            );
            options
        };
    Facets {
        kinds: Kind::ALL
            .into_iter()
            .zip(kind_counts)
            .map(|(value, count)| FacetOption { value, count })
            .collect(),
        industries: options(
            &prepared.industry_values,
            industry_counts,
            &state.industries,
        ),
        countries: options(&prepared.country_values, country_counts, &state.countries),
        has_case_study: case_count,
        has_announcement: announcement_count,
    }
}

/// Which groups of `state` each member fails, as bits, in one pass.
fn all_failures(index: &SearchIndex, state: &FilterState, matches: &SearchMatches) -> Vec<u8> {
    let filter = Filter::new(index, state, matches);
    let prepared = &index.prepared;
    let members = prepared
        .kinds
        .iter()
        .zip(&prepared.flags)
        .zip(prepared.industry.iter().zip(&prepared.country));
    members
        .enumerate()
        .map(|(i, ((&kinds, &flags), (&industry, &country)))| {
            let mut failed = 0;
            if let Some(matched) = filter.matched {
                if matched[i / 64] & (1 << (i % 64)) == 0 {
                    failed |= QUERY;
                }
            }
            if !filter.kinds[kinds as usize & 7] {
                failed |= KIND;
            }
            if !filter.industries[industry as usize] {
                failed |= INDUSTRY;
            }
            if !filter.countries[country as usize] {
                failed |= COUNTRY;
            }
            let missing = filter.flags & !flags;
            if missing & HAS_CASE != 0 {
                failed |= CASE;
            }
            if missing & HAS_ANNOUNCEMENT != 0 {
                failed |= ANNOUNCEMENT;
            }
            failed
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_bits_follow_kind_all() {
        for (slot, kind) in Kind::ALL.into_iter().enumerate() {
            assert_eq!(kind_bit(kind), 1 << slot);
        }
    }
}
