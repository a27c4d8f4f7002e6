#![no_main]
//! The address bar read against the real feed (`public/members.json`): crafted queries mixed
//! with the feed's own industries and countries. Whatever the query, the view keeps only
//! values some member has, at most `MAX_FACET_VALUES` a facet, says how many it dropped, and
//! filters the real members without a panic.

use std::sync::OnceLock;

use browse::query::{FacetVocabulary, FilterState, MAX_FACET_VALUES};
use browse::{browse, SearchIndex};
use libfuzzer_sys::fuzz_target;
use members_feed::{parse_feed, Member};

struct RealFeed {
    members: Vec<Member>,
    index: SearchIndex,
    known: FacetVocabulary,
    /// The feed's values as query pairs, for the fuzzer's bytes to pick from.
    pairs: Vec<String>,
}

fn real_feed() -> &'static RealFeed {
    static FEED: OnceLock<RealFeed> = OnceLock::new();
    FEED.get_or_init(|| {
        let text = include_str!("../../public/members.json");
        let members = parse_feed(text).expect("the bundled feed reads").members;
        let known = FacetVocabulary::of(&members);
        let mut pairs: Vec<String> = known
            .industries
            .iter()
            .map(|industry| format!("industry={industry}"))
            .chain(known.countries.iter().map(|country| format!("country={country}")))
            .collect();
        pairs.sort();
        RealFeed {
            index: SearchIndex::new(&members),
            members,
            known,
            pairs,
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let feed = real_feed();
    // A piece that starts with a control byte stands for one of the feed's own values.
    let query = text
        .split('&')
        .map(|piece| match piece.as_bytes().first() {
            Some(&byte) if byte < 0x20 => feed.pairs[usize::from(byte) % feed.pairs.len()].clone(),
            _ => piece.to_string(),
        })
        .collect::<Vec<_>>()
        .join("&");
    let read = FilterState::from_query(&query);
    let mut state = read.clone();
    let dropped = state.retain_known(&feed.known);
    assert_eq!(
        dropped,
        read.industries.len() + read.countries.len() - state.industries.len() - state.countries.len()
    );
    assert!(state.industries.iter().all(|v| feed.known.industries.contains(v)));
    assert!(state.countries.iter().all(|v| feed.known.countries.contains(v)));
    assert!(state.industries.len() <= MAX_FACET_VALUES && state.countries.len() <= MAX_FACET_VALUES);
    // Known values survive writing and reading back.
    let mut again = FilterState::from_query(&state.to_query());
    assert_eq!(again.retain_known(&feed.known), 0);
    assert_eq!(again, state);
    let shown = browse(&feed.members, &feed.index, &state);
    assert!(shown.len() <= feed.members.len());
});
