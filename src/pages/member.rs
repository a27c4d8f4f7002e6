use browse::route::Route;
use browse::FilterState;
use leptos::html;
use leptos::prelude::*;
use members_feed::{Lang, Member};

use crate::components::{
    CaseStudyCards, DocumentView, HostLink, LanguageSwitch, MemberHeader, MemberLabels, Missing,
    NotFoundView, RelatedMember, RelatedMembers, EXTERNAL_MARK,
};
use crate::embed::use_embed;
use crate::i18n::{member_title, set_document_meta, strings, use_lang};
use crate::list_state::{
    carried, list_path, member_href, query_suffix, use_known_filter_state, with_carried,
    IndexedFeed,
};
use crate::loading::{Skeleton, WithFeed};
use crate::router::{app_href, document_href, join_path, use_navigate, use_route, NavigateOptions};
use join_form::Program;

/// `/members/<id>`: everything the feed knows about one member.
#[component]
pub fn MemberPage() -> impl IntoView {
    view! { <WithFeed skeleton=Skeleton::Member render=move |feed| view! { <MemberDetail feed=feed /> } /> }
}

/// The detail view once the feed is there.
#[component]
fn MemberDetail(
    /// The loaded feed and its index.
    feed: IndexedFeed,
) -> impl IntoView {
    let route = use_route();
    // The last member shown: while the app leaves for another page, this view may still see
    // the new route once before it is removed, and must not flash "not found".
    let member_id = Memo::new(move |shown: Option<&String>| match &*route.read() {
        Route::Member(id) => id.clone(),
        _ => shown.cloned().unwrap_or_default(),
    });
    let (state, _) = use_known_filter_state(&feed);
    let lang = use_lang();
    let navigate = use_navigate();
    let owns_document = use_embed().mode != crate::embed::Mode::Inline;
    move || {
        let id = member_id.get();
        let lang = lang.get();
        let state = state.get();
        let members = &feed.feed.members;
        let found = members.iter().position(|member| member.id == id);
        // An address the member was known by: its page, at its own address from now on.
        let known = found.or_else(|| browse::lookup::member_known_as(members, &id));
        let Some(position) = known else {
            let suggestions = browse::lookup::close_matches(members, &id, 3)
                .into_iter()
                .map(|at| {
                    let member = &members[at];
                    let href = app_href(&Route::Member(member.id.clone()).path());
                    (href, member.name.text(lang).to_string())
                })
                .collect::<Vec<_>>();
            let back_href = app_href(&list_path(&state));
            // The document's title says so too, as a page's not-found does (the app's effect
            // leaves a member's page to name its member).
            if owns_document {
                let text = strings(lang);
                set_document_meta(
                    &member_title(text.not_found_title, lang),
                    text.not_found_body,
                );
            } else {
                crate::embed::restore_host_title();
            }
            return view! { <NotFoundView missing=Missing::Member back_href=back_href suggestions=suggestions /> }.into_any();
        };
        if found.is_none() {
            let own = Route::Member(members[position].id.clone()).path();
            let query = state.to_query();
            let to = if query.is_empty() {
                own
            } else {
                format!("{own}?{query}")
            };
            let navigate = navigate.clone();
            // After this render: the view follows the address, and shows the same member.
            request_animation_frame(move || {
                navigate(
                    &to,
                    NavigateOptions {
                        replace: true,
                        scroll: false,
                    },
                )
            });
        }
        member_article(&feed, position, &state, lang)
    }
}

/// The page of the member at `position` in the feed, with its neighbours in the list `state`
/// describes (its filters and sort): what the app shows, and what a static page is made of.
pub(crate) fn member_article(
    feed: &IndexedFeed,
    position: usize,
    state: &FilterState,
    lang: Lang,
) -> AnyView {
    let suffix = query_suffix(state);
    let back_href = app_href(&list_path(state));
    let back_to_filtered = !state.is_unfiltered();
    // Previous and next follow the list the visitor came from (its filters and sort).
    let members = &feed.feed.members;
    let order = feed.order(state);
    let link = |index: usize| -> (String, String) {
        let member = &members[index];
        (
            member_href(&member.id, &suffix),
            member.name.text(lang).to_string(),
        )
    };
    let (previous, next) = browse::neighbours_of(&order, position);
    let (previous, next) = (previous.map(link), next.map(link));
    let related = browse::related_state(&members[position])
        .map(|state| browse::related_in(&feed.order(&state), position, RELATED_LIMIT))
        .unwrap_or_default()
        .into_iter()
        .map(|index| {
            let member = &feed.feed.members[index];
            let labels = MemberLabels::of(member, lang);
            RelatedMember {
                id: member.id.clone(),
                href: member_href(&member.id, &suffix),
                name: labels.name,
                name_lang: labels.name_lang,
                country: labels.country,
                logo: member.logo.clone(),
            }
        })
        .collect();
    // The whole industry, as the list shows it (in the visitor's language).
    let industry_list = feed.feed.members[position]
        .industry
        .clone()
        .map(|industry| {
            let count = feed.industry_count(&industry);
            let in_industry = FilterState {
                industries: [industry].into(),
                lang: state.lang,
                ..FilterState::default()
            };
            (app_href(&list_path(&in_industry)), count)
        });
    let member = feed.feed.members[position].clone();
    let carried = carried(state, None);
    view! { <MemberArticle member=member lang=lang back_href=back_href back_to_filtered=back_to_filtered previous=previous next=next related=related industry_list=industry_list carried=carried /> }.into_any()
}

/// How many members of the same industry a member's page suggests.
const RELATED_LIMIT: usize = 4;

/// The member's page: header, usage, announcement, case studies, partner details, members of
/// the same industry, neighbours.
#[component]
fn MemberArticle(
    /// The member to show.
    member: Member,
    /// Page language.
    lang: Lang,
    /// The list the visitor came from.
    back_href: String,
    /// Whether that list is searched or filtered (its link says "the results", not "all members").
    back_to_filtered: bool,
    /// Link and name of the previous member in that list.
    previous: Option<(String, String)>,
    /// Link and name of the next member in that list.
    next: Option<(String, String)>,
    /// Other members of the same industry, featured ones first.
    related: Vec<RelatedMember>,
    /// The list filtered to the member's industry, and how many it shows.
    industry_list: Option<(String, usize)>,
    /// The embedding the link to the join page keeps (a frame's form stays embedded).
    carried: FilterState,
) -> impl IntoView {
    let text = strings(lang);
    let embed = use_embed();
    let owns_document = embed.mode != crate::embed::Mode::Inline;
    let embed_for_title = embed.clone();
    let in_overlay = embed.in_overlay;
    // In-page only (the static site renders this view with no router).
    let route = (!owns_document).then(use_route);
    // On a page of its own, as on the list and the join page; embedded, the host sets it.
    let language_switch = (!embed.is_embedded()).then(|| view! { <LanguageSwitch /> });
    // A partner's page invites other partners; every other page invites adopters.
    let join_program = if member.kinds.contains(&members_feed::Kind::Partner) {
        Program::Partner
    } else {
        Program::Adopter
    };
    let join_href = document_href(&with_carried(
        &join_path(Some(join_program), Some(lang)),
        &carried,
    ));
    // Where the member's entry is kept, for a correction.
    let edit_href = match join_program {
        Program::Partner => join_form::PARTNERS_LIST_EDIT_URL,
        _ => join_form::ADOPTERS_TABLE_EDIT_URL,
    };
    // Shown in the host's overlay, "back" means closing it.
    let close_host_overlay = move |event: leptos::ev::MouseEvent| {
        if embed.in_overlay {
            event.prevent_default();
            crate::embed::post_to_host(&embed, "close", &[]);
        }
    };
    let heading = NodeRef::<html::H1>::new();
    let title = member_title(member.name.text(lang), lang);
    let summary = member.usage.text(lang).to_string();
    let member_id = member.id.clone();
    // Moving focus to the title tells screen-reader users the view changed; the document's
    // title and description name the member, as the static page does.
    Effect::new(move |_| {
        // Not when the page replaced its static twin: the visitor's focus and scroll stay. But
        // the host's overlay is opened by the visitor, whose focus is on the host until they
        // move into its copy.
        let keeps_focus = || {
            crate::loading::took_over_static_copy()
                .is_some_and(|takeover| !in_overlay || takeover.focus_was_in_copy)
        };
        if let Some(heading) = heading.get().filter(|_| !keeps_focus()) {
            let _ = heading.focus();
        }
        if owns_document {
            set_document_meta(&title, &summary);
        } else if route.is_some_and(|route| matches!(*route.read_untracked(), Route::Member(_))) {
            // Not from a view the app is leaving (it may see the next route once).
            crate::embed::name_member_in_host_title(&title);
        }
        // The list brings this member's card back to a visitor who returns to it (the
        // overlay's member is not left for a list: it closes over one).
        if !embed_for_title.in_overlay {
            crate::scroll::remember_member(&member_id);
        }
        // In the host's overlay, the host page's title names the member while it is open.
        if embed_for_title.in_overlay {
            crate::embed::post_to_host(
                &embed_for_title,
                "title",
                &[("title", title.clone().into())],
            );
        }
    });
    let usage = member.usage.text(lang).to_string();
    let usage_lang = member.usage.lang_of(lang);

    let announcement = member.announcement.clone().map(|announcement| {
        let title = announcement.title.text(lang).to_string();
        let title_lang = announcement.title.lang_of(lang).tag();
        let content_lang = announcement.content.lang_got(lang).tag();
        let date = browse::labels::format_date(&announcement.date, lang);
        let content = browse::announcement::without_leading_logo(
            announcement.content.get(lang),
            member.logo.as_ref().map(|logo| logo.url.as_str()),
        )
        .to_vec();
        let original = members_feed::safe_href(announcement.url.text(lang)).filter(|url| !url.is_empty());
        view! {
            <section class="detail-section announcement" data-testid="announcement" aria-labelledby="announcement-title">
                <h2 id="announcement-title">{text.announcement}</h2>
                <p class="announcement-title" lang=title_lang>{title}</p>
                <p class="announcement-date"><time datetime=announcement.date.clone()>{date}</time></p>
                <div lang=content_lang>
                    <DocumentView blocks=content />
                </div>
                {original.map(|href| view! {
                    <p>
                        <a href=href target="_blank" rel="noopener noreferrer" data-testid="original-post">
                            {text.read_original}
                            <span class="visually-hidden">{text.opens_new_tab}</span>
                        </a>
                    </p>
                })}
            </section>
        }
    });

    let partner = member.partner.clone().map(|partner| {
        let href = members_feed::safe_href(&partner.url);
        view! {
            <section class="detail-section" data-testid="partner-info" aria-labelledby="partner-title">
                <h2 id="partner-title">{text.partner_program}</h2>
                <p>{partner.description.text(lang).to_string()}</p>
                {href.map(|href| view! {
                    <p>
                        <HostLink href=href lang=lang testid="partner-link" />
                    </p>
                })}
            </section>
        }
    });

    let industry = MemberLabels::of(&member, lang).industry.unwrap_or_default();
    view! {
        <article class="member-detail" data-testid="member-detail" data-member-id=member.id.clone()>
            <nav class="detail-nav" aria-label=text.back_to_list>
                <a class="back-link" href=back_href data-testid="back-to-list" on:click=close_host_overlay>
                    "← "
                    {if back_to_filtered { text.back_to_results } else { text.back_to_list }}
                </a>
                {language_switch}
            </nav>
            <MemberHeader member=member.clone() lang=lang heading=heading />
            <section class="detail-section" aria-labelledby="usage-title">
                <h2 id="usage-title">{text.usage}</h2>
                <p data-testid="usage" lang=usage_lang.tag()>{usage}</p>
            </section>
            {announcement}
            <CaseStudyCards studies=member.case_studies.clone() lang=lang />
            {partner}
            <RelatedMembers related=related industry=industry industry_list=industry_list lang=lang />
            <aside class="join-cta" aria-label=text.join_cta>
                <p>{text.join_cta_body}</p>
                <a class="button primary" href=join_href data-testid="join-cta">{text.join_cta}</a>
            </aside>
            <p class="suggest-edit">
                <a href=edit_href target="_blank" rel="noopener noreferrer" data-testid="suggest-edit">
                    {text.suggest_edit}
                    <span aria-hidden="true">{EXTERNAL_MARK}</span>
                    <span class="visually-hidden">{text.opens_new_tab}</span>
                </a>
            </p>
            <nav class="neighbours" data-testid="neighbours" aria-label=format!("{} / {}", text.previous, text.next)>
                {previous.map(|(href, label)| view! {
                    <a class="neighbour previous" href=href rel="prev" data-testid="previous-member">
                        <span class="neighbour-label">"← " {text.previous}</span>
                        <span>{label}</span>
                    </a>
                })}
                {next.map(|(href, label)| view! {
                    <a class="neighbour next" href=href rel="next" data-testid="next-member">
                        <span class="neighbour-label">{text.next} " →"</span>
                        <span>{label}</span>
                    </a>
                })}
            </nav>
        </article>
    }
}
