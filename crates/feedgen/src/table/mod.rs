//! The adopters tables (`src/pages/adopters.md` and its Chinese twin): one Markdown table with
//! the columns Name | Website | Usage Scenario | CaseStudy.
//!
//! Cells seen upstream: Markdown links, `<br/>`-separated link lists, `TBD`, `TBD(…)`, padding
//! spaces, inline code and links inside usage text, a link target with a space before `)`.

mod cells;
mod row;

use crate::report::Diagnostic;
pub use cells::{find_links, parse_case_cell, split_row};
pub use row::check_link_target;
use row::parse_row;

pub const COLUMNS: usize = 4;

/// A `[text](target)` found in a cell; `target` is exactly what is between the parentheses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellLink {
    pub text: String,
    pub target: String,
}

impl CellLink {
    /// The target as a browser would use it (surrounding spaces trimmed).
    pub fn url(&self) -> String {
        self.target.trim().to_string()
    }
}

/// One entry of the CaseStudy column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaseCell {
    Link(CellLink),
    /// `TBD` or `TBD(note)`; holds the note.
    Tbd(String),
    /// Text with no link.
    Text(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// 1-based line of the row in its file.
    pub line: usize,
    pub name: String,
    /// The website URL (trimmed; taken from a link when the cell holds one); `None` when empty.
    pub website: Option<String>,
    /// Plain text of the usage cell.
    pub usage: String,
    pub usage_links: Vec<CellLink>,
    pub case_studies: Vec<CaseCell>,
}

/// Reads the first table of the file. Rows that cannot be read are reported and left out; a
/// file with no table at all is an error.
pub fn parse_adopters(text: &str, path: &str) -> Result<(Vec<Row>, Vec<Diagnostic>), Diagnostic> {
    let lines: Vec<&str> = text.lines().collect();
    let mut diags = Vec::new();
    let mut header = None;
    let mut fence = false;
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = !fence;
            continue;
        }
        if fence || !t.starts_with('|') {
            continue;
        }
        if lines.get(i + 1).is_some_and(|next| is_separator(next)) {
            header = Some(i);
            break;
        }
        diags.push(Diagnostic::error(
            path,
            i + 1,
            "table header without a separator line (|---|---|…)",
        ));
        return Err(diags.remove(0));
    }
    let Some(header) = header else {
        return Err(Diagnostic::error(
            path,
            lines.len().max(1),
            "no adopters table found (expected | Name | Website | Usage Scenario | CaseStudy |)",
        ));
    };
    let header_cells = split_row(lines[header]);
    if header_cells.len() != COLUMNS {
        return Err(Diagnostic::error(
            path,
            header + 1,
            format!(
                "table header has {} columns, expected {COLUMNS} (Name | Website | Usage Scenario | CaseStudy)",
                header_cells.len()
            ),
        ));
    }
    let mut rows = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(header + 2) {
        let t = line.trim();
        if !t.starts_with('|') {
            break;
        }
        let lineno = i + 1;
        let cells = split_row(line);
        if cells.len() != COLUMNS {
            let hint = if cells.len() < COLUMNS && !t.ends_with('|') {
                " (truncated row?)"
            } else if cells.len() > COLUMNS {
                " (an unescaped | inside a cell?)"
            } else {
                ""
            };
            diags.push(Diagnostic::error(
                path,
                lineno,
                format!(
                    "row has {} cells, expected {COLUMNS}{hint}; row skipped",
                    cells.len()
                ),
            ));
            continue;
        }
        if let Some(row) = parse_row(&cells, lineno, path, &mut diags) {
            rows.push(row);
        }
    }
    if rows.is_empty() && diags.is_empty() {
        diags.push(Diagnostic::error(
            path,
            header + 1,
            "the adopters table has no rows",
        ));
    }
    Ok((rows, diags))
}

fn is_separator(line: &str) -> bool {
    let t = line.trim();
    t.contains('-')
        && t.contains('|')
        && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// Sort key of a name for the "sorted alphabetically" rule: case-insensitive.
pub fn sort_key(name: &str) -> String {
    name.to_lowercase()
}

/// Warnings for rows whose name sorts before the previous row's. `names` holds
/// (line, shown name, sort name).
pub fn order_warnings(names: &[(usize, String, String)], path: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for pair in names.windows(2) {
        let (prev, cur) = (&pair[0], &pair[1]);
        if sort_key(&cur.2) < sort_key(&prev.2) {
            out.push(Diagnostic::warning(
                path,
                cur.0,
                format!(
                    "{:?} is out of alphabetical order (after {:?})",
                    cur.1, prev.1
                ),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "---\ntitle: x\n---\n\nIntro with | a pipe.\n\n| Organization/Company Name | Website | Usage Scenario | CaseStudy |\n|---|---|---|---|\n| Alpha   |   https://alpha.example/  | Uses the [ORANG](https://orang.cloud/) `low-code` platform. | [Talk A](https://www.youtube.com/watch?v=a)<br/>[Talk B](https://youtu.be/b?si=x) <br /> [Doc](/docs/casestudies/alpha) |\n| Beta | http://beta.example | Runs things. | TBD(KCD Beijing 2026 video) |\n| Gamma |  | Nothing. | TBD |\n| Delta | https://delta.example | Space. | [Karmada in Delta](https://www.youtube.com/watch?v=jZg6TmyciyI ) |\n| Epsilon | https://eps.example | Escaped \\| pipe. | [Bad](https://a.example/x y) |\n| Zeta | https://zeta.example |\n\nAfter the table.\n";

    #[test]
    fn reads_every_irregular_cell() {
        let (rows, diags) = parse_adopters(TABLE, "adopters.md").unwrap();
        let names: Vec<_> = rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"]);
        let alpha = &rows[0];
        assert_eq!(alpha.line, 9);
        assert_eq!(alpha.website.as_deref(), Some("https://alpha.example/"));
        assert_eq!(alpha.usage, "Uses the ORANG low-code platform.");
        assert_eq!(alpha.usage_links[0].target, "https://orang.cloud/");
        assert_eq!(
            alpha.case_studies,
            vec![
                CaseCell::Link(CellLink {
                    text: "Talk A".into(),
                    target: "https://www.youtube.com/watch?v=a".into()
                }),
                CaseCell::Link(CellLink {
                    text: "Talk B".into(),
                    target: "https://youtu.be/b?si=x".into()
                }),
                CaseCell::Link(CellLink {
                    text: "Doc".into(),
                    target: "/docs/casestudies/alpha".into()
                }),
            ]
        );
        assert_eq!(
            rows[1].case_studies,
            vec![CaseCell::Tbd("KCD Beijing 2026 video".into())]
        );
        assert_eq!(rows[2].website, None);
        assert_eq!(rows[2].case_studies, vec![CaseCell::Tbd(String::new())]);
        assert_eq!(rows[4].usage, "Escaped | pipe.");
        let shown: Vec<String> = diags.iter().map(|d| d.to_text()).collect();
        assert_eq!(
            shown,
            [
                "adopters.md:10: warning: \"Beta\" website http://beta.example is not https",
                "adopters.md:10: warning: \"Beta\" case study is TBD (KCD Beijing 2026 video)",
                "adopters.md:11: error: \"Gamma\" has no website",
                "adopters.md:11: warning: \"Gamma\" case study is TBD",
                "adopters.md:12: warning: \"Delta\" case study URL \"https://www.youtube.com/watch?v=jZg6TmyciyI \" has a space inside the link target",
                "adopters.md:13: error: \"Epsilon\" case study URL \"https://a.example/x y\" has a space inside; left out",
                "adopters.md:14: error: row has 2 cells, expected 4; row skipped",
            ]
        );
    }

    #[test]
    fn truncated_and_missing_tables() {
        let (rows, diags) = parse_adopters(
            "| A | B | C | D |\n|---|---|---|---|\n| X | https://x.io | use",
            "t.md",
        )
        .unwrap();
        assert!(rows.is_empty());
        assert_eq!(
            diags[0].to_text(),
            "t.md:3: error: row has 3 cells, expected 4 (truncated row?); row skipped"
        );
        let e = parse_adopters("# Title\n\nno table here\n", "t.md").unwrap_err();
        assert_eq!((e.line, e.path.as_str()), (3, "t.md"));
        let e = parse_adopters("| A | B | C | D |\nnot a separator\n", "t.md").unwrap_err();
        assert_eq!(e.line, 1);
        let e = parse_adopters("| A | B |\n|---|---|\n| x | y |\n", "t.md").unwrap_err();
        assert!(e.message.contains("2 columns"), "{}", e.message);
        let e = parse_adopters("", "t.md").unwrap_err();
        assert_eq!(e.line, 1);
    }

    #[test]
    fn website_cell_may_be_a_link_or_refused() {
        let t = "|a|b|c|d|\n|-|-|-|-|\n|X|[x](https://x.example)|u||\n|Y|javascript:alert(1)|u||\n|Z|<https://z.example>|u||\n";
        let (rows, diags) = parse_adopters(t, "t.md").unwrap();
        assert_eq!(rows[0].website.as_deref(), Some("https://x.example"));
        assert_eq!(rows[1].website, None);
        assert_eq!(rows[2].website.as_deref(), Some("https://z.example"));
        assert!(diags.iter().all(|d| d.line == 4), "{diags:?}");
        assert!(diags.iter().any(|d| d.message.contains("not usable")));
    }

    #[test]
    fn order_is_case_insensitive() {
        let names = [
            (
                1,
                "Brain-inspired".to_string(),
                "Brain-inspired".to_string(),
            ),
            (2, "Cibfintech.com".into(), "Cibfintech.com".into()),
            (3, "CECloud".into(), "CECloud".into()),
            (4, "iFLYTEK".into(), "iFLYTEK".into()),
            (5, "ISCAS".into(), "ISCAS".into()),
        ];
        let w = order_warnings(&names, "a.md");
        assert_eq!(w.len(), 1);
        assert_eq!(
            w[0].to_text(),
            "a.md:3: warning: \"CECloud\" is out of alphabetical order (after \"Cibfintech.com\")"
        );
    }

    #[test]
    fn invisible_and_direction_characters_are_removed_with_a_warning() {
        let text = "| Name | Website | Usage | Case studies |\n| --- | --- | --- | --- |\n| Bloom\u{200B}berg\u{202E} | https://bloomberg.com | Uses it. | [Talk\u{FEFF}](https://example.com/t) |\n";
        let (rows, diags) = parse_adopters(text, "adopters.md").unwrap();
        assert_eq!(rows[0].name, "Bloomberg");
        assert!(matches!(&rows[0].case_studies[0], CaseCell::Link(link) if link.text == "Talk"));
        let messages: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        assert!(
            messages.iter().any(|m| m.contains("adopters.md:3")
                && m.contains("\"Bloomberg\": the name has invisible or direction characters (U+200B, U+202E); removed")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m
                .contains("the case study title has invisible or direction characters (U+FEFF)")),
            "{messages:?}"
        );
    }

    #[test]
    fn a_case_study_titled_with_another_address_is_left_out_with_an_error() {
        let text = "| Name | Website | Usage | Case studies |\n| --- | --- | --- | --- |\n| Acme | https://acme.example | Uses it. | [https://karmada.io/adopters](https://evil.example/phish) [Talk](https://acme.example/t) |\n";
        let (rows, diags) = parse_adopters(text, "adopters.md").unwrap();
        assert!(
            matches!(&rows[0].case_studies[..], [CaseCell::Link(link)] if link.text == "Talk"),
            "{:?}",
            rows[0].case_studies
        );
        let message = diags
            .iter()
            .map(|d| d.to_string())
            .find(|m| m.contains("web address other than its link"));
        assert!(
            message.is_some_and(|m| m.contains("adopters.md:3")),
            "{diags:?}"
        );
    }
}
