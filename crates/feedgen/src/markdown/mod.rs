//! Markdown to the feed's safe structured document ([`members_feed::Document`]), plain text for
//! table cells and titles, and the URL rules of the site (relative `static/` paths become
//! `https://karmada.io/…`).

mod events;
mod plain;
mod urls;

use members_feed::{Block, Document, Inline};
use pulldown_cmark::{Options, Parser};

use crate::report::Diagnostic;
use crate::source::LineIndex;
pub use plain::{collapse_whitespace, plain_text};
pub use urls::resolve_url;

/// Where karmada.io serves `static/`.
pub const SITE_ORIGIN: &str = "https://karmada.io";

/// Deepest nesting of lists/quotes (and of emphasis) kept as structure; deeper levels are
/// flattened into their parent so a hostile document cannot build a tree deep enough to
/// exhaust the stack of whoever walks it.
pub const MAX_NESTING: usize = 16;

/// Context of one conversion: where the Markdown comes from (for reports) and how to find an
/// image's size from its resolved URL.
pub struct Context<'a> {
    pub path: &'a str,
    /// Line of the file where `markdown` starts (1-based).
    pub first_line: usize,
    pub image_size: &'a dyn Fn(&str) -> Option<(u32, u32)>,
}

enum Piece {
    Inline(Inline),
    Image {
        url: String,
        alt: String,
        size: Option<(u32, u32)>,
    },
}

enum InlineKind {
    Paragraph,
    /// Text directly inside a tight list item.
    Implicit,
    Heading(u8),
    Emphasis,
    Strong,
    /// `None` when the target was refused: the content stays, as text.
    Link(Option<String>),
    Image(Option<String>),
    HtmlBlock,
    /// Nesting too deep: the content joins the parent.
    Flat,
}

enum Frame {
    Blocks(Vec<Block>),
    Quote(Vec<Block>),
    Item(Vec<Block>),
    /// A list or quote nested too deep: its blocks join the parent.
    FlatBlocks(Vec<Block>),
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    Inlines {
        kind: InlineKind,
        pieces: Vec<Piece>,
    },
    Code {
        lang: Option<String>,
        text: String,
    },
}

struct Builder<'c, 'a> {
    ctx: &'c Context<'a>,
    lines: LineIndex,
    stack: Vec<Frame>,
    block_depth: usize,
    inline_depth: usize,
    diagnostics: Vec<Diagnostic>,
}

/// Converts Markdown to a [`Document`]. Refused link targets become text and refused images
/// are removed, each with a warning; raw HTML becomes text; soft breaks become spaces.
pub fn to_document(markdown: &str, ctx: &Context<'_>) -> (Document, Vec<Diagnostic>) {
    let mut b = Builder {
        ctx,
        lines: LineIndex::new(markdown),
        stack: vec![Frame::Blocks(Vec::new())],
        block_depth: 0,
        inline_depth: 0,
        diagnostics: Vec::new(),
    };
    for (event, range) in Parser::new_ext(markdown, Options::empty()).into_offset_iter() {
        let line = ctx.first_line + b.lines.line(range.start).saturating_sub(1);
        b.event(event, line);
    }
    // Close whatever a truncated document left open.
    while b.stack.len() > 1 {
        b.close_top(0);
    }
    let blocks = match b.stack.pop() {
        Some(Frame::Blocks(blocks)) => blocks,
        _ => Vec::new(),
    };
    (blocks, b.diagnostics)
}

impl Builder<'_, '_> {
    fn push_inlines(&mut self, kind: InlineKind) {
        self.stack.push(Frame::Inlines {
            kind,
            pieces: Vec::new(),
        });
    }

    /// Opens an inline container, first opening an implicit paragraph when the parent is a
    /// block container (text directly in a tight list item).
    fn open_inline(&mut self, kind: InlineKind) {
        if !matches!(self.stack.last(), Some(Frame::Inlines { .. })) {
            self.push_inlines(InlineKind::Implicit);
        }
        self.push_inlines(kind);
    }

    fn push_inline(&mut self, inline: Inline) {
        if !matches!(self.stack.last(), Some(Frame::Inlines { .. })) {
            if let Some(Frame::Code { text, .. }) = self.stack.last_mut() {
                text.push_str(&Inline::plain_text(std::slice::from_ref(&inline)));
                return;
            }
            self.push_inlines(InlineKind::Implicit);
        }
        if let Some(Frame::Inlines { pieces, .. }) = self.stack.last_mut() {
            push_piece(pieces, Piece::Inline(inline));
        }
    }

    fn close_implicit(&mut self) {
        while let Some(Frame::Inlines {
            kind: InlineKind::Implicit,
            ..
        }) = self.stack.last()
        {
            self.close_top(0);
        }
    }

    fn close_top(&mut self, _unused: usize) {
        if self.stack.len() <= 1 {
            return;
        }
        let Some(frame) = self.stack.pop() else {
            return;
        };
        match frame {
            Frame::Blocks(blocks) | Frame::FlatBlocks(blocks) => {
                for block in blocks {
                    self.push_block(block);
                }
            }
            Frame::Quote(blocks) => self.push_block(Block::Quote { blocks }),
            Frame::Item(blocks) => match self.stack.last_mut() {
                Some(Frame::List { items, .. }) => items.push(blocks),
                _ => {
                    for block in blocks {
                        self.push_block(block);
                    }
                }
            },
            Frame::List { ordered, items } => {
                if !items.is_empty() {
                    self.push_block(Block::List { ordered, items })
                }
            }
            Frame::Code { lang, text } => self.push_block(Block::Code { text, lang }),
            Frame::Inlines { kind, pieces } => self.close_inlines(kind, pieces),
        }
    }

    fn close_inlines(&mut self, kind: InlineKind, pieces: Vec<Piece>) {
        match kind {
            InlineKind::Paragraph | InlineKind::Implicit | InlineKind::HtmlBlock => {
                let only_images = pieces.iter().any(|p| matches!(p, Piece::Image { .. }))
                    && pieces.iter().all(|p| match p {
                        Piece::Image { .. } => true,
                        Piece::Inline(Inline::Text { text }) => text.trim().is_empty(),
                        Piece::Inline(Inline::LineBreak) => true,
                        _ => false,
                    });
                if only_images {
                    for piece in pieces {
                        if let Piece::Image { url, alt, size } = piece {
                            self.push_block(Block::Image {
                                url,
                                alt,
                                width: size.map(|s| s.0),
                                height: size.map(|s| s.1),
                            });
                        }
                    }
                } else {
                    let content = trim_inlines(to_inlines(pieces));
                    if !content.is_empty() {
                        self.push_block(Block::Paragraph { content });
                    }
                }
            }
            InlineKind::Heading(level) => {
                let content = trim_inlines(to_inlines(pieces));
                if !content.is_empty() {
                    self.push_block(Block::Heading { level, content });
                }
            }
            InlineKind::Emphasis => self.push_piece_to_parent(Piece::Inline(Inline::Emphasis {
                content: to_inlines(pieces),
            })),
            InlineKind::Strong => self.push_piece_to_parent(Piece::Inline(Inline::Strong {
                content: to_inlines(pieces),
            })),
            InlineKind::Link(Some(url)) => self.push_piece_to_parent(Piece::Inline(Inline::Link {
                url,
                content: to_inlines(pieces),
            })),
            InlineKind::Link(None) | InlineKind::Flat => {
                for piece in pieces {
                    self.push_piece_to_parent(piece);
                }
            }
            InlineKind::Image(Some(url)) => {
                let alt = collapse_whitespace(&Inline::plain_text(&to_inlines(pieces)));
                let size = (self.ctx.image_size)(&url);
                self.push_piece_to_parent(Piece::Image { url, alt, size });
            }
            InlineKind::Image(None) => {}
        }
    }

    fn push_piece_to_parent(&mut self, piece: Piece) {
        match self.stack.last_mut() {
            Some(Frame::Inlines { pieces, .. }) => push_piece(pieces, piece),
            _ => {
                self.push_inlines(InlineKind::Implicit);
                if let Some(Frame::Inlines { pieces, .. }) = self.stack.last_mut() {
                    push_piece(pieces, piece);
                }
            }
        }
    }

    fn push_block(&mut self, block: Block) {
        for frame in self.stack.iter_mut().rev() {
            match frame {
                Frame::Blocks(blocks)
                | Frame::Quote(blocks)
                | Frame::Item(blocks)
                | Frame::FlatBlocks(blocks) => {
                    blocks.push(block);
                    return;
                }
                Frame::List { items, .. } => {
                    items.push(vec![block]);
                    return;
                }
                Frame::Inlines { .. } | Frame::Code { .. } => {}
            }
        }
    }
}

fn push_piece(pieces: &mut Vec<Piece>, piece: Piece) {
    if let (
        Some(Piece::Inline(Inline::Text { text: last })),
        Piece::Inline(Inline::Text { text }),
    ) = (pieces.last_mut(), &piece)
    {
        last.push_str(text);
        return;
    }
    pieces.push(piece);
}

/// Images inside running text become a link to the image, labelled with its alt text.
fn to_inlines(pieces: Vec<Piece>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let inline = match piece {
            Piece::Inline(inline) => inline,
            Piece::Image { url, alt, .. } => Inline::Link {
                content: vec![Inline::text(if alt.is_empty() { url.clone() } else { alt })],
                url,
            },
        };
        if let (Some(Inline::Text { text: last }), Inline::Text { text }) =
            (out.last_mut(), &inline)
        {
            last.push_str(text);
            continue;
        }
        out.push(inline);
    }
    out
}

fn trim_inlines(mut content: Vec<Inline>) -> Vec<Inline> {
    while matches!(content.first(), Some(Inline::LineBreak)) {
        content.remove(0);
    }
    while matches!(content.last(), Some(Inline::LineBreak)) {
        content.pop();
    }
    if let Some(Inline::Text { text }) = content.first_mut() {
        *text = text.trim_start().to_string();
    }
    if let Some(Inline::Text { text }) = content.last_mut() {
        *text = text.trim_end().to_string();
    }
    content.retain(|i| !matches!(i, Inline::Text { text } if text.is_empty()));
    content
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_size(_: &str) -> Option<(u32, u32)> {
        None
    }

    fn doc(md: &str) -> (Document, Vec<Diagnostic>) {
        to_document(
            md,
            &Context {
                path: "post.md",
                first_line: 10,
                image_size: &no_size,
            },
        )
    }

    #[test]
    fn paragraphs_links_soft_breaks_and_images() {
        let md = "![member logo](../../static/img/supporters/bloomberg.png)\n\nBloomberg is\na **leader** in [data](https://example.com/d) and `code`.\n";
        let (blocks, diags) = doc(md);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(
            blocks,
            vec![
                Block::Image {
                    url: "https://karmada.io/img/supporters/bloomberg.png".into(),
                    alt: "member logo".into(),
                    width: None,
                    height: None
                },
                Block::Paragraph {
                    content: vec![
                        Inline::text("Bloomberg is a "),
                        Inline::Strong {
                            content: vec![Inline::text("leader")]
                        },
                        Inline::text(" in "),
                        Inline::Link {
                            url: "https://example.com/d".into(),
                            content: vec![Inline::text("data")]
                        },
                        Inline::text(" and "),
                        Inline::Code {
                            text: "code".into()
                        },
                        Inline::text("."),
                    ]
                }
            ]
        );
    }

    #[test]
    fn image_size_comes_from_the_lookup() {
        let size = |url: &str| url.ends_with("/x.png").then_some((10, 20));
        let (blocks, _) = to_document(
            "![x](/img/supporters/x.png)",
            &Context {
                path: "p.md",
                first_line: 1,
                image_size: &size,
            },
        );
        assert_eq!(
            blocks,
            vec![Block::Image {
                url: "https://karmada.io/img/supporters/x.png".into(),
                alt: "x".into(),
                width: Some(10),
                height: Some(20)
            }]
        );
    }

    #[test]
    fn unsafe_targets_are_dropped_with_a_warning_and_line() {
        let md = "Intro.\n\nClick [me](javascript:alert(1)) now.\n\n![evil](data:image/png;base64,AAAA)\n";
        let (blocks, diags) = doc(md);
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph {
                    content: vec![Inline::text("Intro.")]
                },
                Block::Paragraph {
                    content: vec![Inline::text("Click me now.")]
                },
            ]
        );
        assert_eq!(diags.len(), 2);
        assert_eq!((diags[0].line, diags[1].line), (12, 14));
        assert!(
            diags[0].message.contains("link target"),
            "{}",
            diags[0].message
        );
    }

    #[test]
    fn raw_html_becomes_text_and_lists_quotes_code() {
        let md = "<div onclick=\"x()\">hi</div>\n\n- one\n- two <b>b</b><br/>three\n\n> quoted\n\n```yaml\nkind: X\n```\n\n1. first\n\n   para\n";
        let (blocks, _) = doc(md);
        assert_eq!(
            blocks[0],
            Block::Paragraph {
                content: vec![Inline::text("<div onclick=\"x()\">hi</div>")]
            }
        );
        assert_eq!(
            blocks[1],
            Block::List {
                ordered: false,
                items: vec![
                    vec![Block::Paragraph {
                        content: vec![Inline::text("one")]
                    }],
                    vec![Block::Paragraph {
                        content: vec![
                            Inline::text("two <b>b</b>"),
                            Inline::LineBreak,
                            Inline::text("three")
                        ]
                    }],
                ]
            }
        );
        assert_eq!(
            blocks[2],
            Block::Quote {
                blocks: vec![Block::Paragraph {
                    content: vec![Inline::text("quoted")]
                }]
            }
        );
        assert_eq!(
            blocks[3],
            Block::Code {
                text: "kind: X\n".into(),
                lang: Some("yaml".into())
            }
        );
        assert!(matches!(&blocks[4], Block::List { ordered: true, items } if items[0].len() == 2));
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let md = format!("{}deep", "> ".repeat(5000));
        let (blocks, _) = doc(&md);
        fn depth(blocks: &[Block]) -> usize {
            blocks
                .iter()
                .map(|b| match b {
                    Block::Quote { blocks } => 1 + depth(blocks),
                    _ => 0,
                })
                .max()
                .unwrap_or(0)
        }
        assert!(depth(&blocks) <= MAX_NESTING);
        let md = format!("{}x{}", "*".repeat(3000), "*".repeat(3000));
        let _ = doc(&md);
    }

    #[test]
    fn image_inside_text_becomes_a_link() {
        let (blocks, _) = doc("See ![logo](https://e.com/l.png) here");
        assert_eq!(
            blocks,
            vec![Block::Paragraph {
                content: vec![
                    Inline::text("See "),
                    Inline::Link {
                        url: "https://e.com/l.png".into(),
                        content: vec![Inline::text("logo")]
                    },
                    Inline::text(" here")
                ]
            }]
        );
    }
}
