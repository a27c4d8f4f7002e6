//! Joins the sources into one feed: tables (en + zh), announcement posts (en + zh), partners,
//! case-study docs, logos, and the facts file.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use members_feed::{
    check_absolute_http_url, to_pretty_json, Announcement, CaseStudy, CaseStudyKind, Feed, Kind,
    Localized, Logo, Member, PartnerInfo, SCHEMA_VERSION,
};

use crate::casestudies::{self, CaseDoc, DOCS_DIR, ZH_DOCS_DIR};
use crate::facts::{host_key, name_key, slugify, Facts};
use crate::logos::{self, ImageInfo, LOGO_DIR, LOGO_URL_BASE};
use crate::markdown::{self, Context};
use crate::partners::{self, Partner, PARTNERS_FILE, ZH_CODE_JSON};
use crate::posts::{self, Post, BLOG_DIR, ZH_BLOG_DIR};
use crate::report::{Diagnostic, Report};
use crate::source::{read_text_file, Site};
use crate::supporters::{self, SUPPORTERS_FILE};
use crate::table::{self, CaseCell, Row};

pub const EN_TABLE: &str = "src/pages/adopters.md";
pub const ZH_TABLE: &str = "i18n/zh/docusaurus-plugin-content-pages/adopters.md";

/// What a build produced: the feed and every problem found on the way.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub feed: Feed,
    pub report: Report,
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
    };
    b.load_facts(facts_path);
    let feed = b.run(generated_at);
    let mut report = b.report;
    report.finish();
    Outcome { feed, report }
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
}

/// One member's announcement in both languages.
struct PostPair {
    en: Post,
    zh: Option<Post>,
}

#[derive(Default)]
struct StudyDraft {
    title_en: Option<String>,
    title_zh: Option<String>,
    url_en: Option<String>,
    url_zh: Option<String>,
    kind: Option<CaseStudyKind>,
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
        let needle = format!("[members.{id}]");
        self.facts_text
            .lines()
            .position(|l| l.trim() == needle)
            .map(|i| i + 1)
            .unwrap_or(0)
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

    fn run(&mut self, generated_at: Option<&str>) -> Feed {
        // 1. Tables.
        let en_rows = self.table(EN_TABLE);
        let zh_rows = self.table(ZH_TABLE);
        let mut en: BTreeMap<String, Row> = BTreeMap::new();
        let mut en_order = Vec::new();
        for row in en_rows {
            let id = match self.facts.resolve(&row.name, row.website.as_deref()) {
                Some(id) => id.to_string(),
                None => {
                    let id = slugify(&row.name);
                    self.report.push(Diagnostic::warning(
                        EN_TABLE,
                        row.line,
                        format!(
                            "{:?} has no facts entry; id {id:?} derived from the name",
                            row.name
                        ),
                    ));
                    id
                }
            };
            if let Some(first) = en.get(&id) {
                self.report.push(Diagnostic::error(
                    EN_TABLE,
                    row.line,
                    format!(
                        "duplicate id {id:?}: {:?} and {:?} (line {}) are the same member; row left out",
                        row.name, first.name, first.line
                    ),
                ));
                continue;
            }
            en_order.push((row.line, row.name.clone(), row.name.clone()));
            en.insert(id, row);
        }
        self.report
            .extend(table::order_warnings(&en_order, EN_TABLE));

        let mut zh: BTreeMap<String, Row> = BTreeMap::new();
        let mut zh_order = Vec::new();
        for row in zh_rows {
            let id = self
                .facts
                .resolve(&row.name, row.website.as_deref())
                .map(str::to_string)
                .or_else(|| {
                    // No facts: the same website host, else the same name.
                    let host = row.website.as_deref().and_then(host_key);
                    en.iter()
                        .find(|(_, r)| {
                            host.is_some() && r.website.as_deref().and_then(host_key) == host
                        })
                        .or_else(|| {
                            en.iter()
                                .find(|(_, r)| name_key(&r.name) == name_key(&row.name))
                        })
                        .map(|(id, _)| id.clone())
                });
            let Some(id) = id.filter(|id| en.contains_key(id)) else {
                self.report.push(Diagnostic::error(
                    ZH_TABLE,
                    row.line,
                    format!(
                        "{:?} is in the Chinese table but not in the English table",
                        row.name
                    ),
                ));
                continue;
            };
            if let Some(first) = zh.get(&id) {
                self.report.push(Diagnostic::error(
                    ZH_TABLE,
                    row.line,
                    format!(
                        "duplicate id {id:?}: {:?} and {:?} (line {}) are the same member; row left out",
                        row.name, first.name, first.line
                    ),
                ));
                continue;
            }
            let en_row = &en[&id];
            if let (Some(a), Some(b)) = (&en_row.website, &row.website) {
                if normalize_url(a) != normalize_url(b) {
                    self.report.push(Diagnostic::warning(
                        ZH_TABLE,
                        row.line,
                        format!(
                            "{:?} website {b} differs from the English table ({a}, line {})",
                            row.name, en_row.line
                        ),
                    ));
                }
            }
            let shown = if row.name == en_row.name {
                row.name.clone()
            } else {
                format!("{} ({})", row.name, en_row.name)
            };
            zh_order.push((row.line, shown, en_row.name.clone()));
            zh.insert(id, row);
        }
        self.report
            .extend(table::order_warnings(&zh_order, ZH_TABLE));
        for (id, row) in &en {
            if !zh.contains_key(id) {
                self.report.push(Diagnostic::error(
                    EN_TABLE,
                    row.line,
                    format!(
                        "{:?} is in the English table but not in the Chinese table",
                        row.name
                    ),
                ));
            }
        }

        // 2. Case-study docs, posts, partners.
        let (en_docs, d1) = casestudies::read_docs(&self.site, DOCS_DIR);
        let (zh_docs, d2) = casestudies::read_docs(&self.site, ZH_DOCS_DIR);
        self.report.extend(d1);
        self.report.extend(d2);
        let docs_present = self.site.exists(DOCS_DIR);
        let posts = self.posts(&en);
        let (partner_list, zh_descriptions) = self.partners();

        // 3. Partners join.
        let mut partner_of: BTreeMap<String, Partner> = BTreeMap::new();
        for partner in partner_list {
            let id = self
                .facts
                .resolve(&partner.title, Some(&partner.web_url))
                .map(str::to_string)
                .or_else(|| {
                    let host = host_key(&partner.web_url);
                    en.iter()
                        .find(|(_, r)| name_key(&r.name) == name_key(&partner.title))
                        .or_else(|| {
                            en.iter().find(|(_, r)| {
                                host.is_some() && r.website.as_deref().and_then(host_key) == host
                            })
                        })
                        .map(|(id, _)| id.clone())
                })
                .unwrap_or_else(|| {
                    let id = slugify(&partner.title);
                    self.report.push(Diagnostic::warning(
                        PARTNERS_FILE,
                        partner.line,
                        format!(
                            "partner {:?} has no facts entry and no adopter row; id {id:?} derived from the name",
                            partner.title
                        ),
                    ));
                    id
                });
            if partner_of.contains_key(&id) {
                self.report.push(Diagnostic::error(
                    PARTNERS_FILE,
                    partner.line,
                    format!(
                        "duplicate id {id:?}: partner {:?} is listed twice; left out",
                        partner.title
                    ),
                ));
                continue;
            }
            partner_of.insert(id, partner);
        }

        // 4. Facts that the sources contradict or never use.
        let ids: BTreeSet<String> = en.keys().chain(partner_of.keys()).cloned().collect();
        let fact_ids: Vec<String> = self.facts.members.keys().cloned().collect();
        for id in fact_ids {
            let fact = &self.facts.members[&id];
            let line = self.facts_line(&id);
            let shown = self.facts_shown.clone();
            if !ids.contains(&id) {
                self.report.push(Diagnostic::warning(
                    shown,
                    line,
                    format!("facts entry {id:?} matches no adopter row and no partner"),
                ));
                continue;
            }
            let says = |k: &str| fact.kinds.iter().any(|x| x == k);
            if says("adopter") && !en.contains_key(&id) {
                self.report.push(Diagnostic::warning(
                    shown.clone(),
                    line,
                    format!(
                        "facts say {id:?} is an adopter, but the adopters table has no row for it"
                    ),
                ));
            }
            if says("partner") && !partner_of.contains_key(&id) {
                self.report.push(Diagnostic::warning(
                    shown.clone(),
                    line,
                    format!("facts say {id:?} is a partner, but {PARTNERS_FILE} does not list it"),
                ));
            }
            if !says("partner") && partner_of.contains_key(&id) {
                self.report.push(Diagnostic::warning(
                    shown,
                    line,
                    format!("{id:?} is listed as a partner but its facts do not say partner"),
                ));
            }
        }

        // 5. Members.
        let mut used_docs: BTreeSet<String> = BTreeSet::new();
        let mut members = Vec::new();
        for id in &ids {
            let fact = self.facts.get(id).cloned();
            let en_row = en.get(id);
            let zh_row = zh.get(id);
            let partner = partner_of.get(id);
            let post = posts.get(id);

            let mut kinds = Vec::new();
            if en_row.is_some() {
                kinds.push(Kind::Adopter);
            }
            if partner.is_some() {
                kinds.push(Kind::Partner);
            }
            if fact
                .as_ref()
                .is_some_and(|f| f.kinds.iter().any(|k| k == "vendor"))
            {
                kinds.push(Kind::Vendor);
            }
            kinds.sort();

            let name_en = fact
                .as_ref()
                .map(|f| f.name.clone())
                .or_else(|| en_row.map(|r| r.name.clone()))
                .or_else(|| partner.map(|p| p.title.clone()))
                .unwrap_or_else(|| id.clone());
            let name_zh = fact
                .as_ref()
                .and_then(|f| f.name_zh.clone())
                .or_else(|| zh_row.map(|r| r.name.clone()).filter(|n| n != &name_en));

            let website = en_row
                .and_then(|r| r.website.clone())
                .or_else(|| zh_row.and_then(|r| r.website.clone()))
                .or_else(|| fact.as_ref().and_then(|f| f.website.clone()))
                .or_else(|| partner.map(|p| p.web_url.clone()));
            let Some(website) = website.and_then(|w| check_absolute_http_url(&w).ok()) else {
                let (path, line) = match (en_row, partner) {
                    (Some(r), _) => (EN_TABLE.to_string(), r.line),
                    (None, Some(p)) => (PARTNERS_FILE.to_string(), p.line),
                    _ => (self.facts_shown.clone(), self.facts_line(id)),
                };
                self.report.push(Diagnostic::error(
                    path,
                    line,
                    format!("{name_en:?} has no usable website anywhere (table, facts, partners); member left out of the feed"),
                ));
                continue;
            };

            let mut aliases: Vec<String> =
                fact.as_ref().map(|f| f.aliases.clone()).unwrap_or_default();
            for row in [en_row, zh_row].into_iter().flatten() {
                aliases.push(row.name.clone());
            }
            aliases
                .retain(|a| a != &name_en && Some(a) != name_zh.as_ref() && !a.trim().is_empty());
            aliases.sort();
            aliases.dedup();

            let usage = match (en_row, partner) {
                (Some(r), _) => Localized {
                    en: r.usage.clone(),
                    zh: zh_row.map(|z| z.usage.clone()).filter(|u| !u.is_empty()),
                },
                (None, Some(p)) => Localized {
                    en: p.description.clone(),
                    zh: p
                        .translate_id
                        .as_ref()
                        .and_then(|t| zh_descriptions.get(t).cloned()),
                },
                _ => Localized::en(String::new()),
            };

            let logo = self.logo_for(id, fact.as_ref(), partner, post);

            let announcement = post.map(|pair| self.announcement(pair));
            let joined = post.map(|pair| pair.en.date.clone());

            let case_studies = self.case_studies(
                en_row,
                zh_row,
                fact.as_ref().map(|f| f.docs.clone()).unwrap_or_default(),
                &en_docs,
                &zh_docs,
                docs_present,
                &mut used_docs,
            );

            let partner_info = partner.map(|p| {
                let zh_desc = p
                    .translate_id
                    .as_ref()
                    .and_then(|t| zh_descriptions.get(t).cloned());
                if zh_desc.is_none() && zh_descriptions_present(&zh_descriptions) {
                    self.report.push(Diagnostic::warning(
                        ZH_CODE_JSON,
                        0,
                        format!(
                            "no Chinese description for partner {:?} ({})",
                            p.title,
                            p.translate_id.as_deref().unwrap_or("no Translate id")
                        ),
                    ));
                }
                PartnerInfo {
                    description: Localized {
                        en: p.description.clone(),
                        zh: zh_desc,
                    },
                    url: check_absolute_http_url(&p.web_url).unwrap_or_else(|_| website.clone()),
                }
            });

            members.push(Member {
                id: id.clone(),
                name: Localized {
                    en: name_en,
                    zh: name_zh,
                },
                aliases,
                kinds,
                website,
                logo,
                industry: fact.as_ref().and_then(|f| f.industry.clone()),
                country: fact.as_ref().and_then(|f| f.country.clone()),
                usage,
                joined,
                announcement,
                case_studies,
                partner: partner_info,
            });
        }
        for (stem, doc) in &en_docs {
            if !used_docs.contains(stem) {
                self.report.push(Diagnostic::warning(
                    &doc.path,
                    1,
                    format!("case study {stem:?} is linked from no adopter row and no facts entry"),
                ));
            }
        }
        for (stem, doc) in &zh_docs {
            if !used_docs.contains(stem) && !en_docs.contains_key(stem) {
                self.report.push(Diagnostic::warning(
                    &doc.path,
                    1,
                    format!("case study {stem:?} is linked from no adopter row and no facts entry"),
                ));
            }
        }
        members.sort_by(|a, b| a.id.cmp(&b.id));
        // 6. The home page's logo wall, kept by hand, against the adopters.
        self.check_logo_wall(&members, &en);

        let generated_at = match generated_at {
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
        };
        let feed = Feed {
            schema_version: SCHEMA_VERSION,
            generated_at,
            members,
        };
        // The app reads the feed with members_feed::parse_feed: what it would refuse is an error.
        match members_feed::parse_feed(&to_pretty_json(&feed)) {
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
        feed
    }

    /// Announcement posts by member id.
    fn posts(&mut self, en: &BTreeMap<String, Row>) -> BTreeMap<String, PostPair> {
        let mut out: BTreeMap<String, PostPair> = BTreeMap::new();
        let mut en_rels = BTreeSet::new();
        for rel in announcement_files(&self.site, BLOG_DIR, &mut self.report) {
            en_rels.insert(rel.clone());
            let path = format!("{BLOG_DIR}/{rel}");
            let Some(text) = self.read(&path, true) else {
                continue;
            };
            let post = match posts::parse_post(&text, &path, &rel) {
                Ok(post) => post,
                Err(d) => {
                    self.report.push(d);
                    continue;
                }
            };
            let zh_path = format!("{ZH_BLOG_DIR}/{rel}");
            let zh_post = match self.read(&zh_path, false) {
                Some(text) => match posts::parse_post(&text, &zh_path, &rel) {
                    Ok(p) => Some(p),
                    Err(d) => {
                        self.report.push(d);
                        None
                    }
                },
                None => None,
            };
            let candidates = [
                Some(post.member_name.clone()),
                Some(post.slug.clone()),
                posts::welcome_name(&post.title),
                zh_post.as_ref().map(|z| z.member_name.clone()),
            ];
            let id = candidates.iter().flatten().find_map(|name| {
                self.facts.by_name(name).map(str::to_string).or_else(|| {
                    en.iter()
                        .find(|(_, r)| name_key(&r.name) == name_key(name))
                        .map(|(id, _)| id.clone())
                })
            });
            let Some(id) = id.filter(|id| en.contains_key(id)) else {
                self.report.push(Diagnostic::error(
                    &path,
                    post.about_line,
                    format!(
                        "announcement for {:?} has no matching adopter row",
                        post.member_name
                    ),
                ));
                continue;
            };
            if let Some(first) = out.get(&id) {
                self.report.push(Diagnostic::error(
                    &path,
                    post.about_line,
                    format!(
                        "second announcement for {id:?} (first: {}); left out",
                        first.en.path
                    ),
                ));
                continue;
            }
            out.insert(
                id,
                PostPair {
                    en: post,
                    zh: zh_post,
                },
            );
        }
        let mut zh_only = Report::default();
        for rel in announcement_files(&self.site, ZH_BLOG_DIR, &mut zh_only) {
            if !en_rels.contains(&rel) {
                self.report.push(Diagnostic::error(
                    format!("{ZH_BLOG_DIR}/{rel}"),
                    0,
                    "Chinese announcement without an English post; left out",
                ));
            }
        }
        self.report.extend(zh_only.diagnostics);
        out
    }

    fn partners(&mut self) -> (Vec<Partner>, BTreeMap<String, String>) {
        let list = if !self.site.exists(PARTNERS_FILE) {
            self.report.push(Diagnostic::warning(
                PARTNERS_FILE,
                0,
                "file not found; no partners in the feed",
            ));
            Vec::new()
        } else if let Some(text) = self.read(PARTNERS_FILE, true) {
            let (list, diags) = partners::parse_partners(&text, PARTNERS_FILE);
            self.report.extend(diags);
            list
        } else {
            Vec::new()
        };
        let zh = match self.read(ZH_CODE_JSON, false) {
            Some(text) => match partners::parse_code_json(&text, ZH_CODE_JSON) {
                Ok(map) => map,
                Err(d) => {
                    self.report.push(d);
                    BTreeMap::new()
                }
            },
            None => BTreeMap::new(),
        };
        for p in &list {
            if let Err(why) = check_absolute_http_url(&p.web_url) {
                self.report.push(Diagnostic::error(
                    PARTNERS_FILE,
                    p.line,
                    format!(
                        "partner {:?} webURL {:?} refused: {}",
                        p.title,
                        p.web_url,
                        why.message()
                    ),
                ));
            } else if p.web_url.starts_with("http://") {
                self.report.push(Diagnostic::warning(
                    PARTNERS_FILE,
                    p.line,
                    format!("partner {:?} webURL {} is not https", p.title, p.web_url),
                ));
            }
        }
        (list, zh)
    }

    /// `src/data/supporters.js` (karmada.io's home-page logo wall) against the adopters and
    /// their logos; a site without it (our own sample content) has nothing to check.
    fn check_logo_wall(&mut self, members: &[Member], rows: &BTreeMap<String, Row>) {
        let text = match self.site.read_text(SUPPORTERS_FILE) {
            Ok(Some(text)) => text,
            Ok(None) => return,
            Err(problem) => return self.report.push(problem),
        };
        let (wall, problems) = supporters::parse(&text);
        self.report.extend(problems);
        let adopters: Vec<supporters::Adopter> = members
            .iter()
            .filter_map(|member| {
                let row = rows.get(&member.id)?;
                Some(supporters::Adopter {
                    name: &row.name,
                    logo_file: member
                        .logo
                        .as_ref()
                        .and_then(|logo| logos::logo_file_of_url(&logo.url)),
                    row: (EN_TABLE, row.line),
                })
            })
            .collect();
        self.report.extend(supporters::drift(&wall, &adopters));
    }

    /// The header of a logo file of the site (cached); `None` inside when the file is absent.
    fn logo_info(&mut self, file: &str) -> Result<Option<ImageInfo>, String> {
        if let Some(cached) = self.logo_cache.get(file) {
            return cached.clone();
        }
        let result = if file.contains('/') || file.contains("..") {
            Err("logo file name must not contain a path".to_string())
        } else {
            logos::read_logo(&self.site.path(&format!("{LOGO_DIR}/{file}")))
        };
        self.logo_cache.insert(file.to_string(), result.clone());
        result
    }

    /// Checks one reference to a logo file; returns its size when known. Without a
    /// `static/img/supporters` folder (our own content) nothing can be checked.
    fn check_logo_ref(&mut self, file: &str, path: &str, line: usize) -> Option<(u32, u32)> {
        if !self.site.exists(LOGO_DIR) {
            return None;
        }
        match self.logo_info(file) {
            Ok(Some(info)) => info.width.zip(info.height),
            Ok(None) => {
                self.report.push(Diagnostic::error(
                    path,
                    line,
                    format!("logo file {LOGO_DIR}/{file} is missing"),
                ));
                None
            }
            Err(why) => {
                self.report.push(Diagnostic::error(
                    format!("{LOGO_DIR}/{file}"),
                    1,
                    format!("logo {why}"),
                ));
                None
            }
        }
    }

    fn logo_for(
        &mut self,
        id: &str,
        fact: Option<&crate::facts::Fact>,
        partner: Option<&Partner>,
        post: Option<&PostPair>,
    ) -> Option<Logo> {
        // Every reference is checked, whichever one gives the logo.
        let mut candidates: Vec<(String, Option<(u32, u32)>)> = Vec::new();
        if let Some(logo) = fact.and_then(|f| f.logo.as_ref()) {
            let (path, line) = (self.facts_shown.clone(), self.facts_line(id));
            let size = self.check_logo_ref(&logo.file, &path, line);
            if let (Some((w, h)), Some(fw), Some(fh)) = (size, logo.width, logo.height) {
                if (w, h) != (fw, fh) {
                    self.report.push(Diagnostic::warning(
                        path,
                        line,
                        format!(
                            "{id}: facts say {} is {fw}x{fh}, the file is {w}x{h}",
                            logo.file
                        ),
                    ));
                }
            }
            candidates.push((logo.file.clone(), size.or(logo.width.zip(logo.height))));
        }
        if let Some(file) = partner.and_then(|p| p.logo_file.clone()) {
            let line = partner.map(|p| p.line).unwrap_or(0);
            let size = self.check_logo_ref(&file, PARTNERS_FILE, line);
            candidates.push((file, size));
        }
        for post in post
            .into_iter()
            .flat_map(|p| std::iter::once(&p.en).chain(p.zh.as_ref()))
        {
            if let Some((url, line)) = &post.logo {
                if let Some(file) = logos::logo_file_of_url(url) {
                    let size = self.check_logo_ref(file, &post.path, *line);
                    candidates.push((file.to_string(), size));
                }
            }
        }
        let (file, size) = candidates.into_iter().next()?;
        Some(Logo {
            url: format!("{LOGO_URL_BASE}{file}"),
            width: size.map(|s| s.0),
            height: size.map(|s| s.1),
        })
    }

    /// Size of an image of a post: from the site's file, else from the facts.
    fn image_sizes(&mut self, pair: &PostPair) -> HashMap<String, (u32, u32)> {
        let mut sizes = HashMap::new();
        let fact_sizes: Vec<(String, (u32, u32))> = self
            .facts
            .members
            .values()
            .filter_map(|f| f.logo.as_ref())
            .filter_map(|l| Some((l.file.clone(), l.width.zip(l.height)?)))
            .collect();
        let mut urls = Vec::new();
        for post in std::iter::once(&pair.en).chain(pair.zh.as_ref()) {
            collect_image_urls(&post.section, &mut urls);
        }
        for url in urls {
            let Some(file) = logos::logo_file_of_url(&url).map(str::to_string) else {
                continue;
            };
            let from_site = if self.site.exists(LOGO_DIR) {
                self.logo_info(&file)
                    .ok()
                    .flatten()
                    .and_then(|i| i.width.zip(i.height))
            } else {
                None
            };
            let size =
                from_site.or_else(|| fact_sizes.iter().find(|(f, _)| f == &file).map(|(_, s)| *s));
            if let Some(size) = size {
                sizes.insert(url, size);
            }
        }
        sizes
    }

    fn announcement(&mut self, pair: &PostPair) -> Announcement {
        let sizes = self.image_sizes(pair);
        let lookup = |url: &str| sizes.get(url).copied();
        let convert = |post: &Post, report: &mut Report| {
            let (doc, diags) = markdown::to_document(
                &post.section,
                &Context {
                    path: &post.path,
                    first_line: post.section_line,
                    image_size: &lookup,
                },
            );
            report.extend(diags);
            doc
        };
        let en_doc = convert(&pair.en, &mut self.report);
        let zh_doc = pair.zh.as_ref().map(|z| convert(z, &mut self.report));
        Announcement {
            date: pair.en.date.clone(),
            title: Localized {
                en: pair.en.title.clone(),
                zh: pair.zh.as_ref().map(|z| z.title.clone()),
            },
            url: Localized {
                en: format!("https://karmada.io/blog{}", pair.en.permalink),
                zh: pair
                    .zh
                    .as_ref()
                    .map(|z| format!("https://karmada.io/zh/blog{}", z.permalink)),
            },
            content: Localized {
                en: en_doc,
                zh: zh_doc,
            },
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn case_studies(
        &mut self,
        en_row: Option<&Row>,
        zh_row: Option<&Row>,
        fact_docs: Vec<String>,
        en_docs: &BTreeMap<String, CaseDoc>,
        zh_docs: &BTreeMap<String, CaseDoc>,
        docs_present: bool,
        used: &mut BTreeSet<String>,
    ) -> Vec<CaseStudy> {
        let mut order: Vec<String> = Vec::new();
        let mut drafts: HashMap<String, StudyDraft> = HashMap::new();
        let add = |key: String, order: &mut Vec<String>| -> String {
            if !order.contains(&key) {
                order.push(key.clone());
            }
            key
        };
        for (row, is_zh) in [(en_row, false), (zh_row, true)] {
            let Some(row) = row else { continue };
            let path = if is_zh { ZH_TABLE } else { EN_TABLE };
            for cell in &row.case_studies {
                let CaseCell::Link(link) = cell else { continue };
                let url = link.url();
                if url.chars().any(char::is_whitespace) || members_feed::check_url(&url).is_err() {
                    continue; // reported by the table reader
                }
                let (key, kind) = match casestudies::doc_stem(&url) {
                    Some(stem) => {
                        if docs_present
                            && !en_docs.contains_key(&stem)
                            && !zh_docs.contains_key(&stem)
                        {
                            self.report.push(Diagnostic::error(
                                path,
                                row.line,
                                format!("{:?} links case study {url:?}, but {DOCS_DIR}/{stem}.md does not exist", row.name),
                            ));
                        }
                        (format!("doc:{stem}"), CaseStudyKind::Doc)
                    }
                    None => (url.clone(), casestudies::kind_of(&url)),
                };
                let key = add(key, &mut order);
                let d = drafts.entry(key).or_default();
                d.kind = Some(kind);
                if is_zh {
                    d.title_zh.get_or_insert(link.text.clone());
                    d.url_zh.get_or_insert(url);
                } else {
                    d.title_en.get_or_insert(link.text.clone());
                    d.url_en.get_or_insert(url);
                }
            }
        }
        for stem in fact_docs {
            let key = add(format!("doc:{stem}"), &mut order);
            drafts.entry(key).or_default().kind = Some(CaseStudyKind::Doc);
        }
        let mut out = Vec::new();
        for key in order {
            let d = drafts.remove(&key).unwrap_or_default();
            if let Some(stem) = key.strip_prefix("doc:") {
                used.insert(stem.to_string());
                let en_doc = en_docs.get(stem);
                let zh_doc = zh_docs.get(stem);
                let title_en = en_doc
                    .map(|d| d.title.clone())
                    .or(d.title_en.clone())
                    .or_else(|| zh_doc.map(|d| d.title.clone()))
                    .or(d.title_zh.clone())
                    .unwrap_or_else(|| stem.to_string());
                let title_zh = zh_doc
                    .map(|d| d.title.clone())
                    .or(d.title_zh.clone())
                    .filter(|t| t != &title_en);
                let has_en = en_doc.is_some() || d.url_en.is_some() || !docs_present;
                let has_zh = zh_doc.is_some() || d.url_zh.is_some();
                let url_en = casestudies::doc_url(stem, !has_en);
                let url_zh = (has_zh && has_en).then(|| casestudies::doc_url(stem, true));
                out.push(CaseStudy {
                    title: Localized {
                        en: title_en,
                        zh: title_zh,
                    },
                    url: Localized {
                        en: url_en,
                        zh: url_zh,
                    },
                    kind: CaseStudyKind::Doc,
                });
            } else {
                let url_en = d.url_en.clone().or(d.url_zh.clone()).unwrap_or(key.clone());
                let title_en = d
                    .title_en
                    .clone()
                    .or(d.title_zh.clone())
                    .unwrap_or_default();
                let absolute = |u: String| match markdown::resolve_url(&u) {
                    Ok(r) => r,
                    Err(_) => u,
                };
                out.push(CaseStudy {
                    title: Localized {
                        zh: d.title_zh.filter(|t| t != &title_en),
                        en: title_en,
                    },
                    url: Localized {
                        zh: d.url_zh.filter(|u| u != &url_en).map(absolute),
                        en: absolute(url_en),
                    },
                    kind: d.kind.unwrap_or(CaseStudyKind::Product),
                });
            }
        }
        out
    }
}

fn zh_descriptions_present(map: &BTreeMap<String, String>) -> bool {
    !map.is_empty()
}

fn collect_image_urls(markdown: &str, out: &mut Vec<String>) {
    use pulldown_cmark::{Event, Parser, Tag};
    for event in Parser::new(markdown) {
        if let Event::Start(Tag::Image { dest_url, .. }) = event {
            if let Ok(url) = markdown::resolve_url(&dest_url) {
                out.push(url);
            }
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

/// Paths (relative to the blog folder) of the announcement posts: `<dir>/<file>.md` for each
/// announcement folder, or `<name>.md` for a single-file post.
fn announcement_files(site: &Site, blog: &str, report: &mut Report) -> Vec<String> {
    let mut out = Vec::new();
    for name in site.list_dir(blog) {
        if posts::parse_dir_name(&name).is_none() {
            continue;
        }
        let full = site.path(&format!("{blog}/{name}"));
        if full.is_dir() {
            let files: Vec<String> = crate::source::list_dir(&full)
                .into_iter()
                .filter(|f| f.ends_with(".md") || f.ends_with(".mdx"))
                .collect();
            if files.is_empty() {
                report.push(Diagnostic::error(
                    format!("{blog}/{name}"),
                    0,
                    "announcement folder has no .md file",
                ));
            }
            for file in files {
                out.push(format!("{name}/{file}"));
            }
        } else if name.ends_with(".md") || name.ends_with(".mdx") {
            out.push(name);
        }
    }
    out
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
