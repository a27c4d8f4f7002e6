use join_form::{Program, BENEFITS_HEADING};
use leptos::prelude::*;
use members_feed::Lang;

/// What joining `program` brings, as a short list: the app's join form and the join page for
/// visitors without JavaScript show the same one.
#[component]
pub fn ProgramBenefits(
    /// The program the visitor is reading about.
    program: Program,
    /// The page's language.
    #[prop(into)]
    lang: Signal<Lang>,
) -> impl IntoView {
    let heading_id = format!("benefits-{}", program.slug());
    let labelled_by = heading_id.clone();
    view! {
        <section class="program-benefits" data-testid="program-benefits" aria-labelledby=labelled_by>
            <h3 id=heading_id>{move || BENEFITS_HEADING.get(lang.get())}</h3>
            <ul>
                {program
                    .benefits()
                    .iter()
                    .map(|line| view! { <li>{move || line.get(lang.get())}</li> })
                    .collect::<Vec<_>>()}
            </ul>
        </section>
    }
}
