use leptos::prelude::*;

use crate::components::NotFoundView;
use crate::router::app_href;

/// The route for any unknown address inside the app.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <NotFoundView back_href=app_href("/") /> }
}
