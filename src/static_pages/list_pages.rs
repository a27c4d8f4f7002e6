//! The list's pages of one tree: the page the app starts on (with its first-screen copy) and,
//! for a long feed, more pages of it for visitors without JavaScript, linked as a series.

use browse::route::Route;
use browse::FilterState;
use leptos::prelude::*;
use members_feed::Member;
use serde_json::json;

use super::document::{Body, Head};
use super::views::{render, ListPosition, StaticMemberList};
use super::{below_base, member_below, Output, TreeSite, ATOM_FILE};
use crate::i18n::{description, member_title, strings};
use crate::router::app_href;

/// Members on one page of the static list: a long feed's list is split so that no page
/// weighs megabytes.
pub const STATIC_LIST_PAGE_SIZE: usize = 100;

/// The list's pages of `site`'s tree: the first from `list_template` (the built page with this
/// tree's first-screen copies), the others from `bare_template`. With JavaScript the app
/// draws the whole list on each.
pub(super) fn list_pages(
    site: &TreeSite,
    list_template: &str,
    bare_template: &str,
    out: &mut Output,
) {
    let text = strings(site.tree.lang);
    let order = browse::browse(
        &site.feed.feed.members,
        &site.feed.index,
        &FilterState::default(),
    );
    let pages = order.len().div_ceil(STATIC_LIST_PAGE_SIZE).max(1);
    let page_below = |page: usize| match page {
        1 => String::new(),
        page => below_base(&Route::ListPage(page)),
    };
    for page_number in 1..=pages {
        let below = page_below(page_number);
        let on_page = &order[((page_number - 1) * STATIC_LIST_PAGE_SIZE).min(order.len())
            ..(page_number * STATIC_LIST_PAGE_SIZE).min(order.len())];
        let list_items: Vec<_> = on_page
            .iter()
            .enumerate()
            .map(|(i, &member)| {
                let member = &site.feed.feed.members[member];
                json!({
                    "@type": "ListItem",
                    "position": (page_number - 1) * STATIC_LIST_PAGE_SIZE + i + 1,
                    "url": site.url_of(&member_below(member)),
                    "name": member.name.text(site.tree.lang),
                })
            })
            .collect();
        let title = match page_number {
            1 => text.page_title.to_string(),
            _ => member_title(&(text.list_page)(page_number, pages), site.tree.lang),
        };
        let position = ListPosition {
            page: page_number,
            pages,
            previous: (page_number > 1)
                .then(|| app_href(&format!("/{}", page_below(page_number - 1)))),
            next: (page_number < pages)
                .then(|| app_href(&format!("/{}", page_below(page_number + 1)))),
        };
        let head = Head {
            title,
            description: description(text.page_intro),
            canonical: site.url_of(&below),
            alternates: site.twins(&below),
            previous: (page_number > 1).then(|| site.url_of(&page_below(page_number - 1))),
            next: (page_number < pages).then(|| site.url_of(&page_below(page_number + 1))),
            image: None,
            atom: Some(site.url_of(ATOM_FILE)),
            json_ld: json!({
                "@context": "https://schema.org",
                "@type": "ItemList",
                "name": text.page_title,
                "numberOfItems": order.len(),
                "itemListElement": list_items,
            }),
        };
        let members: Vec<Member> = on_page
            .iter()
            .map(|&i| site.feed.feed.members[i].clone())
            .collect();
        let list_lang = site.tree.lang;
        let generated_at = site.feed.feed.generated_at.clone();
        let total = order.len();
        let list = render(list_lang, site.twin_path(&below), move || {
            view! { <StaticMemberList members=members lang=list_lang position=position generated_at=generated_at total=total /> }
                .into_any()
        });
        let body = match page_number {
            // The first page is the app's page, with the first screen's copy.
            1 => Body::WithoutScript(&list),
            _ => Body::WithoutScriptOnly(&list),
        };
        let path = match page_number {
            1 => format!("{}index.html", site.tree.folder()),
            _ => format!("{}{below}/index.html", site.tree.folder()),
        };
        let template = match page_number {
            1 => list_template,
            _ => bare_template,
        };
        out.push(site, path, template, head, body);
    }
}
