//! Finding a member from an address that names none: the address a member was known by before
//! (an alias, or its id spelled without hyphens: `/members/scatterlab` for `scatter-lab`, the
//! slug its blog post and logo use), and the members a mistyped address was probably after.

use members_feed::{slugify, Member};

use crate::search::terms;
use crate::SearchIndex;

/// The one member `id` stands for when no member has that id: its id without hyphens, or the
/// id one of its aliases makes. None when no member, or more than one, answers to it.
pub fn member_known_as(members: &[Member], id: &str) -> Option<usize> {
    let wanted = id.to_ascii_lowercase();
    let compact = wanted.replace('-', "");
    if compact.is_empty() {
        return None;
    }
    let mut found = members.iter().enumerate().filter(|(_, member)| {
        member.id.replace('-', "") == compact
            || member
                .aliases
                .iter()
                .any(|alias| slugify(alias).replace('-', "") == compact)
    });
    match (found.next(), found.next()) {
        (Some((position, _)), None) => Some(position),
        _ => None,
    }
}

/// Up to `most` members whose id or English name is within a small edit distance of `id`
/// (closest first, then by position): for a not-found page to suggest.
pub fn close_matches(members: &[Member], id: &str, most: usize) -> Vec<usize> {
    let wanted: Vec<char> = id.to_ascii_lowercase().replace('-', "").chars().collect();
    // Two edits for a typical id; one for a very short one, where two would match anything.
    let allowed = if wanted.len() < 5 { 1 } else { 2 };
    let mut scored: Vec<(usize, usize)> = members
        .iter()
        .enumerate()
        .filter_map(|(position, member)| {
            let name = slugify(&member.name.en).replace('-', "");
            [member.id.replace('-', ""), name]
                .iter()
                .filter_map(|candidate| {
                    let candidate: Vec<char> = candidate.chars().collect();
                    within(&wanted, &candidate, allowed)
                })
                .min()
                .map(|distance| (distance, position))
        })
        .collect();
    scored.sort_unstable();
    scored
        .into_iter()
        .take(most)
        .map(|(_, position)| position)
        .collect()
}

/// The edit distance between `a` and `b` when it is at most `limit` (one row at a time, and
/// nothing for words whose lengths already differ by more).
/// The most words of a query [`did_you_mean`] corrects.
pub const MOST_WORDS_CORRECTED: usize = 4;

pub(crate) fn within(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit || a.len() > 100 || b.len() > 100 {
        return None;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, x) in a.iter().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            current[j + 1] = (previous[j] + usize::from(x != y))
                .min(previous[j + 1] + 1)
                .min(current[j] + 1);
        }
        previous = current;
    }
    let distance = previous[b.len()];
    (distance <= limit).then_some(distance)
}

/// The query a search that found nobody probably meant: each of its words of five letters or
/// more that no member has, replaced by the nearest word of a member's English name or alias
/// one typo away (`blomberg` → `bloomberg`). None when no word changes, or `finds_someone` (the
/// list with its other filters, given the new query) says it would still find nobody. Only the
/// first [`MOST_WORDS_CORRECTED`] words are looked at: a crafted query costs no more.
pub fn did_you_mean(
    members: &[Member],
    index: &SearchIndex,
    query: &str,
    finds_someone: impl Fn(&str) -> bool,
) -> Option<String> {
    let words: Vec<String> = terms(query)
        .into_iter()
        .take(MOST_WORDS_CORRECTED)
        .collect();
    let found_by = |terms: &[String]| (0..members.len()).any(|at| index.matches(at, terms));
    let mut changed = false;
    let corrected: Vec<String> = words
        .iter()
        .map(|word| {
            let typed: Vec<char> = word.chars().collect();
            if typed.len() < 5
                || !word.bytes().all(|b| b.is_ascii_alphanumeric())
                || found_by(std::slice::from_ref(word))
            {
                return word.clone();
            }
            let nearest = members
                .iter()
                .flat_map(|member| std::iter::once(&member.name.en).chain(&member.aliases))
                .flat_map(|name| terms(name))
                .filter_map(|candidate| {
                    let letters: Vec<char> = candidate.chars().collect();
                    within(&typed, &letters, 1).map(|distance| (distance, candidate))
                })
                .min_by_key(|(distance, _)| *distance);
            match nearest {
                Some((_, candidate)) => {
                    changed = true;
                    candidate
                }
                None => word.clone(),
            }
        })
        .collect();
    let corrected = corrected.join(" ");
    (changed && finds_someone(&corrected)).then_some(corrected)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(id: &str, name: &str, aliases: &[&str]) -> Member {
        let mut member = crate::test_support::member(id, name);
        member.aliases = aliases.iter().map(|alias| alias.to_string()).collect();
        member
    }

    fn members() -> Vec<Member> {
        vec![
            member("scatter-lab", "Scatter Lab", &[]),
            member("bloomberg", "Bloomberg", &[]),
            member("rednote", "RedNote", &["Xiaohongshu"]),
            member("bloom", "Bloom", &[]),
        ]
    }

    #[test]
    fn an_address_without_hyphens_or_by_an_alias_finds_its_member() {
        let members = members();
        assert_eq!(member_known_as(&members, "scatterlab"), Some(0));
        assert_eq!(member_known_as(&members, "Scatter-Lab"), Some(0));
        assert_eq!(member_known_as(&members, "xiaohongshu"), Some(2));
        assert_eq!(member_known_as(&members, "nobody"), None);
        assert_eq!(member_known_as(&members, "-"), None);
        // Two members answering is no answer.
        let mut twice = members.clone();
        twice.push(member("scatterlab-2", "Other", &["Scatter Lab"]));
        assert_eq!(member_known_as(&twice, "scatterlab"), None);
    }

    #[test]
    fn a_search_that_finds_nobody_suggests_the_name_one_typo_away() {
        let members = members();
        let index = SearchIndex::new(&members);
        let anywhere = |query: &str| {
            let terms = terms(query);
            (0..members.len()).any(|at| index.matches(at, &terms))
        };
        let suggest = |query: &str| did_you_mean(&members, &index, query, anywhere);
        assert_eq!(suggest("blomberg"), Some("bloomberg".into()));
        assert_eq!(suggest("Blomberg"), Some("bloomberg".into()));
        assert_eq!(suggest("xiaohongsu"), Some("xiaohongshu".into()));
        // Found as typed, too short to guess, or nothing near: no suggestion.
        assert_eq!(suggest("bloomberg"), None);
        assert_eq!(suggest("blom"), None);
        assert_eq!(suggest("zzzzzzzz"), None);
        // A suggestion that would still find nobody is none.
        assert_eq!(suggest("blomberg rednote"), None);
        // Nor one the list's other filters would empty.
        assert_eq!(did_you_mean(&members, &index, "blomberg", |_| false), None);
    }

    #[test]
    fn a_mistyped_address_suggests_the_closest_members() {
        let members = members();
        assert_eq!(close_matches(&members, "blomberg", 3), [1]);
        assert_eq!(close_matches(&members, "bloo", 3), [3]);
        assert_eq!(close_matches(&members, "rednot", 3), [2]);
        assert!(close_matches(&members, "zzzzzzzz", 3).is_empty());
        assert!(close_matches(&members, &"x".repeat(10_000), 3).is_empty());
    }
}
