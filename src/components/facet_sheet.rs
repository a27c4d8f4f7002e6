use leptos::callback::UnsyncCallback;
use leptos::html;
use leptos::prelude::*;

use super::facets::{FacetList, FlagToggles, KindToggles, ValueFacet, ValueFacetOptions};
use crate::embed::Facets;
use crate::i18n::{strings, use_lang};

/// The phone's filter sheet: whether it is open, and where focus goes as it opens and closes.
#[derive(Clone, Copy)]
pub struct FilterSheet {
    /// Whether the sheet is open (on a phone; beside the list the facets are always shown).
    pub open: RwSignal<bool>,
    /// The sheet (the facet groups).
    pub sheet: NodeRef<html::Div>,
    /// The button that opens and closes it.
    pub toggle: NodeRef<html::Button>,
    /// The results it leads back to.
    pub results: NodeRef<html::Section>,
}

impl FilterSheet {
    /// A closed sheet, which Escape closes while the view lives.
    pub fn install() -> FilterSheet {
        let sheet = FilterSheet {
            open: RwSignal::new(false),
            sheet: NodeRef::new(),
            toggle: NodeRef::new(),
            results: NodeRef::new(),
        };
        let escape = window_event_listener(leptos::ev::keydown, move |event| {
            if event.key() == "Escape" && sheet.open.get_untracked() {
                sheet.close(false);
            }
        });
        on_cleanup(move || escape.remove());
        sheet
    }

    /// Opens or closes it, as its button does.
    pub fn toggle_open(&self) {
        if self.open.get_untracked() {
            self.close(false);
        } else {
            self.show();
        }
    }

    /// Opens it, with focus on its first control.
    fn show(&self) {
        self.open.set(true);
        let sheet = self.sheet;
        request_animation_frame(move || {
            let first = sheet
                .get_untracked()
                .and_then(|sheet| sheet.query_selector("input").ok().flatten())
                .and_then(|input| {
                    wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(input).ok()
                });
            if let Some(first) = first {
                let _ = first.focus();
            }
        });
    }

    /// Closes it (when open), with focus on the results (`to_results`, after "Show N members")
    /// or back on its button.
    pub fn close(&self, to_results: bool) {
        if !self.open.get_untracked() {
            return;
        }
        self.open.set(false);
        let target: Option<web_sys::HtmlElement> = match to_results {
            true => self.results.get_untracked(),
            false => self.toggle.get_untracked().map(Into::into),
        };
        if let Some(target) = target {
            let _ = target.focus();
        }
    }
}

/// The facet groups: beside the list on a wide screen; on a phone a sheet over the list,
/// opened by the list's Filters button, ending in a button back to the list that says how
/// many members it now shows (so ticking a box shows its effect at once).
#[component]
pub fn FacetSheet(
    /// The list's state, its counts, and the way to another state.
    list: FacetList,
    /// Which facet groups the embedding shows.
    show: Facets,
    /// How many members the list shows now.
    shown: Signal<usize>,
    /// The sheet's element (focus moves into it when it opens).
    sheet: NodeRef<html::Div>,
    /// Closes the sheet and takes the visitor to the list.
    on_done: UnsyncCallback<()>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div id="facet-groups" class="facet-groups" node_ref=sheet>
            <fieldset class="facet" class:hidden=!show.kind>
                <legend>{move || strings(lang.get()).kinds_label}</legend>
                <div class="toggles"><KindToggles list=list /></div>
            </fieldset>
            <fieldset class="facet" data-testid="facet-industry" class:hidden=!show.industry>
                <legend>{move || strings(lang.get()).industry}</legend>
                <ValueFacetOptions facet=ValueFacet::Industry list=list />
            </fieldset>
            <fieldset class="facet" data-testid="facet-country" class:hidden=!show.country>
                <legend>{move || strings(lang.get()).country}</legend>
                <ValueFacetOptions facet=ValueFacet::Country list=list />
            </fieldset>
            <fieldset class="facet" class:hidden=!show.more>
                <legend>{move || strings(lang.get()).more_filters}</legend>
                <FlagToggles list=list />
            </fieldset>
            <div class="filters-done-row">
                <button type="button" class="button primary filters-done" data-testid="filters-done" on:click=move |_| on_done.run(())>
                    {move || (strings(lang.get()).show_results)(shown.get())}
                </button>
            </div>
        </div>
    }
}
