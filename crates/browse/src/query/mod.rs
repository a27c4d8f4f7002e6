//! The list's state as it lives in the URL query, so that every view is a link:
//! `?q=gpu&kind=adopter&kind=vendor&industry=finance&country=CN&case=1&ann=1&sort=newest&lang=zh`.
//!
//! Parsing never fails: unknown parameters and malformed values are ignored. Writing is
//! canonical (fixed parameter order, sorted values, defaults left out), so equal states give
//! equal URLs and back/forward history has no duplicates that differ only in order.

mod filters;
mod order;
mod query_string;

use std::collections::BTreeSet;

use members_feed::{Kind, Lang};

pub use filters::{ActiveFilter, FacetVocabulary};
pub use order::{Layout, Sort};
use query_string::raw_pairs;
pub use query_string::{
    decode, encode, first_value, shareable_view, with_host_params, with_value, without_key,
};

/// Parameters that belong to the embedding configuration, not to the list; they are carried
/// through unchanged so that navigating inside an embedded frame keeps its options.
pub const PRESERVED_PARAMS: [&str; 11] = [
    "embed", "theme", "bg", "kinds", "facets", "search", "cards", "details", "host", "feed",
    "overlay",
];

/// The parameters of the list's state ([`FilterState::from_query`] reads them, and
/// [`FilterState::to_query`] writes no others but [`PRESERVED_PARAMS`]). Anything else in an
/// address (`utm_source`, …) changes nothing in the app's view; the scripts that show a static
/// copy until the app starts (`public/prerender.js`, `public/static-page.js`) hold a copy of
/// the two lists, checked by a drift test.
pub const STATE_PARAMS: [&str; 11] = [
    "q", "kind", "industry", "country", "case", "ann", "sort", "view", "lang", "member", "debug",
];

/// Everything that decides what the list shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FilterState {
    /// Members of any of these kinds; empty: every kind.
    pub kinds: BTreeSet<Kind>,
    /// Members in any of these industry slugs (`industry=`); empty: any industry.
    pub industries: BTreeSet<String>,
    /// Members in any of these ISO country codes (`country=`); empty: any country.
    pub countries: BTreeSet<String>,
    /// Only members with at least one case study (`case=1`).
    pub has_case_study: bool,
    /// Only members with an announcement post (`ann=1`).
    pub has_announcement: bool,
    /// The search text as typed (`q=`); whitespace-separated terms must all match.
    pub query: String,
    /// The order of the list (`sort=`; default [`Sort::Name`], left out of the URL).
    pub sort: Sort,
    /// Cards or a table (`view=`; default [`Layout::Cards`], left out of the URL).
    pub layout: Layout,
    /// The language chosen in the URL (`None`: the browser's).
    pub lang: Option<Lang>,
    /// In-page mode opens a member in the list's own URL (`?member=id`).
    pub member: Option<String>,
    /// `?debug=feed` shows the feed diagnostics.
    pub debug: Option<String>,
    /// Embedding parameters carried through, in their order of appearance.
    pub preserved: Vec<(String, String)>,
}

/// The longest search text kept from a URL, in characters; longer `q` values are cut.
pub const MAX_QUERY_CHARS: usize = 200;

/// The most values one facet of the address keeps (`industry=a&industry=b…`). More than there
/// are countries (249 ISO codes), and few enough that a crafted link cannot freeze the page
/// with thousands of filter chips: the values past it are ignored.
pub const MAX_FACET_VALUES: usize = 300;

/// Adds `values` to `set` until it holds [`MAX_FACET_VALUES`].
fn extend_bounded(set: &mut BTreeSet<String>, values: impl Iterator<Item = String>) {
    for value in values {
        if set.len() >= MAX_FACET_VALUES {
            return;
        }
        set.insert(value);
    }
}

fn is_flag_on(value: &str) -> bool {
    matches!(
        value.trim().to_ascii_lowercase().as_str(),
        "1" | "true" | "yes" | "on"
    )
}

fn parse_kind(value: &str) -> Option<Kind> {
    Kind::parse(&value.trim().to_ascii_lowercase())
}

impl FilterState {
    /// Reads a query string (with or without the leading `?`). Never fails: unknown
    /// parameters, unknown kinds and malformed values are ignored; an unknown `sort` is the
    /// default. Repeated parameters and comma lists (`kind=adopter,vendor`) both work for
    /// `kind`, `industry` and `country`; for single-valued parameters the last one wins.
    /// `+` reads as a space and `%XX` escapes are decoded as UTF-8. A list is split at its
    /// literal commas before decoding, so an encoded one (`%2C`, as [`FilterState::to_query`]
    /// writes it) stays inside its value: a feed's industry may hold a comma.
    pub fn from_query(query: &str) -> FilterState {
        let mut state = FilterState::default();
        for (key, raw) in raw_pairs(query) {
            let key = decode(key);
            let value = decode(raw);
            let values = || {
                raw.split(',')
                    .map(|piece| decode(piece).trim().to_string())
                    .filter(|v| !v.is_empty())
            };
            match key.as_str() {
                "q" => {
                    let query: String = value.chars().take(MAX_QUERY_CHARS).collect();
                    // A blank search (also one that is blank once cut) is no search: `to_query`
                    // leaves it out, so reading it as one would not round-trip (found by the
                    // `query` fuzz target).
                    state.query = if query.trim().is_empty() {
                        String::new()
                    } else {
                        query
                    };
                }
                "kind" => state.kinds.extend(values().filter_map(|v| parse_kind(&v))),
                "industry" => {
                    extend_bounded(&mut state.industries, values().filter(|v| is_token(v)))
                }
                "country" => extend_bounded(&mut state.countries, values().filter(|v| is_token(v))),
                "case" => state.has_case_study = is_flag_on(&value),
                "ann" => state.has_announcement = is_flag_on(&value),
                "sort" => state.sort = Sort::parse(&value).unwrap_or_default(),
                "view" => state.layout = Layout::parse(&value).unwrap_or_default(),
                LANG_PARAM => state.lang = Lang::from_tag(&value),
                "member" if is_token(&value) => state.member = Some(value),
                "debug" if is_token(&value) => state.debug = Some(value),
                _ if PRESERVED_PARAMS.contains(&key.as_str())
                    && !state.preserved.iter().any(|(k, _)| *k == key) =>
                {
                    state.preserved.push((key, value));
                }
                _ => {}
            }
        }
        state
    }

    /// The canonical query string, without the leading `?` (empty for the default state):
    /// parameters in a fixed order (`q`, `kind`, `industry`, `country`, `case`, `ann`, `sort`,
    /// `view`, `lang`, `member`, `debug`, then embedding parameters), multi-valued ones repeated and
    /// sorted, defaults left out, values percent-encoded. Equal states give equal strings, and
    /// `FilterState::from_query(&s.to_query()) == s` for every state whose values could have
    /// come from a URL (see the crate's round-trip property test).
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.query.trim().is_empty() {
            pairs.push(("q", self.query.clone()));
        }
        pairs.extend(
            self.kinds
                .iter()
                .map(|kind| ("kind", kind.as_str().to_string())),
        );
        pairs.extend(self.industries.iter().map(|v| ("industry", v.clone())));
        pairs.extend(self.countries.iter().map(|v| ("country", v.clone())));
        if self.has_case_study {
            pairs.push(("case", "1".into()));
        }
        if self.has_announcement {
            pairs.push(("ann", "1".into()));
        }
        if self.sort != Sort::Name {
            pairs.push(("sort", self.sort.as_str().into()));
        }
        if self.layout != Layout::Cards {
            pairs.push(("view", self.layout.as_str().into()));
        }
        if let Some(lang) = self.lang {
            pairs.push((LANG_PARAM, lang.code().into()));
        }
        if let Some(member) = &self.member {
            pairs.push(("member", member.clone()));
        }
        if let Some(debug) = &self.debug {
            pairs.push(("debug", debug.clone()));
        }
        pairs.extend(self.preserved.iter().map(|(k, v)| (k.as_str(), v.clone())));
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// The part of the state that decides which members are listed, ignoring how the page is
    /// shown (language, diagnostics, the open member, embedding).
    pub fn without_display(&self) -> FilterState {
        FilterState {
            layout: Layout::Cards,
            lang: None,
            debug: None,
            member: None,
            preserved: Vec::new(),
            ..self.clone()
        }
    }
}

/// Industry slugs, country codes, ids: short, no control characters. The feed's reader drops
/// an industry that is not one, so every facet option it shows can be a filter.
fn is_token(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= members_feed::MAX_INDUSTRY_BYTES
        && !value.chars().any(char::is_control)
}

/// The parameter that names the view's language (`en`, `zh`), on every route.
pub const LANG_PARAM: &str = "lang";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_full_query() {
        let state = FilterState::from_query("?kind=adopter&kind=vendor&industry=finance,cloud&country=CN&case=1&ann=true&q=gpu+training&sort=newest&lang=zh-CN&debug=feed");
        assert_eq!(
            state.kinds.iter().copied().collect::<Vec<_>>(),
            [Kind::Adopter, Kind::Vendor]
        );
        assert_eq!(
            state.industries.iter().cloned().collect::<Vec<_>>(),
            ["cloud", "finance"]
        );
        assert!(state.has_case_study && state.has_announcement);
        assert_eq!(state.query, "gpu training");
        assert_eq!(state.sort, Sort::Newest);
        assert_eq!(state.lang, Some(Lang::Zh));
        assert_eq!(state.debug.as_deref(), Some("feed"));
    }

    #[test]
    fn ignores_what_it_does_not_know() {
        let state = FilterState::from_query(
            "kind=astronaut&sort=random&lang=fr&utm_source=x&%ZZ=1&case=maybe&=&&",
        );
        assert_eq!(state, FilterState::default());
    }

    #[test]
    fn writes_canonically() {
        let a = FilterState::from_query("sort=featured&kind=vendor&kind=adopter&q=a%26b");
        let b = FilterState::from_query("kind=adopter,vendor&q=a%26b&sort=featured");
        assert_eq!(a.to_query(), b.to_query());
        assert_eq!(
            a.to_query(),
            "q=a%26b&kind=adopter&kind=vendor&sort=featured"
        );
        assert_eq!(FilterState::default().to_query(), "");
    }

    #[test]
    fn keeps_embedding_parameters() {
        let state = FilterState::from_query("embed=1&host=https%3A%2F%2Fkarmada.io&kind=partner");
        assert_eq!(
            state.to_query(),
            "kind=partner&embed=1&host=https%3A%2F%2Fkarmada.io"
        );
        assert_eq!(
            state.cleared().to_query(),
            "embed=1&host=https%3A%2F%2Fkarmada.io"
        );
    }
}
