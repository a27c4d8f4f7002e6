use leptos::prelude::*;
use members_feed::Lang;

use crate::embed::{use_embed, Mode};
use crate::i18n::{strings, use_lang};
use crate::router::{base_path, list_base, use_location, use_navigate, NavigateOptions};

/// On a static page (rendered natively): the address of the same page in the other language.
/// The switch links there, so it works without JavaScript; the app replaces it with its button.
#[derive(Clone, Debug)]
pub struct TwinAddress(pub String);

/// The visible English/中文 switch, the same on every page: it keeps the view (its path and
/// every other parameter, the join page's program too) and changes only the language.
///
/// On a page of its own it is a link to the view's twin in the other language's tree of pages
/// (`/adopters/zh/…`, as karmada.io serves Chinese), the address that page's `hreflang` names:
/// a document of its own, whose static copy paints at once. Embedded (a frame, in-page) the
/// language is the host's to choose and the view stays where it is, with `lang` in its address.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let lang = use_lang();
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(TwinAddress(twin)) = use_context::<TwinAddress>() {
        return view! { <TwinLink lang=lang href=move || twin.clone() led_elsewhere=|_: &str| true /> }
            .into_any();
    }
    if cfg!(target_arch = "wasm32") && use_embed().mode == Mode::Page {
        let location = use_location();
        // A closure, not a signal of this component's: the link's attribute may be updated once
        // more as the list goes (a navigation), after what this component owns is disposed.
        let href = move || {
            let path = location.pathname.get();
            twin_of(in_app(&path), &location.search.get(), lang.get().other())
        };
        let drawn_in_place = crate::router::use_drawn_in_place();
        let led_elsewhere =
            move |href: &str| !drawn_in_place(href.split('?').next().unwrap_or_default());
        return view! { <TwinLink lang=lang href=href led_elsewhere=led_elsewhere /> }.into_any();
    }
    // A copy rendered natively with no twin to link (the first screen, the join form's copy,
    // both shown only with JavaScript) draws the same button, which the app replaces; the
    // browser, where there is a router, makes it work.
    view! { <SwitchInPlace lang=lang /> }.into_any()
}

/// The path of the address `pathname` below the app's base (`/members/x`).
fn in_app(pathname: &str) -> &str {
    browse::route::path_below(&base_path(), pathname).unwrap_or(pathname)
}

/// The address of the in-app path `in_app` with `query` in `lang`'s tree. `lang` is written
/// in it only where the tree alone would not say it: the English tree's list follows the
/// browser's language.
fn twin_of(in_app: &str, query: &str, lang: Lang) -> String {
    let mut query = browse::query::without_key(query, browse::query::LANG_PARAM);
    if lang == Lang::En && crate::i18n::browser_lang() == Some(Lang::Zh) {
        query = browse::query::with_value(&query, browse::query::LANG_PARAM, lang.code());
    }
    browse::route::twin_href(&list_base(), in_app, &query, lang)
}

/// The switch as a link to the page's twin in the other language.
#[component]
fn TwinLink(
    /// The page's language.
    lang: Signal<Lang>,
    /// The twin's address.
    href: impl Fn() -> String + Clone + Send + Sync + 'static,
    /// Whether an address is another document (not drawn in place by the router).
    led_elsewhere: impl Fn(&str) -> bool + 'static,
) -> impl IntoView {
    let other = move || lang.get().other();
    focus_after_load::restore();
    view! {
        <a
            class="language-switch"
            data-testid="language-switch"
            href=href.clone()
            hreflang=move || other().tag()
            lang=move || other().tag()
            aria-label=move || format!("{}: {}", strings(lang.get()).language_switch, strings(lang.get()).other_language)
            on:click=move |event| {
                let href = untrack(&href);
                if led_elsewhere(&href) {
                    focus_after_load::remember(&event, &href);
                    carry_list_place(&event, &href);
                }
            }
        >
            {move || strings(lang.get()).other_language}
        </a>
    }
}

/// Followed in this tab from the list: the twin's list opens where this one is (its cards
/// shown and scroll offset), as the same list in place would.
fn carry_list_place(event: &web_sys::MouseEvent, href: &str) {
    if cfg!(not(target_arch = "wasm32")) || crate::router::plain_link_click(event).is_none() {
        return;
    }
    // Only the list has a place to carry ([`crate::scroll`] knows the list last shown).
    let here = window().location().pathname().unwrap_or_default();
    if !matches!(
        browse::route::Route::of(in_app(&here)),
        browse::route::Route::Members | browse::route::Route::ListPage(_)
    ) {
        return;
    }
    let twin_query = href.split_once('?').map_or("", |(_, query)| query);
    crate::scroll::carry_list_place(href, browse::FilterState::from_query(twin_query).lang);
}

/// The switch as a button that changes `lang` in the address and redraws the view in place.
#[component]
fn SwitchInPlace(
    /// The page's language.
    lang: Signal<Lang>,
) -> impl IntoView {
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
        navigate(
            &format!("{}?{query}", in_app(&path)),
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
}

/// A keyboard visitor who switched language goes on from the switch on the new page, as on
/// one that redraws in place, not from the top: the switch, followed from the keyboard, notes
/// the address it leads to for this tab; the new page's switch takes focus when it is at
/// that address.
mod focus_after_load {
    use std::cell::Cell;
    use std::rc::Rc;

    use leptos::prelude::*;

    const KEY: &str = "karmada-showcase:language-switch";

    fn storage() -> Option<web_sys::Storage> {
        window().session_storage().ok().flatten()
    }

    /// Notes where the switch leads, another document (one the router draws in place keeps
    /// the switch), when a key followed it (a click with no pointer: `detail` 0), in this tab
    /// (not a new one: the page stays). A pointer needs no focus put back.
    pub fn remember(event: &web_sys::MouseEvent, href: &str) {
        if event.detail() != 0 || crate::router::plain_link_click(event).is_none() {
            return;
        }
        if let Some(storage) = storage() {
            let _ = storage.set_item(KEY, &crate::router::comparable_address(href));
        }
    }

    /// Where the switch on the page before led, if it is this page (asked once): its switch
    /// takes focus ([`keep_on_switch`]).
    pub fn restore() {
        if cfg!(not(target_arch = "wasm32")) {
            return;
        }
        Effect::new(move |_| {
            let Some(storage) = storage() else {
                return;
            };
            let Ok(Some(led_to)) = storage.get_item(KEY) else {
                return;
            };
            let _ = storage.remove_item(KEY);
            if led_to == crate::router::comparable_here() {
                keep_on_switch(FRAMES, visitor_moves());
            }
        });
    }

    /// About five seconds: the page's first views (a static copy, the app's view with a kept
    /// feed, then with the fresh one) each draw a switch of their own.
    const FRAMES: u32 = 300;

    /// Turns true at the visitor's first move of their own (a key, a pointer, a wheel or a
    /// touch): from then on, focus is theirs.
    fn visitor_moves() -> Rc<Cell<bool>> {
        let moved = Rc::new(Cell::new(false));
        for event in ["keydown", "pointerdown", "wheel", "touchstart"] {
            let moved = moved.clone();
            let listener = wasm_bindgen::closure::Closure::once_into_js(move || moved.set(true));
            let options = web_sys::AddEventListenerOptions::new();
            options.set_once(true);
            options.set_capture(true);
            options.set_passive(true);
            let _ = window().add_event_listener_with_callback_and_add_event_listener_options(
                event,
                wasm_bindgen::JsCast::unchecked_ref(&listener),
                &options,
            );
        }
        moved
    }

    /// For `frames` animation frames, until the visitor moves, focus on the page's language
    /// switch while nothing else has it: the static copy's while it stands over the app, when
    /// it can take focus (the app carries that focus over), else the app's once it is shown.
    /// A view drawn anew takes the focus with it. Never scrolls: the switch may be far above.
    fn keep_on_switch(frames: u32, moved: Rc<Cell<bool>>) {
        if moved.get() {
            return;
        }
        let active = document().active_element();
        let body = document().body();
        let on_switch = active
            .as_ref()
            .is_some_and(|element| element.class_list().contains("language-switch"));
        let nothing = match (&active, &body) {
            (Some(active), Some(body)) => active.is_same_node(Some(body)),
            (active, _) => active.is_none(),
        };
        if !on_switch && !nothing {
            return;
        }
        if nothing {
            let copy = document().get_element_by_id(crate::loading::STATIC_COPY_ID);
            let selector = match copy {
                Some(_) => format!(
                    "#{} [data-prerendered=\"language-switch\"]",
                    crate::loading::STATIC_COPY_ID
                ),
                None => "[data-testid=\"language-switch\"]".to_string(),
            };
            if let Some(switch) = document()
                .query_selector(&selector)
                .ok()
                .flatten()
                .and_then(|element| {
                    wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element).ok()
                })
            {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = switch.focus_with_options(&options);
            }
        }
        if frames > 0 {
            request_animation_frame(move || keep_on_switch(frames - 1, moved));
        }
    }
}
