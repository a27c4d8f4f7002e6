//! `feedgen export --format adopters-md`: the adopters table as karmada.io's adopters page
//! writes it (`| Organization/Company Name | Website | Usage Scenario | CaseStudy |`, sorted by
//! English name), from the feed, for a repository that keeps its own copy (Karmada's
//! `ADOPTERS.md`). [`crate::table`] reads it back to the same members.

use members_feed::{Kind, Lang, Member};

use crate::table::sort_key;

/// The table's header and separator in `lang`, as the website's two tables have them.
fn header(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "| Organization/Company Name | Website | Usage Scenario | CaseStudy |\n|---|---|---|---|\n",
        Lang::Zh => "| 组织/公司名称 | 网站 | 使用场景 | 案例研究 |\n|---|---|---|---|\n",
    }
}

/// The adopters of `members` as a Markdown table in `lang` (English where a translation is
/// missing).
pub fn adopters_markdown(members: &[Member], lang: Lang) -> String {
    let mut adopters: Vec<&Member> = members
        .iter()
        .filter(|member| member.has_kind(Kind::Adopter))
        .collect();
    // The website's rule: "sorted alphabetically by the first letter of their English names".
    adopters.sort_by(|a, b| {
        sort_key(&a.name.en)
            .cmp(&sort_key(&b.name.en))
            .then_with(|| a.id.cmp(&b.id))
    });
    let mut table = String::from(header(lang));
    for member in adopters {
        let studies: Vec<String> = member
            .case_studies
            .iter()
            .map(|study| {
                format!(
                    "[{}]({})",
                    link_text(study.title.text(lang)),
                    link_target(study.url.text(lang))
                )
            })
            .collect();
        table.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            cell(member.name.text(lang)),
            link_target(&member.website),
            cell(member.usage.text(lang)),
            studies.join("<br/>")
        ));
    }
    table
}

/// Text in a cell: one line, its pipes escaped, and nothing Markdown or HTML would read as
/// markup (a feed's text is text).
fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
    {
        match c {
            '|' | '\\' | '`' | '*' | '_' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    out
}

/// A link's text: as a cell's.
fn link_text(text: &str) -> String {
    cell(text)
}

/// A link's target: no space, parenthesis or pipe that would end it or the cell early.
fn link_target(url: &str) -> String {
    url.trim()
        .replace(' ', "%20")
        .replace('(', "%28")
        .replace(')', "%29")
        .replace('|', "%7C")
        .replace('<', "%3C")
        .replace('>', "%3E")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{parse_adopters, CaseCell};

    fn members() -> Vec<Member> {
        let text = serde_json::json!({
            "schemaVersion": 1,
            "generatedAt": "2026-01-02T00:00:00Z",
            "members": [
                {
                    "id": "zeta", "name": { "en": "Zeta | Pipes", "zh": "泽塔" }, "kinds": ["adopter"],
                    "website": "https://zeta.example.com/a(b)", "usage": { "en": "Runs *all* <b>things</b>\non [two] lines", "zh": "用于多集群。" },
                    "caseStudies": [
                        { "title": { "en": "Talk [1]" }, "url": { "en": "https://www.youtube.com/watch?v=x" }, "kind": "video" },
                        { "title": { "en": "Doc" }, "url": { "en": "https://karmada.io/docs/casestudies/zeta" }, "kind": "doc" }
                    ]
                },
                { "id": "alpha", "name": { "en": "alpha" }, "kinds": ["adopter", "vendor"], "website": "https://alpha.example.com/", "usage": { "en": "Uses it." } },
                { "id": "partner-only", "name": { "en": "Partner" }, "kinds": ["partner"], "website": "https://p.example.com/", "usage": { "en": "Supports it." } }
            ]
        })
        .to_string();
        members_feed::parse_feed(&text).unwrap().members
    }

    #[test]
    fn the_table_reads_back_as_the_same_adopters() {
        let markdown = adopters_markdown(&members(), Lang::En);
        let (rows, problems) = parse_adopters(&markdown, "ADOPTERS.md").unwrap();
        assert!(problems.is_empty(), "{problems:?}\n{markdown}");
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["alpha", "Zeta | Pipes"]);
        let zeta = &rows[1];
        assert_eq!(
            zeta.website.as_deref(),
            Some("https://zeta.example.com/a%28b%29")
        );
        assert_eq!(zeta.usage, "Runs *all* <b>things</b> on [two] lines");
        let links: Vec<(String, String)> = zeta
            .case_studies
            .iter()
            .map(|case| match case {
                CaseCell::Link(link) => (link.text.clone(), link.url()),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            links,
            [
                (
                    "Talk [1]".to_string(),
                    "https://www.youtube.com/watch?v=x".to_string()
                ),
                (
                    "Doc".to_string(),
                    "https://karmada.io/docs/casestudies/zeta".to_string()
                ),
            ]
        );
        assert!(!markdown.contains("Partner"));
    }

    #[test]
    fn in_chinese_with_english_where_untranslated() {
        let markdown = adopters_markdown(&members(), Lang::Zh);
        assert!(markdown.starts_with("| 组织/公司名称 | 网站 | 使用场景 | 案例研究 |"));
        assert!(markdown.contains("| 泽塔 | https://zeta.example.com/a%28b%29 | 用于多集群。 |"));
        assert!(markdown.contains("| alpha | https://alpha.example.com/ | Uses it. |"));
    }
}
