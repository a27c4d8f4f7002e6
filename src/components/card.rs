use leptos::prelude::*;
use members_feed::{Lang, Member};

use crate::components::{Highlighted, KindBadges, MemberLogo};
use crate::i18n::strings;

/// One member in the grid: logo, name, kinds, industry, country and one line of usage.
/// The name is the link to the detail view; the whole card is clickable through it.
#[component]
pub fn MemberCard(
    /// The member to show.
    member: Member,
    /// Where the detail view is (already carrying the list's query, so "back" restores it).
    /// A signal, so a new search updates the link instead of re-creating the card.
    #[prop(into)]
    href: Signal<String>,
    /// Page language.
    lang: Lang,
    /// The current search, highlighted in the card.
    #[prop(into)]
    query: Signal<String>,
) -> impl IntoView {
    let text = strings(lang);
    let MemberLabels {
        name,
        other_name,
        industry,
        country,
    } = MemberLabels::of(&member, lang);
    let usage = card_excerpt(member.usage.text(lang));
    view! {
        <article class="member-card" data-testid="member-card" data-member-id=member.id.clone()>
            <MemberLogo logo=member.logo.clone() name=name.clone() label=(text.logo_of)(&name) />
            <div class="card-body">
                <h2 class="card-title">
                    <a class="card-link" href=href aria-label=(text.open_details)(&name)>
                        <Highlighted text=name.clone() query=query />
                    </a>
                </h2>
                {other_name.map(|other| view! { <p class="card-subtitle"><Highlighted text=other query=query /></p> })}
                <KindBadges kinds=member.kinds.clone() />
                <p class="card-facts">
                    {industry.map(|label| view! { <span class="fact" data-testid="card-industry">{label}</span> })}
                    {country.map(|label| view! { <span class="fact" data-testid="card-country">{label}</span> })}
                </p>
                <p class="card-usage"><Highlighted text=usage query=query /></p>
            </div>
        </article>
    }
}

/// What a card and a detail header say about a member, in one language.
pub struct MemberLabels {
    pub name: String,
    /// The name in the other language, when there is one: it helps visitors who know either.
    pub other_name: Option<String>,
    pub industry: Option<String>,
    pub country: Option<String>,
}

impl MemberLabels {
    pub fn of(member: &Member, lang: Lang) -> MemberLabels {
        let name = member.name.text(lang).to_string();
        let other_name = match lang {
            Lang::En => member
                .name
                .zh
                .clone()
                .filter(|zh| !zh.trim().is_empty() && *zh != name),
            Lang::Zh => Some(member.name.en.clone()).filter(|en| *en != name),
        };
        MemberLabels {
            industry: member
                .industry
                .as_deref()
                .map(|slug| browse::labels::industry_label(slug, lang).to_string()),
            country: member
                .country
                .as_deref()
                .map(|code| browse::labels::country_label(code, lang).to_string()),
            name,
            other_name,
        }
    }
}

/// The most characters of usage a card shows; the detail view has the rest. A card shows a few
/// lines, and a feed may hold megabytes in one usage string: laying that out (and highlighting
/// it on every keystroke) would stall the whole grid.
pub const CARD_USAGE_CHARS: usize = 280;

/// `text` cut to [`CARD_USAGE_CHARS`] characters (never inside a character), with an ellipsis
/// when something was cut.
pub fn card_excerpt(text: &str) -> String {
    match text.char_indices().nth(CARD_USAGE_CHARS) {
        None => text.to_string(),
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_usage_is_kept_whole() {
        assert_eq!(
            card_excerpt("Multi-cloud GPU training."),
            "Multi-cloud GPU training."
        );
        let exactly = "x".repeat(CARD_USAGE_CHARS);
        assert_eq!(card_excerpt(&exactly), exactly);
    }

    #[test]
    fn long_usage_is_cut_on_a_character_boundary() {
        let chinese = "多集群".repeat(CARD_USAGE_CHARS);
        let excerpt = card_excerpt(&chinese);
        assert_eq!(excerpt.chars().count(), CARD_USAGE_CHARS + 1);
        assert!(excerpt.ends_with('…'));
        let megabyte = "a ".repeat(500_000);
        assert!(card_excerpt(&megabyte).len() < 4 * CARD_USAGE_CHARS);
    }
}
