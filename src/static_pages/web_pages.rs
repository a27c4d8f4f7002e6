//! The pages of one tree that are neither the list nor a member's: each made from its own
//! binary's built page (`join.html`, `stats.html`, `logos.html`).

use browse::route::Route;
use browse::stats::Stats;
use browse::FilterState;
use leptos::prelude::*;

use super::document::{self, Body};
use super::views::{join_form_copy, render, JoinPrograms};
use super::{below_base, Output, Templates, TreeSite};
use crate::pages::logos::LogoWall;
use crate::pages::stats::StatsView;
use crate::router::{DEFAULT_PROGRAM, PROGRAM_PARAM};

/// The join page, the statistics and the logo wall of `site`'s tree.
pub(super) fn web_pages(site: &TreeSite, templates: &Templates, out: &mut Output) {
    let lang = site.tree.lang;
    let path = |route: &Route| format!("{}{}/index.html", site.tree.folder(), below_base(route));

    // How to join: the app's form, or without JavaScript each program and its issue form.
    let twin = |route: &Route| site.twin_path(&below_base(route));
    let programs = render(lang, twin(&Route::Join), move || {
        view! { <JoinPrograms lang=lang /> }.into_any()
    });
    let form = join_form_copy(
        lang,
        &format!("{}{}", site.base(), below_base(&Route::Join)),
    );
    out.push(
        site,
        path(&Route::Join),
        &document::bare(templates.join),
        site.web_page(&Route::Join),
        Body::ScriptedCopy {
            copy: &form,
            // The copy is the first program's form.
            views: &[(PROGRAM_PARAM, DEFAULT_PROGRAM.slug())],
            without_script: &programs,
        },
    );

    // Adoption at a glance.
    let stats = Stats::of(&site.feed.feed.members, &site.feed.index);
    let figures = render(lang, twin(&Route::Stats), move || {
        view! { <StatsView stats=stats carried=FilterState::default() /> }.into_any()
    });
    out.push(
        site,
        path(&Route::Stats),
        &document::bare(templates.stats),
        site.web_page(&Route::Stats),
        Body::replacing(&figures),
    );

    // The logo wall.
    let feed = site.feed.clone();
    let wall = render(lang, twin(&Route::Logos), move || {
        view! { <LogoWall feed=feed carried=FilterState::default() /> }.into_any()
    });
    out.push(
        site,
        path(&Route::Logos),
        &document::bare(templates.logos),
        site.web_page(&Route::Logos),
        Body::replacing(&wall),
    );
}
