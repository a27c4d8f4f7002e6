//! The applicant as the showcase will show them.

use join_form::{preview_member, FormValues, Program};
use leptos::prelude::*;

use crate::components::MemberHeader;
use crate::components::{CardContent, MemberCard};
use crate::i18n::use_lang;
use crate::router::{app_href, join_path};

use super::texts::*;

/// The card and detail header as the showcase will show the applicant.
#[component]
pub(super) fn JoinPreview(
    /// Which application this is.
    program: Program,
    /// The form's values.
    values: RwSignal<FormValues>,
) -> impl IntoView {
    let lang = use_lang();
    // Without a name there is nothing recognisable to show (and the header would be an empty
    // heading).
    let member = Memo::new(move |_| {
        preview_member(program, &values.read()).filter(|member| !member.name.en.trim().is_empty())
    });
    let here = app_href(&join_path(Some(program), None));
    view! {
        <section class="join-preview" data-testid="join-preview" aria-labelledby="join-preview-title">
            <h2 id="join-preview-title">{move || PREVIEW_TITLE.get(lang.get())}</h2>
            {move || {
                let lang = lang.get();
                if program == Program::Individual {
                    return view! { <p class="field-help">{PREVIEW_INDIVIDUAL.get(lang)}</p> }.into_any();
                }
                match member.get() {
                    None => view! { <p class="field-help" data-testid="join-preview-empty">{PREVIEW_EMPTY.get(lang)}</p> }.into_any(),
                    Some(member) => view! {
                        // A picture of the card, not a way anywhere: its link would be a Tab
                        // stop that leads back to this page (the header below says the same).
                        <div class="preview-card" inert>
                            <MemberCard content=CardContent::of(&member, lang, "") href=here.clone() query=String::new() />
                        </div>
                        <div class="preview-detail member-detail">
                            <MemberHeader member=member lang=lang />
                        </div>
                    }
                    .into_any(),
                }
            }}
        </section>
    }
}
