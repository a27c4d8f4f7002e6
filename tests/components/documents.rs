//! An announcement's structured document: rendered as text, no script URLs, failed images taken out.

use super::*;

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
