//! One field of the join form.

use join_form::{FieldKind, FieldSpec, FormValues};
use leptos::prelude::*;

use crate::i18n::use_lang;

use super::texts::*;

/// One field: a visible label, the control, its help and (when wrong) its message.
#[component]
pub(super) fn JoinField(
    /// What the field is (from `join-form`).
    spec: FieldSpec,
    /// The whole form's values; the field reads and writes its own entry.
    values: RwSignal<FormValues>,
    /// The message to show, if any.
    error: Signal<Option<String>>,
    /// Called when focus leaves the field.
    on_leave: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let id = spec.id;
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let has_help = !spec.help.en.is_empty();
    let described_by = {
        let (help_id, error_id) = (help_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_help {
                ids.push(help_id.clone());
            }
            if error.read().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || error.read().is_some().then_some("true");
    let testid = format!("join-field-{id}");
    let max_len = spec.max_len.to_string();
    let required = spec.required;
    let label = move || {
        let lang = lang.get();
        view! {
            {spec.label.get(lang)}
            {required.then(|| view! { <span class="required-mark" aria-hidden="true">{REQUIRED_STAR}</span><span class="visually-hidden">{REQUIRED_MARK.get(lang)}</span> })}
        }
    };
    let text_value = move || values.with(|values| values.text(id).to_string());
    let set_text = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        values.update(|values| values.set_text(id, value));
    };
    // Not once the form has gone with focus in it (as the search box's list can, Back pressed
    // while typing): that blur comes after what the form owns is disposed.
    let leave = move |_| {
        let _ = on_leave.try_run(());
    };

    let control = match spec.kind {
        FieldKind::Checkbox => view! {
            <input
                type="checkbox"
                id=id
                name=id
                data-testid=testid
                prop:checked=move || values.with(|values| values.flag(id))
                on:change=move |event| {
                    let checked = event_target_checked(&event);
                    values.update(|values| values.set_flag(id, checked));
                }
                on:blur=leave
                aria-invalid=invalid
                aria-describedby=described_by.clone()
                required=required
            />
        }
        .into_any(),
        FieldKind::Textarea => view! {
            <textarea
                id=id
                name=id
                rows="4"
                data-testid=testid
                maxlength=max_len
                placeholder=move || spec.placeholder.get(lang.get())
                prop:value=text_value
                on:input=set_text
                on:blur=leave
                aria-invalid=invalid
                aria-describedby=described_by.clone()
                required=required
            ></textarea>
        }
        .into_any(),
        FieldKind::List { .. } => view! {
            <textarea
                id=id
                name=id
                rows="3"
                data-testid=testid
                placeholder=move || spec.placeholder.get(lang.get())
                prop:value=move || values.with(|values| values.list_as_lines(id))
                on:input=move |event| {
                    let text = event_target_value(&event);
                    values.update(|values| values.set_list_from_lines(id, &text));
                }
                on:blur=leave
                aria-invalid=invalid
                aria-describedby=described_by.clone()
                required=required
            ></textarea>
        }
        .into_any(),
        FieldKind::Select(options) => view! {
            <select
                id=id
                name=id
                data-testid=testid
                on:change=set_text
                on:blur=leave
                aria-invalid=invalid
                aria-describedby=described_by.clone()
                required=required
            >
                <option value="" selected=move || text_value().is_empty()>{move || CHOOSE.get(lang.get())}</option>
                {options
                    .iter()
                    .map(|option| {
                        let value = option.value;
                        view! {
                            <option value=value selected=move || text_value() == value>
                                {move || option.label.get(lang.get())}
                            </option>
                        }
                    })
                    .collect::<Vec<_>>()}
            </select>
        }
        .into_any(),
        kind => {
            let (input_type, input_mode, autocomplete) = match kind {
                FieldKind::Url => ("url", "url", "url"),
                FieldKind::Email => ("email", "email", "email"),
                FieldKind::Github => ("text", "text", "username"),
                _ => ("text", "text", "on"),
            };
            view! {
                <input
                    type=input_type
                    inputmode=input_mode
                    autocomplete=autocomplete
                    id=id
                    name=id
                    data-testid=testid
                    maxlength=max_len
                    placeholder=move || spec.placeholder.get(lang.get())
                    prop:value=text_value
                    on:input=set_text
                    on:blur=leave
                    aria-invalid=invalid
                    aria-describedby=described_by.clone()
                    required=required
                />
            }
            .into_any()
        }
    };
    let is_checkbox = matches!(spec.kind, FieldKind::Checkbox);
    view! {
        <div class="join-field" class:checkbox-field=is_checkbox class:has-error=move || error.read().is_some()>
            {if is_checkbox {
                view! { {control} <label for=id>{label}</label> }.into_any()
            } else {
                view! { <label for=id>{label}</label> {control} }.into_any()
            }}
            {has_help.then(|| view! { <p id=help_id class="field-help">{move || spec.help.get(lang.get())}</p> })}
            <p id=error_id class="field-error" data-testid=format!("join-error-{id}") aria-live="polite">
                {move || error.get()}
            </p>
        </div>
    }
}
