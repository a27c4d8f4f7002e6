//! The issue escaper against a CommonMark reader: each line a visitor may type comes out of a
//! renderer as that same text in one paragraph, with no emphasis, link, list, heading, code
//! or HTML of its own.

use join_form::markdown::{escape_block, escape_line};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The text a renderer shows for `markdown` (with the extensions GitHub has and more:
/// strikethrough, tables, task lists, maths…), or what else it made of it.
fn rendered(markdown: &str) -> Result<String, String> {
    let options = Options::all()
        - Options::ENABLE_SMART_PUNCTUATION
        - Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        - Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut text = String::new();
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
            Event::Text(piece) => text.push_str(&piece),
            Event::SoftBreak => text.push('\n'),
            other => return Err(format!("{other:?}")),
        }
    }
    Ok(text)
}

#[test]
fn typed_lines_render_as_typed() {
    for typed in [
        "first_last",
        "snake_case_name and _edge_ underscores",
        "a_",
        "_a",
        "__init__",
        "1.13",
        "1. first",
        "2024) year",
        "v1.12.0 - x",
        "- item",
        "+ item",
        "# heading",
        "> quote",
        "*a* **b** ~c~ `d`",
        "[x](javascript:alert(1))",
        "[at]: https://evil.example",
        "<b>bold</b> &amp; &#x41;",
        "a\\b",
        "名_字 and 小红书（RedNote）",
        "===",
        "!important",
        "| pipe |",
        "ⓐ_x_ⓐ",
        "$e$ and $$f$$",
        "www.example.com and https://example.com",
        "x@example.com",
    ] {
        assert_eq!(
            rendered(&escape_line(typed)).as_deref(),
            Ok(typed),
            "{typed:?} → {:?}",
            escape_line(typed)
        );
    }
}

#[test]
fn typed_lines_render_as_typed_in_a_block_too() {
    // Under a line, `===` or `---` would make it a heading.
    for typed in ["Title\n===", "Title\n---", "a\n- b", "a\n1. b", "a\n> b"] {
        assert_eq!(
            rendered(&escape_block(typed)).as_deref(),
            Ok(typed),
            "{typed:?} → {:?}",
            escape_block(typed)
        );
    }
}
