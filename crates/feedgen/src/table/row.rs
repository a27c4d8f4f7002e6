//! One row's cells checked and read into a [`Row`]: name, website, usage and case studies, with
//! a diagnostic for every problem found on the way.

use members_feed::{check_absolute_http_url, check_url};

use super::cells::{find_links, parse_case_cell};
use super::{CaseCell, Row};
use crate::markdown::plain_text;
use crate::report::Diagnostic;

pub(super) fn parse_row(
    cells: &[String],
    line: usize,
    path: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Row> {
    let mut name = plain_text(&cells[0]);
    remove_invisible(&mut name, "name", path, line, diags);
    if name.is_empty() {
        diags.push(Diagnostic::error(
            path,
            line,
            "row has no organisation name; row skipped",
        ));
        return None;
    }
    let website_cell = cells[1].trim();
    let website = if website_cell.is_empty() {
        diags.push(Diagnostic::error(
            path,
            line,
            format!("{name:?} has no website"),
        ));
        None
    } else {
        let raw = match find_links(website_cell).into_iter().next() {
            Some(link) => link.target,
            None => website_cell
                .trim_start_matches('<')
                .trim_end_matches('>')
                .to_string(),
        };
        check_link_target(&raw, &name, "website", path, line, diags);
        match check_absolute_http_url(&raw) {
            Ok(url) => Some(url),
            Err(why) => {
                diags.push(Diagnostic::error(
                    path,
                    line,
                    format!("{name:?} website {raw:?} is not usable: {}", why.message()),
                ));
                None
            }
        }
    };
    let usage_links = find_links(&cells[2]);
    for link in &usage_links {
        check_link_target(&link.target, &name, "usage link", path, line, diags);
    }
    let usage = plain_text(&cells[2]);
    if usage.is_empty() {
        diags.push(Diagnostic::warning(
            path,
            line,
            format!("{name:?} has no usage text"),
        ));
    }
    let mut case_studies = parse_case_cell(&cells[3]);
    for cell in &mut case_studies {
        if let CaseCell::Link(link) = cell {
            remove_invisible(&mut link.text, "case study title", path, line, diags);
        }
    }
    case_studies.retain(|cell| match cell {
        CaseCell::Link(link) if members_feed::title_misleads(&link.text, &link.target) => {
            diags.push(Diagnostic::error(
                path,
                line,
                format!(
                    "{name:?} case study title {:?} is a web address other than its link {:?}; left out",
                    link.text, link.target
                ),
            ));
            false
        }
        _ => true,
    });
    for cell in &case_studies {
        match cell {
            CaseCell::Link(link) => {
                check_link_target(&link.target, &name, "case study", path, line, diags)
            }
            CaseCell::Tbd(note) => diags.push(Diagnostic::warning(
                path,
                line,
                if note.is_empty() {
                    format!("{name:?} case study is TBD")
                } else {
                    format!("{name:?} case study is TBD ({note})")
                },
            )),
            CaseCell::Text(text) => diags.push(Diagnostic::warning(
                path,
                line,
                format!("{name:?} case study {text:?} has no link; left out"),
            )),
        }
    }
    Some(Row {
        line,
        name,
        website,
        usage,
        usage_links,
        case_studies,
    })
}

/// Takes out characters that cannot be seen or that turn the text's direction
/// ([`members_feed::is_invisible_format`]), with a warning: a name with them looks like
/// another member's (the app removes them too, and refuses a name that then repeats one).
fn remove_invisible(
    text: &mut String,
    what: &str,
    path: &str,
    line: usize,
    diags: &mut Vec<Diagnostic>,
) {
    let found: Vec<String> = text
        .chars()
        .filter(|&c| members_feed::is_invisible_format(c))
        .map(|c| format!("U+{:04X}", u32::from(c)))
        .collect();
    if found.is_empty() {
        return;
    }
    text.retain(|c| !members_feed::is_invisible_format(c));
    diags.push(Diagnostic::warning(
        path,
        line,
        format!(
            "{text:?}: the {what} has invisible or direction characters ({}); removed",
            found.join(", ")
        ),
    ));
}

/// Reports what is wrong with a link target found in a cell: spaces inside the parentheses,
/// a refused URL, plain `http://`.
pub fn check_link_target(
    raw: &str,
    name: &str,
    what: &str,
    path: &str,
    line: usize,
    diags: &mut Vec<Diagnostic>,
) {
    let trimmed = raw.trim();
    if trimmed.chars().any(char::is_whitespace) {
        diags.push(Diagnostic::error(
            path,
            line,
            format!("{name:?} {what} URL {raw:?} has a space inside; left out"),
        ));
        return;
    }
    if trimmed != raw {
        diags.push(Diagnostic::warning(
            path,
            line,
            format!("{name:?} {what} URL {raw:?} has a space inside the link target"),
        ));
    }
    if let Err(why) = check_url(trimmed) {
        diags.push(Diagnostic::error(
            path,
            line,
            format!("{name:?} {what} URL {raw:?} refused: {}", why.message()),
        ));
        return;
    }
    if trimmed
        .get(..7)
        .is_some_and(|s| s.eq_ignore_ascii_case("http://"))
    {
        diags.push(Diagnostic::warning(
            path,
            line,
            format!("{name:?} {what} {trimmed} is not https"),
        ));
    }
}
