//! The list's facet groups as the page offers them: which options a group has, which of them
//! are ticked, what ticking one does to the state, and how many members it would show.

use std::collections::BTreeSet;

use members_feed::{Kind, Lang};

use crate::{FacetOption, Facets, FilterState};

/// A facet whose options are values of the feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueFacet {
    /// `?industry=`.
    Industry,
    /// `?country=`.
    Country,
}

impl ValueFacet {
    /// Its parameter in the address (`?industry=finance`).
    pub fn param(self) -> &'static str {
        match self {
            ValueFacet::Industry => "industry",
            ValueFacet::Country => "country",
        }
    }

    /// A value's name in `lang` (the value itself where there is none).
    pub fn label(self, value: &str, lang: Lang) -> &str {
        match self {
            ValueFacet::Industry => crate::labels::industry_label(value, lang),
            ValueFacet::Country => crate::labels::country_label(value, lang),
        }
    }

    /// Its options and their counts.
    pub fn options(self, facets: &Facets) -> &[FacetOption<String>] {
        match self {
            ValueFacet::Industry => &facets.industries,
            ValueFacet::Country => &facets.countries,
        }
    }

    /// The values ticked in `state`.
    pub fn selected(self, state: &FilterState) -> &BTreeSet<String> {
        match self {
            ValueFacet::Industry => &state.industries,
            ValueFacet::Country => &state.countries,
        }
    }

    /// Ticks `value`, or unticks it when it was ticked.
    pub fn toggle(self, state: &mut FilterState, value: String) {
        let set = match self {
            ValueFacet::Industry => &mut state.industries,
            ValueFacet::Country => &mut state.countries,
        };
        if !set.remove(&value) {
            set.insert(value);
        }
    }
}

/// A yes/no facet: members with a case study, or with an announcement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flag {
    /// `?case=1`: members with a case study.
    CaseStudy,
    /// `?ann=1`: members with an announcement.
    Announcement,
}

impl Flag {
    /// Both, in the order the page offers them.
    pub const ALL: [Flag; 2] = [Flag::CaseStudy, Flag::Announcement];

    /// How many members setting it would show, given the other filters.
    pub fn count(self, facets: &Facets) -> usize {
        match self {
            Flag::CaseStudy => facets.has_case_study,
            Flag::Announcement => facets.has_announcement,
        }
    }

    /// Whether it is set in `state`.
    pub fn is_set(self, state: &FilterState) -> bool {
        match self {
            Flag::CaseStudy => state.has_case_study,
            Flag::Announcement => state.has_announcement,
        }
    }

    /// Sets it, or clears it when it was set.
    pub fn flip(self, state: &mut FilterState) {
        let flag = match self {
            Flag::CaseStudy => &mut state.has_case_study,
            Flag::Announcement => &mut state.has_announcement,
        };
        *flag = !*flag;
    }
}

/// Ticks `kind`, or unticks it when it was ticked.
pub fn toggle_kind(state: &mut FilterState, kind: Kind) {
    if !state.kinds.remove(&kind) {
        state.kinds.insert(kind);
    }
}

/// The count of `value` among a facet's options (0 when the feed has no such option).
pub fn count_of<T: PartialEq>(options: &[FacetOption<T>], value: &T) -> usize {
    options
        .iter()
        .find(|option| option.value == *value)
        .map_or(0, |option| option.count)
}

/// [`count_of`] for an option last seen at `position`, where it almost always still is (the
/// options keep the whole feed's order while filtering).
pub fn count_at<T: PartialEq>(options: &[FacetOption<T>], position: usize, value: &T) -> usize {
    match options.get(position) {
        Some(option) if option.value == *value => option.count,
        _ => count_of(options, value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn option(value: &str, count: usize) -> FacetOption<String> {
        FacetOption {
            value: value.into(),
            count,
        }
    }

    #[test]
    fn ticking_a_value_twice_unticks_it_and_leaves_the_other_group() {
        let mut state = FilterState::default();
        ValueFacet::Industry.toggle(&mut state, "finance".into());
        ValueFacet::Country.toggle(&mut state, "CN".into());
        assert_eq!(state.to_query(), "industry=finance&country=CN");
        ValueFacet::Industry.toggle(&mut state, "finance".into());
        assert!(ValueFacet::Industry.selected(&state).is_empty());
        assert_eq!(
            ValueFacet::Country
                .selected(&state)
                .iter()
                .collect::<Vec<_>>(),
            ["CN"]
        );
        // The parameter a group writes is the one the address reads back.
        let back = FilterState::from_query(&format!("{}=cloud", ValueFacet::Industry.param()));
        assert!(ValueFacet::Industry.selected(&back).contains("cloud"));
    }

    #[test]
    fn a_kind_ticked_twice_is_unticked() {
        let mut state = FilterState::default();
        toggle_kind(&mut state, Kind::Vendor);
        assert_eq!(state.to_query(), "kind=vendor");
        toggle_kind(&mut state, Kind::Vendor);
        assert!(state.kinds.is_empty());
    }

    #[test]
    fn a_flag_flips_only_itself() {
        let mut state = FilterState::default();
        Flag::CaseStudy.flip(&mut state);
        assert!(Flag::CaseStudy.is_set(&state) && !Flag::Announcement.is_set(&state));
        Flag::CaseStudy.flip(&mut state);
        assert_eq!(state, FilterState::default());
    }

    #[test]
    fn a_count_is_found_where_it_was_or_wherever_it_moved() {
        let options = [option("cloud", 8), option("finance", 3)];
        assert_eq!(count_at(&options, 1, &"finance".to_string()), 3);
        assert_eq!(count_at(&options, 0, &"finance".to_string()), 3);
        assert_eq!(count_at(&options, 9, &"space".to_string()), 0);
    }

    #[test]
    fn a_value_without_a_name_is_shown_as_itself() {
        assert_eq!(ValueFacet::Industry.label("finance", Lang::Zh), "金融");
        assert_eq!(ValueFacet::Country.label("ZZ", Lang::En), "ZZ");
    }
}
