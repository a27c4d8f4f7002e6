use leptos::prelude::*;
use members_feed::{safe_href, Lang, Member};

use crate::components::{MemberLabels, MemberLogo};
use crate::i18n::strings;
use crate::list_state::member_href;

/// The members the feed features, each with a sentence of its own story and a link to its
/// page, above the list while it is neither filtered nor searched. Nothing when the feed
/// features nobody.
#[component]
pub fn FeaturedStories(
    /// The feed's members in feed order (the reader kept at most three featured).
    members: std::sync::Arc<[Member]>,
    /// The page's language.
    #[prop(into)]
    lang: Signal<Lang>,
    /// The list's query, carried on each link so that "back" restores the list.
    #[prop(into)]
    link_suffix: Signal<String>,
) -> impl IntoView {
    let featured: Vec<Member> = members
        .iter()
        .filter(|m| m.featured.is_some())
        .cloned()
        .collect();
    (!featured.is_empty()).then(|| {
        view! {
            <section class="featured-stories" aria-labelledby="featured-title" data-testid="featured-stories">
                <h2 id="featured-title" class="featured-title">{move || strings(lang.get()).featured_title}</h2>
                <ul class="featured-list">
                    {featured
                        .into_iter()
                        .map(|member| view! { <FeaturedStory member=member lang=lang link_suffix=link_suffix /> })
                        .collect::<Vec<_>>()}
                </ul>
            </section>
        }
    })
}

/// One featured member: its logo, its quote in the page's language (English, marked as such,
/// where it has no Chinese one) and its name as the link to its page.
#[component]
fn FeaturedStory(
    /// A member with `featured` set.
    member: Member,
    /// The page's language.
    lang: Signal<Lang>,
    /// The list's query, carried on the link.
    link_suffix: Signal<String>,
) -> impl IntoView {
    let featured = member.featured.clone()?;
    let id = member.id.clone();
    let href = {
        let id = id.clone();
        move || member_href(&id, &link_suffix.get())
    };
    // Only a link the feed's rules allow becomes an attribute.
    let cite = safe_href(&featured.source);
    Some(move || {
        let lang = lang.get();
        let text = strings(lang);
        let labels = MemberLabels::of(&member, lang);
        let quote = featured.quote.text(lang).to_string();
        let quote_lang = featured.quote.lang_of(lang).tag();
        view! {
            <li class="featured-story" data-testid="featured-story" data-member-id=id.clone()>
                <MemberLogo logo=member.logo.clone() member_id=id.clone() name=labels.name.clone() label=(text.logo_of)(&labels.name) />
                <div class="featured-text">
                    <blockquote class="featured-quote" lang=quote_lang cite=cite.clone()>
                        <p>{quote}</p>
                    </blockquote>
                    <p class="featured-by">
                        <a href=href.clone() lang=labels.name_lang.tag() aria-label=(text.read_story_of)(&labels.name)>
                            {labels.name.clone()}
                        </a>
                    </p>
                </div>
            </li>
        }
    })
}
