#![no_main]
//! Markdown readers: post parsing, Markdown to document, plain text, front matter/titles.

use libfuzzer_sys::fuzz_target;

fn no_size(_: &str) -> Option<(u32, u32)> {
    None
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = feedgen::source::check_text(data, "fuzz.md") else {
        return;
    };
    let _ = feedgen::posts::parse_post(
        &text,
        "fuzz.md",
        "2025-01-02-x-officially-joined-the-karmada-adopter-group/x.md",
    );
    let _ = feedgen::markdown::plain_text(&text);
    let _ = feedgen::casestudies::doc_title(&text);
    let (doc, _) = feedgen::markdown::to_document(
        &text,
        &feedgen::markdown::Context {
            path: "fuzz.md",
            first_line: 1,
            image_size: &no_size,
        },
    );
    // Whatever comes out must serialise (nesting is bounded, so no stack overflow).
    let json = serde_json::to_string(&doc).expect("documents serialise");
    let back: members_feed::Document = serde_json::from_str(&json).expect("and read back");
    assert_eq!(back, doc);
});
