//! Markdown to the feed's safe structured document ([`members_feed::Document`]), plain text for
//! table cells and titles, and the URL rules of the site (relative `static/` paths become
//! `https://karmada.io/…`).

use members_feed::{check_url, Block, Document, Inline, UrlRejection};
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::report::Diagnostic;
use crate::source::LineIndex;

/// Where karmada.io serves `static/`.
pub const SITE_ORIGIN: &str = "https://karmada.io";

/// Deepest nesting of lists/quotes (and of emphasis) kept as structure; deeper levels are
/// flattened into their parent so a hostile document cannot build a tree deep enough to
/// exhaust the stack of whoever walks it.
pub const MAX_NESTING: usize = 16;

/// Resolves a link or image target found in site Markdown:
/// `http(s)` stays; `../../static/img/x.png` (any number of `../`) becomes
/// `https://karmada.io/img/x.png`; `/docs/x` becomes `https://karmada.io/docs/x`; other
/// relative targets (`#anchor`) stay. Everything [`check_url`] refuses is refused.
pub fn resolve_url(raw: &str) -> Result<String, UrlRejection> {
    let url = check_url(raw)?;
    if url.starts_with("http://")
        || url.starts_with("https://")
        || url.to_ascii_lowercase().starts_with("http")
    {
        return Ok(url);
    }
    let mut rest = url.as_str();
    loop {
        if let Some(r) = rest.strip_prefix("../") {
            rest = r;
        } else if let Some(r) = rest.strip_prefix("./") {
            rest = r;
        } else {
            break;
        }
    }
    if let Some(path) = rest.strip_prefix("static/") {
        return Ok(format!("{SITE_ORIGIN}/{path}"));
    }
    if url.starts_with('/') {
        return Ok(format!("{SITE_ORIGIN}{url}"));
    }
    Ok(url)
}

/// Plain text of a snippet of Markdown (a table cell, a heading): link syntax gives its text,
/// inline code its content, `<br/>` a space, other raw HTML stays as text; whitespace is
/// collapsed.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::new();
    for event in Parser::new_ext(markdown, Options::empty()) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::InlineHtml(t) | Event::Html(t) => {
                if is_br(&t) {
                    out.push(' ');
                } else {
                    out.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => out.push(' '),
            _ => {}
        }
    }
    collapse_whitespace(&out)
}

pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_br(html: &str) -> bool {
    let compact: String = html
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    matches!(compact.as_str(), "<br>" | "<br/>" | "</br>")
}

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
    fn event(&mut self, event: Event<'_>, line: usize) {
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
    fn resolves_site_paths() {
        assert_eq!(
            resolve_url("../../static/img/supporters/x.png").unwrap(),
            "https://karmada.io/img/supporters/x.png"
        );
        assert_eq!(
            resolve_url("../../../../static/img/supporters/leinao.png").unwrap(),
            "https://karmada.io/img/supporters/leinao.png"
        );
        assert_eq!(
            resolve_url("/docs/casestudies/vipkid").unwrap(),
            "https://karmada.io/docs/casestudies/vipkid"
        );
        assert_eq!(resolve_url("#top").unwrap(), "#top");
        assert_eq!(
            resolve_url("https://www.youtube.com/watch?v=jZg6TmyciyI ").unwrap(),
            "https://www.youtube.com/watch?v=jZg6TmyciyI"
        );
        assert!(resolve_url("javascript:alert(1)").is_err());
        assert!(resolve_url("//evil.example/x").is_err());
    }

    #[test]
    fn plain_text_strips_markdown() {
        assert_eq!(
            plain_text("The [ORANG](https://orang.cloud/) `low-code` platform<br/>runs  **apps**."),
            "The ORANG low-code platform runs apps."
        );
        assert_eq!(plain_text("  TBD(KCD video) "), "TBD(KCD video)");
        assert_eq!(plain_text("a <span>b</span>"), "a <span>b</span>");
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
