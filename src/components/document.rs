use leptos::prelude::*;
use members_feed::{safe_href, Block, Inline};

use crate::components::{failed_before, FeedImage};

/// Renders a feed document node by node. Nothing is parsed as HTML; every URL is checked again
/// here (the feed was validated on load, but this component must be safe on its own). External
/// links open in a new tab without giving it a handle on this page.
#[component]
pub fn DocumentView(
    /// The blocks to render.
    blocks: Vec<Block>,
) -> impl IntoView {
    view! { <div class="document">{render_blocks(blocks)}</div> }
}

fn render_blocks(blocks: Vec<Block>) -> Vec<AnyView> {
    blocks.into_iter().map(render_block).collect()
}

fn render_block(block: Block) -> AnyView {
    match block {
        // The detail view's own title is an h1 and its sections h2, so document headings start at h3.
        Block::Heading { level, content } => {
            let content = render_inlines(content);
            match level {
                0..=2 => view! { <h3>{content}</h3> }.into_any(),
                3 => view! { <h4>{content}</h4> }.into_any(),
                4 => view! { <h5>{content}</h5> }.into_any(),
                _ => view! { <h6>{content}</h6> }.into_any(),
            }
        }
        Block::Paragraph { content } => view! { <p>{render_inlines(content)}</p> }.into_any(),
        Block::List { ordered, items } => {
            let items = items
                .into_iter()
                .map(|item| view! { <li>{render_blocks(item)}</li> })
                .collect::<Vec<_>>();
            if ordered {
                view! { <ol>{items}</ol> }.into_any()
            } else {
                view! { <ul>{items}</ul> }.into_any()
            }
        }
        Block::Image {
            url,
            alt,
            width,
            height,
        } => match safe_href(&url) {
            Some(src) => {
                // Announcement images are mostly the member's logo on karmada.io; when one does
                // not load, the header's monogram already stands for it, and a broken-image
                // icon with its alt text would only be noise.
                let failed = RwSignal::new(failed_before(&src));
                (move || {
                    (!failed.get()).then(|| {
                        view! {
                            <FeedImage class="document-image" src=src.clone() alt=alt.clone() width=width height=height failed=failed />
                        }
                    })
                })
                .into_any()
            }
            None => ().into_any(),
        },
        Block::Code { text, .. } => view! { <pre><code>{text}</code></pre> }.into_any(),
        Block::Quote { blocks } => {
            view! { <blockquote>{render_blocks(blocks)}</blockquote> }.into_any()
        }
    }
}

fn render_inlines(inlines: Vec<Inline>) -> Vec<AnyView> {
    inlines.into_iter().map(render_inline).collect()
}

fn render_inline(inline: Inline) -> AnyView {
    match inline {
        Inline::Text { text } => text.into_any(),
        Inline::Emphasis { content } => view! { <em>{render_inlines(content)}</em> }.into_any(),
        Inline::Strong { content } => {
            view! { <strong>{render_inlines(content)}</strong> }.into_any()
        }
        Inline::Code { text } => view! { <code>{text}</code> }.into_any(),
        Inline::LineBreak => view! { <br /> }.into_any(),
        Inline::Link { url, content } => match safe_href(&url) {
            Some(href) => view! {
                <a href=href target="_blank" rel="noopener noreferrer">{render_inlines(content)}</a>
            }
            .into_any(),
            None => Inline::plain_text(&content).into_any(),
        },
    }
}
