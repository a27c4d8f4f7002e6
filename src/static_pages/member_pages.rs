//! Every member's page of one tree: the app's member view, rendered natively, with what link
//! previews and crawlers read (the member's logo, schema.org's `Organization`).

use browse::FilterState;
use members_feed::{Lang, Member};
use serde_json::json;

use super::document::{Body, Head};
use super::views::render;
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
        let path = format!("{}{below}/index.html", site.tree.folder());
        out.push(site, path, bare_template, head, Body::Replacing(&body));
    }
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
