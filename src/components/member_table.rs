use std::sync::Arc;

use browse::labels::{country_label, industry_label};
use leptos::prelude::*;
use members_feed::{Lang, Member};

use super::card::card_excerpt;
use super::HostLink;
use crate::i18n::strings;
use crate::list_state::member_href;

/// The list as a compact table for people who scan (`view=table`): a row per member with its
/// name (a link to its page) and website, kinds, industry, country, when it joined and what
/// it does with Karmada (as much as a card shows). The same members, order and "Show more" as the cards.
#[component]
pub fn MemberTable(
    /// All members of the feed; `results` points into it.
    members: Arc<[Member]>,
    /// Positions in `members` to show, in display order.
    results: Memo<Vec<usize>>,
    /// The most rows to show ("Show more" raises it).
    #[prop(into)]
    limit: Signal<usize>,
    /// The list's query string (`?q=…` or empty) for the rows' links.
    #[prop(into)]
    link_suffix: Signal<String>,
    /// Page language.
    #[prop(into)]
    lang: Signal<Lang>,
) -> impl IntoView {
    move || {
        let lang = lang.get();
        let text = strings(lang);
        let suffix = link_suffix.get();
        let rows = results
            .read()
            .iter()
            .take(limit.get())
            .map(|&position| {
                let member = &members[position];
                let href = member_href(&member.id, &suffix);
                let kinds = member
                    .kinds
                    .iter()
                    .map(|&kind| text.kind(kind))
                    .collect::<Vec<_>>()
                    .join(", ");
                let industry = member
                    .industry
                    .as_deref()
                    .map(|slug| industry_label(slug, lang).to_string());
                let country = member
                    .country
                    .as_deref()
                    .map(|code| country_label(code, lang).to_string());
                // As karmada.io's table has it; only a link the feed's rules allow.
                let website = members_feed::safe_href(&member.website)
                    .filter(|href| !href.is_empty())
                    .map(|href| view! { <HostLink href=href lang=lang /> });
                view! {
                    <tr data-member-id=member.id.clone() data-testid="member-row">
                        <th scope="row">
                            <a href=href>{member.name.text(lang).to_string()}</a>
                            // Under the name, not a column of its own: the table fits a laptop.
                            {website.map(|link| view! { <span class="row-website">{link}</span> })}
                        </th>
                        <td class="word-cell">{kinds}</td>
                        <td class="word-cell">{industry}</td>
                        <td class="word-cell">{country}</td>
                        <td class="date-cell">{browse::date_of(member).map(str::to_string)}</td>
                        <td class="usage-cell" lang=member.usage.lang_of(lang).tag()>{card_excerpt(member.usage.text(lang))}</td>
                    </tr>
                }
            })
            .collect::<Vec<_>>();
        view! {
            <div class="member-table-frame">
                <table class="member-table" data-testid="member-table">
                    <thead>
                        <tr>
                            <th scope="col">{text.name_column}</th>
                            <th scope="col">{text.stats_kind}</th>
                            <th scope="col">{text.industry}</th>
                            <th scope="col">{text.country}</th>
                            <th scope="col">{text.joined}</th>
                            <th scope="col">{text.usage_column}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    }
}
