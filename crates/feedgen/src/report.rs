//! Problems found while reading a site, with the file and line they come from.

use std::fmt;

/// How bad a problem is: errors make `feedgen check` fail, warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem at `path:line` (path relative to the site folder, `/`-separated; line 1-based,
/// 0 when the problem concerns no line, e.g. a missing file).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Diagnostic {
    pub path: String,
    pub line: usize,
    pub severity: Severity,
    pub message: String,
}

impl Diagnostic {
    pub fn error(path: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.into(),
            line,
            severity: Severity::Error,
            message: message.into(),
        }
    }

    pub fn warning(path: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.into(),
            line,
            severity: Severity::Warning,
            message: message.into(),
        }
    }

    /// `path:line: severity: message`.
    pub fn to_text(&self) -> String {
        format!(
            "{}:{}: {}: {}",
            self.path,
            self.line,
            self.severity.as_str(),
            self.message
        )
    }

    /// A GitHub Actions workflow command (`::error file=…,line=…::message`), which GitHub shows
    /// as an annotation on the file.
    pub fn to_github(&self) -> String {
        let line = if self.line == 0 { 1 } else { self.line };
        format!(
            "::{} file={},line={}::{}",
            self.severity.as_str(),
            escape_property(&self.path),
            line,
            escape_data(&self.message)
        )
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_text())
    }
}

fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// Output format of `feedgen check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Text,
    Github,
}

/// All problems of one run, in a stable order (file, line, severity, message).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    pub fn extend(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        self.diagnostics.extend(diagnostics);
    }

    /// Sorts and removes exact duplicates, so the output is stable.
    pub fn finish(&mut self) {
        self.diagnostics.sort();
        self.diagnostics.dedup();
    }

    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    pub fn has_errors(&self) -> bool {
        self.errors() > 0
    }

    pub fn render(&self, format: Format) -> String {
        let mut out = String::new();
        for d in &self.diagnostics {
            out.push_str(&match format {
                Format::Text => d.to_text(),
                Format::Github => d.to_github(),
            });
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_github_formats() {
        let d = Diagnostic::error("src/pages/adopters.md", 26, "website is not https: a,b");
        assert_eq!(
            d.to_text(),
            "src/pages/adopters.md:26: error: website is not https: a,b"
        );
        assert_eq!(
            d.to_github(),
            "::error file=src/pages/adopters.md,line=26::website is not https: a,b"
        );
        let w = Diagnostic::warning("a:b,c.md", 0, "100%\nnext");
        assert_eq!(
            w.to_github(),
            "::warning file=a%3Ab%2Cc.md,line=1::100%25%0Anext"
        );
    }

    #[test]
    fn report_sorts_and_counts() {
        let mut r = Report::default();
        r.push(Diagnostic::warning("b.md", 1, "w"));
        r.push(Diagnostic::error("a.md", 9, "e"));
        r.push(Diagnostic::error("a.md", 9, "e"));
        r.finish();
        assert_eq!(r.diagnostics.len(), 2);
        assert_eq!(r.diagnostics[0].path, "a.md");
        assert_eq!((r.errors(), r.warnings()), (1, 1));
        assert!(r.has_errors());
    }
}
