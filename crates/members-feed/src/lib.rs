//! The Karmada members feed: the model every part of the showcase shares (the app, the feed
//! builder, the join form), the URL allow-list, and validation that keeps what it can and
//! reports the rest with JSON paths.

mod json;
pub mod model;
mod rules;
pub mod sentences;
mod tagged;
pub mod url;
pub mod validate;
mod write;

pub use model::*;
pub use rules::{is_invisible_format, is_iso_date, is_slug, slugify, MAX_ID_BYTES};
pub use url::{
    check_absolute_http_url, check_url, safe_href, title_misleads, UrlRejection, MAX_URL_BYTES,
};
pub use validate::{
    parse_feed, to_pretty_json, FeedError, FeedReader, Problem, Severity, ValidatedFeed,
    MAX_FEED_BYTES, MAX_USAGE_CHARS,
};

/// The JSON Schema of the feed, as published in `public/members.schema.json`.
#[cfg(feature = "schema")]
pub fn json_schema() -> String {
    let mut schema = schemars::schema_for!(Feed);
    schema.insert(
        "$id".into(),
        "https://karmada.io/adopters/members.schema.json".into(),
    );
    schema.insert("title".into(), "Karmada members feed".into());
    let mut text = serde_json::to_string_pretty(&schema).expect("schemas serialise");
    text.push('\n');
    text
}
