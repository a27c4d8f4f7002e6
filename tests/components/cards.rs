//! A member's card and the detail header: what they show, in which language, and that hostile
//! text stays text.

use super::*;

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
