//! The home page's logo wall, `src/data/supporters.js`: kept by hand, beside the adopters table
//! and checked against nothing until now. `feedgen check` reports where the two disagree, so
//! that the file can be retired for the feed (the showcase's logo wall).
//!
//! The file imports each logo (`import huawei from "../../static/img/supporters/huawei.png"`)
//! and lists entries (`logo: huawei,`); only those two shapes are read.

use std::collections::{BTreeMap, HashMap};

use crate::report::Diagnostic;

/// Where karmada.io keeps its logo wall.
pub const SUPPORTERS_FILE: &str = "src/data/supporters.js";

/// One logo on the wall.
#[derive(Clone, Debug, PartialEq)]
pub struct WallEntry {
    /// The file under `static/img/supporters/`.
    pub file: String,
    /// 1-based line of its `logo:` entry.
    pub line: usize,
}

/// The logos on the wall, in its order, and what could not be read.
pub fn parse(text: &str) -> (Vec<WallEntry>, Vec<Diagnostic>) {
    let mut imports: HashMap<&str, String> = HashMap::new();
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line_number = index + 1;
        if let Some((name, module)) = crate::logos::js_import(line) {
            if let Some((_, file)) = module.rsplit_once("/img/supporters/") {
                imports.insert(name, file.to_string());
            }
        } else if let Some(rest) = line.trim().strip_prefix("logo:") {
            let name = rest.trim().trim_end_matches(',').trim();
            match imports.get(name) {
                Some(file) => entries.push(WallEntry {
                    file: file.clone(),
                    line: line_number,
                }),
                None => problems.push(Diagnostic::warning(
                    SUPPORTERS_FILE,
                    line_number,
                    format!("logo `{name}` is not an image imported from static/img/supporters/"),
                )),
            }
        }
    }
    (entries, problems)
}

/// An adopter as the wall is checked against it.
pub struct Adopter<'a> {
    pub name: &'a str,
    /// Its logo file under `static/img/supporters/`, when it has one there.
    pub logo_file: Option<&'a str>,
    /// Where its row is: (file, line).
    pub row: (&'a str, usize),
}

/// Where the wall and the adopters disagree: a logo on the wall that is no adopter's, the same
/// logo twice, and an adopter whose logo is not on the wall.
pub fn drift(wall: &[WallEntry], adopters: &[Adopter]) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let owner: BTreeMap<&str, &str> = adopters
        .iter()
        .filter_map(|a| Some((a.logo_file?, a.name)))
        .collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for entry in wall {
        if let Some(first) = seen.insert(&entry.file, entry.line) {
            problems.push(Diagnostic::warning(
                SUPPORTERS_FILE,
                entry.line,
                format!(
                    "{} is on the logo wall twice (first on line {first})",
                    entry.file
                ),
            ));
        } else if !owner.contains_key(entry.file.as_str()) {
            problems.push(Diagnostic::warning(
                SUPPORTERS_FILE,
                entry.line,
                format!(
                    "the logo wall shows {}, which is no adopter's logo in the adopters table",
                    entry.file
                ),
            ));
        }
    }
    for adopter in adopters {
        let Some(file) = adopter.logo_file else {
            continue;
        };
        if !seen.contains_key(file) {
            problems.push(Diagnostic::warning(
                adopter.row.0,
                adopter.row.1,
                format!(
                    "{:?} is an adopter with a logo ({file}) that is not on the home page's logo wall ({SUPPORTERS_FILE})",
                    adopter.name
                ),
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    const WALL: &str = r#"import huawei from "../../static/img/supporters/huawei.png"
import icbc from "../../static/img/supporters/icbc.png"
import gone from "../../static/img/supporters/gone.png"

const supportersData = [
    {
        logo: huawei,
        alt: 'huawei',
    },
    {
        logo: gone,
        alt: 'gone',
    },
    {
        logo: huawei,
        alt: 'again',
    },
    {
        logo: notImported,
    },
];
"#;

    #[test]
    fn reads_the_wall_with_lines() {
        let (entries, problems) = parse(WALL);
        let files: Vec<(&str, usize)> = entries.iter().map(|e| (e.file.as_str(), e.line)).collect();
        assert_eq!(
            files,
            [("huawei.png", 7), ("gone.png", 11), ("huawei.png", 15)]
        );
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 19);
        assert!(problems[0].message.contains("notImported"));
    }

    #[test]
    fn reports_both_directions_and_duplicates() {
        let (entries, _) = parse(WALL);
        let adopters = [
            Adopter {
                name: "Huawei",
                logo_file: Some("huawei.png"),
                row: ("src/pages/adopters.md", 10),
            },
            Adopter {
                name: "ICBC",
                logo_file: Some("icbc.png"),
                row: ("src/pages/adopters.md", 11),
            },
            Adopter {
                name: "No Logo",
                logo_file: None,
                row: ("src/pages/adopters.md", 12),
            },
        ];
        let found: Vec<String> = drift(&entries, &adopters)
            .iter()
            .map(Diagnostic::to_text)
            .collect();
        assert_eq!(found.len(), 3, "{found:#?}");
        assert!(found[0]
            .starts_with("src/data/supporters.js:11: warning: the logo wall shows gone.png"));
        assert!(found[1].starts_with("src/data/supporters.js:15: warning: huawei.png is on the logo wall twice (first on line 7)"));
        assert!(found[2].starts_with(
            "src/pages/adopters.md:11: warning: \"ICBC\" is an adopter with a logo (icbc.png)"
        ));
    }
}
