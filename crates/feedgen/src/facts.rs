//! The facts file (`content/facts.toml`): what the sources do not say, or say differently —
//! one entry per member id with names, aliases, kinds, industry, country and logo.

use std::collections::{BTreeMap, HashMap};

use members_feed::{is_slug, Kind};
use serde::Deserialize;

use crate::report::Diagnostic;
use crate::source::LineIndex;

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactsFile {
    #[serde(default)]
    pub members: BTreeMap<String, Fact>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// English name shown in the feed.
    pub name: String,
    /// Simplified Chinese name, when the organisation has one.
    #[serde(default)]
    pub name_zh: Option<String>,
    /// Every other spelling found in the sources (table names, blog slugs, logo names…).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// `adopter`, `vendor`, `partner`. Adopter and partner are checked against the sources;
    /// vendor is an editorial flag.
    #[serde(default)]
    pub kinds: Vec<String>,
    #[serde(default)]
    pub industry: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
    /// The organisation's website (used to join rows by host, and when a source has none).
    #[serde(default)]
    pub website: Option<String>,
    #[serde(default)]
    pub logo: Option<LogoFact>,
    /// Case-study docs (`docs/casestudies/<stem>.md`) about this member that no table links.
    #[serde(default)]
    pub docs: Vec<String>,
    /// Featured at the top of the list with a sentence of its own story.
    #[serde(default)]
    pub featured: Option<FeaturedFact>,
}

/// Which sentence features a member: named by its number and fingerprint, not copied, so the
/// facts file holds no sentence of the sources and a changed source is noticed
/// (`feedgen sentences` prints both for every sentence a member could be quoted by).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeaturedFact {
    /// `announcement`, or `case-study:<stem>` for `docs/casestudies/<stem>.md`.
    pub from: String,
    pub en: SentenceRef,
    /// The Chinese version's sentence; English is shown where there is none.
    #[serde(default)]
    pub zh: Option<SentenceRef>,
}

/// One sentence of a page: its number (from 1) and [`fingerprint`].
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SentenceRef {
    pub sentence: usize,
    pub fingerprint: String,
}

/// The line (from 1) of `[members.<id>]` in a facts file's text.
pub fn member_line(text: &str, id: &str) -> Option<usize> {
    table_line(text, &format!("members.{id}"))
}

/// The line of `[members.<id>.featured]`, else of the member's own table.
pub fn featured_line(text: &str, id: &str) -> Option<usize> {
    table_line(text, &format!("members.{id}.featured")).or_else(|| member_line(text, id))
}

fn table_line(text: &str, table: &str) -> Option<usize> {
    let header = format!("[{table}]");
    text.lines()
        .position(|line| line.trim() == header)
        .map(|at| at + 1)
}

/// What is wrong with how `featured` names its sentence, before any page is read.
fn featured_problems(
    id: &str,
    featured: &FeaturedFact,
    path: &str,
    line: usize,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let from_case_study = featured
        .from
        .strip_prefix(crate::build::FROM_CASE_STUDY)
        .is_some_and(crate::source::is_file_stem);
    if featured.from != crate::build::FROM_ANNOUNCEMENT && !from_case_study {
        problems.push(Diagnostic::error(
            path,
            line,
            format!(
                "{id}: featured from {:?}: `announcement` or `case-study:<stem>`",
                featured.from
            ),
        ));
    }
    for (lang, named) in [("en", Some(&featured.en)), ("zh", featured.zh.as_ref())] {
        let Some(named) = named else { continue };
        let is_fingerprint = named.fingerprint.len() == 8
            && named
                .fingerprint
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if named.sentence == 0 || !is_fingerprint {
            problems.push(Diagnostic::error(
                path,
                line,
                format!("{id}: featured.{lang} needs a sentence number from 1 and an 8-digit hex fingerprint (`feedgen sentences --member {id}`)"),
            ));
        }
    }
    problems
}

/// Eight hex digits that change when a sentence does (FNV-1a over its UTF-8).
pub fn fingerprint(sentence: &str) -> String {
    let hash = sentence.bytes().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    });
    format!("{hash:08x}")
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogoFact {
    /// File name under `static/img/supporters/`.
    pub file: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

/// The facts with lookup indexes.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    pub members: BTreeMap<String, Fact>,
    by_name: HashMap<String, String>,
    by_host: HashMap<String, String>,
}

/// Lowercase letters and digits (and any non-ASCII letters, for Chinese names) only:
/// `DaoCloud.io` → `daocloudio`, `HelloGroup(NASDAQ: MOMO)` → `hellogroupnasdaqmomo`,
/// `挚文集团（陌陌）` → `挚文集团陌陌`.
pub fn name_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The host of an URL without `www.`, lowercase: `https://www.XiaoHongShu.com/` → `xiaohongshu.com`.
pub fn host_key(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://").map(|(_, r)| r)?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

impl Facts {
    /// Parses and checks a facts file; every problem is reported with its line.
    pub fn parse(text: &str, path: &str) -> (Facts, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let file: FactsFile = match toml::from_str(text) {
            Ok(file) => file,
            Err(e) => {
                let line = e
                    .span()
                    .map(|s| LineIndex::new(text).line(s.start))
                    .unwrap_or(1);
                let message = e.message().replace('\n', " ");
                diags.push(Diagnostic::error(
                    path,
                    line,
                    format!("facts file: {message}"),
                ));
                return (Facts::default(), diags);
            }
        };
        let line_of = |id: &str| member_line(text, id).unwrap_or(1);
        let line_of_featured = |id: &str| featured_line(text, id).unwrap_or(1);
        let mut featured_count = 0;
        let mut facts = Facts {
            members: file.members,
            ..Facts::default()
        };
        for (id, fact) in &facts.members {
            let line = line_of(id);
            if !is_slug(id) {
                diags.push(Diagnostic::error(
                    path,
                    line,
                    format!("id {id:?} is not a slug (a-z, 0-9, inner hyphens)"),
                ));
            }
            if fact.name.trim().is_empty() {
                diags.push(Diagnostic::error(path, line, format!("{id}: empty name")));
            }
            for kind in &fact.kinds {
                if Kind::parse(kind).is_none() {
                    diags.push(Diagnostic::error(
                        path,
                        line,
                        format!("{id}: unknown kind {kind:?} (adopter, vendor, partner)"),
                    ));
                }
            }
            if let Some(country) = &fact.country {
                if !(country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase())) {
                    diags.push(Diagnostic::error(
                        path,
                        line,
                        format!("{id}: country {country:?} is not an ISO 3166-1 alpha-2 code"),
                    ));
                } else if browse::labels::country(country).is_none() {
                    diags.push(Diagnostic::warning(
                        path,
                        line,
                        format!("{id}: country {country:?} has no name in the app's table (crates/browse/src/labels.rs), so the page shows the code itself"),
                    ));
                }
            }
            if let Some(industry) = &fact.industry {
                if industry.len() > members_feed::MAX_INDUSTRY_BYTES {
                    diags.push(Diagnostic::error(
                        path,
                        line,
                        format!(
                            "{id}: industry is longer than {} bytes: the app would drop it",
                            members_feed::MAX_INDUSTRY_BYTES
                        ),
                    ));
                } else if !is_slug(industry) {
                    diags.push(Diagnostic::error(
                        path,
                        line,
                        format!("{id}: industry {industry:?} is not a slug"),
                    ));
                } else if browse::labels::industry(industry).is_none() {
                    diags.push(Diagnostic::warning(
                        path,
                        line,
                        format!("{id}: industry {industry:?} has no label in the app's table (crates/browse/src/labels.rs), so the page shows the slug itself"),
                    ));
                }
            }
            if let Some(featured) = &fact.featured {
                diags.extend(featured_problems(id, featured, path, line_of_featured(id)));
                featured_count += 1;
                if featured_count > members_feed::MAX_FEATURED {
                    diags.push(Diagnostic::error(
                        path,
                        line_of_featured(id),
                        format!(
                            "{id}: more than {} members are featured; the feed features the first {} by id",
                            members_feed::MAX_FEATURED,
                            members_feed::MAX_FEATURED
                        ),
                    ));
                }
            }
            let mut keys: Vec<String> = vec![id.clone(), fact.name.clone()];
            keys.extend(fact.name_zh.iter().cloned());
            keys.extend(fact.aliases.iter().cloned());
            for key in keys {
                let key = name_key(&key);
                if key.is_empty() {
                    continue;
                }
                if let Some(other) = facts.by_name.insert(key.clone(), id.clone()) {
                    if &other != id {
                        diags.push(Diagnostic::error(
                            path,
                            line,
                            format!("{id}: name or alias {key:?} is also used by {other}"),
                        ));
                    }
                }
            }
            if let Some(host) = fact.website.as_deref().and_then(host_key) {
                if let Some(other) = facts.by_host.insert(host.clone(), id.clone()) {
                    if &other != id {
                        diags.push(Diagnostic::error(
                            path,
                            line,
                            format!("{id}: website host {host} is also used by {other}"),
                        ));
                    }
                }
            }
        }
        (facts, diags)
    }

    /// The member id whose name, Chinese name or alias is `name` (compared by [`name_key`]).
    pub fn by_name(&self, name: &str) -> Option<&str> {
        self.by_name.get(&name_key(name)).map(String::as_str)
    }

    /// The member id whose website has the host of `url` (ignoring `www.`).
    pub fn by_host(&self, url: &str) -> Option<&str> {
        self.by_host.get(&host_key(url)?).map(String::as_str)
    }

    /// By name first, then by website host.
    pub fn resolve(&self, name: &str, website: Option<&str>) -> Option<&str> {
        self.by_name(name)
            .or_else(|| website.and_then(|w| self.by_host(w)))
    }

    pub fn get(&self, id: &str) -> Option<&Fact> {
        self.members.get(id)
    }
}

/// A member id from a name ([`members_feed::slugify`]); `member` for a name with no ASCII
/// letter or digit (the id is made unique after).
pub fn slugify(name: &str) -> String {
    match members_feed::slugify(name) {
        id if id.is_empty() => "member".into(),
        id => id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FACTS: &str = r#"
# comment
[members.rednote]
name = "RedNote"
name_zh = "小红书"
aliases = ["xiaohongshu", "Xiaohongshu Technology"]
kinds = ["adopter"]
industry = "internet"
country = "CN"
website = "https://www.xiaohongshu.com"
logo = { file = "xiaohongshu.png", width = 580, height = 580 }

[members.daocloud]
name = "DaoCloud"
name_zh = "道客网络科技"
aliases = ["DaoCloud.io"]
kinds = ["adopter", "vendor", "partner"]
"#;

    #[test]
    fn lookups_by_name_alias_and_host() {
        let (facts, diags) = Facts::parse(FACTS, "facts.toml");
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(facts.by_name("小红书"), Some("rednote"));
        assert_eq!(facts.by_name("XiaoHongShu"), Some("rednote"));
        assert_eq!(facts.by_name("DaoCloud.io"), Some("daocloud"));
        assert_eq!(facts.by_name("daocloud"), Some("daocloud"));
        assert_eq!(facts.by_host("https://xiaohongshu.com"), Some("rednote"));
        assert_eq!(
            facts.resolve("Unknown", Some("http://www.xiaohongshu.com/x")),
            Some("rednote")
        );
        assert_eq!(facts.resolve("Unknown", None), None);
        let logo = facts.get("rednote").unwrap().logo.as_ref().unwrap();
        assert_eq!((logo.width, logo.height), (Some(580), Some(580)));
    }

    #[test]
    fn bad_facts_are_reported_with_lines() {
        let (_, diags) = Facts::parse("[members.x]\nname = \"X\"\nkind = []\n", "f.toml");
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].line, 3, "{diags:?}");
        let (_, diags) = Facts::parse("[members.x\nname=1", "f.toml");
        assert_eq!(diags[0].line, 1);
        let text = "[members.Bad_Id]\nname = \"A\"\ncountry = \"usa\"\nkinds = [\"friend\"]\naliases = [\"same\"]\n\n[members.b]\nname = \"B\"\naliases = [\"Same\"]\n";
        let (_, diags) = Facts::parse(text, "f.toml");
        let msgs: Vec<String> = diags.iter().map(|d| d.to_text()).collect();
        assert_eq!(
            msgs,
            [
                "f.toml:1: error: id \"Bad_Id\" is not a slug (a-z, 0-9, inner hyphens)",
                "f.toml:1: error: Bad_Id: unknown kind \"friend\" (adopter, vendor, partner)",
                "f.toml:1: error: Bad_Id: country \"usa\" is not an ISO 3166-1 alpha-2 code",
                "f.toml:7: error: b: name or alias \"same\" is also used by Bad_Id",
            ]
        );
    }

    #[test]
    fn a_case_study_is_named_by_its_file_stem() {
        let named = |from: &str| {
            let text = format!("[members.a]\nname = \"A\"\n\n[members.a.featured]\nfrom = \"{from}\"\nen = {{ sentence = 1, fingerprint = \"0123abcd\" }}\n");
            Facts::parse(&text, "f.toml").1
        };
        assert!(named("case-study:hurricane_engine").is_empty());
        assert!(named("announcement").is_empty());
        for wrong in ["case-study:", "case-study:../x", "case-study:a b", "blog"] {
            assert_eq!(named(wrong).len(), 1, "{wrong}");
        }
    }

    #[test]
    fn at_most_three_members_are_featured() {
        let text: String = ["a", "b", "c", "d"]
            .iter()
            .map(|id| {
                format!(
                    "[members.{id}]\nname = \"{id}\"\n\n[members.{id}.featured]\nfrom = \"announcement\"\nen = {{ sentence = 1, fingerprint = \"0123abcd\" }}\n\n"
                )
            })
            .collect();
        let (facts, diags) = Facts::parse(&text, "f.toml");
        assert_eq!(facts.members.len(), 4);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(diags[0]
            .message
            .starts_with("d: more than 3 members are featured"));
        assert_eq!(diags[0].line, 25, "the line of [members.d.featured]");
    }

    #[test]
    fn values_the_page_cannot_name_are_warned_about() {
        let text = "[members.a]\nname = \"A\"\nindustry = \"spaceflight\"\ncountry = \"ZZ\"\n\n[members.b]\nname = \"B\"\nindustry = \"aerospace\"\ncountry = \"CN\"\n";
        let (_, diags) = Facts::parse(text, "f.toml");
        let msgs: Vec<String> = diags.iter().map(|d| d.to_text()).collect();
        assert_eq!(
            msgs,
            [
                "f.toml:1: warning: a: country \"ZZ\" has no name in the app's table (crates/browse/src/labels.rs), so the page shows the code itself",
                "f.toml:1: warning: a: industry \"spaceflight\" has no label in the app's table (crates/browse/src/labels.rs), so the page shows the slug itself",
            ]
        );
    }

    #[test]
    fn an_industry_the_app_would_drop_is_an_error() {
        let slug = "a".repeat(members_feed::MAX_INDUSTRY_BYTES + 1);
        let text = format!("[members.a]\nname = \"A\"\nindustry = \"{slug}\"\n");
        let (_, diags) = Facts::parse(&text, "f.toml");
        let msgs: Vec<String> = diags.iter().map(|d| d.to_text()).collect();
        assert_eq!(
            msgs,
            ["f.toml:1: error: a: industry is longer than 80 bytes: the app would drop it"]
        );
    }

    #[test]
    fn keys_and_slugs() {
        assert_eq!(name_key("HelloGroup(NASDAQ: MOMO)"), "hellogroupnasdaqmomo");
        assert_eq!(name_key("挚文集团（陌陌）"), "挚文集团陌陌");
        assert_eq!(
            host_key("https://WWW.Example.com:443/a?b"),
            Some("example.com".into())
        );
        assert_eq!(host_key("example.com"), None);
        assert_eq!(slugify("Trip.com"), "trip-com");
        assert_eq!(slugify("Neen S.p.A"), "neen-s-p-a");
        assert_eq!(slugify("小红书"), "member");
        assert!(is_slug("qihoo-360") && !is_slug("a--b") && !is_slug("-a"));
    }
}
