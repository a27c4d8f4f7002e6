//! The feed's states: an error explained with a retry, the static first screen while it loads,
//! and its request aborted when the app goes away.

use super::*;

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
