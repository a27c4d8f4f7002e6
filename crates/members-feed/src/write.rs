//! The feed written as JSON, pretty, the way serde_json's `to_string_pretty` writes the model's
//! derived `Serialize` (two-space indents, fields in declaration order, empty fields left out
//! as the model's `skip_serializing_if` says), without serde_json's serializer in the wasm:
//! the list writes a view's own feed for download. Tests hold the two to the same text, and
//! every impl names all of its type's fields (a pattern without `..`): a field added to the
//! model does not compile until it is written here.

use crate::model::{
    Announcement, Block, CaseStudy, CaseStudyKind, Featured, Feed, Inline, Kind, Localized, Logo,
    Member, PartnerInfo,
};

/// A value that writes itself as JSON.
pub(crate) trait ToJson {
    fn write(&self, out: &mut Writer);
}

/// Pretty JSON being written.
pub(crate) struct Writer {
    text: String,
    depth: usize,
}

impl Writer {
    fn new() -> Self {
        Writer {
            text: String::new(),
            depth: 0,
        }
    }

    fn newline(&mut self) {
        self.text.push('\n');
        for _ in 0..self.depth {
            self.text.push_str("  ");
        }
    }

    fn string(&mut self, text: &str) {
        self.text.push('"');
        for c in text.chars() {
            match c {
                '"' => self.text.push_str("\\\""),
                '\\' => self.text.push_str("\\\\"),
                '\n' => self.text.push_str("\\n"),
                '\r' => self.text.push_str("\\r"),
                '\t' => self.text.push_str("\\t"),
                '\u{8}' => self.text.push_str("\\b"),
                '\u{c}' => self.text.push_str("\\f"),
                c if u32::from(c) < 0x20 => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    let code = u32::from(c) as usize;
                    self.text.push_str("\\u00");
                    self.text.push(HEX[code >> 4] as char);
                    self.text.push(HEX[code & 0xf] as char);
                }
                c => self.text.push(c),
            }
        }
        self.text.push('"');
    }

    /// An object whose fields `fields` writes with [`Object::field`].
    fn object(&mut self, fields: impl FnOnce(&mut Object<'_>)) {
        let mut object = Object {
            out: self,
            empty: true,
        };
        object.out.text.push('{');
        object.out.depth += 1;
        fields(&mut object);
        let empty = object.empty;
        self.depth -= 1;
        if !empty {
            self.newline();
        }
        self.text.push('}');
    }
}

/// The fields of an object being written.
pub(crate) struct Object<'w> {
    out: &'w mut Writer,
    empty: bool,
}

impl Object<'_> {
    fn field(&mut self, name: &str, value: &(impl ToJson + ?Sized)) {
        if !self.empty {
            self.out.text.push(',');
        }
        self.empty = false;
        self.out.newline();
        self.out.string(name);
        self.out.text.push_str(": ");
        value.write(self.out);
    }

    /// A field left out when it is `None`.
    fn optional<T: ToJson>(&mut self, name: &str, value: &Option<T>) {
        if let Some(value) = value {
            self.field(name, value);
        }
    }

    /// A field left out when it is empty.
    fn list<T: ToJson>(&mut self, name: &str, value: &[T]) {
        if !value.is_empty() {
            self.field(name, value);
        }
    }

    /// The tag of an internally tagged enum.
    fn tag(&mut self, name: &str) {
        self.field("type", name);
    }
}

impl ToJson for str {
    fn write(&self, out: &mut Writer) {
        out.string(self);
    }
}

impl ToJson for String {
    fn write(&self, out: &mut Writer) {
        out.string(self);
    }
}

impl ToJson for bool {
    fn write(&self, out: &mut Writer) {
        out.text.push_str(if *self { "true" } else { "false" });
    }
}

impl ToJson for u32 {
    fn write(&self, out: &mut Writer) {
        out.text.push_str(&self.to_string());
    }
}

impl ToJson for u8 {
    fn write(&self, out: &mut Writer) {
        u32::from(*self).write(out);
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write(&self, out: &mut Writer) {
        out.text.push('[');
        if self.is_empty() {
            out.text.push(']');
            return;
        }
        out.depth += 1;
        for (index, item) in self.iter().enumerate() {
            if index > 0 {
                out.text.push(',');
            }
            out.newline();
            item.write(out);
        }
        out.depth -= 1;
        out.newline();
        out.text.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write(&self, out: &mut Writer) {
        self.as_slice().write(out);
    }
}

impl ToJson for Kind {
    fn write(&self, out: &mut Writer) {
        out.string(self.as_str());
    }
}

impl ToJson for CaseStudyKind {
    fn write(&self, out: &mut Writer) {
        out.string(match self {
            CaseStudyKind::Video => "video",
            CaseStudyKind::Doc => "doc",
            CaseStudyKind::Product => "product",
        });
    }
}

impl<T: ToJson> ToJson for Localized<T> {
    fn write(&self, out: &mut Writer) {
        let Localized { en, zh } = self;
        out.object(|o| {
            o.field("en", en);
            o.optional("zh", zh);
        });
    }
}

impl ToJson for Logo {
    fn write(&self, out: &mut Writer) {
        let Logo { url, width, height } = self;
        out.object(|o| {
            o.field("url", url);
            o.optional("width", width);
            o.optional("height", height);
        });
    }
}

impl ToJson for Announcement {
    fn write(&self, out: &mut Writer) {
        let Announcement {
            date,
            title,
            url,
            content,
        } = self;
        out.object(|o| {
            o.field("date", date);
            o.field("title", title);
            o.field("url", url);
            o.field("content", content);
        });
    }
}

impl ToJson for CaseStudy {
    fn write(&self, out: &mut Writer) {
        let CaseStudy { title, url, kind } = self;
        out.object(|o| {
            o.field("title", title);
            o.field("url", url);
            o.field("kind", kind);
        });
    }
}

impl ToJson for PartnerInfo {
    fn write(&self, out: &mut Writer) {
        let PartnerInfo { description, url } = self;
        out.object(|o| {
            o.field("description", description);
            o.field("url", url);
        });
    }
}

impl ToJson for Featured {
    fn write(&self, out: &mut Writer) {
        let Featured { quote, source } = self;
        out.object(|o| {
            o.field("quote", quote);
            o.field("source", source);
        });
    }
}

impl ToJson for Block {
    fn write(&self, out: &mut Writer) {
        out.object(|o| match self {
            Block::Heading { level, content } => {
                o.tag("heading");
                o.field("level", level);
                o.field("content", content);
            }
            Block::Paragraph { content } => {
                o.tag("paragraph");
                o.field("content", content);
            }
            Block::List { ordered, items } => {
                o.tag("list");
                o.field("ordered", ordered);
                o.field("items", items);
            }
            Block::Image {
                url,
                alt,
                width,
                height,
            } => {
                o.tag("image");
                o.field("url", url);
                o.field("alt", alt);
                o.optional("width", width);
                o.optional("height", height);
            }
            Block::Code { text, lang } => {
                o.tag("code");
                o.field("text", text);
                o.optional("lang", lang);
            }
            Block::Quote { blocks } => {
                o.tag("quote");
                o.field("blocks", blocks);
            }
        });
    }
}

impl ToJson for Inline {
    fn write(&self, out: &mut Writer) {
        out.object(|o| match self {
            Inline::Text { text } => {
                o.tag("text");
                o.field("text", text);
            }
            Inline::Emphasis { content } => {
                o.tag("emphasis");
                o.field("content", content);
            }
            Inline::Strong { content } => {
                o.tag("strong");
                o.field("content", content);
            }
            Inline::Code { text } => {
                o.tag("code");
                o.field("text", text);
            }
            Inline::Link { url, content } => {
                o.tag("link");
                o.field("url", url);
                o.field("content", content);
            }
            Inline::LineBreak => o.tag("lineBreak"),
        });
    }
}

impl ToJson for Member {
    fn write(&self, out: &mut Writer) {
        let Member {
            id,
            name,
            aliases,
            kinds,
            website,
            logo,
            industry,
            country,
            usage,
            joined,
            announcement,
            case_studies,
            partner,
            featured,
        } = self;
        out.object(|o| {
            o.field("id", id);
            o.field("name", name);
            o.list("aliases", aliases);
            o.field("kinds", kinds);
            o.field("website", website);
            o.optional("logo", logo);
            o.optional("industry", industry);
            o.optional("country", country);
            o.field("usage", usage);
            o.optional("joined", joined);
            o.optional("announcement", announcement);
            o.list("caseStudies", case_studies);
            o.optional("partner", partner);
            o.optional("featured", featured);
        });
    }
}

impl ToJson for Feed {
    fn write(&self, out: &mut Writer) {
        let Feed {
            schema_version,
            generated_at,
            members,
        } = self;
        out.object(|o| {
            o.field("schemaVersion", schema_version);
            o.field("generatedAt", generated_at);
            o.field("members", members);
        });
    }
}

/// `value` as pretty JSON.
pub(crate) fn pretty(value: &impl ToJson) -> String {
    let mut out = Writer::new();
    value.write(&mut out);
    out.text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn as_serde_writes<T: ToJson + serde::Serialize>(value: &T) {
        assert_eq!(pretty(value), serde_json::to_string_pretty(value).unwrap());
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let text = r#"[
            {"type": "heading", "level": 2, "content": [{"type": "text", "text": "Hi \"there\"\\"}]},
            {"type": "list", "items": [[{"type": "code", "text": "x\u0001\u001f\b\f\n\r\t/é小"}], []], "ordered": true},
            {"type": "image", "url": "https://a/b.png", "width": 3},
            {"type": "image", "url": "https://a/b.png", "alt": "a", "width": 3, "height": 4},
            {"type": "paragraph", "content": [{"type": "lineBreak"}, {"type": "link", "url": "/x", "content": []},
                {"type": "emphasis", "content": [{"type": "strong", "content": [{"type": "code", "text": "c"}]}]}]},
            {"type": "quote", "blocks": []},
            {"type": "code", "text": "t", "lang": "rust"},
            {"type": "code", "text": "t"},
            {"type": "paragraph", "content": []}
        ]"#;
        let blocks: Vec<Block> = serde_json::from_str(text).unwrap();
        as_serde_writes(&blocks);
        as_serde_writes(&Vec::<Block>::new());
        let member: Member = serde_json::from_str(
            r#"{"id": "a", "name": {"en": "A", "zh": "甲"}, "aliases": ["b"], "kinds": ["adopter", "partner"],
                "website": "https://a.example/", "logo": {"url": "https://a.example/l.png", "height": 5},
                "industry": "cloud", "country": "CN", "usage": {"en": "Uses it."}, "joined": "2024-01-01",
                "announcement": {"date": "2024-01-01", "title": {"en": "T"}, "url": {"en": "/p"},
                    "content": {"en": [{"type": "paragraph", "content": [{"type": "text", "text": "x"}]}], "zh": []}},
                "caseStudies": [{"title": {"en": "C"}, "url": {"en": "/c"}, "kind": "video"},
                    {"title": {"en": "D"}, "url": {"en": "/d"}, "kind": "doc"},
                    {"title": {"en": "E"}, "url": {"en": "/e"}, "kind": "product"}],
                "partner": {"description": {"en": "P"}, "url": "https://p.example/"},
                "featured": {"quote": {"en": "Q"}, "source": "https://a.example/post"}}"#,
        )
        .unwrap();
        as_serde_writes(&member);
        let bare: Member = serde_json::from_str(
            r#"{"id": "b", "name": {"en": "B"}, "kinds": [], "website": "https://b.example/", "usage": {"en": ""}}"#,
        )
        .unwrap();
        as_serde_writes(&Feed {
            schema_version: 1,
            generated_at: "2025-01-01T00:00:00Z".into(),
            members: vec![member, bare],
        });
        as_serde_writes(&Feed {
            schema_version: 1,
            generated_at: String::new(),
            members: vec![],
        });
    }
}
