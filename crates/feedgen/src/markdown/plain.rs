//! Plain text of a Markdown snippet, for table cells, headings and titles.

use pulldown_cmark::{Event, Options, Parser, TagEnd};

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

pub(super) fn is_br(html: &str) -> bool {
    let compact: String = html
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    matches!(compact.as_str(), "<br>" | "<br/>" | "</br>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_strips_markdown() {
        assert_eq!(
            plain_text("The [ORANG](https://orang.cloud/) `low-code` platform<br/>runs  **apps**."),
            "The ORANG low-code platform runs apps."
        );
        assert_eq!(plain_text("  TBD(KCD video) "), "TBD(KCD video)");
        assert_eq!(plain_text("a <span>b</span>"), "a <span>b</span>");
    }
}
