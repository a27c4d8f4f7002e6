use leptos::prelude::*;

use crate::components::{Missing, NotFoundView};
use crate::router::app_href;

/// The route for any unknown address inside the app.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <NotFoundView missing=Missing::Page back_href=app_href("/") /> }
}
