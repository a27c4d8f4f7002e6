//! Every member's page of one tree: the app's member view, rendered natively, with what link
//! previews and crawlers read (the member's logo, schema.org's `Organization`).

use browse::FilterState;
use members_feed::{Lang, Member};
use serde_json::json;

use super::copy_template::{
    show_copy_script, CopyTemplate, KindsRule, MEMBER_IN_FRAME, MEMBER_IN_OVERLAY,
};
use super::document::{Body, Head};
use super::views::{render, render_embedded};
use super::{member_below, Output, TreeSite, ATOM_FILE};
use crate::i18n::{description, member_title};

/// The members' pages of `site`'s tree, made from `bare_template`.
pub(super) fn member_pages(site: &TreeSite, bare_template: &str, out: &mut Output) {
    for (position, member) in site.feed.feed.members.iter().enumerate() {
        let below = member_below(member);
        let name = member.name.text(site.tree.lang).to_string();
        // Link previews need an absolute address; a site-relative logo is on this site.
        let logo = member
            .logo
            .as_ref()
            .map(|logo| match logo.url.starts_with('/') {
                true => format!("{}{}", site.origin, logo.url),
                false => logo.url.clone(),
            });
        let head = Head {
            title: member_title(&name, site.tree.lang),
            description: description(member.usage.text(site.tree.lang)),
            canonical: site.url_of(&below),
            alternates: site.twins(&below),
            previous: None,
            next: None,
            image: logo.clone(),
            atom: Some(site.url_of(ATOM_FILE)),
            json_ld: organization(member, site.tree.lang, logo.as_deref()),
        };
        let body = render(site.tree.lang, site.twin_path(&below), || {
            crate::pages::member::member_article(
                site.feed,
                position,
                &FilterState::default(),
                site.tree.lang,
            )
        });
        let embedded = embedded(site, position, &format!("{}{below}/", site.base()));
        let path = format!("{}{below}/index.html", site.tree.folder());
        let body = Body::Replacing {
            copy: &body,
            embedded: &embedded,
        };
        out.push(site, path, bare_template, head, body);
    }
}

/// What a member's page shows that depends on which members the embedding lists (`kinds`):
/// its previous and next members, and the related ones with their industry's count.
pub(super) const VARIES_WITH_KINDS: &str =
    "[data-prerendered=\"related-members\"], [data-prerendered=\"neighbours\"]";

/// The member at `position` as `embed.js`'s frame and the host's overlay show it (at the
/// page's own address, `path`), in each language (the host's, which its `lang` names), the
/// tree's first: painted with the frame or the overlay instead of after the app has started.
fn embedded(site: &TreeSite, position: usize, path: &str) -> String {
    let member = &site.feed.feed.members[position];
    let script = show_copy_script(&browse::route::bundle_folder(&site.base()));
    let lang = site.tree.lang;
    [lang, lang.other()]
        .into_iter()
        .flat_map(|lang| [(lang, &MEMBER_IN_OVERLAY), (lang, &MEMBER_IN_FRAME)])
        .map(|(lang, embedding)| {
            let html = render_embedded(lang, None, &embedding.config(), || {
                crate::pages::member::member_article(site.feed, position, &embedding.state(), lang)
            });
            CopyTemplate {
                lang,
                embedding,
                title: &member_title(member.name.text(lang), lang),
                path,
                kinds: Some(KindsRule {
                    member_kinds: member.kinds.iter().map(|kind| kind.as_str()).collect(),
                    varies: VARIES_WITH_KINDS,
                }),
            }
            .write(&html, &script)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// schema.org's `Organization` for a member.
fn organization(member: &Member, lang: Lang, logo: Option<&str>) -> serde_json::Value {
    let mut value = json!({
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": member.name.text(lang),
        "url": member.website,
        "description": member.usage.text(lang),
    });
    let other = match lang {
        Lang::En => member.name.zh.as_deref(),
        Lang::Zh => Some(member.name.en.as_str()).filter(|en| *en != member.name.text(lang)),
    };
    if let Some(other) = other {
        value["alternateName"] = json!(other);
    }
    if let Some(logo) = logo {
        value["logo"] = json!(logo);
    }
    value
}

#[cfg(test)]
mod tests {
    use members_feed::{parse_feed, Kind, Lang};

    use super::{embedded, VARIES_WITH_KINDS};
    use crate::embed::EmbedConfig;
    use crate::list_state::IndexedFeed;
    use crate::net::LoadedFeed;
    use crate::static_pages::inert::without_comments;
    use crate::static_pages::{TreeSite, TREES};

    fn bundled(kinds: &[Kind]) -> IndexedFeed {
        let text = include_str!("../../public/members.json");
        let feed: LoadedFeed = parse_feed(text).expect("the bundled feed").into();
        let config = EmbedConfig {
            kinds: kinds.iter().copied().collect(),
            ..EmbedConfig::default()
        };
        IndexedFeed::new(feed, &config)
    }

    /// The embedded copies of member `id` in the English tree, from `feed`.
    fn embedded_copies(feed: &IndexedFeed, id: &str) -> String {
        super::super::views::init_static_executor();
        crate::router::set_base_path("/adopters/".into());
        let site = TreeSite {
            tree: &TREES[0],
            origin: "https://karmada.io",
            site_base: "/adopters/",
            feed,
        };
        let position = feed.feed.members.iter().position(|m| m.id == id).unwrap();
        embedded(&site, position, &format!("/adopters/members/{id}/"))
    }

    /// `html` without the elements whose `data-prerendered` is one of `hooks` (with what they
    /// hold), and the hooks it found.
    fn without_hooked(html: &str, hooks: &[&str]) -> (String, usize) {
        let mut html = html.to_string();
        let mut found = 0;
        for hook in hooks {
            while let Some(at) = html.find(&format!("data-prerendered=\"{hook}\"")) {
                let start = html[..at].rfind('<').unwrap();
                let name: String = html[start + 1..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                let (open, close) = (format!("<{name}"), format!("</{name}>"));
                let mut depth = 0;
                let mut cursor = start;
                let end = loop {
                    let next_open = html[cursor + 1..].find(&open).map(|i| i + cursor + 1);
                    let next_close = html[cursor + 1..].find(&close).unwrap() + cursor + 1;
                    match next_open {
                        Some(o) if o < next_close => {
                            depth += 1;
                            cursor = o;
                        }
                        _ if depth > 0 => {
                            depth -= 1;
                            cursor = next_close;
                        }
                        _ => break next_close + close.len(),
                    }
                };
                html.replace_range(start..end, "");
                found += 1;
            }
        }
        (html, found)
    }

    /// The copy made for every kind of member is what the app shows under an embedding that
    /// lists only some kinds once `prerender.js` has left out what `VARIES_WITH_KINDS` names:
    /// nothing else on a member's page depends on which members are listed.
    #[test]
    fn only_the_marked_parts_follow_the_embeddings_kinds() {
        let hooks: Vec<&str> = VARIES_WITH_KINDS.split('"').skip(1).step_by(2).collect();
        assert_eq!(hooks, ["related-members", "neighbours"]);
        let all = bundled(&[]);
        let mut differed = 0;
        for kinds in [
            vec![Kind::Adopter],
            vec![Kind::Vendor],
            vec![Kind::Adopter, Kind::Vendor],
            vec![Kind::Partner],
        ] {
            let some = bundled(&kinds);
            for member in some.feed.members.iter() {
                // The renderer's placeholders (`<!>`) stand where a part may be.
                let full = without_comments(&embedded_copies(&all, &member.id));
                let limited = without_comments(&embedded_copies(&some, &member.id));
                differed += usize::from(full != limited);
                let (full, found) = without_hooked(&full, &hooks);
                assert!(found >= 2, "{}: the copies hold the parts", member.id);
                assert_eq!(full, without_hooked(&limited, &hooks).0, "{}", member.id);
            }
        }
        // The parts do change: leaving them out is what makes the copies agree.
        assert!(differed > 10, "{differed}");
    }

    /// Each language's copies are the embedded views (no page chrome, no language switch) of
    /// the member at its page's address, in the overlay and in the frame, and say which kinds
    /// the member has.
    #[test]
    fn the_embedded_copies_are_the_embedded_views_in_each_language() {
        let feed = bundled(&[]);
        let member = feed
            .feed
            .members
            .iter()
            .find(|m| m.name.zh.is_some() && m.kinds.contains(&Kind::Adopter))
            .unwrap();
        let copies = embedded_copies(&feed, &member.id);
        let templates: Vec<&str> = copies.split("<template ").skip(1).collect();
        let expected = [
            (Lang::En, true),
            (Lang::En, false),
            (Lang::Zh, true),
            (Lang::Zh, false),
        ];
        assert_eq!(templates.len(), expected.len());
        for (template, (lang, overlay)) in templates.iter().zip(expected) {
            let (head, _) = template.split_once('>').unwrap();
            let has = |attribute: &str| head.contains(attribute);
            assert!(
                has(&format!("data-copy=\"embed-{}\"", lang.code())),
                "{head}"
            );
            assert!(has(&format!(
                "data-path=\"/adopters/members/{}/\"",
                member.id
            )));
            assert!(has("data-kinds=\"adopter"), "{head}");
            assert!(has("data-free=\"host theme details facets search kinds\""));
            let vary = super::super::document::escape(VARIES_WITH_KINDS);
            assert!(has(&format!("data-kinds-vary=\"{vary}\"")), "{head}");
            let (query, accepts, classes) = if overlay {
                (
                    "embed=1&amp;overlay=%2F",
                    "overlay=%2Flogos&amp;overlay=1",
                    "showcase cards-medium embedded in-overlay",
                )
            } else {
                ("embed=1", "", "showcase cards-medium embedded")
            };
            assert!(has(&format!("data-query=\"{query}\"")), "{head}");
            assert!(has(&format!("data-accepts=\"{accepts}\"")), "{head}");
            assert_eq!(has(" data-app-links=\"wait\""), overlay, "{head}");
            assert!(template.contains(&format!("class=\"{classes}\"")));
            assert!(!template.contains("skip-link") && !template.contains("<main"));
            assert!(!template.contains("language-switch"));
            let name = crate::components::MemberLabels::of(member, lang).name;
            assert!(template.contains(&format!(">{name}</h1>")), "{name}");
            // Its links to the app's pages carry the embedding, which the script replaces.
            assert!(template.contains(&format!("?{query}\"")), "{template}");
        }
        // Each followed by the script that shows it.
        let shown_by = "</template>\n<script src=\"/adopters/prerender.js\"></script>";
        assert_eq!(copies.matches(shown_by).count(), expected.len());
    }
}
