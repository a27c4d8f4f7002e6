//! `Deserialize` for the internally tagged enums of the model, [`Block`] and [`Inline`], written
//! by hand to keep serde's content buffering small.
//!
//! The feed itself is read by the crate's own reader (`validate::from_json`); serde's reading
//! of the model stays as the reference that reader is held to (`tests/validate.rs`) and for
//! the tests of the crates that build feeds.
//!
//! serde's derive reads an internally tagged enum (`#[serde(tag = "type")]`) by first copying
//! the whole object into its private `Content` tree (the tag may come after the fields), then
//! reading the variant from that copy: a second deserializer for every field type of every
//! variant. Here the object is read into a [`serde_json::Value`] instead, the tag is looked up
//! in it, and the variant is read from the same value by a derived externally tagged mirror of
//! the enum. The mirrors carry the enums' serde names, so the documents accepted and the error
//! messages are those of the derive: the tag may be anywhere in the object (or first in an
//! array), unknown fields are ignored, and a wrong tag reads "unknown variant `x`, expected one
//! of …".

use std::convert::Infallible;
use std::fmt;

use serde::de::value::{EnumAccessDeserializer, SeqDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, VariantAccess, Visitor};
use serde::Deserialize;
use serde_json::{Error, Value};

use crate::model::{Block, Inline};

/// The name of the tag field of every internally tagged enum of the model.
const TAG: &str = "type";

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Block, D::Error> {
        let value = Value::deserialize(deserializer)?;
        read_tagged(
            &value,
            "internally tagged enum Block",
            BlockVariant::deserialize,
        )
        .map_err(de::Error::custom)
    }
}

impl<'de> Deserialize<'de> for Inline {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Inline, D::Error> {
        let value = Value::deserialize(deserializer)?;
        read_tagged(
            &value,
            "internally tagged enum Inline",
            InlineVariant::deserialize,
        )
        .map_err(de::Error::custom)
    }
}

/// [`Block`] as an externally tagged enum: the same variants, fields and serde names.
#[derive(Deserialize)]
#[serde(remote = "Block", rename = "Block", rename_all = "camelCase")]
enum BlockVariant {
    Heading {
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
        #[serde(default)]
        width: Option<u32>,
        #[serde(default)]
        height: Option<u32>,
    },
    Code {
        text: String,
        #[serde(default)]
        lang: Option<String>,
    },
    Quote {
        blocks: Vec<Block>,
    },
}

/// [`Inline`] as an externally tagged enum: the same variants, fields and serde names.
#[derive(Deserialize)]
#[serde(remote = "Inline", rename = "Inline", rename_all = "camelCase")]
enum InlineVariant {
    Text { text: String },
    Emphasis { content: Vec<Inline> },
    Strong { content: Vec<Inline> },
    Code { text: String },
    Link { url: String, content: Vec<Inline> },
    LineBreak,
}

/// Reads an internally tagged enum from `value` with `read_variant`, an externally tagged
/// mirror's `deserialize`, as serde's derive does: an object with the tag among its fields,
/// or an array whose first element is the tag and the rest the variant's fields in order.
fn read_tagged<'a, T>(
    value: &'a Value,
    expecting: &'static str,
    read_variant: impl FnOnce(EnumAccessDeserializer<TaggedValue<'a>>) -> Result<T, Error>,
) -> Result<T, Error> {
    let tagged = match value {
        Value::Object(object) => TaggedValue {
            tag: object.get(TAG),
            fields: Fields::Object(value),
        },
        Value::Array(items) => TaggedValue {
            tag: items.first(),
            fields: Fields::Array(items.get(1..).unwrap_or_default()),
        },
        // The derive's error for anything else: "invalid type: string \"x\", expected …".
        _ => {
            return value
                .deserialize_any(Rejecting(expecting))
                .map(|never| match never {})
        }
    };
    read_variant(EnumAccessDeserializer::new(tagged))
}

/// A visitor that accepts nothing: reading a value with it gives serde's "invalid type" error
/// for that value, naming what was `expecting`.
struct Rejecting(&'static str);

impl Visitor<'_> for Rejecting {
    type Value = Infallible;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str(self.0)
    }
}

/// An internally tagged value, presented to a mirror's derived code as an externally tagged
/// enum: the tag names the variant, the fields are read as that variant's content.
struct TaggedValue<'a> {
    tag: Option<&'a Value>,
    fields: Fields<'a>,
}

/// Where a tagged value's fields are.
enum Fields<'a> {
    /// The whole object; its tag field is ignored like any field the variant does not have.
    Object(&'a Value),
    /// The elements after the tag.
    Array(&'a [Value]),
}

impl<'a> EnumAccess<'a> for TaggedValue<'a> {
    type Error = Error;
    type Variant = Fields<'a>;

    fn variant_seed<V: DeserializeSeed<'a>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Fields<'a>), Error> {
        let tag = self.tag.ok_or_else(|| de::Error::missing_field(TAG))?;
        Ok((seed.deserialize(tag)?, self.fields))
    }
}

impl<'a> VariantAccess<'a> for Fields<'a> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        match self {
            // A unit variant accepts whatever else the object holds…
            Fields::Object(_) => Ok(()),
            // …but no elements after the tag ("invalid length 1, expected 0 elements in
            // sequence").
            Fields::Array(items) => SeqDeserializer::new(items.iter()).end(),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'a>>(self, seed: T) -> Result<T::Value, Error> {
        match self {
            Fields::Object(object) => seed.deserialize(object),
            Fields::Array(items) => seed.deserialize(SeqDeserializer::new(items.iter())),
        }
    }

    fn tuple_variant<V: Visitor<'a>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        self.read_fields(visitor)
    }

    fn struct_variant<V: Visitor<'a>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.read_fields(visitor)
    }
}

impl<'a> Fields<'a> {
    /// Hands the fields to `visitor` as a map or a sequence, whichever they are.
    fn read_fields<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            // `deserialize_map`, not `deserialize_any`: the value is an object here, and
            // `deserialize_any` would also compile each variant's reading of an array (a second
            // `visit_seq` per variant, never run) into the wasm. Objects read the same either way.
            Fields::Object(object) => object.deserialize_map(visitor),
            // serde's own sequence, so that too many elements get the derive's message
            // ("invalid length 3, expected 2 elements in sequence").
            Fields::Array(items) => {
                let mut sequence = SeqDeserializer::new(items.iter());
                let value = visitor.visit_seq(&mut sequence)?;
                sequence.end()?;
                Ok(value)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn read<T: for<'de> Deserialize<'de>>(value: Value) -> Result<T, String> {
        T::deserialize(&value).map_err(|error| error.to_string())
    }

    #[test]
    fn reads_what_the_derive_reads() {
        let block = json!({
            "content": [
                {"type": "text", "text": "see "},
                {"type": "link", "url": "https://karmada.io", "content": [{"type": "lineBreak"}]}
            ],
            "type": "paragraph",
            "unknown": true
        });
        assert_eq!(
            read::<Block>(block),
            Ok(Block::Paragraph {
                content: vec![
                    Inline::text("see "),
                    Inline::Link {
                        url: "https://karmada.io".into(),
                        content: vec![Inline::LineBreak],
                    },
                ],
            })
        );
        assert_eq!(
            read::<Block>(json!({"type": "list", "items": [[{"type": "code", "text": "x"}]]})),
            Ok(Block::List {
                ordered: false,
                items: vec![vec![Block::Code {
                    text: "x".into(),
                    lang: None
                }]],
            })
        );
        assert_eq!(
            read::<Block>(json!(["heading", 2, []])),
            Ok(Block::Heading {
                level: 2,
                content: vec![]
            })
        );
    }

    #[test]
    fn errors_read_as_the_derive_s() {
        let cases = [
            (
                json!("s"),
                r#"invalid type: string "s", expected internally tagged enum Block"#,
            ),
            (json!({}), "missing field `type`"),
            (
                json!({"type": 1}),
                "invalid type: integer `1`, expected variant identifier",
            ),
            (
                json!({"type": "nope"}),
                "unknown variant `nope`, expected one of `heading`, `paragraph`, `list`, \
                 `image`, `code`, `quote`",
            ),
            (
                json!({"type": "heading", "content": []}),
                "missing field `level`",
            ),
            (
                json!({"type": "heading", "level": 300, "content": []}),
                "invalid value: integer `300`, expected u8",
            ),
            (
                json!({"type": "quote", "blocks": [{"type": "paragraph", "content": [5]}]}),
                "invalid type: integer `5`, expected internally tagged enum Inline",
            ),
            (
                json!(["quote", [], 1]),
                "invalid length 2, expected 1 element in sequence",
            ),
        ];
        for (value, message) in cases {
            assert_eq!(read::<Block>(value.clone()), Err(message.into()), "{value}");
        }
        assert_eq!(
            read::<Inline>(json!(["lineBreak", 1])),
            Err("invalid length 1, expected 0 elements in sequence".into())
        );
        assert_eq!(
            read::<Inline>(json!({"type": "lineBreak", "x": 1})),
            Ok(Inline::LineBreak)
        );
    }
}
