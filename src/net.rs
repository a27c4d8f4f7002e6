//! The one module that talks to the network. It returns model types and typed errors; the
//! views decide how to word them.

use std::sync::Arc;

use gloo_net::http::Request;
use members_feed::{parse_feed, FeedError, FeedReader, Member, Problem, ValidatedFeed};
use web_sys::AbortSignal;

/// The feed's file name in the bundle, beside the app's files.
pub const FEED_FILE: &str = "members.json";
/// Why the feed could not be shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// The request never got an HTTP answer: offline, DNS, CORS refusal, redirect to a
    /// forbidden origin (the browser reports all of these the same way).
    #[error("the feed could not be reached: {0}")]
    Network(String),
    #[error("the server answered {status} {status_text}")]
    Http { status: u16, status_text: String },
    /// The feed address answered with a redirect. Feeds are fetched without following
    /// redirects, so that a compromised or misconfigured host cannot send the page elsewhere.
    #[error("the feed address redirects elsewhere")]
    Redirected,
    /// The server answered with something that is not JSON (a login page, an error page).
    #[error("the server sent {0} instead of JSON")]
    WrongContentType(String),
    /// The body stopped before its end (connection cut mid-transfer).
    #[error("the feed download was cut off: {0}")]
    Truncated(String),
    #[error(transparent)]
    Feed(#[from] FeedError),
    /// The view went away before the feed arrived.
    #[error("the request was cancelled")]
    Aborted,
}

/// A feed ready for the views: validated members behind an `Arc`, so that every view and
/// every card shares one copy.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedFeed {
    pub generated_at: String,
    pub members: Arc<[Member]>,
    pub problems: Arc<[Problem]>,
    /// Set when the download failed and this is the last good copy kept by the browser: why the
    /// download failed, and when the copy was saved (ISO date).
    pub stale: Option<(FetchError, String)>,
}

impl From<ValidatedFeed> for LoadedFeed {
    fn from(feed: ValidatedFeed) -> Self {
        LoadedFeed {
            generated_at: feed.generated_at,
            members: feed.members.into(),
            problems: feed.problems.into(),
            stale: None,
        }
    }
}

impl LoadedFeed {
    pub fn member(&self, id: &str) -> Option<&Member> {
        self.members.iter().find(|member| member.id == id)
    }
}

/// Copies larger than this are not kept: browsers give a site about 5 MB of localStorage,
/// which the join form's drafts share.
const CACHE_LIMIT_BYTES: usize = 1024 * 1024;

/// What every feed copy's key starts with.
// `cargo xtask dist` looks for it to tell a binary that reads the feed (xtask FEED_READER).
const CACHE_PREFIX: &str = "karmada-showcase:feed:";

/// The key of the copy of the feed at `absolute` (already resolved against the page): one per
/// feed however its address was spelled (`members.json`, `./members.json`, `members.json#x`).
fn cache_key_of(absolute: &str) -> String {
    let address = absolute.split('#').next().unwrap_or_default();
    let address = address.strip_suffix('?').unwrap_or(address);
    format!("{CACHE_PREFIX}{address}")
}

fn cache_key(url: &str) -> String {
    let base = leptos::prelude::document()
        .base_uri()
        .ok()
        .flatten()
        .unwrap_or_default();
    let absolute = web_sys::Url::new_with_base(url, &base)
        .map(|url| url.href())
        .unwrap_or_else(|_| url.to_string());
    cache_key_of(&absolute)
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}

/// Keeps `text` as the one feed copy: copies of other feeds (or of this one under an older
/// spelling) go first, so the copies never grow past one.
fn save_copy(url: &str, text: &str) {
    let Some(storage) = storage() else {
        return;
    };
    let key = cache_key(url);
    let others: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|other| other.starts_with(CACHE_PREFIX) && *other != key)
        .collect();
    for other in others {
        let _ = storage.remove_item(&other);
    }
    if text.len() <= CACHE_LIMIT_BYTES {
        // Quota errors only mean there will be no copy to fall back on.
        let _ = storage.set_item(&key, &format!("{}\n{text}", today()));
    } else {
        let _ = storage.remove_item(&key);
    }
}

fn saved_copy(url: &str) -> Option<(String, String)> {
    let stored = storage()?.get_item(&cache_key(url)).ok()??;
    let (date, text) = stored.split_once('\n')?;
    Some((date.to_string(), text.to_string()))
}

fn is_json_content_type(value: &str) -> bool {
    let essence = value
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json" || essence == "text/json" || essence.ends_with("+json")
}

/// Downloads and validates the feed at `url`; when that fails and the browser kept a good copy
/// from an earlier visit, returns the copy marked [`LoadedFeed::stale`] instead of the error.
pub async fn load_feed(url: &str, signal: Option<&AbortSignal>) -> Result<LoadedFeed, FetchError> {
    match download(url, signal).await {
        Ok((text, feed)) => {
            save_copy(url, &text);
            Ok(feed)
        }
        Err(FetchError::Aborted) => Err(FetchError::Aborted),
        Err(error) => {
            match saved_copy(url).and_then(|(date, text)| Some((date, parse_feed(&text).ok()?))) {
                Some((date, copy)) => Ok(LoadedFeed {
                    stale: Some((error, date)),
                    ..copy.into()
                }),
                None => Err(error),
            }
        }
    }
}

/// Downloads and validates the feed at `url`. `signal` aborts the request when the view that
/// asked for it is gone.
pub async fn fetch_feed(url: &str, signal: Option<&AbortSignal>) -> Result<LoadedFeed, FetchError> {
    download(url, signal).await.map(|(_, feed)| feed)
}

/// What the browser said of a failed request. Only its two text variants are read: the
/// error's own `Display` would link serde_json's error messages (and std's I/O error names)
/// into the wasm for a variant that a request without a JSON body never returns.
fn network_error_text(error: gloo_net::Error) -> String {
    match error {
        gloo_net::Error::JsError(error) => error.to_string(),
        gloo_net::Error::GlooError(text) => text,
        #[allow(unreachable_patterns)]
        _ => String::new(),
    }
}

async fn download(
    url: &str,
    signal: Option<&AbortSignal>,
) -> Result<(String, LoadedFeed), FetchError> {
    let response = Request::get(url)
        .redirect(web_sys::RequestRedirect::Manual)
        .abort_signal(signal)
        .send()
        .await
        .map_err(|error| {
            if signal.is_some_and(|signal| signal.aborted()) {
                FetchError::Aborted
            } else {
                FetchError::Network(network_error_text(error))
            }
        })?;
    if response.type_() == web_sys::ResponseType::Opaqueredirect
        || (300..400).contains(&response.status())
    {
        return Err(FetchError::Redirected);
    }
    if !response.ok() {
        return Err(FetchError::Http {
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    if let Some(content_type) = response.headers().get("content-type") {
        if !is_json_content_type(&content_type) {
            return Err(FetchError::WrongContentType(
                content_type.chars().take(60).collect(),
            ));
        }
    }
    // A feed larger than the reader accepts is refused before its body is read, when the
    // server says its size: a 600 MB answer would otherwise be downloaded whole first.
    if let Some(size) = response
        .headers()
        .get("content-length")
        .and_then(|length| length.trim().parse::<usize>().ok())
        .filter(|&size| size > members_feed::MAX_FEED_BYTES)
    {
        // Nor downloaded on in the background.
        if let Some(body) = response.body() {
            let _ = body.cancel();
        }
        return Err(FeedError::TooLarge {
            size,
            limit: members_feed::MAX_FEED_BYTES,
        }
        .into());
    }
    let text = response.text().await.map_err(|error| {
        if signal.is_some_and(|signal| signal.aborted()) {
            FetchError::Aborted
        } else {
            FetchError::Truncated(network_error_text(error))
        }
    })?;
    let feed = read_in_steps(&text, signal).await?.into();
    Ok((text, feed))
}

/// How long validation may hold the main thread before the browser gets a turn to paint and
/// handle input (half a frame).
const STEP_BUDGET_MS: f64 = 8.0;
const MEMBERS_PER_CHECK: usize = 64;

/// Validates the feed in slices of about [`STEP_BUDGET_MS`], giving the browser a turn in
/// between: a feed of tens of thousands of members (or megabyte strings) takes seconds to
/// validate, and the tab must stay responsive meanwhile.
async fn read_in_steps(
    text: &str,
    signal: Option<&AbortSignal>,
) -> Result<ValidatedFeed, FetchError> {
    let mut reader = FeedReader::new(text)?;
    let mut slice_start = js_sys::Date::now();
    while !reader.read(MEMBERS_PER_CHECK) {
        if js_sys::Date::now() - slice_start >= STEP_BUDGET_MS {
            next_task().await;
            if signal.is_some_and(|signal| signal.aborted()) {
                return Err(FetchError::Aborted);
            }
            slice_start = js_sys::Date::now();
        }
    }
    Ok(reader.finish())
}

/// Resolves in a later task (after the browser has had a chance to render and run input).
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let scheduled = web_sys::window().and_then(|window| {
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .ok()
        });
        if scheduled.is_none() {
            // No window (a worker): carry on at once rather than hang.
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[cfg(test)]
mod tests {
    use super::cache_key_of;

    #[test]
    fn one_key_per_feed_however_spelled() {
        let key = cache_key_of("https://karmada.io/adopters/members.json");
        assert_eq!(
            key,
            "karmada-showcase:feed:https://karmada.io/adopters/members.json"
        );
        for spelling in [
            "https://karmada.io/adopters/members.json#x",
            "https://karmada.io/adopters/members.json?",
            "https://karmada.io/adopters/members.json?#top",
        ] {
            assert_eq!(cache_key_of(spelling), key, "{spelling}");
        }
        assert_ne!(cache_key_of("https://karmada.io/other/members.json"), key);
    }
}
