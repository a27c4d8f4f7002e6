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
use std::fmt::Write as _;

use crate::json::{self, Json, Reader, SyntaxError};
use crate::model::{Feed, Member, MAX_FEATURED, SCHEMA_VERSION};
use crate::rules::is_invisible_format;

mod document;
mod featured;
mod from_json;
mod member;

use member::read_member;

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

/// What the document around the members says: read at once, the members only found.
struct Frame<'a> {
    /// As written.
    schema_version: Option<&'a str>,
    generated_at: Option<String>,
    /// Each member's text.
    members: Option<Vec<&'a str>>,
}

/// The document's frame: its syntax checked throughout, `members` found but not read.
fn read_frame(text: &str) -> Result<Frame<'_>, FeedError> {
    let not_json = |error: SyntaxError| FeedError::NotJson(error.to_string());
    // A field of the wrong type, named as serde names it (a value too deep to build is no
    // string or array either).
    let wrong_type = |raw: &str, expected: &str| {
        FeedError::NotAFeed(match json::parse(raw) {
            Ok(value) => from_json::unexpected_type(&value, expected),
            Err(error) => format!("expected {expected}: {error}"),
        })
    };
    let mut reader = Reader::new(text);
    if reader.next_token().map_err(not_json)? != b'{' {
        // Anything but an object is no feed, once it is known to be JSON at all.
        let raw = reader.skip_value().map_err(not_json)?;
        reader.end().map_err(not_json)?;
        return Err(wrong_type(raw, "struct Frame"));
    }
    let mut frame = Frame {
        schema_version: None,
        generated_at: None,
        members: None,
    };
    let mut seen_generated_at = false;
    let duplicate = |name: &str| FeedError::NotAFeed(format!("duplicate field `{name}`"));
    if !reader.open(b'{', b'}').map_err(not_json)? {
        loop {
            let key = reader.key().map_err(not_json)?;
            match key.as_ref() {
                "schemaVersion" => {
                    let raw = reader.skip_value().map_err(not_json)?;
                    if frame.schema_version.replace(raw).is_some() {
                        return Err(duplicate("schemaVersion"));
                    }
                }
                "generatedAt" => {
                    if std::mem::replace(&mut seen_generated_at, true) {
                        return Err(duplicate("generatedAt"));
                    }
                    let raw = reader.skip_value().map_err(not_json)?;
                    frame.generated_at = match json::parse(raw) {
                        Ok(Json::Null) => None,
                        Ok(Json::String(date)) => Some(date),
                        _ => return Err(wrong_type(raw, "a string")),
                    };
                }
                "members" => {
                    if frame.members.is_some() {
                        return Err(duplicate("members"));
                    }
                    if reader.next_token().map_err(not_json)? != b'[' {
                        let raw = reader.skip_value().map_err(not_json)?;
                        return Err(wrong_type(raw, "a sequence"));
                    }
                    // Each member's text only: a member is built, and its problems found, when
                    // it is read.
                    let mut members = Vec::new();
                    if !reader.open(b'[', b']').map_err(not_json)? {
                        loop {
                            members.push(reader.skip_value().map_err(not_json)?);
                            if !reader.more(b']').map_err(not_json)? {
                                break;
                            }
                        }
                    }
                    frame.members = Some(members);
                }
                _ => {
                    reader.skip_value().map_err(not_json)?;
                }
            }
            if !reader.more(b'}').map_err(not_json)? {
                break;
            }
        }
    }
    reader.end().map_err(not_json)?;
    Ok(frame)
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
    pending: std::iter::Enumerate<std::vec::IntoIter<&'a str>>,
    remaining: usize,
    members: Vec<Member>,
    problems: Vec<Problem>,
    seen_ids: HashSet<String>,
    /// English names as compared ([`name_key`]): a second member with one is a look-alike.
    seen_names: HashSet<String>,
    /// Members kept featured so far (at most [`MAX_FEATURED`]).
    featured: usize,
}

/// `text` in double quotes, its quotes, backslashes and control characters escaped as `{:?}`
/// writes them. Problems quote with this, not with `{:?}`: the release wasm is built without
/// Debug formatting (`-Zfmt-debug=none` in `xtask/src/dist.rs`), where `{:?}` writes nothing.
pub(crate) fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    // Not `char::escape_debug`: its Unicode tables cost the wasm 4 KB.
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
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
        let frame = read_frame(text)?;
        match frame.schema_version {
            None => return Err(FeedError::NotAFeed("schemaVersion is missing".into())),
            Some(raw) if raw != SCHEMA_VERSION.to_string() => {
                return Err(FeedError::UnsupportedVersion {
                    found: raw.chars().take(40).collect(),
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
                            "duplicate id {}; the first member with it is kept",
                            quoted(&member.id)
                        ),
                        severity: Severity::Skipped,
                    });
                } else if !self.seen_names.insert(name_key(&member.name.en)) {
                    self.problems.push(Problem {
                        path: format!("{base}.name.en"),
                        reason: format!(
                            "the same name as an earlier member ({}); the first is kept",
                            quoted(&member.name.en)
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

/// Serialises a feed the way the builder and the tests write it: pretty, with a final newline.
pub fn to_pretty_json(feed: &Feed) -> String {
    let mut text = crate::write::pretty(feed);
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn quoted_writes_what_debug_writes() {
        for text in [
            "Bloomberg",
            "O'Reilly \"Media\"",
            "tab\there\nnew line",
            "小红书",
            "back\\slash",
            "carriage\rreturn, bell\u{7}, escape\u{1b}",
            "",
        ] {
            assert_eq!(quoted(text), format!("{text:?}"), "{text}");
        }
    }
}
