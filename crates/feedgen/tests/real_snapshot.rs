//! The builder over the real karmada.io snapshot in `../shared/karmada-site/website` (beside
//! the checkout). Skipped with a message when the snapshot is absent.

use std::path::PathBuf;

use feedgen::{build, Severity};
use members_feed::{CaseStudyKind, Kind};

fn snapshot() -> Option<PathBuf> {
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/karmada-site/website");
    if dir.join("src/pages/adopters.md").exists() {
        Some(dir)
    } else {
        eprintln!(
            "SKIPPED: the karmada.io snapshot is not at {} (see DEVELOPERS.md)",
            dir.display()
        );
        None
    }
}

fn facts() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content/facts.toml")
}

#[test]
fn every_adopter_partner_and_announcement_lands_in_the_feed() {
    let Some(site) = snapshot() else { return };
    let outcome = build(&site, &facts(), None);
    let feed = &outcome.feed;
    let adopters = feed
        .members
        .iter()
        .filter(|m| m.has_kind(Kind::Adopter))
        .count();
    let partners: Vec<&str> = feed
        .members
        .iter()
        .filter(|m| m.has_kind(Kind::Partner))
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(adopters, 46);
    assert_eq!(feed.members.len(), 46, "every partner is also an adopter");
    assert_eq!(
        partners,
        [
            "cecloud",
            "daocloud",
            "huawei",
            "neen",
            "unicom-digital-tech",
            "unionbigdata"
        ]
    );
    for m in feed.members.iter().filter(|m| m.has_kind(Kind::Partner)) {
        let p = m.partner.as_ref().unwrap();
        assert!(
            !p.description.en.is_empty() && p.description.zh.is_some(),
            "{}",
            m.id
        );
    }
    let announced: Vec<&str> = feed
        .members
        .iter()
        .filter(|m| {
            m.announcement.as_ref().is_some_and(|a| {
                a.url.zh.is_some()
                    && a.title.zh.is_some()
                    && a.content.zh.as_ref().is_some_and(|c| !c.is_empty())
                    && !a.content.en.is_empty()
            })
        })
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(
        announced,
        [
            "alibaba-cloud",
            "bloomberg",
            "brain-inspired",
            "gongjikeji",
            "scatter-lab",
            "sensetime",
            "songke"
        ]
    );
    // Every member has a Chinese usage text: all 46 rows were matched across the two tables.
    assert!(feed.members.iter().all(|m| m.usage.zh.is_some()));

    let by_id = |id: &str| feed.members.iter().find(|m| m.id == id).unwrap();
    let rednote = by_id("rednote");
    assert_eq!(rednote.name.zh.as_deref(), Some("小红书"));
    assert!(rednote.aliases.iter().any(|a| a == "xiaohongshu"));

    let dao = by_id("daocloud");
    assert_eq!(dao.kinds, [Kind::Adopter, Kind::Vendor, Kind::Partner]);
    assert_eq!(dao.case_studies.len(), 1);
    let study = &dao.case_studies[0];
    assert_eq!(study.kind, CaseStudyKind::Doc);
    assert_eq!(study.url.en, "https://karmada.io/docs/casestudies/daocloud");
    assert_eq!(
        study.title.en,
        "DaoCloud Builds the Next-Generation Enterprise Multicloud Platform with Karmada"
    );
    assert_eq!(
        dao.partner.as_ref().unwrap().url,
        "https://www.daocloud.io/en/"
    );

    let brain = by_id("brain-inspired");
    let a = brain.announcement.as_ref().unwrap();
    assert_eq!(brain.joined.as_deref(), Some("2025-07-30"));
    assert_eq!(
        a.url.en,
        "https://karmada.io/blog/2025/07/30/brain-inspired-officially-joined-the-karmada-adopter-group/brain-inspired"
    );
    assert_eq!(
        a.url.zh.as_deref(),
        Some("https://karmada.io/zh/blog/2025/07/30/brain-inspired-officially-joined-the-karmada-adopter-group/brain-inspired")
    );
    // The boilerplate sections stay out of each member's content.
    let text = serde_json::to_string(&a.content).unwrap();
    assert!(!text.contains("Adopter Group"), "{text}");
    assert!(!text.contains("用户组"), "{text}");
    assert!(
        text.contains("\"width\":239"),
        "the logo image got its PNG size: {text}"
    );

    assert_eq!(feed.generated_at, "2026-03-17T00:00:00Z");
    let shopee = by_id("shopee");
    assert_eq!(
        shopee.case_studies[0].url.en,
        "https://www.youtube.com/watch?v=jZg6TmyciyI"
    );
    assert_eq!(shopee.case_studies[0].kind, CaseStudyKind::Video);
    let unicom = by_id("unicom-digital-tech");
    assert_eq!(unicom.case_studies[0].kind, CaseStudyKind::Product);
    assert_eq!(
        unicom.case_studies[0].title.zh.as_deref(),
        Some("分布式容器服务DSK")
    );
    let hurricane = by_id("hurricane-engines");
    assert_eq!(
        hurricane.case_studies[0].title.en,
        "Karmada in AIML INSTITUTE"
    );
    assert_eq!(
        hurricane.case_studies[0].url.zh.as_deref(),
        Some("https://karmada.io/zh/docs/casestudies/ci123")
    );
}

#[test]
fn the_built_feed_passes_the_app_validation() {
    let Some(site) = snapshot() else { return };
    let outcome = build(&site, &facts(), None);
    let validated = members_feed::parse_feed(&outcome.json()).expect("a feed");
    assert!(validated.problems.is_empty(), "{:?}", validated.problems);
    assert_eq!(validated.members.len(), 46);
    // Byte-stable: a second build gives the same bytes.
    assert_eq!(outcome.json(), build(&site, &facts(), None).json());
}

const EN: &str = "src/pages/adopters.md";
const ZH: &str = "i18n/zh/docusaurus-plugin-content-pages/adopters.md";
const WALL: &str = "src/data/supporters.js";
use Severity::Warning;

#[test]
fn check_finds_the_real_problems() {
    let Some(site) = snapshot() else { return };
    let outcome = build(&site, &facts(), None);
    let found: Vec<(&str, usize, Severity, &str)> = outcome
        .report
        .diagnostics
        .iter()
        .map(|d| (d.path.as_str(), d.line, d.severity, d.message.as_str()))
        .collect();
    let expected: Vec<(&str, usize, Severity, &str)> = vec![
        (ZH, 26, Warning, "\"中科类脑\" website http://www.leinao.ai/ is not https"),
        (ZH, 28, Warning, "\"中国电子云 (CECloud)\" is out of alphabetical order (after \"兴业数金 (Cibfintech.com)\")"),
        (ZH, 32, Warning, "\"GMI Cloud\" case study is TBD (KCD Beijing 2026 video)"),
        (ZH, 41, Warning, "\"家家悦集团\" website http://www.jiajiayue.com.cn is not https"),
        (ZH, 44, Warning, "\"长桥证券\" website https://www.longbridge.com/ differs from the English table (https://longbridge.com/, line 44)"),
        (ZH, 48, Warning, "\"奇虎 360\" website https://www.360.cn differs from the English table (https://www.360.com, line 48)"),
        (ZH, 49, Warning, "\"小红书\" website https://www.xiaohongshu.com differs from the English table (https://xiaohongshu.com, line 49)"),
        (ZH, 52, Warning, "\"Shopee\" case study URL \"https://www.youtube.com/watch?v=jZg6TmyciyI \" has a space inside the link target"),
        (ZH, 54, Warning, "\"新浪 (Sina)\" is out of alphabetical order (after \"松科智能 (Songke Intelligence)\")"),
        (ZH, 54, Warning, "\"新浪\" website http://www.sina.com.cn is not https"),
        (ZH, 57, Warning, "\"中国联通数字科技\" website http://www.chinaunicom.com.cn is not https"),
        (ZH, 60, Warning, "\"Wellhub\" case study is TBD"),
        (ZH, 61, Warning, "\"数之联 (Unionbigdata)\" is out of alphabetical order (after \"Wellhub\")"),
        (ZH, 65, Warning, "\"WPS\" is out of alphabetical order (after \"中通快递 (ZTO)\")"),
        (ZH, 66, Warning, "\"星环科技 (Transwarp)\" is out of alphabetical order (after \"WPS\")"),
        (ZH, 67, Warning, "\"得物 (Dewu)\" is out of alphabetical order (after \"星环科技 (Transwarp)\")"),
        (WALL, 40, Warning, "the logo wall shows icbc.png, which is no adopter's logo in the adopters table"),
        (WALL, 44, Warning, "the logo wall shows spdb.png, which is no adopter's logo in the adopters table"),
        (WALL, 56, Warning, "the logo wall shows qutoutiao.png, which is no adopter's logo in the adopters table"),
        (WALL, 60, Warning, "the logo wall shows faw.png, which is no adopter's logo in the adopters table"),
        (WALL, 64, Warning, "the logo wall shows T3-logo2.png, which is no adopter's logo in the adopters table"),
        (WALL, 68, Warning, "the logo wall shows chinamobile.png, which is no adopter's logo in the adopters table"),
        (WALL, 72, Warning, "the logo wall shows aiml.png, which is no adopter's logo in the adopters table"),
        (WALL, 76, Warning, "the logo wall shows hualala.png, which is no adopter's logo in the adopters table"),
        (WALL, 84, Warning, "the logo wall shows jointcloud.png, which is no adopter's logo in the adopters table"),
        (WALL, 88, Warning, "the logo wall shows SEL-ZJU.png, which is no adopter's logo in the adopters table"),
        (WALL, 108, Warning, "the logo wall shows coozila.png, which is no adopter's logo in the adopters table"),
        (WALL, 148, Warning, "the logo wall shows jetbrains.png, which is no adopter's logo in the adopters table"),
        (EN, 24, Warning, "\"Bloomberg\" is an adopter with a logo (bloomberg.png) that is not on the home page's logo wall (src/data/supporters.js)"),
        (EN, 26, Warning, "\"Brain-inspired\" website http://www.leinao.ai/ is not https"),
        (EN, 28, Warning, "\"CECloud\" is out of alphabetical order (after \"Cibfintech.com\")"),
        (EN, 32, Warning, "\"GMI Cloud\" case study is TBD (KCD Beijing 2026 video)"),
        (EN, 41, Warning, "\"Jiajiayue Group\" website http://www.jiajiayue.com.cn is not https"),
        (EN, 46, Warning, "\"Neen S.p.A\" is an adopter with a logo (neen.png) that is not on the home page's logo wall (src/data/supporters.js)"),
        (EN, 52, Warning, "\"Shopee\" case study URL \"https://www.youtube.com/watch?v=jZg6TmyciyI \" has a space inside the link target"),
        (EN, 54, Warning, "\"Sina\" is out of alphabetical order (after \"Songke Intelligence\")"),
        (EN, 54, Warning, "\"Sina\" website http://www.sina.com.cn is not https"),
        (EN, 57, Warning, "\"Unicom Digital Tech\" is an adopter with a logo (chinaunicom.png) that is not on the home page's logo wall (src/data/supporters.js)"),
        (EN, 57, Warning, "\"Unicom Digital Tech\" website http://www.chinaunicom.com.cn is not https"),
        (EN, 58, Warning, "\"Unionbigdata\" is an adopter with a logo (unionbigdata.png) that is not on the home page's logo wall (src/data/supporters.js)"),
        (EN, 61, Warning, "\"Wellhub\" case study is TBD"),
        (EN, 65, Warning, "\"WPS\" is out of alphabetical order (after \"ZTO\")"),
        (EN, 66, Warning, "\"Transwarp\" is out of alphabetical order (after \"WPS\")"),
        (EN, 67, Warning, "\"Dewu\" is out of alphabetical order (after \"Transwarp\")"),
    ];
    assert_eq!(found, expected);
    assert!(!outcome.report.has_errors());
}

/// `feedgen export --format adopters-md` writes a table that the website's own table reader
/// reads back as the feed's adopters (usage and case-study links; the feed has case studies
/// the website's table lacks), one row for each row of the website's table.
#[test]
fn the_exported_adopters_table_reads_back_as_the_feeds_adopters() {
    let Some(site) = snapshot() else { return };
    let outcome = build(&site, &facts(), None);
    let members = &outcome.feed.members;
    let exported = feedgen::export::adopters_markdown(members, members_feed::Lang::En);
    let (rows, problems) = feedgen::table::parse_adopters(&exported, "ADOPTERS.md").unwrap();
    // What the reader says of the export is what it says of the website's own rows.
    assert!(
        problems
            .iter()
            .all(|p| p.severity == Severity::Warning && p.message.ends_with("is not https")),
        "{problems:?}"
    );
    let original = std::fs::read_to_string(site.join(EN)).unwrap();
    let (theirs, _) = feedgen::table::parse_adopters(&original, EN).unwrap();
    let site_of = |url: &str| url.trim_end_matches('/').to_string();
    let mut ours: Vec<String> = rows
        .iter()
        .filter_map(|r| r.website.as_deref().map(site_of))
        .collect();
    let mut websites: Vec<String> = theirs
        .iter()
        .filter_map(|r| r.website.as_deref().map(site_of))
        .collect();
    ours.sort();
    websites.sort();
    assert_eq!(ours, websites);
    // Sorted by English name, as the website's rule says (its own table does not quite keep it).
    let names: Vec<String> = rows.iter().map(|row| row.name.to_lowercase()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    for row in &rows {
        let member = members
            .iter()
            .find(|m| {
                m.has_kind(Kind::Adopter)
                    && Some(site_of(&m.website)) == row.website.as_deref().map(site_of)
            })
            .unwrap_or_else(|| panic!("{}: no adopter has its website", row.name));
        assert_eq!(row.name, member.name.en);
        assert_eq!(
            row.usage,
            member
                .usage
                .en
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            "{}",
            row.name
        );
        let links: Vec<String> = row
            .case_studies
            .iter()
            .filter_map(|case| match case {
                feedgen::table::CaseCell::Link(link) => Some(link.url()),
                _ => None,
            })
            .collect();
        let expected: Vec<String> = member
            .case_studies
            .iter()
            .map(|c| c.url.en.clone())
            .collect();
        assert_eq!(links, expected, "{}", row.name);
    }
}

#[test]
fn the_facts_feature_sentences_the_real_announcements_still_have() {
    let Some(site) = snapshot() else { return };
    let outcome = build(&site, &facts(), None);
    let featured: Vec<(&str, bool)> = outcome
        .feed
        .members
        .iter()
        .filter_map(|m| Some((m.id.as_str(), m.featured.as_ref()?.quote.zh.is_some())))
        .collect();
    // Both in English and in Chinese, from the real posts in each language.
    assert_eq!(featured, [("bloomberg", true), ("scatter-lab", true)]);
    for member in outcome.feed.members.iter().filter(|m| m.featured.is_some()) {
        let announcement = member.announcement.as_ref().unwrap();
        let quote = &member.featured.as_ref().unwrap().quote;
        let said = members_feed::sentences::sentences;
        assert!(said(&announcement.content.en).contains(&quote.en));
        assert!(
            said(announcement.content.zh.as_ref().unwrap()).contains(quote.zh.as_ref().unwrap())
        );
    }
}
