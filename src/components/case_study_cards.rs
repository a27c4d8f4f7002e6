use leptos::prelude::*;
use members_feed::{safe_href, CaseStudy, CaseStudyKind, Lang};

use crate::i18n::{strings, Strings};

/// A member's case studies and talks as small cards: what each is (video, document, product
/// page), the event a talk was given at, its title and the site it is on. Nothing when the
/// member has none.
#[component]
pub fn CaseStudyCards(
    /// The member's case studies, in the feed's order.
    studies: Vec<CaseStudy>,
    /// The page's language.
    lang: Lang,
) -> impl IntoView {
    let text = strings(lang);
    let cards: Vec<_> = studies
        .into_iter()
        .filter_map(|study| {
            let href = safe_href(study.url.text(lang))?;
            Some(view! { <CaseStudyCard study=study href=href lang=lang /> })
        })
        .collect();
    (!cards.is_empty()).then(|| {
        view! {
            <section class="detail-section" data-testid="case-studies" aria-labelledby="case-studies-title">
                <h2 id="case-studies-title">{text.case_studies}</h2>
                <ul class="study-cards">{cards}</ul>
            </section>
        }
    })
}

/// One case study: its kind and event over its title, which is the link (a new tab).
#[component]
fn CaseStudyCard(
    /// The case study.
    study: CaseStudy,
    /// Its link, already checked.
    href: String,
    /// The page's language.
    lang: Lang,
) -> impl IntoView {
    let text = strings(lang);
    let title = study.title.text(lang).to_string();
    let (event, title) = match browse::labels::event_of(&title) {
        Some((event, rest)) => (Some(event.to_string()), rest.to_string()),
        None => (None, title.clone()),
    };
    let host = browse::labels::link_host(&href).to_string();
    view! {
        <li class="study-card" data-testid="case-study">
            <p class="study-meta">
                <span class="study-kind">{kind_label(text, study.kind)}</span>
                {event.map(|event| view! { <span class="study-event">{event}</span> })}
            </p>
            <a class="study-link" href=href target="_blank" rel="noopener noreferrer">
                <span lang=study.title.lang_of(lang).tag()>{title}</span>
                <span class="visually-hidden">{text.opens_new_tab}</span>
            </a>
            <span class="link-host">{host}</span>
        </li>
    }
}

fn kind_label(text: &Strings, kind: CaseStudyKind) -> &'static str {
    match kind {
        CaseStudyKind::Video => text.video,
        CaseStudyKind::Doc => text.document,
        CaseStudyKind::Product => text.product_page,
    }
}
