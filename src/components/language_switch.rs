use leptos::prelude::*;

use crate::i18n::{strings, use_lang};
use crate::router::{base_path, use_location, use_navigate, NavigateOptions};

/// On a static page (rendered natively): the address of the same page in the other language.
/// The switch links there, so it works without JavaScript; the app replaces it with its button.
#[derive(Clone, Debug)]
pub struct TwinAddress(pub String);

/// The visible English/中文 switch, the same on every page: it keeps the view (its path and
/// every other parameter, the join page's program too) and changes only `lang`.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let lang = use_lang();
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(TwinAddress(twin)) = use_context::<TwinAddress>() {
        let other = lang.get_untracked().other();
        let text = strings(lang.get_untracked());
        return view! {
            <a
                class="language-switch"
                data-testid="language-switch"
                href=twin
                hreflang=other.tag()
                lang=other.tag()
                aria-label=format!("{}: {}", text.language_switch, text.other_language)
            >
                {text.other_language}
            </a>
        }
        .into_any();
    }
    // A copy rendered natively with no twin to link (the first screen, the join form's copy,
    // both shown only with JavaScript) draws the same button, which the app replaces; the
    // browser, where there is a router, makes it work.
    let router = cfg!(target_arch = "wasm32").then(|| (use_location(), use_navigate()));
    let switch = move |_| {
        let Some((location, navigate)) = router.clone() else {
            return;
        };
        let query = browse::query::with_value(
            &location.search.get_untracked(),
            browse::query::LANG_PARAM,
            lang.get_untracked().other().code(),
        );
        let path = location.pathname.get_untracked();
        let base = base_path();
        let in_app = path.strip_prefix(&base).unwrap_or(&path);
        navigate(
            &format!("{in_app}?{query}"),
            NavigateOptions {
                // The visitor stays where they were reading.
                replace: false,
                scroll: false,
            },
        );
    };
    view! {
        <button
            type="button"
            class="language-switch"
            data-testid="language-switch"
            lang=move || lang.get().other().tag()
            aria-label=move || format!("{}: {}", strings(lang.get()).language_switch, strings(lang.get()).other_language)
            on:click=switch
        >
            {move || strings(lang.get()).other_language}
        </button>
    }
    .into_any()
}
