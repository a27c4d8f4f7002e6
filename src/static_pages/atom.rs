//! `atom.xml` in each language's tree: the members by the day they joined, newest first, each
//! entry with the member's page as its link and id (stable across builds of the same site),
//! its usage as the summary and its announcement, rendered by the app's own `DocumentView`,
//! as the content. Members with no join date are not in it: a feed reader orders by date.

use std::fmt::Write;

use leptos::prelude::*;
use members_feed::{Lang, Member};

use super::document::escape;
use super::inert::without_comments;
use crate::components::DocumentView;
use crate::i18n::{strings, LangContext};
use crate::list_state::IndexedFeed;

/// Who the feed is by, as karmada.io's footer names its authors.
const AUTHOR: &str = "Karmada Authors";

/// Where the feed and its pages are.
pub(super) struct AtomAddresses<'a> {
    /// The feed's own address: `https://karmada.io/adopters/atom.xml`.
    pub self_url: &'a str,
    /// The list page, the feed's id and its alternate link.
    pub list_url: &'a str,
    /// A member's page from its id.
    pub member_url: &'a dyn Fn(&Member) -> String,
    /// For addresses in announcements that are relative to the site: `https://karmada.io/`.
    pub site_root: &'a str,
}

/// The Atom 1.0 document of `feed`'s members in `lang`.
pub(super) fn atom_xml(feed: &IndexedFeed, lang: Lang, at: &AtomAddresses) -> String {
    let text = strings(lang);
    let mut joined: Vec<&Member> = feed
        .feed
        .members
        .iter()
        .filter(|member| member.joined.is_some())
        .collect();
    // Newest first; the same day by id, so that the order never depends on the feed's.
    joined.sort_by(|a, b| b.joined.cmp(&a.joined).then_with(|| a.id.cmp(&b.id)));
    let mut xml = String::new();
    let _ = write!(
        xml,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\" xml:base=\"{}\">\n  <id>{}</id>\n  <title>{}</title>\n  <subtitle>{}</subtitle>\n  <updated>{}</updated>\n  <author><name>{AUTHOR}</name></author>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        lang.tag(),
        xml_text(at.site_root),
        xml_text(at.list_url),
        xml_text(text.page_title),
        xml_text(text.page_intro),
        xml_text(&updated(feed)),
        xml_text(at.self_url),
        xml_text(at.list_url),
    );
    for member in joined {
        let url = (at.member_url)(member);
        let day = member.joined.as_deref().unwrap_or_default();
        let _ = write!(
            xml,
            "  <entry>\n    <id>{}</id>\n    <title>{}</title>\n    <published>{day}T00:00:00Z</published>\n    <updated>{day}T00:00:00Z</updated>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n    <summary>{}</summary>\n",
            xml_text(&url),
            xml_text(member.name.text(lang)),
            xml_text(&url),
            xml_text(member.usage.text(lang)),
        );
        if let Some(announcement) = &member.announcement {
            let html = announcement_html(announcement.content.get(lang).clone(), lang);
            let _ = writeln!(
                xml,
                "    <content type=\"html\">{}</content>",
                xml_text(&html)
            );
        }
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

/// The feed's `generatedAt` when it is a timestamp Atom accepts, else the newest join (a feed
/// may lack it: the reader fills nothing in), else the epoch: `<updated>` must be a date.
fn updated(feed: &IndexedFeed) -> String {
    let stamp = &feed.feed.generated_at;
    let timestamp = stamp.len() == 20
        && stamp.get(..10).is_some_and(members_feed::is_iso_date)
        && stamp.as_bytes()[10..]
            .iter()
            .enumerate()
            .all(|(at, &b)| match at {
                0 => b == b'T',
                3 | 6 => b == b':',
                9 => b == b'Z',
                _ => b.is_ascii_digit(),
            });
    if timestamp {
        return stamp.clone();
    }
    let newest = feed
        .feed
        .members
        .iter()
        .filter_map(|m| m.joined.as_deref())
        .max();
    format!("{}T00:00:00Z", newest.unwrap_or("1970-01-01"))
}

/// An announcement as the member's page shows it, as HTML text.
fn announcement_html(blocks: members_feed::Document, lang: Lang) -> String {
    let owner = Owner::new();
    let _quiet = leptos::reactive::diagnostics::SpecialNonReactiveZone::enter();
    owner.with(|| {
        provide_context(LangContext(Signal::stored(lang)));
        without_comments(&view! { <DocumentView blocks=blocks /> }.to_html())
    })
}

/// `text` as XML character data or an attribute value: escaped, and without the characters
/// XML 1.0 cannot hold at all (most C0 controls, lone surrogates cannot occur in a `str`,
/// U+FFFE and U+FFFF), which a feed reader's parser would stop at.
fn xml_text(text: &str) -> String {
    let holdable = |c: &char| {
        !matches!(c, '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
            || matches!(c, '\t' | '\n' | '\r')
    };
    escape(&text.chars().filter(holdable).collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embed::EmbedConfig;
    use crate::net::LoadedFeed;

    fn feed(members: serde_json::Value) -> IndexedFeed {
        let text = serde_json::json!({
            "schemaVersion": 1,
            "generatedAt": "2026-01-02T00:00:00Z",
            "members": members,
        })
        .to_string();
        let feed: LoadedFeed = members_feed::parse_feed(&text).unwrap().into();
        IndexedFeed::new(feed, &EmbedConfig::default())
    }

    fn member(id: &str, name: &str, joined: Option<&str>) -> serde_json::Value {
        let mut member = serde_json::json!({
            "id": id,
            "name": { "en": name, "zh": format!("{name} 中文") },
            "kinds": ["adopter"],
            "website": format!("https://{id}.example.com/"),
            "usage": { "en": "Runs <b>Karmada</b> & more\u{1}." },
        });
        if let Some(day) = joined {
            member["joined"] = day.into();
            member["announcement"] = serde_json::json!({
                "date": day,
                "title": { "en": "Joined" },
                "url": { "en": format!("https://karmada.io/blog/{id}") },
                "content": { "en": [{ "type": "paragraph", "content": [{ "type": "text", "text": "About <script>x</script>" }] }] },
            });
        }
        member
    }

    fn render(feed: &IndexedFeed, lang: Lang) -> String {
        super::super::views::init_static_executor();
        let member_url = |m: &Member| format!("https://karmada.io/adopters/members/{}", m.id);
        atom_xml(
            feed,
            lang,
            &AtomAddresses {
                self_url: "https://karmada.io/adopters/atom.xml",
                list_url: "https://karmada.io/adopters/",
                member_url: &member_url,
                site_root: "https://karmada.io/",
            },
        )
    }

    #[test]
    fn members_who_joined_newest_first_with_stable_ids() {
        let feed = feed(serde_json::json!([
            member("alpha", "Alpha", Some("2024-05-01")),
            member("beta", "Beta", None),
            member("gamma", "Gamma", Some("2025-01-15")),
        ]));
        let xml = render(&feed, Lang::En);
        assert_eq!(xml.matches("<entry>").count(), 2);
        let gamma = xml
            .find("<id>https://karmada.io/adopters/members/gamma</id>")
            .unwrap();
        let alpha = xml
            .find("<id>https://karmada.io/adopters/members/alpha</id>")
            .unwrap();
        assert!(gamma < alpha);
        assert!(!xml.contains("members/beta"));
        assert!(xml.contains("<updated>2026-01-02T00:00:00Z</updated>"));
        assert!(xml.contains("<published>2025-01-15T00:00:00Z</published>"));
        assert_eq!(xml, render(&feed, Lang::En));
        // In Chinese: the Chinese names, the same ids.
        let zh = render(&feed, Lang::Zh);
        assert!(zh.contains("<title>Gamma 中文</title>"));
        assert!(zh.contains("xml:lang=\"zh-CN\"") || zh.contains("xml:lang=\"zh\""));
        assert!(zh.contains("<id>https://karmada.io/adopters/members/gamma</id>"));
    }

    #[test]
    fn a_feed_without_a_timestamp_is_updated_when_its_newest_member_joined() {
        let mut indexed = feed(serde_json::json!([member(
            "alpha",
            "Alpha",
            Some("2024-05-01")
        )]));
        for broken in [
            "",
            "2026-01-02",
            "2026-02-30T00:00:00Z",
            "2026-01-02T00:00:00+08:00x",
            "2026-01-é2T00:00:00Z",
        ] {
            indexed.feed.generated_at = broken.into();
            assert!(
                render(&indexed, Lang::En)
                    .contains("  <updated>2024-05-01T00:00:00Z</updated>\n  <author>"),
                "{broken}"
            );
        }
    }

    #[test]
    fn feed_text_stays_text_and_xml_stays_well_formed() {
        let feed = feed(serde_json::json!([member(
            "alpha",
            "A & <B>",
            Some("2024-05-01")
        )]));
        let xml = render(&feed, Lang::En);
        assert!(xml.contains("<title>A &amp; &lt;B&gt;</title>"));
        assert!(xml.contains("<summary>Runs &lt;b&gt;Karmada&lt;/b&gt; &amp; more.</summary>"));
        assert!(!xml.contains('\u{1}'));
        // The announcement is HTML text inside the XML: its own markup escaped once, the
        // feed's text twice (it was text in the HTML already).
        assert!(
            xml.contains("&lt;p&gt;About &amp;lt;script&amp;gt;x&amp;lt;/script&amp;gt;&lt;/p&gt;&lt;/div&gt;"),
            "{xml}"
        );
        // Every tag the document opens, it closes: no raw `<` outside the writer's own tags.
        let tags = xml.matches('<').count();
        let own = [
            "<?xml",
            "<feed",
            "</feed",
            "<id>",
            "</id>",
            "<title>",
            "</title>",
            "<subtitle>",
            "</subtitle>",
            "<updated>",
            "</updated>",
            "<author>",
            "</author>",
            "<name>",
            "</name>",
            "<link ",
            "<entry>",
            "</entry>",
            "<published>",
            "</published>",
            "<summary>",
            "</summary>",
            "<content ",
            "</content>",
        ];
        let counted: usize = own.iter().map(|tag| xml.matches(tag).count()).sum();
        assert_eq!(tags, counted, "{xml}");
    }
}
