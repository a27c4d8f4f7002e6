//! The commercial-support partners: `src/data/partnersData.tsx` (title, webURL, image import,
//! `<Translate id="partners.x.description">English</Translate>`) and the Chinese descriptions
//! in `i18n/zh/code.json`.

use std::collections::BTreeMap;

use crate::markdown::collapse_whitespace;
use crate::report::Diagnostic;
use crate::source::LineIndex;

pub const PARTNERS_FILE: &str = "src/data/partnersData.tsx";
pub const ZH_CODE_JSON: &str = "i18n/zh/code.json";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Partner {
    pub line: usize,
    pub title: String,
    pub web_url: String,
    /// File name under `static/img/supporters/`, from the image import.
    pub logo_file: Option<String>,
    /// The `Translate` id, e.g. `partners.huawei.description`.
    pub translate_id: Option<String>,
    pub description: String,
}

/// Reads the partner list. Objects that lack a title or webURL are reported and left out.
pub fn parse_partners(text: &str, path: &str) -> (Vec<Partner>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let index = LineIndex::new(text);
    // image imports: `import huawei from "../../static/img/supporters/huawei.png";`
    let mut imports = BTreeMap::new();
    for (ident, target) in text.lines().filter_map(crate::logos::js_import) {
        if target.contains("img/") {
            if let Some(file) = target.rsplit('/').next() {
                imports.insert(ident.to_string(), file.to_string());
            }
        }
    }
    let Some(array_start) = find_array(text) else {
        diags.push(Diagnostic::error(
            path,
            index.line(text.len()),
            "no partner list found (expected `const PartnersList = [ … ]`)",
        ));
        return (Vec::new(), diags);
    };
    let mut partners = Vec::new();
    for (start, end) in top_level_objects(text, array_start) {
        let body = &text[start..end];
        let line = index.line(start);
        let field_line = |name: &str| {
            body.find(name)
                .map(|o| index.line(start + o))
                .unwrap_or(line)
        };
        let title = string_field(body, "title");
        let web_url = string_field(body, "webURL");
        let image = ident_field(body, "image");
        let (translate_id, description) = match translate(body) {
            Some((id, text)) => (Some(id), text),
            None => (None, string_field(body, "description").unwrap_or_default()),
        };
        let Some(title) = title.filter(|t| !t.trim().is_empty()) else {
            diags.push(Diagnostic::error(
                path,
                line,
                "partner without a title; left out",
            ));
            continue;
        };
        let Some(web_url) = web_url.filter(|u| !u.trim().is_empty()) else {
            diags.push(Diagnostic::error(
                path,
                line,
                format!("partner {title:?} has no webURL; left out"),
            ));
            continue;
        };
        let logo_file = match image {
            Some(ident) => match imports.get(&ident) {
                Some(file) => Some(file.clone()),
                None => {
                    diags.push(Diagnostic::warning(
                        path,
                        field_line("image"),
                        format!("partner {title:?} image {ident} is not an imported image"),
                    ));
                    None
                }
            },
            None => None,
        };
        if description.is_empty() {
            diags.push(Diagnostic::warning(
                path,
                line,
                format!("partner {title:?} has no description"),
            ));
        }
        partners.push(Partner {
            line: field_line("title"),
            title: title.trim().to_string(),
            web_url: web_url.trim().to_string(),
            logo_file,
            translate_id,
            description,
        });
    }
    if partners.is_empty() && diags.is_empty() {
        diags.push(Diagnostic::warning(
            path,
            index.line(array_start),
            "the partner list is empty",
        ));
    }
    (partners, diags)
}

fn find_array(text: &str) -> Option<usize> {
    let at = text.find("PartnersList").or_else(|| text.find("const "))?;
    let eq = text[at..].find('=')? + at;
    let open = text[eq..].find('[')? + eq;
    Some(open + 1)
}

/// Byte ranges of the `{ … }` objects directly inside the array starting at `from`, skipping
/// string literals and comments.
fn top_level_objects(text: &str, from: usize) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = None;
    let mut i = from;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'"' | b'\'' | b'`' => {
                i += 1;
                while i < bytes.len() && bytes[i] != c {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                    i += 1;
                }
                i += 1;
            }
            b'{' => {
                if depth == 0 {
                    start = Some(i);
                }
                depth += 1;
            }
            b'}' => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
                if depth == 0 {
                    if let Some(s) = start.take() {
                        out.push((s, i + 1));
                    }
                }
            }
            b']' if depth == 0 => break,
            _ => {}
        }
        i += 1;
    }
    out
}

/// `name: "value"` (or single quotes) in an object body.
fn string_field(body: &str, name: &str) -> Option<String> {
    let rest = after_key(body, name)?;
    let quote = rest.chars().next()?;
    if quote != '"' && quote != '\'' && quote != '`' {
        return None;
    }
    let value = &rest[1..];
    let end = value.find(quote)?;
    Some(value[..end].to_string())
}

fn ident_field(body: &str, name: &str) -> Option<String> {
    let rest = after_key(body, name)?;
    let ident: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
        .collect();
    (!ident.is_empty()).then_some(ident)
}

fn after_key<'a>(body: &'a str, name: &str) -> Option<&'a str> {
    let mut search = 0;
    while let Some(found) = body[search..].find(name) {
        let at = search + found;
        let before = body[..at].chars().next_back();
        let ok_before = before.is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        let rest = body[at + name.len()..].trim_start();
        if ok_before {
            if let Some(rest) = rest.strip_prefix(':') {
                return Some(rest.trim_start());
            }
        }
        search = at + name.len();
    }
    None
}

/// `<Translate id="…">text</Translate>` → (id, text with whitespace collapsed).
fn translate(body: &str) -> Option<(String, String)> {
    let at = body.find("<Translate")?;
    let tag_end = body[at..].find('>')? + at;
    let tag = &body[at..tag_end];
    let id = {
        let i = tag.find("id=")?;
        let rest = &tag[i + 3..];
        let quote = rest.chars().next()?;
        let value = &rest[1..];
        value[..value.find(quote)?].to_string()
    };
    let close = body[tag_end..].find("</Translate>")? + tag_end;
    Some((id, collapse_whitespace(&body[tag_end + 1..close])))
}

/// `partners.<x>.description` messages of a Docusaurus `code.json`, by id.
pub fn parse_code_json(text: &str, path: &str) -> Result<BTreeMap<String, String>, Diagnostic> {
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| Diagnostic::error(path, e.line().max(1), format!("not valid JSON: {e}")))?;
    let object = value
        .as_object()
        .ok_or_else(|| Diagnostic::error(path, 1, "code.json is not a JSON object"))?;
    let mut out = BTreeMap::new();
    for (key, entry) in object {
        if key.starts_with("partners.") {
            if let Some(message) = entry.get("message").and_then(|m| m.as_str()) {
                out.insert(key.clone(), collapse_whitespace(message));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TSX: &str = r#"import Translate from "@docusaurus/Translate";
import huawei from "../../static/img/supporters/huawei.png";
import cecloud from "../../static/img/supporters/CECloud.png"

const PartnersList = [
  {
    image: huawei,
    title: "Huawei",
    webURL: "https://www.huaweicloud.com/intl/en-us/product/ucs.html",
    description: (
      <Translate id="partners.huawei.description">
        UCS runs apps across
        regions { "and" } clouds.
      </Translate>
    ),
  },
  {
    title: 'CECloud', // a comment with { brace
    image: cecloud,
    webURL: "https://cecloud.com/",
    description: "Plain string description.",
  },
  {
    image: missing,
    title: "No URL",
  },
  // Add more partners information...
];
"#;

    #[test]
    fn reads_partners_in_any_key_order() {
        let (partners, diags) = parse_partners(TSX, "p.tsx");
        assert_eq!(partners.len(), 2);
        assert_eq!(partners[0].title, "Huawei");
        assert_eq!(partners[0].line, 8);
        assert_eq!(partners[0].logo_file.as_deref(), Some("huawei.png"));
        assert_eq!(
            partners[0].translate_id.as_deref(),
            Some("partners.huawei.description")
        );
        assert_eq!(
            partners[0].description,
            "UCS runs apps across regions { \"and\" } clouds."
        );
        assert_eq!(partners[1].title, "CECloud");
        assert_eq!(partners[1].logo_file.as_deref(), Some("CECloud.png"));
        assert_eq!(partners[1].description, "Plain string description.");
        let shown: Vec<String> = diags.iter().map(|d| d.to_text()).collect();
        assert_eq!(
            shown,
            ["p.tsx:23: error: partner \"No URL\" has no webURL; left out"]
        );
    }

    #[test]
    fn broken_partner_files() {
        let (p, d) = parse_partners("export default 1;\n", "p.tsx");
        assert!(p.is_empty());
        assert_eq!(d[0].severity, crate::report::Severity::Error);
        let (p, _) = parse_partners(
            "const PartnersList = [ { title: \"A\", webURL: \"https://a\"",
            "p.tsx",
        );
        assert!(p.is_empty());
    }

    #[test]
    fn code_json() {
        let json = r#"{ "partners.huawei.description": { "message": "华为  描述" }, "other": {"message": "x"} }"#;
        let map = parse_code_json(json, "code.json").unwrap();
        assert_eq!(map.len(), 1);
        assert_eq!(map["partners.huawei.description"], "华为 描述");
        let e = parse_code_json("{\n\"a\": \n", "code.json").unwrap_err();
        assert_eq!((e.path.as_str(), e.line), ("code.json", 3));
    }
}
