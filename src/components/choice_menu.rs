use leptos::callback::UnsyncCallback;
use leptos::prelude::*;

use crate::i18n::{strings, use_lang, Strings};

/// A labelled menu of a few choices that the address carries (the list's order, its layout):
/// each option's value is the choice's name in the address, its text the choice's name in the
/// page's language.
#[component]
pub fn ChoiceMenu<T>(
    /// The label's class (`sort`, and what else sets it apart).
    class: &'static str,
    /// The menu's label, from the string table.
    label: fn(&Strings) -> &'static str,
    /// `data-testid` of the menu.
    testid: &'static str,
    /// Every choice, in the menu's order; the first is taken for a value no choice has.
    choices: &'static [T],
    /// A choice as the address writes it.
    value: fn(T) -> &'static str,
    /// A choice's name in the page's language.
    name: fn(&Strings, T) -> &'static str,
    /// The choice the address makes.
    #[prop(into)]
    current: Signal<T>,
    /// Called with the choice the visitor picks.
    choose: UnsyncCallback<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let lang = use_lang();
    let picked = move |event| {
        let picked = event_target_value(&event);
        let choice = choices
            .iter()
            .copied()
            .find(|&choice| value(choice) == picked);
        if let Some(choice) = choice.or_else(|| choices.first().copied()) {
            choose.run(choice);
        }
    };
    view! {
        <label class=class>
            <span>{move || label(strings(lang.get()))}</span>
            <select data-testid=testid on:change=picked>
                {move || {
                    let text = strings(lang.get());
                    choices
                        .iter()
                        .map(|&choice| {
                            let chosen = move || choice == current.get();
                            // The attribute for the static page; the property because once
                            // the visitor has picked, the browser no longer follows the
                            // attribute (back/forward would leave the old choice showing).
                            view! { <option value=value(choice) selected=chosen prop:selected=chosen>{name(text, choice)}</option> }
                        })
                        .collect::<Vec<_>>()
                }}
            </select>
        </label>
    }
}
