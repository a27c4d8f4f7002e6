//! The views only static pages have, and rendering a view to HTML natively.

use browse::route::Route;
use leptos::prelude::*;
use members_feed::{Lang, Member};

use super::inert::inert_copy;
use crate::components::{
    CardContent, LanguageSwitch, MemberCard, PageChrome, ProgramBenefits, TwinAddress,
};
use crate::embed::EmbedConfig;
use crate::i18n::{strings, LangContext};
use crate::pages::join::texts::{BACK, PAGE_TITLE, SUBMIT};
use crate::pages::members::ListHeader;
use crate::pages::JoinPage;
use crate::router::{set_static_address, Router};
use join_form::{blank_issue_link, Program};

/// Where one page of the static list sits among the others.
#[derive(Clone, Debug)]
pub(super) struct ListPosition {
    /// From 1.
    pub page: usize,
    pub pages: usize,
    pub previous: Option<String>,
    pub next: Option<String>,
}

/// One page of the members as the list's cards, in the list's order, for visitors without
/// JavaScript; with links to the pages before and after it when the list has several.
#[component]
pub(super) fn StaticMemberList(
    /// The members of this page, in the order to show.
    members: Vec<Member>,
    /// The page's language.
    lang: Lang,
    /// This page among the list's pages.
    position: ListPosition,
    /// The feed's date, for the "New" badges.
    generated_at: String,
    /// How many members the whole list holds, over all its pages.
    total: usize,
) -> impl IntoView {
    let text = strings(lang);
    let cards = members
        .iter()
        .map(|member| {
            let content = CardContent::of(member, lang, &generated_at);
            let href = crate::router::app_href(&Route::Member(member.id.clone()).path());
            view! {
                <li>
                    <MemberCard content=Signal::stored(content) href=Signal::stored(href) query=Signal::stored(String::new()) />
                </li>
            }
        })
        .collect::<Vec<_>>();
    let pagination = (position.pages > 1).then(|| {
        view! {
            <nav class="list-pages" aria-label=text.list_pages_label data-testid="list-pages">
                {position.previous.map(|href| view! { <a rel="prev" href=href>{text.previous_page}</a> })}
                <span aria-current="page">{(text.list_page)(position.page, position.pages)}</span>
                {position.next.map(|href| view! { <a rel="next" href=href>{text.next_page}</a> })}
            </nav>
        }
    });
    // The app's header: the language, the other pages, the way to join, all plain links.
    let kept = Memo::new(|_| browse::FilterState::default());
    view! {
        <ListHeader kept=kept embedded=false />
        // A shared link's search or filters are in its address, but nothing here can apply them.
        <p class="static-list-note" data-testid="static-list-note">{(text.static_list_note)(total)}</p>
        <ul class="card-grid" data-testid="static-member-list">{cards}</ul>
        {pagination}
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
            let link = blank_issue_link(program);
            view! {
                <section class="detail-section" data-testid=format!("join-program-{}", program.slug())>
                    <h2>{program.title().get(lang)}</h2>
                    <p>{program.intro().get(lang)}</p>
                    <ProgramBenefits program=program lang=lang />
                    <p>
                        <a class="button primary" href=link target="_blank" rel="noopener noreferrer" data-testid="join-issue-link">
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
                <a class="back-link" href=crate::router::app_href("/")>{BACK.get(lang)}</a>
                <LanguageSwitch />
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

/// The join page as the app draws it on arriving at `join_path` with no query (the adopter
/// form, no draft), made inert: shown with JavaScript until the app mounts the same form,
/// instead of nothing until the wasm has started.
pub(super) fn join_form_copy(lang: Lang, join_path: &str) -> String {
    set_static_address(join_path, "");
    // A server's context: leptos' helpers then know there is no window to listen to.
    let owner = Owner::new_root(Some(std::sync::Arc::new(
        hydration_context::SsrSharedContext::new(),
    )));
    let _quiet = leptos::reactive::diagnostics::SpecialNonReactiveZone::enter();
    let html = owner.with(|| {
        provide_context(LangContext(Signal::stored(lang)));
        provide_context(EmbedConfig::default());
        view! {
            <Router>
                <PageChrome classes=EmbedConfig::default().showcase_classes() embedded=false lang=lang>
                    <JoinPage />
                </PageChrome>
            </Router>
        }
        .to_html()
    });
    inert_copy(&html)
}

/// A route's view inside the app's page chrome, as HTML, with its `data-testid` hooks renamed
/// `data-prerendered` (tests drive only the live app, as with the first-screen copy). `twin`
/// is the same page's address in the other language, which its language switch links to.
pub(super) fn render(lang: Lang, twin: Option<String>, view: impl FnOnce() -> AnyView) -> String {
    render_embedded(lang, twin, &EmbedConfig::default(), view)
}

/// [`render`] as the app draws the view under `embedding` (in a frame: without the page's
/// chrome).
pub(super) fn render_embedded(
    lang: Lang,
    twin: Option<String>,
    embedding: &EmbedConfig,
    view: impl FnOnce() -> AnyView,
) -> String {
    let owner = Owner::new();
    // Rendered once, never updated: reading signals outside a tracking context is the point.
    let _quiet = leptos::reactive::diagnostics::SpecialNonReactiveZone::enter();
    let html = owner.with(|| {
        provide_context(LangContext(Signal::stored(lang)));
        if let Some(twin) = twin {
            provide_context(TwinAddress(twin));
        }
        provide_context(embedding.clone());
        let inner = view();
        view! {
            <PageChrome classes=embedding.showcase_classes() embedded=embedding.is_embedded() lang=lang>
                {inner}
            </PageChrome>
        }
        .to_html()
    });
    // Feed text cannot open a tag (the renderer escapes `<`), so this meets the app's own
    // attributes, and at worst rewrites the same words in a feed's text, which is harmless.
    html.replace(" data-testid=\"", " data-prerendered=\"")
}
