//! The would-be member as the showcase will show it: a preview [`Member`], the feed entry JSON,
//! and the row for the adopters table on karmada.io.

use members_feed::{
    check_absolute_http_url, CaseStudy, CaseStudyKind, Kind, Localized, Logo, Member, PartnerInfo,
};

use crate::fields::{Program, ORG_VENDOR};
use crate::markdown::{escape_site_line, link, link_url};
use crate::validate::{is_logo_url, parse_case_study};
use crate::values::FormValues;

/// A feed id from a name ([`members_feed::slugify`]). May be empty (an all-Chinese name).
pub fn slug(name: &str) -> String {
    members_feed::slugify(name)
}

/// The member id: the slug of the name; for a name without Latin letters or digits, the slug of
/// the website's host without `www.` and the top-level domain (`小红书` with
/// `https://www.xiaohongshu.com` gives `xiaohongshu`); else `new-member`.
pub fn member_id(name: &str, website: &str) -> String {
    let from_name = slug(name);
    if !from_name.is_empty() {
        return from_name;
    }
    if let Ok(url) = check_absolute_http_url(website) {
        let host = url
            .split_once("://")
            .map(|(_, rest)| rest)
            .unwrap_or("")
            .split(['/', '?', '#', ':'])
            .next()
            .unwrap_or("");
        let host = host.rsplit('@').next().unwrap_or(host);
        let host = host.strip_prefix("www.").unwrap_or(host);
        let labels: Vec<&str> = host.split('.').collect();
        let without_tld = if labels.len() > 1 {
            labels[..labels.len() - 1].join("-")
        } else {
            host.to_string()
        };
        let from_host = slug(&without_tld);
        if !from_host.is_empty() {
            return from_host;
        }
    }
    "new-member".to_string()
}

/// Short names people type for a country besides the showcase's own (`browse::labels`, where
/// Hong Kong is "Hong Kong, China" / "中国香港").
const COUNTRY_ALIASES: &[(&str, &str, &str)] =
    &[("HK", "hong kong", "香港"), ("TW", "taiwan", "台湾")];

/// The ISO 3166-1 alpha-2 code for a typed country, when it is a code or a known name.
pub fn country_code(raw: &str) -> Option<String> {
    let text = raw.trim();
    if text.len() == 2 && text.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Some(text.to_ascii_uppercase());
    }
    // Lowercased a character at a time: `str::to_lowercase` differs only in its word-final
    // sigma, which no name below contains, and would bring a second lowercasing function (and
    // its tables) into the wasm besides the search's per-character one.
    let lower: String = text.chars().flat_map(char::to_lowercase).collect();
    let lower = match lower.as_str() {
        "usa" | "u.s." | "u.s.a." | "united states of america" => "united states",
        "uk" | "great britain" => "united kingdom",
        "korea" | "republic of korea" => "south korea",
        "prc" | "people's republic of china" | "中华人民共和国" => "china",
        other => other,
    };
    let shown = browse::labels::COUNTRIES
        .iter()
        .find(|label| {
            label
                .en
                .chars()
                .flat_map(char::to_lowercase)
                .eq(lower.chars())
                || label.zh == text
        })
        .map(|label| label.key);
    shown
        .or_else(|| {
            COUNTRY_ALIASES
                .iter()
                .find(|(_, en, zh)| *en == lower || *zh == text)
                .map(|(code, _, _)| *code)
        })
        .map(str::to_string)
}

fn case_studies(values: &FormValues) -> Vec<CaseStudy> {
    values
        .list("case-studies")
        .iter()
        .filter_map(|item| parse_case_study(item))
        .map(|(title, url)| {
            let lower = url.to_ascii_lowercase();
            let kind = if ["youtube.com", "youtu.be", "bilibili.com", "vimeo.com"]
                .iter()
                .any(|site| lower.contains(site))
            {
                CaseStudyKind::Video
            } else {
                CaseStudyKind::Doc
            };
            CaseStudy {
                title: Localized::en(title),
                url: Localized::en(url),
                kind,
            }
        })
        .collect()
}

fn single_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The member card the showcase would show, from the current (possibly incomplete) values.
/// Invalid or empty optional fields are left out; `website` is `""` until it is a valid URL.
/// `None` for [`Program::Individual`], which adds a person, not an organisation.
pub fn preview_member(program: Program, values: &FormValues) -> Option<Member> {
    if program == Program::Individual {
        return None;
    }
    let name = single_line(values.text("org-name"));
    let website = check_absolute_http_url(values.text("website")).unwrap_or_default();
    let logo = Some(values.text("logo"))
        .filter(|url| is_logo_url(url))
        .and_then(|url| check_absolute_http_url(url).ok())
        .map(|url| Logo {
            url,
            width: None,
            height: None,
        });
    let (kinds, usage, partner, country, case_studies) = match program {
        Program::Partner => {
            let description = values.text("description").trim().to_string();
            let partner = PartnerInfo {
                description: Localized::en(description.clone()),
                url: website.clone(),
            };
            (
                vec![Kind::Partner],
                description,
                Some(partner),
                None,
                vec![],
            )
        }
        _ => {
            let mut kinds = vec![Kind::Adopter];
            if values.text("org-type").trim() == ORG_VENDOR {
                kinds.push(Kind::Vendor);
            }
            (
                kinds,
                values.text("usage").trim().to_string(),
                None,
                country_code(values.text("country")),
                case_studies(values),
            )
        }
    };
    Some(Member {
        id: member_id(&name, &website),
        name: Localized::en(name),
        aliases: vec![],
        kinds,
        website,
        logo,
        industry: None,
        country,
        usage: Localized::en(usage),
        joined: None,
        announcement: None,
        case_studies,
        partner,
        featured: None,
    })
}

/// "Copy feed entry": the preview member as pretty-printed feed JSON (`None` for individuals).
pub fn feed_entry_json(program: Program, values: &FormValues) -> Option<String> {
    let member = preview_member(program, values)?;
    serde_json::to_string_pretty(&member).ok()
}

/// The row for the adopters table in karmada-io/website:
/// `| Name | https://site | Usage | [Title](url)<br/>[Title](url) |`, every cell escaped so a
/// `|` in the input cannot add a column.
pub fn adopters_row(values: &FormValues) -> String {
    let website = match check_absolute_http_url(values.text("website")) {
        Ok(url) => link_url(&url),
        Err(_) => escape_site_line(values.text("website")),
    };
    let studies = values
        .list("case-studies")
        .iter()
        .filter_map(|item| parse_case_study(item))
        .map(|(title, url)| link(&title, &url))
        .collect::<Vec<_>>()
        .join("<br/>");
    let cells = [
        escape_site_line(values.text("org-name")),
        website,
        escape_site_line(values.text("usage")),
        studies,
    ];
    let mut row = String::from("|");
    for cell in cells {
        row.push(' ');
        row.push_str(&cell);
        row.push_str(" |");
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        // The feed's own rule (members_feed::slugify, tested there); the id falls back on the
        // website's host for a name without ASCII letters.
        assert_eq!(slug("DaoCloud.io"), "daocloud-io");
        assert_eq!(
            member_id("小红书", "https://www.xiaohongshu.com/"),
            "xiaohongshu"
        );
        assert_eq!(
            member_id("小红书", "https://cloud.example.co:8443/x"),
            "cloud-example"
        );
        // A user before the host is refused, so it names no member.
        assert_eq!(
            member_id("小红书", "https://user@cloud.example.co/x"),
            "new-member"
        );
        assert_eq!(member_id("小红书", ""), "new-member");
    }

    #[test]
    fn countries() {
        assert_eq!(country_code("cn").as_deref(), Some("CN"));
        assert_eq!(country_code(" China ").as_deref(), Some("CN"));
        assert_eq!(country_code("中国").as_deref(), Some("CN"));
        assert_eq!(country_code("USA").as_deref(), Some("US"));
        assert_eq!(country_code("Atlantis"), None);
        // The showcase's own names for a country, in both languages, and the short ones.
        for (name, code) in [
            ("中国香港", "HK"),
            ("Hong Kong, China", "HK"),
            ("香港", "HK"),
            ("hong kong", "HK"),
            ("中国台湾", "TW"),
            ("台湾", "TW"),
            ("Taiwan, China", "TW"),
        ] {
            assert_eq!(country_code(name).as_deref(), Some(code), "{name}");
        }
        for label in browse::labels::COUNTRIES {
            assert_eq!(
                country_code(label.zh).as_deref(),
                Some(label.key),
                "{}",
                label.zh
            );
            assert_eq!(
                country_code(label.en).as_deref(),
                Some(label.key),
                "{}",
                label.en
            );
        }
        assert_eq!(country_code(""), None);
    }

    fn adopter() -> FormValues {
        let mut v = FormValues::new();
        v.set_text("org-name", "Awesome | Corp");
        v.set_text("website", "https://awesome.example/");
        v.set_text("country", "Singapore");
        v.set_text("org-type", "vendor");
        v.set_text("usage", "Runs | everything\nacross regions.");
        v.set_text("logo", "https://awesome.example/logo.SVG?x=1");
        v.set_list(
            "case-studies",
            vec![
                "Talk | one https://www.youtube.com/watch?v=abc".into(),
                "https://awesome.example/blog".into(),
                "broken".into(),
            ],
        );
        v
    }

    #[test]
    fn preview_from_values() {
        let m = preview_member(Program::Adopter, &adopter()).unwrap();
        assert_eq!(m.id, "awesome-corp");
        assert_eq!(m.kinds, [Kind::Adopter, Kind::Vendor]);
        assert_eq!(m.country.as_deref(), Some("SG"));
        assert_eq!(m.logo.unwrap().url, "https://awesome.example/logo.SVG?x=1");
        assert_eq!(m.case_studies.len(), 2);
        assert_eq!(m.case_studies[0].kind, CaseStudyKind::Video);
        assert_eq!(m.case_studies[0].title.en, "Talk | one");
        assert_eq!(m.case_studies[1].kind, CaseStudyKind::Doc);
        assert_eq!(m.usage.en, "Runs | everything\nacross regions.");
        assert!(preview_member(Program::Individual, &adopter()).is_none());
    }

    #[test]
    fn preview_omits_invalid_fields_and_never_panics() {
        let mut v = FormValues::new();
        v.set_text("website", "javascript:alert(1)");
        v.set_text("logo", "https://e.example/logo.gif");
        v.set_text("org-type", "end-user");
        let m = preview_member(Program::Adopter, &v).unwrap();
        assert_eq!(m.website, "");
        assert_eq!(m.logo, None);
        assert_eq!(m.kinds, [Kind::Adopter]);
        assert_eq!(m.id, "new-member");
        let p = preview_member(Program::Partner, &FormValues::new()).unwrap();
        assert_eq!(p.kinds, [Kind::Partner]);
        assert_eq!(p.partner.unwrap().url, "");
    }

    #[test]
    fn partner_preview_and_json() {
        let mut v = FormValues::new();
        v.set_text("org-name", "Partner Co");
        v.set_text("description", "Karmada support.");
        v.set_text("website", "https://partner.example/karmada");
        v.set_text("logo", "https://partner.example/logo.png");
        let json = feed_entry_json(Program::Partner, &v).unwrap();
        let back: Member = serde_json::from_str(&json).unwrap();
        assert_eq!(back.kinds, [Kind::Partner]);
        assert_eq!(back.partner.unwrap().url, "https://partner.example/karmada");
        assert!(json.contains("\n  \"id\": \"partner-co\""), "{json}");
        assert!(feed_entry_json(Program::Individual, &v).is_none());
    }

    #[test]
    fn preview_is_accepted_by_the_feed_reader() {
        let m = preview_member(Program::Adopter, &adopter()).unwrap();
        let feed = members_feed::Feed {
            schema_version: members_feed::SCHEMA_VERSION,
            generated_at: "2025-01-01T00:00:00Z".into(),
            members: vec![m.clone()],
        };
        let parsed = members_feed::parse_feed(&serde_json::to_string(&feed).unwrap()).unwrap();
        assert_eq!(parsed.problems, vec![]);
        assert_eq!(parsed.members, vec![m]);
    }

    #[test]
    fn table_row_escapes_pipes() {
        assert_eq!(
            adopters_row(&adopter()),
            "| Awesome \\| Corp | https://awesome.example/ | Runs \\| everything across regions. | \
             [Talk \\| one](https://www.youtube.com/watch?v=abc)<br/>\
             [https://awesome.example/blog](https://awesome.example/blog) |"
        );
        let mut v = FormValues::new();
        v.set_text("website", "not a url | x");
        assert_eq!(adopters_row(&v), "|  | not a url \\| x |  |  |");
    }
}
