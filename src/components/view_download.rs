use std::sync::Arc;

use leptos::prelude::*;
use members_feed::Member;

use crate::i18n::{strings, use_lang};

/// "Download this view": the members the list shows now (all of them, not only the cards
/// drawn so far), as CSV for a spreadsheet or as a feed of their own (JSON).
#[component]
pub fn ViewDownload(
    /// The feed's members.
    members: Arc<[Member]>,
    /// The positions of the members the list shows, in its order.
    results: Memo<Vec<usize>>,
    /// The feed's date, carried into the JSON.
    generated_at: String,
) -> impl IntoView {
    let lang = use_lang();
    let shown = move || -> Vec<Member> {
        results.with(|results| results.iter().map(|&at| members[at].clone()).collect())
    };
    let as_csv = {
        let shown = shown.clone();
        move |_| {
            save(
                "karmada-members.csv",
                "text/csv;charset=utf-8",
                &browse::export::to_csv(&shown()),
            )
        }
    };
    let as_json = move |_| {
        save(
            "karmada-members.json",
            "application/json",
            &browse::export::to_feed_json(&shown(), &generated_at),
        )
    };
    view! {
        <p class="view-download">
            {move || strings(lang.get()).download_view} " "
            <button type="button" class="link-button" data-testid="download-csv" on:click=as_csv>"CSV"</button>
            " · "
            <button type="button" class="link-button" data-testid="download-json" on:click=as_json>"JSON"</button>
        </p>
    }
}

/// Hands `text` to the browser as a file named `name`.
fn save(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(link) = document().create_element("a").ok().and_then(|element| {
        wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlAnchorElement>(element).ok()
    }) {
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
    // Not at once: some browsers (Firefox) still read the file after the click returns.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
}
