//! One program's form: its fields, the error summary and the actions.

use join_form::{
    adopters_row, comment_markdown, error_for, feed_entry_json, issue_link, validate, FieldError,
    FormValues, IssueOptions, Program, ADOPTERS_THREAD_URL,
};
use leptos::html;
use leptos::prelude::*;
use members_feed::Lang;
use wasm_bindgen::JsCast;

use crate::components::ProgramBenefits;
use crate::i18n::use_lang;

use super::draft::{load_draft, save_draft};
use super::field::JoinField;
use super::preview::JoinPreview;
use super::texts::*;
use super::touched::Touched;

/// What the copy buttons and the submit button last did, for the status line.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    None,
    Copied,
    /// The clipboard refused: the text is shown to copy by hand.
    CopyFailed(String),
    /// The issue link was too long; the body was copied (or is shown when that failed).
    Fallback {
        url: String,
        body: String,
        copied: bool,
    },
    /// The prefilled issue was opened.
    Opened(String),
    /// The draft was cleared; what it held, for an undo.
    Cleared(FormValues),
}

/// One program's form, its preview and its actions. Re-created when the program changes, so
/// each program keeps its own draft.
#[component]
pub(super) fn JoinForm(
    /// Which application this is.
    program: Program,
) -> impl IntoView {
    let lang = use_lang();
    let values = RwSignal::new(load_draft(program));
    // A field shows its error once it has been left (or after a submit).
    let touched = Touched::new();
    let submitted = RwSignal::new(false);
    let outcome = RwSignal::new(Outcome::None);
    let errors = Memo::new(move |_| validate(program, &values.read()));
    let summary = NodeRef::<html::Div>::new();

    // Whether the last change could be kept, so the form never claims a draft it lost.
    let draft_kept = RwSignal::new(true);
    Effect::new(move |_| {
        let kept = save_draft(program, &values.read());
        if draft_kept.get_untracked() != kept {
            draft_kept.set(kept);
        }
    });

    let shown_error = move |id: &'static str| -> Option<String> {
        if !(submitted.get() || touched.contains(id)) {
            return None;
        }
        let lang = lang.get();
        error_for(&errors.read(), id).map(|error| error.message.get(lang).to_string())
    };

    // Every action first checks the whole form; on errors the summary takes focus.
    let check_all = move || -> bool {
        submitted.set(true);
        if errors.read_untracked().is_empty() {
            return true;
        }
        outcome.set(Outcome::None);
        request_animation_frame(move || {
            // `try_`: the form may have gone before this frame.
            if let Some(summary) = summary.try_get_untracked().flatten() {
                let _ = summary.focus();
            }
        });
        false
    };

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if !check_all() {
            return;
        }
        let link = issue_link(program, &values.read_untracked(), &IssueOptions::default());
        open_in_new_tab(&link.url);
        if link.fallback {
            let (url, body) = (link.url.clone(), link.body.clone());
            copy_text(link.body, move |copied| {
                outcome.set(Outcome::Fallback { url, body, copied })
            });
        } else {
            outcome.set(Outcome::Opened(link.url));
        }
    };
    let copy_markdown = move |_| {
        if !check_all() {
            return;
        }
        let text = comment_markdown(program, &values.read_untracked(), &IssueOptions::default());
        copy_and_report(text, outcome);
    };
    let copy_feed = move |_| {
        if !check_all() {
            return;
        }
        let values = values.read_untracked();
        let Some(entry) = feed_entry_json(program, &values) else {
            return;
        };
        let text = match program {
            Program::Adopter => format!("{entry}\n\n{}\n", adopters_row(&values)),
            _ => entry,
        };
        copy_and_report(text, outcome);
    };
    // What the visitor types after clearing is a new draft: undoing then would lose it.
    Effect::new(move |_| {
        if !values.read().is_blank() && matches!(*outcome.read_untracked(), Outcome::Cleared(_)) {
            outcome.set(Outcome::None);
        }
    });
    let clear_button = NodeRef::<html::Button>::new();
    let clear_draft = move |_| {
        let cleared = values.get_untracked();
        values.set(FormValues::new());
        touched.clear();
        submitted.set(false);
        // One click empties the whole form: it says so, and can be undone.
        outcome.set(if cleared.is_blank() {
            Outcome::None
        } else {
            Outcome::Cleared(cleared)
        });
    };

    // Required fields first; the optional ones apart, so the form says what it takes.
    let field_views = |required: bool| {
        program
            .fields()
            .iter()
            .filter(move |spec| spec.is_asked_for() == required)
            .map(move |spec| {
                let spec = *spec;
                let shown = move || spec.is_shown(&values.read());
                view! {
                    <Show when=shown>
                        <JoinField
                            spec=spec
                            values=values
                            error=Signal::derive(move || shown_error(spec.id))
                            on_leave=Callback::new(move |_| touched.leave(spec.id))
                        />
                    </Show>
                }
            })
            .collect::<Vec<_>>()
    };
    let (required_fields, optional_fields) = (field_views(true), field_views(false));

    view! {
        <div class="join-layout">
            <form class="join-form" data-testid="join-form" novalidate on:submit=on_submit>
                <h2>{move || program.title().get(lang.get())}</h2>
                <p class="join-intro">{move || program.intro().get(lang.get())}</p>
                <ProgramBenefits program=program lang=lang />
                <ErrorSummary program=program errors=errors submitted=submitted node=summary />
                <p class="required-note">{move || REQUIRED_NOTE.get(lang.get())}</p>
                {required_fields}
                {(!optional_fields.is_empty()).then(|| view! {
                    <fieldset class="join-optional" data-testid="join-optional">
                        <legend>{move || OPTIONAL_LEGEND.get(lang.get())}</legend>
                        {optional_fields}
                    </fieldset>
                })}
                // Before the buttons that send it, in the page's order as on a phone's screen;
                // beside the form on a desktop (style/main.css).
                <JoinPreview program=program values=values />
                <div class="join-actions">
                    <button type="submit" class="button primary" data-testid="join-submit" aria-describedby="join-submit-help">
                        {move || SUBMIT.get(lang.get())}
                    </button>
                    <p id="join-submit-help" class="field-help">{move || SUBMIT_HELP.get(lang.get())}</p>
                    <button type="button" class="button" data-testid="join-copy-markdown" on:click=copy_markdown>
                        {move || COPY_MARKDOWN.get(lang.get())}
                    </button>
                    {(program != Program::Individual).then(|| view! {
                        <button type="button" class="button" data-testid="join-copy-feed" on:click=copy_feed>
                            {move || COPY_FEED.get(lang.get())}
                        </button>
                    })}
                    <button type="button" class="button clear-draft" data-testid="join-clear-draft" on:click=clear_draft node_ref=clear_button>
                        {move || CLEAR_DRAFT.get(lang.get())}
                    </button>
                </div>
                // The adopters thread and table are the adopters' alone.
                {(program == Program::Adopter).then(|| view! {
                    <p class="field-help">
                        {move || THREAD_HINT.get(lang.get())} " "
                        <a href=ADOPTERS_THREAD_URL target="_blank" rel="noopener noreferrer">{ADOPTERS_THREAD_LABEL}</a>
                    </p>
                    <p class="field-help">{move || FEED_HINT.get(lang.get())}</p>
                })}
                {(program == Program::Partner).then(|| view! { <p class="field-help">{move || PARTNER_FEED_HINT.get(lang.get())}</p> })}
                <p class="field-help" data-testid="join-draft-status" class:draft-lost=move || !draft_kept.get()>
                    {move || {
                        let lang = lang.get();
                        if !draft_kept.get() {
                            DRAFT_NOT_KEPT.get(lang)
                        } else if values.read().is_blank() {
                            // Nothing to keep yet, or just cleared: "kept" would say otherwise.
                            ""
                        } else {
                            DRAFT_KEPT.get(lang)
                        }
                    }}
                </p>
                <OutcomeView outcome=outcome values=values after_undo=clear_button />
            </form>
        </div>
    }
}

/// The list of problems shown at the top after a submit, each linking to its field.
#[component]
fn ErrorSummary(
    /// Which application this is (for the fields' labels).
    program: Program,
    /// The form's current problems.
    errors: Memo<Vec<FieldError>>,
    /// Whether the visitor has tried to submit (before that the summary stays hidden).
    submitted: RwSignal<bool>,
    /// Focused after a failed submit, so screen readers read it at once.
    node: NodeRef<html::Div>,
) -> impl IntoView {
    let lang = use_lang();
    let visible = move || submitted.get() && !errors.read().is_empty();
    view! {
        <div
            class="error-summary"
            class:hidden=move || !visible()
            role="alert"
            tabindex="-1"
            node_ref=node
            data-testid="join-error-summary"
            aria-labelledby="join-error-summary-title"
        >
            <Show when=visible>
                <h3 id="join-error-summary-title">{move || SUMMARY_TITLE.get(lang.get())}</h3>
                <ul>
                    {move || {
                        let lang = lang.get();
                        errors
                            .read()
                            .iter()
                            .map(|error| {
                                let id = error.field;
                                let label = program.field(id).map(|spec| spec.label.get(lang)).unwrap_or(id);
                                let separator = if lang == Lang::Zh { "：" } else { ": " };
                                view! {
                                    <li>
                                        <a
                                            href=format!("#{id}")
                                            data-testid=format!("join-summary-{id}")
                                            on:click=move |event| {
                                                // The page has a <base href>: "#id" would leave the form.
                                                event.prevent_default();
                                                focus_field(id);
                                            }
                                        >
                                            {format!("{label}{separator}{}", error.message.get(lang))}
                                        </a>
                                    </li>
                                }
                            })
                            .collect::<Vec<_>>()
                    }}
                </ul>
            </Show>
        </div>
    }
}

/// The status line under the actions, announced politely.
#[component]
fn OutcomeView(
    /// What the last action did.
    outcome: RwSignal<Outcome>,
    /// The form's values, which undoing a cleared draft puts back.
    values: RwSignal<FormValues>,
    /// Where keyboard focus goes after an undo (the undo button goes away with its notice).
    after_undo: NodeRef<html::Button>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="join-outcome" data-testid="join-copy-status" aria-live="polite">
            {move || {
                let lang = lang.get();
                match outcome.get() {
                    Outcome::None => ().into_any(),
                    Outcome::Copied => view! { <p class="notice">{COPIED.get(lang)}</p> }.into_any(),
                    Outcome::CopyFailed(text) => view! {
                        <p class="notice">{COPY_FAILED.get(lang)}</p>
                        <textarea class="copy-fallback" readonly rows="8" aria-label=COPY_FAILED.get(lang) data-testid="join-copy-text">{text}</textarea>
                    }
                    .into_any(),
                    Outcome::Fallback { url, body, copied } => view! {
                        <div class="notice" data-testid="join-fallback-notice">
                            <p>{FALLBACK.get(lang)}</p>
                            <p>{POPUP_BLOCKED.get(lang)} " " <a href=url.clone() target="_blank" rel="noopener noreferrer">{url.clone()}</a></p>
                            {(!copied).then(|| view! {
                                <textarea class="copy-fallback" readonly rows="8" aria-label=COPY_FAILED.get(lang) data-testid="join-copy-text">{body}</textarea>
                            })}
                        </div>
                    }
                    .into_any(),
                    Outcome::Cleared(cleared) => view! {
                        <p class="notice" data-testid="join-cleared">
                            {DRAFT_CLEARED.get(lang)} " "
                            <button type="button" class="link-button" data-testid="join-undo-clear" on:click=move |_| {
                                values.set(cleared.clone());
                                outcome.set(Outcome::None);
                                if let Some(button) = after_undo.get_untracked() {
                                    let _ = button.focus();
                                }
                            }>
                                {UNDO_CLEAR.get(lang)}
                            </button>
                        </p>
                    }
                    .into_any(),
                    Outcome::Opened(url) => view! {
                        <p class="notice" data-testid="join-opened">
                            {POPUP_BLOCKED.get(lang)} " "
                            <a href=url target="_blank" rel="noopener noreferrer" data-testid="join-issue-link">{OPEN_ISSUE.get(lang)}</a>
                        </p>
                    }
                    .into_any(),
                }
            }}
        </div>
    }
}

/// The adopters thread's link text (an expression: literal-only markup is filled through
/// `innerHTML`, which Trusted Types refuse).
const ADOPTERS_THREAD_LABEL: &str = "karmada-io/karmada#4540";

fn focus_field(id: &str) {
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

fn open_in_new_tab(url: &str) {
    // `noopener`: GitHub's page gets no handle on this one.
    let _ = window().open_with_url_and_target_and_features(url, "_blank", "noopener,noreferrer");
}

fn copy_and_report(text: String, outcome: RwSignal<Outcome>) {
    let shown = text.clone();
    copy_text(text, move |copied| {
        outcome.set(if copied {
            Outcome::Copied
        } else {
            Outcome::CopyFailed(shown)
        })
    });
}

/// Writes `text` to the clipboard and reports whether the browser allowed it.
fn copy_text(text: String, done: impl FnOnce(bool) + 'static) {
    let promise = window().navigator().clipboard().write_text(&text);
    leptos::task::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}
