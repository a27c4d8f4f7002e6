//! pulldown-cmark's events, one at a time, turned into pushes and pops on the builder's stack;
//! link and image targets are resolved (or refused, with a warning) as they open.

use members_feed::Inline;
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Tag, TagEnd};

use super::plain::is_br;
use super::{resolve_url, Builder, Frame, InlineKind, MAX_NESTING};
use crate::report::Diagnostic;

impl Builder<'_, '_> {
    pub(super) fn event(&mut self, event: Event<'_>, line: usize) {
        match event {
            Event::Start(tag) => self.start(tag, line),
            Event::End(end) => self.end(end, line),
            Event::Text(text) => {
                if let Some(Frame::Code { text: code, .. }) = self.stack.last_mut() {
                    code.push_str(&text);
                } else {
                    self.push_inline(Inline::text(text.to_string()));
                }
            }
            Event::Code(text) => self.push_inline(Inline::Code {
                text: text.to_string(),
            }),
            Event::InlineMath(text) | Event::DisplayMath(text) => self.push_inline(Inline::Code {
                text: text.to_string(),
            }),
            Event::Html(html) | Event::InlineHtml(html) => {
                if is_br(&html) {
                    self.push_inline(Inline::LineBreak)
                } else {
                    self.push_inline(Inline::text(html.to_string()))
                }
            }
            Event::SoftBreak => self.push_inline(Inline::text(" ")),
            Event::HardBreak => self.push_inline(Inline::LineBreak),
            Event::FootnoteReference(label) => {
                self.push_inline(Inline::text(format!("[^{label}]")))
            }
            Event::TaskListMarker(done) => {
                self.push_inline(Inline::text(if done { "[x] " } else { "[ ] " }))
            }
            Event::Rule => self.close_implicit(),
        }
    }

    fn start(&mut self, tag: Tag<'_>, line: usize) {
        match tag {
            Tag::Paragraph => {
                self.close_implicit();
                self.push_inlines(InlineKind::Paragraph);
            }
            Tag::Heading { level, .. } => {
                self.close_implicit();
                let level = match level {
                    HeadingLevel::H1 | HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    HeadingLevel::H4 => 4,
                    HeadingLevel::H5 => 5,
                    HeadingLevel::H6 => 6,
                };
                self.push_inlines(InlineKind::Heading(level));
            }
            Tag::HtmlBlock => {
                self.close_implicit();
                self.push_inlines(InlineKind::HtmlBlock);
            }
            Tag::CodeBlock(kind) => {
                self.close_implicit();
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info
                        .split_whitespace()
                        .next()
                        .map(str::to_string)
                        .filter(|l| !l.is_empty()),
                    CodeBlockKind::Indented => None,
                };
                self.stack.push(Frame::Code {
                    lang,
                    text: String::new(),
                });
            }
            Tag::BlockQuote(_) => {
                self.close_implicit();
                self.block_depth += 1;
                if self.block_depth > MAX_NESTING {
                    self.stack.push(Frame::FlatBlocks(Vec::new()));
                } else {
                    self.stack.push(Frame::Quote(Vec::new()));
                }
            }
            Tag::List(start) => {
                self.close_implicit();
                self.block_depth += 1;
                if self.block_depth > MAX_NESTING {
                    self.stack.push(Frame::FlatBlocks(Vec::new()));
                } else {
                    self.stack.push(Frame::List {
                        ordered: start.is_some(),
                        items: Vec::new(),
                    });
                }
            }
            Tag::Item => {
                self.close_implicit();
                if matches!(self.stack.last(), Some(Frame::List { .. })) {
                    self.stack.push(Frame::Item(Vec::new()));
                } else {
                    self.stack.push(Frame::FlatBlocks(Vec::new()));
                }
            }
            Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript => {
                self.inline_depth += 1;
                let kind = if self.inline_depth > MAX_NESTING {
                    InlineKind::Flat
                } else {
                    match tag {
                        Tag::Emphasis => InlineKind::Emphasis,
                        Tag::Strong => InlineKind::Strong,
                        _ => InlineKind::Flat,
                    }
                };
                self.open_inline(kind);
            }
            Tag::Link { dest_url, .. } => {
                let url = self.url(&dest_url, line, "link");
                self.open_inline(InlineKind::Link(url));
            }
            Tag::Image { dest_url, .. } => {
                let url = self.url(&dest_url, line, "image");
                self.open_inline(InlineKind::Image(url));
            }
            // Tables, footnotes, metadata… are not enabled; their content flows into the parent.
            _ => {}
        }
    }

    fn end(&mut self, end: TagEnd, line: usize) {
        let _ = line;
        match end {
            TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::HtmlBlock
            | TagEnd::CodeBlock
            | TagEnd::Link
            | TagEnd::Image => self.close_top(0),
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript => {
                self.close_top(0);
                self.inline_depth = self.inline_depth.saturating_sub(1);
            }
            TagEnd::BlockQuote(_) | TagEnd::List(_) => {
                self.close_implicit();
                self.close_top(0);
                self.block_depth = self.block_depth.saturating_sub(1);
            }
            TagEnd::Item => {
                self.close_implicit();
                self.close_top(0);
            }
            _ => {}
        }
    }

    fn url(&mut self, raw: &str, line: usize, what: &str) -> Option<String> {
        match resolve_url(raw) {
            Ok(url) => Some(url),
            Err(why) => {
                let shown: String = raw.chars().take(60).collect();
                self.diagnostics.push(Diagnostic::warning(
                    self.ctx.path,
                    line,
                    format!("{what} target {shown:?} dropped: {}", why.message()),
                ));
                None
            }
        }
    }
}
