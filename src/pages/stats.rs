//! `/stats`: adoption at a glance. The counts are the list's own facet counts with no filter
//! (`browse::stats`), each row a link to the list filtered to it.

use std::collections::BTreeSet;

use browse::labels::{country_label, industry_label};
use browse::stats::Stats;
use browse::FilterState;
use leptos::prelude::*;
use members_feed::Lang;

use crate::components::{Bar, BarChart, LanguageSwitch};
use crate::i18n::{strings, use_lang};
use crate::list_state::{list_path, use_known_filter_state, IndexedFeed};
use crate::loading::{Skeleton, WithFeed};
use crate::router::app_href;

/// `/stats` in the running app.
#[component]
pub fn StatsPage() -> impl IntoView {
    view! { <WithFeed skeleton=Skeleton::Rows render=move |feed| view! { <StatsFigures feed=feed /> } /> }
}

/// The figures once the feed is there. A component of its own, so that the address's state it
/// reads lives as long as the view does.
#[component]
fn StatsFigures(
    /// The loaded feed and its index.
    feed: IndexedFeed,
) -> impl IntoView {
    let (state, _) = use_known_filter_state(&feed);
    let stats = Stats::of(&feed.feed.members, &feed.index);
    move || view! { <StatsView stats=stats.clone() carried=state.get() /> }
}

/// The figures as charts in the page's language; the static page renders the same view.
#[component]
pub fn StatsView(
    /// The feed's figures.
    stats: Stats,
    /// The address's state, whose language and embedding the rows' links keep.
    carried: FilterState,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        let lang = lang.get();
        let text = strings(lang);
        let link = |filter: &dyn Fn(&mut FilterState)| {
            let mut state = FilterState {
                lang: carried.lang,
                preserved: carried.preserved.clone(),
                ..FilterState::default()
            };
            filter(&mut state);
            Some(app_href(&list_path(&state)))
        };
        let kinds = stats
            .kinds
            .iter()
            .map(|option| Bar {
                label: text.kinds_plural(option.value).to_string(),
                count: option.count,
                href: link(&|state| {
                    state.kinds.insert(option.value);
                }),
            })
            .collect();
        // A facet's rows: each value's label, count, and the list filtered to it.
        let values = |options: &[browse::FacetOption<String>],
                      label: fn(&str, Lang) -> &str,
                      filter: fn(&mut FilterState) -> &mut BTreeSet<String>| {
            options
                .iter()
                .map(|option| Bar {
                    label: label(&option.value, lang).to_string(),
                    count: option.count,
                    href: link(&|state| {
                        filter(state).insert(option.value.clone());
                    }),
                })
                .collect::<Vec<_>>()
        };
        let industries = values(&stats.industries, industry_label, |s| &mut s.industries);
        let countries = values(&stats.countries, country_label, |s| &mut s.countries);
        // A series in time: its rows link nowhere (the list has no filter by date).
        let in_time = |points: Vec<(String, usize)>| -> Vec<Bar> {
            points
                .into_iter()
                .map(|(label, count)| Bar {
                    label,
                    count,
                    href: None,
                })
                .collect()
        };
        let joined = in_time(
            stats
                .joined_by_quarter
                .iter()
                .map(|(quarter, count)| (quarter.label(), *count))
                .collect(),
        );
        let announcements = in_time(
            stats
                .announcements_by_year
                .iter()
                .map(|(year, count)| (year.to_string(), *count))
                .collect(),
        );
        let list = link(&|_| {}).unwrap_or_default();
        let no_country = (stats.without_country > 0 && !countries.is_empty())
            .then(|| view! { <p class="notice" data-testid="stats-no-country">{(text.stats_no_country)(stats.without_country)}</p> });
        // A series of a few dated members would read as the list's growth: said, not drawn.
        let growth = stats.growth_is_told();
        let joined = if growth { joined } else { Vec::new() };
        let undated = if growth {
            (stats.undated > 0).then(|| (text.stats_undated)(stats.undated))
        } else {
            (stats.undated < stats.members)
                .then(|| (text.stats_too_few_dates)(stats.members - stats.undated, stats.members))
        }
        .map(|note| view! { <p class="notice" data-testid="stats-undated">{note}</p> });
        view! {
            <article class="stats" data-testid="stats">
                <nav class="detail-nav" aria-label=text.back_to_list>
                    <a class="back-link" href=list.clone() data-testid="back-to-list">"← " {text.back_to_list}</a>
                    <LanguageSwitch />
                </nav>
                <header class="page-header">
                    <h1>{text.stats_title}</h1>
                    <p class="intro">{text.stats_intro}</p>
                </header>
                <BarChart title=text.stats_by_kind.into() row_header=text.stats_kind.into() count_header=text.stats_count.into() rows=kinds test_id="stats-kinds" />
                <BarChart title=text.stats_by_industry.into() row_header=text.industry.into() count_header=text.stats_count.into() rows=industries test_id="stats-industries" />
                <BarChart title=text.stats_by_country.into() row_header=text.country.into() count_header=text.stats_count.into() rows=countries test_id="stats-countries" />
                {no_country}
                {(!joined.is_empty()).then(|| view! {
                    <BarChart title=text.stats_joined.into() row_header=text.stats_period.into() count_header=text.stats_count.into() rows=joined test_id="stats-joined" />
                })}
                {undated}
                {(!announcements.is_empty()).then(|| view! {
                    <BarChart title=text.stats_announcements.into() row_header=text.stats_period.into() count_header=text.stats_announcement_count.into() rows=announcements test_id="stats-announcements" />
                })}
            </article>
        }
    }
}
