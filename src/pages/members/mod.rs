use browse::{Facets, FilterState, Layout, Sort};
use leptos::callback::UnsyncCallback;
use leptos::prelude::*;

use crate::components::{
    CardGrid, ChoiceMenu, EmptyResults, FacetList, FacetSheet, FeaturedStories, FeedDiagnostics,
    FilterChips, FilterSheet, MemberTable, NewestNote, ViewDownload,
};
use crate::embed::use_embed;
use crate::i18n::{strings, use_lang, Strings};
use crate::list_state::{carried, use_known_filter_state, IndexedFeed};
use crate::loading::WithFeed;

mod controller;
mod header;
mod paging;
mod results_bar;
mod search_box;

use controller::ListController;
pub(crate) use header::ListHeader;
use paging::ListPaging;
use results_bar::ResultsBar;
use search_box::SearchBox;

/// The list of members: search, facets, sort, chips, and the grid.
#[component]
pub fn MembersPage() -> impl IntoView {
    view! { <WithFeed render=move |feed| view! { <MembersBrowser feed=feed /> } /> }
}

/// The list once the feed is there.
#[component]
pub fn MembersBrowser(
    /// The loaded feed and its index.
    feed: IndexedFeed,
) -> impl IntoView {
    let lang = use_lang();
    let (url_state, ignored_filters) = use_known_filter_state(&feed);
    let controller = ListController::new(url_state);
    let ListController {
        state,
        go_to,
        on_search,
        on_leave_search,
    } = controller;
    let members = feed.feed.members.clone();
    let total = members.len();

    // One filtering pass per change gives both the list and the facet counts; the search's
    // matches are kept so that the next keystroke looks only among them.
    let browsed = {
        let (members, index) = (members.clone(), feed.index.clone());
        Memo::new(
            move |previous: Option<&(Vec<usize>, Facets, browse::SearchMatches)>| {
                let previous = previous.map(|(_, _, matches)| matches);
                browse::browse_with_facets_after(&members, &index, &state.read(), previous)
            },
        )
    };
    let results = Memo::new(move |_| browsed.read().0.clone());
    let facets = Memo::new(move |_| browsed.read().1.clone());
    let paging = ListPaging::new(state);
    let limit = paging.limit;

    let facet_list = FacetList {
        state,
        facets,
        go: go_to,
    };
    let query_signal = Signal::derive(move || state.read().query.clone());

    let count_text = Signal::derive(move || {
        let text = strings(lang.get());
        let shown = results.read().len();
        if shown == total && state.read().is_unfiltered() {
            (text.members_count)(total)
        } else {
            (text.showing_of)(shown, total)
        }
    });

    // The list's query rides on every card's link so that "back" from a detail view restores
    // the list. It is a signal apart from the keys: a keystroke then updates 48 links and
    // highlights, where keying cards by it re-created every card.
    let list_suffix = Memo::new(move |_| {
        let query = state.with(|s| s.to_query());
        if query.is_empty() {
            String::new()
        } else {
            format!("?{query}")
        }
    });

    let on_sort = controller.setter(|s: &mut FilterState, sort: Sort| s.sort = sort);
    // What links to other binaries' pages keep. A memo: a keystroke changes the state, not
    // what links keep.
    let kept = Memo::new(move |_| carried(&state.read(), state.read().lang));
    let on_layout = controller.setter(|s: &mut FilterState, layout: Layout| s.layout = layout);
    // Memos: a keystroke changes the state, not these.
    let layout = Memo::new(move |_| state.read().layout);
    let sort = Memo::new(move |_| state.read().sort);
    let table = Memo::new(move |_| layout.get() == Layout::Table);

    let suggest = {
        let (members, index) = (members.clone(), feed.index.clone());
        UnsyncCallback::new(move |state: FilterState| {
            browse::lookup::search_suggestion(&members, &index, &state)
        })
    };
    let skipped = feed
        .feed
        .problems
        .iter()
        .filter(|p| p.severity == members_feed::Severity::Skipped)
        .count();
    let problems = feed.feed.problems.clone();
    let debug = Signal::derive(move || state.read().debug.as_deref() == Some("feed"));

    let config = use_embed();
    let filters = FilterSheet::install();
    let active_facets = Memo::new(move |_| state.with(FilterState::ticked_facet_count));

    let config_for_clicks = StoredValue::new(config.clone());
    let unfiltered = Memo::new(move |_| state.with(FilterState::is_unfiltered));
    let featured: std::sync::Arc<[members_feed::Member]> = members
        .iter()
        .filter(|m| m.featured.is_some())
        .cloned()
        .collect();
    let show = config.facets;
    let show_sidebar = show.any() || config.search;
    view! {
        // One box for the list's parts, so a phone can show the invitation to join after the
        // list (`reading-flow` on it; on `<main>`, which the skip link focuses, Chromium's Tab
        // would leave the page).
        <div class="list-page">
            <ListHeader kept=kept embedded=config.is_embedded() />
            <div class="browse-layout" class:no-sidebar=!show_sidebar>
                <aside
                    class="filters"
                    aria-label=move || strings(lang.get()).kinds_label
                    class:hidden=!show_sidebar
                    class:filters-open=filters.open
                    // On a phone, a click on the dimmed list around the open sheet closes it.
                    on:click=move |event| {
                        if event.target() == event.current_target() {
                            filters.close(false);
                        }
                    }
                >
                    <SearchBox shown=config.search query=query_signal on_search=on_search on_leave=on_leave_search />
                    <FacetSheet list=facet_list show=show shown=Signal::derive(move || results.read().len()) control=filters />
                </aside>
                <section class="results" id="results" node_ref=filters.results tabindex="-1" aria-labelledby="result-count" data-query=query_signal>
                    <ResultsBar filters=filters any_facet=show.any() ticked=active_facets count=count_text sort=sort on_sort=on_sort />
                    <FilterChips state=state go=go_to />
                    // What to do with the view: take it away, or see it as a table.
                    <div class="list-tools">
                        <ViewDownload members=members.clone() results=results generated_at=feed.feed.generated_at.clone() />
                        <ChoiceMenu class="sort layout-switch" label=|text| text.layout_label testid="layout" choices=&Layout::ALL value=Layout::as_str name=Strings::layout current=layout choose=on_layout />
                    </div>
                    // Above the list as it first is: stories are for arriving, not for searching.
                    <Show when=move || unfiltered.get()>
                        <div on:click=move |event| config_for_clicks.with_value(|config| crate::embed::open_in_host_overlay(config, event))>
                            <FeaturedStories featured=featured.clone() lang=lang link_suffix=list_suffix />
                        </div>
                    </Show>
                    <NewestNote members=members.clone() results=results sort=sort />
                    {(skipped > 0).then(|| view! { <p class="notice" data-testid="skipped-notice">{move || (strings(lang.get()).skipped_notice)(skipped)}</p> })}
                    {move || debug.get().then(|| view! { <FeedDiagnostics problems=problems.clone() ignored_filters=ignored_filters /> })}
                    // The grid stays in the page while a search finds nobody: its cards are reused
                    // when the next keystroke finds members again.
                    <Show when=move || results.read().is_empty()>
                        <EmptyResults state=state suggest=suggest go=go_to />
                    </Show>
                    <div class="card-grid-frame" on:click=move |event| config_for_clicks.with_value(|config| crate::embed::open_in_host_overlay(config, event))>
                        // Hidden, not dropped, in the table: its cards are there again at once.
                        <div class:hidden=table>
                            <CardGrid members=members.clone() results=results limit=limit query=query_signal link_suffix=list_suffix lang=lang first_render=paging.first_render generated_at=feed.feed.generated_at.clone() />
                        </div>
                        <Show when=move || table.get()>
                            <MemberTable members=members.clone() results=results limit=limit link_suffix=list_suffix lang=lang />
                        </Show>
                    </div>
                    <Show when=move || { results.read().len() > limit.get() }>
                        <button type="button" class="button show-more" data-testid="show-more" on:click=move |_| paging.show_more()>
                            {move || strings(lang.get()).show_more}
                        </button>
                    </Show>
                </section>
            </div>
        </div>
    }
}
