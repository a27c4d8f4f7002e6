//! The members feed as Rust types. The JSON Schema in `public/members.schema.json` is generated
//! from these types (feature `schema`), so they are the single source of truth for the format.

use serde::{Deserialize, Serialize};

/// The only feed format version this code understands.
pub const SCHEMA_VERSION: u32 = 1;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// The longest industry a feed may name: the app's address bar carries it as a filter
/// (`?industry=…`), and its reader ignores longer values, so a longer one could be shown as a
/// facet option but never ticked.
pub const MAX_INDUSTRY_BYTES: usize = 80;

/// The whole feed document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Feed {
    /// Format version; readers refuse versions they do not know.
    pub schema_version: u32,
    /// When the feed was generated (RFC 3339).
    pub generated_at: String,
    pub members: Vec<Member>,
}

/// A language of the showcase: karmada.io is served in English and Simplified Chinese.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The other of the two languages.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }

    /// The language's BCP 47 tag, for `lang` and `hreflang` attributes: Simplified Chinese
    /// as written in mainland China, which is what the feed's `zh` texts are.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// Reads `en`, `zh`, `zh-CN`, `zh-Hans`, `en-US`… (case-insensitive); anything else is `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }
}

/// A value in English with an optional Simplified Chinese translation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Localized<T> {
    pub en: T,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zh: Option<T>,
}

impl<T> Localized<T> {
    pub fn en(en: T) -> Self {
        Localized { en, zh: None }
    }

    /// The value in `lang`, falling back to English where there is no translation.
    pub fn get(&self, lang: Lang) -> &T {
        match lang {
            Lang::Zh => self.zh.as_ref().unwrap_or(&self.en),
            Lang::En => &self.en,
        }
    }

    /// The language [`Localized::get`] answers `lang` in, for a page to mark English text
    /// inside a Chinese page.
    pub fn lang_got(&self, lang: Lang) -> Lang {
        match (lang, &self.zh) {
            (Lang::Zh, Some(_)) => Lang::Zh,
            _ => Lang::En,
        }
    }
}

impl Localized<String> {
    /// Like [`Localized::get`], but an empty translation also falls back to English, so a card is
    /// never blank because a Chinese cell was left empty.
    pub fn text(&self, lang: Lang) -> &str {
        match self.lang_of(lang) {
            Lang::Zh => self.zh.as_deref().unwrap_or(&self.en),
            Lang::En => &self.en,
        }
    }

    /// The language [`Localized::text`] answers `lang` in: English where there is no
    /// translation, for a page to mark such text (`lang="en"` inside a Chinese page).
    pub fn lang_of(&self, lang: Lang) -> Lang {
        match (lang, self.zh.as_deref()) {
            (Lang::Zh, Some(zh)) if !zh.trim().is_empty() => Lang::Zh,
            _ => Lang::En,
        }
    }
}

/// What an organisation is to Karmada. One organisation may be several.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// An end user running Karmada in production.
    Adopter,
    /// A product or service built on Karmada.
    Vendor,
    /// A commercial-support partner.
    Partner,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Adopter, Kind::Vendor, Kind::Partner];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Adopter => "adopter",
            Kind::Vendor => "vendor",
            Kind::Partner => "partner",
        }
    }

    pub fn parse(value: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.as_str() == value)
    }
}

/// One organisation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Member {
    /// Stable slug (`[a-z0-9-]`), used in links such as `/members/<id>`.
    pub id: String,
    pub name: Localized<String>,
    /// Other names people search for (e.g. `xiaohongshu` for RedNote).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Non-empty.
    pub kinds: Vec<Kind>,
    /// The organisation's website: an `http(s)` URL.
    pub website: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<Logo>,
    /// Industry slug such as `finance` or `cloud` (at most 80 bytes); absent where nobody knows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(length(max = MAX_INDUSTRY_BYTES)))]
    pub industry: Option<String>,
    /// ISO 3166-1 alpha-2 code such as `CN`; absent where nobody knows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// How the organisation uses Karmada, in one or two sentences.
    pub usage: Localized<String>,
    /// When it joined the Adopter Group (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joined: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub announcement: Option<Announcement>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub case_studies: Vec<CaseStudy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<PartnerInfo>,
    /// Featured at the top of the list (at most [`MAX_FEATURED`] members of a feed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub featured: Option<Featured>,
}

/// The most members a feed features; later ones are shown as any other member.
pub const MAX_FEATURED: usize = 3;

/// The longest featured quote, in characters: one sentence, read at a glance.
pub const MAX_QUOTE_CHARS: usize = 300;

/// A member featured at the top of the list with a sentence of its own story.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Featured {
    /// One sentence, word for word, of the page `source` names: when that is the member's
    /// announcement, a sentence of its content in that language.
    pub quote: Localized<String>,
    /// The page quoted: the member's announcement (`announcement.url.en`) or one of its case
    /// studies (`caseStudies[].url.en`).
    pub source: String,
}

impl Member {
    pub fn has_kind(&self, kind: Kind) -> bool {
        self.kinds.contains(&kind)
    }
}

/// A logo by URL. Width and height (from the image header) let the page reserve the box
/// before the image arrives, so cards do not shift while logos load.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Logo {
    /// `http(s)` or site-relative URL.
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
}

/// The "Welcome X to the Karmada Adopter Group!" post.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Announcement {
    /// Publication date (`YYYY-MM-DD`).
    pub date: String,
    pub title: Localized<String>,
    /// The original posts on karmada.io.
    pub url: Localized<String>,
    /// The member's own section of the post, as a safe structured document.
    pub content: Localized<Document>,
}

/// A case study, talk or product page about the member's use of Karmada.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct CaseStudy {
    /// The Chinese table often titles the same link in Chinese, hence localized.
    pub title: Localized<String>,
    /// The Chinese table sometimes links the Chinese version of a doc, hence localized.
    pub url: Localized<String>,
    pub kind: CaseStudyKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum CaseStudyKind {
    Video,
    Doc,
    Product,
}

/// What the commercial-support partner list says about a partner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct PartnerInfo {
    pub description: Localized<String>,
    /// The partner's Karmada-related page (often a product page, not the home page).
    pub url: String,
}

/// A safe structured document: the app renders it node by node, never as HTML.
pub type Document = Vec<Block>;

// Plain comments, not docs: schemars would publish docs in the JSON Schema. `Deserialize` is
// written by hand (module `tagged`), to keep serde's buffering of internally tagged enums out
// of the wasm bundle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Block {
    Heading {
        /// 2–6; the page owns level 1.
        level: u8,
        content: Vec<Inline>,
    },
    Paragraph {
        content: Vec<Inline>,
    },
    List {
        #[serde(default)]
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    Image {
        url: String,
        #[serde(default)]
        alt: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        width: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        height: Option<u32>,
    },
    Code {
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        lang: Option<String>,
    },
    Quote {
        blocks: Vec<Block>,
    },
}

// `Deserialize` is written by hand (module `tagged`), like `Block`'s.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Inline {
    Text { text: String },
    Emphasis { content: Vec<Inline> },
    Strong { content: Vec<Inline> },
    Code { text: String },
    Link { url: String, content: Vec<Inline> },
    LineBreak,
}

impl Inline {
    pub fn text(text: impl Into<String>) -> Inline {
        Inline::Text { text: text.into() }
    }

    /// The plain text of inlines, for search and `alt`/`title` attributes.
    pub fn plain_text(inlines: &[Inline]) -> String {
        let mut out = String::new();
        fn walk(inlines: &[Inline], out: &mut String) {
            for inline in inlines {
                match inline {
                    Inline::Text { text } | Inline::Code { text } => out.push_str(text),
                    Inline::Emphasis { content }
                    | Inline::Strong { content }
                    | Inline::Link { content, .. } => walk(content, out),
                    Inline::LineBreak => out.push(' '),
                }
            }
        }
        walk(inlines, &mut out);
        out
    }
}
