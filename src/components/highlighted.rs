use leptos::prelude::*;

/// `text` with the parts that match the search wrapped in `<mark>`. The text is inserted as
/// text nodes, never as HTML.
#[component]
pub fn Highlighted(
    /// The text to show.
    #[prop(into)]
    text: Signal<String>,
    /// The current search.
    #[prop(into)]
    query: Signal<String>,
) -> impl IntoView {
    move || {
        let query = query.get();
        let text = text.get();
        let ranges = browse::search::highlight_ranges(&text, &query);
        if ranges.is_empty() {
            return text.into_any();
        }
        let mut pieces: Vec<AnyView> = Vec::with_capacity(ranges.len() * 2 + 1);
        let mut at = 0;
        for range in ranges {
            if range.start > at {
                pieces.push(text[at..range.start].to_string().into_any());
            }
            pieces.push(view! { <mark>{text[range.clone()].to_string()}</mark> }.into_any());
            at = range.end;
        }
        if at < text.len() {
            pieces.push(text[at..].to_string().into_any());
        }
        pieces.into_any()
    }
}
