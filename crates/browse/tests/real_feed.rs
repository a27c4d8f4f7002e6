//! Invariants over the real generated feed (`public/members.json`), when it is there; the
//! test skips with a message otherwise (the feed is produced by `feedgen`).

use std::collections::BTreeSet;

use browse::{
    browse, facets, highlight_ranges, is_featured, related, FilterState, SearchIndex, Sort,
};
use members_feed::{parse_feed, Member};

fn real_members() -> Option<Vec<Member>> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/members.json");
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("skipping: {path} is absent");
        return None;
    };
    match parse_feed(&text) {
        Ok(feed) => Some(feed.members),
        Err(error) => {
            eprintln!("skipping: {path} does not parse: {error}");
            None
        }
    }
}

#[test]
fn every_order_lists_every_member_once() {
    let Some(members) = real_members() else {
        return;
    };
    let index = SearchIndex::new(&members);
    for sort in Sort::ALL {
        let state = FilterState {
            sort,
            ..FilterState::default()
        };
        let shown = browse(&members, &index, &state);
        assert_eq!(shown.len(), members.len(), "{sort:?}");
        assert_eq!(shown.iter().collect::<BTreeSet<_>>().len(), members.len());
    }
}

#[test]
fn every_member_is_found_by_its_names_and_highlighted() {
    let Some(members) = real_members() else {
        return;
    };
    let index = SearchIndex::new(&members);
    for (i, member) in members.iter().enumerate() {
        for name in [Some(&member.name.en), member.name.zh.as_ref()]
            .into_iter()
            .flatten()
        {
            if name.trim().is_empty() {
                continue;
            }
            let state = FilterState {
                query: name.clone(),
                ..FilterState::default()
            };
            assert!(browse(&members, &index, &state).contains(&i), "{name}");
            let ranges = highlight_ranges(name, name);
            assert!(!ranges.is_empty(), "{name}");
        }
    }
}

#[test]
fn unfiltered_facet_counts_are_the_feed_totals() {
    let Some(members) = real_members() else {
        return;
    };
    let index = SearchIndex::new(&members);
    let counted = facets(&members, &index, &FilterState::default());
    for option in &counted.kinds {
        let expected = members.iter().filter(|m| m.has_kind(option.value)).count();
        assert_eq!(option.count, expected, "{:?}", option.value);
    }
    for option in &counted.industries {
        let expected = members
            .iter()
            .filter(|m| m.industry.as_deref() == Some(option.value.as_str()))
            .count();
        assert_eq!(option.count, expected, "{}", option.value);
        assert!(
            option.count > 0,
            "only values present in the feed are listed"
        );
    }
    assert!(counted
        .countries
        .windows(2)
        .all(|pair| pair[0].count >= pair[1].count));
}

#[test]
fn related_members_are_others_of_the_same_industry_featured_first() {
    let Some(members) = real_members() else {
        return;
    };
    let index = SearchIndex::new(&members);
    let mut pages_with_related = 0;
    for (position, member) in members.iter().enumerate() {
        let shown = related(&members, &index, position, 4);
        assert!(shown.len() <= 4);
        assert!(!shown.contains(&position), "{}", member.id);
        let Some(industry) = &member.industry else {
            assert!(shown.is_empty(), "{}", member.id);
            continue;
        };
        let peers = members
            .iter()
            .filter(|other| other.id != member.id && other.industry.as_ref() == Some(industry))
            .count();
        assert_eq!(shown.len(), peers.min(4), "{}", member.id);
        for &other in &shown {
            assert_eq!(members[other].industry.as_ref(), Some(industry));
        }
        let featured: Vec<bool> = shown.iter().map(|&i| is_featured(&members[i])).collect();
        assert!(
            featured.windows(2).all(|pair| pair[0] || !pair[1]),
            "{}: featured first",
            member.id
        );
        pages_with_related += usize::from(!shown.is_empty());
    }
    assert!(pages_with_related > 0);
}

#[test]
fn a_links_unknown_filters_are_dropped_and_counted() {
    let Some(members) = real_members() else {
        return;
    };
    let known = browse::FacetVocabulary::of(&members);
    let (industry, country) = members
        .iter()
        .find_map(|m| Some((m.industry.clone()?, m.country.clone()?)))
        .unwrap();
    let unknown: String = (0..250).map(|i| format!("&industry=x{i}")).collect();
    let mut state = FilterState::from_query(&format!(
        "industry={industry}&country={country}&country=ZZ&country={country}{unknown}"
    ));
    assert_eq!(state.retain_known(&known), 251);
    assert_eq!(state.industries, BTreeSet::from([industry.clone()]));
    assert_eq!(state.countries, BTreeSet::from([country]));
    // Nothing left to drop: a second pass keeps the state.
    let kept = state.clone();
    assert_eq!(state.retain_known(&known), 0);
    assert_eq!(state, kept);
    // The list then shows the members of the known filters, not an empty list.
    let index = SearchIndex::new(&members);
    assert!(!browse(&members, &index, &state).is_empty());
}

/// The addresses a host redirects to a member are exactly those the app's lookup reads as
/// that member: every one found alone, and no other id, alias or id without hyphens left out
/// that the lookup would find.
#[test]
fn a_members_other_addresses_are_those_the_lookup_reads() {
    let Some(members) = real_members() else {
        return;
    };
    let other = browse::lookup::other_addresses(&members);
    for (address, position) in &other {
        assert_eq!(
            browse::lookup::member_known_as(&members, address),
            Some(*position),
            "{address}"
        );
        assert!(
            members.iter().all(|member| &member.id != address),
            "{address}"
        );
    }
    let listed: BTreeSet<&str> = other.iter().map(|(address, _)| address.as_str()).collect();
    for member in &members {
        let compact = member.id.replace('-', "");
        if compact != member.id && browse::lookup::member_known_as(&members, &compact).is_some() {
            assert!(listed.contains(compact.as_str()), "{compact}");
        }
    }
}
