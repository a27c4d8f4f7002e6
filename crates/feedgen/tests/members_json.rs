//! The committed `public/members.json` must be what `feedgen build` makes from `content/`.

use std::path::PathBuf;

#[test]
fn committed_feed_matches_a_fresh_build_of_content() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let outcome = feedgen::build(
        &root.join("content"),
        &root.join("content/facts.toml"),
        None,
    );
    let fresh = outcome.json();
    let committed = std::fs::read_to_string(root.join("public/members.json")).unwrap_or_default();
    assert!(
        committed == fresh,
        "public/members.json is stale or missing. Regenerate it from the repository root with\n\n    \
         cargo run -p feedgen -- build --site content --out public/members.json\n\nand commit it."
    );
    assert!(
        !outcome.report.has_errors(),
        "content/ has errors:\n{}",
        outcome.report.render(feedgen::Format::Text)
    );
    let validated = members_feed::parse_feed(&fresh).unwrap();
    assert!(validated.problems.is_empty(), "{:?}", validated.problems);
    assert_eq!(validated.members.len(), 46);
}
