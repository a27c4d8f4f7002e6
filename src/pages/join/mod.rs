//! "How to join": the application forms for the three programs. The rules, the issue text and
//! the preview member all come from the `join-form` crate; this module renders and wires them.
//! Nothing typed here leaves the browser except through the GitHub tab the visitor opens.

mod draft;
mod field;
mod form;
mod preview;
pub(crate) mod texts;
mod touched;

use join_form::Program;
use leptos::prelude::*;

use crate::components::LanguageSwitch;
use crate::i18n::use_lang;
use crate::router::{app_href, join_path, DEFAULT_PROGRAM, PROGRAM_PARAM};
use crate::router::{use_location, use_navigate, NavigateOptions};

use form::JoinForm;
use texts::*;

/// The `/join` route: a program switcher, then that program's form.
#[component]
pub fn JoinPage() -> impl IntoView {
    // Its static page shows this form inert until now; the form below is mounted in this task.
    crate::loading::remove_static_copy();
    let lang = use_lang();
    let search = use_location().search;
    let program = Memo::new(move |_| {
        search
            .with(|search| browse::query::first_value(search, PROGRAM_PARAM))
            .and_then(|slug| Program::parse(&slug))
            .unwrap_or(DEFAULT_PROGRAM)
    });
    let navigate = use_navigate();
    let choose = move |next: Program| {
        // `navigate` puts the base before the path itself.
        navigate(
            &join_path(Some(next), Some(lang.get_untracked())),
            NavigateOptions {
                replace: true,
                scroll: false,
            },
        );
    };
    view! {
        <div class="join-page" data-testid="join-page">
            <nav class="detail-nav" aria-label=move || BACK.get(lang.get())>
                <a class="back-link" href=move || app_href(&format!("/?lang={}", lang.get().code())) data-testid="join-back">
                    {move || BACK.get(lang.get())}
                </a>
                <LanguageSwitch />
            </nav>
            <h1>{move || PAGE_TITLE.get(lang.get())}</h1>
            <fieldset class="program-choice" data-testid="join-program">
                <legend>{move || CHOOSE_PROGRAM.get(lang.get())}</legend>
                {Program::ALL
                    .into_iter()
                    .map(|option| {
                        let choose = choose.clone();
                        view! {
                            <label class="program-option">
                                <input
                                    type="radio"
                                    name="program"
                                    value=option.slug()
                                    data-testid=format!("join-program-{}", option.slug())
                                    // For the static page's copy, which has no properties.
                                    checked=program.get_untracked() == option
                                    prop:checked=move || program.get() == option
                                    on:change=move |_| choose(option)
                                />
                                <span>{move || option.title().get(lang.get())}</span>
                            </label>
                        }
                    })
                    .collect::<Vec<_>>()}
            </fieldset>
            <p class="notice privacy-note" data-testid="join-privacy-note">{move || PRIVACY.get(lang.get())}</p>
            {move || {
                let program = program.get();
                view! { <JoinForm program=program /> }
            }}
        </div>
    }
}
