//! Reading a feed that may be broken in any way, without giving up on the good parts.
//!
//! The document is checked in two steps. First its frame: is it JSON, is the version one we
//! know, is there a `members` array. A failure there is a [`FeedError`]: nothing can be shown.
//! Then each member on its own: a member that does not match the model, or breaks a rule the
//! model cannot express (non-empty kinds, an `http(s)` website, a unique slug id), is skipped and
//! reported with its JSON path; the others are shown. Optional fields that are wrong (a logo
//! with a `javascript:` URL, a malformed date) are dropped with a report instead of costing the
//! whole member, and unsafe links inside announcement content become plain text.

use std::collections::HashSet;
use std::fmt;

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use crate::model::{
    Announcement, Block, CaseStudy, Document, Featured, Feed, Inline, Kind, Localized, Logo,
    Member, PartnerInfo, MAX_FEATURED, MAX_INDUSTRY_BYTES, SCHEMA_VERSION,
};
use crate::rules::{is_invisible_format, is_iso_date, is_slug};
use crate::url::{check_absolute_http_url, check_url};

/// Largest feed accepted, in bytes: about 450 times today's feed, more than 50,000 members. Above
/// this the app refuses with a message rather than freeze the tab: reading a feed is one task of
/// about 8 ms a megabyte here (a 60 MB one held the page for 500 ms).
pub const MAX_FEED_BYTES: usize = 16 * 1024 * 1024;

/// Why nothing of a feed can be shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedError {
    #[error("the feed is not valid JSON: {0}")]
    NotJson(String),
    #[error("the feed has schemaVersion {found}, this page understands version {SCHEMA_VERSION}")]
    UnsupportedVersion { found: String },
    #[error("the feed is not a members feed: {0}")]
    NotAFeed(String),
    #[error("the feed is {size} bytes, more than the {limit}-byte limit")]
    TooLarge { size: usize, limit: usize },
}

/// Whether a problem cost the member, or only one of its fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The member was left out.
    Skipped,
    /// The member is shown without the named field (or with an unsafe link turned into text).
    Dropped,
    /// The field is shown without the invisible or direction-changing characters it held.
    Cleaned,
}

/// The longest usage text kept, in characters: a sentence or a paragraph says how a member
/// uses Karmada; megabytes of it would freeze the page that lays it out.
pub const MAX_USAGE_CHARS: usize = 4000;

/// `text` cut to [`MAX_USAGE_CHARS`] (with an ellipsis); whether it was longer.
fn cut_usage(text: &mut String) -> bool {
    match text.char_indices().nth(MAX_USAGE_CHARS) {
        Some((at, _)) => {
            text.truncate(at);
            text.push('…');
            true
        }
        None => false,
    }
}

/// Removes [`is_invisible_format`] characters; whether there were any.
pub(crate) fn remove_invisible(text: &mut String) -> bool {
    if !text.chars().any(is_invisible_format) {
        return false;
    }
    text.retain(|c| !is_invisible_format(c));
    true
}

/// One thing wrong with one member, at a JSON path such as `members[12].website`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub reason: String,
    pub severity: Severity,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

/// A feed as far as it could be read.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidatedFeed {
    pub generated_at: String,
    pub members: Vec<Member>,
    pub problems: Vec<Problem>,
}

impl ValidatedFeed {
    pub fn skipped(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Skipped)
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Frame<'a> {
    schema_version: Option<&'a RawValue>,
    #[serde(default)]
    generated_at: Option<String>,
    #[serde(borrow)]
    members: Option<Vec<&'a RawValue>>,
}

/// Reads and validates a feed document. See the module documentation for what is kept.
pub fn parse_feed(text: &str) -> Result<ValidatedFeed, FeedError> {
    Ok(FeedReader::new(text)?.finish())
}

/// A feed read in steps: the document's frame at once (one fast pass that only finds where
/// each member's JSON starts and ends), then the members a batch at a time, so that a browser
/// can paint and handle input between batches of a huge feed.
pub struct FeedReader<'a> {
    generated_at: String,
    pending: std::iter::Enumerate<std::vec::IntoIter<&'a RawValue>>,
    remaining: usize,
    members: Vec<Member>,
    problems: Vec<Problem>,
    seen_ids: HashSet<String>,
    /// English names as compared ([`name_key`]): a second member with one is a look-alike.
    seen_names: HashSet<String>,
    /// Members kept featured so far (at most [`MAX_FEATURED`]).
    featured: usize,
}

/// A name as two names are compared: case and spacing aside.
fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl<'a> FeedReader<'a> {
    /// Checks the document as a whole: size, JSON, `schemaVersion`, a `members` array.
    pub fn new(text: &'a str) -> Result<Self, FeedError> {
        if text.len() > MAX_FEED_BYTES {
            return Err(FeedError::TooLarge {
                size: text.len(),
                limit: MAX_FEED_BYTES,
            });
        }
        let frame: Frame = match serde_json::from_str(text) {
            Ok(frame) => frame,
            Err(error) if error.is_syntax() || error.is_eof() => {
                return Err(FeedError::NotJson(error.to_string()))
            }
            Err(error) => return Err(FeedError::NotAFeed(error.to_string())),
        };
        match frame.schema_version {
            None => return Err(FeedError::NotAFeed("schemaVersion is missing".into())),
            Some(raw) if raw.get().trim() != SCHEMA_VERSION.to_string() => {
                return Err(FeedError::UnsupportedVersion {
                    found: raw.get().chars().take(40).collect(),
                })
            }
            Some(_) => {}
        }
        let raw_members = frame
            .members
            .ok_or_else(|| FeedError::NotAFeed("members is missing".into()))?;
        Ok(FeedReader {
            generated_at: frame.generated_at.unwrap_or_default(),
            remaining: raw_members.len(),
            members: Vec::with_capacity(raw_members.len()),
            seen_ids: HashSet::with_capacity(raw_members.len()),
            seen_names: HashSet::with_capacity(raw_members.len()),
            pending: raw_members.into_iter().enumerate(),
            problems: Vec::new(),
            featured: 0,
        })
    }

    /// Members not read yet.
    pub fn remaining(&self) -> usize {
        self.remaining
    }

    /// Reads up to `count` more members; `true` once every member has been read.
    pub fn read(&mut self, count: usize) -> bool {
        for (index, raw) in self.pending.by_ref().take(count) {
            self.remaining -= 1;
            let base = format!("members[{index}]");
            if let Some(member) = read_member(raw, &base, &mut self.problems) {
                if self.seen_ids.contains(&member.id) {
                    self.problems.push(Problem {
                        path: format!("{base}.id"),
                        reason: format!(
                            "duplicate id {:?}; the first member with it is kept",
                            member.id
                        ),
                        severity: Severity::Skipped,
                    });
                } else if !self.seen_names.insert(name_key(&member.name.en)) {
                    self.problems.push(Problem {
                        path: format!("{base}.name.en"),
                        reason: format!(
                            "the same name as an earlier member ({:?}); the first is kept",
                            member.name.en
                        ),
                        severity: Severity::Skipped,
                    });
                } else {
                    let mut member = member;
                    if member.featured.is_some() {
                        if self.featured == MAX_FEATURED {
                            self.problems.push(Problem {
                                path: format!("{base}.featured"),
                                reason: format!(
                                    "more than {MAX_FEATURED} members are featured; shown as any other"
                                ),
                                severity: Severity::Dropped,
                            });
                            member.featured = None;
                        } else {
                            self.featured += 1;
                        }
                    }
                    self.seen_ids.insert(member.id.clone());
                    self.members.push(member);
                }
            }
        }
        self.remaining == 0
    }

    /// Reads what is left and returns the feed.
    pub fn finish(mut self) -> ValidatedFeed {
        self.read(usize::MAX);
        ValidatedFeed {
            generated_at: self.generated_at,
            members: self.members,
            problems: self.problems,
        }
    }
}

/// One member, or `None` with the reason in `problems`.
fn read_member(raw: &RawValue, base: &str, problems: &mut Vec<Problem>) -> Option<Member> {
    // One member at a time through a JSON value: peak memory stays one member's tree, and
    // the model is deserialized by a single deserializer (a second one, or a path-tracking
    // wrapper, would double the model's code in the wasm bundle).
    let value: Value = match serde_json::from_str(raw.get()) {
        Ok(value) => value,
        Err(error) => {
            problems.push(Problem {
                path: base.to_string(),
                reason: short_serde_reason(&error.to_string()),
                severity: Severity::Skipped,
            });
            return None;
        }
    };
    let member = match Member::deserialize(&value) {
        Ok(member) => member,
        Err(error) => {
            let path = match locate_type_error(&value) {
                Some(inner) => format!("{base}.{inner}"),
                None => base.to_string(),
            };
            problems.push(Problem {
                path,
                reason: short_serde_reason(&error.to_string()),
                severity: Severity::Skipped,
            });
            return None;
        }
    };
    check_member(member, base, problems)
}

/// Which field of a member that failed to deserialize is at fault, e.g. `kinds[1]` or
/// `website`. `None` when the member as a whole is wrong (not an object, a missing field).
fn locate_type_error(member: &Value) -> Option<String> {
    fn bad<T: for<'de> Deserialize<'de>>(value: &Value) -> bool {
        T::deserialize(value).is_err()
    }
    fn field<T: for<'de> Deserialize<'de>>(
        object: &Map<String, Value>,
        name: &str,
    ) -> Option<String> {
        object
            .get(name)
            .filter(|value| bad::<T>(value))
            .map(|_| name.to_string())
    }
    fn list<T: for<'de> Deserialize<'de>>(
        object: &Map<String, Value>,
        name: &str,
    ) -> Option<String> {
        let value = object.get(name).filter(|value| bad::<Vec<T>>(value))?;
        let position = value
            .as_array()
            .and_then(|items| items.iter().position(|item| bad::<T>(item)));
        Some(match position {
            Some(position) => format!("{name}[{position}]"),
            None => name.to_string(),
        })
    }
    let object = member.as_object()?;
    field::<String>(object, "id")
        .or_else(|| field::<Localized<String>>(object, "name"))
        .or_else(|| list::<String>(object, "aliases"))
        .or_else(|| list::<Kind>(object, "kinds"))
        .or_else(|| field::<String>(object, "website"))
        .or_else(|| field::<Option<Logo>>(object, "logo"))
        .or_else(|| field::<Option<String>>(object, "industry"))
        .or_else(|| field::<Option<String>>(object, "country"))
        .or_else(|| field::<Localized<String>>(object, "usage"))
        .or_else(|| field::<Option<String>>(object, "joined"))
        .or_else(|| field::<Option<Announcement>>(object, "announcement"))
        .or_else(|| list::<CaseStudy>(object, "caseStudies"))
        .or_else(|| field::<Option<PartnerInfo>>(object, "partner"))
        .or_else(|| field::<Option<Featured>>(object, "featured"))
}

/// serde's messages end with "at line 1 column 42", which points into the member's own text,
/// not the feed; the JSON path says where instead.
fn short_serde_reason(message: &str) -> String {
    match message.find(" at line ") {
        Some(cut) => message[..cut].to_string(),
        None => message.to_string(),
    }
}

fn check_member(mut member: Member, base: &str, problems: &mut Vec<Problem>) -> Option<Member> {
    let skip = |problems: &mut Vec<Problem>, field: &str, reason: String| {
        problems.push(Problem {
            path: format!("{base}.{field}"),
            reason,
            severity: Severity::Skipped,
        });
    };
    if !is_slug(&member.id) {
        skip(
            problems,
            "id",
            "not a slug (lowercase letters, digits and inner hyphens)".into(),
        );
        return None;
    }
    // Names and titles as they read: nothing invisible, nothing that turns the text around.
    let mut cleaned = Vec::new();
    let mut clean = |field: String, text: &mut String| {
        if remove_invisible(text) {
            cleaned.push(field);
        }
    };
    clean("name.en".into(), &mut member.name.en);
    if let Some(zh) = &mut member.name.zh {
        clean("name.zh".into(), zh);
    }
    for (i, alias) in member.aliases.iter_mut().enumerate() {
        clean(format!("aliases[{i}]"), alias);
    }
    if let Some(announcement) = &mut member.announcement {
        clean("announcement.title.en".into(), &mut announcement.title.en);
        if let Some(zh) = &mut announcement.title.zh {
            clean("announcement.title.zh".into(), zh);
        }
    }
    for (i, study) in member.case_studies.iter_mut().enumerate() {
        clean(format!("caseStudies[{i}].title.en"), &mut study.title.en);
        if let Some(zh) = &mut study.title.zh {
            clean(format!("caseStudies[{i}].title.zh"), zh);
        }
    }
    for field in cleaned {
        problems.push(Problem {
            path: format!("{base}.{field}"),
            reason: "invisible or direction-changing characters removed".into(),
            severity: Severity::Cleaned,
        });
    }
    let mut cut = |field: &str, text: &mut String| {
        if cut_usage(text) {
            problems.push(Problem {
                path: format!("{base}.{field}"),
                reason: format!("longer than {MAX_USAGE_CHARS} characters; cut there"),
                severity: Severity::Cleaned,
            });
        }
    };
    cut("usage.en", &mut member.usage.en);
    if let Some(zh) = &mut member.usage.zh {
        cut("usage.zh", zh);
    }
    if member.name.en.trim().is_empty() {
        skip(problems, "name.en", "empty name".into());
        return None;
    }
    if member.kinds.is_empty() {
        skip(
            problems,
            "kinds",
            "no kinds: a member is at least one of adopter, vendor, partner".into(),
        );
        return None;
    }
    member.kinds.sort();
    member.kinds.dedup();
    match check_absolute_http_url(&member.website) {
        Ok(url) => member.website = url,
        Err(why) => {
            skip(problems, "website", why.message().into());
            return None;
        }
    }

    let mut drop = |field: &str, reason: String| {
        problems.push(Problem {
            path: format!("{base}.{field}"),
            reason,
            severity: Severity::Dropped,
        });
    };
    if let Some(logo) = &mut member.logo {
        match check_url(&logo.url) {
            Ok(url) => logo.url = url,
            Err(why) => {
                drop("logo.url", format!("{}; logo dropped", why.message()));
                member.logo = None;
            }
        }
    }
    if let Some(country) = &member.country {
        if !(country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase())) {
            drop(
                "country",
                "not an ISO 3166-1 alpha-2 code; country dropped".into(),
            );
            member.country = None;
        }
    }
    if member
        .industry
        .as_deref()
        .is_some_and(|industry| industry.trim().is_empty())
    {
        member.industry = None;
    }
    if let Some(industry) = &member.industry {
        if industry.len() > MAX_INDUSTRY_BYTES || industry.chars().any(char::is_control) {
            drop(
                "industry",
                format!(
                    "longer than {MAX_INDUSTRY_BYTES} bytes or holds control characters, so it \
                     could not be a filter; industry dropped"
                ),
            );
            member.industry = None;
        }
    }
    if let Some(joined) = &member.joined {
        if !is_iso_date(joined) {
            drop("joined", "not a YYYY-MM-DD date; dropped".into());
            member.joined = None;
        }
    }
    if let Some(announcement) = &mut member.announcement {
        let mut keep = true;
        if !is_iso_date(&announcement.date) {
            drop(
                "announcement.date",
                "not a YYYY-MM-DD date; announcement dropped".into(),
            );
            keep = false;
        }
        if keep {
            for (lang, url) in [
                ("en", Some(&mut announcement.url.en)),
                ("zh", announcement.url.zh.as_mut()),
            ] {
                if let Some(url) = url {
                    if let Err(why) = check_url(url) {
                        drop(
                            &format!("announcement.url.{lang}"),
                            format!("{}; link removed", why.message()),
                        );
                        url.clear();
                    }
                }
            }
            sanitize_document(
                &mut announcement.content.en,
                &format!("{base}.announcement.content.en"),
                problems,
            );
            if let Some(zh) = &mut announcement.content.zh {
                sanitize_document(zh, &format!("{base}.announcement.content.zh"), problems);
            }
        } else {
            member.announcement = None;
        }
    }
    let mut index = 0;
    member.case_studies.retain_mut(|study| {
        let path = format!("{base}.caseStudies[{index}]");
        index += 1;
        match check_url(&study.url.en) {
            Ok(url) => study.url.en = url,
            Err(why) => {
                problems.push(Problem {
                    path: format!("{path}.url.en"),
                    reason: format!("{}; case study dropped", why.message()),
                    severity: Severity::Dropped,
                });
                return false;
            }
        }
        if let Some(zh) = &study.url.zh {
            if let Err(why) = check_url(zh) {
                problems.push(Problem {
                    path: format!("{path}.url.zh"),
                    reason: format!("{}; English link used", why.message()),
                    severity: Severity::Dropped,
                });
                study.url.zh = None;
            }
        }
        // Each title against each link it may be shown with (a page shows its language's title,
        // or the English one, over its language's link, or the English one).
        let titles = [Some(&study.title.en), study.title.zh.as_ref()];
        let links = [Some(&study.url.en), study.url.zh.as_ref()];
        if let Some(title) = titles.into_iter().flatten().find(|title| {
            links
                .into_iter()
                .flatten()
                .any(|link| crate::url::title_misleads(title, link))
        }) {
            problems.push(Problem {
                path: format!("{path}.title"),
                reason: format!(
                    "the title {:?} is a web address other than its link; case study dropped",
                    title.chars().take(80).collect::<String>()
                ),
                severity: Severity::Dropped,
            });
            return false;
        }
        true
    });
    if let Some(partner) = &mut member.partner {
        match check_url(&partner.url) {
            Ok(url) => partner.url = url,
            Err(why) => {
                problems.push(Problem {
                    path: format!("{base}.partner.url"),
                    reason: format!("{}; website used instead", why.message()),
                    severity: Severity::Dropped,
                });
                partner.url = member.website.clone();
            }
        }
    }
    crate::featured::check(&mut member, base, problems);
    Some(member)
}

/// Removes what must never reach the page from a document: unsafe link targets become their
/// text, unsafe images are removed.
fn sanitize_document(document: &mut Document, path: &str, problems: &mut Vec<Problem>) {
    fn sanitize_blocks(list: &mut Vec<Block>, path: &str, problems: &mut Vec<Problem>) {
        list.retain_mut(|block| match block {
            Block::Heading { content, .. } | Block::Paragraph { content } => {
                inlines(content, path, problems);
                true
            }
            Block::List { items, .. } => {
                for item in items.iter_mut() {
                    sanitize_blocks(item, path, problems);
                }
                true
            }
            Block::Quote { blocks: inner } => {
                sanitize_blocks(inner, path, problems);
                true
            }
            Block::Image { url, .. } => match check_url(url) {
                Ok(safe) => {
                    *url = safe;
                    true
                }
                Err(why) => {
                    problems.push(Problem {
                        path: path.to_string(),
                        reason: format!("image {}; removed", why.message()),
                        severity: Severity::Dropped,
                    });
                    false
                }
            },
            Block::Code { .. } => true,
        });
    }
    fn inlines(content: &mut [Inline], path: &str, problems: &mut Vec<Problem>) {
        for inline in content.iter_mut() {
            match inline {
                Inline::Emphasis { content } | Inline::Strong { content } => {
                    inlines(content, path, problems)
                }
                Inline::Link { url, content } => match check_url(url) {
                    Ok(safe) => {
                        *url = safe;
                        inlines(content, path, problems);
                    }
                    Err(why) => {
                        problems.push(Problem {
                            path: path.to_string(),
                            reason: format!("link {}; shown as text", why.message()),
                            severity: Severity::Dropped,
                        });
                        *inline = Inline::text(Inline::plain_text(content));
                    }
                },
                Inline::Text { .. } | Inline::Code { .. } | Inline::LineBreak => {}
            }
        }
    }
    sanitize_blocks(document, path, problems);
}

/// Serialises a feed the way the builder and the tests write it: pretty, with a final newline.
pub fn to_pretty_json(feed: &Feed) -> String {
    let mut text = serde_json::to_string_pretty(feed).expect("the feed model always serialises");
    text.push('\n');
    text
}
