//! Long facets (industry, country) show their most common options and keep the rest behind a
//! "Show all" toggle. On a phone the sidebar sits above the cards, so fifteen industries push
//! every member below the first screen; and a feed with thousands of distinct values would
//! otherwise render (and re-count on every keystroke) thousands of checkboxes.

use std::collections::BTreeSet;

use crate::FacetOption;

/// How many options a collapsed facet shows (the most common ones: facets keep the whole
/// feed's order).
pub const SHOWN_WHEN_COLLAPSED: usize = 6;

/// The most options an expanded facet renders, beyond those kept: as many values as an
/// address may filter by. A feed with 50,000 distinct industries would otherwise render
/// 50,000 checkboxes in one task; the search still finds the members of the rest.
pub const MOST_WHEN_EXPANDED: usize = crate::query::MAX_FACET_VALUES;

/// Which options of a value facet to render, and whether it has a toggle at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownOptions {
    /// Positions in the facet's options, in the facet's order.
    pub positions: Vec<usize>,
    /// Whether the facet is long enough to collapse (and so shows a toggle).
    pub collapsible: bool,
    /// How many options the facet has in all (what "Show all N" says).
    pub total: usize,
    /// Options that even the expanded facet does not render (past [`MOST_WHEN_EXPANDED`]).
    pub unlisted: usize,
}

/// Whether a facet with `total` options collapses: only when that hides at least two (a toggle
/// that reveals one option costs as much space as the option).
pub fn is_collapsible(total: usize) -> bool {
    total >= SHOWN_WHEN_COLLAPSED + 2
}

/// The options to render: every one when `expanded` or when the facet is not collapsible;
/// else the first [`SHOWN_WHEN_COLLAPSED`] plus every option in `kept` beyond them. The page
/// keeps the ticked options (from a link, say) and those ticked or unticked since the facet was
/// last collapsed, so an option never vanishes under the pointer or the keyboard focus.
pub fn shown_options(
    options: &[FacetOption<String>],
    kept: &BTreeSet<String>,
    expanded: bool,
) -> ShownOptions {
    let total = options.len();
    let collapsible = is_collapsible(total);
    let positions = options
        .iter()
        .enumerate()
        .filter(|(position, option)| {
            !collapsible
                || (expanded && *position < MOST_WHEN_EXPANDED)
                || *position < SHOWN_WHEN_COLLAPSED
                || kept.contains(&option.value)
        })
        .map(|(position, _)| position)
        .collect::<Vec<usize>>();
    let unlisted = match expanded || !collapsible {
        true => total - positions.len(),
        false => 0,
    };
    ShownOptions {
        positions,
        collapsible,
        total,
        unlisted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(count: usize) -> Vec<FacetOption<String>> {
        (0..count)
            .map(|i| FacetOption {
                value: format!("value-{i}"),
                count: count - i,
            })
            .collect()
    }

    fn kept(values: &[&str]) -> BTreeSet<String> {
        values.iter().map(|value| value.to_string()).collect()
    }

    #[test]
    fn collapsing_must_hide_at_least_two() {
        assert!(!is_collapsible(SHOWN_WHEN_COLLAPSED + 1));
        assert!(is_collapsible(SHOWN_WHEN_COLLAPSED + 2));
    }

    #[test]
    fn a_short_facet_shows_everything_and_has_no_toggle() {
        for count in [0, 1, SHOWN_WHEN_COLLAPSED, SHOWN_WHEN_COLLAPSED + 1] {
            let shown = shown_options(&options(count), &kept(&[]), false);
            assert_eq!(shown.positions, (0..count).collect::<Vec<_>>(), "{count}");
            assert!(!shown.collapsible, "{count}");
            assert_eq!(shown.total, count);
        }
    }

    #[test]
    fn a_long_facet_shows_its_first_options_until_expanded() {
        let all = options(15);
        let collapsed = shown_options(&all, &kept(&[]), false);
        assert!(collapsed.collapsible);
        assert_eq!(
            collapsed.positions,
            (0..SHOWN_WHEN_COLLAPSED).collect::<Vec<_>>()
        );
        assert_eq!(collapsed.total, 15);
        let expanded = shown_options(&all, &kept(&[]), true);
        assert_eq!(expanded.positions, (0..15).collect::<Vec<_>>());
        assert!(expanded.collapsible);
    }

    #[test]
    fn the_shortest_collapsible_facet_hides_two() {
        let shown = shown_options(&options(SHOWN_WHEN_COLLAPSED + 2), &kept(&[]), false);
        assert!(shown.collapsible);
        assert_eq!(shown.positions.len(), SHOWN_WHEN_COLLAPSED);
    }

    #[test]
    fn a_kept_option_beyond_the_cut_stays_in_place() {
        let shown = shown_options(&options(15), &kept(&["value-12", "value-2"]), false);
        let mut expected: Vec<usize> = (0..SHOWN_WHEN_COLLAPSED).collect();
        expected.push(12);
        assert_eq!(shown.positions, expected);
    }

    #[test]
    fn an_expanded_facet_renders_a_bounded_number_and_counts_the_rest() {
        let shown = shown_options(&options(50_000), &kept(&["value-49999"]), true);
        assert_eq!(shown.positions.len(), MOST_WHEN_EXPANDED + 1);
        assert_eq!(shown.positions.last(), Some(&49_999));
        assert_eq!(shown.unlisted, 50_000 - MOST_WHEN_EXPANDED - 1);
        assert_eq!(shown.total, 50_000);
        assert_eq!(
            shown_options(&options(50_000), &kept(&[]), false).unlisted,
            0
        );
        assert_eq!(shown_options(&options(15), &kept(&[]), true).unlisted, 0);
    }

    #[test]
    fn thousands_of_values_render_a_handful() {
        let shown = shown_options(&options(5_000), &kept(&["value-4999"]), false);
        assert_eq!(shown.positions.len(), SHOWN_WHEN_COLLAPSED + 1);
        assert_eq!(shown.positions.last(), Some(&4_999));
    }
}
