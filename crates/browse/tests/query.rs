//! The URL query ⇄ FilterState mapping: canonical writing, lenient reading, chips.

use browse::query::{
    decode, encode, MAX_FACET_VALUES, MAX_QUERY_CHARS, PRESERVED_PARAMS, STATE_PARAMS,
};
use browse::{ActiveFilter, FilterState, Layout, Sort};
use members_feed::{Kind, Lang};
use proptest::prelude::*;

#[test]
fn reads_the_documented_example() {
    let state = FilterState::from_query(
        "?kind=adopter&kind=vendor&industry=finance&country=CN&case=1&ann=1&q=gpu&sort=newest&lang=zh",
    );
    assert_eq!(
        state.kinds.iter().copied().collect::<Vec<_>>(),
        [Kind::Adopter, Kind::Vendor]
    );
    assert_eq!(state.industries.iter().collect::<Vec<_>>(), ["finance"]);
    assert_eq!(state.countries.iter().collect::<Vec<_>>(), ["CN"]);
    assert!(state.has_case_study && state.has_announcement);
    assert_eq!(state.query, "gpu");
    assert_eq!(state.sort, Sort::Newest);
    assert_eq!(state.lang, Some(Lang::Zh));
    assert_eq!(
        state.to_query(),
        "q=gpu&kind=adopter&kind=vendor&industry=finance&country=CN&case=1&ann=1&sort=newest&lang=zh"
    );
}

#[test]
fn repeated_parameters_and_comma_lists_are_the_same() {
    let a = FilterState::from_query("country=US&country=CN&industry=cloud&industry=ai");
    let b = FilterState::from_query("industry=ai,cloud&country=CN,US");
    let c = FilterState::from_query("industry=cloud,ai&country=US,CN");
    assert_eq!(a, b);
    assert_eq!(a, c);
    assert_eq!(
        a.to_query(),
        "industry=ai&industry=cloud&country=CN&country=US"
    );
}

#[test]
fn an_encoded_comma_is_part_of_its_value() {
    // Only a literal comma separates a list: a feed's industry may hold one, and its facet
    // must filter by the whole value after the round trip through the address bar.
    let state = FilterState::from_query("industry=a%2Cb,cloud&country=US");
    assert_eq!(
        state
            .industries
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        ["a,b", "cloud"]
    );
    assert_eq!(state.to_query(), "industry=a%2Cb&industry=cloud&country=US");
    assert_eq!(FilterState::from_query(&state.to_query()), state);
}

#[test]
fn malformed_and_unknown_parameters_are_ignored() {
    for query in [
        "",
        "?",
        "&&&",
        "=",
        "=x&=y",
        "kind=bogus",
        "kind=",
        "kind=,,,",
        "sort=zzz",
        "sort=",
        "lang=fr",
        "case=0",
        "case=maybe",
        "ann=",
        "utm_source=mail&fbclid=123",
        "%ZZ=1",
        "q=%20%20",
        "q=+++",
        "member=",
        "industry=%00",
        "%",
        "%%%%",
        "q",
    ] {
        let state = FilterState::from_query(query);
        assert!(state.is_unfiltered(), "{query:?} → {state:?}");
        assert_eq!(state.sort, Sort::Name, "{query:?}");
        assert_eq!(state.lang, None, "{query:?}");
        assert_eq!(state.to_query(), "", "{query:?}");
    }
    // Bad values drop alone; good ones beside them stay.
    let state = FilterState::from_query("kind=bogus&kind=partner,alien&sort=zzz&q=ok");
    assert_eq!(
        state.kinds.iter().copied().collect::<Vec<_>>(),
        [Kind::Partner]
    );
    assert_eq!(state.sort, Sort::Name);
    assert_eq!(state.to_query(), "q=ok&kind=partner");
}

#[test]
fn reading_is_lenient_about_case_and_spelling() {
    let state = FilterState::from_query("kind=Adopter&sort=NEWEST&case=true&ann=on&lang=zh-Hans");
    assert_eq!(
        state.kinds.iter().copied().collect::<Vec<_>>(),
        [Kind::Adopter]
    );
    assert_eq!(state.sort, Sort::Newest);
    assert!(state.has_case_study && state.has_announcement);
    assert_eq!(state.lang, Some(Lang::Zh));
    assert_eq!(
        state.to_query(),
        "kind=adopter&case=1&ann=1&sort=newest&lang=zh"
    );
}

#[test]
fn percent_coding_is_utf8_with_plus_as_space() {
    assert_eq!(
        FilterState::from_query("q=gpu+training").query,
        "gpu training"
    );
    assert_eq!(FilterState::from_query("q=a%2Bb").query, "a+b");
    assert_eq!(
        FilterState::from_query("q=%E5%A4%9A%E9%9B%86%E7%BE%A4").query,
        "多集群"
    );
    assert_eq!(
        FilterState::from_query("q=Z%c3%bcrich").query,
        "Zürich",
        "lower-case hex"
    );
    assert_eq!(FilterState::from_query("q=100%").query, "100%");
    assert_eq!(
        FilterState::from_query("q=%E5%A4").query,
        "\u{FFFD}",
        "cut UTF-8"
    );
    let state = FilterState {
        query: "a&b=c d+e,f 多".into(),
        ..FilterState::default()
    };
    assert_eq!(state.to_query(), "q=a%26b%3Dc%20d%2Be%2Cf%20%E5%A4%9A");
    assert_eq!(FilterState::from_query(&state.to_query()), state);
    assert_eq!(encode("-_.~az09"), "-_.~az09");
    assert_eq!(decode(&encode("ß & 小")), "ß & 小");
}

/// Found by the `query` fuzz target (`fuzz/`): `?q=+` read as a one-space search,
/// which `to_query` leaves out, so the view did not survive being written back; then the same
/// with a search that is blank only once cut.
#[test]
fn a_blank_search_is_no_search_and_round_trips() {
    for query in ["q=+", "q=%20%09", "q=\u{0}&q=+", "q=%E3%80%80"] {
        let state = FilterState::from_query(query);
        assert_eq!(state.query, "", "{query:?}");
        assert_eq!(
            FilterState::from_query(&state.to_query()),
            state,
            "{query:?}"
        );
    }
    assert_eq!(FilterState::from_query("q=+gpu+").query, " gpu ");
    // Blank only once cut to the longest search kept.
    let cut_to_blank = format!("q={}x", "%0B".repeat(MAX_QUERY_CHARS));
    let state = FilterState::from_query(&cut_to_blank);
    assert_eq!(state.query, "");
    assert_eq!(FilterState::from_query(&state.to_query()), state);
}

#[test]
fn long_searches_are_cut() {
    let long = "x".repeat(MAX_QUERY_CHARS + 50);
    let state = FilterState::from_query(&format!("q={long}"));
    assert_eq!(state.query.chars().count(), MAX_QUERY_CHARS);
}

#[test]
fn chips_are_param_value_pairs_in_a_stable_order() {
    let state = FilterState::from_query(
        "ann=1&country=US&country=CN&case=1&industry=finance&kind=vendor&kind=adopter&q=gpu&sort=newest",
    );
    assert_eq!(
        state.active_params(),
        [
            ("q", "gpu".to_string()),
            ("kind", "adopter".into()),
            ("kind", "vendor".into()),
            ("industry", "finance".into()),
            ("country", "CN".into()),
            ("country", "US".into()),
            ("case", "1".into()),
            ("ann", "1".into()),
        ]
    );
    assert_eq!(state.active_filters()[1], ActiveFilter::Kind(Kind::Adopter));
    // Removing one chip keeps everything else, sort included.
    assert_eq!(
        state.without_param("country", "CN").to_query(),
        "q=gpu&kind=adopter&kind=vendor&industry=finance&country=US&case=1&ann=1&sort=newest"
    );
    assert_eq!(
        state.without(&ActiveFilter::HasCaseStudy),
        state.without_param("case", "1")
    );
    assert_eq!(state.without_param("q", "").query, "");
    assert_eq!(state.without_param("sort", "newest"), state, "not a chip");
    assert_eq!(state.without_param("kind", "alien"), state);
    // Removing every chip in turn leaves no filter but keeps the sort.
    let mut rest = state.clone();
    for (param, value) in state.active_params() {
        rest = rest.without_param(param, &value);
    }
    assert!(rest.is_unfiltered());
    assert_eq!(rest, state.cleared());
    assert_eq!(rest.to_query(), "sort=newest");
}

#[test]
fn each_chip_names_its_own_filter() {
    for filter in [
        ActiveFilter::Query("多集群 gpu".into()),
        ActiveFilter::Kind(Kind::Partner),
        ActiveFilter::Industry("finance".into()),
        ActiveFilter::Country("KR".into()),
        ActiveFilter::HasCaseStudy,
        ActiveFilter::HasAnnouncement,
    ] {
        assert_eq!(
            ActiveFilter::from_param(filter.param(), filter.value()),
            Some(filter.clone())
        );
    }
}

/// Values as a URL could carry them: slugs, codes and short texts (commas included) without
/// surrounding spaces or control characters; a search that is not only whitespace.
fn arbitrary_state() -> impl Strategy<Value = FilterState> {
    let kinds = proptest::collection::btree_set(
        prop_oneof![Just(Kind::Adopter), Just(Kind::Vendor), Just(Kind::Partner)],
        0..4,
    );
    let industries = proptest::collection::btree_set(
        "[a-z0-9][a-z0-9-]{0,12}|[^\\s\\p{C}]{1,6}|[a-z]{1,4},[a-z]{1,4}",
        0..4,
    );
    let countries = proptest::collection::btree_set("[A-Z]{2}", 0..4);
    let query = prop_oneof![
        Just(String::new()),
        "\\PC{0,40}".prop_filter("not blank", |q| !q.trim().is_empty()),
        "[a-zé多集群 +&=%,#?]{1,20}".prop_filter("not blank", |q| !q.trim().is_empty()),
    ];
    let sort = prop_oneof![Just(Sort::Name), Just(Sort::Newest), Just(Sort::Featured)];
    let layout = prop_oneof![Just(Layout::Cards), Just(Layout::Table)];
    let lang = prop_oneof![Just(None), Just(Some(Lang::En)), Just(Some(Lang::Zh))];
    let member = proptest::option::of("[a-z0-9][a-z0-9-]{0,20}");
    let preserved =
        proptest::sample::subsequence(PRESERVED_PARAMS.to_vec(), 0..3).prop_flat_map(|keys| {
            let n = keys.len();
            (Just(keys), proptest::collection::vec("\\PC{0,12}", n))
        });
    (
        kinds,
        industries,
        countries,
        any::<(bool, bool)>(),
        query,
        (sort, layout),
        lang,
        member,
        preserved,
    )
        .prop_map(
            |(
                kinds,
                industries,
                countries,
                (case, ann),
                query,
                (sort, layout),
                lang,
                member,
                (keys, values),
            )| {
                FilterState {
                    kinds,
                    industries,
                    countries,
                    has_case_study: case,
                    has_announcement: ann,
                    query,
                    sort,
                    layout,
                    lang,
                    member,
                    debug: None,
                    preserved: keys.into_iter().map(str::to_string).zip(values).collect(),
                }
            },
        )
}

/// The compact view is part of the address: written only when chosen, read leniently, and
/// not a filter (the same members, the same chips).
#[test]
fn the_table_view_is_in_the_address() {
    let state = FilterState::from_query("kind=adopter&view=TABLE");
    assert_eq!(state.layout, Layout::Table);
    assert_eq!(state.to_query(), "kind=adopter&view=table");
    assert_eq!(FilterState::from_query("view=cards").to_query(), "");
    assert_eq!(FilterState::from_query("view=grid").layout, Layout::Cards);
    assert_eq!(state.without_display().layout, Layout::Cards);
    assert_eq!(state.active_filters().len(), 1);
}

proptest! {
    #[test]
    fn every_state_survives_the_round_trip(state in arbitrary_state()) {
        let text = state.to_query();
        prop_assert_eq!(FilterState::from_query(&text), state.clone());
        prop_assert_eq!(FilterState::from_query(&format!("?{text}")), state);
    }

    #[test]
    fn equal_states_give_equal_strings(a in arbitrary_state()) {
        // The same state built by a differently ordered query string.
        let mut pairs: Vec<&str> = Vec::new();
        let text = a.to_query();
        pairs.extend(text.split('&').filter(|p| !p.is_empty()));
        pairs.reverse();
        let shuffled = FilterState::from_query(&pairs.join("&"));
        // Preserved parameters keep their order of appearance, so compare without them.
        prop_assert_eq!(shuffled.without_display().to_query(), a.without_display().to_query());
    }

    #[test]
    fn any_string_parses_and_its_canonical_form_is_stable(text in "\\PC{0,80}|[a-z=&%+,0-9A-F]{0,40}") {
        let state = FilterState::from_query(&text);
        let canonical = state.to_query();
        prop_assert_eq!(FilterState::from_query(&canonical).to_query(), canonical);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..60)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = FilterState::from_query(&text).to_query();
        let _ = decode(&text);
    }
}

#[test]
fn a_crafted_link_keeps_a_bounded_state() {
    // Found by an attack sweep: 11,000 unknown industries (about 165 KB of query) trapped the
    // wasm, 10,000 froze the page; and a megabyte of query must read in bounded memory.
    let repeated: String = (0..20_000).map(|i| format!("industry=x{i}&")).collect();
    let listed = format!(
        "country={}",
        (0..20_000)
            .map(|i| format!("c{i}"))
            .collect::<Vec<_>>()
            .join(",")
    );
    let megabyte = format!(
        "q={}&industry={}",
        "a".repeat(500_000),
        "b,".repeat(250_000)
    );
    for query in [&repeated, &listed, &megabyte] {
        let state = FilterState::from_query(query);
        assert!(
            state.industries.len() <= MAX_FACET_VALUES,
            "{}",
            state.industries.len()
        );
        assert!(
            state.countries.len() <= MAX_FACET_VALUES,
            "{}",
            state.countries.len()
        );
        assert!(state.query.chars().count() <= MAX_QUERY_CHARS);
        assert!(state.active_filters().len() <= 2 * MAX_FACET_VALUES + 8);
        // What is kept reads back as itself.
        assert_eq!(FilterState::from_query(&state.to_query()), state);
    }
    // The first values of the address are the ones kept.
    let state = FilterState::from_query(&repeated);
    let last_kept = format!("x{}", MAX_FACET_VALUES - 1);
    assert!(state.industries.contains("x0") && state.industries.contains(&last_kept));
    assert!(!state.industries.contains(&format!("x{MAX_FACET_VALUES}")));
}

#[test]
fn the_state_is_written_with_its_own_parameters_only() {
    let state = FilterState::from_query(
        "q=gpu&kind=adopter&industry=ai&country=CN&case=1&ann=1&sort=newest&view=table&lang=zh&member=x&debug=feed&embed=1&utm_source=y",
    );
    let query = state.to_query();
    let keys: Vec<&str> = query
        .split('&')
        .map(|pair| pair.split('=').next().unwrap())
        .collect();
    for key in &keys {
        assert!(
            STATE_PARAMS.contains(key) || PRESERVED_PARAMS.contains(key),
            "{key} in {query}"
        );
    }
    // Every state parameter is read (and written back).
    for key in STATE_PARAMS {
        assert!(keys.contains(&key), "{key} is not read: {query}");
    }
}
