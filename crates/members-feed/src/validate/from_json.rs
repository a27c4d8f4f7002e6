//! The model read from a [`Json`] tree, with the path of the first value of the wrong type.
//!
//! The messages keep serde's words ("invalid type: integer `3`, expected a string", "missing
//! field `id`", "unknown variant `x`, expected one of …"), the feed's problems said them when
//! serde read the feed; numbers are quoted as written, and the first field in declaration
//! order that is wrong is the one named. `tests/validate.rs` holds this reader to serde's
//! derive on the bundled feed. Left out on purpose, which serde's derive reads: a struct
//! written as an array of its fields, and a kind written as a map (`{"adopter": null}`).

use std::borrow::Cow;

use crate::json::Json;
use crate::model::{
    Announcement, Block, CaseStudy, CaseStudyKind, Featured, Inline, Kind, Localized, Logo, Member,
    PartnerInfo,
};

use super::quoted;

/// Why a value could not be read, and where: `path` innermost first.
#[derive(Debug)]
pub(super) struct TypeError {
    path: Vec<Segment>,
    pub(super) reason: String,
}

#[derive(Debug)]
enum Segment {
    Field(&'static str),
    Index(usize),
}

impl TypeError {
    fn new(reason: String) -> Self {
        TypeError {
            path: Vec::new(),
            reason,
        }
    }

    fn at(mut self, segment: Segment) -> Self {
        self.path.push(segment);
        self
    }

    /// The path below the value read, as `kinds[1]` or `announcement.content.en[0].level`;
    /// empty when the value itself is wrong.
    pub(super) fn path(&self) -> String {
        let mut out = String::new();
        for segment in self.path.iter().rev() {
            match segment {
                Segment::Field(name) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(name);
                }
                Segment::Index(index) => {
                    out.push('[');
                    out.push_str(&index.to_string());
                    out.push(']');
                }
            }
        }
        out
    }
}

type Read<T> = Result<T, TypeError>;

fn is_integer(number: &str) -> bool {
    !number.contains(['.', 'e', 'E'])
}

/// The value as serde names what it did not expect.
fn unexpected(value: &Json) -> String {
    match value {
        Json::Null => "null".into(),
        Json::Bool(b) => format!("boolean `{b}`"),
        Json::Number(n) if is_integer(n) => format!("integer `{n}`"),
        Json::Number(n) => format!("floating point `{n}`"),
        Json::String(s) => format!("string {}", quoted(s)),
        Json::Array(_) => "sequence".into(),
        Json::Object(_) => "map".into(),
    }
}

/// serde's "invalid type: map, expected a string".
pub(super) fn unexpected_type(value: &Json, expected: &str) -> String {
    format!("invalid type: {}, expected {expected}", unexpected(value))
}

fn invalid_type(value: &Json, expected: &str) -> TypeError {
    TypeError::new(unexpected_type(value, expected))
}

/// A type the feed's JSON holds.
pub(super) trait FromJson: Sized {
    fn from_json(value: Json<'_>) -> Read<Self>;
}

impl FromJson for String {
    fn from_json(value: Json<'_>) -> Read<Self> {
        match value {
            Json::String(s) => Ok(s),
            _ => Err(invalid_type(&value, "a string")),
        }
    }
}

impl FromJson for bool {
    fn from_json(value: Json<'_>) -> Read<Self> {
        match value {
            Json::Bool(b) => Ok(b),
            _ => Err(invalid_type(&value, "a boolean")),
        }
    }
}

/// An unsigned integer of at most `max`, named `name` in messages ("u8", "u32").
fn unsigned(value: Json<'_>, max: u64, name: &str) -> Read<u64> {
    match &value {
        Json::Number(n) if is_integer(n) => value.as_u64().filter(|&n| n <= max).ok_or_else(|| {
            TypeError::new(format!("invalid value: integer `{n}`, expected {name}"))
        }),
        _ => Err(invalid_type(&value, name)),
    }
}

impl FromJson for u8 {
    fn from_json(value: Json<'_>) -> Read<Self> {
        unsigned(value, u8::MAX.into(), "u8").map(|n| n as u8)
    }
}

impl FromJson for u32 {
    fn from_json(value: Json<'_>) -> Read<Self> {
        unsigned(value, u32::MAX.into(), "u32").map(|n| n as u32)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: Json<'_>) -> Read<Self> {
        match value {
            Json::Array(items) => {
                let mut read = Vec::with_capacity(items.len());
                for (index, item) in items.into_iter().enumerate() {
                    read.push(T::from_json(item).map_err(|e| e.at(Segment::Index(index)))?);
                }
                Ok(read)
            }
            _ => Err(invalid_type(&value, "a sequence")),
        }
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: Json<'_>) -> Read<Self> {
        match value {
            Json::Null => Ok(None),
            _ => T::from_json(value).map(Some),
        }
    }
}

/// An object's members, in document order.
type Fields<'a> = Vec<(Cow<'a, str>, Json<'a>)>;

/// `value`'s members when it is an object; serde's "expected struct Name" otherwise.
fn object<'a>(value: Json<'a>, expected: &str) -> Read<Fields<'a>> {
    match value {
        Json::Object(fields) => Ok(fields),
        _ => Err(invalid_type(&value, expected)),
    }
}

/// The value of `name`, moved out (the last one when a name repeats, as serde_json's `Value`
/// kept it).
fn take<'a>(fields: &mut Fields<'a>, name: &str) -> Option<Json<'a>> {
    let at = fields.iter().rposition(|(key, _)| *key == name)?;
    Some(std::mem::replace(&mut fields[at].1, Json::Null))
}

/// A field that must be there.
fn required<T: FromJson>(fields: &mut Fields<'_>, name: &'static str) -> Read<T> {
    match take(fields, name) {
        Some(value) => T::from_json(value).map_err(|e| e.at(Segment::Field(name))),
        None => Err(TypeError::new(format!("missing field `{name}`"))),
    }
}

/// A field that may be left out (`#[serde(default)]`): its default then.
fn defaulted<T: FromJson + Default>(fields: &mut Fields<'_>, name: &'static str) -> Read<T> {
    match take(fields, name) {
        Some(value) => T::from_json(value).map_err(|e| e.at(Segment::Field(name))),
        None => Ok(T::default()),
    }
}

/// A variant name read from a string, from `names` (`(name, variant)` in declaration order).
fn variant<T: Copy>(value: Json<'_>, names: &[(&str, T)], enum_name: &str) -> Read<T> {
    let Json::String(name) = value else {
        return Err(invalid_type(&value, enum_name));
    };
    names
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, variant)| *variant)
        .ok_or_else(|| {
            let expected: Vec<String> = names.iter().map(|(n, _)| format!("`{n}`")).collect();
            TypeError::new(format!(
                "unknown variant `{name}`, expected one of {}",
                expected.join(", ")
            ))
        })
}

impl FromJson for Kind {
    fn from_json(value: Json<'_>) -> Read<Self> {
        let names = Kind::ALL.map(|kind| (kind.as_str(), kind));
        variant(value, &names, "enum Kind")
    }
}

impl FromJson for CaseStudyKind {
    fn from_json(value: Json<'_>) -> Read<Self> {
        const NAMES: [(&str, CaseStudyKind); 3] = [
            ("video", CaseStudyKind::Video),
            ("doc", CaseStudyKind::Doc),
            ("product", CaseStudyKind::Product),
        ];
        variant(value, &NAMES, "enum CaseStudyKind")
    }
}

impl<T: FromJson> FromJson for Localized<T> {
    fn from_json(value: Json<'_>) -> Read<Self> {
        let mut fields = object(value, "struct Localized")?;
        Ok(Localized {
            en: required(&mut fields, "en")?,
            zh: defaulted(&mut fields, "zh")?,
        })
    }
}

impl FromJson for Logo {
    fn from_json(value: Json<'_>) -> Read<Self> {
        let mut fields = object(value, "struct Logo")?;
        Ok(Logo {
            url: required(&mut fields, "url")?,
            width: defaulted(&mut fields, "width")?,
            height: defaulted(&mut fields, "height")?,
        })
    }
}

impl FromJson for Announcement {
    fn from_json(value: Json<'_>) -> Read<Self> {
        let mut fields = object(value, "struct Announcement")?;
        Ok(Announcement {
            date: required(&mut fields, "date")?,
            title: required(&mut fields, "title")?,
            url: required(&mut fields, "url")?,
            content: required(&mut fields, "content")?,
        })
    }
}

impl FromJson for CaseStudy {
    fn from_json(value: Json<'_>) -> Read<Self> {
        let mut fields = object(value, "struct CaseStudy")?;
        Ok(CaseStudy {
            title: required(&mut fields, "title")?,
            url: required(&mut fields, "url")?,
            kind: required(&mut fields, "kind")?,
        })
    }
}

impl FromJson for PartnerInfo {
    fn from_json(value: Json<'_>) -> Read<Self> {
        let mut fields = object(value, "struct PartnerInfo")?;
        Ok(PartnerInfo {
            description: required(&mut fields, "description")?,
            url: required(&mut fields, "url")?,
        })
    }
}

impl FromJson for Featured {
    fn from_json(value: Json<'_>) -> Read<Self> {
        let mut fields = object(value, "struct Featured")?;
        Ok(Featured {
            quote: required(&mut fields, "quote")?,
            source: required(&mut fields, "source")?,
        })
    }
}

impl FromJson for Member {
    fn from_json(value: Json<'_>) -> Read<Self> {
        let mut fields = object(value, "struct Member")?;
        Ok(Member {
            id: required(&mut fields, "id")?,
            name: required(&mut fields, "name")?,
            aliases: defaulted(&mut fields, "aliases")?,
            kinds: required(&mut fields, "kinds")?,
            website: required(&mut fields, "website")?,
            logo: defaulted(&mut fields, "logo")?,
            industry: defaulted(&mut fields, "industry")?,
            country: defaulted(&mut fields, "country")?,
            usage: required(&mut fields, "usage")?,
            joined: defaulted(&mut fields, "joined")?,
            announcement: defaulted(&mut fields, "announcement")?,
            case_studies: defaulted(&mut fields, "caseStudies")?,
            partner: defaulted(&mut fields, "partner")?,
            featured: defaulted(&mut fields, "featured")?,
        })
    }
}

/// An internally tagged enum's object: its variant, named in `"type"` (one of `names`), and
/// the fields.
fn tag<'a, T: Copy>(
    value: Json<'a>,
    names: &[(&str, T)],
    enum_name: &str,
) -> Read<(T, Fields<'a>)> {
    let mut fields = object(value, enum_name)?;
    match take(&mut fields, "type") {
        Some(tag) => variant(tag, names, "variant identifier")
            .map(|tag| (tag, fields))
            .map_err(|e| e.at(Segment::Field("type"))),
        None => Err(TypeError::new("missing field `type`".into())),
    }
}

#[derive(Clone, Copy)]
enum BlockTag {
    Heading,
    Paragraph,
    List,
    Image,
    Code,
    Quote,
}

impl FromJson for Block {
    fn from_json(value: Json<'_>) -> Read<Self> {
        const NAMES: [(&str, BlockTag); 6] = [
            ("heading", BlockTag::Heading),
            ("paragraph", BlockTag::Paragraph),
            ("list", BlockTag::List),
            ("image", BlockTag::Image),
            ("code", BlockTag::Code),
            ("quote", BlockTag::Quote),
        ];
        let (tag, mut fields) = tag(value, &NAMES, "internally tagged enum Block")?;
        let fields = &mut fields;
        Ok(match tag {
            BlockTag::Heading => Block::Heading {
                level: required(fields, "level")?,
                content: required(fields, "content")?,
            },
            BlockTag::Paragraph => Block::Paragraph {
                content: required(fields, "content")?,
            },
            BlockTag::List => Block::List {
                ordered: defaulted(fields, "ordered")?,
                items: required(fields, "items")?,
            },
            BlockTag::Image => Block::Image {
                url: required(fields, "url")?,
                alt: defaulted(fields, "alt")?,
                width: defaulted(fields, "width")?,
                height: defaulted(fields, "height")?,
            },
            BlockTag::Code => Block::Code {
                text: required(fields, "text")?,
                lang: defaulted(fields, "lang")?,
            },
            BlockTag::Quote => Block::Quote {
                blocks: required(fields, "blocks")?,
            },
        })
    }
}

#[derive(Clone, Copy)]
enum InlineTag {
    Text,
    Emphasis,
    Strong,
    Code,
    Link,
    LineBreak,
}

impl FromJson for Inline {
    fn from_json(value: Json<'_>) -> Read<Self> {
        const NAMES: [(&str, InlineTag); 6] = [
            ("text", InlineTag::Text),
            ("emphasis", InlineTag::Emphasis),
            ("strong", InlineTag::Strong),
            ("code", InlineTag::Code),
            ("link", InlineTag::Link),
            ("lineBreak", InlineTag::LineBreak),
        ];
        let (tag, mut fields) = tag(value, &NAMES, "internally tagged enum Inline")?;
        let fields = &mut fields;
        Ok(match tag {
            InlineTag::Text => Inline::Text {
                text: required(fields, "text")?,
            },
            InlineTag::Emphasis => Inline::Emphasis {
                content: required(fields, "content")?,
            },
            InlineTag::Strong => Inline::Strong {
                content: required(fields, "content")?,
            },
            InlineTag::Code => Inline::Code {
                text: required(fields, "text")?,
            },
            InlineTag::Link => Inline::Link {
                url: required(fields, "url")?,
                content: required(fields, "content")?,
            },
            InlineTag::LineBreak => Inline::LineBreak,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    fn read<T: FromJson>(text: &str) -> Result<T, (String, String)> {
        T::from_json(parse(text).unwrap()).map_err(|e| (e.path(), e.reason))
    }

    /// What serde's derive says of the same text.
    fn serde_says<T: for<'de> serde::Deserialize<'de>>(text: &str) -> String {
        let message = serde_json::from_str::<T>(text).err().unwrap().to_string();
        match message.find(" at line ") {
            Some(cut) => message[..cut].to_string(),
            None => message,
        }
    }

    #[test]
    fn type_errors_say_what_serde_said_and_where() {
        for (text, path) in [(r#"{"en": 3}"#, "en"), (r#"{"zh": "x"}"#, ""), ("3", "")] {
            let (our_path, reason) = read::<Localized<String>>(text).unwrap_err();
            assert_eq!(our_path, path, "{text}");
            assert_eq!(reason, serde_says::<Localized<String>>(text), "{text}");
        }
        let astronaut = r#""astronaut""#;
        assert_eq!(
            read::<Kind>(astronaut).unwrap_err().1,
            serde_says::<Kind>(astronaut)
        );
        // serde_json says only "expected value" of a number where a name should be.
        assert_eq!(
            read::<Kind>("1").unwrap_err().1,
            "invalid type: integer `1`, expected enum Kind"
        );
        for text in ["300", "-1", "2.5", r#""2""#] {
            assert_eq!(read::<u8>(text).unwrap_err().1, serde_says::<u8>(text));
        }
        assert_eq!(read::<u32>("4294967295"), Ok(u32::MAX));
        assert_eq!(
            read::<u32>("4294967296").unwrap_err().1,
            serde_says::<u32>("4294967296")
        );
        for text in [
            r#""s""#,
            "{}",
            r#"{"type": 1}"#,
            r#"{"type": "nope"}"#,
            r#"{"type": "heading", "content": []}"#,
            r#"{"type": "heading", "level": 300, "content": []}"#,
        ] {
            assert_eq!(
                read::<Block>(text).unwrap_err().1,
                serde_says::<Block>(text),
                "{text}"
            );
        }
    }

    #[test]
    fn the_last_of_repeated_keys_counts() {
        let read = read::<Localized<String>>(r#"{"en": "first", "en": "second"}"#);
        assert_eq!(read.unwrap().en, "second");
    }

    #[test]
    fn a_nested_error_names_its_path() {
        let text = r#"{"type": "list", "items": [[{"type": "paragraph", "content": [{"type": "text", "text": 5}]}]]}"#;
        assert_eq!(
            read::<Block>(text).unwrap_err().0,
            "items[0][0].content[0].text"
        );
    }

    #[test]
    fn documents_read_as_serde_reads_them() {
        let text = r#"[
            {"type": "heading", "level": 2, "content": [{"type": "text", "text": "Hi"}]},
            {"type": "list", "items": [[{"type": "code", "text": "x"}]], "ordered": true},
            {"type": "image", "url": "https://a/b.png", "width": 3, "unknown": 1},
            {"content": [{"type": "lineBreak"}, {"type": "link", "url": "/x", "content": []},
                {"type": "emphasis", "content": [{"type": "strong", "content": [{"type": "code", "text": "c"}]}]}],
             "type": "paragraph"},
            {"type": "quote", "blocks": []},
            {"type": "code", "text": "t", "lang": null}
        ]"#;
        assert_eq!(
            read::<Vec<Block>>(text).unwrap(),
            serde_json::from_str::<Vec<Block>>(text).unwrap()
        );
    }
}
