//! A small site with every irregularity `feedgen check` must find, written from inline strings.

mod common;

use common::{png, TempSite, EN_TABLE, ZH_TABLE};
use feedgen::build;
use members_feed::{Block, CaseStudyKind, Inline, Kind};

const FACTS: &str = r#"[members.alpha]
name = "Alpha Corp"
name_zh = "阿尔法"
aliases = ["Alpha", "alpha-corp"]
kinds = ["adopter", "partner", "vendor"]
industry = "cloud"
country = "DE"
website = "https://alpha.example/"
logo = { file = "alpha.png", width = 10, height = 20 }

[members.beta]
name = "Beta"
kinds = ["adopter"]
logo = { file = "beta.png" }

[members.charlie]
name = "Charlie"
kinds = ["adopter"]
logo = { file = "charlie.svg" }

[members.delta]
name = "Delta"
kinds = ["adopter"]
website = "https://delta.example/"
logo = { file = "delta.png" }

[members.unused]
name = "Unused"
kinds = ["partner"]
"#;

const EN: &str = "# Adopters

| Organization/Company Name | Website | Usage Scenario | CaseStudy |
|---|---|---|---|
| Alpha Corp | https://alpha.example/ | Uses [Karmada](https://karmada.io) for `everything`. | [Talk](https://youtu.be/a)<br/>[Alpha doc](/docs/casestudies/alpha) <br /> [Gone](/docs/casestudies/gone) |
| Alpha | https://alpha.example | Same company, another spelling. | |
| Beta | http://beta.example | Plain http. | TBD |
| Delta |  | No website in the table. | TBD(video soon) |
| Charlie | https://charlie.example | Out of order, English only. | [Talk](https://www.youtube.com/watch?v=x y) |
| Echo | https://echo.example | No facts entry. | [Product](https://echo.example/product ) |
";

const ZH: &str = "# 采用者

| 名称 | 网站 | 使用场景 | 案例 |
|---|---|---|---|
| 阿尔法 | https://alpha.example/ | 用 [Karmada](https://karmada.io) 做`一切`。 | [演讲](https://youtu.be/a) |
| Beta | https://beta.example | 普通。 | TBD |
| Delta | | 无网站。 | |
| Echo | https://www.echo.example | 没有事实条目。 | |
| Foxtrot | https://foxtrot.example | 只在中文表里。 | |
";

const POST_EN: &str = "# Welcome Alpha Corp to the Karmada Adopter Group!

Intro boilerplate.

## About Alpha Corp

![member logo](../../static/img/supporters/alpha.png)

Alpha makes
things. [Click](javascript:alert(1)) <b>bold</b>

## About Karmada Adopter Group

Shared text.
";

const POST_ZH: &str = "# 欢迎阿尔法加入 Karmada 用户组

## 关于阿尔法

![logo](../../../../static/img/supporters/alpha.png)

阿尔法的介绍。

## 关于 Karmada 用户组

共享文字。
";

const GHOST: &str =
    "# Welcome Ghost to the Karmada Adopter Group!\n\n## About Ghost\n\nNobody knows Ghost.\n";

const PARTNERS: &str = r#"import alpha from "../../static/img/supporters/alpha.png";
const PartnersList = [
  {
    image: alpha,
    title: "Alpha Corp",
    webURL: "https://alpha.example/karmada",
    description: (<Translate id="partners.alpha.description">Alpha sells Karmada support.</Translate>),
  },
];
"#;

const ALPHA_POST_DIR: &str = "2025-01-02-alpha-officially-joined-the-karmada-adopter-group";

fn site() -> TempSite {
    let s = TempSite::new("irregular");
    s.write("facts.toml", FACTS)
        .write(EN_TABLE, EN)
        .write(ZH_TABLE, ZH)
        .write(&format!("blog/{ALPHA_POST_DIR}/alpha.md"), POST_EN)
        .write(
            &format!("i18n/zh/docusaurus-plugin-content-blog/{ALPHA_POST_DIR}/alpha.md"),
            POST_ZH,
        )
        .write(
            "blog/2025-03-04-ghost-officially-joined-the-karmada-adopter-group/ghost.md",
            GHOST,
        )
        .write("static/img/supporters/alpha.png", png(10, 20))
        .write("static/img/supporters/beta.png", "this is not an image")
        .write(
            "static/img/supporters/charlie.svg",
            "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 32\"></svg>",
        )
        .write("docs/casestudies/alpha.md", "---\ntitle: Alpha on Karmada\n---\n\nText.\n")
        .write("docs/casestudies/adopters.md", "---\ntitle: Redirect\n---\n")
        .write("src/data/partnersData.tsx", PARTNERS)
        .write(
            "i18n/zh/code.json",
            r#"{"partners.alpha.description": {"message": "阿尔法提供 Karmada 支持。"}}"#,
        );
    s
}

#[test]
fn check_reports_every_irregularity_with_file_and_line() {
    let s = site();
    let outcome = build(s.root(), &s.path("facts.toml"), None);
    let found: Vec<String> = outcome
        .report
        .diagnostics
        .iter()
        .map(|d| d.to_text())
        .collect();
    let expected = [
        "blog/2025-01-02-alpha-officially-joined-the-karmada-adopter-group/alpha.md:10: warning: link target \"javascript:alert(1)\" dropped: not an http(s) URL",
        "blog/2025-03-04-ghost-officially-joined-the-karmada-adopter-group/ghost.md:3: error: announcement for \"Ghost\" has no matching adopter row",
        "facts.toml:21: error: logo file static/img/supporters/delta.png is missing",
        "facts.toml:27: warning: facts entry \"unused\" matches no adopter row and no partner",
        "i18n/zh/docusaurus-plugin-content-pages/adopters.md:6: warning: \"Beta\" case study is TBD",
        "i18n/zh/docusaurus-plugin-content-pages/adopters.md:6: warning: \"Beta\" website https://beta.example differs from the English table (http://beta.example, line 7)",
        "i18n/zh/docusaurus-plugin-content-pages/adopters.md:7: error: \"Delta\" has no website",
        "i18n/zh/docusaurus-plugin-content-pages/adopters.md:8: warning: \"Echo\" website https://www.echo.example differs from the English table (https://echo.example, line 10)",
        "i18n/zh/docusaurus-plugin-content-pages/adopters.md:9: error: \"Foxtrot\" is in the Chinese table but not in the English table",
        "src/pages/adopters.md:5: error: \"Alpha Corp\" links case study \"/docs/casestudies/gone\", but docs/casestudies/gone.md does not exist",
        "src/pages/adopters.md:6: error: duplicate id \"alpha\": \"Alpha\" and \"Alpha Corp\" (line 5) are the same member; row left out",
        "src/pages/adopters.md:7: warning: \"Beta\" case study is TBD",
        "src/pages/adopters.md:7: warning: \"Beta\" website http://beta.example is not https",
        "src/pages/adopters.md:8: error: \"Delta\" has no website",
        "src/pages/adopters.md:8: warning: \"Delta\" case study is TBD (video soon)",
        "src/pages/adopters.md:9: error: \"Charlie\" case study URL \"https://www.youtube.com/watch?v=x y\" has a space inside; left out",
        "src/pages/adopters.md:9: error: \"Charlie\" is in the English table but not in the Chinese table",
        "src/pages/adopters.md:9: warning: \"Charlie\" is out of alphabetical order (after \"Delta\")",
        "src/pages/adopters.md:10: warning: \"Echo\" case study URL \"https://echo.example/product \" has a space inside the link target",
        "src/pages/adopters.md:10: warning: \"Echo\" has no facts entry; id \"echo\" derived from the name",
        "static/img/supporters/beta.png:1: error: logo not a PNG or SVG file (starts with 74 68 69 73 20 69 73 20)",
    ];
    assert_eq!(found, expected);
    assert!(outcome.report.has_errors());
    let github = outcome.report.render(feedgen::Format::Github);
    assert!(
        github.contains("::error file=src/pages/adopters.md,line=8::\"Delta\" has no website\n")
    );
}

#[test]
fn the_feed_keeps_what_can_be_joined() {
    let s = site();
    let outcome = build(s.root(), &s.path("facts.toml"), None);
    let feed = &outcome.feed;
    let ids: Vec<&str> = feed.members.iter().map(|m| m.id.as_str()).collect();
    // Delta has no website in either table but one in the facts; Charlie is English-only.
    assert_eq!(ids, ["alpha", "beta", "charlie", "delta", "echo"]);
    assert_eq!(
        feed.generated_at, "2025-01-02T00:00:00Z",
        "the newest announcement in the feed (the unjoined Ghost post does not count)"
    );

    let alpha = &feed.members[0];
    assert_eq!(alpha.kinds, [Kind::Adopter, Kind::Vendor, Kind::Partner]);
    assert_eq!(alpha.name.zh.as_deref(), Some("阿尔法"));
    assert_eq!(alpha.usage.en, "Uses Karmada for everything.");
    assert_eq!(alpha.usage.zh.as_deref(), Some("用 Karmada 做一切。"));
    assert_eq!(alpha.country.as_deref(), Some("DE"));
    let logo = alpha.logo.as_ref().unwrap();
    assert_eq!(logo.url, "https://karmada.io/img/supporters/alpha.png");
    assert_eq!((logo.width, logo.height), (Some(10), Some(20)));
    let studies: Vec<(&str, CaseStudyKind)> = alpha
        .case_studies
        .iter()
        .map(|c| (c.url.en.as_str(), c.kind))
        .collect();
    assert_eq!(
        studies,
        [
            ("https://youtu.be/a", CaseStudyKind::Video),
            (
                "https://karmada.io/docs/casestudies/alpha",
                CaseStudyKind::Doc
            ),
            (
                "https://karmada.io/docs/casestudies/gone",
                CaseStudyKind::Doc
            ),
        ]
    );
    assert_eq!(alpha.case_studies[0].title.zh.as_deref(), Some("演讲"));
    assert_eq!(alpha.case_studies[1].title.en, "Alpha on Karmada");
    let partner = alpha.partner.as_ref().unwrap();
    assert_eq!(partner.url, "https://alpha.example/karmada");
    assert_eq!(
        partner.description.zh.as_deref(),
        Some("阿尔法提供 Karmada 支持。")
    );

    let a = alpha.announcement.as_ref().unwrap();
    assert_eq!(alpha.joined.as_deref(), Some("2025-01-02"));
    assert_eq!(
        a.url.en,
        "https://karmada.io/blog/2025/01/02/alpha-officially-joined-the-karmada-adopter-group/alpha"
    );
    assert_eq!(
        a.content.en,
        vec![
            Block::Image {
                url: "https://karmada.io/img/supporters/alpha.png".into(),
                alt: "member logo".into(),
                width: Some(10),
                height: Some(20)
            },
            Block::Paragraph {
                content: vec![Inline::text("Alpha makes things. Click <b>bold</b>")]
            },
        ]
    );
    assert!(a.content.zh.is_some());

    let echo = feed.members.iter().find(|m| m.id == "echo").unwrap();
    assert_eq!(
        echo.usage.zh.as_deref(),
        Some("没有事实条目。"),
        "matched by host"
    );
    assert_eq!(echo.case_studies[0].url.en, "https://echo.example/product");
    assert_eq!(echo.case_studies[0].kind, CaseStudyKind::Product);
    let delta = feed.members.iter().find(|m| m.id == "delta").unwrap();
    assert_eq!(delta.website, "https://delta.example/");
    assert!(delta.case_studies.is_empty(), "TBD is not a case study");
    let charlie = feed.members.iter().find(|m| m.id == "charlie").unwrap();
    let logo = charlie.logo.as_ref().unwrap();
    assert_eq!(
        (logo.width, logo.height),
        (Some(64), Some(32)),
        "SVG viewBox"
    );
    assert!(
        charlie.case_studies.is_empty(),
        "the URL with a space is left out"
    );

    let validated = members_feed::parse_feed(&outcome.json()).unwrap();
    assert!(validated.problems.is_empty(), "{:?}", validated.problems);
}

#[test]
fn a_missing_chinese_post_leaves_the_chinese_fields_out() {
    let s = site();
    std::fs::remove_dir_all(s.path("i18n/zh/docusaurus-plugin-content-blog")).unwrap();
    let outcome = build(
        s.root(),
        &s.path("facts.toml"),
        Some("2030-01-01T00:00:00Z"),
    );
    assert_eq!(outcome.feed.generated_at, "2030-01-01T00:00:00Z");
    let a = outcome.feed.members[0].announcement.as_ref().unwrap();
    assert!(a.url.zh.is_none() && a.title.zh.is_none() && a.content.zh.is_none());
    assert!(!outcome
        .report
        .diagnostics
        .iter()
        .any(|d| d.path.contains("docusaurus-plugin-content-blog")));
}
