use leptos::prelude::*;
use members_feed::{FeedError, Lang};

use crate::i18n::{strings, use_lang};
use crate::net::FetchError;

/// What went wrong, in words a visitor understands, in the page language.
pub fn describe(error: &FetchError, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match error {
        FetchError::Network(_) if zh => "无法连接到服务器。请检查网络连接后重试。".into(),
        FetchError::Network(_) => "The members list could not be reached (offline, or blocked by the browser). Check your connection and try again.".into(),
        FetchError::Http { status: 404, .. } if zh => "找不到成员数据（HTTP 404）。".into(),
        FetchError::Http { status: 404, .. } => "The members list was not found on the server (HTTP 404).".into(),
        FetchError::Http { status, .. } if zh => format!("服务器出错（HTTP {status}），请稍后重试。"),
        FetchError::Http { status, .. } => format!("The server had a problem (HTTP {status}). Please try again in a moment."),
        FetchError::Redirected if zh => "成员数据地址被重定向到其他位置，已拒绝。".into(),
        FetchError::Redirected => "The members list address redirects somewhere else; the page does not follow feed redirects.".into(),
        FetchError::WrongContentType(found) if zh => format!("服务器返回的是 {found}，而不是成员数据（JSON）。"),
        FetchError::WrongContentType(found) => format!("The server sent {found} instead of the members list (JSON)."),
        FetchError::Truncated(_) if zh => "下载中断，数据不完整。".into(),
        FetchError::Truncated(_) => "The download was cut off before the end.".into(),
        FetchError::Feed(FeedError::NotJson(_)) if zh => "服务器返回的不是成员数据（不是有效的 JSON）。".into(),
        FetchError::Feed(FeedError::NotJson(_)) => "The server sent something that is not a members list (not valid JSON).".into(),
        FetchError::Feed(FeedError::UnsupportedVersion { found }) if zh => {
            format!("成员数据的格式版本 {found} 不受此页面支持。")
        }
        FetchError::Feed(FeedError::UnsupportedVersion { found }) => {
            format!("The members list uses format version {found}, which this page does not understand. Reload to get the newest page.")
        }
        FetchError::Feed(FeedError::NotAFeed(_)) if zh => "服务器返回的 JSON 不是成员数据。".into(),
        FetchError::Feed(FeedError::NotAFeed(_)) => "The server sent JSON that is not a members list.".into(),
        FetchError::Feed(FeedError::TooLarge { limit, .. }) if zh => format!("成员数据超过 {} MB 的上限。", limit / (1024 * 1024)),
        FetchError::Feed(FeedError::TooLarge { limit, .. }) => {
            format!("The members list is larger than the {} MB this page accepts.", limit / (1024 * 1024))
        }
        FetchError::Aborted if zh => "请求已取消。".into(),
        FetchError::Aborted => "The request was cancelled.".into(),
    }
}

/// The error state of the page: what failed, the technical detail for maintainers, and Retry.
#[component]
pub fn FeedErrorView<R>(
    /// Why the feed is not there.
    error: FetchError,
    /// Called when the visitor presses Retry.
    on_retry: R,
) -> impl IntoView
where
    R: Fn() + Send + Sync + 'static,
{
    let lang = use_lang();
    let detail = error.to_string();
    view! {
        <section class="feed-error" data-testid="feed-error" role="alert">
            <h2>{move || strings(lang.get()).feed_error_title}</h2>
            <p data-testid="feed-error-message">{move || describe(&error, lang.get())}</p>
            <p class="feed-error-detail">{detail}</p>
            <button type="button" class="button primary" data-testid="retry" on:click=move |_| on_retry()>
                {move || strings(lang.get()).retry}
            </button>
        </section>
    }
}
