//! The app's own router: in-app links change the view without loading a page; others are the
//! browser's.

use super::*;

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
/// the page's address and the app's base are put back when the returned guard goes, so a test
/// that mounts the app afterwards is not outside its base.
fn mount_router_with_links(links: &'static [TestLink]) -> (web_sys::HtmlElement, impl Drop) {
    use karmada_showcase::router::{use_location, use_route, Router};

    /// Puts the address and the base back, then unmounts the router (the last field, kept to
    /// be dropped).
    struct RestoreAddress(String, String, #[allow(dead_code)] Box<dyn std::any::Any>);
    impl Drop for RestoreAddress {
        fn drop(&mut self) {
            let _ = window().history().unwrap().replace_state_with_url(
                &JsValue::NULL,
                "",
                Some(&self.0),
            );
            karmada_showcase::router::set_base_path(self.1.clone());
        }
    }
    let address = window().location().href().unwrap();
    let base = karmada_showcase::router::list_base();
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
    (root, RestoreAddress(address, base, Box::new(handle)))
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
