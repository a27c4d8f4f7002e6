//! `/logos`: the logo wall. The adopters' logos in a grid, each a link to the member's page,
//! with the monogram where a logo is missing or does not load. karmada.io's home page embeds it
//! (`data-view="logos"`), in place of its hand-kept `supporters.js`.

use std::collections::BTreeSet;

use browse::FilterState;
use leptos::prelude::*;
use members_feed::Kind;

use crate::components::{LanguageSwitch, MemberLogo};
use crate::embed::{open_in_host_overlay, use_embed};
use crate::i18n::{strings, use_lang};
use crate::list_state::{
    list_path, member_href, query_suffix, use_known_filter_state, IndexedFeed,
};
use crate::loading::WithFeed;
use crate::router::app_href;

/// `/logos` in the running app.
#[component]
pub fn LogosPage() -> impl IntoView {
    view! { <WithFeed render=move |feed| view! { <LogoWallOf feed=feed /> } /> }
}

/// The wall once the feed is there, following the address's language and embedding.
#[component]
fn LogoWallOf(
    /// The loaded feed and its index.
    feed: IndexedFeed,
) -> impl IntoView {
    let (state, _) = use_known_filter_state(&feed);
    let embed = use_embed();
    let on_click = move |event| open_in_host_overlay(&embed, event);
    move || {
        view! {
            <div class="logo-wall-page" on:click=on_click.clone()>
                <LogoWall feed=feed.clone() carried=state.get() />
            </div>
        }
    }
}

/// The logos of the members of `kinds` (the host's `data-kinds`, else the adopters), in the
/// list's order; the static page renders the same view.
#[component]
pub fn LogoWall(
    /// The loaded feed and its index.
    feed: IndexedFeed,
    /// The address's state, whose language and embedding the links keep.
    carried: FilterState,
) -> impl IntoView {
    let lang = use_lang();
    let embedded = use_embed().is_embedded();
    let kinds = match use_embed().kinds {
        kinds if kinds.is_empty() => BTreeSet::from([Kind::Adopter]),
        kinds => kinds,
    };
    let kept = FilterState {
        lang: carried.lang,
        preserved: carried.preserved.clone(),
        ..FilterState::default()
    };
    let list = app_href(&list_path(&kept));
    let suffix = query_suffix(&kept);
    let shown = browse::browse(
        &feed.feed.members,
        &feed.index,
        &FilterState { kinds, ..kept },
    );
    move || {
        let lang = lang.get();
        let text = strings(lang);
        let tiles = shown
            .iter()
            .map(|&position| {
                let member = &feed.feed.members[position];
                let name = member.name.text(lang).to_string();
                let href = member_href(&member.id, &suffix);
                view! {
                    <li>
                        <a class="logo-tile" href=href data-member-id=member.id.clone() data-testid="logo-tile">
                            // The name is the link's; the image is decoration beside it.
                            <MemberLogo logo=member.logo.clone() member_id=member.id.clone() name=name.clone() label=String::new() />
                            <span class="logo-tile-name">{name}</span>
                        </a>
                    </li>
                }
            })
            .collect::<Vec<_>>();
        view! {
            <section class="logo-wall" aria-labelledby="logo-wall-title" data-testid="logo-wall">
                // In a host's frame the host's own heading says what this is, and its page is
                // the way on: no invisible link to tab to.
                {(!embedded).then(|| view! {
                    <nav class="detail-nav" aria-label=text.back_to_list>
                        <a class="back-link" href=list.clone() data-testid="back-to-list">"← " {text.back_to_list}</a>
                        <LanguageSwitch />
                    </nav>
                })}
                <header class="page-header" class:visually-hidden=embedded>
                    <h1 id="logo-wall-title">{text.logos_title}</h1>
                    <p class="intro">{text.logos_intro}</p>
                </header>
                <ul class="logo-grid">{tiles}</ul>
            </section>
        }
    }
}
