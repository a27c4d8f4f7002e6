use leptos::html;
use leptos::prelude::*;
use members_feed::{Lang, Member};

use crate::components::{HostLink, KindBadges, MemberLabels, MemberLogo};
use crate::i18n::strings;

/// The top of a member's page: logo, names, kinds and facts. Also the join form's preview, so
/// that the preview is exactly what the showcase will show.
#[component]
pub fn MemberHeader(
    /// The member to show.
    member: Member,
    /// Page language.
    lang: Lang,
    /// The page's title element, focused when the view opens; `None` makes the name a
    /// third-level heading (inside the join form's preview, under the form's own headings).
    #[prop(optional)]
    heading: Option<NodeRef<html::H1>>,
) -> impl IntoView {
    let text = strings(lang);
    let MemberLabels {
        name,
        name_lang,
        other_name,
        industry,
        country,
    } = MemberLabels::of(&member, lang);
    let website = members_feed::safe_href(&member.website);
    let joined = member
        .joined
        .as_deref()
        .map(|date| browse::labels::format_date(date, lang));
    let title = match heading {
        Some(heading) => view! { <h1 tabindex="-1" node_ref=heading data-testid="member-name" lang=name_lang.tag()>{name.clone()}</h1> }.into_any(),
        None => view! { <h3 class="detail-title" data-testid="member-name" lang=name_lang.tag()>{name.clone()}</h3> }.into_any(),
    };
    view! {
        <header class="detail-header">
            <MemberLogo logo=member.logo.clone() member_id=member.id.clone() name=name.clone() label=(text.logo_of)(&name) large=true />
            <div>
                {title}
                {other_name.map(|other| {
                    view! { <p class="detail-subtitle" lang=name_lang.other().tag()>{other}</p> }
                })}
                <KindBadges kinds=member.kinds.clone() />
                <dl class="detail-facts">
                    {industry.map(|value| view! { <div><dt>{text.industry}</dt><dd>{value}</dd></div> })}
                    {country.map(|value| view! { <div><dt>{text.country}</dt><dd>{value}</dd></div> })}
                    {joined.map(|value| view! { <div><dt>{text.joined}</dt><dd data-testid="joined">{value}</dd></div> })}
                    {website.map(|href| view! {
                        <div>
                            <dt>{text.website}</dt>
                            <dd>
                                <HostLink href=href lang=lang testid="website" />
                            </dd>
                        </div>
                    })}
                </dl>
            </div>
        </header>
    }
}
