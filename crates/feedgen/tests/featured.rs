//! Featured members: the facts name a sentence by number and fingerprint; the build quotes it
//! and `check` fails, at the facts' line, when the page no longer has it there.

mod common;

use common::{TempSite, EN_TABLE, ZH_TABLE};
use feedgen::facts::fingerprint;
use feedgen::{build, Severity};

const EN: &str = "| Name | Website | Usage | Case studies |
| --- | --- | --- | --- |
| Alpha Corp | https://alpha.example | Runs Karmada. | [Alpha on Karmada](https://karmada.io/docs/casestudies/alpha) |
";
const ZH: &str = "| 名称 | 网站 | 使用 | 案例 |
| --- | --- | --- | --- |
| 阿尔法 | https://alpha.example | 使用 Karmada。 | |
";
const POST_DIR: &str = "2025-01-02-alpha-officially-joined-the-karmada-adopter-group";
const POST_EN: &str = "# Welcome Alpha Corp to the Karmada Adopter Group!

## About Alpha Corp

Alpha makes things. It runs **forty** clusters with Karmada!

## About Karmada Adopter Group

Shared text.
";
const POST_ZH: &str = "# 欢迎阿尔法加入 Karmada 用户组

## 关于阿尔法

阿尔法制造东西。它用 Karmada 运行四十个集群！

## 关于 Karmada 用户组

共享文字。
";
const CASE_STUDY: &str = "---\ntitle: Alpha on Karmada\n---\n\nBefore Karmada we failed over by hand. Now it takes a minute.\n";

fn site(featured: &str) -> TempSite {
    let facts = format!(
        "[members.alpha]\nname = \"Alpha Corp\"\nname_zh = \"阿尔法\"\nkinds = [\"adopter\"]\n\n{featured}"
    );
    let s = TempSite::new("featured");
    s.write("facts.toml", facts)
        .write(EN_TABLE, EN)
        .write(ZH_TABLE, ZH)
        .write(&format!("blog/{POST_DIR}/alpha.md"), POST_EN)
        .write(
            &format!("i18n/zh/docusaurus-plugin-content-blog/{POST_DIR}/alpha.md"),
            POST_ZH,
        )
        .write("docs/casestudies/alpha.md", CASE_STUDY);
    s
}

fn named(lang: &str, sentence: usize, text: &str) -> String {
    format!(
        "{lang} = {{ sentence = {sentence}, fingerprint = \"{}\" }}\n",
        fingerprint(text)
    )
}

#[test]
fn the_named_sentences_are_quoted_in_both_languages() {
    let featured = format!(
        "[members.alpha.featured]\nfrom = \"announcement\"\n{}{}",
        named("en", 2, "It runs forty clusters with Karmada!"),
        named("zh", 2, "它用 Karmada 运行四十个集群！")
    );
    let s = site(&featured);
    let outcome = build(s.root(), &s.path("facts.toml"), None);
    assert!(
        !outcome.report.has_errors(),
        "{}",
        outcome.report.render(feedgen::Format::Text)
    );
    let alpha = &outcome.feed.members[0];
    let quote = &alpha.featured.as_ref().expect("featured").quote;
    assert_eq!(quote.en, "It runs forty clusters with Karmada!");
    assert_eq!(quote.zh.as_deref(), Some("它用 Karmada 运行四十个集群！"));
    assert_eq!(
        alpha.featured.as_ref().unwrap().source,
        alpha.announcement.as_ref().unwrap().url.en
    );
    // The app's reader keeps it: the quote is a sentence of the announcement it names.
    let validated = members_feed::parse_feed(&outcome.json()).unwrap();
    assert!(validated.problems.is_empty(), "{:?}", validated.problems);
    assert!(validated.members[0].featured.is_some());
}

#[test]
fn a_case_study_can_be_quoted() {
    let featured = format!(
        "[members.alpha.featured]\nfrom = \"case-study:alpha\"\n{}",
        named("en", 2, "Now it takes a minute.")
    );
    let s = site(&featured);
    let outcome = build(s.root(), &s.path("facts.toml"), None);
    assert!(
        !outcome.report.has_errors(),
        "{}",
        outcome.report.render(feedgen::Format::Text)
    );
    let featured = outcome.feed.members[0].featured.clone().expect("featured");
    assert_eq!(featured.quote.en, "Now it takes a minute.");
    assert_eq!(featured.source, "https://karmada.io/docs/casestudies/alpha");
    assert!(
        members_feed::parse_feed(&outcome.json()).unwrap().members[0]
            .featured
            .is_some()
    );
}

#[test]
fn a_sentence_that_is_no_longer_there_fails_the_check_at_the_facts_line() {
    // The page changed: the sentence named second is now the first.
    let featured = format!(
        "[members.alpha.featured]\nfrom = \"announcement\"\n{}",
        named("en", 2, "Alpha makes things.")
    );
    let s = site(&featured);
    let outcome = build(s.root(), &s.path("facts.toml"), None);
    let errors: Vec<_> = outcome
        .report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].path.ends_with("facts.toml"));
    assert_eq!(errors[0].line, 6, "the line of [members.alpha.featured]");
    assert!(
        errors[0].message.contains("sentence 2 of blog/")
            && errors[0].message.contains("now number 1"),
        "{}",
        errors[0].message
    );
    assert!(outcome.feed.members[0].featured.is_none());
}

#[test]
fn a_page_the_member_does_not_have_or_a_malformed_name_is_an_error() {
    for (featured, says) in [
        (
            format!("[members.alpha.featured]\nfrom = \"case-study:other\"\n{}", named("en", 1, "x")),
            "not one of its pages (it has: announcement, case-study:alpha)",
        ),
        (
            "[members.alpha.featured]\nfrom = \"the blog\"\nen = { sentence = 0, fingerprint = \"xyz\" }\n".to_string(),
            "`announcement` or `case-study:<stem>`",
        ),
        (
            "[members.alpha.featured]\nfrom = \"announcement\"\nen = { sentence = 0, fingerprint = \"xyz\" }\n".to_string(),
            "needs a sentence number from 1 and an 8-digit hex fingerprint",
        ),
    ] {
        let s = site(&featured);
        let outcome = build(s.root(), &s.path("facts.toml"), None);
        assert!(
            outcome
                .report
                .diagnostics
                .iter()
                .any(|d| d.severity == Severity::Error && d.line == 6 && d.message.contains(says)),
            "{featured}: {}",
            outcome.report.render(feedgen::Format::Text)
        );
        assert!(outcome.feed.members[0].featured.is_none());
    }
}

#[test]
fn sentences_are_listed_with_their_numbers_and_fingerprints() {
    let s = site("");
    let outcome = build(s.root(), &s.path("facts.toml"), None);
    let listing = feedgen::build::sentence_listing("alpha", &outcome.quotable["alpha"]);
    assert!(listing.contains(&format!(
        "  en   2  {}  It runs forty clusters with Karmada!",
        fingerprint("It runs forty clusters with Karmada!")
    )));
    assert!(listing.contains("from = \"case-study:alpha\""));
    assert!(listing.contains("  zh   1  "));
}

#[test]
fn fingerprints_are_stable() {
    // FNV-1a, 32 bits: facts files written today must match tomorrow's build.
    assert_eq!(fingerprint(""), "811c9dc5");
    assert_eq!(fingerprint("a"), "e40c292c");
}
