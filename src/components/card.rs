use leptos::prelude::*;
use members_feed::{Kind, Lang, Logo, Member};

use crate::components::{Highlighted, KindBadges, MemberLogo};
use crate::i18n::{strings, use_lang};

/// Everything a card shows about one member, in one language: made once when a card is given
/// a member, so the card's parts read it instead of each working it out from the feed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CardContent {
    /// The member's id: the detail link and `data-member-id`.
    pub id: String,
    pub labels: MemberLabels,
    pub kinds: Vec<Kind>,
    /// At most [`CARD_USAGE_CHARS`] characters of usage.
    pub usage: String,
    /// The language `usage` is in (English where it has no Chinese text).
    pub usage_lang: Lang,
    pub logo: Option<Logo>,
    /// Accessible name of the logo.
    pub logo_label: String,
    /// Accessible name of the link to the detail view.
    pub link_label: String,
    /// Joined in the 90 days before the feed's date ([`browse::export::is_new`]).
    pub is_new: bool,
}

impl CardContent {
    /// What a card shows of `member` in `lang`, in a feed dated `generated_at` (empty: none
    /// is new).
    pub fn of(member: &Member, lang: Lang, generated_at: &str) -> CardContent {
        let text = strings(lang);
        let labels = MemberLabels::of(member, lang);
        CardContent {
            id: member.id.clone(),
            kinds: member.kinds.clone(),
            usage: card_excerpt(member.usage.text(lang)),
            usage_lang: member.usage.lang_of(lang),
            logo: member.logo.clone(),
            logo_label: (text.logo_of)(&labels.name),
            link_label: (text.open_details)(&labels.name),
            is_new: browse::export::is_new(member, generated_at),
            labels,
        }
    }
}

/// One member in the grid: logo, name, kinds, industry, country and one line of usage.
/// The name is the link to the detail view; the whole card is clickable through it.
///
/// Every part follows `content`, so one card can show member after member: the grid reuses
/// its cards as the visitor types instead of building new ones.
#[component]
pub fn MemberCard(
    /// What to show.
    #[prop(into)]
    content: Signal<CardContent>,
    /// Where the detail view is (already carrying the list's query, so "back" restores it).
    #[prop(into)]
    href: Signal<String>,
    /// The current search, highlighted in the card.
    #[prop(into)]
    query: Signal<String>,
) -> impl IntoView {
    let ui_lang = use_lang();
    let text_of = move |part: fn(&CardContent) -> &String| {
        Signal::derive(move || content.with(|content| part(content).clone()))
    };
    view! {
        <article class="member-card" data-testid="member-card" data-member-id=move || content.with(|c| c.id.clone())>
            {move || {
                content.with(|c| {
                    view! { <MemberLogo logo=c.logo.clone() member_id=c.id.clone() name=c.labels.name.clone() label=c.logo_label.clone() /> }
                })
            }}
            <div class="card-body">
                <h2 class="card-title" lang=move || content.with(|c| c.labels.name_lang.tag())>
                    <a class="card-link" href=href aria-label=move || content.with(|c| c.link_label.clone())>
                        <Highlighted text=text_of(|c| &c.labels.name) query=query />
                    </a>
                </h2>
                {move || {
                    content
                        .with(|c| c.labels.other_name.clone())
                        .map(|other| {
                            // Always the page's other language.
                            let other_lang = content.with(|c| c.labels.name_lang.other());
                            view! { <p class="card-subtitle" lang=other_lang.tag()><Highlighted text=other query=query /></p> }
                        })
                }}
                // One row of labels: "New" after the kinds' list (a block) fell to a line of its own.
                <div class="card-badges">
                    <KindBadges kinds=Signal::derive(move || content.with(|c| c.kinds.clone())) />
                    {move || content.with(|c| c.is_new).then(|| view! {
                        <span class="new-badge" data-testid="new-badge">{move || strings(ui_lang.get()).new_badge}</span>
                    })}
                </div>
                <p class="card-facts">
                    {move || {
                        content
                            .with(|c| c.labels.industry.clone())
                            .map(|label| view! { <span class="fact" data-testid="card-industry">{label}</span> })
                    }}
                    {move || {
                        content
                            .with(|c| c.labels.country.clone())
                            .map(|label| view! { <span class="fact" data-testid="card-country">{label}</span> })
                    }}
                </p>
                <p class="card-usage" lang=move || content.with(|c| c.usage_lang.tag())><Highlighted text=text_of(|c| &c.usage) query=query /></p>
            </div>
        </article>
    }
}

/// What a card and a detail header say about a member, in one language.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MemberLabels {
    pub name: String,
    /// The language `name` is in (English where it has no Chinese name).
    pub name_lang: Lang,
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
            name_lang: member.name.lang_of(lang),
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
