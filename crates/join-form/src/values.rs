//! What the visitor typed: a map from field id to value, saved as JSON in localStorage drafts.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::fields::{FieldKind, Program};

/// Longest text kept from a draft, in characters: far above every field's limit (so the
/// visitor still sees and fixes an over-long value) but bounded, so a corrupted draft cannot
/// blow up memory.
pub const MAX_DRAFT_TEXT: usize = 20_000;
/// Most entries kept for a list field from a draft.
pub const MAX_DRAFT_ITEMS: usize = 50;

/// One field's value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    /// Checkboxes.
    Flag(bool),
    /// Text-like inputs and selects.
    Text(String),
    /// List fields, one entry each.
    List(Vec<String>),
}

/// The values of one form, keyed by field id. Serialises as a flat JSON object
/// (`{"org-name":"…","ack-public":true,"case-studies":["…"]}`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FormValues(BTreeMap<String, Value>);

impl FormValues {
    pub fn new() -> FormValues {
        FormValues::default()
    }

    /// The text of a field; `""` when unset or not text (a list reads as its lines joined).
    pub fn text(&self, id: &str) -> &str {
        match self.0.get(id) {
            Some(Value::Text(text)) => text,
            _ => "",
        }
    }

    /// Whether a checkbox is ticked.
    pub fn flag(&self, id: &str) -> bool {
        matches!(self.0.get(id), Some(Value::Flag(true)))
    }

    /// The entries of a list field (as stored, blank entries included).
    pub fn list(&self, id: &str) -> &[String] {
        match self.0.get(id) {
            Some(Value::List(items)) => items,
            _ => &[],
        }
    }

    pub fn set_text(&mut self, id: &str, value: impl Into<String>) {
        self.0.insert(id.to_string(), Value::Text(value.into()));
    }

    pub fn set_flag(&mut self, id: &str, value: bool) {
        self.0.insert(id.to_string(), Value::Flag(value));
    }

    pub fn set_list(&mut self, id: &str, items: Vec<String>) {
        self.0.insert(id.to_string(), Value::List(items));
    }

    /// Sets a list from a textarea: one entry a line, blank lines dropped.
    pub fn set_list_from_lines(&mut self, id: &str, text: &str) {
        let items = text
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(str::to_string)
            .collect();
        self.set_list(id, items);
    }

    /// A list field as textarea content: entries joined with newlines.
    pub fn list_as_lines(&self, id: &str) -> String {
        self.list(id).join("\n")
    }

    pub fn get(&self, id: &str) -> Option<&Value> {
        self.0.get(id)
    }

    pub fn remove(&mut self, id: &str) {
        self.0.remove(id);
    }

    /// True when nothing has been typed or ticked (for "discard draft?" prompts).
    pub fn is_blank(&self) -> bool {
        self.0.values().all(|value| match value {
            Value::Flag(flag) => !flag,
            Value::Text(text) => text.trim().is_empty(),
            Value::List(items) => items.iter().all(|item| item.trim().is_empty()),
        })
    }

    /// The draft as JSON for localStorage.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".to_string())
    }

    /// Reads a draft for `program`, keeping what fits and dropping the rest; never fails.
    ///
    /// Anything that is not a JSON object gives empty values. Keys that are not fields of
    /// `program` are ignored. Values are coerced to the field's kind: text fields take strings
    /// (numbers are written out), checkboxes take `true`/`false` (or the strings `"true"`/`"on"`),
    /// lists take arrays of strings or a string of lines. Texts are cut at [`MAX_DRAFT_TEXT`]
    /// characters and lists at [`MAX_DRAFT_ITEMS`] entries.
    pub fn from_json(program: Program, json: &str) -> FormValues {
        let mut values = FormValues::new();
        let Ok(serde_json::Value::Object(object)) = serde_json::from_str::<serde_json::Value>(json)
        else {
            return values;
        };
        for spec in program.fields() {
            let Some(raw) = object.get(spec.id) else {
                continue;
            };
            match spec.kind {
                FieldKind::Checkbox => {
                    let ticked = match raw {
                        serde_json::Value::Bool(b) => Some(*b),
                        serde_json::Value::String(s) => {
                            Some(matches!(s.trim(), "true" | "on" | "1"))
                        }
                        _ => None,
                    };
                    if let Some(ticked) = ticked {
                        values.set_flag(spec.id, ticked);
                    }
                }
                FieldKind::List { .. } => {
                    let items: Vec<String> = match raw {
                        serde_json::Value::Array(items) => items
                            .iter()
                            .filter_map(|item| item.as_str())
                            .take(MAX_DRAFT_ITEMS)
                            .map(cap)
                            .collect(),
                        serde_json::Value::String(text) => text
                            .lines()
                            .filter(|line| !line.trim().is_empty())
                            .take(MAX_DRAFT_ITEMS)
                            .map(cap)
                            .collect(),
                        _ => continue,
                    };
                    values.set_list(spec.id, items);
                }
                _ => {
                    let text = match raw {
                        serde_json::Value::String(s) => cap(s),
                        serde_json::Value::Number(n) => n.to_string(),
                        _ => continue,
                    };
                    values.set_text(spec.id, text);
                }
            }
        }
        values
    }
}

fn cap(text: &str) -> String {
    match text.char_indices().nth(MAX_DRAFT_TEXT) {
        Some((cut, _)) => text[..cut].to_string(),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> FormValues {
        let mut values = FormValues::new();
        values.set_text("org-name", "小红书 <RedNote>");
        values.set_text("website", "https://www.xiaohongshu.com/");
        values.set_flag("ack-public", true);
        values.set_flag("help-wanted", false);
        values.set_list(
            "case-studies",
            vec![
                "Talk https://example.com/a".into(),
                "https://example.com/b".into(),
            ],
        );
        values
    }

    #[test]
    fn drafts_round_trip_through_json() {
        let values = sample();
        let json = values.to_json();
        assert!(json.contains("\"ack-public\":true"), "{json}");
        assert!(json.contains("小红书"), "{json}");
        assert_eq!(FormValues::from_json(Program::Adopter, &json), values);
    }

    #[test]
    fn from_json_tolerates_junk() {
        for junk in [
            "",
            "null",
            "42",
            "\"text\"",
            "[1,2,3]",
            "{",
            "{\"org-name\":",
            "\u{0}\u{ffff}",
            "{\"org-name\": {\"nested\": true}}",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
        ] {
            let values = FormValues::from_json(Program::Adopter, junk);
            assert!(values.is_blank(), "{junk:?} gave {values:?}");
        }
        let deep = "[".repeat(100_000);
        assert!(FormValues::from_json(Program::Partner, &deep).is_blank());
    }

    #[test]
    fn from_json_ignores_unknown_keys_and_coerces_kinds() {
        let json = r#"{
            "org-name": 12345,
            "unknown": "dropped",
            "__proto__": "dropped",
            "ack-public": "on",
            "help-wanted": 1,
            "website": true,
            "case-studies": ["https://a.example/", 7, null, "https://b.example/"],
            "usage": ["not", "text"]
        }"#;
        let values = FormValues::from_json(Program::Adopter, json);
        assert_eq!(values.text("org-name"), "12345");
        assert!(values.get("unknown").is_none());
        assert!(values.get("__proto__").is_none());
        assert!(values.flag("ack-public"));
        assert!(values.get("help-wanted").is_none());
        assert!(values.get("website").is_none());
        assert_eq!(
            values.list("case-studies"),
            ["https://a.example/", "https://b.example/"]
        );
        assert_eq!(values.text("usage"), "");

        // Lines in a string become list entries; a partner draft ignores adopter-only keys.
        let values = FormValues::from_json(
            Program::Adopter,
            r#"{"case-studies":"https://a.example/\n\n https://b.example/ "}"#,
        );
        assert_eq!(values.list("case-studies").len(), 2);
        let values = FormValues::from_json(Program::Partner, r#"{"usage":"x","org-name":"Y"}"#);
        assert!(values.get("usage").is_none());
        assert_eq!(values.text("org-name"), "Y");
    }

    #[test]
    fn from_json_caps_sizes() {
        let long = "字".repeat(MAX_DRAFT_TEXT + 10);
        let items: Vec<String> = (0..200).map(|i| format!("https://e.example/{i}")).collect();
        let json = serde_json::json!({ "usage": long, "case-studies": items }).to_string();
        let values = FormValues::from_json(Program::Adopter, &json);
        assert_eq!(values.text("usage").chars().count(), MAX_DRAFT_TEXT);
        assert_eq!(values.list("case-studies").len(), MAX_DRAFT_ITEMS);
    }

    #[test]
    fn list_lines_helpers() {
        let mut values = FormValues::new();
        values.set_list_from_lines("case-studies", " a \n\n b\r\n");
        assert_eq!(values.list("case-studies"), ["a", "b"]);
        assert_eq!(values.list_as_lines("case-studies"), "a\nb");
        assert!(!values.is_blank());
        values.remove("case-studies");
        assert!(values.is_blank());
    }
}
