use leptos::prelude::*;
use members_feed::{Lang, Logo};

use crate::components::MemberLogo;
use crate::i18n::strings;

/// A member of the same industry, as a member's page offers it.
#[derive(Clone, Debug, PartialEq)]
pub struct RelatedMember {
    pub id: String,
    /// Its page, carrying the list's query.
    pub href: String,
    pub name: String,
    /// The language `name` is in.
    pub name_lang: Lang,
    pub country: Option<String>,
    pub logo: Option<Logo>,
}

/// Other members of a member's industry as small cards (logo, name, country), and the whole
/// industry one link away. Nothing when there are none.
#[component]
pub fn RelatedMembers(
    /// The members, featured ones first.
    related: Vec<RelatedMember>,
    /// The industry's name in the page's language.
    industry: String,
    /// The list filtered to the industry, and how many it shows.
    industry_list: Option<(String, usize)>,
    /// The page's language.
    lang: Lang,
) -> impl IntoView {
    let text = strings(lang);
    (!related.is_empty()).then(|| {
        let cards = related
            .into_iter()
            .map(|member| view! { <RelatedCard member=member lang=lang /> })
            .collect::<Vec<_>>();
        view! {
            <section class="detail-section related" data-testid="related-members" aria-labelledby="related-title">
                <h2 id="related-title">{(text.more_in_industry)(&industry)}</h2>
                <ul class="related-list">{cards}</ul>
                {industry_list.map(|(href, count)| view! {
                    <p class="related-all">
                        <a href=href data-testid="industry-list">{(text.all_in_industry)(count, &industry)}<span aria-hidden="true">{crate::components::FORWARD_MARK}</span></a>
                    </p>
                })}
            </section>
        }
    })
}

/// One related member: its logo beside its name (the link, covering the card) and country.
#[component]
fn RelatedCard(
    /// The member.
    member: RelatedMember,
    /// The page's language.
    lang: Lang,
) -> impl IntoView {
    let label = (strings(lang).logo_of)(&member.name);
    view! {
        <li class="related-card">
            <MemberLogo logo=member.logo member_id=member.id name=member.name.clone() label=label />
            <span class="related-text">
                <a href=member.href data-testid="related-member" lang=member.name_lang.tag()>{member.name}</a>
                {member.country.map(|country| view! { <span class="related-country">{country}</span> })}
            </span>
        </li>
    }
}
