//! Joins the sources into one feed: tables (en + zh), announcement posts (en + zh), partners,
//! case-study docs, logos, and the facts file. [`Builder::run`] names the stages; each has its
//! own module.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use members_feed::{to_pretty_json, Feed, SCHEMA_VERSION};

use crate::casestudies::{self, CaseDoc, DOCS_DIR, ZH_DOCS_DIR};
use crate::facts::Facts;
use crate::logos::ImageInfo;
use crate::partners::Partner;
use crate::posts::BLOG_DIR;
use crate::report::{Diagnostic, Report};
use crate::source::{read_text_file, Site};
use crate::table::{self, Row};

mod case_studies;
mod featured;
mod logos;
mod members;
mod partners;
mod posts;
mod tables;

pub use featured::{sentence_listing, Quotable, FROM_ANNOUNCEMENT, FROM_CASE_STUDY};
use posts::PostPair;
use tables::Tables;

pub const EN_TABLE: &str = "src/pages/adopters.md";
pub const ZH_TABLE: &str = "i18n/zh/docusaurus-plugin-content-pages/adopters.md";

/// What a build produced: the feed and every problem found on the way.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub feed: Feed,
    pub report: Report,
    /// By member id, the pages each member could be featured with, sentence by sentence.
    pub quotable: BTreeMap<String, Vec<Quotable>>,
}

impl Outcome {
    pub fn json(&self) -> String {
        to_pretty_json(&self.feed)
    }
}

/// Reads the site at `site` with the facts file at `facts_path` and builds the feed.
/// `generated_at` overrides the date taken from the content.
pub fn build(site_root: &Path, facts_path: &Path, generated_at: Option<&str>) -> Outcome {
    let mut b = Builder {
        site: Site::new(site_root),
        report: Report::default(),
        facts: Facts::default(),
        facts_shown: shown_path(site_root, facts_path),
        facts_text: String::new(),
        logo_cache: HashMap::new(),
        quotable: BTreeMap::new(),
    };
    b.load_facts(facts_path);
    let feed = b.run(generated_at);
    let mut report = b.report;
    report.finish();
    Outcome {
        feed,
        report,
        quotable: b.quotable,
    }
}

/// A path as reports show it: relative to the site when it is inside, else as given.
fn shown_path(site: &Path, path: &Path) -> String {
    // The file may not exist: canonicalize its folder instead.
    let canonical = match (path.parent(), path.file_name()) {
        (Some(dir), Some(name)) => {
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            dir.canonicalize().ok().map(|d| d.join(name))
        }
        _ => None,
    };
    let rel = match (site.canonicalize(), canonical) {
        (Ok(s), Some(p)) => p.strip_prefix(&s).ok().map(|r| r.to_path_buf()),
        _ => None,
    };
    rel.unwrap_or_else(|| path.to_path_buf())
        .to_string_lossy()
        .replace('\\', "/")
}

struct Builder {
    site: Site,
    report: Report,
    facts: Facts,
    facts_shown: String,
    facts_text: String,
    logo_cache: HashMap<String, Result<Option<ImageInfo>, String>>,
    quotable: BTreeMap<String, Vec<Quotable>>,
}

/// What the stages after the tables read: every source, joined by member id.
struct Sources {
    tables: Tables,
    /// Every member's id: the adopters' and the partners'.
    ids: BTreeSet<String>,
    en_docs: BTreeMap<String, CaseDoc>,
    zh_docs: BTreeMap<String, CaseDoc>,
    /// Whether the site has case-study docs at all (our sample content has none).
    docs_present: bool,
    posts: BTreeMap<String, PostPair>,
    partner_of: BTreeMap<String, Partner>,
    /// The partners' Chinese descriptions by their `Translate` id.
    zh_descriptions: BTreeMap<String, String>,
}

impl Builder {
    fn load_facts(&mut self, path: &Path) {
        match read_text_file(path, &self.facts_shown) {
            Ok(text) => {
                let (facts, diags) = Facts::parse(&text, &self.facts_shown);
                self.facts = facts;
                self.facts_text = text;
                self.report.extend(diags);
            }
            Err(mut d) => {
                if !path.exists() {
                    d.message = "facts file not found; every member gets a derived id".into();
                }
                self.report.push(d);
            }
        }
    }

    fn facts_line(&self, id: &str) -> usize {
        crate::facts::member_line(&self.facts_text, id).unwrap_or(0)
    }

    fn read(&mut self, rel: &str, required: bool) -> Option<String> {
        match self.site.read_text(rel) {
            Ok(Some(text)) => Some(text),
            Ok(None) => {
                if required {
                    self.report
                        .push(Diagnostic::error(rel, 0, "file not found"));
                }
                None
            }
            Err(d) => {
                self.report.push(d);
                None
            }
        }
    }

    fn table(&mut self, rel: &str) -> Vec<Row> {
        let Some(text) = self.read(rel, true) else {
            return Vec::new();
        };
        match table::parse_adopters(&text, rel) {
            Ok((rows, diags)) => {
                self.report.extend(diags);
                rows
            }
            Err(d) => {
                self.report.push(d);
                Vec::new()
            }
        }
    }
    /// The stages, in order.
    fn run(&mut self, generated_at: Option<&str>) -> Feed {
        let sources = self.sources();
        let members = self.members(&sources);
        // The home page's logo wall, kept by hand, against the adopters.
        self.check_logo_wall(&members, &sources.tables.en);
        let feed = Feed {
            schema_version: SCHEMA_VERSION,
            generated_at: self.generated_at(generated_at, &sources.posts),
            members,
        };
        self.check_feed(&feed);
        feed
    }

    /// The tables, case-study docs, posts and partners, each joined by member id, and the
    /// facts checked against them.
    fn sources(&mut self) -> Sources {
        let tables = self.tables();
        let (en_docs, en_problems) = casestudies::read_docs(&self.site, DOCS_DIR);
        let (zh_docs, zh_problems) = casestudies::read_docs(&self.site, ZH_DOCS_DIR);
        self.report.extend(en_problems);
        self.report.extend(zh_problems);
        let docs_present = self.site.exists(DOCS_DIR);
        let posts = self.posts(&tables.en);
        let (partner_list, zh_descriptions) = self.partners();
        let partner_of = self.partners_by_id(partner_list, &tables.en);
        let ids: BTreeSet<String> = tables.en.keys().chain(partner_of.keys()).cloned().collect();
        self.check_facts(&ids, &tables.en, &partner_of);
        Sources {
            tables,
            ids,
            en_docs,
            zh_docs,
            docs_present,
            posts,
            partner_of,
            zh_descriptions,
        }
    }

    /// `generatedAt`: as given, else the newest announcement's date.
    fn generated_at(&mut self, given: Option<&str>, posts: &BTreeMap<String, PostPair>) -> String {
        match given {
            Some(g) => g.to_string(),
            None => match posts.values().map(|p| p.en.date.clone()).max() {
                Some(date) => format!("{date}T00:00:00Z"),
                None => {
                    self.report.push(Diagnostic::warning(
                        BLOG_DIR,
                        0,
                        "no dated announcement found; generatedAt is 1970-01-01T00:00:00Z (pass --generated-at)",
                    ));
                    "1970-01-01T00:00:00Z".into()
                }
            },
        }
    }

    /// The app reads the feed with `members_feed::parse_feed`: what it would refuse is an error.
    fn check_feed(&mut self, feed: &Feed) {
        match members_feed::parse_feed(&to_pretty_json(feed)) {
            Ok(validated) => {
                for problem in validated.problems {
                    self.report.push(Diagnostic::error(
                        "members.json",
                        0,
                        format!("the built feed fails validation: {problem}"),
                    ));
                }
            }
            Err(e) => self
                .report
                .push(Diagnostic::error("members.json", 0, e.to_string())),
        }
    }
}

/// Scheme and host lowercase, no trailing `/`: `https://kuaishou.com/` equals
/// `https://kuaishou.com`, but `www.` and `.com`/`.cn` differences remain differences.
pub fn normalize_url(url: &str) -> String {
    let u = url.trim();
    let (scheme, rest) = u.split_once("://").unwrap_or(("", u));
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    format!(
        "{}://{}{}",
        scheme.to_ascii_lowercase(),
        host.to_ascii_lowercase(),
        path.trim_end_matches('/')
    )
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_normalisation() {
        assert_eq!(
            normalize_url("https://kuaishou.com/"),
            normalize_url("https://kuaishou.com")
        );
        assert_eq!(normalize_url("HTTPS://JDCloud.com/"), "https://jdcloud.com");
        assert_ne!(
            normalize_url("https://longbridge.com/"),
            normalize_url("https://www.longbridge.com/")
        );
        assert_ne!(
            normalize_url("https://www.360.com"),
            normalize_url("https://www.360.cn")
        );
    }
}
