//! The views only static pages have, and rendering a view to HTML natively.

use leptos::prelude::*;
use members_feed::{Lang, Member};

use crate::components::{CardContent, MemberCard, PageChrome};
use crate::i18n::{strings, LangContext};
use crate::pages::join::{BACK, PAGE_TITLE, SUBMIT};
use join_form::{issue_link, FormValues, IssueOptions, Program};

/// Every member as the list's cards, in the list's order, for visitors without JavaScript.
#[component]
pub(super) fn StaticMemberList(
    /// The members, in the order to show.
    members: Vec<Member>,
    /// The page's language.
    lang: Lang,
) -> impl IntoView {
    let text = strings(lang);
    let cards = members
        .iter()
        .map(|member| {
            let content = CardContent::of(member, lang);
            let href = crate::app::app_href(&format!("/members/{}", member.id));
            view! {
                <li>
                    <MemberCard content=Signal::stored(content) href=Signal::stored(href) query=Signal::stored(String::new()) />
                </li>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <header class="page-header">
            <h1>{text.page_title}</h1>
            <p class="intro">{text.page_intro}</p>
        </header>
        <ul class="card-grid" data-testid="static-member-list">{cards}</ul>
    }
}

/// The ways to join, each with its GitHub issue form: the join page for visitors without
/// JavaScript (the app's form needs it). Names, texts and issue links are the form's own.
#[component]
pub(super) fn JoinPrograms(
    /// The page's language.
    lang: Lang,
) -> impl IntoView {
    let programs = Program::ALL
        .iter()
        .map(|&program| {
            let link = issue_link(program, &FormValues::default(), &IssueOptions::default());
            view! {
                <section class="detail-section" data-testid=format!("join-program-{}", program.slug())>
                    <h2>{program.title().get(lang)}</h2>
                    <p>{program.intro().get(lang)}</p>
                    <p>
                        <a class="button primary" href=link.url target="_blank" rel="noopener noreferrer" data-testid="join-issue-link">
                            {SUBMIT.get(lang)}
                            <span class="visually-hidden">{strings(lang).opens_new_tab}</span>
                        </a>
                    </p>
                </section>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <article class="join-page" data-testid="join-programs">
            <nav class="detail-nav" aria-label=BACK.get(lang)>
                <a class="back-link" href=crate::app::app_href("/")>{BACK.get(lang)}</a>
            </nav>
            <header class="page-header">
                <h1>{PAGE_TITLE.get(lang)}</h1>
            </header>
            {programs}
        </article>
    }
}

/// Effects are the browser's: natively, spawned effects are dropped rather than run.
pub(super) fn init_static_executor() {
    struct DropEffects;
    impl any_spawner::CustomExecutor for DropEffects {
        fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
        fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
        fn poll_local(&self) {}
    }
    // Already set by an earlier call in this process: the same executor.
    let _ = any_spawner::Executor::init_custom_executor(DropEffects);
}

/// A route's view inside the app's page chrome, as HTML, with its `data-testid` hooks renamed
/// `data-prerendered` (tests drive only the live app, as with the first-screen copy).
pub(super) fn render(lang: Lang, view: impl FnOnce() -> AnyView) -> String {
    let owner = Owner::new();
    // Rendered once, never updated: reading signals outside a tracking context is the point.
    let _quiet = leptos::reactive::diagnostics::SpecialNonReactiveZone::enter();
    let html = owner.with(|| {
        provide_context(LangContext(Signal::stored(lang)));
        let inner = view();
        view! {
            <PageChrome classes="showcase cards-medium".to_string() embedded=false lang=lang>
                {inner}
            </PageChrome>
        }
        .to_html()
    });
    // Feed text cannot open a tag (the renderer escapes `<`), so this meets the app's own
    // attributes, and at worst rewrites the same words in a feed's text, which is harmless.
    html.replace(" data-testid=\"", " data-prerendered=\"")
}
