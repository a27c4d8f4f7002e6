//! Markdown for GitHub issues, with user input that cannot change the document's structure.
//!
//! Every value is text: ASCII punctuation that GitHub Flavored Markdown gives a meaning to
//! anywhere in a line (`` \ ` * _ [ ] ( ) < > # ! | ~ & $ ``) is backslash-escaped, and at the
//! start of a line the list, quote, heading and setext markers (`- + = 1. 1)`) are escaped too.
//! Leading spaces (indented code) are dropped, control characters removed, and single-line
//! fields have their line breaks turned into spaces. So `<script>` shows as text, `](javascript:…)`
//! cannot close a link, and `|` cannot split a table cell. Non-ASCII text (Chinese) is untouched.
//!
//! Links are emitted only for URLs that passed [`members_feed::check_absolute_http_url`], with
//! the few characters that could end a link destination or a table cell percent-encoded.
//!
//! GitHub also turns `@name` into a mention, which notifies that user or team: in user text it
//! is put in a code span (`` `@name` ``). Not handled: `#123` becomes an issue reference, and
//! bare `https://…` and `www.…` text is autolinked.

/// Characters escaped wherever they appear.
const ALWAYS: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '(', ')', '<', '>', '#', '!', '|', '~', '&', '$',
];

/// One line of user text for a GitHub issue or comment, safe anywhere inline (a paragraph, a
/// list item, a table cell, a link text), mentioning nobody. Line breaks and runs of
/// whitespace become one space.
pub fn escape_line(text: &str) -> String {
    escape_one_line(&one_line(text), Mentions::Quoted)
}

/// [`escape_line`] for Markdown that GitHub does not render as an issue (the website's adopters
/// table): an `@name` there notifies nobody and stays as written.
pub fn escape_site_line(text: &str) -> String {
    escape_one_line(&one_line(text), Mentions::AsWritten)
}

/// Line breaks and runs of whitespace as one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What becomes of an `@name` GitHub would read as a mention.
#[derive(Clone, Copy, PartialEq)]
enum Mentions {
    /// In a code span, where GitHub neither links it nor notifies anyone.
    Quoted,
    AsWritten,
}

/// Multi-line user text (a textarea) as paragraphs: each line escaped like [`escape_line`],
/// runs of blank lines collapsed to one.
pub fn escape_block(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut blank_before = false;
    for line in text.split('\n') {
        let line = escape_one_line(&line.replace('\t', " "), Mentions::Quoted);
        let line = line.trim_end();
        if line.is_empty() {
            blank_before = true;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_before { "\n\n" } else { "\n" });
        }
        out.push_str(line);
        blank_before = false;
    }
    out
}

fn escape_one_line(line: &str, mentions: Mentions) -> String {
    let clean: String = line.chars().filter(|c| !is_invisible(*c)).collect();
    let line = clean.trim_start();
    let mut out = String::with_capacity(line.len() + 8);
    // A line starting with an ordered-list marker: `12.` or `12)`, then a space or the end
    // (`1.13`, a version, is no list).
    let digits = line.bytes().take_while(|b| b.is_ascii_digit()).count();
    let ordered_marker = digits > 0
        && digits <= 9
        && matches!(line.as_bytes().get(digits), Some(b'.') | Some(b')'))
        && matches!(
            line.as_bytes().get(digits + 1),
            None | Some(b' ') | Some(b'\t')
        );
    let mut chars = line.char_indices().peekable();
    let mut previous = None;
    while let Some((index, c)) = chars.next() {
        if mentions == Mentions::Quoted
            && c == '@'
            && starts_mention(previous, chars.peek().map(|&(_, next)| next))
        {
            out.push_str("`@");
            // An `@` right after the name stays in the span: after its end it would start a
            // mention of its own (`@a@team`).
            while let Some(&(_, name)) = chars.peek() {
                if !(name.is_ascii_alphanumeric() || matches!(name, '-' | '_' | '/' | '@')) {
                    break;
                }
                out.push(name);
                previous = Some(name);
                chars.next();
            }
            out.push('`');
            continue;
        }
        let at_start = index == 0 && matches!(c, '-' | '+' | '=');
        // Inside a word (`first_last`) an underscore can neither open nor close emphasis.
        // ASCII letters and digits only: some other "alphanumeric" characters (ⓐ) are
        // punctuation to CommonMark, and beside those an underscore does open emphasis.
        let inner_underscore = c == '_'
            && previous.is_some_and(|c| c.is_ascii_alphanumeric())
            && chars
                .peek()
                .is_some_and(|&(_, next)| next.is_ascii_alphanumeric());
        if (ALWAYS.contains(&c) && !inner_underscore)
            || at_start
            || (ordered_marker && index == digits)
        {
            out.push('\\');
        }
        out.push(c);
        previous = Some(c);
    }
    out
}

/// Whether an `@` between these characters starts what GitHub reads as a mention: not inside
/// a word (so not an email address), and followed by a letter or digit.
fn starts_mention(previous: Option<char>, next: Option<char>) -> bool {
    let in_word = previous.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    !in_word && next.is_some_and(|c| c.is_ascii_alphanumeric())
}

/// Control characters and bidi overrides: removed from issue text.
fn is_invisible(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A validated URL made safe as a link destination or autolink: characters that could end the
/// destination (`<>()`), split a table cell (`|`), or start an escape or code span are
/// percent-encoded. The URL must already have passed the `http(s)` check.
pub fn link_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '|' => out.push_str("%7C"),
            '\\' => out.push_str("%5C"),
            '`' => out.push_str("%60"),
            '"' => out.push_str("%22"),
            '\'' => out.push_str("%27"),
            '*' => out.push_str("%2A"),
            c => out.push(c),
        }
    }
    out
}

/// `<url>` for a URL that passes the `http(s)` check, otherwise the escaped text.
pub fn autolink_or_text(raw: &str) -> String {
    match members_feed::check_absolute_http_url(raw) {
        Ok(url) => format!("<{}>", link_url(&url)),
        Err(_) => escape_line(raw),
    }
}

/// `[title](url)` with an escaped title; the URL must already be validated.
pub fn link(title: &str, url: &str) -> String {
    format!("[{}]({})", escape_line(title), link_url(url))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_inline_syntax() {
        assert_eq!(
            escape_line("<script>alert(1)</script>"),
            "\\<script\\>alert\\(1\\)\\</script\\>"
        );
        assert_eq!(
            escape_line("](javascript:alert(1))"),
            "\\]\\(javascript:alert\\(1\\)\\)"
        );
        assert_eq!(escape_line("| pipes |"), "\\| pipes \\|");
        assert_eq!(
            escape_line("*a* _b_ `c` ~d~ $e$ &amp; !x #1"),
            "\\*a\\* \\_b\\_ \\`c\\` \\~d\\~ \\$e\\$ \\&amp; \\!x \\#1"
        );
        assert_eq!(escape_line("a\\b"), "a\\\\b");
        // Inside a word an underscore emphasises nothing; at a word's edge it is escaped.
        assert_eq!(
            escape_line("first_last snake_case_name"),
            "first_last snake_case_name"
        );
        assert_eq!(
            escape_line("_a_b_ a_ _b a_.x"),
            "\\_a_b\\_ a\\_ \\_b a\\_.x"
        );
        assert_eq!(escape_line("名_字 ⓐ_x_ⓐ"), "名\\_字 ⓐ\\_x\\_ⓐ");
        assert_eq!(escape_line("小红书（RedNote）"), "小红书（RedNote）");
    }

    #[test]
    fn escapes_line_start_markers_only_at_line_start() {
        assert_eq!(escape_line("- item"), "\\- item");
        assert_eq!(escape_line("+ item"), "\\+ item");
        assert_eq!(escape_line("==="), "\\===");
        assert_eq!(escape_line("1. first"), "1\\. first");
        assert_eq!(escape_line("2024) year"), "2024\\) year");
        assert_eq!(escape_line("v1.12.0 - x"), "v1.12.0 - x");
        // A marker is followed by a space or ends the line: a version is no list.
        assert_eq!(escape_line("1.13"), "1.13");
        assert_eq!(escape_line("1."), "1\\.");
        assert_eq!(escape_line("3)\tx"), "3\\) x");
        assert_eq!(escape_line("> quote"), "\\> quote");
        assert_eq!(escape_line("    code"), "code");
        assert_eq!(escape_line("a\nb\r\n\n c\t d"), "a b c d");
    }

    #[test]
    fn mentions_notify_nobody() {
        assert_eq!(
            escape_line("ping @octocat please"),
            "ping `@octocat` please"
        );
        assert_eq!(
            escape_line("@karmada-io/maintainers"),
            "`@karmada-io/maintainers`"
        );
        assert_eq!(escape_line("(@a_b)."), "\\(`@a_b`\\).");
        assert_eq!(escape_line("中@ab"), "中`@ab`");
        // Not mentions: an email address, a lone or trailing `@`.
        assert_eq!(escape_line("ops@acme.example"), "ops@acme.example");
        assert_eq!(escape_line("@ x @"), "@ x @");
        assert_eq!(escape_block("a\n@team here"), "a\n`@team` here");
        // What follows a quoted name cannot start a mention of its own.
        assert_eq!(escape_line("@a@b"), "`@a@b`");
        assert_eq!(
            escape_line("@a_@karmada-io/maintainers"),
            "`@a_@karmada-io/maintainers`"
        );
        // Not in the website's table, which GitHub does not notify from.
        assert_eq!(escape_site_line("at @scale"), "at @scale");
        assert_eq!(escape_site_line("<b>"), "\\<b\\>");
    }

    #[test]
    fn blocks_keep_paragraphs_and_escape_each_line() {
        assert_eq!(
            escape_block("\n\nfirst\n- second\n\n\n\n# third\n"),
            "first\n\\- second\n\n\\# third"
        );
        assert_eq!(escape_block("a\r\nb"), "a\nb");
        assert_eq!(escape_block("   "), "");
    }

    #[test]
    fn removes_controls_and_bidi_overrides() {
        assert_eq!(escape_line("a\u{0}b\u{202E}c\u{7}"), "abc");
        assert_eq!(escape_line("\u{0}- item"), "\\- item");
        assert_eq!(escape_block("x\n\u{202E}# h"), "x\n\\# h");
    }

    #[test]
    fn links() {
        assert_eq!(
            autolink_or_text("https://e.example/a"),
            "<https://e.example/a>"
        );
        assert_eq!(
            autolink_or_text("https://e.example/<x>"),
            "<https://e.example/%3Cx%3E>"
        );
        assert_eq!(
            autolink_or_text("javascript:alert(1)"),
            "javascript:alert\\(1\\)"
        );
        assert_eq!(
            link("[evil](x)", "https://e.example/a_(b)|c"),
            "[\\[evil\\]\\(x\\)](https://e.example/a_%28b%29%7Cc)"
        );
    }
}
