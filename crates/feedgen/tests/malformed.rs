//! Malformed inputs give errors with a path and a line, never a panic.

mod common;

use common::{TempSite, EN_TABLE, ZH_TABLE};
use feedgen::{build, Diagnostic, Severity};

fn errors(site: &TempSite) -> Vec<Diagnostic> {
    let outcome = build(site.root(), &site.path("facts.toml"), None);
    outcome
        .report
        .diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect()
}

fn find<'a>(errors: &'a [Diagnostic], path: &str) -> &'a Diagnostic {
    errors
        .iter()
        .find(|d| d.path == path)
        .unwrap_or_else(|| panic!("no error for {path} in {errors:#?}"))
}

#[test]
fn truncated_table_invalid_utf8_binary_and_huge_files() {
    let s = TempSite::new("malformed");
    let post = "blog/2025-01-02-x-officially-joined-the-karmada-adopter-group/x.md";
    let garbage = "blog/2025-01-03-y-officially-joined-the-karmada-adopter-group/y.md";
    let mut huge = String::from("const PartnersList = [\n");
    while huge.len() < 10 * 1024 * 1024 {
        huge.push_str("  { title: \"A\", webURL: \"https://a.example\" },\n");
    }
    s.write(
        "facts.toml",
        "[members.x]\nname = \"X\"\nkinds = [adopter]\n",
    )
    .write(
        EN_TABLE,
        "| A | B | C | D |\n|---|---|---|---|\n| X | https://x.example | uses",
    )
    .write(
        ZH_TABLE,
        b"| A | B | C | D |\n|---|---|---|---|\n| X | https://x.example | \xe4\xbd | |\n"
            .as_slice(),
    )
    .write(post, "Intro without a title.\n\n## About X\n\nText.\n")
    .write(
        garbage,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe".as_slice(),
    )
    .write("src/data/partnersData.tsx", &huge)
    .write(
        "i18n/zh/code.json",
        "{\n  \"partners.x.description\": {\n    \"message\": \"x\"\n  ,\n}\n",
    )
    .write(
        "docs/casestudies/bad.md",
        b"---\ntitle: ok\n---\n\xc3\x28\n".as_slice(),
    );
    let errors = errors(&s);

    let e = find(&errors, EN_TABLE);
    assert_eq!(e.line, 3);
    assert!(e.message.contains("truncated"), "{e}");
    let e = find(&errors, ZH_TABLE);
    assert_eq!(e.line, 3);
    assert!(e.message.contains("invalid UTF-8"), "{e}");
    let e = find(&errors, post);
    assert_eq!(e.line, 1);
    assert!(e.message.contains("no H1"), "{e}");
    let e = find(&errors, garbage);
    assert_eq!(
        e.line, 3,
        "the NUL byte follows the two line ends of the PNG signature"
    );
    assert!(e.message.contains("binary"), "{e}");
    let e = find(&errors, "src/data/partnersData.tsx");
    assert_eq!(e.line, 1);
    assert!(e.message.contains("limit"), "{e}");
    let e = find(&errors, "i18n/zh/code.json");
    assert_eq!(e.line, 5);
    let e = find(&errors, "docs/casestudies/bad.md");
    assert_eq!(e.line, 4);
    let e = find(&errors, "facts.toml");
    assert_eq!(e.line, 3);
}

#[test]
fn an_empty_or_missing_site_is_reported() {
    let s = TempSite::new("empty");
    let outcome = build(s.root(), &s.path("facts.toml"), None);
    let shown: Vec<String> = outcome
        .report
        .diagnostics
        .iter()
        .map(|d| d.to_text())
        .collect();
    assert!(
        shown.contains(
            &"facts.toml:0: error: facts file not found; every member gets a derived id"
                .to_string()
        ),
        "{shown:#?}"
    );
    assert!(
        shown.contains(&format!("{EN_TABLE}:0: error: file not found")),
        "{shown:#?}"
    );
    assert!(outcome.feed.members.is_empty());

    // A table with a header but garbage rows, and a post that is only a heading.
    s.write(
        EN_TABLE,
        "| a | b | c | d |\n|---|---|---|---|\n| | | | |\n|||||||||\n",
    )
    .write(ZH_TABLE, "")
    .write(
        "blog/2025-01-02-x-officially-joined-the-karmada-adopter-group/x.md",
        "# Welcome X to the Karmada Adopter Group!",
    );
    let outcome = build(s.root(), &s.path("facts.toml"), None);
    let shown: Vec<String> = outcome
        .report
        .diagnostics
        .iter()
        .map(|d| d.to_text())
        .collect();
    for line in [
        format!("{EN_TABLE}:3: error: row has no organisation name; row skipped"),
        format!("{EN_TABLE}:4: error: row has 8 cells, expected 4 (an unescaped | inside a cell?); row skipped"),
        format!("{ZH_TABLE}:1: error: no adopters table found (expected | Name | Website | Usage Scenario | CaseStudy |)"),
    ] {
        assert!(shown.contains(&line), "{line} not in {shown:#?}");
    }
}
