use leptos::html;
use leptos::prelude::*;

use browse::groups::ValueFacet;

use super::facets::{FacetList, FlagToggles, KindToggles, ValueFacetOptions};
use crate::embed::Facets;
use crate::i18n::{strings, use_lang};

/// Where the facets become a sheet over the list (`style/main.css` says the same).
pub const PHONE_QUERY: &str = "(max-width: 760px)";

/// What a visitor can reach inside the sheet, in order: its close button, enabled boxes of the
/// groups shown, the groups' own buttons, and the button back to the list.
const SHEET_CONTROLS: &str = ".sheet-close, fieldset:not(.hidden) input:not([disabled]), fieldset:not(.hidden) button, .filters-done";

/// Where focus goes as the sheet opens: its first box.
const FIRST_CHOICE: &str = "fieldset:not(.hidden) input:not([disabled])";

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
        // Widened past a phone, the facets sit beside the list again: no sheet is open.
        let widened = window_event_listener(leptos::ev::resize, move |_| {
            let phone = window()
                .match_media(PHONE_QUERY)
                .ok()
                .flatten()
                .is_some_and(|query| query.matches());
            if !phone && sheet.open.get_untracked() {
                sheet.open.set(false);
            }
        });
        on_cleanup(move || {
            escape.remove();
            widened.remove();
        });
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
            // `try_`: the sheet may have gone (a navigation) before this frame.
            let first = sheet
                .try_get_untracked()
                .flatten()
                .and_then(|sheet| sheet.query_selector(FIRST_CHOICE).ok().flatten())
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
        let (results, toggle) = (self.results, self.toggle);
        // Once the sheet has closed: in a frame it is in the flow above the results, and focus
        // given while it was still open scrolled the host page by its height, past them.
        request_animation_frame(move || {
            // `try_`: the view may have gone (a navigation) before this frame.
            if !to_results {
                if let Some(toggle) = toggle.try_get_untracked().flatten() {
                    let _ = toggle.focus();
                }
                return;
            }
            let Some(results) = results.try_get_untracked().flatten() else {
                return;
            };
            // Their top, with the count, in view: focus alone centres them, and a long list's
            // centre is far below its first cards.
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = results.focus_with_options(&options);
            let place = web_sys::ScrollIntoViewOptions::new();
            place.set_block(web_sys::ScrollLogicalPosition::Start);
            results.scroll_into_view_with_scroll_into_view_options(&place);
        });
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
    /// Whether it is open as a sheet (a dialog over the list, on a phone), and where focus goes.
    control: FilterSheet,
) -> impl IntoView {
    let lang = use_lang();
    let FilterSheet { open, sheet, .. } = control;
    // Open, it is a dialog: Tab and Shift+Tab go round its own controls.
    let keep_focus_inside = move |event: leptos::ev::KeyboardEvent| {
        if event.key() != "Tab" || !open.get_untracked() {
            return;
        }
        let Some(controls) = sheet
            .get_untracked()
            .and_then(|sheet| sheet.query_selector_all(SHEET_CONTROLS).ok())
        else {
            return;
        };
        let (Some(first), Some(last)) = (
            controls.item(0),
            controls.item(controls.length().saturating_sub(1)),
        ) else {
            return;
        };
        let active = document().active_element().map(web_sys::Node::from);
        let wrap_to = match event.shift_key() {
            true if active.as_ref() == Some(&first) => last,
            false if active.as_ref() == Some(&last) => first,
            _ => return,
        };
        if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(wrap_to) {
            event.prevent_default();
            let _ = element.focus();
        }
    };
    view! {
        <div
            id="facet-groups"
            class="facet-groups"
            node_ref=sheet
            role=move || open.get().then_some("dialog")
            aria-modal=move || open.get().then_some("true")
            aria-labelledby=move || open.get().then_some("filters-sheet-title")
            on:keydown=keep_focus_inside
        >
            // Shown only as a sheet (style/main.css): its name, and a way out besides Escape
            // and "Show N members".
            <div class="sheet-head">
                <h2 id="filters-sheet-title">{move || strings(lang.get()).filters_title}</h2>
                <button
                    type="button"
                    class="sheet-close"
                    data-testid="filters-close"
                    aria-label=move || strings(lang.get()).close_filters
                    on:click=move |_| control.close(false)
                >
                    // The text of a button that its label names (a literal-only element
                    // would be written as HTML, which the bundle's Trusted Types refuse).
                    "×"
                </button>
            </div>
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
                <button type="button" class="button primary filters-done" data-testid="filters-done" on:click=move |_| control.close(true)>
                    {move || (strings(lang.get()).show_results)(shown.get())}
                </button>
            </div>
        </div>
    }
}
