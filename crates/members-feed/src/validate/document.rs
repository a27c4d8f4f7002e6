//! An announcement's document made safe to render: unsafe link targets become their text,
//! unsafe images go.

use crate::model::{Block, Document, Inline};
use crate::url::check_url;

use super::{Problem, Severity};

/// Removes what must never reach the page from a document: unsafe link targets become their
/// text, unsafe images are removed.
pub(super) fn sanitize_document(document: &mut Document, path: &str, problems: &mut Vec<Problem>) {
    fn sanitize_blocks(list: &mut Vec<Block>, path: &str, problems: &mut Vec<Problem>) {
        list.retain_mut(|block| match block {
            Block::Heading { content, .. } | Block::Paragraph { content } => {
                inlines(content, path, problems);
                true
            }
            Block::List { items, .. } => {
                for item in items.iter_mut() {
                    sanitize_blocks(item, path, problems);
                }
                true
            }
            Block::Quote { blocks: inner } => {
                sanitize_blocks(inner, path, problems);
                true
            }
            Block::Image { url, .. } => match check_url(url) {
                Ok(safe) => {
                    *url = safe;
                    true
                }
                Err(why) => {
                    problems.push(Problem {
                        path: path.to_string(),
                        reason: format!("image {}; removed", why.message()),
                        severity: Severity::Dropped,
                    });
                    false
                }
            },
            Block::Code { .. } => true,
        });
    }
    fn inlines(content: &mut [Inline], path: &str, problems: &mut Vec<Problem>) {
        for inline in content.iter_mut() {
            match inline {
                Inline::Emphasis { content } | Inline::Strong { content } => {
                    inlines(content, path, problems)
                }
                Inline::Link { url, content } => match check_url(url) {
                    Ok(safe) => {
                        *url = safe;
                        inlines(content, path, problems);
                    }
                    Err(why) => {
                        problems.push(Problem {
                            path: path.to_string(),
                            reason: format!("link {}; shown as text", why.message()),
                            severity: Severity::Dropped,
                        });
                        *inline = Inline::text(Inline::plain_text(content));
                    }
                },
                Inline::Text { .. } | Inline::Code { .. } | Inline::LineBreak => {}
            }
        }
    }
    sanitize_blocks(document, path, problems);
}
