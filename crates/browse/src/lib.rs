//! Browsing the members feed: which members a [`FilterState`] shows and in what order, the
//! live facet counts, search and highlighting, and labels. Pure and allocation-light, so a
//! keystroke at tens of thousands of members stays within a frame; the app only renders.

pub mod labels;
pub mod query;
pub mod search;

use std::cmp::Ordering;
use std::collections::HashMap;

use members_feed::{Kind, Member};

pub use query::{ActiveFilter, FilterState, Sort};
pub use search::SearchIndex;

/// One option of a facet and how many members ticking it would show, given the other filters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetOption<T> {
    pub value: T,
    pub count: usize,
}

/// Every facet's options with live counts. Within a facet, counts ignore that facet's own
/// selection (ticking a second industry widens the list, so its count says by how much).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    pub kinds: Vec<FacetOption<Kind>>,
    /// In the order of their size in the whole feed, so options do not jump while filtering.
    pub industries: Vec<FacetOption<String>>,
    pub countries: Vec<FacetOption<String>>,
    pub has_case_study: usize,
    pub has_announcement: usize,
}

/// The filter groups a member can fail, as bits.
const QUERY: u8 = 1;
const KIND: u8 = 2;
const INDUSTRY: u8 = 4;
const COUNTRY: u8 = 8;
const CASE: u8 = 16;
const ANNOUNCEMENT: u8 = 32;

/// Which groups of `state` member `index` fails.
fn failures(
    member: &Member,
    index: usize,
    search: &SearchIndex,
    terms: &[String],
    state: &FilterState,
) -> u8 {
    let mut failed = 0;
    if !terms.is_empty() && !search.matches(index, terms) {
        failed |= QUERY;
    }
    if !state.kinds.is_empty() && !member.kinds.iter().any(|kind| state.kinds.contains(kind)) {
        failed |= KIND;
    }
    if !state.industries.is_empty()
        && !member
            .industry
            .as_ref()
            .is_some_and(|i| state.industries.contains(i))
    {
        failed |= INDUSTRY;
    }
    if !state.countries.is_empty()
        && !member
            .country
            .as_ref()
            .is_some_and(|c| state.countries.contains(c))
    {
        failed |= COUNTRY;
    }
    if state.has_case_study && member.case_studies.is_empty() {
        failed |= CASE;
    }
    if state.has_announcement && member.announcement.is_none() {
        failed |= ANNOUNCEMENT;
    }
    failed
}

/// The indices of the members `state` shows, in its order.
pub fn browse(members: &[Member], search: &SearchIndex, state: &FilterState) -> Vec<usize> {
    let terms = search::terms(&state.query);
    let mut shown: Vec<usize> = (0..members.len())
        .filter(|&i| failures(&members[i], i, search, &terms, state) == 0)
        .collect();
    sort(members, search, &mut shown, state.sort);
    shown
}

/// The facet options and their counts for `state`, in one pass over the members.
pub fn facets(members: &[Member], search: &SearchIndex, state: &FilterState) -> Facets {
    let terms = search::terms(&state.query);
    let mut kind_counts = [0usize; 3];
    let mut industry_counts: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut country_counts: HashMap<&str, (usize, usize)> = HashMap::new();
    let (mut case_count, mut announcement_count) = (0, 0);
    for (index, member) in members.iter().enumerate() {
        let failed = failures(member, index, search, &terms, state);
        // A member counts for a facet's options when it passes every other group.
        let passes_except = |group: u8| failed & !group == 0;
        if passes_except(KIND) {
            for kind in &member.kinds {
                kind_counts[Kind::ALL.iter().position(|k| k == kind).unwrap_or(0)] += 1;
            }
        }
        if let Some(industry) = member.industry.as_deref() {
            let entry = industry_counts.entry(industry).or_default();
            entry.0 += 1;
            if passes_except(INDUSTRY) {
                entry.1 += 1;
            }
        }
        if let Some(country) = member.country.as_deref() {
            let entry = country_counts.entry(country).or_default();
            entry.0 += 1;
            if passes_except(COUNTRY) {
                entry.1 += 1;
            }
        }
        if passes_except(CASE) && !member.case_studies.is_empty() {
            case_count += 1;
        }
        if passes_except(ANNOUNCEMENT) && member.announcement.is_some() {
            announcement_count += 1;
        }
    }
    // Selected values no member has any more (a stale link) still show, with 0, so they can be
    // unticked.
    for industry in &state.industries {
        industry_counts.entry(industry.as_str()).or_default();
    }
    for country in &state.countries {
        country_counts.entry(country.as_str()).or_default();
    }
    Facets {
        kinds: Kind::ALL
            .iter()
            .zip(kind_counts)
            .map(|(&value, count)| FacetOption { value, count })
            .collect(),
        industries: ordered_options(industry_counts),
        countries: ordered_options(country_counts),
        has_case_study: case_count,
        has_announcement: announcement_count,
    }
}

fn ordered_options(counts: HashMap<&str, (usize, usize)>) -> Vec<FacetOption<String>> {
    let mut options: Vec<(&str, usize, usize)> = counts
        .into_iter()
        .map(|(value, (total, live))| (value, total, live))
        .collect();
    options.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    options
        .into_iter()
        .map(|(value, _, count)| FacetOption {
            value: value.to_string(),
            count,
        })
        .collect()
}

/// The date a member counts as "new" by: when it joined, else its announcement's date.
fn date_of(member: &Member) -> Option<&str> {
    member
        .joined
        .as_deref()
        .or(member.announcement.as_ref().map(|a| a.date.as_str()))
}

fn is_featured(member: &Member) -> bool {
    member.announcement.is_some() || !member.case_studies.is_empty()
}

/// Sorts `indices` of `members` in place. Ties fall back to name, then id, so the order is
/// total and stable across reloads.
pub fn sort(members: &[Member], search: &SearchIndex, indices: &mut [usize], order: Sort) {
    let by_name = |a: usize, b: usize| {
        search
            .sort_name(a)
            .cmp(search.sort_name(b))
            .then_with(|| members[a].id.cmp(&members[b].id))
    };
    // ISO dates compare as strings; members without a date go last.
    let by_newest = |a: usize, b: usize| match (date_of(&members[a]), date_of(&members[b])) {
        (Some(x), Some(y)) => y.cmp(x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    match order {
        Sort::Name => indices.sort_by(|&a, &b| by_name(a, b)),
        Sort::Newest => indices.sort_by(|&a, &b| by_newest(a, b).then_with(|| by_name(a, b))),
        Sort::Featured => indices.sort_by(|&a, &b| {
            is_featured(&members[b])
                .cmp(&is_featured(&members[a]))
                .then_with(|| by_newest(a, b))
                .then_with(|| by_name(a, b))
        }),
    }
}
