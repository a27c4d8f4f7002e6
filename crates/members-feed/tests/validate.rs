//! Reading broken feeds: every case names what is kept and what is reported.

use members_feed::{parse_feed, Block, FeedError, FeedReader, Inline, Kind, Lang, Severity};
use serde_json::json;

fn feed_with(members: serde_json::Value) -> String {
    json!({ "schemaVersion": 1, "generatedAt": "2025-01-01T00:00:00Z", "members": members })
        .to_string()
}

fn member(id: &str) -> serde_json::Value {
    json!({
        "id": id,
        "name": { "en": format!("Org {id}") },
        "kinds": ["adopter"],
        "website": format!("https://{id}.example.com/"),
        "usage": { "en": "Uses Karmada." }
    })
}

#[test]
fn a_broken_member_is_skipped_with_its_path_and_the_others_stay() {
    let feed = parse_feed(include_str!("fixtures/one-broken-member.json")).unwrap();
    let ids: Vec<&str> = feed.members.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["bloomberg", "scatter-lab"]);
    assert_eq!(feed.problems.len(), 1);
    assert_eq!(
        feed.problems[0].to_string(),
        "members[1].website: not an http(s) URL"
    );
    assert_eq!(feed.problems[0].severity, Severity::Skipped);
    assert_eq!(feed.generated_at, "2025-10-16T00:00:00Z");
}

#[test]
fn unknown_fields_are_ignored() {
    let feed = parse_feed(include_str!("fixtures/one-broken-member.json")).unwrap();
    let bloomberg = &feed.members[0];
    assert_eq!(bloomberg.name.text(Lang::Zh), "彭博");
    assert_eq!(bloomberg.logo.as_ref().unwrap().width, Some(1320));
}

#[test]
fn not_json_is_a_feed_error() {
    assert!(matches!(
        parse_feed("<!doctype html><html>"),
        Err(FeedError::NotJson(_))
    ));
    assert!(matches!(parse_feed(""), Err(FeedError::NotJson(_))));
    assert!(matches!(
        parse_feed("{\"schemaVersion\": 1, \"members\": ["),
        Err(FeedError::NotJson(_))
    ));
}

#[test]
fn unknown_schema_version_is_a_feed_error() {
    let text = json!({ "schemaVersion": 2, "members": [] }).to_string();
    assert_eq!(
        parse_feed(&text),
        Err(FeedError::UnsupportedVersion { found: "2".into() })
    );
    let text = json!({ "schemaVersion": "1", "members": [] }).to_string();
    assert!(matches!(
        parse_feed(&text),
        Err(FeedError::UnsupportedVersion { .. })
    ));
}

#[test]
fn json_that_is_not_a_feed_is_a_feed_error() {
    assert!(matches!(
        parse_feed("[1, 2, 3]"),
        Err(FeedError::NotAFeed(_))
    ));
    assert!(matches!(
        parse_feed("{\"members\": []}"),
        Err(FeedError::NotAFeed(_))
    ));
    assert!(matches!(
        parse_feed("{\"schemaVersion\": 1}"),
        Err(FeedError::NotAFeed(_))
    ));
    assert!(matches!(
        parse_feed("{\"schemaVersion\": 1, \"members\": {}}"),
        Err(FeedError::NotAFeed(_))
    ));
}

#[test]
fn type_errors_point_at_the_field() {
    let mut wrong_kind = member("a");
    wrong_kind["kinds"] = json!(["adopter", "astronaut"]);
    let mut numeric_website = member("b");
    numeric_website["website"] = json!(42);
    let mut no_usage = member("c");
    no_usage.as_object_mut().unwrap().remove("usage");
    let feed = parse_feed(&feed_with(json!([
        wrong_kind,
        numeric_website,
        no_usage,
        member("d"),
        "just a string"
    ])))
    .unwrap();
    assert_eq!(feed.members.len(), 1);
    let paths: Vec<&str> = feed.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "members[0].kinds[1]",
            "members[1].website",
            "members[2]",
            "members[4]"
        ]
    );
    assert!(
        feed.problems[0].reason.contains("astronaut"),
        "{}",
        feed.problems[0].reason
    );
    assert!(
        feed.problems[2].reason.contains("usage"),
        "{}",
        feed.problems[2].reason
    );
}

#[test]
fn rules_the_types_cannot_express() {
    let mut no_kinds = member("no-kinds");
    no_kinds["kinds"] = json!([]);
    let mut bad_id = member("x");
    bad_id["id"] = json!("Not A Slug");
    let mut empty_name = member("empty-name");
    empty_name["name"] = json!({ "en": "  " });
    let mut relative_site = member("relative");
    relative_site["website"] = json!("/adopters");
    let feed = parse_feed(&feed_with(json!([
        no_kinds,
        bad_id,
        empty_name,
        relative_site
    ])))
    .unwrap();
    assert!(feed.members.is_empty());
    let reported: Vec<String> = feed.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        reported,
        [
            "members[0].kinds: no kinds: a member is at least one of adopter, vendor, partner",
            "members[1].id: not a slug (lowercase letters, digits and inner hyphens)",
            "members[2].name.en: empty name",
            "members[3].website: not an http(s) URL",
        ]
    );
}

#[test]
fn duplicate_ids_keep_the_first() {
    let mut second = member("same");
    second["name"] = json!({ "en": "Second" });
    let feed = parse_feed(&feed_with(json!([member("same"), second]))).unwrap();
    assert_eq!(feed.members.len(), 1);
    assert_eq!(feed.members[0].name.en, "Org same");
    assert_eq!(feed.problems[0].path, "members[1].id");
    assert!(feed.problems[0].reason.starts_with("duplicate id"));
}

#[test]
fn bad_optional_fields_are_dropped_not_the_member() {
    let mut m = member("drops");
    m["logo"] = json!({ "url": "data:image/svg+xml,<svg onload=alert(1)>" });
    m["country"] = json!("China");
    m["joined"] = json!("last year");
    m["caseStudies"] = json!([
        { "title": { "en": "Talk" }, "url": { "en": "vbscript:msgbox(1)" }, "kind": "video" },
        { "title": { "en": "Doc" }, "url": { "en": "/docs/casestudies/x", "zh": "javascript:x" }, "kind": "doc" }
    ]);
    m["kinds"] = json!(["partner", "adopter", "partner"]);
    let feed = parse_feed(&feed_with(json!([m]))).unwrap();
    let kept = &feed.members[0];
    assert_eq!(kept.logo, None);
    assert_eq!(kept.country, None);
    assert_eq!(kept.joined, None);
    assert_eq!(kept.case_studies.len(), 1);
    assert_eq!(kept.case_studies[0].url.zh, None);
    assert_eq!(kept.kinds, [Kind::Adopter, Kind::Partner]);
    assert!(feed
        .problems
        .iter()
        .all(|p| p.severity == Severity::Dropped));
    let paths: Vec<&str> = feed.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "members[0].logo.url",
            "members[0].country",
            "members[0].joined",
            "members[0].caseStudies[0].url.en",
            "members[0].caseStudies[1].url.zh",
        ]
    );
}

#[test]
fn a_case_study_titled_with_another_address_is_dropped() {
    let mut m = member("titles");
    m["caseStudies"] = json!([
        { "title": { "en": "https://karmada.io/adopters/official" }, "url": { "en": "https://evil.example/phish" }, "kind": "doc" },
        { "title": { "en": "Talk", "zh": "www.karmada.io" }, "url": { "en": "https://evil.example/x" }, "kind": "video" },
        { "title": { "en": "https://ok.example/post" }, "url": { "en": "https://ok.example/post" }, "kind": "doc" },
        { "title": { "en": "https://karmada.io/a" }, "url": { "en": "https://karmada.io/a", "zh": "https://evil.example/zh" }, "kind": "doc" }
    ]);
    let feed = parse_feed(&feed_with(json!([m]))).unwrap();
    let kept = &feed.members[0].case_studies;
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].url.en, "https://ok.example/post");
    let paths: Vec<&str> = feed.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "members[0].caseStudies[0].title",
            "members[0].caseStudies[1].title",
            "members[0].caseStudies[3].title"
        ]
    );
    assert!(feed.problems[0]
        .reason
        .contains("is a web address other than its link"));
}

#[test]
fn unsafe_links_in_announcements_become_text() {
    let mut m = member("ann");
    m["announcement"] = json!({
        "date": "2025-09-11",
        "title": { "en": "Welcome" },
        "url": { "en": "https://karmada.io/blog/x" },
        "content": { "en": [
            { "type": "paragraph", "content": [
                { "type": "text", "text": "Read " },
                { "type": "link", "url": "javascript:alert(1)", "content": [{ "type": "strong", "content": [{ "type": "text", "text": "this" }] }] },
                { "type": "link", "url": "https://karmada.io/", "content": [{ "type": "text", "text": "karmada" }] }
            ]},
            { "type": "image", "url": "data:image/png;base64,AAAA", "alt": "x" },
            { "type": "image", "url": "https://karmada.io/img/supporters/bloomberg.png", "alt": "logo" }
        ]}
    });
    let feed = parse_feed(&feed_with(json!([m]))).unwrap();
    let content = &feed.members[0].announcement.as_ref().unwrap().content.en;
    assert_eq!(content.len(), 2, "the data: image is removed");
    let Block::Paragraph { content: inlines } = &content[0] else {
        panic!("paragraph expected")
    };
    assert_eq!(inlines[1], Inline::text("this"));
    assert!(matches!(&inlines[2], Inline::Link { url, .. } if url == "https://karmada.io/"));
    assert_eq!(feed.problems.len(), 2);
    assert_eq!(feed.problems[0].path, "members[0].announcement.content.en");
}

#[test]
fn oversized_feeds_are_refused_before_parsing() {
    let huge = " ".repeat(members_feed::MAX_FEED_BYTES + 1);
    assert!(matches!(parse_feed(&huge), Err(FeedError::TooLarge { .. })));
}

#[test]
fn deeply_nested_json_is_an_error_not_a_crash() {
    let nested = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let text = format!("{{\"schemaVersion\":1,\"members\":[{nested}]}}");
    // serde_json stops at its recursion limit; the member is reported, not the process killed.
    match parse_feed(&text) {
        Ok(feed) => assert_eq!(feed.members.len(), 0),
        Err(error) => assert!(
            matches!(error, FeedError::NotJson(_) | FeedError::NotAFeed(_)),
            "{error}"
        ),
    }
}

#[test]
fn localized_text_falls_back_to_english() {
    let feed = parse_feed(include_str!("fixtures/one-broken-member.json")).unwrap();
    let scatter = &feed.members[1];
    assert_eq!(scatter.name.text(Lang::Zh), "Scatter Lab");
    assert_eq!(scatter.usage.text(Lang::Zh), scatter.usage.en);
}

#[test]
fn reading_in_batches_gives_the_same_feed_as_reading_at_once() {
    let mut broken = member("broken");
    broken["website"] = json!("javascript:alert(1)");
    let mut members: Vec<_> = (0..25).map(|i| member(&format!("org-{i}"))).collect();
    members.insert(7, broken);
    members.insert(13, member("org-3"));
    members.push(json!("not an object"));
    let text = feed_with(json!(members));
    let at_once = parse_feed(&text).unwrap();

    for batch in [1, 2, 5, 28, 100] {
        let mut reader = FeedReader::new(&text).unwrap();
        assert_eq!(reader.remaining(), 28);
        let mut steps = 0;
        while !reader.read(batch) {
            steps += 1;
            assert_eq!(reader.remaining(), 28 - steps * batch);
        }
        assert_eq!(reader.remaining(), 0);
        assert_eq!(steps, 27 / batch, "batch {batch}");
        assert_eq!(reader.finish(), at_once, "batch {batch}");
    }
    assert_eq!(at_once.members.len(), 25);
    let paths: Vec<_> = at_once.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        ["members[7].website", "members[13].id", "members[27]"]
    );
}

#[test]
fn a_document_level_error_is_found_before_any_member_is_read() {
    assert!(matches!(
        FeedReader::new(r#"{"schemaVersion": 2, "members": []}"#),
        Err(FeedError::UnsupportedVersion { .. })
    ));
    assert!(matches!(
        FeedReader::new(r#"{"schemaVersion": 1, "members": [{"id"#),
        Err(FeedError::NotJson(_))
    ));
}

#[test]
fn an_industry_that_could_not_be_a_filter_is_dropped_and_the_member_kept() {
    let longest = "i".repeat(members_feed::MAX_INDUSTRY_BYTES);
    let mut long = member("long");
    long["industry"] = json!(format!("{longest}i"));
    let mut control = member("control");
    control["industry"] = json!("fin\u{7}ance");
    let mut fits = member("fits");
    fits["industry"] = json!(longest);
    let feed = parse_feed(&feed_with(json!([long, control, fits]))).unwrap();
    let industries: Vec<Option<&str>> =
        feed.members.iter().map(|m| m.industry.as_deref()).collect();
    assert_eq!(industries, [None, None, Some(longest.as_str())]);
    let problems: Vec<String> = feed.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].starts_with("members[0].industry: longer than 80 bytes"));
    assert!(problems[1].starts_with("members[1].industry: "));
    assert!(feed
        .problems
        .iter()
        .all(|p| p.severity == Severity::Dropped));
}

#[test]
fn look_alike_names_are_cleaned_and_refused() {
    let member = |id: &str, name: &str| {
        format!(
            r#"{{"id":"{id}","name":{{"en":"{name}"}},"kinds":["adopter"],"website":"https://{id}.example/","usage":{{"en":"x"}}}}"#
        )
    };
    let members = [
        member("bloomberg", "Bloomberg"),
        member("zero-width", r"Bloom\u200bberg"),
        member("bom", r"\ufeffBloomberg"),
        member("tags", r"Bloomberg\udb40\udc41"),
        member("reversed", r"\u202egrebmoolB"),
        member("joined", r"Scatter\u200dLab"),
    ];
    let text = format!(
        r#"{{"schemaVersion":1,"generatedAt":"2026-01-01T00:00:00Z","members":[{}]}}"#,
        members.join(",")
    );
    let feed = members_feed::parse_feed(&text).expect("a feed");
    let names: Vec<&str> = feed.members.iter().map(|m| m.name.en.as_str()).collect();
    // The look-alikes read as the first "Bloomberg" once cleaned, so they are refused; the
    // reversed one reads as what it is.
    assert_eq!(names, ["Bloomberg", "grebmoolB", "ScatterLab"]);
    assert!(names
        .iter()
        .all(|n| !n.chars().any(members_feed::is_invisible_format)));
    let cleaned = feed
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Cleaned)
        .count();
    assert_eq!(cleaned, 5);
    let refused: Vec<&str> = feed
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Skipped)
        .map(|p| p.path.as_str())
        .collect();
    assert_eq!(
        refused,
        [
            "members[1].name.en",
            "members[2].name.en",
            "members[3].name.en"
        ]
    );
}

#[test]
fn a_huge_usage_text_is_cut() {
    let usage = "x".repeat(members_feed::MAX_USAGE_CHARS * 3);
    let text = format!(
        r#"{{"schemaVersion":1,"generatedAt":"2026-01-01T00:00:00Z","members":[{{"id":"a","name":{{"en":"A"}},"kinds":["adopter"],"website":"https://a.example/","usage":{{"en":"{usage}","zh":"短"}}}}]}}"#
    );
    let feed = members_feed::parse_feed(&text).expect("a feed");
    let member = &feed.members[0];
    assert_eq!(
        member.usage.en.chars().count(),
        members_feed::MAX_USAGE_CHARS + 1
    );
    assert!(member.usage.en.ends_with('…'));
    assert_eq!(member.usage.zh.as_deref(), Some("短"));
    assert_eq!(feed.problems.len(), 1);
    assert_eq!(feed.problems[0].path, "members[0].usage.en");
    assert_eq!(feed.problems[0].severity, Severity::Cleaned);
}

/// A member with an announcement of two sentences (en) and one (zh), featured by `quote`.
fn featured_member(id: &str, quote: serde_json::Value, source: &str) -> serde_json::Value {
    let mut member = member(id);
    member["announcement"] = json!({
        "date": "2025-01-02",
        "title": { "en": "Welcome" },
        "url": { "en": format!("https://karmada.io/blog/{id}") },
        "content": {
            "en": [{ "type": "paragraph", "content": [{ "type": "text", "text": "One runs Karmada. Two is here." }] }],
            "zh": [{ "type": "paragraph", "content": [{ "type": "text", "text": "一。" }] }]
        }
    });
    member["caseStudies"] = json!([{ "title": { "en": "Study" }, "url": { "en": format!("https://karmada.io/docs/casestudies/{id}") }, "kind": "doc" }]);
    member["featured"] = json!({ "quote": quote, "source": source });
    member
}

#[test]
fn a_featured_quote_is_the_members_own_sentence() {
    let announcement = |id: &str| format!("https://karmada.io/blog/{id}");
    let study = |id: &str| format!("https://karmada.io/docs/casestudies/{id}");
    let feed = parse_feed(&feed_with(json!([
        featured_member(
            "kept",
            json!({ "en": "Two is here.", "zh": "一。" }),
            &announcement("kept")
        ),
        featured_member(
            "made-up",
            json!({ "en": "We love it." }),
            &announcement("made-up")
        ),
        featured_member(
            "wrong-zh",
            json!({ "en": "One runs Karmada.", "zh": "二。" }),
            &announcement("wrong-zh")
        ),
        featured_member(
            "from-study",
            json!({ "en": "Anything the study says." }),
            &study("from-study")
        ),
        featured_member(
            "elsewhere",
            json!({ "en": "One runs Karmada." }),
            "https://example.com/"
        ),
        featured_member(
            "too-long",
            json!({ "en": "x".repeat(members_feed::MAX_QUOTE_CHARS + 1) }),
            &announcement("too-long")
        ),
    ])))
    .unwrap();
    let featured = |id: &str| {
        feed.members
            .iter()
            .find(|m| m.id == id)
            .and_then(|m| m.featured.clone())
    };
    assert_eq!(featured("kept").unwrap().quote.zh.as_deref(), Some("一。"));
    assert!(featured("made-up").is_none());
    let wrong_zh = featured("wrong-zh").unwrap();
    assert_eq!(
        (wrong_zh.quote.en.as_str(), wrong_zh.quote.zh),
        ("One runs Karmada.", None)
    );
    assert!(featured("from-study").is_some());
    assert!(featured("elsewhere").is_none());
    assert!(featured("too-long").is_none());
    let paths: Vec<&str> = feed.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "members[1].featured.quote.en",
            "members[2].featured.quote.zh",
            "members[4].featured.source",
            "members[5].featured"
        ]
    );
    // Every member stays; only what it was featured with goes.
    assert_eq!(feed.members.len(), 6);
}

#[test]
fn a_feed_features_three_members_at_most() {
    let members: Vec<_> = (0..5)
        .map(|i| {
            let id = format!("m{i}");
            featured_member(
                &id,
                json!({ "en": "One runs Karmada." }),
                &format!("https://karmada.io/blog/{id}"),
            )
        })
        .collect();
    let feed = parse_feed(&feed_with(json!(members))).unwrap();
    let featured: Vec<&str> = feed
        .members
        .iter()
        .filter(|m| m.featured.is_some())
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(featured, ["m0", "m1", "m2"]);
    assert_eq!(feed.problems.len(), 2);
    assert_eq!(feed.problems[0].path, "members[3].featured");
}

/// The feed's own reader against serde's derive of the same model, member by member, on the
/// bundled feed (every field the builder writes, announcements in both languages): the two
/// must not drift apart (the derive is what the schema and the builder's tests stand on).
#[test]
fn the_bundled_feed_reads_and_writes_as_serde_does() {
    let text = include_str!("../../../public/members.json");
    let feed = parse_feed(text).unwrap();
    let by_serde: members_feed::Feed = serde_json::from_str(text).unwrap();
    assert!(feed.members.len() > 30, "{}", feed.members.len());
    assert_eq!(feed.generated_at, by_serde.generated_at);
    // The reader may clean a member (a dropped link, invisible characters); the bundled feed
    // has nothing to clean.
    assert_eq!(feed.problems, []);
    assert_eq!(feed.members, by_serde.members);
    // And written back, it is the same text, as serde_json writes it.
    let written = members_feed::to_pretty_json(&by_serde);
    assert_eq!(written, text);
    assert_eq!(
        written,
        serde_json::to_string_pretty(&by_serde).unwrap() + "\n"
    );
}

#[test]
fn a_nested_type_error_is_reported_at_its_own_path() {
    let mut broken = member("acme");
    broken["announcement"] = json!({
        "date": "2025-01-01",
        "title": { "en": "T" },
        "url": { "en": "https://acme.example.com/post" },
        "content": { "en": [{ "type": "heading", "level": 300, "content": [] }] }
    });
    let feed = parse_feed(&feed_with(json!([broken, member("b")]))).unwrap();
    assert_eq!(feed.members.len(), 1);
    assert_eq!(
        feed.problems[0].to_string(),
        "members[0].announcement.content.en[0].level: invalid value: integer `300`, expected u8"
    );
}

#[test]
fn frame_errors_are_told_apart() {
    for (text, is_json) in [
        (r#"{"schemaVersion": 1, "members": [}"#, false),
        (r#"{"schemaVersion": 1, "members": []} x"#, false),
        (r#"{"schemaVersion": 1, "members": {}}"#, true),
        (
            r#"{"schemaVersion": 1, "generatedAt": 5, "members": []}"#,
            true,
        ),
        (
            r#"{"schemaVersion": 1, "members": [], "members": []}"#,
            true,
        ),
        (r#"[1, 2]"#, true),
        (r#"[1, 2"#, false),
    ] {
        match parse_feed(text) {
            Err(FeedError::NotJson(_)) => assert!(!is_json, "{text}"),
            Err(FeedError::NotAFeed(_)) => assert!(is_json, "{text}"),
            other => panic!("{text}: {other:?}"),
        }
    }
}

/// What cannot be built of one member (a lone surrogate, nesting deeper than a value may be)
/// costs that member: the document around it is only checked for its syntax.
#[test]
fn a_member_that_cannot_be_built_costs_that_member_not_the_feed() {
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let member_with = |extra: &str| {
        let text = member("odd").to_string();
        format!("{},\"x\":{extra}}}", &text[..text.len() - 1])
    };
    for (extra, kept) in [
        (r#""\ud800""#.to_string(), false),
        (nested(126), true),
        (nested(10_000), false),
    ] {
        let text = format!(
            r#"{{"schemaVersion":1,"generatedAt":"2025-01-01","members":[{},{}]}}"#,
            member_with(&extra),
            member("b")
        );
        let feed = parse_feed(&text).unwrap();
        let ids: Vec<&str> = feed.members.iter().map(|m| m.id.as_str()).collect();
        if kept {
            assert_eq!(ids, ["odd", "b"]);
        } else {
            assert_eq!(ids, ["b"]);
            assert_eq!(feed.problems[0].path, "members[0]");
        }
    }
    // Outside the members, such a field is passed over.
    let text = format!(
        r#"{{"schemaVersion":1,"x":{},"y":"\udc00","members":[{}]}}"#,
        nested(10_000),
        member("b")
    );
    assert_eq!(parse_feed(&text).unwrap().members.len(), 1);
}
