use browse::FilterState;
use leptos::prelude::*;
use members_feed::Lang;

use crate::i18n::{strings, use_lang};
use crate::router::{base_path, use_location, use_navigate, NavigateOptions};

/// The visible English/中文 switch: it keeps the rest of the view and changes only `lang`.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    let navigate = use_navigate();
    let switch = move |_| {
        let next = if lang.get_untracked() == Lang::Zh {
            Lang::En
        } else {
            Lang::Zh
        };
        let mut state = FilterState::from_query(&location.search.get_untracked());
        state.lang = Some(next);
        let path = location.pathname.get_untracked();
        let base = base_path();
        let in_app = path.strip_prefix(&base).unwrap_or(&path).to_string();
        let query = state.to_query();
        let target = if query.is_empty() {
            in_app
        } else {
            format!("{in_app}?{query}")
        };
        navigate(
            &target,
            NavigateOptions {
                scroll: false,
                ..Default::default()
            },
        );
    };
    view! {
        <button
            type="button"
            class="language-switch"
            data-testid="language-switch"
            lang=move || if lang.get() == Lang::Zh { "en" } else { "zh-CN" }
            aria-label=move || format!("{}: {}", strings(lang.get()).language_switch, strings(lang.get()).other_language)
            on:click=switch
        >
            {move || strings(lang.get()).other_language}
        </button>
    }
}
