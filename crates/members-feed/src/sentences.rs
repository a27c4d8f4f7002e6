//! The sentences of a document, as a featured quote names them: the text of its paragraphs
//! (in lists and quotes too, not headings, code or images), cut after `.`, `!` or `?` and a
//! space, or after `。`, `！` or `？`, without invisible or direction-changing characters (the
//! reader removes them from a quote too, so both sides compare the same text). The feed
//! builder numbers them for the facts file; the feed's reader checks that a quote is one of
//! them.

use crate::model::{Block, Document, Inline, MAX_QUOTE_CHARS};
use crate::rules::is_invisible_format;

/// Every sentence of `document`, in order, with its spaces collapsed.
pub fn sentences(document: &Document) -> Vec<String> {
    let mut out = Vec::new();
    collect(document, &mut out);
    out
}

fn collect(blocks: &[Block], out: &mut Vec<String>) {
    for block in blocks {
        match block {
            Block::Paragraph { content } => {
                let mut text = Inline::plain_text(content);
                text.retain(|c| !is_invisible_format(c));
                split_into(&text, out)
            }
            Block::List { items, .. } => items.iter().for_each(|item| collect(item, out)),
            Block::Quote { blocks } => collect(blocks, out),
            Block::Heading { .. } | Block::Image { .. } | Block::Code { .. } => {}
        }
    }
}

/// Whether `sentence` can be a featured quote: at most [`MAX_QUOTE_CHARS`] characters.
pub fn quotable(sentence: &str) -> bool {
    !sentence.trim().is_empty() && sentence.chars().nth(MAX_QUOTE_CHARS).is_none()
}

/// Whether a sentence ends after `c` without a space to follow (Chinese punctuation).
fn ends_without_space(c: char) -> bool {
    matches!(c, '。' | '！' | '？')
}

fn split_into(text: &str, out: &mut Vec<String>) {
    let finish = |sentence: &mut String, out: &mut Vec<String>| {
        if !sentence.is_empty() {
            out.push(std::mem::take(sentence));
        }
    };
    let mut sentence = String::new();
    for word in text.split_whitespace() {
        if !sentence.is_empty() {
            sentence.push(' ');
        }
        // A Chinese sentence mark ends a sentence wherever it is in a "word".
        let mut rest = word;
        while let Some(at) = rest.find(ends_without_space) {
            let end = at + rest[at..].chars().next().map_or(0, char::len_utf8);
            sentence.push_str(&rest[..end]);
            finish(&mut sentence, out);
            rest = &rest[end..];
        }
        sentence.push_str(rest);
        if rest.ends_with(['.', '!', '?']) {
            finish(&mut sentence, out);
        }
    }
    finish(&mut sentence, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(text: &str) -> Block {
        Block::Paragraph {
            content: vec![Inline::text(text)],
        }
    }

    #[test]
    fn paragraphs_are_cut_into_sentences_after_their_marks() {
        let document = vec![
            Block::Heading {
                level: 2,
                content: vec![Inline::text("Not a sentence.")],
            },
            paragraph("One  runs Karmada.\nTwo is here!  Three?"),
            Block::List {
                ordered: false,
                items: vec![vec![paragraph("An item")]],
            },
            Block::Code {
                text: "code. here.".into(),
                lang: None,
            },
            paragraph("我们使用 Karmada。它很好！最后"),
        ];
        assert_eq!(
            sentences(&document),
            [
                "One runs Karmada.",
                "Two is here!",
                "Three?",
                "An item",
                "我们使用 Karmada。",
                "它很好！",
                "最后"
            ]
        );
    }

    #[test]
    fn invisible_characters_are_not_part_of_a_sentence() {
        let document = vec![paragraph("Soft\u{AD}ware we \u{2764}\u{FE0F} runs.")];
        assert_eq!(sentences(&document), ["Software we \u{2764} runs."]);
        assert!(quotable("Short."));
        assert!(!quotable(&"x".repeat(MAX_QUOTE_CHARS + 1)));
        assert!(!quotable(" "));
    }

    #[test]
    fn inline_markup_reads_as_its_text() {
        let document = vec![Block::Paragraph {
            content: vec![
                Inline::text("We run "),
                Inline::Strong {
                    content: vec![Inline::text("Karmada")],
                },
                Inline::LineBreak,
                Inline::Link {
                    url: "https://karmada.io".into(),
                    content: vec![Inline::text("in production.")],
                },
            ],
        }];
        assert_eq!(sentences(&document), ["We run Karmada in production."]);
    }
}
