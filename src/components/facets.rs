//! The list's facets: the kinds as pills, industries and countries as rows (collapsed past a
//! few), and the two "has …" flags, each option with its live count.

use std::collections::BTreeSet;

use browse::groups::{count_at, count_of, toggle_kind, Flag, ValueFacet};
use browse::{Facets, FilterState};
use leptos::callback::UnsyncCallback;
use leptos::prelude::*;
use members_feed::{Kind, Lang};

use crate::i18n::{strings, use_lang, Strings};

/// What every facet works on: the list's state, the options and their counts in that state,
/// and the way to show the list in another state.
#[derive(Clone, Copy)]
pub struct FacetList {
    pub state: Memo<FilterState>,
    pub facets: Memo<Facets>,
    pub go: UnsyncCallback<FilterState>,
}

impl FacetList {
    /// Shows the list in the state one change away from the current one.
    pub fn update(self, change: &dyn Fn(&mut FilterState)) {
        let mut next = self.state.get_untracked();
        change(&mut next);
        self.go.run(next);
    }
}

/// The three kinds, as pills.
#[component]
pub fn KindToggles(
    /// The list's state, its counts, and the way to another state.
    list: FacetList,
) -> impl IntoView {
    let lang = use_lang();
    let FacetList { state, facets, .. } = list;
    let update = move |change: &dyn Fn(&mut FilterState)| list.update(change);
    Kind::ALL
        .into_iter()
        .map(|kind| {
            view! {
                <FacetCheckbox
                    testid=format!("kind-filter-{}", kind.as_str())
                    style=FacetStyle::Pill
                    label=Signal::derive(move || strings(lang.get()).kinds_plural(kind).to_string())
                    count=Memo::new(move |_| facets.with(|f| count_of(&f.kinds, &kind)))
                    checked=Memo::new(move |_| state.with(|s| s.kinds.contains(&kind)))
                    on_toggle=UnsyncCallback::new(move |_| update(&|s: &mut FilterState| toggle_kind(s, kind)))
                />
            }
        })
        .collect::<Vec<_>>()
}

/// One facet of values (industries or countries): its options, collapsed past a few with a
/// toggle to show them all.
#[component]
pub fn ValueFacetOptions(
    /// Which facet.
    facet: ValueFacet,
    /// The list's state, its counts, and the way to another state.
    list: FacetList,
) -> impl IntoView {
    let lang = use_lang();
    let FacetList { state, facets, .. } = list;
    let update = move |change: &dyn Fn(&mut FilterState)| list.update(change);
    let expanded = RwSignal::new(false);
    // Options ticked or unticked since the facet was last collapsed stay in view, so
    // unticking one beyond the cut does not pull it from under the focus.
    let touched = RwSignal::new(BTreeSet::<String>::new());
    let total = Memo::new(move |_| facets.with(|f| facet.options(f).len()));
    // Keyed by value, so a keystroke changes counts instead of re-creating the options
    // (and a ticked checkbox keeps its focus).
    // The position rides along so that each option finds its count without a search:
    // a feed with thousands of distinct values would make that quadratic per keystroke.
    let shown = Memo::new(move |_| {
        let expanded = expanded.get();
        facets.with(|f| {
            state.with(|s| {
                let mut kept = touched.get();
                kept.extend(facet.selected(s).iter().cloned());
                browse::collapse::shown_options(facet.options(f), &kept, expanded)
            })
        })
    });
    let options = move || {
        let lang = lang.get();
        facets.with(|f| {
            let options = facet.options(f);
            shown.with(|shown| {
                shown
                    .positions
                    .iter()
                    .map(|&position| (position, options[position].value.clone(), lang))
                    .collect::<Vec<_>>()
            })
        })
    };
    let unlisted = Memo::new(move |_| shown.with(|shown| shown.unlisted));
    let options_id = format!("facet-{}-options", facet.param());
    let toggle_label = move || {
        let text = strings(lang.get());
        if expanded.get() {
            text.show_fewer.to_string()
        } else {
            show_all(facet, total.get(), text)
        }
    };
    view! {
        <div class="facet-options" id=options_id.clone()>
            <For each=options key=|item| item.clone() let:item>
                {
                    let (position, value, lang) = item;
                    let label = facet.label(&value, lang).to_string();
                    let testid = format!("{}-filter-{}", facet.param(), value);
                    let count = {
                        let value = value.clone();
                        Memo::new(move |_| facets.with(|f| count_at(facet.options(f), position, &value)))
                    };
                    let checked = {
                        let value = value.clone();
                        Memo::new(move |_| state.with(|s| facet.selected(s).contains(&value)))
                    };
                    view! {
                        <FacetCheckbox
                            testid=testid
                            style=FacetStyle::Row
                            label=label
                            count=count
                            checked=checked
                            on_toggle=UnsyncCallback::new(move |_| {
                                touched.update(|touched| {
                                    touched.insert(value.clone());
                                });
                                update(&|s: &mut FilterState| facet.toggle(s, value.clone()))
                            })
                        />
                    }
                }
            </For>
        </div>
        <Show when=move || { unlisted.get() > 0 }>
            <p class="notice facet-unlisted" data-testid=format!("facet-{}-unlisted", facet.param())>
                {move || (strings(lang.get()).facet_unlisted)(unlisted.get())}
            </p>
        </Show>
        <Show when=move || browse::collapse::is_collapsible(total.get())>
            <button
                type="button"
                class="link-button facet-toggle"
                data-testid=format!("facet-{}-toggle", facet.param())
                aria-expanded=move || expanded.get().to_string()
                aria-controls=options_id.clone()
                on:click=move |_| {
                    touched.set(BTreeSet::new());
                    expanded.update(|expanded| *expanded = !*expanded);
                }
            >
                {toggle_label}
            </button>
        </Show>
    }
}

/// The "has a case study" and "has an announcement" flags.
#[component]
pub fn FlagToggles(
    /// The list's state, its counts, and the way to another state.
    list: FacetList,
) -> impl IntoView {
    let lang = use_lang();
    let FacetList { state, facets, .. } = list;
    let update = move |change: &dyn Fn(&mut FilterState)| list.update(change);
    Flag::ALL
        .into_iter()
        .map(|flag| {
            view! {
                <FacetCheckbox
                    testid=flag_testid(flag).to_string()
                    style=FacetStyle::Row
                    label=Signal::derive(move || flag_label(flag, lang.get()).to_string())
                    count=Memo::new(move |_| facets.with(|f| flag.count(f)))
                    checked=Memo::new(move |_| state.with(|s| flag.is_set(s)))
                    on_toggle=UnsyncCallback::new(move |_| update(&|s: &mut FilterState| flag.flip(s)))
                />
            }
        })
        .collect::<Vec<_>>()
}

/// What the collapsed facet's toggle says.
fn show_all(facet: ValueFacet, total: usize, text: &Strings) -> String {
    match facet {
        ValueFacet::Industry => (text.show_all_industries)(total),
        ValueFacet::Country => (text.show_all_countries)(total),
    }
}

fn flag_testid(flag: Flag) -> &'static str {
    match flag {
        Flag::CaseStudy => "has-case-study-filter",
        Flag::Announcement => "has-announcement-filter",
    }
}

fn flag_label(flag: Flag, lang: Lang) -> &'static str {
    let text = strings(lang);
    match flag {
        Flag::CaseStudy => text.has_case_study,
        Flag::Announcement => text.has_announcement,
    }
}

/// How a facet's checkboxes look.
#[derive(Clone, Copy, PartialEq)]
enum FacetStyle {
    /// Pills side by side (the three kinds).
    Pill,
    /// One option per row, the count at the end.
    Row,
}

/// One option of a facet: a labelled checkbox with its live count. At 0 (and not ticked) it is
/// disabled, since ticking it would empty the list. Its parts update in place as counts change.
#[component]
fn FacetCheckbox(
    /// `data-testid` of the checkbox.
    testid: String,
    /// Pill or row.
    style: FacetStyle,
    /// What the option says, in the page language.
    #[prop(into)]
    label: Signal<String>,
    /// How many members ticking it would show, given the other filters.
    #[prop(into)]
    count: Signal<usize>,
    /// Whether it is ticked.
    #[prop(into)]
    checked: Signal<bool>,
    /// Ticks or unticks it (in the address bar, which the list follows).
    on_toggle: UnsyncCallback<()>,
) -> impl IntoView {
    let empty = move || count.get() == 0 && !checked.get();
    let (class, label_class) = match style {
        FacetStyle::Pill => ("toggle", None),
        FacetStyle::Row => ("facet-option", Some("facet-label")),
    };
    view! {
        <label class=class class:checked=checked class:empty=empty>
            <input type="checkbox" data-testid=testid prop:checked=checked disabled=empty on:change=move |_| on_toggle.run(()) />
            <span class=label_class>{label}</span>
            <span class="count">{count}</span>
        </label>
    }
}
