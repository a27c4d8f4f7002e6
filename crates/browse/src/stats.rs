//! Adoption at a glance: how many members of each kind, industry and country (the list's own
//! facet counts with no filter, so the two never disagree), how many had joined by the end of
//! each quarter, and how many announcements each year brought.

use members_feed::{Kind, Member};

use crate::search::SearchIndex;
use crate::{date_of, facets, FacetOption, FilterState};

/// The figures of one feed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Every member of the feed.
    pub members: usize,
    /// Members of each kind, as the list's kind filter counts them.
    pub kinds: Vec<FacetOption<Kind>>,
    /// Members in each industry, as the list's industry facet counts and orders them.
    pub industries: Vec<FacetOption<String>>,
    /// Members in each country, as the list's country facet counts and orders them.
    pub countries: Vec<FacetOption<String>>,
    /// Members the feed gives no country, not in [`Stats::countries`].
    pub without_country: usize,
    /// Members known to have joined by the end of each quarter, from the first quarter with a
    /// join to the last, every quarter between included: cumulative, so it never falls. The
    /// last [`MOST_QUARTERS`] only (a feed's dates may span centuries; a chart cannot).
    pub joined_by_quarter: Vec<(Quarter, usize)>,
    /// Members with no date to place them in time (neither `joined` nor an announcement).
    pub undated: usize,
    /// Announcements published each year, in order, years without one included; the last
    /// [`MOST_YEARS`] only.
    pub announcements_by_year: Vec<(u16, usize)>,
}

/// How many quarters the joins series keeps, the latest.
pub const MOST_QUARTERS: usize = 40;
/// How many years the announcements series keeps, the latest.
pub const MOST_YEARS: usize = 20;

/// A calendar quarter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    /// The calendar year.
    pub year: u16,
    /// 1–4.
    pub quarter: u8,
}

impl Quarter {
    /// The quarter of a `YYYY-MM-DD` date.
    pub fn of(date: &str) -> Option<Quarter> {
        let year = date.get(0..4)?.parse().ok()?;
        let month: u8 = date.get(5..7)?.parse().ok()?;
        (1..=12).contains(&month).then_some(Quarter {
            year,
            quarter: (month - 1) / 3 + 1,
        })
    }

    fn next(self) -> Quarter {
        match self.quarter {
            4 => Quarter {
                year: self.year + 1,
                quarter: 1,
            },
            q => Quarter {
                year: self.year,
                quarter: q + 1,
            },
        }
    }

    /// `2025 Q1`.
    pub fn label(self) -> String {
        format!("{} Q{}", self.year, self.quarter)
    }
}

impl Stats {
    /// Whether the joins series tells how the list grew: when at least half the members have a
    /// date. With only a few dated ones it would read as a list of two or three members.
    pub fn growth_is_told(&self) -> bool {
        !self.joined_by_quarter.is_empty() && self.undated * 2 <= self.members
    }

    /// The figures of `members` (indexed by `index`).
    pub fn of(members: &[Member], index: &SearchIndex) -> Stats {
        let all = facets(members, index, &FilterState::default());
        let mut quarters: Vec<Quarter> = members
            .iter()
            .filter_map(|m| date_of(m).and_then(Quarter::of))
            .collect();
        quarters.sort();
        let undated = members.len() - quarters.len();
        let mut joined_by_quarter = Vec::new();
        if let (Some(&first), Some(&last)) = (quarters.first(), quarters.last()) {
            let mut quarter = first;
            let mut seen = 0;
            loop {
                seen += quarters[seen..]
                    .iter()
                    .take_while(|q| **q == quarter)
                    .count();
                joined_by_quarter.push((quarter, seen));
                if quarter == last {
                    break;
                }
                quarter = quarter.next();
            }
        }
        let skip = joined_by_quarter.len().saturating_sub(MOST_QUARTERS);
        joined_by_quarter.drain(..skip);
        let mut years: Vec<u16> = members
            .iter()
            .filter_map(|m| m.announcement.as_ref())
            .filter_map(|a| a.date.get(0..4)?.parse().ok())
            .collect();
        years.sort_unstable();
        let announcements_by_year = match (years.first(), years.last()) {
            (Some(&first), Some(&last)) => (first.max(last.saturating_sub(MOST_YEARS as u16 - 1))
                ..=last)
                .map(|year| (year, years.iter().filter(|y| **y == year).count()))
                .collect(),
            _ => Vec::new(),
        };
        Stats {
            members: members.len(),
            kinds: all.kinds,
            industries: all.industries,
            countries: all.countries,
            without_country: members.iter().filter(|m| m.country.is_none()).count(),
            joined_by_quarter,
            undated,
            announcements_by_year,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use members_feed::{Announcement, Localized};

    fn dated(id: &str, joined: Option<&str>, announced: Option<&str>) -> Member {
        let mut member = crate::test_support::member(id, id);
        member.joined = joined.map(String::from);
        member.announcement = announced.map(|date| Announcement {
            date: date.into(),
            title: Localized::en("Joined".into()),
            url: Localized::en(format!("https://karmada.io/blog/{id}")),
            content: Localized::en(Vec::new()),
        });
        member
    }

    #[test]
    fn counts_are_the_lists_facet_counts() {
        let mut members = vec![
            dated("a", None, None),
            dated("b", None, None),
            dated("c", None, None),
        ];
        members[0].industry = Some("finance".into());
        members[1].industry = Some("finance".into());
        members[2].industry = Some("cloud".into());
        members[2].kinds = vec![Kind::Vendor, Kind::Partner];
        members[0].country = Some("CN".into());
        members[1].country = None;
        members[2].country = Some("US".into());
        let index = SearchIndex::new(&members);
        let stats = Stats::of(&members, &index);
        let list = facets(&members, &index, &FilterState::default());
        assert_eq!(stats.kinds, list.kinds);
        assert_eq!(stats.industries, list.industries);
        assert_eq!(stats.countries, list.countries);
        // Every member is in a country's row or counted as without one.
        assert_eq!(stats.without_country, 1);
        let in_rows: usize = stats.countries.iter().map(|option| option.count).sum();
        assert_eq!(in_rows + stats.without_country, members.len());
        assert_eq!(
            stats.industries,
            [
                FacetOption {
                    value: "finance".to_string(),
                    count: 2
                },
                FacetOption {
                    value: "cloud".to_string(),
                    count: 1
                }
            ]
        );
    }

    #[test]
    fn growth_is_told_only_when_most_members_have_a_date() {
        let of = |members: &[Member]| Stats::of(members, &SearchIndex::new(members));
        let some = [dated("a", Some("2024-02-10"), None), dated("b", None, None)];
        assert!(of(&some).growth_is_told());
        let few = [
            dated("a", Some("2024-02-10"), None),
            dated("b", None, None),
            dated("c", None, None),
        ];
        assert!(!of(&few).growth_is_told());
        assert!(!of(&[dated("a", None, None)]).growth_is_told());
        assert!(!of(&[]).growth_is_told());
    }

    #[test]
    fn joins_accumulate_by_quarter_and_end_at_the_dated_members() {
        let members = vec![
            dated("a", Some("2024-02-10"), None),
            dated("b", None, Some("2024-11-30")),
            dated("c", Some("2025-03-31"), Some("2025-04-02")),
            dated("d", Some("2025-01-01"), None),
            dated("e", None, None),
        ];
        let stats = Stats::of(&members, &SearchIndex::new(&members));
        let series: Vec<(String, usize)> = stats
            .joined_by_quarter
            .iter()
            .map(|(q, n)| (q.label(), *n))
            .collect();
        assert_eq!(
            series,
            [
                ("2024 Q1".to_string(), 1),
                ("2024 Q2".to_string(), 1),
                ("2024 Q3".to_string(), 1),
                ("2024 Q4".to_string(), 2),
                ("2025 Q1".to_string(), 4),
            ]
        );
        assert!(series.windows(2).all(|w| w[0].1 <= w[1].1));
        assert_eq!(series.last().unwrap().1 + stats.undated, members.len());
        assert_eq!(stats.announcements_by_year, [(2024, 1), (2025, 1)]);
    }

    #[test]
    fn centuries_of_dates_keep_the_latest_quarters_and_years() {
        let members = vec![
            dated("a", Some("0001-01-01"), Some("0001-01-01")),
            dated("b", Some("9999-12-31"), Some("9999-12-31")),
        ];
        let stats = Stats::of(&members, &SearchIndex::new(&members));
        assert_eq!(stats.joined_by_quarter.len(), MOST_QUARTERS);
        assert_eq!(stats.joined_by_quarter.last().unwrap().1, 2);
        assert_eq!(stats.joined_by_quarter[0].1, 1);
        assert_eq!(stats.announcements_by_year.len(), MOST_YEARS);
        assert_eq!(stats.announcements_by_year.last(), Some(&(9999, 1)));
    }

    #[test]
    fn nothing_dated_gives_empty_series() {
        let members = vec![dated("a", None, None)];
        let stats = Stats::of(&members, &SearchIndex::new(&members));
        assert!(stats.joined_by_quarter.is_empty());
        assert!(stats.announcements_by_year.is_empty());
        assert_eq!(stats.undated, 1);
        assert_eq!(Quarter::of("2025-13-01"), None);
        assert_eq!(Quarter::of("x"), None);
    }
}
