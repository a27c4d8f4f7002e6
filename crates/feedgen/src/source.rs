//! Reading text files of a site checkout: size limit, binary detection, UTF-8 with a line number.

use std::path::{Path, PathBuf};

use crate::report::Diagnostic;

/// Largest Markdown/TSX/JSON/TOML source the builder reads. The real files are a few KB; a
/// bigger one is a mistake (or an attack on the CI job), reported instead of parsed.
pub const MAX_SOURCE_BYTES: usize = 2 * 1024 * 1024;

/// A site folder and the way its files are named in reports.
#[derive(Clone, Debug)]
pub struct Site {
    pub root: PathBuf,
}

impl Site {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Site { root: root.into() }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.path(rel).exists()
    }

    /// Reads `rel` as text. `Ok(None)` when the file does not exist.
    pub fn read_text(&self, rel: &str) -> Result<Option<String>, Diagnostic> {
        let path = self.path(rel);
        if !path.exists() {
            return Ok(None);
        }
        read_text_file(&path, rel).map(Some)
    }

    /// Sorted names of the entries of a folder (empty when it does not exist).
    pub fn list_dir(&self, rel: &str) -> Vec<String> {
        list_dir(&self.path(rel))
    }
}

pub fn list_dir(path: &Path) -> Vec<String> {
    let mut names: Vec<String> = match std::fs::read_dir(path) {
        Ok(entries) => entries
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().into_string().ok())
            .collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    names
}

/// Reads a file and checks it with [`check_text`]; `shown` is the path used in reports.
pub fn read_text_file(path: &Path, shown: &str) -> Result<String, Diagnostic> {
    let meta = std::fs::metadata(path)
        .map_err(|e| Diagnostic::error(shown, 0, format!("cannot read: {e}")))?;
    if meta.len() > MAX_SOURCE_BYTES as u64 {
        return Err(Diagnostic::error(
            shown,
            1,
            format!(
                "file is {} bytes, more than the {MAX_SOURCE_BYTES}-byte limit for a source file",
                meta.len()
            ),
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| Diagnostic::error(shown, 0, format!("cannot read: {e}")))?;
    check_text(&bytes, shown)
}

/// Turns bytes into text, or says where they stop being text: too large, a NUL byte (binary
/// file), or invalid UTF-8 (with the line of the first bad byte). A leading BOM is removed and
/// CRLF line ends become LF.
pub fn check_text(bytes: &[u8], shown: &str) -> Result<String, Diagnostic> {
    if bytes.len() > MAX_SOURCE_BYTES {
        return Err(Diagnostic::error(
            shown,
            1,
            format!(
                "file is {} bytes, more than the {MAX_SOURCE_BYTES}-byte limit for a source file",
                bytes.len()
            ),
        ));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(Diagnostic::error(
            shown,
            line_of_byte(bytes, at),
            "binary data (NUL byte) in a text file",
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            return Err(Diagnostic::error(
                shown,
                line_of_byte(bytes, e.valid_up_to()),
                format!("invalid UTF-8 at byte {}", e.valid_up_to()),
            ))
        }
    };
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    })
}

fn line_of_byte(bytes: &[u8], at: usize) -> usize {
    1 + bytes[..at.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// Maps byte offsets of a text to 1-based line numbers.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    pub fn line(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}

/// Whether `stem` can name a file of one folder (a case-study doc's `hurricane_engine`,
/// `ci123`): not empty, no path, no spaces.
pub fn is_file_stem(stem: &str) -> bool {
    !stem.is_empty()
        && !stem.contains(['/', '\\'])
        && stem != ".."
        && !stem.contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_reports_the_line() {
        let bytes = b"ok\nstill ok\nbad \xff here\n";
        let e = check_text(bytes, "x.md").unwrap_err();
        assert_eq!((e.path.as_str(), e.line), ("x.md", 3));
        assert!(e.message.contains("invalid UTF-8"), "{}", e.message);
    }

    #[test]
    fn binary_and_oversized_inputs_are_errors() {
        let e = check_text(b"line\n\x89PNG\x00\x01", "logo.md").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("binary"));
        let big = vec![b'a'; 10 * 1024 * 1024];
        let e = check_text(&big, "big.md").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message.contains("limit"), "{}", e.message);
    }

    #[test]
    fn bom_and_crlf_are_normalised() {
        assert_eq!(check_text(b"\xEF\xBB\xBFa\r\nb\r", "x").unwrap(), "a\nb\n");
    }

    #[test]
    fn line_index() {
        let idx = LineIndex::new("a\nbb\n\nc");
        assert_eq!(idx.line(0), 1);
        assert_eq!(idx.line(1), 1);
        assert_eq!(idx.line(2), 2);
        assert_eq!(idx.line(5), 3);
        assert_eq!(idx.line(6), 4);
    }
}
