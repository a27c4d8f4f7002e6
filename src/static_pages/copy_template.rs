//! A view's static copy that `public/prerender.js` shows before the app starts: the list's
//! first screen in `index.html`, a member's page in the host's overlay. Each copy is a
//! `<template>` followed by the script, and says what the script must check so that it shows
//! a copy only where the app will draw exactly that view: the address the copy is of, the
//! embedding it was made with, the parameters whose values change nothing in it.

use browse::FilterState;
use members_feed::Lang;

use super::document::escape;
use super::hreflang;
use crate::embed::{EmbedConfig, FRAME_ROOT_CLASS};

/// An embedding a copy is made for (none: the view on a page of its own).
pub(super) struct CopyEmbedding {
    /// The parameters the copy is made with (decoded), which the address must have, and
    /// which the copy's links carry; `prerender.js` gives those links the frame's own query.
    pub made_with: &'static [(&'static str, &'static str)],
    /// Other values of those parameters that the app reads as the same view.
    pub also_accepted: &'static [(&'static str, &'static str)],
    /// Parameters whose value changes nothing in the copy (the host's origin, its theme,
    /// which `prerender.js` applies as the app does). A parameter the app reads that is
    /// neither here nor in `made_with` means another view: no copy.
    pub free: &'static [&'static str],
    /// The copy's links to the app's own pages do nothing until the app starts: in the host's
    /// overlay the app answers them through the host (back to the list closes the overlay, a
    /// move to another member replaces the overlay's history entry), which a plain link
    /// cannot do. Elsewhere they carry the frame's own query and work.
    pub app_links_wait: bool,
}

/// A view on a page of its own, with nothing in its address but (perhaps) its language.
pub(super) const ON_ITS_OWN: CopyEmbedding = CopyEmbedding {
    made_with: &[],
    also_accepted: &[],
    free: &[],
    app_links_wait: false,
};

/// The list in `embed.js`'s frame as the README's component makes it.
pub(super) const LIST_IN_FRAME: CopyEmbedding = CopyEmbedding {
    made_with: &[("embed", "1")],
    also_accepted: &[],
    free: &["host", "theme"],
    app_links_wait: false,
};

/// A member's page in `embed.js`'s frame (members open in the frame: `details=inline`, or a
/// shared member link), with the same options as [`MEMBER_IN_OVERLAY`].
pub(super) const MEMBER_IN_FRAME: CopyEmbedding = CopyEmbedding {
    made_with: &[("embed", "1")],
    also_accepted: &[],
    free: &["host", "theme", "details", "facets", "search", "kinds"],
    app_links_wait: false,
};

/// A member's page in the host's overlay (`embed.js`'s `frameUrl`): whatever the list's
/// options, which a member's page does not show. The embedding's `kinds` changes its previous
/// and next members and its related ones: a copy that knows the member's kinds shows the rest
/// ([`KindsRule`]).
pub(super) const MEMBER_IN_OVERLAY: CopyEmbedding = CopyEmbedding {
    made_with: &[("embed", "1"), ("overlay", "/")],
    // Over a logo wall, and as an older embed.js said it: the same view.
    also_accepted: &[("overlay", "/logos"), ("overlay", "1")],
    free: &["host", "theme", "details", "facets", "search", "kinds"],
    app_links_wait: true,
};

impl CopyEmbedding {
    /// What the app makes of this embedding.
    pub fn config(&self) -> EmbedConfig {
        // No feed is chosen, so the page's origin is never asked.
        EmbedConfig::from_pairs(self.made_with.iter().copied(), "")
    }

    /// The list's state the app reads from such an address: these parameters, carried.
    pub fn state(&self) -> FilterState {
        carrying(self.made_with)
    }

    /// The query of such an address, as the app writes it.
    pub fn query(&self) -> String {
        self.state().to_query()
    }

    /// [`CopyEmbedding::also_accepted`] as a query.
    fn also_accepted_query(&self) -> String {
        carrying(self.also_accepted).to_query()
    }
}

/// The list's state that carries `pairs` (embedding parameters) and nothing else.
fn carrying(pairs: &[(&str, &str)]) -> FilterState {
    FilterState {
        preserved: pairs
            .iter()
            .map(|(key, value)| (key.to_string(), value.to_string()))
            .collect(),
        ..FilterState::default()
    }
}

/// How a copy made for every kind of member still shows when the embedding lists only some
/// (`kinds=adopter,vendor`): only when the member is one of them, and without the parts that
/// depend on which members are listed.
pub(super) struct KindsRule {
    /// The member's kinds, as the `kinds` parameter names them.
    pub member_kinds: Vec<&'static str>,
    /// The parts to leave out (a CSS selector).
    pub varies: &'static str,
}

/// One copy and what `prerender.js` checks before it shows it.
pub(super) struct CopyTemplate<'a> {
    /// With its embedding, what the script looks for (`data-copy`): `en`, `zh` on a page of
    /// its own, `embed-en`, `embed-zh` embedded; among those, the first that fits the address.
    pub lang: Lang,
    pub embedding: &'a CopyEmbedding,
    /// The document's title while the copy is shown.
    pub title: &'a str,
    /// The address the copy is of (the list's: its tree's base).
    pub path: &'a str,
    pub kinds: Option<KindsRule>,
}

impl CopyTemplate<'_> {
    /// `html` (the rendered view) in its template, followed by `script` (`prerender.js`).
    pub fn write(&self, html: &str, script: &str) -> String {
        // What the app makes of the embedding, read once for the three attributes it decides.
        let config = self.embedding.config();
        let framed = config.is_embedded();
        let mut attributes = format!(
            " data-copy=\"{}{}\" data-lang=\"{}\" data-title=\"{}\" data-root-class=\"{}\" data-path=\"{}\" data-query=\"{}\" data-accepts=\"{}\" data-free=\"{}\"",
            if framed { "embed-" } else { "" },
            self.lang.code(),
            hreflang(self.lang),
            escape(self.title),
            if config.sized_by_host() {
                FRAME_ROOT_CLASS
            } else {
                ""
            },
            escape(self.path),
            escape(&self.embedding.query()),
            escape(&self.embedding.also_accepted_query()),
            self.embedding.free.join(" "),
        );
        if self.embedding.app_links_wait {
            attributes.push_str(" data-app-links=\"wait\"");
        }
        if config.in_overlay {
            // Focus in this frame keeps Escape from the host's dialog: the copy relays it, as
            // the app will (app.rs).
            attributes.push_str(" data-escape=\"close\"");
        }
        if let Some(kinds) = &self.kinds {
            attributes.push_str(&format!(
                " data-kinds=\"{}\" data-kinds-vary=\"{}\"",
                kinds.member_kinds.join(" "),
                escape(kinds.varies)
            ));
        }
        format!("<template{attributes}>{html}</template>\n{script}")
    }
}

/// The script that shows the copies, from the bundle's folder `assets`.
pub(super) fn show_copy_script(assets: &str) -> String {
    format!("<script src=\"{}prerender.js\"></script>", escape(assets))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the app reads from a copy's address is the embedding the copy was made with.
    #[test]
    fn an_embeddings_address_is_read_back_as_made() {
        for embedding in [
            &ON_ITS_OWN,
            &LIST_IN_FRAME,
            &MEMBER_IN_FRAME,
            &MEMBER_IN_OVERLAY,
        ] {
            let query = embedding.query();
            assert_eq!(
                FilterState::from_query(&query),
                embedding.state(),
                "{query}"
            );
            let pairs: Vec<(String, String)> = query
                .split('&')
                .filter(|pair| !pair.is_empty())
                .map(|pair| {
                    let (key, value) = pair.split_once('=').unwrap();
                    (key.to_string(), browse::query::decode(value))
                })
                .collect();
            let config =
                EmbedConfig::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), "");
            assert_eq!(config, embedding.config(), "{query}");
        }
        assert!(MEMBER_IN_OVERLAY.config().in_overlay);
        assert!(!LIST_IN_FRAME.config().in_overlay);
        assert!(!ON_ITS_OWN.config().is_embedded() && LIST_IN_FRAME.config().is_embedded());
    }

    /// `prerender.js` reads every attribute a copy's template says, under the name it has.
    #[test]
    fn the_script_reads_what_the_templates_say() {
        let template = CopyTemplate {
            lang: Lang::En,
            embedding: &MEMBER_IN_OVERLAY,
            title: "t",
            path: "/adopters/members/x/",
            kinds: Some(KindsRule {
                member_kinds: vec!["adopter"],
                varies: "nav",
            }),
        }
        .write("<p>x</p>", &show_copy_script("/adopters/"));
        let script = include_str!("../../public/prerender.js");
        let head = template.split_once('>').unwrap().0;
        let names: Vec<&str> = head
            .split(" data-")
            .skip(1)
            .map(|attribute| attribute.split('=').next().unwrap())
            .collect();
        assert!(names.len() >= 10, "{names:?}");
        for name in names {
            // `data-kinds-vary` is `dataset.kindsVary`.
            let mut parts = name.split('-');
            let mut property = parts.next().unwrap().to_string();
            for part in parts {
                property.push_str(&part[..1].to_uppercase());
                property.push_str(&part[1..]);
            }
            assert!(
                script.contains(&format!("dataset.{property}"))
                    || script.contains(&format!("template[data-{name}=")),
                "prerender.js does not read data-{name}"
            );
        }
        assert!(template.ends_with("<script src=\"/adopters/prerender.js\"></script>"));
    }

    /// A free parameter is one the app reads, never one the copy is made with (whose value
    /// the script compares); a value also accepted is read by the app as the one the copy is
    /// made with.
    #[test]
    fn free_parameters_are_the_apps() {
        for embedding in [&LIST_IN_FRAME, &MEMBER_IN_FRAME, &MEMBER_IN_OVERLAY] {
            for free in embedding.free {
                assert!(
                    crate::embed::config::PARAMETERS.contains(free),
                    "{free} is not an embedding parameter"
                );
                assert!(
                    !embedding.made_with.iter().any(|(key, _)| key == free),
                    "{free}"
                );
            }
            for (key, value) in embedding.also_accepted {
                let pairs = embedding.made_with.iter().map(|(made, made_value)| {
                    (*made, if made == key { *value } else { *made_value })
                });
                // The overlay over a logo wall answers links otherwise, which the copy leaves
                // to the app.
                let config = EmbedConfig {
                    overlay_over_logos: false,
                    ..EmbedConfig::from_pairs(pairs, "")
                };
                assert_eq!(config, embedding.config(), "{key}={value}");
            }
        }
        // Values the app reads otherwise are not accepted.
        for value in ["0", "", "/members"] {
            let config = EmbedConfig::from_pairs([("embed", "1"), ("overlay", value)], "");
            assert!(!config.in_overlay, "{value}");
            assert!(!MEMBER_IN_OVERLAY
                .also_accepted
                .contains(&("overlay", value)));
        }
        // The list's options (`kinds`, `cards`, `bg`, `details`) change the list's copy.
        for key in [
            "kinds", "cards", "bg", "details", "feed", "facets", "search",
        ] {
            assert!(!LIST_IN_FRAME.free.contains(&key), "{key}");
        }
        // A transparent background, another card size or another feed change a member's page,
        // and so does the overlay (its spacing, and how it answers links).
        for key in ["cards", "bg", "feed", "overlay"] {
            assert!(!MEMBER_IN_FRAME.free.contains(&key), "{key}");
        }
        for key in ["cards", "bg", "feed"] {
            assert!(!MEMBER_IN_OVERLAY.free.contains(&key), "{key}");
        }
        // The two member copies are told apart by `overlay`, the one's made-with and never the
        // other's free parameter.
        assert_eq!(MEMBER_IN_FRAME.free, MEMBER_IN_OVERLAY.free);
        assert_eq!(
            MEMBER_IN_OVERLAY.made_with,
            [MEMBER_IN_FRAME.made_with, &[("overlay", "/")]].concat()
        );
    }
}
