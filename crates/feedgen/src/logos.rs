//! Logo files under `static/img/supporters/`: the format from the magic bytes (PNG or SVG)
//! and the size from the PNG `IHDR` header or the SVG `width`/`height`/`viewBox`.

use std::io::Read;
use std::path::Path;

pub const LOGO_DIR: &str = "static/img/supporters";
pub const LOGO_URL_BASE: &str = "https://karmada.io/img/supporters/";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageKind {
    Png,
    Svg,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImageInfo {
    pub kind: ImageKind,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// What the first bytes of a file say it is; `Err` says why it is neither PNG nor SVG.
pub fn sniff(bytes: &[u8]) -> Result<ImageInfo, String> {
    if bytes.starts_with(PNG_SIGNATURE) {
        if bytes.len() < 24 || &bytes[12..16] != b"IHDR" {
            return Err("PNG without an IHDR header (truncated?)".into());
        }
        let width = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
        let height = u32::from_be_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]);
        if width == 0 || height == 0 {
            return Err(format!("PNG with an empty size {width}x{height}"));
        }
        return Ok(ImageInfo {
            kind: ImageKind::Png,
            width: Some(width),
            height: Some(height),
        });
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(64 * 1024)]);
    let head = head.trim_start_matches('\u{FEFF}');
    if let Some(at) = svg_start(head) {
        let tag_end = head[at..].find('>').map(|e| at + e).unwrap_or(head.len());
        let tag = &head[at..tag_end];
        let mut width = attr(tag, "width").and_then(|v| number(&v));
        let mut height = attr(tag, "height").and_then(|v| number(&v));
        if width.is_none() || height.is_none() {
            if let Some(view_box) = attr(tag, "viewBox") {
                let parts: Vec<f64> = view_box
                    .split([' ', ','])
                    .filter(|p| !p.is_empty())
                    .filter_map(|p| p.parse().ok())
                    .collect();
                if parts.len() == 4 {
                    width = width.or_else(|| to_u32(parts[2]));
                    height = height.or_else(|| to_u32(parts[3]));
                }
            }
        }
        return Ok(ImageInfo {
            kind: ImageKind::Svg,
            width,
            height,
        });
    }
    let shown: String = bytes
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ");
    Err(format!("not a PNG or SVG file (starts with {shown})"))
}

/// Where `<svg` starts, once an XML declaration, comments, a doctype and whitespace are skipped.
fn svg_start(text: &str) -> Option<usize> {
    let mut rest = text;
    let mut offset = 0;
    loop {
        let trimmed = rest.trim_start();
        offset += rest.len() - trimmed.len();
        rest = trimmed;
        let skip = if rest.starts_with("<?") {
            rest.find("?>").map(|e| e + 2)
        } else if rest.starts_with("<!--") {
            rest.find("-->").map(|e| e + 3)
        } else if rest.starts_with("<!") {
            rest.find('>').map(|e| e + 1)
        } else if rest.starts_with("<svg") {
            return Some(offset);
        } else {
            return None;
        };
        let skip = skip?;
        offset += skip;
        rest = &rest[skip..];
    }
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let mut search = 0;
    while let Some(found) = tag[search..].find(name) {
        let at = search + found;
        let before_ok = tag[..at].ends_with(|c: char| c.is_whitespace());
        let after = tag[at + name.len()..].trim_start();
        if before_ok {
            if let Some(after) = after.strip_prefix('=') {
                let after = after.trim_start();
                let quote = after.chars().next()?;
                if quote == '"' || quote == '\'' {
                    let value = &after[1..];
                    return value.find(quote).map(|e| value[..e].to_string());
                }
            }
        }
        search = at + name.len();
    }
    None
}

fn number(value: &str) -> Option<u32> {
    let v = value.trim().trim_end_matches("px").trim();
    v.parse::<f64>().ok().and_then(to_u32)
}

fn to_u32(v: f64) -> Option<u32> {
    (v.is_finite() && v > 0.0 && v < u32::MAX as f64).then(|| v.round() as u32)
}

/// Reads the head of a logo file. `Ok(None)` when it does not exist.
pub fn read_logo(path: &Path) -> Result<Option<ImageInfo>, String> {
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot read: {e}")),
    };
    let mut head = Vec::with_capacity(4096);
    file.by_ref()
        .take(64 * 1024)
        .read_to_end(&mut head)
        .map_err(|e| format!("cannot read: {e}"))?;
    sniff(&head).map(Some)
}

/// The name and module of a JavaScript import line (`import huawei from
/// "../../static/img/supporters/huawei.png";` → `huawei`, `../../static/img/supporters/huawei.png`),
/// as the website's data files bring in their logos.
pub fn js_import(line: &str) -> Option<(&str, &str)> {
    let (name, from) = line.trim().strip_prefix("import ")?.split_once(" from ")?;
    let module = from
        .trim()
        .trim_end_matches(';')
        .trim_matches(|c| c == '"' || c == '\'');
    Some((name.trim(), module))
}

/// The logo file name of a resolved image URL (`https://karmada.io/img/supporters/x.png` → `x.png`).
pub fn logo_file_of_url(url: &str) -> Option<&str> {
    url.strip_prefix(LOGO_URL_BASE)
        .filter(|f| !f.is_empty() && !f.contains('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32) -> Vec<u8> {
        let mut b = PNG_SIGNATURE.to_vec();
        b.extend_from_slice(&13u32.to_be_bytes());
        b.extend_from_slice(b"IHDR");
        b.extend_from_slice(&w.to_be_bytes());
        b.extend_from_slice(&h.to_be_bytes());
        b.extend_from_slice(&[8, 6, 0, 0, 0]);
        b
    }

    #[test]
    fn reads_an_import_line() {
        assert_eq!(
            js_import("  import T3logo2 from \"../../static/img/supporters/T3-logo2.png\";"),
            Some(("T3logo2", "../../static/img/supporters/T3-logo2.png"))
        );
        assert_eq!(js_import("import x from 'a/b.png'"), Some(("x", "a/b.png")));
        assert_eq!(js_import("const x = 1;"), None);
        assert_eq!(js_import("import './side-effect.css';"), None);
    }

    #[test]
    fn png_size_from_ihdr() {
        assert_eq!(
            sniff(&png(1320, 598)).unwrap(),
            ImageInfo {
                kind: ImageKind::Png,
                width: Some(1320),
                height: Some(598)
            }
        );
        assert!(sniff(&png(1320, 598)[..20]).is_err());
        assert!(sniff(&png(0, 5)).is_err());
    }

    #[test]
    fn svg_size_from_attributes_or_viewbox() {
        let svg = br#"<?xml version="1.0"?><!-- hi --><!DOCTYPE svg><svg xmlns="http://www.w3.org/2000/svg" width="120px" height='40'>"#;
        let info = sniff(svg).unwrap();
        assert_eq!(
            (info.kind, info.width, info.height),
            (ImageKind::Svg, Some(120), Some(40))
        );
        let info = sniff(b"\n<svg viewBox=\"0 0 300.4 100\" stroke-width=\"2\">").unwrap();
        assert_eq!((info.width, info.height), (Some(300), Some(100)));
        let info = sniff(b"<svg>").unwrap();
        assert_eq!((info.width, info.height), (None, None));
    }

    #[test]
    fn other_files_are_refused() {
        let e = sniff(b"GIF89a\x01\x00").unwrap_err();
        assert!(e.contains("47 49 46 38"), "{e}");
        assert!(sniff(b"<html><svg>").is_err());
        assert!(sniff(b"").is_err());
        assert!(sniff(b"\xff\xd8\xff\xe0 jpeg").is_err());
    }

    #[test]
    fn logo_urls() {
        assert_eq!(
            logo_file_of_url("https://karmada.io/img/supporters/x.png"),
            Some("x.png")
        );
        assert_eq!(logo_file_of_url("https://karmada.io/img/other/x.png"), None);
    }
}
