//! How the showcase is embedded, read from the URL (iframe mode) or from the host's
//! configuration (in-page mode). Pure: no DOM here, so it is tested natively.

use std::collections::BTreeSet;

use browse::route::Route;
use members_feed::Kind;

/// Where the app runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// A page of its own, with its header.
    #[default]
    Page,
    /// Inside an `<iframe>` made by `embed.js`: no page chrome, sizes itself through the host.
    Frame,
    /// Mounted straight into an element of the host page (in a shadow root).
    Inline,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow the system (`prefers-color-scheme`) until the host says otherwise.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn parse(value: &str) -> Option<Theme> {
        match value {
            "auto" => Some(Theme::Auto),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    /// The `data-theme` value, `None` for automatic.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CardSize {
    Small,
    #[default]
    Medium,
    Large,
}

impl CardSize {
    pub fn class(self) -> &'static str {
        match self {
            CardSize::Small => "cards-small",
            CardSize::Medium => "cards-medium",
            CardSize::Large => "cards-large",
        }
    }
}

/// Where a member's details open when the showcase is in a frame.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Details {
    /// Navigate inside the frame.
    #[default]
    Inline,
    /// Ask the host to show the details in an overlay above its page.
    Overlay,
}

/// Which filter groups are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Facets {
    pub kind: bool,
    pub industry: bool,
    pub country: bool,
    pub more: bool,
}

impl Default for Facets {
    fn default() -> Self {
        Facets {
            kind: true,
            industry: true,
            country: true,
            more: true,
        }
    }
}

impl Facets {
    pub fn none() -> Facets {
        Facets {
            kind: false,
            industry: false,
            country: false,
            more: false,
        }
    }

    pub fn any(self) -> bool {
        self.kind || self.industry || self.country || self.more
    }
}

/// Everything the host can choose.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedConfig {
    pub mode: Mode,
    pub theme: Theme,
    pub transparent: bool,
    /// Only members of these kinds are listed (empty: all). Unlike the kind filter, the visitor
    /// cannot widen it.
    pub kinds: BTreeSet<Kind>,
    pub facets: Facets,
    pub search: bool,
    pub card_size: CardSize,
    pub details: Details,
    /// The host page's origin: the only one whose messages are read, and the only one that is
    /// sent any.
    pub host_origin: Option<String>,
    /// The feed to load, already checked (see [`accept_feed_url`]).
    pub feed_url: Option<String>,
    /// In-page mode: the host page's path, the router's base, so that it never handles links
    /// outside it.
    pub base: Option<String>,
    /// This frame is the host's overlay showing one member: "back" closes the overlay.
    pub in_overlay: bool,
    /// The overlay stands over a logo wall (`overlay=/logos`), not over a list.
    pub overlay_over_logos: bool,
    /// In-page mode: the bundle's folder, where the pages the in-page app does not draw (the
    /// join form, the statistics, the logo wall) are.
    pub bundle: Option<String>,
}

/// The query parameters this module reads; everything else is the browse state's business.
pub const PARAMETERS: [&str; 11] = [
    "embed", "theme", "bg", "kinds", "facets", "search", "cards", "details", "host", "feed",
    "overlay",
];

impl EmbedConfig {
    /// Reads the configuration from query pairs (already percent-decoded). `page_origin` is the
    /// origin the app is served from (`https://karmada.io`). Unknown values keep the default.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        page_origin: &str,
    ) -> EmbedConfig {
        let mut config = EmbedConfig {
            search: true,
            ..EmbedConfig::default()
        };
        for (key, value) in pairs {
            let value = value.trim();
            match key {
                "embed" if matches!(value, "1" | "true" | "frame") => config.mode = Mode::Frame,
                "theme" => config.theme = Theme::parse(value).unwrap_or(config.theme),
                "bg" => config.transparent = value == "transparent",
                "kinds" => {
                    config.kinds = value
                        .split(',')
                        .filter_map(|kind| Kind::parse(kind.trim()))
                        .collect()
                }
                "facets" => config.facets = parse_facets(value),
                "search" => config.search = !matches!(value, "0" | "false" | "off"),
                "cards" => {
                    config.card_size = match value {
                        "small" => CardSize::Small,
                        "large" => CardSize::Large,
                        _ => CardSize::Medium,
                    }
                }
                "details" => {
                    config.details = if value == "overlay" {
                        Details::Overlay
                    } else {
                        Details::Inline
                    }
                }
                "host" => config.host_origin = origin_of(value),
                "feed" => config.feed_url = accept_feed_url(value, page_origin),
                // What the overlay stands over, as embed.js names the frame's page (`/`, the
                // list; `/logos`); `1` from an embed.js before it said.
                "overlay" => {
                    let logos = Route::Logos.path();
                    config.in_overlay = value == "1" || value == "/" || value == logos;
                    config.overlay_over_logos = value == logos;
                }
                _ => {}
            }
        }
        config
    }

    /// Frame or inline: no page header, the host page has its own.
    pub fn is_embedded(&self) -> bool {
        self.mode != Mode::Page
    }

    /// A frame the host sizes to its content (embed.js's frame for the list): it never scrolls
    /// itself. The host's overlay has a size of its own, and its member scrolls inside it.
    pub fn sized_by_host(&self) -> bool {
        self.mode == Mode::Frame && !self.in_overlay
    }

    /// The classes of the app's outermost element (`.showcase`) under this embedding: the
    /// running app and every static copy of one of its views draw the same.
    pub fn showcase_classes(&self) -> String {
        format!(
            "showcase {}{}{}",
            self.card_size.class(),
            if self.is_embedded() { " embedded" } else { "" },
            if self.in_overlay { " in-overlay" } else { "" }
        )
    }
}

fn parse_facets(value: &str) -> Facets {
    if value == "none" || value.is_empty() {
        return Facets::none();
    }
    let mut facets = Facets::none();
    for name in value.split(',') {
        match name.trim() {
            "kind" => facets.kind = true,
            "industry" => facets.industry = true,
            "country" => facets.country = true,
            "more" => facets.more = true,
            "all" => facets = Facets::default(),
            _ => {}
        }
    }
    facets
}

/// What a font's name may hold besides letters and digits (`char::is_alphanumeric`): so a
/// followed stack is font names and commas, nothing that can end the value, call a function
/// (`;`, `(`, `\\`) or name a CSS-wide keyword. `public/prerender.js` holds a copy of the whole
/// rule (drift-tested).
pub const FONT_NAME_PUNCTUATION: &str = " ._-";
/// Values that are not font names where a name may stand.
pub const CSS_WIDE_KEYWORDS: [&str; 6] = [
    "inherit",
    "initial",
    "unset",
    "revert",
    "revert-layer",
    "default",
];
/// The longest host font stack followed (Docusaurus' default is 181 characters).
pub const FONT_STACK_MAX_CHARS: usize = 400;

/// The host's font stack (the computed `font-family` where the frame or the in-page element
/// stands) when the app may follow it, for its `--font`: families separated by commas, each a
/// name in quotes or a bare name that is not a CSS-wide keyword.
pub fn host_font_stack(value: &str) -> Option<&str> {
    let value = value.trim_matches(is_css_space);
    let name = |name: &str| {
        !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || FONT_NAME_PUNCTUATION.contains(c))
    };
    let family = |family: &str| {
        let family = family.trim_matches(is_css_space);
        match family.chars().next() {
            Some(quote @ ('"' | '\'')) => {
                family.len() > 2 && family.ends_with(quote) && name(&family[1..family.len() - 1])
            }
            _ => name(family) && !CSS_WIDE_KEYWORDS.contains(&family.to_ascii_lowercase().as_str()),
        }
    };
    (!value.is_empty()
        && value.chars().count() <= FONT_STACK_MAX_CHARS
        && value.split(',').all(family))
    .then_some(value)
}

/// CSS's white space (not Unicode's: a trimmed U+0085 or U+FEFF would be a name's character).
fn is_css_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}')
}

/// `scheme://host[:port]` of an absolute `http(s)` URL, lower-cased, or `None`.
pub fn origin_of(url: &str) -> Option<String> {
    let url = members_feed::check_absolute_http_url(url).ok()?;
    let (scheme, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    // user:pass@host would let `https://karmada.io@evil.example` pass as karmada.io.
    if authority.is_empty() || authority.contains('@') {
        return None;
    }
    Some(format!(
        "{}://{}",
        scheme.to_ascii_lowercase(),
        authority.to_ascii_lowercase()
    ))
}

/// A feed URL from the visitor's address bar is used only when it is on the app's own origin,
/// so that nobody can craft a karmada.io link showing a forged list. Site-relative paths are
/// resolved by the browser against the app and so are same-origin by construction.
pub fn accept_feed_url(candidate: &str, page_origin: &str) -> Option<String> {
    let url = members_feed::check_url(candidate).ok()?;
    if url.starts_with('/') {
        return Some(url);
    }
    if url.contains("://") {
        return (origin_of(&url)? == origin_of(page_origin)?).then_some(url);
    }
    // A bare relative path (`feeds/x.json`) stays on this origin too.
    (!url.contains(':')).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORIGIN: &str = "https://karmada.io";

    /// `public/prerender.js` follows the host's font for the static first screen by the same
    /// rule: its name characters (letters and digits as `char::is_alphanumeric` has them,
    /// Unicode's Alphabetic and Number), keywords, length and white space.
    #[test]
    fn the_first_screen_script_copies_the_font_rule() {
        let script = include_str!("../../public/prerender.js");
        assert!(script.contains(&format!(
            "const FONT_NAME = /^[\\p{{Alphabetic}}\\p{{N}}{FONT_NAME_PUNCTUATION}]+$/u;"
        )));
        let keywords: Vec<String> = CSS_WIDE_KEYWORDS.iter().map(|k| format!("'{k}'")).collect();
        assert!(script.contains(&format!(
            "const CSS_WIDE_KEYWORDS = [{}];",
            keywords.join(", ")
        )));
        assert!(script.contains(&format!(
            "const FONT_STACK_MAX_CHARS = {FONT_STACK_MAX_CHARS};"
        )));
        assert!(script.contains("const CSS_SPACE = /^[ \\t\\n\\r\\f]+|[ \\t\\n\\r\\f]+$/g;"));
    }

    /// A host's font stack is followed when it only names fonts.
    #[test]
    fn a_host_font_stack_only_names_fonts() {
        let docusaurus = "system-ui, -apple-system, \"Segoe UI\", Roboto, Ubuntu, Cantarell, \"Noto Sans\", sans-serif, BlinkMacSystemFont, \"Segoe UI\", Helvetica, Arial, sans-serif, \"Apple Color Emoji\", \"Segoe UI Emoji\", \"Segoe UI Symbol\"";
        assert_eq!(host_font_stack(docusaurus), Some(docusaurus));
        assert_eq!(
            host_font_stack(" 'Noto Sans SC', 微软雅黑, serif "),
            Some("'Noto Sans SC', 微软雅黑, serif")
        );
        for hostile in [
            "",
            "   ",
            "Arial; color: red",
            "Arial, var(--x)",
            "url(https://evil.example/x)",
            "Arial\\, serif",
            "\"Segoe UI, serif",
            "'Segoe UI, serif",
            "Arial}body{display:none",
            "Arial</style>",
            "inherit",
            "Arial, INITIAL",
            "unset, serif",
            "\"\"",
            "Arial,,serif",
            "Arial,",
            "\"a'b\" 'c",
            "'Arial\"",
            "\u{85}Arial",
            "Arial\u{feff}",
            "\"M+ 1p\", serif",
        ] {
            assert_eq!(host_font_stack(hostile), None, "{hostile}");
        }
        let at_limit = format!("{}a", "a, ".repeat((FONT_STACK_MAX_CHARS - 1) / 3));
        assert_eq!(at_limit.chars().count(), FONT_STACK_MAX_CHARS);
        assert!(host_font_stack(&at_limit).is_some());
        assert_eq!(host_font_stack(&format!("a, {at_limit}")), None);
    }

    fn config(query: &[(&str, &str)]) -> EmbedConfig {
        EmbedConfig::from_pairs(query.iter().copied(), ORIGIN)
    }

    #[test]
    fn defaults_are_a_full_page() {
        let plain = config(&[]);
        assert_eq!(plain.mode, Mode::Page);
        assert!(plain.search);
        assert_eq!(plain.facets, Facets::default());
        assert!(plain.kinds.is_empty());
    }

    #[test]
    fn frame_options() {
        let frame = config(&[
            ("embed", "1"),
            ("theme", "dark"),
            ("bg", "transparent"),
            ("kinds", "adopter, vendor,bogus"),
            ("facets", "industry,country"),
            ("search", "0"),
            ("cards", "small"),
            ("details", "overlay"),
            ("host", "https://Karmada.io/adopters/"),
            ("overlay", "1"),
        ]);
        assert!(frame.in_overlay);
        assert!(!frame.overlay_over_logos);
        assert_eq!(frame.mode, Mode::Frame);
        // embed.js names what the overlay stands over: the list, or a logo wall.
        let over = |value: &str| {
            let config = config(&[("embed", "1"), ("overlay", value)]);
            (config.in_overlay, config.overlay_over_logos)
        };
        assert_eq!(over("/"), (true, false));
        assert_eq!(over("/logos"), (true, true));
        assert_eq!(over("0"), (false, false));
        assert_eq!(over("/members/x"), (false, false));
        assert_eq!(frame.theme, Theme::Dark);
        assert!(frame.transparent);
        assert_eq!(
            frame.kinds.iter().copied().collect::<Vec<_>>(),
            [Kind::Adopter, Kind::Vendor]
        );
        assert_eq!(
            frame.facets,
            Facets {
                kind: false,
                industry: true,
                country: true,
                more: false
            }
        );
        assert!(!frame.search);
        assert_eq!(frame.card_size, CardSize::Small);
        assert_eq!(frame.details, Details::Overlay);
        assert_eq!(frame.host_origin.as_deref(), Some("https://karmada.io"));
    }

    #[test]
    fn malformed_values_keep_defaults() {
        let odd = config(&[
            ("embed", "maybe"),
            ("theme", "purple"),
            ("cards", "huge"),
            ("host", "javascript:alert(1)"),
        ]);
        assert_eq!(odd.mode, Mode::Page);
        assert_eq!(odd.theme, Theme::Auto);
        assert_eq!(odd.card_size, CardSize::Medium);
        assert_eq!(odd.host_origin, None);
    }

    #[test]
    fn feed_urls_from_the_address_bar_must_be_same_origin() {
        assert_eq!(
            accept_feed_url("/adopters/members.json", ORIGIN).as_deref(),
            Some("/adopters/members.json")
        );
        assert_eq!(
            accept_feed_url("feeds/test.json", ORIGIN).as_deref(),
            Some("feeds/test.json")
        );
        assert_eq!(
            accept_feed_url("https://karmada.io/x.json", ORIGIN).as_deref(),
            Some("https://karmada.io/x.json")
        );
        assert_eq!(
            accept_feed_url("https://KARMADA.IO/x.json", ORIGIN).as_deref(),
            Some("https://KARMADA.IO/x.json")
        );
        for forged in [
            "https://evil.example/members.json",
            "https://karmada.io.evil.example/x.json",
            "https://karmada.io@evil.example/x.json",
            "http://karmada.io/x.json",
            "https://karmada.io:8443/x.json",
            "//evil.example/x.json",
            "javascript:alert(1)",
            "data:application/json,{}",
        ] {
            assert_eq!(accept_feed_url(forged, ORIGIN), None, "{forged}");
        }
    }

    #[test]
    fn origins() {
        assert_eq!(
            origin_of("https://karmada.io/adopters").as_deref(),
            Some("https://karmada.io")
        );
        assert_eq!(
            origin_of("http://127.0.0.1:4174/").as_deref(),
            Some("http://127.0.0.1:4174")
        );
        assert_eq!(origin_of("/relative"), None);
        assert_eq!(origin_of("https://a@b.example/"), None);
    }

    /// The copies that must live in JavaScript (`public/embed.js`, the README's Docusaurus
    /// component) say what the Rust originals say.
    #[test]
    fn embed_js_and_the_readme_component_agree_with_the_app() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let embed_js = std::fs::read_to_string(root.join("public/embed.js")).unwrap();
        let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
        let between = |text: &str, start: &str, end: &str| -> String {
            let from = text.find(start).unwrap_or_else(|| panic!("no `{start}`")) + start.len();
            let len = text[from..]
                .find(end)
                .unwrap_or_else(|| panic!("no `{end}` after `{start}`"));
            text[from..from + len].to_string()
        };
        let names = |list: String| -> Vec<String> {
            list.split(|c: char| c == ',' || c.is_whitespace())
                .map(|name| name.trim_matches(|c| c == '"' || c == '\''))
                .filter(|name| !name.is_empty())
                .map(str::to_string)
                .collect()
        };
        let options = names(between(&embed_js, "var OPTIONS = [", "]"));
        assert_eq!(
            options,
            names(between(&readme, "const OPTIONS = [", "]")),
            "README's component"
        );
        // Every option is an embedding parameter of the app, but `lang`, a view's own choice.
        for option in options.iter().filter(|o| *o != "lang") {
            assert!(PARAMETERS.contains(&option.as_str()), "{option}");
        }
        // What embed.js strips from a shared view is exactly the app's embedding parameters.
        let mut stripped = names(between(&embed_js, "\"embed ", "\".split"));
        stripped.push("embed".into());
        stripped.sort();
        let mut parameters: Vec<String> = PARAMETERS.iter().map(|p| p.to_string()).collect();
        parameters.sort();
        assert_eq!(stripped, parameters);
        let prerender_js = include_str!("../../public/prerender.js");
        let mut stripped = names(between(prerender_js, "'embed ", "'.split"));
        stripped.push("embed".into());
        stripped.sort();
        assert_eq!(stripped, parameters, "prerender.js's EMBEDDING");
        assert_eq!(browse::query::PRESERVED_PARAMS, PARAMETERS);
        assert!(embed_js.contains(&format!(
            "var PREFIX = \"{}\";",
            super::super::MESSAGE_PREFIX
        )));
        assert!(embed_js.contains(&format!("var VERSION = {};", super::super::MESSAGE_VERSION)));
        // The overlay's static copy relays Escape before the app does.
        assert!(prerender_js.contains(&format!(
            "const PREFIX = '{}';",
            super::super::MESSAGE_PREFIX
        )));
        assert!(prerender_js.contains(&format!(
            "const VERSION = {};",
            super::super::MESSAGE_VERSION
        )));
        // The host's copy of the first screen: the component renders its element, embed.js
        // drops it.
        let copy = super::super::HOST_COPY_ATTRIBUTE;
        assert!(embed_js.contains(&format!("box.querySelector(\"[{copy}]\")")));
        assert!(readme.contains(&format!("<div {copy}={{app}}")));
        assert!(prerender_js.contains(&format!("querySelector('[{copy}]')")));
        // Where prerender.js has moved the frame, as embed.js reads it.
        let at = super::super::FRAME_AT_ATTRIBUTE;
        assert!(prerender_js.contains(&format!("framed.frame.setAttribute('{at}', to.href);")));
        assert!(embed_js.contains(&format!("frame.getAttribute(\"{at}\") || frame.src")));
        // `data-view="logos"` opens the logo wall's route, in both.
        let logos = browse::route::Route::Logos.path();
        let name = logos.trim_start_matches('/');
        assert!(embed_js.contains(&format!(
            "box.getAttribute(\"data-view\") === \"{name}\" ? \"{logos}\" : \"/\""
        )));
        assert!(readme.contains(&format!("data['data-view'] === '{name}' ? '{name}' : ''")));
        // The frame in the host's HTML goes to a shared view before embed.js runs, found as
        // embed.js finds it: its parameter and the views it accepts are embed.js's functions.
        assert!(prerender_js.contains(&format!(
            "box.getAttribute('data-view') === '{name}' ? '{logos}' : '/'"
        )));
        // A function's lines, trimmed, up to the brace that closes it at its own indentation.
        let function = |script: &str, name: &str| -> Vec<String> {
            let mut lines = script.lines();
            let head = lines
                .find(|line| line.trim_start().starts_with(&format!("function {name}(")))
                .unwrap_or_else(|| panic!("no function {name}"));
            let end = format!("{}}}", &head[..head.len() - head.trim_start().len()]);
            std::iter::once(head)
                .chain(lines.take_while(|line| *line != end))
                .map(|line| line.trim().to_string())
                .collect()
        };
        // So is the script in the host's copy that hides it on a shared link to another view.
        let host_copy_js = include_str!("../../public/host-copy.js");
        assert!(host_copy_js.contains(&format!("document.querySelectorAll(\"[{copy}]\")")));
        // It marks where focus was in the copy as the frame's app reads it.
        assert!(host_copy_js.contains(&format!(
            "var FOCUSABLE = \"{}\";",
            crate::takeover_focus::FOCUSABLE
        )));
        assert!(host_copy_js.contains(&format!(
            "copy.setAttribute(\"{}\", [].indexOf.call(root.querySelectorAll(FOCUSABLE), event.target));",
            super::super::HOST_COPY_FOCUS_ATTRIBUTE
        )));
        for name in ["linkParam", "checkedView"] {
            let theirs = function(&embed_js, name);
            assert!(theirs.len() > 1, "{name}");
            assert_eq!(
                function(prerender_js, name),
                theirs,
                "prerender.js's {name}"
            );
            assert_eq!(
                function(host_copy_js, name),
                theirs,
                "host-copy.js's {name}"
            );
        }
    }
}
