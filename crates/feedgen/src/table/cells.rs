//! A row's raw text taken apart: cells split on unescaped pipes, `[text](target)` links found
//! by hand (so a target's stray spaces can be reported), and the CaseStudy cell's entries.

use super::{CaseCell, CellLink};
use crate::markdown::{collapse_whitespace, plain_text};

/// Splits a table row on unescaped `|`; the outer pipes are optional. `\|` stays in the cell
/// as `\|` (Markdown turns it into `|` later).
pub fn split_row(line: &str) -> Vec<String> {
    let t = line.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let mut cells = Vec::new();
    let mut current = String::new();
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                current.push(c);
                if let Some(next) = chars.next() {
                    current.push(next);
                }
            }
            '|' => cells.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    if !current.trim().is_empty() || !t.ends_with('|') {
        cells.push(current);
    }
    cells.iter().map(|c| c.trim().to_string()).collect()
}

/// `[text](target)` links in a cell, in order; `target` keeps inner and surrounding spaces.
pub fn find_links(cell: &str) -> Vec<CellLink> {
    let chars: Vec<char> = cell.chars().collect();
    let mut links = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '[' || (i > 0 && chars[i - 1] == '!') {
            i += 1;
            continue;
        }
        // Matching ']' with nesting.
        let mut depth = 0usize;
        let mut j = i;
        let mut close = None;
        while j < chars.len() {
            match chars[j] {
                '\\' => j += 1,
                '[' => depth += 1,
                ']' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(j);
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        let Some(close) = close else { break };
        if chars.get(close + 1) != Some(&'(') {
            i += 1;
            continue;
        }
        let mut depth = 0usize;
        let mut k = close + 1;
        let mut end = None;
        while k < chars.len() {
            match chars[k] {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(k);
                        break;
                    }
                }
                _ => {}
            }
            k += 1;
        }
        let Some(end) = end else {
            i += 1;
            continue;
        };
        let text: String = chars[i + 1..close].iter().collect();
        let target: String = chars[close + 2..end].iter().collect();
        links.push(CellLink {
            text: plain_text(&text),
            target,
        });
        i = end + 1;
    }
    links
}

/// Splits the CaseStudy cell on `<br>`/`<br/>`/`<br />` and reads each part.
pub fn parse_case_cell(cell: &str) -> Vec<CaseCell> {
    let mut out = Vec::new();
    for part in split_br(cell) {
        let part = part.trim();
        if part.is_empty() || part == "-" {
            continue;
        }
        if part.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("TBD")) {
            let note = part[3..].trim();
            let note = note
                .strip_prefix('(')
                .and_then(|n| n.strip_suffix(')'))
                .or_else(|| note.strip_prefix('（').and_then(|n| n.strip_suffix('）')))
                .unwrap_or(note);
            out.push(CaseCell::Tbd(collapse_whitespace(note)));
            continue;
        }
        let links = find_links(part);
        if links.is_empty() {
            out.push(CaseCell::Text(plain_text(part)));
        } else {
            out.extend(links.into_iter().map(CaseCell::Link));
        }
    }
    out
}

fn split_br(cell: &str) -> Vec<&str> {
    let lower = cell.to_ascii_lowercase();
    let mut parts = Vec::new();
    let mut start = 0;
    let mut search = 0;
    while let Some(found) = lower[search..].find("<br") {
        let at = search + found;
        let after = &lower[at + 3..];
        let Some(close) = after.find('>') else { break };
        let inner = &after[..close];
        if inner.trim().trim_end_matches('/').trim().is_empty() {
            parts.push(&cell[start..at]);
            start = at + 3 + close + 1;
        }
        search = at + 3 + close + 1;
    }
    parts.push(&cell[start..]);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_and_cells() {
        assert_eq!(split_row("| a | b \\| c | d |"), ["a", "b \\| c", "d"]);
        assert_eq!(split_row("a | b"), ["a", "b"]);
        let links = find_links("![img](x.png) [a [b]](u1) [no link] [c](u(2))");
        assert_eq!(
            links,
            vec![
                CellLink {
                    text: "a [b]".into(),
                    target: "u1".into()
                },
                CellLink {
                    text: "c".into(),
                    target: "u(2)".into()
                }
            ]
        );
        assert_eq!(find_links("[unclosed](http://x"), vec![]);
        assert_eq!(
            split_br("a<BR>b<br/>c< br>d<br />e<bra>f"),
            ["a", "b", "c< br>d", "e<bra>f"]
        );
    }
}
