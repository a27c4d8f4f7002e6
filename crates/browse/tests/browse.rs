//! Filtering, facet counts and sorting over a small saved feed with hand-computed answers.

use browse::{browse, facets, related, FilterState, SearchIndex, Sort};
use members_feed::{parse_feed, Kind, Member};
use proptest::prelude::*;

fn feed() -> Vec<Member> {
    parse_feed(include_str!("fixtures/small-feed.json"))
        .unwrap()
        .members
}

fn ids(members: &[Member], state: &str) -> Vec<String> {
    let index = SearchIndex::new(members);
    ids_of(
        members,
        browse(members, &index, &FilterState::from_query(state)),
    )
}

fn ids_of(members: &[Member], positions: Vec<usize>) -> Vec<String> {
    positions
        .into_iter()
        .map(|i| members[i].id.clone())
        .collect()
}

#[test]
fn no_filter_lists_everyone_by_name() {
    let members = feed();
    assert_eq!(
        ids(&members, ""),
        ["alpha", "beta", "delta", "epsilon", "gamma"]
    );
}

#[test]
fn kinds_are_any_of() {
    let members = feed();
    assert_eq!(ids(&members, "kind=partner"), ["epsilon", "gamma"]);
    assert_eq!(
        ids(&members, "kind=partner&kind=vendor"),
        ["beta", "epsilon", "gamma"]
    );
}

#[test]
fn facets_combine_across_groups() {
    let members = feed();
    assert_eq!(
        ids(&members, "industry=cloud&country=CN"),
        ["beta", "gamma"]
    );
    assert_eq!(ids(&members, "industry=cloud&kind=adopter"), ["beta"]);
    assert_eq!(
        ids(&members, "industry=cloud&industry=telecom"),
        ["beta", "delta", "gamma"]
    );
    assert_eq!(ids(&members, "case=1"), ["gamma"]);
    assert_eq!(ids(&members, "ann=1"), ["delta"]);
}

#[test]
fn search_reaches_every_field() {
    let members = feed();
    assert_eq!(ids(&members, "q=alpha"), ["alpha"]);
    assert_eq!(
        ids(&members, "q=BETA"),
        ["beta"],
        "accents and case are folded"
    );
    assert_eq!(ids(&members, "q=红书"), ["epsilon"], "Chinese substrings");
    assert_eq!(ids(&members, "q=多云"), ["beta"], "Chinese usage");
    assert_eq!(ids(&members, "q=deltacom"), ["delta"], "aliases");
    assert_eq!(ids(&members, "q=telecom"), ["delta"], "industry");
    assert_eq!(
        ids(&members, "q=%E9%87%91%E8%9E%8D"),
        ["alpha"],
        "the Chinese industry label 金融"
    );
    assert_eq!(
        ids(&members, "q=gpu+jobs"),
        ["alpha"],
        "all terms, anywhere"
    );
    assert!(ids(&members, "q=gpu+regions").is_empty());
}

#[test]
fn facet_counts_ignore_their_own_selection() {
    let members = feed();
    let index = SearchIndex::new(&members);
    let state = FilterState::from_query("industry=cloud&country=CN");
    let counts = facets(&members, &index, &state);
    let count = |options: &[browse::FacetOption<String>], value: &str| {
        options.iter().find(|o| o.value == value).map(|o| o.count)
    };
    // Industry counts apply the country filter only: cloud 2 (beta, gamma), finance 0, telecom 0.
    assert_eq!(count(&counts.industries, "cloud"), Some(2));
    assert_eq!(count(&counts.industries, "finance"), Some(0));
    // Country counts apply the industry filter only: CN 2, US 0, KR 0.
    assert_eq!(count(&counts.countries, "CN"), Some(2));
    assert_eq!(count(&counts.countries, "KR"), Some(0));
    // Kind counts apply both: beta is adopter+vendor, gamma is partner.
    let kinds: Vec<(Kind, usize)> = counts.kinds.iter().map(|o| (o.value, o.count)).collect();
    assert_eq!(
        kinds,
        [(Kind::Adopter, 1), (Kind::Vendor, 1), (Kind::Partner, 1)]
    );
    assert_eq!(counts.has_case_study, 1);
    assert_eq!(counts.has_announcement, 0);
    // Options are ordered by their size in the whole feed, whatever is selected.
    let order: Vec<&str> = counts.industries.iter().map(|o| o.value.as_str()).collect();
    assert_eq!(order, ["cloud", "finance", "telecom"]);
}

#[test]
fn a_selected_value_absent_from_the_feed_still_shows() {
    let members = feed();
    let index = SearchIndex::new(&members);
    let counts = facets(&members, &index, &FilterState::from_query("country=ZZ"));
    assert!(counts
        .countries
        .iter()
        .any(|o| o.value == "ZZ" && o.count == 0));
}

#[test]
fn sorting() {
    let members = feed();
    assert_eq!(
        ids(&members, "sort=newest"),
        ["delta", "beta", "alpha", "epsilon", "gamma"]
    );
    assert_eq!(
        ids(&members, "sort=featured"),
        ["delta", "gamma", "beta", "alpha", "epsilon"]
    );
    let index = SearchIndex::new(&members);
    let state = FilterState {
        sort: Sort::Name,
        ..FilterState::default()
    };
    assert_eq!(browse(&members, &index, &state).len(), members.len());
}

fn related_ids(members: &[Member], id: &str, limit: usize) -> Vec<String> {
    let index = SearchIndex::new(members);
    let position = members.iter().position(|m| m.id == id).unwrap();
    ids_of(members, related(members, &index, position, limit))
}

#[test]
fn related_members_share_the_industry_featured_first() {
    let members = feed();
    assert_eq!(related_ids(&members, "beta", 4), ["gamma"]);
    assert_eq!(related_ids(&members, "gamma", 4), ["beta"]);
    assert!(
        related_ids(&members, "alpha", 4).is_empty(),
        "alone in finance"
    );
    assert!(
        related_ids(&members, "epsilon", 4).is_empty(),
        "no industry"
    );
    assert!(related_ids(&members, "beta", 0).is_empty());
    let twelve = parse_feed(include_str!("fixtures/twelve-members.json"))
        .unwrap()
        .members;
    // Alibaba Cloud has an announcement and a case study, so it comes before DaoCloud's name.
    assert_eq!(related_ids(&twelve, "daocloud", 4), ["alibaba-cloud"]);
    assert_eq!(related_ids(&twelve, "zurich-insure", 4), ["bloomberg"]);
}

fn arbitrary_state() -> impl Strategy<Value = FilterState> {
    (
        proptest::collection::btree_set(
            prop_oneof![Just(Kind::Adopter), Just(Kind::Vendor), Just(Kind::Partner)],
            0..3,
        ),
        proptest::collection::btree_set("[a-z]{1,8}", 0..3),
        proptest::collection::btree_set("[A-Z]{2}", 0..3),
        any::<bool>(),
        any::<bool>(),
        "\\PC{0,20}",
        prop_oneof![Just(Sort::Name), Just(Sort::Newest), Just(Sort::Featured)],
        prop_oneof![
            Just(None),
            Just(Some(members_feed::Lang::En)),
            Just(Some(members_feed::Lang::Zh))
        ],
    )
        .prop_map(
            |(
                kinds,
                industries,
                countries,
                has_case_study,
                has_announcement,
                query,
                sort,
                lang,
            )| FilterState {
                kinds,
                industries,
                countries,
                has_case_study,
                has_announcement,
                // What the URL keeps of a search: whitespace-only means none.
                query: if query.trim().is_empty() {
                    String::new()
                } else {
                    query
                },
                sort,
                lang,
                ..FilterState::default()
            },
        )
}

proptest! {
    #[test]
    fn url_query_round_trips(state in arbitrary_state()) {
        let text = state.to_query();
        prop_assert_eq!(FilterState::from_query(&text), state);
    }

    #[test]
    fn any_query_string_parses_and_rewrites_stably(text in "\\PC{0,80}") {
        let state = FilterState::from_query(&text);
        let canonical = state.to_query();
        prop_assert_eq!(FilterState::from_query(&canonical).to_query(), canonical);
    }
}
