#![cfg_attr(not(target_arch = "wasm32"), recursion_limit = "256")]
//! The Karmada members showcase, a Leptos client-side app. `main.rs` only calls [`start`];
//! everything else is here so the browser tests can reach it. Pure logic (feed model,
//! filtering, the join form) lives in the crates under `crates/` and is tested natively.

pub mod app;
pub mod components;
pub mod embed;
pub mod i18n;
pub mod list_state;
pub mod loading;
pub mod net;
pub mod on_screen;
pub mod pages;
pub mod progressive;
pub mod router;
mod scroll;
#[cfg(not(target_arch = "wasm32"))]
pub mod static_pages;

pub use app::App;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Starts the showcase: in the element `embed.js` prepared (in-page mode), else in `<body>`.
pub fn start() {
    let (mount, config) = match embed::inline_request() {
        Some((mount, config)) => {
            // The theme goes on the shadow host, where the stylesheet's `:host([data-theme])`
            // rules see it.
            let theme_target: web_sys::Element = mount
                .get_root_node()
                .dyn_into::<web_sys::ShadowRoot>()
                .map(|shadow| shadow.host())
                .unwrap_or_else(|_| mount.clone().into());
            router::set_base_path(config.base.clone().unwrap_or_default());
            embed::install(&config, &theme_target);
            (mount, config)
        }
        None => {
            let config = embed::from_location();
            router::set_base_path(router::document_base_path());
            if let Some(root) = document().document_element() {
                embed::install(&config, &root);
            }
            (leptos::tachys::dom::body(), config)
        }
    };
    // One mount for both modes (what `mount_to_body` does for the body): each call of the
    // generic `mount_to` is a copy of the app's start-up in the wasm.
    leptos::mount::mount_to(mount, move || view! { <App config=config.clone() /> }).forget();
}
