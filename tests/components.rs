//! Components in a real browser (headless Chromium through wasm-bindgen-test-runner).
//! Run with `cargo test -p karmada-showcase --target wasm32-unknown-unknown`; natively this
//! file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use karmada_showcase::components::{
    CardContent, CardGrid, DocumentView, FeedErrorView, MemberCard,
};
use karmada_showcase::net::FetchError;
use leptos::prelude::*;
use members_feed::{Block, FeedError, Inline, Kind, Lang, Localized, Logo, Member};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element in the test page to mount into.
fn container() -> web_sys::HtmlElement {
    let document = document();
    let element = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&element).unwrap();
    element.unchecked_into()
}

/// Lets the browser run pending events (image errors, effects).
async fn settle(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Lets the effects a signal change queued run, and nothing else: microtasks only, so no frame
/// (and no requestAnimationFrame or idle callback) can come in between.
async fn effects_only() {
    for _ in 0..4 {
        leptos::task::tick().await;
    }
}

fn sample_member() -> Member {
    Member {
        id: "scatter-lab".into(),
        name: Localized {
            en: "Scatter Lab".into(),
            zh: None,
        },
        aliases: vec![],
        kinds: vec![Kind::Adopter, Kind::Vendor],
        website: "https://www.scatterlab.co.kr".into(),
        logo: None,
        industry: Some("ai".into()),
        country: Some("KR".into()),
        usage: Localized::en("Serves LLMs on GPUs spread over several clusters.".to_string()),
        joined: Some("2025-10-16".into()),
        announcement: None,
        case_studies: vec![],
        partner: None,
        featured: None,
    }
}

#[wasm_bindgen_test]
fn card_shows_name_kinds_facts_and_links_to_the_detail_view() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || {
        view! { <MemberCard content=CardContent::of(&sample_member(), Lang::En, "") href="/members/scatter-lab".to_string() query=String::new() /> }
    });
    let card = root
        .query_selector("[data-testid=member-card]")
        .unwrap()
        .expect("a card");
    assert_eq!(
        card.get_attribute("data-member-id").as_deref(),
        Some("scatter-lab")
    );
    let link = root.query_selector("a.card-link").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/members/scatter-lab")
    );
    assert_eq!(link.text_content().as_deref(), Some("Scatter Lab"));
    let badges: Vec<String> = (0..root.query_selector_all(".kind-badge").unwrap().length())
        .map(|i| {
            root.query_selector_all(".kind-badge")
                .unwrap()
                .item(i)
                .unwrap()
                .text_content()
                .unwrap()
        })
        .collect();
    assert_eq!(badges, ["Adopter", "Vendor"]);
    // No logo in the feed: a placeholder, which is not a logo, so screen readers skip it
    // (the name is the card's title).
    let monogram = root
        .query_selector("[data-testid=monogram]")
        .unwrap()
        .expect("monogram");
    assert_eq!(monogram.text_content().as_deref(), Some("SL"));
    assert_eq!(
        monogram.get_attribute("aria-hidden").as_deref(),
        Some("true")
    );
    assert_eq!(monogram.get_attribute("role"), None);
}

#[wasm_bindgen_test]
async fn card_highlights_the_search_as_text() {
    let root = container();
    let query = RwSignal::new(String::from("llm"));
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <MemberCard content=CardContent::of(&sample_member(), Lang::En, "") href="/members/scatter-lab".to_string() query=query /> }
    });
    let marks = root.query_selector_all("mark").unwrap();
    assert_eq!(marks.length(), 1);
    assert_eq!(
        marks.item(0).unwrap().text_content().as_deref(),
        Some("LLM")
    );
    query.set(String::new());
    settle(10).await;
    assert_eq!(root.query_selector_all("mark").unwrap().length(), 0);
}

#[wasm_bindgen_test]
async fn a_logo_that_fails_to_load_becomes_a_monogram() {
    let root = container();
    let mut member = sample_member();
    member.logo = Some(Logo {
        url: "/does-not-exist.png".into(),
        width: Some(6921),
        height: Some(970),
    });
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <MemberCard content=CardContent::of(&member, Lang::En, "") href="/x".to_string() query=String::new() /> }
    });
    let img = root
        .query_selector("img")
        .unwrap()
        .expect("the logo is tried first");
    assert_eq!(
        img.get_attribute("width").as_deref(),
        Some("6921"),
        "the box is reserved before the image arrives"
    );
    assert_eq!(img.get_attribute("loading").as_deref(), Some("lazy"));
    assert_eq!(img.get_attribute("class"), None, "no empty class attribute");
    // Lazy images outside the viewport may not load at all; this one is in the viewport.
    for _ in 0..50 {
        if root
            .query_selector("[data-testid=monogram]")
            .unwrap()
            .is_some()
        {
            break;
        }
        settle(50).await;
    }
    assert!(
        root.query_selector("[data-testid=monogram]")
            .unwrap()
            .is_some(),
        "monogram after the error"
    );
    assert!(root.query_selector("img").unwrap().is_none());
}

#[wasm_bindgen_test]
fn card_in_chinese_shows_the_chinese_name_with_english_beside_it() {
    let root = container();
    let mut member = sample_member();
    member.name.zh = Some("小红书".into());
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <MemberCard content=CardContent::of(&member, Lang::Zh, "") href="/x".to_string() query=String::new() /> }
    });
    assert_eq!(
        root.query_selector("a.card-link")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("小红书")
    );
    assert_eq!(
        root.query_selector(".card-subtitle")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Scatter Lab")
    );
    // Usage has no Chinese: English is shown rather than nothing.
    assert!(root
        .query_selector(".card-usage")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
        .contains("LLMs"));
}

#[wasm_bindgen_test]
fn error_state_explains_and_retries() {
    let root = container();
    let retries = Arc::new(AtomicUsize::new(0));
    let counter = retries.clone();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        let counter = counter.clone();
        view! {
            <FeedErrorView
                error=FetchError::Http { status: 404, status_text: "Not Found".into() }
                on_retry=move || {
                    counter.fetch_add(1, Ordering::SeqCst);
                }
            />
        }
    });
    let panel = root
        .query_selector("[data-testid=feed-error]")
        .unwrap()
        .expect("error panel");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    let message = root
        .query_selector("[data-testid=feed-error-message]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(message.contains("404"), "{message}");
    let retry: web_sys::HtmlElement = root
        .query_selector("[data-testid=retry]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    retry.click();
    retry.click();
    assert_eq!(retries.load(Ordering::SeqCst), 2);
}

#[wasm_bindgen_test]
fn error_state_names_a_version_it_does_not_know() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || {
        view! { <FeedErrorView error=FetchError::Feed(FeedError::UnsupportedVersion { found: "7".into() }) on_retry=|| {} /> }
    });
    let message = root
        .query_selector("[data-testid=feed-error-message]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(message.contains("version 7"), "{message}");
}

#[wasm_bindgen_test]
fn documents_render_as_text_and_never_carry_script_urls() {
    let root = container();
    let blocks = vec![
        Block::Heading {
            level: 2,
            content: vec![Inline::text("<img src=x onerror=alert(1)>")],
        },
        Block::Paragraph {
            content: vec![
                Inline::Link {
                    url: "javascript:alert(1)".into(),
                    content: vec![Inline::text("bad link")],
                },
                Inline::text(" and "),
                Inline::Link {
                    url: "https://karmada.io/".into(),
                    content: vec![Inline::text("good link")],
                },
            ],
        },
        Block::Image {
            url: " JaVaScRiPt:alert(1)".into(),
            alt: "x".into(),
            width: None,
            height: None,
        },
    ];
    let _handle = leptos::mount::mount_to(
        root.clone(),
        move || view! { <DocumentView blocks=blocks.clone() /> },
    );
    assert!(
        root.query_selector("h3 img").unwrap().is_none(),
        "markup in text stays text"
    );
    assert_eq!(
        root.query_selector("h3")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("<img src=x onerror=alert(1)>")
    );
    let links = root.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 1);
    let link: web_sys::Element = links.item(0).unwrap().unchecked_into();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://karmada.io/")
    );
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert!(root.text_content().unwrap().contains("bad link"));
    assert!(root.query_selector("img").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_document_image_that_fails_to_load_is_taken_out() {
    let root = container();
    let blocks = vec![Block::Image {
        url: "/no-such-logo.png".into(),
        alt: "member logo".into(),
        width: Some(120),
        height: Some(120),
    }];
    let _handle = leptos::mount::mount_to(
        root.clone(),
        move || view! { <DocumentView blocks=blocks.clone() /> },
    );
    let img = root
        .query_selector("img")
        .unwrap()
        .expect("the image is tried");
    assert_eq!(
        img.get_attribute("class").as_deref(),
        Some("document-image")
    );
    for _ in 0..50 {
        if root.query_selector("img").unwrap().is_none() {
            break;
        }
        settle(50).await;
    }
    assert!(
        root.query_selector("img").unwrap().is_none(),
        "taken out after the error"
    );
}

#[wasm_bindgen_test]
async fn a_new_list_query_updates_the_card_link_without_rebuilding_the_card() {
    let root = container();
    let href = RwSignal::new(String::from("/members/scatter-lab"));
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <MemberCard content=CardContent::of(&sample_member(), Lang::En, "") href=href query=String::new() /> }
    });
    let card = root
        .query_selector("[data-testid=member-card]")
        .unwrap()
        .unwrap();
    let link = || root.query_selector("a.card-link").unwrap().unwrap();
    assert_eq!(
        link().get_attribute("href").as_deref(),
        Some("/members/scatter-lab")
    );
    href.set(String::from("/members/scatter-lab?q=gpu"));
    settle(10).await;
    assert_eq!(
        link().get_attribute("href").as_deref(),
        Some("/members/scatter-lab?q=gpu")
    );
    let same_card = root
        .query_selector("[data-testid=member-card]")
        .unwrap()
        .unwrap();
    assert!(
        card.is_same_node(Some(&same_card)),
        "the card element was replaced"
    );
}

#[wasm_bindgen_test]
fn the_detail_header_shows_hostile_names_as_text_and_only_safe_links() {
    use karmada_showcase::components::MemberHeader;
    let root = container();
    let mut member = sample_member();
    member.name = Localized {
        en: "<img src=x onerror=alert(1)>Evil".into(),
        zh: Some("\u{202E}恶意".into()),
    };
    member.website = "javascript:alert(1)".into();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <MemberHeader member=member lang=Lang::En /> }
    });
    let title = root
        .query_selector("[data-testid=member-name]")
        .unwrap()
        .unwrap();
    assert_eq!(
        title.tag_name(),
        "H3",
        "outside a member page the name is not the page's h1"
    );
    assert_eq!(
        title.text_content().as_deref(),
        Some("<img src=x onerror=alert(1)>Evil")
    );
    assert!(root.query_selector("img[src=x]").unwrap().is_none());
    assert!(
        root.query_selector("[data-testid=website]")
            .unwrap()
            .is_none(),
        "a javascript: website is not linked"
    );
}

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

/// `count` members named `Member 0`, `Member 1`, …
fn numbered_members(count: usize) -> Arc<[Member]> {
    (0..count)
        .map(|n| {
            let mut member = sample_member();
            member.id = format!("member-{n}");
            member.name = Localized {
                en: format!("Member {n}"),
                zh: None,
            };
            member
        })
        .collect()
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

/// The build's static first screen, as `public/prerender.js` puts it in the page.
fn static_first_screen() -> web_sys::Element {
    let copy = document().create_element("div").unwrap();
    copy.set_id("prerendered");
    document().body().unwrap().append_child(&copy).unwrap();
    copy
}

#[wasm_bindgen_test]
async fn the_static_first_screen_stays_while_the_feed_loads_and_gives_way_to_the_page() {
    use karmada_showcase::list_state::IndexedFeed;
    use karmada_showcase::loading::{FeedContext, WithFeed};
    use karmada_showcase::net::LoadedFeed;
    use std::cell::RefCell;
    use std::rc::Rc;

    static_first_screen();
    let root = container();
    // The feed arrives when the test says so.
    let arrive: Rc<RefCell<Option<js_sys::Function>>> = Rc::default();
    let keep = arrive.clone();
    let arrival = js_sys::Promise::new(&mut |resolve, _| *keep.borrow_mut() = Some(resolve));
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        let feed = LocalResource::new(move || {
            let arrival = arrival.clone();
            async move {
                let _ = wasm_bindgen_futures::JsFuture::from(arrival).await;
                Ok(LoadedFeed {
                    generated_at: "2026-01-01T00:00:00Z".into(),
                    members: numbered_members(3),
                    problems: Arc::from([]),
                    stale: None,
                })
            }
        });
        provide_context(FeedContext::new(feed));
        view! {
            <WithFeed render=|loaded: IndexedFeed| view! { <p data-testid="page">{loaded.feed.members.len()}</p> } />
        }
    });
    let copy_present = || document().get_element_by_id("prerendered").is_some();
    let page_present = || root.query_selector("[data-testid=page]").unwrap().is_some();

    settle(100).await;
    assert!(copy_present(), "the copy stands in while the feed loads");
    assert!(!page_present());

    arrive
        .borrow()
        .as_ref()
        .unwrap()
        .call0(&JsValue::NULL)
        .unwrap();
    // Microtasks only, so no frame can come in between: at every step the copy or the page is
    // there, and the page arrives with the copy gone.
    for _ in 0..50 {
        assert!(copy_present() || page_present(), "a moment with neither");
        if page_present() {
            break;
        }
        leptos::task::tick().await;
    }
    assert!(
        page_present(),
        "the page is rendered without waiting for a frame"
    );
    assert!(!copy_present(), "the copy is gone once the page is there");
}

/// The join page in a router (it reads `?program=` and switches programs by navigating), in
/// the language `lang` says.
fn mount_join_page(lang: Signal<Lang>) -> (web_sys::HtmlElement, impl Drop) {
    use karmada_showcase::i18n::LangContext;
    use karmada_showcase::pages::JoinPage;
    use karmada_showcase::router::Router;

    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(LangContext(lang));
        view! {
            <Router>
                <JoinPage />
            </Router>
        }
    });
    (root, handle)
}

fn join_control(root: &web_sys::HtmlElement, id: &str) -> web_sys::HtmlInputElement {
    root.query_selector(&format!("#{id}"))
        .unwrap()
        .unwrap_or_else(|| panic!("no #{id}"))
        .unchecked_into()
}

/// What a visitor's typing does to a text field: a new value and an `input` event.
fn type_into(input: &web_sys::HtmlInputElement, value: &str) {
    input.set_value(value);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

fn label_of(root: &web_sys::HtmlElement, id: &str) -> String {
    root.query_selector(&format!("label[for={id}]"))
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
}

fn clear_join_drafts() {
    let storage = window().local_storage().unwrap().unwrap();
    for program in ["adopter", "individual", "partner"] {
        storage
            .remove_item(&format!("karmada-join-draft:v1:{program}"))
            .unwrap();
    }
}

#[wasm_bindgen_test]
async fn a_join_field_says_what_is_wrong_once_it_is_left_and_points_to_the_message() {
    clear_join_drafts();
    let (root, _handle) = mount_join_page(Signal::stored(Lang::En));
    settle(20).await;
    let website = join_control(&root, "website");
    let message = || {
        root.query_selector("#website-error")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert_eq!(
        website.get_attribute("aria-describedby").as_deref(),
        Some("website-help")
    );

    type_into(&website, "javascript:alert(1)");
    effects_only().await;
    assert_eq!(message(), "", "no error while the visitor is still typing");
    assert_eq!(website.get_attribute("aria-invalid"), None);

    website
        .dispatch_event(&web_sys::Event::new("blur").unwrap())
        .unwrap();
    effects_only().await;
    assert!(
        !message().is_empty(),
        "the error shows once the field is left"
    );
    assert_eq!(
        website.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        website.get_attribute("aria-describedby").as_deref(),
        Some("website-help website-error")
    );

    type_into(&website, "https://robotics.example.com/");
    effects_only().await;
    assert_eq!(message(), "", "a fixed value clears the error at once");
    assert_eq!(website.get_attribute("aria-invalid"), None);
    assert_eq!(
        website.get_attribute("aria-describedby").as_deref(),
        Some("website-help")
    );
    clear_join_drafts();
}

#[wasm_bindgen_test]
async fn the_join_form_changes_language_in_place_and_keeps_what_was_typed() {
    clear_join_drafts();
    let lang = RwSignal::new(Lang::En);
    let (root, _handle) = mount_join_page(lang.into());
    settle(20).await;
    let preview_card = || {
        root.query_selector("[data-testid=join-preview] [data-testid=member-card]")
            .unwrap()
    };
    assert!(preview_card().is_none(), "no card without a name");
    assert!(root
        .query_selector("[data-testid=join-preview-empty]")
        .unwrap()
        .is_some());
    type_into(&join_control(&root, "org-name"), "Example Robotics");
    effects_only().await;
    assert!(label_of(&root, "org-name").starts_with("Organisation name"));

    lang.set(Lang::Zh);
    effects_only().await;
    assert!(
        label_of(&root, "org-name").starts_with("组织名称"),
        "{}",
        label_of(&root, "org-name")
    );
    assert_eq!(join_control(&root, "org-name").value(), "Example Robotics");
    let card = preview_card().expect("the name is enough for a card");
    let card_text = card.text_content().unwrap();
    assert!(card_text.contains("Example Robotics"), "{card_text}");
    assert!(
        card_text.contains("采用者"),
        "the preview speaks the page's language: {card_text}"
    );
    clear_join_drafts();
}

#[wasm_bindgen_test]
async fn a_join_draft_is_kept_in_this_browser_until_it_is_cleared() {
    clear_join_drafts();
    let storage = window().local_storage().unwrap().unwrap();
    let key = "karmada-join-draft:v1:adopter";
    {
        let (root, _handle) = mount_join_page(Signal::stored(Lang::En));
        settle(20).await;
        type_into(&join_control(&root, "org-name"), "Example Robotics");
        effects_only().await;
        let saved = storage.get_item(key).unwrap().expect("the draft is saved");
        assert!(saved.contains("Example Robotics"), "{saved}");
        root.remove();
    }

    // The next visit starts from the draft.
    let (root, _handle) = mount_join_page(Signal::stored(Lang::En));
    settle(20).await;
    assert_eq!(join_control(&root, "org-name").value(), "Example Robotics");

    root.query_selector("[data-testid=join-clear-draft]")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    effects_only().await;
    assert_eq!(join_control(&root, "org-name").value(), "");
    assert_eq!(
        storage.get_item(key).unwrap(),
        None,
        "the draft is forgotten"
    );
}

/// Replaces `window.fetch` with one that never answers and keeps the `AbortSignal` of every
/// request it is given, so a test can see what the app does with a request in flight.
/// `window.__restoreFetch()` puts the real one back.
fn hold_every_fetch() {
    js_sys::Function::new_no_args(
        "const real = window.fetch;
         window.__heldSignals = [];
         window.fetch = (input, init) => {
           window.__heldSignals.push((init && init.signal) || (input instanceof Request ? input.signal : null));
           return new Promise(() => {});
         };
         window.__restoreFetch = () => { window.fetch = real; };",
    )
    .call0(&JsValue::NULL)
    .unwrap();
}

/// Whether each request `hold_every_fetch` has held so far was aborted, oldest first.
fn held_requests_aborted() -> Vec<bool> {
    js_sys::Function::new_no_args(
        "return window.__heldSignals.map((signal) => signal != null && signal.aborted);",
    )
    .call0(&JsValue::NULL)
    .map(|list| {
        js_sys::Array::from(&list)
            .iter()
            .map(|aborted| aborted.as_bool() == Some(true))
            .collect()
    })
    .unwrap_or_default()
}

fn restore_fetch() {
    let _ = js_sys::Function::new_no_args("window.__restoreFetch()").call0(&JsValue::NULL);
}

#[wasm_bindgen_test]
async fn the_feed_request_in_flight_is_aborted_when_the_app_goes_away() {
    hold_every_fetch();
    let root = container();
    let config = karmada_showcase::embed::EmbedConfig {
        feed_url: Some("held-feed.json".into()),
        ..Default::default()
    };
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <karmada_showcase::App binary=karmada_showcase::app::LIST config=config.clone() /> }
    });
    settle(50).await;
    let while_mounted = held_requests_aborted();
    let loading = root
        .query_selector("[data-testid=loading]")
        .unwrap()
        .is_some();
    drop(handle);
    settle(0).await;
    let after_unmount = held_requests_aborted();
    restore_fetch();
    root.remove();

    assert!(loading, "the app waits for the held feed");
    assert_eq!(while_mounted, [false], "one request, in flight");
    assert_eq!(after_unmount, [true], "the request is aborted with the app");
}

/// What a click on `anchor` did: whether the app's router took it (and kept the page), or
/// left it to the browser. A listener after the router's records that and keeps the test page
/// where it is either way.
fn click_and_report(anchor: &web_sys::HtmlElement, init: &web_sys::MouseEventInit) -> bool {
    let taken = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let seen = taken.clone();
    let listener = window_event_listener(leptos::ev::click, move |event| {
        seen.store(event.default_prevented(), Ordering::SeqCst);
        event.prevent_default();
    });
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_composed(true);
    let event = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", init).unwrap();
    anchor.dispatch_event(&event).unwrap();
    listener.remove();
    taken.load(Ordering::SeqCst)
}

const TEST_BASE: &str = "/showcase-test";

/// A link to put in the page: its test id, `href` and other attributes.
type TestLink = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

/// A router showing its route and query, with links to click (`/…` ones below the app's base);
/// the page's address is put back when the returned guard goes.
fn mount_router_with_links(links: &'static [TestLink]) -> (web_sys::HtmlElement, impl Drop) {
    use karmada_showcase::router::{use_location, use_route, Router};

    /// Puts the address back, then unmounts the router (the second field, kept to be dropped).
    struct RestoreAddress(String, #[allow(dead_code)] Box<dyn std::any::Any>);
    impl Drop for RestoreAddress {
        fn drop(&mut self) {
            let _ = window().history().unwrap().replace_state_with_url(
                &JsValue::NULL,
                "",
                Some(&self.0),
            );
        }
    }
    let address = window().location().href().unwrap();
    // A base of their own: the test page has no `<base>`, so the app's base would otherwise
    // be the page's address, which earlier tests move.
    karmada_showcase::router::set_base_path(TEST_BASE.into());
    assert_eq!(karmada_showcase::router::base_path(), TEST_BASE);
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&format!("{TEST_BASE}/")))
        .unwrap();
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <Router>
                {move || {
                    let location = use_location();
                    let route = use_route();
                    view! {
                        <p data-testid="route">{move || format!("{:?}", route.get())}</p>
                        <p data-testid="search">{move || location.search.get()}</p>
                    }
                }}
            </Router>
        }
    });
    for (testid, href, attributes) in links {
        let anchor = document().create_element("a").unwrap();
        // In-app paths go under the app's base, which on the test page is the page's path.
        let href = if href.starts_with('/') {
            format!("{TEST_BASE}{href}")
        } else {
            href.to_string()
        };
        anchor.set_attribute("href", &href).unwrap();
        anchor.set_attribute("data-testid", testid).unwrap();
        anchor.set_text_content(Some(testid));
        for (name, value) in attributes.iter() {
            anchor.set_attribute(name, value).unwrap();
        }
        root.append_child(&anchor).unwrap();
    }
    (root, RestoreAddress(address, Box::new(handle)))
}

fn by_testid(root: &web_sys::HtmlElement, testid: &str) -> web_sys::HtmlElement {
    root.query_selector(&format!("[data-testid={testid}]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no [data-testid={testid}]"))
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn an_in_app_link_changes_the_view_and_the_address_without_loading_a_page() {
    let (root, _guard) = mount_router_with_links(&[
        ("member", "/members/caf%C3%A9?lang=zh", &[]),
        ("join", "/join?program=partner", &[]),
    ]);
    effects_only().await;
    let history = window().history().unwrap();
    let entries = history.length().unwrap();

    assert!(click_and_report(
        &by_testid(&root, "member"),
        &web_sys::MouseEventInit::new()
    ));
    effects_only().await;
    assert_eq!(
        window().location().pathname().unwrap(),
        format!("{TEST_BASE}/members/caf%C3%A9")
    );
    assert_eq!(
        by_testid(&root, "route").text_content().unwrap(),
        "Member(\"café\")"
    );
    assert_eq!(
        by_testid(&root, "search").text_content().unwrap(),
        "lang=zh"
    );
    assert_eq!(
        history.length().unwrap(),
        entries + 1,
        "a history entry per view"
    );

    assert!(click_and_report(
        &by_testid(&root, "join"),
        &web_sys::MouseEventInit::new()
    ));
    effects_only().await;
    assert_eq!(by_testid(&root, "route").text_content().unwrap(), "Join");
    assert_eq!(
        by_testid(&root, "search").text_content().unwrap(),
        "program=partner"
    );

    // Back: the browser changes the address and says so with `popstate`.
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&format!("{TEST_BASE}/members/x")))
        .unwrap();
    window()
        .dispatch_event(&web_sys::Event::new("popstate").unwrap())
        .unwrap();
    effects_only().await;
    assert_eq!(
        by_testid(&root, "route").text_content().unwrap(),
        "Member(\"x\")"
    );
    assert_eq!(by_testid(&root, "search").text_content().unwrap(), "");
}

#[wasm_bindgen_test]
async fn links_for_the_browser_are_left_to_it() {
    let (root, _guard) = mount_router_with_links(&[
        ("new-tab", "/members/a", &[("target", "_blank")]),
        ("download", "/members.json", &[("download", "")]),
        ("external", "/members/a", &[("rel", "noopener external")]),
        (
            "other-site",
            "https://karmada.io/showcase-test/members/a",
            &[],
        ),
        ("outside-the-app", "../blog/members/a", &[]),
        ("in-page", "#main-content", &[]),
        ("plain", "/members/a", &[]),
    ]);
    effects_only().await;
    let plain = web_sys::MouseEventInit::new();
    for testid in [
        "new-tab",
        "download",
        "external",
        "other-site",
        "outside-the-app",
        "in-page",
    ] {
        assert!(
            !click_and_report(&by_testid(&root, testid), &plain),
            "{testid} is the browser's"
        );
    }
    let with_ctrl = web_sys::MouseEventInit::new();
    with_ctrl.set_ctrl_key(true);
    let middle = web_sys::MouseEventInit::new();
    middle.set_button(1);
    for (what, init) in [("ctrl-click", &with_ctrl), ("middle click", &middle)] {
        assert!(
            !click_and_report(&by_testid(&root, "plain"), init),
            "a {what} opens a tab"
        );
    }
    effects_only().await;
    assert_eq!(by_testid(&root, "route").text_content().unwrap(), "Members");
    // The same link, plainly clicked, is the app's: the checks above could have failed.
    assert!(click_and_report(&by_testid(&root, "plain"), &plain));
    effects_only().await;
    assert_eq!(
        by_testid(&root, "route").text_content().unwrap(),
        "Member(\"a\")"
    );
}
