//! "How to join": the application forms for the three programs. The rules, the issue text and
//! the preview member all come from the `join-form` crate; this module renders and wires them.
//! Nothing typed here leaves the browser except through the GitHub tab the visitor opens.

use std::collections::BTreeSet;

use browse::route::Route;
use join_form::{
    adopters_row, comment_markdown, error_for, feed_entry_json, issue_link, preview_member,
    validate, FieldError, FieldKind, FieldSpec, FormValues, IssueOptions, Program, Text,
    ADOPTERS_THREAD_URL,
};
use leptos::html;
use leptos::prelude::*;
use members_feed::Lang;
use wasm_bindgen::JsCast;

use crate::components::MemberHeader;
use crate::components::{CardContent, MemberCard};
use crate::i18n::use_lang;
use crate::router::app_href;
use crate::router::{use_location, use_navigate, NavigateOptions};

pub(crate) const PAGE_TITLE: Text = Text::new("How to join", "如何加入");
const CHOOSE_PROGRAM: Text = Text::new("What would you like to join?", "你想申请加入哪一项？");
const PRIVACY: Text = Text::new(
    "This form sends nothing anywhere. What you type stays in this browser (kept as a draft until you clear it) until you open the GitHub issue yourself, where you can still read and change everything before posting.",
    "此表单不会向任何地方发送数据。你填写的内容只保存在本浏览器中（作为草稿，直到你清除），直到你自己打开 GitHub issue；发布前你仍可查看并修改全部内容。",
);
const REQUIRED_NOTE: Text = Text::new("Fields marked * are required.", "带 * 的为必填项。");
const SUMMARY_TITLE: Text = Text::new("Please fix these first:", "请先修正以下问题：");
pub(crate) const SUBMIT: Text = Text::new("Open the GitHub issue", "打开 GitHub issue");
const SUBMIT_HELP: Text = Text::new(
    "Opens a prefilled new issue on GitHub in a new tab.",
    "在新标签页中打开预填好的 GitHub 新 issue。",
);
const COPY_MARKDOWN: Text = Text::new("Copy as Markdown", "复制为 Markdown");
const COPY_FEED: Text = Text::new("Copy feed entry", "复制 feed 条目");
const COPIED: Text = Text::new("Copied to the clipboard.", "已复制到剪贴板。");
const COPY_FAILED: Text = Text::new(
    "The browser did not allow copying: select the text below and copy it.",
    "浏览器不允许复制：请选中下面的文字手动复制。",
);
const THREAD_HINT: Text = Text::new(
    "Prefer a comment? Paste the Markdown into the adopters thread:",
    "更喜欢留言？把 Markdown 粘贴到采用者讨论帖：",
);
const FEED_HINT: Text = Text::new(
    "For a pull request: the member as feed JSON and the adopters-table row.",
    "用于提交 PR：feed 中的成员 JSON 和采用者表格的一行。",
);
const FALLBACK: Text = Text::new(
    "Your application is too long for a prefilled link, so GitHub opened an empty issue. The text has been copied: paste it into the issue body.",
    "申请内容太长，无法放进预填链接，因此 GitHub 打开的是空白 issue。内容已复制，请粘贴到 issue 正文中。",
);
const POPUP_BLOCKED: Text = Text::new(
    "If no tab opened, use this link:",
    "如果没有打开新标签页，请使用此链接：",
);
const CLEAR_DRAFT: Text = Text::new("Clear draft", "清除草稿");
const DRAFT_KEPT: Text = Text::new(
    "Your draft is kept in this browser.",
    "你的草稿已保存在本浏览器中。",
);
const DRAFT_NOT_KEPT: Text = Text::new(
    "Your draft cannot be kept in this browser (its storage is full or blocked): the form works, but copy your answers before you leave.",
    "本浏览器无法保存你的草稿（存储已满或被禁用）：表单仍可使用，离开前请复制你的填写内容。",
);
const PREVIEW_TITLE: Text = Text::new(
    "Preview: how the showcase will show you",
    "预览：展示页上的样子",
);
const PREVIEW_EMPTY: Text = Text::new(
    "Fill in the organisation name to see the card.",
    "填写组织名称后即可看到卡片。",
);
const PREVIEW_INDIVIDUAL: Text = Text::new(
    "Individual membership is not listed publicly: there is no card to preview.",
    "个人成员资格不会公开展示，因此没有卡片可预览。",
);
pub(crate) const BACK: Text = Text::new("← Back to the list", "← 返回列表");
const OTHER_LANGUAGE: Text = Text::new("中文", "English");
const REQUIRED_MARK: Text = Text::new("(required)", "（必填）");
const CHOOSE: Text = Text::new("Choose…", "请选择…");

/// After a required field's label (an expression: see `REMOVE_MARK` in the list).
const REQUIRED_STAR: &str = " *";

/// The `/join` route: a program switcher, then that program's form.
#[component]
pub fn JoinPage() -> impl IntoView {
    let lang = use_lang();
    let search = use_location().search;
    let program = Memo::new(move |_| {
        search
            .with(|search| browse::query::first_value(search, "program"))
            .and_then(|slug| Program::parse(&slug))
            .unwrap_or(Program::Adopter)
    });
    let join_href = move |program: Program, lang: Lang| {
        app_href(&format!(
            "{}?program={}&lang={}",
            Route::Join.path(),
            program.slug(),
            lang.code()
        ))
    };
    let navigate = use_navigate();
    let choose = move |next: Program| {
        navigate(
            &join_href(next, lang.get_untracked()),
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
                <a
                    class="button language-switch"
                    data-testid="language-switch"
                    href=move || {
                        let other = if lang.get() == Lang::Zh { Lang::En } else { Lang::Zh };
                        join_href(program.get(), other)
                    }
                    lang=move || if lang.get() == Lang::Zh { "en" } else { "zh" }
                >
                    {move || OTHER_LANGUAGE.get(lang.get())}
                </a>
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
}

/// One program's form, its preview and its actions. Re-created when the program changes, so
/// each program keeps its own draft.
#[component]
fn JoinForm(
    /// Which application this is.
    program: Program,
) -> impl IntoView {
    let lang = use_lang();
    let values = RwSignal::new(load_draft(program));
    // A field shows its error once it has been left (or after a submit), not while the
    // visitor is still typing its first characters.
    let touched = RwSignal::new(BTreeSet::<&'static str>::new());
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
        if !(submitted.get() || touched.read().contains(id)) {
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
            if let Some(summary) = summary.get_untracked() {
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
    let clear_draft = move |_| {
        values.set(FormValues::new());
        touched.set(BTreeSet::new());
        submitted.set(false);
        outcome.set(Outcome::None);
        remove_draft(program);
    };

    let fields = program
        .fields()
        .iter()
        .map(|spec| {
            let spec = *spec;
            let shown = move || spec.is_shown(&values.read());
            view! {
                <Show when=shown>
                    <JoinField
                        spec=spec
                        values=values
                        error=Signal::derive(move || shown_error(spec.id))
                        on_leave=Callback::new(move |_| {
                            touched.update(|touched| {
                                touched.insert(spec.id);
                            })
                        })
                    />
                </Show>
            }
        })
        .collect::<Vec<_>>();

    view! {
        <div class="join-layout">
            <form class="join-form" data-testid="join-form" novalidate on:submit=on_submit>
                <h2>{move || program.title().get(lang.get())}</h2>
                <p class="join-intro">{move || program.intro().get(lang.get())}</p>
                <ErrorSummary program=program errors=errors submitted=submitted node=summary />
                <p class="required-note">{move || REQUIRED_NOTE.get(lang.get())}</p>
                {fields}
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
                    <button type="button" class="button" data-testid="join-clear-draft" on:click=clear_draft>
                        {move || CLEAR_DRAFT.get(lang.get())}
                    </button>
                </div>
                <p class="field-help">
                    {move || THREAD_HINT.get(lang.get())} " "
                    <a href=ADOPTERS_THREAD_URL target="_blank" rel="noopener noreferrer">"karmada-io/karmada#4540"</a>
                </p>
                {(program != Program::Individual).then(|| view! { <p class="field-help">{move || FEED_HINT.get(lang.get())}</p> })}
                <p class="field-help" data-testid="join-draft-status" class:draft-lost=move || !draft_kept.get()>
                    {move || if draft_kept.get() { DRAFT_KEPT.get(lang.get()) } else { DRAFT_NOT_KEPT.get(lang.get()) }}
                </p>
                <OutcomeView outcome=outcome />
            </form>
            <JoinPreview program=program values=values />
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

/// One field: a visible label, the control, its help and (when wrong) its message.
#[component]
fn JoinField(
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
    let leave = move |_| on_leave.run(());

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
                placeholder=spec.placeholder
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
                placeholder=spec.placeholder
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
                    placeholder=spec.placeholder
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

/// The card and detail header as the showcase will show the applicant.
#[component]
fn JoinPreview(
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
    let here = app_href(&format!(
        "{}?program={}",
        Route::Join.path(),
        program.slug()
    ));
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
                        <div class="preview-card">
                            <MemberCard content=CardContent::of(&member, lang) href=here.clone() query=String::new() />
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

/// The status line under the actions, announced politely.
#[component]
fn OutcomeView(
    /// What the last action did.
    outcome: RwSignal<Outcome>,
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
                    Outcome::Opened(url) => view! {
                        <p class="notice" data-testid="join-opened">
                            {POPUP_BLOCKED.get(lang)} " "
                            <a href=url target="_blank" rel="noopener noreferrer" data-testid="join-issue-link">"github.com"</a>
                        </p>
                    }
                    .into_any(),
                }
            }}
        </div>
    }
}

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

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn load_draft(program: Program) -> FormValues {
    storage()
        .and_then(|storage| storage.get_item(&program.draft_key()).ok().flatten())
        .map(|json| FormValues::from_json(program, &json))
        .unwrap_or_default()
}

/// Keeps the draft; whether it could (no storage, or storage full, loses it).
fn save_draft(program: Program, values: &FormValues) -> bool {
    let Some(storage) = storage() else {
        return false;
    };
    if values.is_blank() {
        storage.remove_item(&program.draft_key()).is_ok()
    } else {
        storage
            .set_item(&program.draft_key(), &values.to_json())
            .is_ok()
    }
}

fn remove_draft(program: Program) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&program.draft_key());
    }
}
