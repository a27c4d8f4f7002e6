//! The list's state as it lives in the URL query, so that every view is a link:
//! `?q=gpu&kind=adopter&kind=vendor&industry=finance&country=CN&case=1&ann=1&sort=newest&lang=zh`.
//!
//! Parsing never fails: unknown parameters and malformed values are ignored. Writing is
//! canonical (fixed parameter order, sorted values, defaults left out), so equal states give
//! equal URLs and back/forward history has no duplicates that differ only in order.

use std::collections::BTreeSet;

use members_feed::{Kind, Lang, Member};

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

/// The order of the list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    /// By English name, A to Z.
    #[default]
    Name,
    /// Most recently joined (or announced) first.
    Newest,
    /// Members with an announcement or a case study first.
    Featured,
}

impl Sort {
    /// Every order, as offered in the sort menu.
    pub const ALL: [Sort; 3] = [Sort::Name, Sort::Newest, Sort::Featured];

    /// The value of the `sort` parameter.
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Name => "name",
            Sort::Newest => "newest",
            Sort::Featured => "featured",
        }
    }

    /// Reads a sort name, ignoring ASCII case; unknown names are `None`.
    pub fn parse(value: &str) -> Option<Sort> {
        Sort::ALL
            .into_iter()
            .find(|sort| sort.as_str().eq_ignore_ascii_case(value.trim()))
    }
}

/// How the list shows its members: cards, or a compact table for people who scan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Layout {
    /// A card per member, with its logo and usage.
    #[default]
    Cards,
    /// A row per member: name, kinds, industry, country, joined.
    Table,
}

impl Layout {
    /// Every layout, as offered by the list's switch.
    pub const ALL: [Layout; 2] = [Layout::Cards, Layout::Table];

    /// The value of the `view` parameter.
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Cards => "cards",
            Layout::Table => "table",
        }
    }

    /// Reads a layout name, ignoring ASCII case; unknown names are `None`.
    pub fn parse(value: &str) -> Option<Layout> {
        Layout::ALL
            .into_iter()
            .find(|layout| layout.as_str().eq_ignore_ascii_case(value.trim()))
    }
}

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

/// One active filter, as shown in a removable chip. [`ActiveFilter::param`] and
/// [`ActiveFilter::value`] give it as the URL's `(param, value)` pair.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ActiveFilter {
    /// The search text (trimmed), `q`.
    Query(String),
    /// One selected kind, `kind`.
    Kind(Kind),
    /// One selected industry slug, `industry`.
    Industry(String),
    /// One selected country code, `country`.
    Country(String),
    /// Only members with a case study, `case=1`.
    HasCaseStudy,
    /// Only members with an announcement, `ann=1`.
    HasAnnouncement,
}

impl ActiveFilter {
    /// The URL parameter of this filter: `q`, `kind`, `industry`, `country`, `case` or `ann`.
    pub fn param(&self) -> &'static str {
        match self {
            ActiveFilter::Query(_) => "q",
            ActiveFilter::Kind(_) => "kind",
            ActiveFilter::Industry(_) => "industry",
            ActiveFilter::Country(_) => "country",
            ActiveFilter::HasCaseStudy => "case",
            ActiveFilter::HasAnnouncement => "ann",
        }
    }

    /// The URL value of this filter (`1` for the two flags).
    pub fn value(&self) -> &str {
        match self {
            ActiveFilter::Query(value)
            | ActiveFilter::Industry(value)
            | ActiveFilter::Country(value) => value,
            ActiveFilter::Kind(kind) => kind.as_str(),
            ActiveFilter::HasCaseStudy | ActiveFilter::HasAnnouncement => "1",
        }
    }

    /// The filter a `(param, value)` pair names, as listed by [`FilterState::active_params`].
    pub fn from_param(param: &str, value: &str) -> Option<ActiveFilter> {
        Some(match param {
            "q" => ActiveFilter::Query(value.to_string()),
            "kind" => ActiveFilter::Kind(parse_kind(value)?),
            "industry" => ActiveFilter::Industry(value.to_string()),
            "country" => ActiveFilter::Country(value.to_string()),
            "case" => ActiveFilter::HasCaseStudy,
            "ann" => ActiveFilter::HasAnnouncement,
            _ => return None,
        })
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

    /// No filter and no search.
    pub fn is_unfiltered(&self) -> bool {
        self.active_filters().is_empty()
    }

    /// The active filters in a stable order, for chips.
    pub fn active_filters(&self) -> Vec<ActiveFilter> {
        let mut active = Vec::new();
        if !self.query.trim().is_empty() {
            active.push(ActiveFilter::Query(self.query.trim().to_string()));
        }
        active.extend(self.kinds.iter().map(|kind| ActiveFilter::Kind(*kind)));
        active.extend(self.industries.iter().cloned().map(ActiveFilter::Industry));
        active.extend(self.countries.iter().cloned().map(ActiveFilter::Country));
        if self.has_case_study {
            active.push(ActiveFilter::HasCaseStudy);
        }
        if self.has_announcement {
            active.push(ActiveFilter::HasAnnouncement);
        }
        active
    }

    /// How many facet options are ticked (the search does not count): what the phone's
    /// "Filters (N)" button says is hidden behind it.
    pub fn ticked_facet_count(&self) -> usize {
        self.kinds.len()
            + self.industries.len()
            + self.countries.len()
            + usize::from(self.has_case_study)
            + usize::from(self.has_announcement)
    }

    /// The active filters as `(param, value)` pairs, in the same stable order as
    /// [`FilterState::active_filters`]: `q`, `kind`s, `industry`s, `country`s, `case`, `ann`.
    pub fn active_params(&self) -> Vec<(&'static str, String)> {
        self.active_filters()
            .iter()
            .map(|filter| (filter.param(), filter.value().to_string()))
            .collect()
    }

    /// The state with the filter named by a `(param, value)` pair removed; unknown pairs
    /// change nothing.
    pub fn without_param(&self, param: &str, value: &str) -> FilterState {
        match ActiveFilter::from_param(param, value) {
            Some(filter) => self.without(&filter),
            None => self.clone(),
        }
    }

    /// The state with one filter removed.
    pub fn without(&self, filter: &ActiveFilter) -> FilterState {
        let mut next = self.clone();
        match filter {
            ActiveFilter::Query(_) => next.query.clear(),
            ActiveFilter::Kind(kind) => {
                next.kinds.remove(kind);
            }
            ActiveFilter::Industry(value) => {
                next.industries.remove(value);
            }
            ActiveFilter::Country(value) => {
                next.countries.remove(value);
            }
            ActiveFilter::HasCaseStudy => next.has_case_study = false,
            ActiveFilter::HasAnnouncement => next.has_announcement = false,
        }
        next
    }

    /// Keeps only the industries and countries some member has (`known`), and says how many
    /// values it dropped: a link's filter the feed does not know would only empty the list
    /// (and a crafted one would fill the page with chips).
    pub fn retain_known(&mut self, known: &FacetVocabulary) -> usize {
        let before = self.industries.len() + self.countries.len();
        self.industries
            .retain(|industry| known.industries.contains(industry));
        self.countries
            .retain(|country| known.countries.contains(country));
        before - self.industries.len() - self.countries.len()
    }

    /// Every filter and the search cleared; sort, language and embedding kept.
    pub fn cleared(&self) -> FilterState {
        FilterState {
            sort: self.sort,
            lang: self.lang,
            debug: self.debug.clone(),
            preserved: self.preserved.clone(),
            ..FilterState::default()
        }
    }
}

/// The industries and countries of a feed's members: the values an address may filter by.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetVocabulary {
    /// Industry slugs.
    pub industries: std::collections::HashSet<String>,
    /// ISO country codes.
    pub countries: std::collections::HashSet<String>,
}

impl FacetVocabulary {
    /// The vocabulary of `members`.
    pub fn of(members: &[Member]) -> FacetVocabulary {
        FacetVocabulary {
            industries: members.iter().filter_map(|m| m.industry.clone()).collect(),
            countries: members.iter().filter_map(|m| m.country.clone()).collect(),
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

/// The part of an app address worth sharing: `path` (below the app's base) and the query
/// `search` (raw, with or without its `?`) without the embedding parameters
/// ([`PRESERVED_PARAMS`]), e.g. `/members/bloomberg?kind=adopter`. A host page keeps it in
/// its own address, so that a view inside an iframe has a link too. Pairs are kept as they
/// were encoded, in their order.
pub fn shareable_view(path: &str, search: &str) -> String {
    let path = if path.starts_with('/') {
        path.to_string()
    } else {
        format!("/{path}")
    };
    let query = search
        .strip_prefix('?')
        .unwrap_or(search)
        .split('&')
        .filter(|pair| {
            let key = pair.split('=').next().unwrap_or_default();
            !key.is_empty() && !PRESERVED_PARAMS.contains(&decode(&key.replace('+', " ")).as_str())
        })
        .collect::<Vec<_>>()
        .join("&");
    if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%XX` and `+`; malformed escapes stay as they are, invalid UTF-8 is replaced.
pub fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The first value of `key` in the query string `query` (with or without its `?`), decoded:
/// what `URLSearchParams.get` gives, for the parameters that are not part of the filter state
/// (`program` on the join page).
pub fn first_value(query: &str, key: &str) -> Option<String> {
    raw_pairs(query)
        .find(|(name, _)| decode(name) == key)
        .map(|(_, value)| decode(value))
}

/// The parameter that names the view's language (`en`, `zh`), on every route.
pub const LANG_PARAM: &str = "lang";

/// `query` (with or without its `?`) with `key` set to `value` alone: its other pairs kept as
/// they are written, in their order, and `key=value` last. Without the `?`.
pub fn with_value(query: &str, key: &str, value: &str) -> String {
    raw_pairs(query)
        .filter(|(name, _)| decode(name) != key)
        .map(|(name, value)| match value.is_empty() {
            true => name.to_string(),
            false => format!("{name}={value}"),
        })
        .chain(std::iter::once(format!(
            "{}={}",
            encode(key),
            encode(value)
        )))
        .collect::<Vec<_>>()
        .join("&")
}

/// The `key=value` pieces of a query string as they are written, not yet decoded (each is
/// decoded by its reader, which may split it first): `a=1&b=x%20y` → `("a", "1")`,
/// `("b", "x%20y")`, skipping empty pieces.
fn raw_pairs(query: &str) -> impl Iterator<Item = (&str, &str)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|piece| !piece.is_empty())
        .map(|piece| piece.split_once('=').unwrap_or((piece, "")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_value_of_a_parameter_is_decoded() {
        assert_eq!(
            first_value("?program=partner&lang=zh", "program").as_deref(),
            Some("partner")
        );
        assert_eq!(first_value("a=1&a=2", "a").as_deref(), Some("1"));
        assert_eq!(
            first_value("q=gpu+training%21", "q").as_deref(),
            Some("gpu training!")
        );
        assert_eq!(first_value("pro%67ram=x", "program").as_deref(), Some("x"));
        assert_eq!(first_value("flag", "flag").as_deref(), Some(""));
        assert_eq!(first_value("programme=x", "program"), None);
        assert_eq!(first_value("", "program"), None);
    }

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

    #[test]
    fn percent_coding() {
        assert_eq!(encode("小红书 a+b"), "%E5%B0%8F%E7%BA%A2%E4%B9%A6%20a%2Bb");
        assert_eq!(decode("%E5%B0%8F%E7%BA%A2%E4%B9%A6%20a%2Bb"), "小红书 a+b");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("%FF"), "\u{FFFD}");
    }

    #[test]
    fn chips_and_clearing() {
        let state = FilterState::from_query("q=gpu&kind=adopter&country=CN&sort=newest");
        let active = state.active_filters();
        assert_eq!(
            active,
            [
                ActiveFilter::Query("gpu".into()),
                ActiveFilter::Kind(Kind::Adopter),
                ActiveFilter::Country("CN".into())
            ]
        );
        assert_eq!(
            state.without(&active[1]).to_query(),
            "q=gpu&country=CN&sort=newest"
        );
        assert_eq!(state.cleared().to_query(), "sort=newest");
        assert!(state.cleared().is_unfiltered());
    }

    #[test]
    fn a_shareable_view_leaves_out_the_embedding() {
        assert_eq!(
            shareable_view("/", "?embed=1&host=https%3A%2F%2Fkarmada.io&theme=dark"),
            "/"
        );
        assert_eq!(shareable_view("", ""), "/");
        assert_eq!(
            shareable_view(
                "/members/bloomberg",
                "?kind=adopter&embed=1&q=gpu%20cluster&lang=zh&kinds=adopter"
            ),
            "/members/bloomberg?kind=adopter&q=gpu%20cluster&lang=zh"
        );
        assert_eq!(
            shareable_view("join", "program=partner&&%65mbed=1&overlay=1"),
            "/join?program=partner",
            "encoded keys and empty pairs"
        );
    }

    #[test]
    fn ticked_facets_leave_out_the_search_and_the_display() {
        let state = FilterState::from_query(
            "q=gpu&kind=adopter&kind=vendor&industry=ai&country=CN&case=1&ann=1&sort=newest&lang=zh",
        );
        assert_eq!(state.ticked_facet_count(), 6);
        assert_eq!(FilterState::from_query("q=gpu").ticked_facet_count(), 0);
    }

    #[test]
    fn with_value_replaces_one_parameter_and_keeps_the_others_as_written() {
        assert_eq!(with_value("", "lang", "zh"), "lang=zh");
        assert_eq!(
            with_value("?program=partner&lang=en&q=a%20b&lang=xx", "lang", "zh"),
            "program=partner&q=a%20b&lang=zh"
        );
        assert_eq!(with_value("flag&%6Cang=en", "lang", "en"), "flag&lang=en");
    }
}
