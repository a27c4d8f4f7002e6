//! Each member's facet values, flags and sort positions, turned into small numbers once when
//! the feed loads, so that a keystroke's filtering and counting compare integers, not strings.

use std::collections::HashMap;

use members_feed::{Kind, Member};

use crate::{date_of, is_featured, Sort};

/// Member flags in [`Prepared::flags`].
pub(crate) const HAS_CASE: u8 = 1;
pub(crate) const HAS_ANNOUNCEMENT: u8 = 2;

/// "No value" in [`Prepared::industry`] and [`Prepared::country`]; value ids start at 1.
pub(crate) const NONE: u32 = 0;

/// A kind's bit; the bits follow [`Kind::ALL`] (facet counting relies on it).
pub(crate) fn kind_bit(kind: Kind) -> u8 {
    match kind {
        Kind::Adopter => 1,
        Kind::Vendor => 2,
        Kind::Partner => 4,
    }
}

/// What filtering, counting and sorting need of each member, as small numbers, computed once
/// with the [`SearchIndex`](crate::SearchIndex).
#[derive(Debug, Clone, Default)]
pub(crate) struct Prepared {
    /// Kinds as a bit mask ([`kind_bit`]).
    pub(crate) kinds: Vec<u8>,
    /// [`HAS_CASE`] | [`HAS_ANNOUNCEMENT`].
    pub(crate) flags: Vec<u8>,
    /// 1 + the index into `industry_values`, or [`NONE`].
    pub(crate) industry: Vec<u32>,
    /// The feed's industries, most frequent first, then by value.
    pub(crate) industry_values: Vec<String>,
    pub(crate) country: Vec<u32>,
    pub(crate) country_values: Vec<String>,
    /// The members in each order of [`Sort::ALL`].
    pub(crate) orders: [Vec<u32>; 3],
    /// Each member's position in each order of [`Sort::ALL`].
    pub(crate) ranks: [Vec<u32>; 3],
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

pub(crate) fn order_slot(order: Sort) -> usize {
    match order {
        Sort::Name => 0,
        Sort::Newest => 1,
        Sort::Featured => 2,
    }
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
