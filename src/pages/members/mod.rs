use browse::{Facets, FilterState, Layout, Sort};
use leptos::callback::UnsyncCallback;
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;

use crate::components::{
    CardGrid, ChoiceMenu, EmptyResults, FacetList, FacetSheet, FeaturedStories, FeedDiagnostics,
    FilterChips, FilterSheet, MemberTable, NewestNote, ViewDownload, FIRST_SCREEN_CARDS,
};
use crate::embed::use_embed;
use crate::i18n::{strings, use_lang, Strings};
use crate::list_state::{carried, list_path, use_known_filter_state, IndexedFeed, TYPING_PAUSE_MS};
use crate::loading::WithFeed;
use crate::router::{use_navigate, NavigateOptions};
use crate::scroll;

mod header;
mod results_bar;
mod search_box;

use header::ListHeader;
use results_bar::ResultsBar;
use search_box::SearchBox;

/// Cards rendered at first and added per "Show more": enough to fill two screens, few enough
/// that a keystroke at 50,000 members re-renders only this many.
pub const PAGE_SIZE: usize = 48;

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
    // What was typed in the search box and is not in the address bar yet. The list follows the
    // box at once and the address bar once typing pauses: writing history on every keystroke
    // costs the main thread more than filtering 10,000 members does.
    let unsaved_query = RwSignal::new(None::<String>);
    let state = Memo::new(move |_| {
        let mut state = url_state.get();
        if let Some(query) = unsaved_query.get() {
            state.query = query;
        }
        state
    });
    let save_timer = StoredValue::new(None::<TimeoutHandle>);
    let cancel_save = move || {
        if let Some(timer) = save_timer.get_value() {
            timer.clear();
            save_timer.set_value(None);
        }
    };
    // Any change of the address bar (ours, back/forward, a link) makes it the truth again.
    Effect::new(move |_| {
        url_state.track();
        if unsaved_query.read_untracked().is_some() {
            unsaved_query.set(None);
        }
    });
    on_cleanup(cancel_save);
    let navigate = use_navigate();
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
    let returning_limit = scroll::saved_limit(&list_path(&state.get_untracked()));
    let limit = RwSignal::new(returning_limit.unwrap_or(PAGE_SIZE));
    // A returning visitor's scroll position needs every card above it at once; a fresh visit
    // starts with what the static copy of the first screen showed.
    let first_render = if returning_limit.is_some() {
        usize::MAX
    } else {
        FIRST_SCREEN_CARDS
    };
    // A new filter starts from the top of the list.
    Effect::new(move |previous: Option<FilterState>| {
        let current = state.get();
        if previous.is_some_and(|previous| previous.without_display() != current.without_display())
            && limit.get_untracked() != PAGE_SIZE
        {
            limit.set(PAGE_SIZE);
        }
        current
    });
    scroll::restore_after_render(list_path(&state.get_untracked()));
    // Remember the place continuously: by the time a card's link is followed the list may be
    // gone, and browser back may come from anywhere.
    let scroll_listener = window_event_listener(leptos::ev::scroll, move |_| {
        scroll::save(&list_path(&state.get_untracked()), limit.get_untracked());
    });
    on_cleanup(move || scroll_listener.remove());

    let go = {
        let navigate = navigate.clone();
        move |next: FilterState, replace: bool| {
            cancel_save();
            navigate(
                &list_path(&next),
                NavigateOptions {
                    replace,
                    scroll: false,
                },
            );
        }
    };
    let update = {
        let go = go.clone();
        move |change: &dyn Fn(&mut FilterState)| {
            let mut next = state.get_untracked();
            change(&mut next);
            go(next, false);
        }
    };

    // A new list state from a control: a new history entry.
    let go_to = {
        let go = go.clone();
        UnsyncCallback::new(move |next: FilterState| go(next, false))
    };

    let facet_list = FacetList {
        state,
        facets,
        go: go_to,
    };

    // Typing replaces the current history entry (a search is refined, not a new place), late.
    let save_query = StoredValue::new_local({
        let go = go.clone();
        move || {
            if unsaved_query.read_untracked().is_some() {
                go(state.get_untracked(), true);
            }
        }
    });
    let on_search = UnsyncCallback::new(move |value: String| {
        unsaved_query.set(Some(value));
        cancel_save();
        let timer = set_timeout_with_handle(
            move || save_query.with_value(|save| save()),
            std::time::Duration::from_millis(TYPING_PAUSE_MS),
        );
        save_timer.set_value(timer.ok());
    });
    let on_leave_search = UnsyncCallback::new(move |()| save_query.with_value(|save| save()));
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

    let on_sort = {
        let update = update.clone();
        UnsyncCallback::new(move |sort: Sort| update(&move |s: &mut FilterState| s.sort = sort))
    };
    // What links to other binaries' pages keep. A memo: a keystroke changes the state, not
    // what links keep.
    let kept = Memo::new(move |_| carried(&state.read(), state.read().lang));
    let on_layout = {
        let update = update.clone();
        UnsyncCallback::new(move |layout: Layout| {
            update(&move |s: &mut FilterState| s.layout = layout)
        })
    };
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
                        <CardGrid members=members.clone() results=results limit=limit query=query_signal link_suffix=list_suffix lang=lang first_render=first_render generated_at=feed.feed.generated_at.clone() />
                    </div>
                    <Show when=move || table.get()>
                        <MemberTable members=members.clone() results=results limit=limit link_suffix=list_suffix lang=lang />
                    </Show>
                </div>
                <Show when=move || { results.read().len() > limit.get() }>
                    <button type="button" class="button show-more" data-testid="show-more" on:click=move |_| limit.update(|l| *l += PAGE_SIZE)>
                        {move || strings(lang.get()).show_more}
                    </button>
                </Show>
            </section>
        </div>
    }
}
