use leptos::prelude::*;

use crate::components::{Missing, NotFoundView};
use crate::router::app_href;

/// The route for any unknown address inside the app.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    // A static page at this address (`404.html`, served for unknown paths by some hosts) is
    // this very view; it goes as this one is mounted, in the same task, so it never shows twice.
    crate::loading::remove_static_copy();
    view! { <NotFoundView missing=Missing::Page back_href=app_href("/") /> }
}
