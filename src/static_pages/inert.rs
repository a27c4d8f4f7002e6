//! A rendered view made into a static copy that stands in for the app until it starts: its ids
//! cannot collide with the app's, its controls cannot be used before the app is there, and
//! tests drive only the live app (`data-testid` becomes `data-prerendered`).
//!
//! Works on the renderer's own output, which quotes every attribute value and escapes `<` in
//! text, so a tag is everything from a `<` to the next `>` outside quotes.

/// What every id of a copy starts with.
pub(super) const ID_PREFIX: &str = "prerendered-";

/// The attributes that name ids, by one or several (space-separated).
const ID_REFERENCES: [&str; 7] = [
    "id",
    "for",
    "aria-labelledby",
    "aria-describedby",
    "aria-controls",
    "aria-owns",
    "list",
];

/// Elements a visitor could use: made `inert` until the app replaces the copy.
const CONTROLS: [&str; 4] = ["input", "select", "textarea", "button"];

/// `html` with its ids prefixed, its controls inert, its test hooks renamed and its comments
/// (the renderer's placeholders) removed.
pub(super) fn inert_copy(html: &str) -> String {
    let html = without_comments(html);
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut rest = html.as_str();
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        let end = tag_end(rest).unwrap_or(rest.len());
        out.push_str(&rewrite_tag(&rest[..end]));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// `html` without the renderer's comments (its `<!>` placeholders and `<!-- … -->`), for
/// markup that leaves the app (an Atom entry's content). Feed text cannot hold a `<`: the
/// renderer escapes it.
pub(super) fn without_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find("<!") {
        out.push_str(&rest[..open]);
        let comment = &rest[open + 2..];
        let end = if comment.starts_with("--") {
            comment.find("-->").map(|at| at + 3)
        } else {
            comment.find('>').map(|at| at + 1)
        };
        rest = end.map_or("", |end| &comment[end..]);
    }
    out.push_str(rest);
    out
}

/// One past the `>` that closes the tag at the start of `html`, outside quoted values.
pub fn tag_end(html: &str) -> Option<usize> {
    let mut quote = None;
    for (at, c) in html.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(open), c) if c == open => quote = None,
            (None, '>') => return Some(at + 1),
            _ => {}
        }
    }
    None
}

/// A start tag with its attributes rewritten; an end tag as it is.
fn rewrite_tag(tag: &str) -> String {
    if tag.starts_with("</") {
        return tag.to_string();
    }
    let inner = tag
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim_end_matches('/');
    let name_end = inner
        .find(|c: char| c.is_ascii_whitespace())
        .unwrap_or(inner.len());
    let name = &inner[..name_end];
    let mut out = format!("<{name}");
    for (attribute, value) in attributes(&inner[name_end..]) {
        let value = match value {
            None => {
                out.push_str(&format!(" {attribute}"));
                continue;
            }
            Some(value) => value,
        };
        let (attribute, value) = match attribute {
            "data-testid" => ("data-prerendered", value.to_string()),
            a if ID_REFERENCES.contains(&a) => (a, prefixed(value)),
            "href" if value.len() > 1 && value.starts_with('#') => {
                ("href", format!("#{ID_PREFIX}{}", &value[1..]))
            }
            a => (a, value.to_string()),
        };
        out.push_str(&format!(" {attribute}=\"{value}\""));
    }
    if CONTROLS.contains(&name) {
        out.push_str(" inert");
    }
    if tag.trim_end_matches('>').ends_with('/') {
        out.push_str(" /");
    }
    out.push('>');
    out
}

fn prefixed(ids: &str) -> String {
    ids.split_ascii_whitespace()
        .map(|id| format!("{ID_PREFIX}{id}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The attributes of a tag's inside after its name: `name="value"` (or `'value'`) or `name`.
fn attributes(mut text: &str) -> Vec<(&str, Option<&str>)> {
    let mut found = Vec::new();
    loop {
        text = text.trim_start();
        if text.is_empty() {
            return found;
        }
        let name_end = text
            .find(|c: char| c.is_ascii_whitespace() || c == '=')
            .unwrap_or(text.len());
        let name = &text[..name_end];
        text = text[name_end..].trim_start();
        let Some(after_equals) = text.strip_prefix('=') else {
            found.push((name, None));
            continue;
        };
        let after_equals = after_equals.trim_start();
        let quote = after_equals
            .chars()
            .next()
            .filter(|c| *c == '"' || *c == '\'');
        let (value, rest) = match quote {
            Some(quote) => {
                let body = &after_equals[1..];
                let end = body.find(quote).unwrap_or(body.len());
                (&body[..end], body.get(end + 1..).unwrap_or(""))
            }
            None => {
                let end = after_equals
                    .find(|c: char| c.is_ascii_whitespace())
                    .unwrap_or(after_equals.len());
                (&after_equals[..end], &after_equals[end..])
            }
        };
        found.push((name, Some(value)));
        text = rest;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_their_references_are_prefixed() {
        let html = r##"<a href="#main-content" class="skip-link">Skip</a><main id="main-content" tabindex="-1"><label for="member-search">Search</label><button aria-controls="facet-groups a" aria-expanded="false">Filters</button></main>"##;
        assert_eq!(
            inert_copy(html),
            r##"<a href="#prerendered-main-content" class="skip-link">Skip</a><main id="prerendered-main-content" tabindex="-1"><label for="prerendered-member-search">Search</label><button aria-controls="prerendered-facet-groups prerendered-a" aria-expanded="false" inert>Filters</button></main>"##
        );
    }

    #[test]
    fn controls_are_inert_and_hooks_renamed() {
        assert_eq!(
            inert_copy(r#"<input type="checkbox" data-testid="kind-filter-adopter" disabled/>"#),
            r#"<input type="checkbox" data-prerendered="kind-filter-adopter" disabled inert />"#
        );
        assert_eq!(
            inert_copy(
                r#"<select data-testid="sort"><option value="name" selected>A</option></select>"#
            ),
            r#"<select data-prerendered="sort" inert><option value="name" selected>A</option></select>"#
        );
    }

    #[test]
    fn comments_go_and_text_stays() {
        // Text that looks like markup is escaped by the renderer; a quoted `>` is a value.
        let html = r#"<p title="a > b" id="x">data-testid="y" &lt;b id="z"&gt;<!></p><!-- note --><i>k</i>"#;
        assert_eq!(
            without_comments(html),
            r#"<p title="a > b" id="x">data-testid="y" &lt;b id="z"&gt;</p><i>k</i>"#
        );
        assert_eq!(
            inert_copy(html),
            r#"<p title="a > b" id="prerendered-x">data-testid="y" &lt;b id="z"&gt;</p><i>k</i>"#
        );
    }

    #[test]
    fn links_elsewhere_are_kept() {
        let html = r##"<a href="/adopters/members/x?q=1#top">x</a><a href="#">top</a>"##;
        assert_eq!(inert_copy(html), html);
    }
}
