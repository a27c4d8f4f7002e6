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
pub mod takeover_focus;

pub use app::App;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Starts the showcase's list (`index.html`'s binary): in the element `embed.js` prepared
/// (in-page mode), else in `<body>`.
pub fn start() {
    start_with(app::LIST);
}

/// Starts the join page (`join.html`'s binary).
pub fn start_join() {
    start_with(app::JOIN);
}

/// Starts the statistics page (`stats.html`'s binary).
pub fn start_stats() {
    start_with(app::STATS);
}

/// Starts the logo wall (`logos.html`'s binary).
pub fn start_logos() {
    start_with(app::LOGOS);
}

/// Mounts the app `binary` draws.
fn start_with(binary: app::Binary) {
    let (mount, config, links_root) = match embed::inline_request() {
        Some((mount, config)) => {
            // The theme goes on the shadow host, where the stylesheet's `:host([data-theme])`
            // rules see it.
            let theme_target: web_sys::Element = mount
                .get_root_node()
                .dyn_into::<web_sys::ShadowRoot>()
                .map(|shadow| shadow.host())
                .unwrap_or_else(|_| mount.clone().into());
            router::set_base_path(config.base.clone().unwrap_or_default());
            if let Some(bundle) = &config.bundle {
                router::set_documents_folder(bundle.clone());
            }
            embed::install(&config, &theme_target);
            let links_root = Some(web_sys::Node::from(mount.clone()));
            (mount, config, links_root)
        }
        None => {
            let config = embed::from_location();
            router::set_base_path(format!("{}/", router::document_base_path()));
            if let Some(root) = document().document_element() {
                embed::install(&config, &root);
            }
            (leptos::tachys::dom::body(), config, None)
        }
    };
    router::set_history_rules(router::HistoryRules {
        replace_every_move: config.in_overlay,
        keep_host_params: config.mode == embed::Mode::Inline,
    });
    // One mount for both modes (what `mount_to_body` does for the body): each call of the
    // generic `mount_to` is a copy of the app's start-up in the wasm.
    leptos::mount::mount_to(mount, move || {
        view! { <App binary=binary config=config.clone() links_root=links_root.clone() /> }
    })
    .forget();
}

#[cfg(test)]
mod stylesheet_tests {
    /// The palette is written once, each colour as `light-dark(light, dark)`, and the themes
    /// only switch the colour scheme: a dark theme cannot lack a colour the light one has (the
    /// join form's error text once stayed dark red on a dark host that way).
    #[test]
    fn each_palette_colour_is_defined_once_for_both_themes() {
        let css = include_str!("../style/main.css");
        let mut colours = std::collections::BTreeMap::new();
        for line in css.lines() {
            let Some((name, value)) = line
                .trim()
                .strip_prefix("--")
                .and_then(|l| l.split_once(':'))
            else {
                continue;
            };
            let value = value.trim();
            let one_theme = value.starts_with('#') || value.starts_with("rgb");
            // karmada.io's brand colours (`--ifm-…`) are the same in both themes.
            assert!(
                name.starts_with("ifm-") || !one_theme,
                "--{name}: a colour for one theme only ({value})"
            );
            if one_theme || value.starts_with("light-dark(") {
                *colours.entry(name.to_string()).or_insert(0) += 1;
            }
        }
        assert!(colours.contains_key("danger"));
        for (name, count) in &colours {
            assert_eq!(*count, 1, "--{name} is defined {count} times");
        }
        for theme in ["dark", "light"] {
            let rule = format!(":root[data-theme=\"{theme}\"],\n:host([data-theme=\"{theme}\"]) {{\n  color-scheme: {theme};\n}}");
            assert!(css.contains(&rule), "{theme}: {rule}");
        }
        assert!(
            !css.contains("prefers-color-scheme"),
            "the system's scheme is light-dark()'s to follow"
        );
        // The phone's layout, where the facets are a sheet, is the one the app knows of.
        let phone = format!("@media {}", crate::components::PHONE_QUERY);
        assert!(css.contains(&phone), "{phone}");
    }
}
