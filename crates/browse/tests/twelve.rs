//! Filtering, search, facet counts, sorting and neighbours over a saved feed of twelve members
//! (`fixtures/twelve-members.json`, read with the real `members_feed::parse_feed`). Every
//! expected answer below was worked out by hand from the fixture; the comments say how.

use browse::{
    browse, browse_with_facets, facets, neighbours, sort, FacetOption, Facets, FilterState,
    SearchIndex, Sort,
};
use members_feed::{parse_feed, Kind, Member};

fn feed() -> Vec<Member> {
    let validated = parse_feed(include_str!("fixtures/twelve-members.json")).unwrap();
    assert_eq!(validated.members.len(), 12, "the fixture is read whole");
    validated.members
}

fn ids(members: &[Member], query: &str) -> Vec<String> {
    let index = SearchIndex::new(members);
    browse(members, &index, &FilterState::from_query(query))
        .into_iter()
        .map(|i| members[i].id.clone())
        .collect()
}

fn counts<T: Clone>(options: &[FacetOption<T>]) -> Vec<(T, usize)> {
    options.iter().map(|o| (o.value.clone(), o.count)).collect()
}

fn facets_for(members: &[Member], query: &str) -> Facets {
    facets(
        members,
        &SearchIndex::new(members),
        &FilterState::from_query(query),
    )
}

const BY_NAME: [&str; 12] = [
    "alibaba-cloud", // alibaba cloud
    "bloomberg",
    "daocloud",
    "ecloud",
    "emile-co",   // Émile & Co: the accent folds away, so it sorts among the e's
    "lodz-games", // Łódź Games
    "orbit-labs",
    "rednote",
    "scatter-lab",
    "strasse-data", // Straße → strasse, after "scatter"
    "wellhub",
    "zurich-insure", // Zürich
];

#[test]
fn no_filter_lists_everyone_by_folded_english_name() {
    assert_eq!(ids(&feed(), ""), BY_NAME);
}

#[test]
fn newest_uses_joined_then_announcement_date_and_puts_undated_last() {
    assert_eq!(
        ids(&feed(), "sort=newest"),
        [
            "scatter-lab",   // announced 2025-10-16 (no joined date)
            "bloomberg",     // 2025-09-11
            "alibaba-cloud", // 2025-09-02
            "lodz-games",    // 2024-11-20, tie broken by name: lodz < strasse
            "strasse-data",  // 2024-11-20
            "wellhub",       // 2024-05-05
            "rednote",       // 2024-03-01
            "zurich-insure", // 2023-06-15
            "orbit-labs",    // 2022-01-01
            "daocloud",      // no date: by name
            "ecloud",
            "emile-co",
        ]
    );
}

#[test]
fn featured_puts_announcements_and_case_studies_first() {
    assert_eq!(
        ids(&feed(), "sort=featured"),
        [
            // Featured (announcement or case study), newest first, undated by name.
            "scatter-lab",
            "bloomberg",
            "alibaba-cloud",
            "daocloud",
            "ecloud",
            // The rest, newest first.
            "lodz-games",
            "strasse-data",
            "wellhub",
            "rednote",
            "zurich-insure",
            "orbit-labs",
            "emile-co",
        ]
    );
}

#[test]
fn sort_reorders_any_subset_consistently() {
    let members = feed();
    let index = SearchIndex::new(&members);
    let mut subset: Vec<usize> = vec![11, 0, 5, 2];
    sort(&members, &index, &mut subset, Sort::Name);
    let names: Vec<&str> = subset.iter().map(|&i| members[i].id.as_str()).collect();
    assert_eq!(names, ["bloomberg", "emile-co", "rednote", "zurich-insure"]);
    sort(&members, &index, &mut subset, Sort::Newest);
    let names: Vec<&str> = subset.iter().map(|&i| members[i].id.as_str()).collect();
    assert_eq!(names, ["bloomberg", "rednote", "zurich-insure", "emile-co"]);
}

#[test]
fn kinds_are_any_of_the_selected() {
    let members = feed();
    assert_eq!(
        ids(&members, "kind=vendor"),
        ["alibaba-cloud", "daocloud", "orbit-labs"]
    );
    assert_eq!(
        ids(&members, "kind=vendor&kind=partner"),
        [
            "alibaba-cloud",
            "daocloud",
            "emile-co",
            "orbit-labs",
            "strasse-data"
        ]
    );
    assert_eq!(
        ids(&members, "kind=vendor,partner"),
        ids(&members, "kind=partner&kind=vendor")
    );
    assert_eq!(ids(&members, "kind=adopter,vendor,partner"), BY_NAME);
}

#[test]
fn filters_of_different_groups_all_apply() {
    let members = feed();
    assert_eq!(
        ids(&members, "kind=adopter&country=CN"),
        ["alibaba-cloud", "ecloud", "rednote"]
    );
    assert_eq!(
        ids(&members, "industry=cloud&industry=finance&case=1"),
        ["alibaba-cloud", "bloomberg", "daocloud"]
    );
    assert_eq!(
        ids(&members, "ann=1&case=1"),
        ["alibaba-cloud", "bloomberg"]
    );
    assert_eq!(
        ids(&members, "country=US&country=CH"),
        ["bloomberg", "orbit-labs", "zurich-insure"]
    );
    // Members without an industry or country never match an industry or country filter.
    assert!(!ids(&members, "industry=gaming,finance").contains(&"emile-co".to_string()));
    assert!(ids(&members, "country=ZZ").is_empty());
}

#[test]
fn search_reaches_names_aliases_usage_industry_and_country() {
    let members = feed();
    assert_eq!(
        ids(&members, "q=cluster"),
        [
            "bloomberg",
            "ecloud",
            "emile-co",
            "lodz-games",
            "rednote",
            "scatter-lab"
        ]
    );
    assert_eq!(ids(&members, "q=cluster+gpu"), ["bloomberg"], "terms AND");
    assert_eq!(ids(&members, "q=GPU%20%20%20CLUSTER"), ["bloomberg"]);
    assert_eq!(ids(&members, "q=training"), ["bloomberg", "strasse-data"]);
    assert_eq!(ids(&members, "q=xiaohongshu"), ["rednote"], "alias");
    assert_eq!(ids(&members, "q=fleet"), ["orbit-labs", "wellhub"]);
    assert_eq!(ids(&members, "q=fleet+istio"), ["wellhub"]);
    assert_eq!(
        ids(&members, "q=spaceflight"),
        ["orbit-labs"],
        "unknown slug"
    );
    assert_eq!(ids(&members, "q=healthcare"), ["wellhub"], "industry slug");
    assert_eq!(
        ids(&members, "q=china"),
        ["alibaba-cloud", "daocloud", "ecloud", "rednote"],
        "the English label of CN"
    );
    assert_eq!(ids(&members, "q=nothing-like-this"), Vec::<String>::new());
    // Terms are looked for within one field: "gmbh provides" spans name and usage.
    assert!(ids(&members, "q=gmbhprovides").is_empty());
}

#[test]
fn search_folds_case_and_accents_both_ways() {
    let members = feed();
    for query in ["zurich", "ZURICH", "Z%C3%BCrich", "z%C3%9Cr"] {
        assert_eq!(
            ids(&members, &format!("q={query}")),
            ["zurich-insure"],
            "{query}"
        );
    }
    for query in ["strasse", "STRASSE", "Stra%C3%9Fe"] {
        assert_eq!(
            ids(&members, &format!("q={query}")),
            ["strasse-data"],
            "{query}"
        );
    }
    assert_eq!(ids(&members, "q=lodz"), ["lodz-games"]);
    assert_eq!(
        ids(&members, "q=%C5%81%C3%B3d%C5%BA"),
        ["lodz-games"],
        "Łódź"
    );
    assert_eq!(ids(&members, "q=EMILE"), ["emile-co"]);
    // Full-width Latin letters typed with a Chinese input method: ｅｍｉｌｅ.
    assert_eq!(
        ids(&members, "q=%EF%BD%85%EF%BD%8D%EF%BD%89%EF%BD%8C%EF%BD%85"),
        ["emile-co"]
    );
}

#[test]
fn search_finds_chinese_substrings() {
    let members = feed();
    let q = |text: &str| ids(&members, &format!("q={}", browse::query::encode(text)));
    assert_eq!(q("多集群"), ["ecloud", "rednote"]);
    assert_eq!(q("集群"), ["bloomberg", "ecloud", "rednote"]);
    assert_eq!(q("红书"), ["rednote"], "part of a Chinese name");
    assert_eq!(q("阿里"), ["alibaba-cloud"]);
    assert_eq!(
        q("中国"),
        ["alibaba-cloud", "daocloud", "ecloud", "rednote"]
    );
    assert_eq!(q("金融"), ["bloomberg", "zurich-insure"], "industry label");
    assert_eq!(q("集群 GPU"), ["bloomberg"], "mixed scripts, both terms");
    assert!(q("多集群 gaming").is_empty());
}

#[test]
fn facet_counts_ignore_their_own_group() {
    let members = feed();
    let facets = facets_for(&members, "kind=adopter&country=CN");
    // Kinds apply country=CN only: rednote, alibaba-cloud, daocloud, ecloud.
    assert_eq!(
        counts(&facets.kinds),
        [(Kind::Adopter, 3), (Kind::Vendor, 2), (Kind::Partner, 1)]
    );
    // Countries apply kind=adopter only (8 adopters). Order: by count in the whole feed
    // (CN 4, US 2, then the singles by code), not by the live count.
    assert_eq!(
        counts(&facets.countries),
        [
            ("CN".to_string(), 3),
            ("US".into(), 1),
            ("BR".into(), 1),
            ("CH".into(), 1),
            ("DE".into(), 0),
            ("KR".into(), 1),
        ]
    );
    // Industries apply both (alibaba-cloud, ecloud, rednote); every feed industry is listed.
    assert_eq!(
        counts(&facets.industries),
        [
            ("cloud".to_string(), 1),
            ("finance".into(), 0),
            ("ai".into(), 0),
            ("gaming".into(), 0),
            ("healthcare".into(), 0),
            ("internet".into(), 1),
            ("software".into(), 0),
            ("spaceflight".into(), 0),
            ("telecom".into(), 1),
        ]
    );
    assert_eq!(facets.has_case_study, 2, "alibaba-cloud, ecloud");
    assert_eq!(facets.has_announcement, 1, "alibaba-cloud");
}

#[test]
fn facet_counts_with_flags_and_several_industries() {
    let members = feed();
    let facets = facets_for(&members, "industry=cloud&industry=finance&case=1");
    // Industries apply case=1: bloomberg, alibaba-cloud, daocloud, ecloud.
    let industries = counts(&facets.industries);
    assert_eq!(industries[0], ("cloud".to_string(), 2));
    assert_eq!(industries[1], ("finance".to_string(), 1));
    assert_eq!(
        industries.iter().find(|(v, _)| v == "telecom"),
        Some(&("telecom".to_string(), 1))
    );
    assert_eq!(industries.iter().map(|(_, c)| c).sum::<usize>(), 4);
    // The case-study count ignores case=1: of bloomberg, zurich, alibaba, daocloud, 3 have one.
    assert_eq!(facets.has_case_study, 3);
    // The announcement count applies everything else: bloomberg, alibaba-cloud.
    assert_eq!(facets.has_announcement, 2);
    assert_eq!(
        counts(&facets.kinds),
        [(Kind::Adopter, 2), (Kind::Vendor, 2), (Kind::Partner, 1)]
    );
    let countries = counts(&facets.countries);
    assert_eq!(
        &countries[..2],
        [("CN".to_string(), 2), ("US".to_string(), 1)]
    );
}

#[test]
fn facet_counts_follow_the_search() {
    let members = feed();
    let facets = facets_for(&members, "q=cluster&kind=adopter");
    // The search alone: bloomberg, ecloud, emile-co (partner), lodz, rednote, scatter-lab.
    assert_eq!(
        counts(&facets.kinds),
        [(Kind::Adopter, 5), (Kind::Vendor, 0), (Kind::Partner, 1)]
    );
    assert_eq!(
        counts(&facets.countries),
        [
            ("CN".to_string(), 2),
            ("US".into(), 1),
            ("BR".into(), 0),
            ("CH".into(), 0),
            ("DE".into(), 0),
            ("KR".into(), 1),
        ]
    );
}

#[test]
fn unfiltered_counts_are_the_feed_totals() {
    let members = feed();
    let facets = facets_for(&members, "");
    assert_eq!(
        counts(&facets.kinds),
        [(Kind::Adopter, 8), (Kind::Vendor, 3), (Kind::Partner, 3)]
    );
    assert_eq!(facets.has_case_study, 4);
    assert_eq!(facets.has_announcement, 3);
    let countries: usize = facets.countries.iter().map(|o| o.count).sum();
    assert_eq!(countries, 10, "two members have no country");
}

#[test]
fn a_selected_value_missing_from_the_feed_is_listed_last_with_zero() {
    let members = feed();
    let facets = facets_for(&members, "industry=zoology&industry=cloud");
    let last = facets.industries.last().unwrap();
    assert_eq!((last.value.as_str(), last.count), ("zoology", 0));
    assert_eq!(facets.industries.len(), 10);
}

#[test]
fn browse_with_facets_equals_the_two_calls() {
    let members = feed();
    let index = SearchIndex::new(&members);
    for query in [
        "",
        "q=cluster&kind=adopter",
        "industry=cloud&industry=finance&case=1&sort=featured",
        "country=CN&ann=1&sort=newest",
    ] {
        let state = FilterState::from_query(query);
        let (shown, counted) = browse_with_facets(&members, &index, &state);
        assert_eq!(shown, browse(&members, &index, &state), "{query}");
        assert_eq!(counted, facets(&members, &index, &state), "{query}");
    }
}

#[test]
fn an_index_of_another_feed_is_not_trusted() {
    let members = feed();
    let stale = SearchIndex::new(&members[..3]);
    let state = FilterState::from_query("q=cluster");
    assert_eq!(
        browse(&members, &stale, &state),
        browse(&members, &SearchIndex::new(&members), &state)
    );
}

#[test]
fn neighbours_follow_the_shown_order() {
    let members = feed();
    let index = SearchIndex::new(&members);
    let shown = browse(&members, &index, &FilterState::default());
    let id = |i: Option<usize>| i.map(|i| members[i].id.as_str());
    let around = |member: &str| {
        let (previous, next) = neighbours(&members, &shown, member);
        (id(previous), id(next))
    };
    assert_eq!(around("daocloud"), (Some("bloomberg"), Some("ecloud")));
    assert_eq!(around("alibaba-cloud"), (None, Some("bloomberg")));
    assert_eq!(around("zurich-insure"), (Some("wellhub"), None));
    assert_eq!(around("nobody"), (None, None));
    // Within a filtered list, neighbours skip the members it hides.
    let shown = browse(&members, &index, &FilterState::from_query("kind=vendor"));
    let (previous, next) = neighbours(&members, &shown, "daocloud");
    assert_eq!(
        (id(previous), id(next)),
        (Some("alibaba-cloud"), Some("orbit-labs"))
    );
    assert_eq!(neighbours(&members, &shown, "bloomberg"), (None, None));
}

mod definition {
    //! Facet counts checked against their definition: an option's count is the number of
    //! members `browse` shows when that option alone is selected in its facet, all other
    //! filters unchanged.
    use super::*;
    use proptest::prelude::*;

    fn state() -> impl Strategy<Value = FilterState> {
        let pick = |values: &'static [&'static str]| {
            proptest::sample::subsequence(values.to_vec(), 0..3)
                .prop_map(|v| v.into_iter().map(str::to_string).collect())
        };
        (
            proptest::sample::subsequence(Kind::ALL.to_vec(), 0..3),
            pick(&["cloud", "finance", "ai", "telecom", "zoology"]),
            pick(&["CN", "US", "KR", "CH", "ZZ"]),
            any::<(bool, bool)>(),
            proptest::sample::select(vec![
                "",
                "cluster",
                "platform",
                "多集群",
                "a",
                "gpu cluster",
            ]),
        )
            .prop_map(
                |(kinds, industries, countries, (case, ann), q)| FilterState {
                    kinds: kinds.into_iter().collect(),
                    industries,
                    countries,
                    has_case_study: case,
                    has_announcement: ann,
                    query: q.to_string(),
                    ..FilterState::default()
                },
            )
    }

    proptest! {
        #[test]
        fn every_count_is_the_size_of_the_list_it_leads_to(state in state()) {
            let members = feed();
            let index = SearchIndex::new(&members);
            let shown_with = |change: &dyn Fn(&mut FilterState)| {
                let mut next = state.clone();
                change(&mut next);
                browse(&members, &index, &next).len()
            };
            let counted = facets(&members, &index, &state);
            for option in &counted.kinds {
                let only: std::collections::BTreeSet<Kind> = [option.value].into_iter().collect();
                prop_assert_eq!(option.count, shown_with(&|s| s.kinds = only.clone()), "{:?}", option);
            }
            for option in &counted.industries {
                let only: std::collections::BTreeSet<String> = [option.value.clone()].into_iter().collect();
                prop_assert_eq!(option.count, shown_with(&|s| s.industries = only.clone()), "{:?}", option);
            }
            for option in &counted.countries {
                let only: std::collections::BTreeSet<String> = [option.value.clone()].into_iter().collect();
                prop_assert_eq!(option.count, shown_with(&|s| s.countries = only.clone()), "{:?}", option);
            }
            prop_assert_eq!(counted.has_case_study, shown_with(&|s| s.has_case_study = true));
            prop_assert_eq!(counted.has_announcement, shown_with(&|s| s.has_announcement = true));
            // Every industry and country of the feed is an option, whatever the filters.
            prop_assert!(counted.industries.len() >= 9 && counted.countries.len() >= 6);
        }
    }
}
