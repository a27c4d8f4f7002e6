//! Property tests: random bytes and strings never make a reader panic (bounded: a few hundred
//! cases each, so the suite stays fast).

use feedgen::{casestudies, facts::Facts, logos, markdown, partners, posts, source, table};
use proptest::prelude::*;

fn markdownish() -> impl Strategy<Value = String> {
    // Random text made of the characters that matter to the readers.
    proptest::collection::vec(
        prop_oneof![
            Just("|".to_string()),
            Just("\n".to_string()),
            Just("[".to_string()),
            Just("](".to_string()),
            Just(")".to_string()),
            Just("<br/>".to_string()),
            Just("TBD".to_string()),
            Just("## About ".to_string()),
            Just("# ".to_string()),
            Just("---\n".to_string()),
            Just("![x](../../static/img/supporters/a.png)".to_string()),
            Just("```".to_string()),
            Just("> ".to_string()),
            Just("- ".to_string()),
            Just("*".to_string()),
            Just("`".to_string()),
            Just("{".to_string()),
            Just("}".to_string()),
            Just("\"".to_string()),
            "[a-zA-Z0-9 :/.?=中文]{0,12}",
            any::<char>().prop_map(|c| c.to_string()),
        ],
        0..80,
    )
    .prop_map(|parts| parts.concat())
}

fn no_size(_: &str) -> Option<(u32, u32)> {
    None
}

fn all_readers(text: &str) {
    let _ = table::parse_adopters(text, "t.md");
    let _ = table::parse_case_cell(text);
    let _ = markdown::plain_text(text);
    let _ = markdown::to_document(
        text,
        &markdown::Context {
            path: "p.md",
            first_line: 1,
            image_size: &no_size,
        },
    );
    let _ = posts::parse_post(
        text,
        "p.md",
        "2025-01-02-x-officially-joined-the-karmada-adopter-group/x.md",
    );
    let _ = posts::blog_permalink(text);
    let _ = posts::parse_dir_name(text);
    let _ = partners::parse_partners(text, "p.tsx");
    let _ = partners::parse_code_json(text, "code.json");
    let _ = casestudies::doc_title(text);
    let _ = Facts::parse(text, "facts.toml");
    let _ = members_feed::check_url(text);
    let _ = markdown::resolve_url(text);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn readers_never_panic_on_markdownish_text(text in markdownish()) {
        all_readers(&text);
    }

    #[test]
    fn readers_never_panic_on_any_string(text in "\\PC{0,200}") {
        all_readers(&text);
    }

    #[test]
    fn bytes_are_text_or_an_error_with_a_line(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        match source::check_text(&bytes, "x.md") {
            Ok(text) => all_readers(&text),
            Err(d) => prop_assert!(d.line >= 1 && d.path == "x.md"),
        }
        let _ = logos::sniff(&bytes);
    }
}
