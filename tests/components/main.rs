//! Components in a real browser (headless Chromium through wasm-bindgen-test-runner), one
//! module per area; the helpers they share are here. Run with
//! `cargo test -p karmada-showcase --target wasm32-unknown-unknown`; natively this compiles to
//! nothing.
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

mod cards;
mod documents;
mod feed_states;
mod join;
mod progressive;
mod router;
