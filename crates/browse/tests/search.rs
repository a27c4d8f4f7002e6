//! Search normalisation, matching and highlighting, including properties over random text in
//! a small alphabet of ASCII, accented Latin and Chinese (so matches are frequent).

#![allow(clippy::single_range_in_vec_init)] // expected highlight ranges are lists

use browse::search::{highlight_ranges, normalize, terms};
use browse::{browse, FilterState, SearchIndex};
use members_feed::{Kind, Localized, Member};
use proptest::prelude::*;

fn pieces<'a>(text: &'a str, query: &str) -> Vec<&'a str> {
    highlight_ranges(text, query)
        .into_iter()
        .map(|range| &text[range])
        .collect()
}

#[test]
fn normalisation_folds_latin_1_and_extended_a() {
    assert_eq!(normalize("ÀÉÎÕÜ àéîõü Çç Ññ Ýÿ"), "aeiou aeiou cc nn yy");
    assert_eq!(
        normalize("Æsir Œuvre Þór Straße"),
        "aesir oeuvre thor strasse"
    );
    assert_eq!(
        normalize("Čeština Łódź Ğüzel Şişli İzmir ıi"),
        "cestina lodz guzel sisli izmir ii"
    );
    assert_eq!(normalize("Ĳssel Ŋ ĸ ſ"), "ijssel n k s");
    assert_eq!(normalize("Ǆ"), "ǆ", "beyond Extended-A only the case folds");
    // Every letter of Latin-1 Supplement and Latin Extended-A folds to plain ASCII.
    for c in ('\u{C0}'..='\u{17F}').filter(|c| c.is_alphabetic()) {
        let folded = normalize(&c.to_string());
        assert!(
            !folded.is_empty() && folded.bytes().all(|b| b.is_ascii_lowercase()),
            "{c} → {folded}"
        );
    }
}

#[test]
fn normalisation_keeps_chinese_and_collapses_whitespace() {
    assert_eq!(
        normalize("  小红书\u{3000}RedNote\t\n多集群 "),
        "小红书 rednote 多集群"
    );
    assert_eq!(normalize("ＧＰＵ，Ｋａｒｍａｄａ"), "gpu,karmada");
    assert_eq!(
        normalize("a\u{0}b\u{1F}c"),
        "abc",
        "control characters are dropped"
    );
    assert_eq!(terms("  多集群   GPU  "), ["多集群", "gpu"]);
    assert!(terms(" \t ").is_empty());
}

#[test]
fn highlights_map_back_to_original_bytes() {
    assert_eq!(pieces("Zürich Versicherung", "zurich"), ["Zürich"]);
    assert_eq!(highlight_ranges("Zürich Versicherung", "zurich"), [0..7]);
    assert_eq!(pieces("Straße Daten", "STRASSE"), ["Straße"]);
    // A term ending inside one character's expansion highlights the whole character.
    assert_eq!(pieces("Straße", "stras"), ["Straß"]);
    assert_eq!(pieces("Æsir", "a"), ["Æ"]);
    assert_eq!(pieces("Łódź Games", "lod"), ["Łód"]);
    // Latin terms count at a word's start only.
    assert!(pieces("Straße", "ss").is_empty());
    assert_eq!(pieces("ＧＰＵ clusters", "gpu"), ["ＧＰＵ"]);
    assert_eq!(highlight_ranges("ＧＰＵ clusters", "gpu"), [0..9]);
}

#[test]
fn highlights_chinese_and_mixed_text() {
    let text = "构建多集群在线服务平台";
    assert_eq!(highlight_ranges(text, "多集群"), [6..15]);
    assert_eq!(pieces("小红书 RedNote", "RED 红"), ["红", "Red"]);
    assert_eq!(
        pieces("管理训练集群并调度 GPU 集群", "集群"),
        ["集群", "集群"]
    );
}

#[test]
fn highlights_merge_overlaps_and_ignore_misses() {
    assert_eq!(
        highlight_ranges("multi-cluster", "multi cluster multi-c"),
        [0..13]
    );
    assert_eq!(
        highlight_ranges("aaa aab", "aa"),
        [0..2, 4..6],
        "at each word's start"
    );
    assert!(highlight_ranges("Bloomberg", "zzz").is_empty());
    assert!(highlight_ranges("Bloomberg", "   ").is_empty());
    assert!(highlight_ranges("", "a").is_empty());
    // Every term is highlighted where it occurs, even if another term does not occur.
    assert_eq!(pieces("GPU training", "gpu zzz"), ["GPU"]);
}

fn member(id: usize, name: String, usage: String, zh: Option<String>) -> Member {
    Member {
        id: format!("m{id}"),
        name: Localized { en: name, zh },
        aliases: Vec::new(),
        kinds: vec![Kind::Adopter],
        website: "https://example.com/".into(),
        logo: None,
        industry: None,
        country: None,
        usage: Localized::en(usage),
        joined: None,
        announcement: None,
        case_studies: Vec::new(),
        partner: None,
        featured: None,
    }
}

/// The rule, written plainly: a term starting with an ASCII letter or digit counts where it
/// starts a word; any other term anywhere.
fn holds_term(folded: &str, term: &str) -> bool {
    folded.match_indices(term).any(|(at, _)| {
        !term.as_bytes()[0].is_ascii_alphanumeric()
            || at == 0
            || !folded.as_bytes()[at - 1].is_ascii_alphanumeric()
    })
}

const TEXT: &str = "[abcsßéÉŁł小红书集群 ]{0,14}";

proptest! {
    /// The index's one-pass scan finds exactly the members whose fields contain every term.
    #[test]
    fn search_matches_a_naive_scan(
        fields in proptest::collection::vec((TEXT, TEXT, proptest::option::of(TEXT)), 0..40),
        query in "[abcsßéÉŁł小红书集群 ]{0,6}",
    ) {
        let members: Vec<Member> = fields
            .into_iter()
            .enumerate()
            .map(|(i, (name, usage, zh))| member(i, name, usage, zh))
            .collect();
        let index = SearchIndex::new(&members);
        let state = FilterState { query: query.clone(), ..FilterState::default() };
        let mut found = browse(&members, &index, &state);
        found.sort();
        let terms = terms(&query);
        let expected: Vec<usize> = (0..members.len())
            .filter(|&i| {
                let m = &members[i];
                let kinds = m.kinds.iter().flat_map(|&kind| {
                    let (one, many) = browse::labels::kind_names(kind);
                    [one.en, many.en, one.zh].map(normalize)
                });
                let fields: Vec<String> = [Some(&m.name.en), m.name.zh.as_ref(), Some(&m.usage.en)]
                    .into_iter()
                    .flatten()
                    .map(|f| normalize(f))
                    .chain(kinds)
                    .collect();
                terms.iter().all(|t| fields.iter().any(|f| holds_term(f, t)))
            })
            .collect();
        prop_assert_eq!(found, expected);
    }

    /// Highlight ranges are sorted, disjoint, on character boundaries, and cover a match
    /// whenever the folded text contains a term.
    #[test]
    fn highlight_ranges_are_well_formed(text in "\\PC{0,30}|[abcsßéÉŁł小红书集群 ]{0,20}", query in "\\PC{0,6}|[abcsßé书 ]{0,4}") {
        let ranges = highlight_ranges(&text, &query);
        for range in &ranges {
            prop_assert!(range.start < range.end && range.end <= text.len());
            prop_assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
        }
        for pair in ranges.windows(2) {
            prop_assert!(pair[0].end < pair[1].start);
        }
        let folded = normalize(&text);
        if terms(&query).iter().any(|t| holds_term(&folded, t)) {
            prop_assert!(!ranges.is_empty());
        }
    }
}
