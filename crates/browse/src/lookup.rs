//! Finding a member from an address that names none: the address a member was known by before
//! (an alias, or its id spelled without hyphens: `/members/scatterlab` for `scatter-lab`, the
//! slug its blog post and logo use), and the members a mistyped address was probably after.

use std::borrow::Cow;

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

/// The addresses a member is also known by, as [`member_known_as`] reads them, for a host to
/// redirect to the member's own (`scatterlab` → `scatter-lab`): its id without hyphens and each
/// alias made an id, with and without hyphens, where that is no member's id and finds this
/// member alone. In the feed's order, each once.
pub fn other_addresses(members: &[Member]) -> Vec<(String, usize)> {
    // What `member_known_as` compares, for every member at once: a feed of 10,000 members
    // would otherwise look through them all for each address.
    let ids: std::collections::HashSet<&str> = members.iter().map(|m| m.id.as_str()).collect();
    let mut answering: std::collections::HashMap<String, Vec<usize>> = Default::default();
    let slugs = |member: &Member| -> Vec<String> {
        let aliases = member.aliases.iter().map(|alias| slugify(alias));
        aliases.chain([member.id.clone()]).collect()
    };
    for (position, member) in members.iter().enumerate() {
        for slug in slugs(member) {
            let positions = answering.entry(slug.replace('-', "")).or_default();
            if positions.last() != Some(&position) {
                positions.push(position);
            }
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for (position, member) in members.iter().enumerate() {
        for slug in slugs(member) {
            for address in [slug.replace('-', ""), slug] {
                let alone = answering
                    .get(&address.replace('-', ""))
                    .is_some_and(|positions| positions == &[position]);
                let usable = !address.is_empty() && alone && !ids.contains(address.as_str());
                if usable && seen.insert(address.clone()) {
                    out.push((address, position));
                }
            }
        }
    }
    out
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

/// The most words of a query [`did_you_mean`] corrects.
pub const MOST_WORDS_CORRECTED: usize = 4;

/// The edit distance between `a` and `b` when it is at most `limit` (one row at a time, and
/// nothing for words whose lengths already differ by more). Two rows for the whole call: it
/// runs for every word of every member's name when a search finds nobody.
pub(crate) fn within<T: PartialEq>(a: &[T], b: &[T], limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit || a.len() > 100 || b.len() > 100 {
        return None;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, x) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            current[j + 1] = (previous[j] + usize::from(x != y))
                .min(previous[j + 1] + 1)
                .min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
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
    let found_by = |word: &str| index.search(word, None).finds_anyone();
    let mut changed = false;
    let corrected: Vec<String> = words
        .iter()
        .map(|word| {
            if word.len() < 5 || !word.bytes().all(|b| b.is_ascii_alphanumeric()) || found_by(word)
            {
                return word.clone();
            }
            // Every word of every name, in the members' order: the first of the nearest wins.
            // The index keeps each name normalised, so only aliases are split again.
            let nearest = (0..members.len().min(index.len()))
                .flat_map(|at| {
                    let name = index.sort_name(at).split(' ').map(Cow::Borrowed);
                    let aliases = members[at].aliases.iter().flat_map(|alias| terms(alias));
                    name.chain(aliases.map(Cow::Owned))
                })
                .filter_map(|candidate| {
                    one_typo_from(word, &candidate).map(|distance| (distance, candidate))
                })
                .min_by_key(|(distance, _)| *distance);
            match nearest {
                Some((_, candidate)) => {
                    changed = true;
                    candidate.into_owned()
                }
                None => word.clone(),
            }
        })
        .collect();
    let corrected = corrected.join(" ");
    (changed && finds_someone(&corrected)).then_some(corrected)
}

/// What a list that shows nobody for `state` suggests searching for instead:
/// [`did_you_mean`] of its query, kept only when the list with its other filters would then
/// show someone. None without a query.
pub fn search_suggestion(
    members: &[Member],
    index: &SearchIndex,
    state: &crate::FilterState,
) -> Option<String> {
    if state.query.trim().is_empty() {
        return None;
    }
    let finds_someone = |corrected: &str| {
        let mut with = state.clone();
        with.query = corrected.to_string();
        !crate::browse(members, index, &with).is_empty()
    };
    did_you_mean(members, index, &state.query, finds_someone)
}

/// The edit distance from `typed` (ASCII letters and digits) to `candidate`, a word of a
/// name, when it is at most one. Cheap for the many words that cannot be: at 50,000 members
/// this runs for some 150,000 of them on a keystroke that finds nobody.
fn one_typo_from(typed: &str, candidate: &str) -> Option<usize> {
    // The first-or-last-letter rule below needs two letters ("a" → "b" keeps neither).
    debug_assert!(typed.len() >= 2);
    // A character is at least one byte, so a word this short has too few letters.
    if candidate.len() + 1 < typed.len() {
        return None;
    }
    if candidate.is_ascii() {
        let (typed, candidate) = (typed.as_bytes(), candidate.as_bytes());
        // One edit of a word of two or more letters keeps its first or its last letter.
        if candidate.len() > typed.len() + 1
            || (candidate.first() != typed.first() && candidate.last() != typed.last())
        {
            return None;
        }
        return within(typed, candidate, 1);
    }
    let typed: Vec<char> = typed.chars().collect();
    let candidate: Vec<char> = candidate.chars().collect();
    within(&typed, &candidate, 1)
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
    fn the_other_addresses_are_those_that_find_their_member() {
        let members = members();
        let other = other_addresses(&members);
        assert_eq!(
            other,
            [
                ("scatterlab".to_string(), 0),
                ("xiaohongshu".to_string(), 2)
            ]
        );
        for (address, position) in &other {
            assert_eq!(member_known_as(&members, address), Some(*position));
        }
        // An address two members answer to is nobody's.
        let mut twice = members.clone();
        twice.push(member("scatterlab-2", "Other", &["Scatter Lab"]));
        assert!(other_addresses(&twice)
            .iter()
            .all(|(address, _)| address != "scatterlab"));
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
    fn the_list_suggests_a_search_only_when_its_other_filters_would_show_someone() {
        let members = members();
        let index = SearchIndex::new(&members);
        let mut state = crate::FilterState {
            query: "blomberg".into(),
            ..Default::default()
        };
        assert_eq!(
            search_suggestion(&members, &index, &state),
            Some("bloomberg".into())
        );
        state.kinds = [members_feed::Kind::Vendor].into();
        assert_eq!(search_suggestion(&members, &index, &state), None);
        assert_eq!(
            search_suggestion(&members, &index, &crate::FilterState::default()),
            None
        );
    }

    #[test]
    fn of_several_names_one_typo_away_the_first_members_wins() {
        let members = vec![
            member("a", "Acme Cloudy", &[]),
            member("b", "Clouds Inc", &[]),
        ];
        let index = SearchIndex::new(&members);
        let suggest = |query: &str| did_you_mean(&members, &index, query, |_| true);
        assert_eq!(suggest("cloudx"), Some("cloudy".into()));
        // An alias counts after its own member's name, before the next member.
        let members = vec![member("a", "Acme", &["Cloudz"]), member("b", "Cloudy", &[])];
        let index = SearchIndex::new(&members);
        assert_eq!(
            did_you_mean(&members, &index, "cloudx", |_| true),
            Some("cloudz".into())
        );
    }

    proptest::proptest! {
        /// The shortcuts of `one_typo_from` (lengths, first or last letter) never drop a word
        /// the full edit distance keeps. Most candidates are the typed word with one edit
        /// anywhere (first and last letters included), the rest any word.
        #[test]
        fn one_typo_agrees_with_the_edit_distance(
            typed in "[a-c0-1]{5,8}",
            edit in 0..4usize,
            position in 0..9usize,
            letter in "[a-c0-1é]",
            other in "[a-c0-1é]{0,9}",
        ) {
            let mut letters: Vec<char> = typed.chars().collect();
            let at = position % (letters.len() + 1);
            let last = letters.len() - 1;
            let letter = letter.chars().next().unwrap_or('a');
            match edit {
                0 => letters.insert(at, letter),
                1 => {
                    letters.remove(at.min(last));
                }
                2 => letters[at.min(last)] = letter,
                _ => letters = other.chars().collect(),
            }
            let candidate: String = letters.iter().collect();
            let chars = |word: &str| word.chars().collect::<Vec<char>>();
            proptest::prop_assert_eq!(
                one_typo_from(&typed, &candidate),
                within(&chars(&typed), &chars(&candidate), 1)
            );
        }
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
