//! The progressive list: the first screen at once, the rest when the browser is idle, cards reused.

use super::*;

/// Waits out the idle batches (100 rounds at most) until `count()` is `all`, and asserts it.
async fn all_rendered_when_idle(count: &impl Fn() -> u32, all: u32) {
    for _ in 0..100 {
        if count() == all {
            break;
        }
        settle(20).await;
    }
    assert_eq!(count(), all);
}

/// Mounts `items` as a `<ul>` whose `<li>`s follow
/// [`progressive_count`](karmada_showcase::progressive::progressive_count) with batches of 12.
fn mount_progressive_list(
    root: &web_sys::HtmlElement,
    items: RwSignal<Vec<u32>>,
    first_render: usize,
    first_batch: impl Fn() -> usize + Send + Sync + 'static,
) -> leptos::mount::UnmountHandle<impl Mountable> {
    use karmada_showcase::progressive::progressive_count;
    leptos::mount::mount_to(root.clone(), move || {
        let list = Memo::new(move |_| items.get());
        let wanted = Signal::derive(move || list.read().len());
        let rendered = progressive_count(list, wanted, first_render, first_batch, 12);
        let visible = move || {
            list.read()
                .iter()
                .copied()
                .take(rendered.get())
                .collect::<Vec<_>>()
        };
        view! { <ul><For each=visible key=|n| *n let:n><li>{n}</li></For></ul> }
    })
}

#[wasm_bindgen_test]
async fn a_changed_list_renders_its_first_batch_at_once_and_the_rest_when_idle() {
    let root = container();
    let items = RwSignal::new((0..40).collect::<Vec<u32>>());
    // What the page would report on screen at the time of a change.
    let on_screen = Arc::new(AtomicUsize::new(5));
    let first_batch = {
        let on_screen = on_screen.clone();
        move || on_screen.load(Ordering::Relaxed)
    };
    let _handle = mount_progressive_list(&root, items, usize::MAX, first_batch);
    let count = || root.query_selector_all("li").unwrap().length();
    // The first render is whole: a returning visitor's scroll position needs every card.
    assert_eq!(count(), 40);

    items.set((100..140).collect());
    effects_only().await;
    // Only the first batch in the frame of the change, and those are the new list's first items.
    assert_eq!(count(), 5);
    assert_eq!(
        root.query_selector("li")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("100")
    );
    // The rest arrives in idle batches, after painted frames.
    all_rendered_when_idle(&count, 40).await;

    // A change while batches are pending starts over from the newest list's first batch, as
    // large as what is on screen at that change.
    items.set((200..240).collect());
    effects_only().await;
    on_screen.store(7, Ordering::Relaxed);
    items.set((300..340).collect());
    effects_only().await;
    assert_eq!(count(), 7);
    all_rendered_when_idle(&count, 40).await;
    let last = root.query_selector("li:last-child").unwrap().unwrap();
    assert_eq!(last.text_content().as_deref(), Some("339"));
}

#[wasm_bindgen_test]
async fn a_fresh_list_renders_its_first_screen_at_once_and_the_rest_when_idle() {
    let root = container();
    let items = RwSignal::new((0..40).collect::<Vec<u32>>());
    let _handle = mount_progressive_list(&root, items, 10, || 5);
    let count = || root.query_selector_all("li").unwrap().length();
    // The first screen in the first render, not the whole list.
    assert_eq!(count(), 10);
    all_rendered_when_idle(&count, 40).await;
    let last = root.query_selector("li:last-child").unwrap().unwrap();
    assert_eq!(last.text_content().as_deref(), Some("39"));
    // A change after that works as on any list: its first batch at once.
    items.set((100..140).collect());
    effects_only().await;
    assert_eq!(count(), 5);
}

#[wasm_bindgen_test]
async fn the_grid_reuses_its_cards_when_the_list_changes() {
    let root = container();
    let members = numbered_members(100);
    let shown = RwSignal::new((0..40).collect::<Vec<usize>>());
    let query = RwSignal::new(String::new());
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        let results = Memo::new(move |_| shown.get());
        view! {
            <CardGrid members=members.clone() results=results limit=48_usize query=query link_suffix=String::new() lang=Lang::En />
        }
    });
    let slots = || {
        let items = root.query_selector_all(".card-grid > li").unwrap();
        (0..items.length())
            .map(|i| items.item(i).unwrap().unchecked_into::<web_sys::Element>())
            .collect::<Vec<_>>()
    };
    let id_at = |slot: &web_sys::Element| {
        slot.query_selector("[data-member-id]")
            .unwrap()
            .unwrap()
            .get_attribute("data-member-id")
            .unwrap()
    };
    let visible = || {
        slots()
            .into_iter()
            .filter(|slot| !slot.class_list().contains("hidden"))
            .count()
    };
    // The first render is whole.
    let first = slots();
    assert_eq!(first.len(), 40);
    assert_eq!(id_at(&first[39]), "member-39");

    // The top of the grid on screen, and the browser's report of which cards are.
    first[0].scroll_into_view();
    settle(100).await;
    let viewport_height = window().inner_height().unwrap().as_f64().unwrap();
    // Edge-adjacent counts as on screen for an IntersectionObserver.
    let through_last_on_screen = 1 + first
        .iter()
        .rposition(|slot| {
            let rect = slot.get_bounding_client_rect();
            rect.top() <= viewport_height && rect.bottom() >= 0.0
        })
        .expect("the first card was scrolled into view");
    assert!(
        through_last_on_screen < 40,
        "the test needs cards below the screen"
    );

    // A new list: the same cards show the new members, those on screen at once, the rest when
    // idle.
    shown.set((50..90).collect());
    query.set("member".into());
    effects_only().await;
    let after = slots();
    assert_eq!(after.len(), 40);
    assert!(first
        .iter()
        .zip(&after)
        .all(|(before, now)| before.is_same_node(Some(now))));
    assert_eq!(id_at(&after[0]), "member-50");
    assert_eq!(
        id_at(&after[through_last_on_screen - 1]),
        format!("member-{}", 50 + through_last_on_screen - 1)
    );
    assert_eq!(
        id_at(&after[through_last_on_screen]),
        format!("member-{through_last_on_screen}"),
        "below the screen a card waits for its idle batch"
    );
    assert_eq!(after[0].query_selector_all("mark").unwrap().length(), 1);
    for _ in 0..100 {
        if id_at(&slots()[39]) == "member-89" {
            break;
        }
        settle(20).await;
    }
    assert_eq!(id_at(&slots()[39]), "member-89");
    assert_eq!(slots()[39].query_selector_all("mark").unwrap().length(), 1);

    // A shorter list hides the cards it does not need; a longer one brings them back.
    shown.set((0..5).collect());
    effects_only().await;
    assert_eq!(slots().len(), 40);
    assert_eq!(visible(), 5);
    shown.set(Vec::new());
    effects_only().await;
    assert!(root
        .query_selector(".card-grid")
        .unwrap()
        .unwrap()
        .class_list()
        .contains("hidden"));
    shown.set((60..100).collect());
    effects_only().await;
    for _ in 0..100 {
        if visible() == 40 {
            break;
        }
        settle(20).await;
    }
    assert_eq!(visible(), 40);
    assert_eq!(slots().len(), 40);
    assert_eq!(id_at(&slots()[39]), "member-99");
}
