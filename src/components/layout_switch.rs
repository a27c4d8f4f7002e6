use browse::Layout;
use leptos::callback::UnsyncCallback;
use leptos::prelude::*;

use crate::i18n::{strings, use_lang};

/// The list's layout switch (`view=`): cards, or a compact table for people who scan.
#[component]
pub fn LayoutSwitch(
    /// The layout the address asks for.
    #[prop(into)]
    current: Signal<Layout>,
    /// Called with the layout the visitor picks.
    choose: UnsyncCallback<Layout>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <label class="sort layout-switch">
            <span>{move || strings(lang.get()).layout_label}</span>
            <select
                data-testid="layout"
                on:change=move |event| choose.run(Layout::parse(&event_target_value(&event)).unwrap_or_default())
            >
                {move || {
                    let text = strings(lang.get());
                    Layout::ALL
                        .into_iter()
                        .map(|layout| view! { <option value=layout.as_str() selected=layout == current.get()>{text.layout(layout)}</option> })
                        .collect::<Vec<_>>()
                }}
            </select>
        </label>
    }
}
