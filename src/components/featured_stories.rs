use std::sync::Arc;

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
    /// The featured members, in feed order (the reader kept at most three).
    featured: Arc<[Member]>,
    /// The page's language.
    #[prop(into)]
    lang: Signal<Lang>,
    /// The list's query, carried on each link so that "back" restores the list.
    #[prop(into)]
    link_suffix: Signal<String>,
) -> impl IntoView {
    (!featured.is_empty()).then(|| {
        let stories = (0..featured.len())
            .map(|at| view! { <FeaturedStory featured=featured.clone() at=at lang=lang link_suffix=link_suffix /> })
            .collect::<Vec<_>>();
        view! {
            <section class="featured-stories" aria-labelledby="featured-title" data-testid="featured-stories">
                <h2 id="featured-title" class="featured-title">{move || strings(lang.get()).featured_title}</h2>
                <ul class="featured-list">{stories}</ul>
            </section>
        }
    })
}

/// One featured member: its logo and name (the link to its page) over what it does with
/// Karmada and its quote, in the page's language (English, marked as such, where it has no
/// Chinese one). The whole quote shows: the feed's reader keeps quotes short.
#[component]
fn FeaturedStory(
    /// The featured members.
    featured: Arc<[Member]>,
    /// Which of them this is.
    at: usize,
    /// The page's language.
    lang: Signal<Lang>,
    /// The list's query, carried on the link.
    link_suffix: Signal<String>,
) -> impl IntoView {
    let member = featured.get(at)?.clone();
    let story = member.featured.clone()?;
    let id = member.id.clone();
    let href = {
        let id = id.clone();
        move || member_href(&id, &link_suffix.get())
    };
    // Only a link the feed's rules allow becomes an attribute.
    let cite = safe_href(&story.source);
    Some(move || {
        let lang = lang.get();
        let text = strings(lang);
        let labels = MemberLabels::of(&member, lang);
        view! {
            <li class="featured-story" data-testid="featured-story" data-member-id=id.clone()>
                <div class="featured-head">
                    <MemberLogo logo=member.logo.clone() member_id=id.clone() name=labels.name.clone() label=(text.logo_of)(&labels.name) />
                    <p class="featured-by">
                        <a href=href.clone() lang=labels.name_lang.tag() aria-label=(text.read_story_of)(&labels.name)>
                            {labels.name.clone()}
                        </a>
                    </p>
                </div>
                // What it does with Karmada first: the quote, from its announcement's "about"
                // part, says who the member is, not how it uses Karmada.
                <p class="featured-usage" lang=member.usage.lang_of(lang).tag()>{member.usage.text(lang).to_string()}</p>
                <blockquote class="featured-quote" lang=story.quote.lang_of(lang).tag() cite=cite.clone()>
                    <p>{story.quote.text(lang).to_string()}</p>
                </blockquote>
            </li>
        }
    })
}
