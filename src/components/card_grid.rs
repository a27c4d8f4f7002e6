//! The grid of member cards. Cards are slots: the card at a position stays in the page and is
//! given the member now at that position, so a keystroke updates the text of a screenful of
//! cards instead of building new cards and tearing down the old ones, and the browser neither
//! builds nor drops their boxes. Both cost most of a keystroke at 10,000 members.
//!
//! After a change only the cards from the top through the last one on screen are brought up to
//! date in the frame of the change (see [`OnScreenSlots`]); the cards below them follow in idle
//! batches (see [`progressive_count`]), and until then they are the cards they were. They are
//! off screen, so nobody sees the wait. Slots past the end of a shorter list are hidden, not
//! removed, and come back when the list grows again.
//!
//! One effect hands out members to slots and sets a slot's signals only when what it shows
//! changes: a keystroke then reaches the cards that change, not every card in the page.

use std::sync::Arc;

use leptos::prelude::*;
use members_feed::{Lang, Member};

use crate::components::{CardContent, MemberCard};
use crate::list_state::member_href;
use crate::on_screen::OnScreenSlots;
use crate::progressive::progressive_count;

/// Cards per idle batch after a change, and the cards a change updates in its own frame while
/// the browser has not reported any card on screen: about a screenful on a laptop.
pub const CARDS_PER_BATCH: usize = 12;

/// The cards a fresh list page builds before its first paint, and so the cards of the build's
/// static copy of the first screen (`static_pages`, which renders that first render): the app
/// takes the copy's place card for card and builds the rest when idle.
pub const FIRST_SCREEN_CARDS: usize = 24;

/// What a card reflects besides its member: the search it highlights, and the list's query
/// that its link carries so that "back" from the detail view restores the list.
#[derive(Clone, Debug, Default, PartialEq)]
struct ListContext {
    query: String,
    link_suffix: String,
}

/// The signals one card reads.
#[derive(Clone)]
struct SlotSignals {
    visible: ArcRwSignal<bool>,
    content: ArcRwSignal<CardContent>,
    context: ArcRwSignal<ListContext>,
}

/// A slot and what its signals hold now.
struct Slot {
    signals: SlotSignals,
    /// The member and language `content` was made for.
    content_of: (usize, Lang),
}

/// The cards of `results`, in order, up to `limit`. The first render builds `first_render`
/// cards and the rest in idle time; after a change, the cards through the last one on screen
/// change in the frame of the change and the rest in idle time.
#[component]
pub fn CardGrid(
    /// All members of the feed; `results` points into it.
    members: Arc<[Member]>,
    /// Positions in `members` to show, in display order.
    results: Memo<Vec<usize>>,
    /// The most cards to show ("Show more" raises it).
    #[prop(into)]
    limit: Signal<usize>,
    /// The current search, highlighted in the cards.
    #[prop(into)]
    query: Signal<String>,
    /// The list's query string (`?q=…` or empty) for the cards' links.
    #[prop(into)]
    link_suffix: Signal<String>,
    /// Page language.
    #[prop(into)]
    lang: Signal<Lang>,
    /// Cards the first render builds ([`FIRST_SCREEN_CARDS`] on a fresh visit); all of them
    /// by default, as a returning visitor's scroll position needs every card above it.
    #[prop(default = usize::MAX)]
    first_render: usize,
    /// The feed's date (`generatedAt`): members who joined in the 90 days before it are marked
    /// new. Empty: none is.
    #[prop(optional, into)]
    generated_at: String,
) -> impl IntoView {
    let wanted = Memo::new(move |_| results.read().len().min(limit.get()));
    let context = Memo::new(move |_| ListContext {
        query: query.get(),
        link_suffix: link_suffix.get(),
    });
    // Anything that changes what a card shows starts a new round of updates.
    let changes = Memo::new(move |round: Option<&u64>| {
        results.with(|_| ());
        context.with(|_| ());
        lang.with(|_| ());
        round.map_or(0, |round| round + 1)
    });
    let on_screen = OnScreenSlots::start();
    let first_batch = move || on_screen.through_last().unwrap_or(CARDS_PER_BATCH);
    let fresh = progressive_count(
        changes,
        wanted.into(),
        first_render,
        first_batch,
        CARDS_PER_BATCH,
    );
    let slot_count = RwSignal::new(0_usize);
    let slots = StoredValue::new_local(Vec::<Slot>::new());

    let assign = move || {
        let (wanted, fresh, lang, limit) = (wanted.get(), fresh.get(), lang.get(), limit.get());
        let context = context.get();
        results.with(|results| {
            slots.update_value(|slots| {
                // "Show more" and back again: a new filter starts from one page.
                slots.truncate(limit);
                for (position, &member) in results.iter().enumerate().take(wanted.min(fresh)) {
                    match slots.get_mut(position) {
                        Some(slot) => slot.show(&members, member, lang, &context, &generated_at),
                        None => slots.push(Slot::new(
                            &members[member],
                            member,
                            lang,
                            &context,
                            &generated_at,
                        )),
                    }
                }
                for slot in slots.iter().skip(wanted) {
                    slot.hide();
                }
                if slot_count.get_untracked() != slots.len() {
                    slot_count.set(slots.len());
                }
            })
        });
    };
    // The first render happens here and now, so it is whole when the page is first drawn.
    untrack(&assign);
    Effect::new(move |_| assign());

    view! {
        <ul class="card-grid" data-testid="card-grid" class:hidden=move || wanted.get() == 0>
            <For each=move || 0..slot_count.get() key=|position| *position let:position>
                {
                    let signals = slots.with_value(|slots| slots.get(position).map(|slot| slot.signals.clone()));
                    signals.map(|signals| view! { <CardSlot signals=signals position=position on_screen=on_screen /> })
                }
            </For>
        </ul>
    }
}

impl Slot {
    fn new(
        member: &Member,
        index: usize,
        lang: Lang,
        context: &ListContext,
        generated_at: &str,
    ) -> Slot {
        Slot {
            signals: SlotSignals {
                visible: ArcRwSignal::new(true),
                content: ArcRwSignal::new(CardContent::of(member, lang, generated_at)),
                context: ArcRwSignal::new(context.clone()),
            },
            content_of: (index, lang),
        }
    }

    /// Shows `members[member]` in `context`, setting only the signals whose value changes.
    fn show(
        &mut self,
        members: &[Member],
        member: usize,
        lang: Lang,
        context: &ListContext,
        generated_at: &str,
    ) {
        let signals = &self.signals;
        if self.content_of != (member, lang) {
            self.content_of = (member, lang);
            signals
                .content
                .set(CardContent::of(&members[member], lang, generated_at));
        }
        if signals.context.with_untracked(|shown| shown != context) {
            signals.context.set(context.clone());
        }
        if !signals.visible.get_untracked() {
            signals.visible.set(true);
        }
    }

    fn hide(&self) {
        if self.signals.visible.get_untracked() {
            self.signals.visible.set(false);
        }
    }
}

/// The card in one slot of the grid; hidden while the slot has no member.
#[component]
fn CardSlot(
    /// What the slot shows.
    signals: SlotSignals,
    /// The slot's place in the grid, from 0.
    position: usize,
    /// Told when the slot comes on screen or leaves it.
    on_screen: OnScreenSlots,
) -> impl IntoView {
    let slot = NodeRef::<leptos::html::Li>::new();
    Effect::new(move |_| {
        if let Some(slot) = slot.get() {
            on_screen.observe(&slot, position);
        }
    });
    let SlotSignals {
        visible,
        content,
        context,
    } = signals;
    let query = {
        let context = context.clone();
        Signal::derive(move || context.with(|context| context.query.clone()))
    };
    let content: Signal<CardContent> = content.into();
    let href = Signal::derive(move || {
        let id = content.with(|content| content.id.clone());
        context.with(|context| member_href(&id, &context.link_suffix))
    });
    view! {
        <li node_ref=slot class:hidden=move || !visible.get()>
            <MemberCard content=content href=href query=query />
        </li>
    }
}
