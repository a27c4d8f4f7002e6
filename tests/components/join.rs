//! The join form: messages once a field is left, a language switch in place, the draft kept.

use super::*;

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
    // Marked after the task that left it (a tap's click comes in that task).
    settle(0).await;
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
