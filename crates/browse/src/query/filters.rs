//! The filters of a state one by one: the removable chips, taking one off, clearing them all,
//! and dropping the values a feed does not know.

use members_feed::{Kind, Member};

use super::{parse_kind, FilterState};

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

impl FilterState {
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn ticked_facets_leave_out_the_search_and_the_display() {
        let state = FilterState::from_query(
            "q=gpu&kind=adopter&kind=vendor&industry=ai&country=CN&case=1&ann=1&sort=newest&lang=zh",
        );
        assert_eq!(state.ticked_facet_count(), 6);
        assert_eq!(FilterState::from_query("q=gpu").ticked_facet_count(), 0);
    }
}
