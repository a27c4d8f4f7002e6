//! Filtering in one pass: which filter groups each member fails, and from that the members
//! shown and every facet's live counts.

use members_feed::Kind;

use crate::prepared::{kind_bit, order_slot, HAS_ANNOUNCEMENT, HAS_CASE};
use crate::{FacetOption, Facets, FilterState, SearchIndex, SearchMatches};

/// The filter groups a member can fail, as bits.
const QUERY: u8 = 1;
const KIND: u8 = 2;
const INDUSTRY: u8 = 4;
const COUNTRY: u8 = 8;
const CASE: u8 = 16;
const ANNOUNCEMENT: u8 = 32;

/// The filters of a state, resolved against the index once per call.
struct Filter<'a> {
    /// Members containing every search term, one bit each; `None` without a search.
    matched: Option<&'a [u64]>,
    /// Per kind mask (see [`kind_bit`]): does a member with these kinds pass?
    kinds: [bool; 8],
    /// Per industry id ([`NONE`](crate::prepared::NONE) first): does a member with it pass?
    industries: Vec<bool>,
    countries: Vec<bool>,
    /// The flags a member must have.
    flags: u8,
}

/// Per value id ([`NONE`](crate::prepared::NONE) first): whether a member with it passes the
/// selection.
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

pub(crate) fn shown_in_order(
    index: &SearchIndex,
    state: &FilterState,
    failures: &[u8],
) -> Vec<usize> {
    index.prepared.orders[order_slot(state.sort)]
        .iter()
        .map(|&i| i as usize)
        .filter(|&i| failures[i] == 0)
        .collect()
}

pub(crate) fn count_facets(index: &SearchIndex, state: &FilterState, failures: &[u8]) -> Facets {
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
pub(crate) fn all_failures(
    index: &SearchIndex,
    state: &FilterState,
    matches: &SearchMatches,
) -> Vec<u8> {
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
