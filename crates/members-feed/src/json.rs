//! The feed's own JSON reader: a parser into a small tree ([`Json`]) and a syntax check that
//! builds nothing ([`Reader::skip_value`]), used to find where each member starts and ends.
//!
//! Why not serde_json: its `Value` route and the derived readers of the model were about 33 KB
//! gzip of every wasm binary that reads the feed (DEVELOPERS.md, "A reader of its own").
//! Numbers stay text ([`Json::Number`]): the feed has only small integers, and a float parser
//! would bring its power-of-five tables into the wasm.

use std::borrow::Cow;
use std::fmt;

/// Deepest nesting of arrays and objects in a value that is built (about serde_json's limit,
/// which lets 127 through): a member of a million `[` must be refused, not overflow the stack.
pub const MAX_DEPTH: usize = 128;

/// A JSON value. Objects keep their fields in document order, duplicates included; numbers
/// and keys without escapes stay in the text they were read from (no allocation for them).
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    /// The number as written (valid JSON number syntax).
    Number(&'a str),
    String(String),
    Array(Vec<Json<'a>>),
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

impl Json<'_> {
    /// The number as an unsigned integer, when it is one that fits.
    pub fn as_u64(&self) -> Option<u64> {
        let Json::Number(text) = self else {
            return None;
        };
        if !text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        text.bytes().try_fold(0u64, |n, digit| {
            n.checked_mul(10)?.checked_add(u64::from(digit - b'0'))
        })
    }
}

/// What is wrong with a document, and where: `message at line L column C`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: &'static str,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message, self.line, self.column
        )
    }
}

/// `text` as one JSON value, with nothing but whitespace around it.
pub fn parse(text: &str) -> Result<Json<'_>, SyntaxError> {
    let mut reader = Reader::new(text);
    let value = reader.value(0)?;
    reader.end()?;
    Ok(value)
}

/// A cursor over a document, for readers that build only part of it (the feed's frame).
pub struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Self {
        Reader { text, at: 0 }
    }

    /// An error at the current position.
    pub fn error(&self, message: &'static str) -> SyntaxError {
        let before = &self.text.as_bytes()[..self.at.min(self.text.len())];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        SyntaxError {
            message,
            line,
            column: self.at - line_start + 1,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.at += 1;
        }
    }

    /// The next byte after whitespace, not consumed.
    pub fn next_token(&mut self) -> Result<u8, SyntaxError> {
        self.skip_whitespace();
        self.peek()
            .ok_or_else(|| self.error("EOF while parsing a value"))
    }

    /// Only whitespace is left.
    pub fn end(&mut self) -> Result<(), SyntaxError> {
        self.skip_whitespace();
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.error("trailing characters")),
        }
    }

    /// Consumes `byte` (after whitespace) or fails with `message`.
    pub fn expect(&mut self, byte: u8, message: &'static str) -> Result<(), SyntaxError> {
        if self.next_token()? == byte {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error(message))
        }
    }

    /// After an element of an array or a field of an object: `true` for a `,`, `false` for
    /// `close`.
    pub fn more(&mut self, close: u8) -> Result<bool, SyntaxError> {
        match self.next_token() {
            Ok(b',') => {
                self.at += 1;
                Ok(true)
            }
            Ok(b) if b == close => {
                self.at += 1;
                Ok(false)
            }
            Ok(_) if close == b']' => Err(self.error("expected `,` or `]`")),
            Ok(_) => Err(self.error("expected `,` or `}`")),
            Err(_) if close == b']' => Err(self.error("EOF while parsing a list")),
            Err(_) => Err(self.error("EOF while parsing an object")),
        }
    }

    /// Opens an array or object: `true` when it is empty (and already closed).
    pub fn open(&mut self, open: u8, close: u8) -> Result<bool, SyntaxError> {
        self.expect(open, "expected value")?;
        if self.next_token().ok() == Some(close) {
            self.at += 1;
            return Ok(true);
        }
        Ok(false)
    }

    /// One value, built.
    pub fn value(&mut self, depth: usize) -> Result<Json<'a>, SyntaxError> {
        match self.next_token()? {
            b'"' => Ok(Json::String(self.string()?)),
            b'{' => {
                let depth = self.deeper(depth)?;
                let mut members = Vec::new();
                if !self.open(b'{', b'}')? {
                    loop {
                        let key = self.key()?;
                        members.push((key, self.value(depth)?));
                        if !self.more(b'}')? {
                            break;
                        }
                    }
                }
                Ok(Json::Object(members))
            }
            b'[' => {
                let depth = self.deeper(depth)?;
                let mut items = Vec::new();
                if !self.open(b'[', b']')? {
                    loop {
                        items.push(self.value(depth)?);
                        if !self.more(b']')? {
                            break;
                        }
                    }
                }
                Ok(Json::Array(items))
            }
            _ => self.scalar(),
        }
    }

    /// One value, its syntax checked and passed over, however deep: the text it spans. Without
    /// recursion, so that depth is only a limit where a value is built ([`Reader::value`], from
    /// that value's own root): a member nested too deep costs that member, not the feed. Its
    /// `\u` escapes are checked for their digits only, as a value built later checks them.
    pub fn skip_value(&mut self) -> Result<&'a str, SyntaxError> {
        self.skip_whitespace();
        let start = self.at;
        // The closing bracket of every array and object open around the cursor.
        let mut open = Vec::new();
        loop {
            match self.next_token()? {
                b'"' => self.skip_string()?,
                b'{' => {
                    if !self.open(b'{', b'}')? {
                        open.push(b'}');
                        self.skip_key()?;
                        continue;
                    }
                }
                b'[' => {
                    if !self.open(b'[', b']')? {
                        open.push(b']');
                        continue;
                    }
                }
                _ => {
                    self.scalar()?;
                }
            }
            // A value has ended: close what it ended, or go on to the next element.
            loop {
                let Some(&close) = open.last() else {
                    return Ok(&self.text[start..self.at]);
                };
                if self.more(close)? {
                    if close == b'}' {
                        self.skip_key()?;
                    }
                    break;
                }
                open.pop();
            }
        }
    }

    /// An object's key and its colon, passed over.
    fn skip_key(&mut self) -> Result<(), SyntaxError> {
        if self.next_token()? != b'"' {
            return Err(self.error("key must be a string"));
        }
        self.skip_string()?;
        self.expect(b':', "expected `:`")
    }

    fn deeper(&self, depth: usize) -> Result<usize, SyntaxError> {
        if depth >= MAX_DEPTH {
            return Err(self.error("recursion limit exceeded"));
        }
        Ok(depth + 1)
    }

    /// An object's key and its colon.
    pub fn key(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        if self.next_token()? != b'"' {
            return Err(self.error("key must be a string"));
        }
        // Keys are short and rarely escaped: most are borrowed from the text.
        let start = self.at + 1;
        let bytes = self.text.as_bytes();
        let end = start + plain_run(&bytes[start..]);
        let key = if bytes.get(end) == Some(&b'"') {
            self.at = end + 1;
            Cow::Borrowed(&self.text[start..end])
        } else {
            Cow::Owned(self.string()?)
        };
        self.expect(b':', "expected `:`")?;
        Ok(key)
    }

    fn scalar(&mut self) -> Result<Json<'a>, SyntaxError> {
        for (word, value) in [
            ("null", Json::Null),
            ("true", Json::Bool(true)),
            ("false", Json::Bool(false)),
        ] {
            let rest = &self.text[self.at..];
            if rest.starts_with(word) {
                self.at += word.len();
                return Ok(value);
            }
            if !rest.is_empty() && word.starts_with(rest) {
                self.at = self.text.len();
                return Err(self.error("EOF while parsing a value"));
            }
        }
        match self.peek() {
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.error("expected value")),
        }
    }

    /// A number's digits are missing: at the end of the text, it was cut off.
    fn missing_digits(&self) -> SyntaxError {
        if self.peek().is_none() {
            self.error("EOF while parsing a value")
        } else {
            self.error("invalid number")
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<Json<'a>, SyntaxError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        if self.peek() == Some(b'0') {
            self.at += 1;
            if let Some(b'0'..=b'9') = self.peek() {
                return Err(self.error("invalid number"));
            }
        } else if self.digits() == 0 {
            return Err(self.missing_digits());
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.missing_digits());
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.missing_digits());
            }
        }
        Ok(Json::Number(&self.text[start..self.at]))
    }

    /// A string, the opening quote at the cursor.
    fn string(&mut self) -> Result<String, SyntaxError> {
        let mut out = String::new();
        self.read_string(Some(&mut out))?;
        Ok(out)
    }

    /// A string checked and passed over: the whole feed is read this way first, to find its
    /// members, and building its strings then would be wasted.
    fn skip_string(&mut self) -> Result<(), SyntaxError> {
        self.read_string(None)
    }

    /// A string, into `out` when there is one; without `out`, escapes are checked for their
    /// syntax only (a lone surrogate is the value's problem, found when it is built).
    fn read_string(&mut self, mut out: Option<&mut String>) -> Result<(), SyntaxError> {
        self.at += 1;
        let bytes = self.text.as_bytes();
        loop {
            let run_start = self.at;
            self.at += plain_run(&bytes[run_start..]);
            if let Some(out) = out.as_deref_mut() {
                out.push_str(&self.text[run_start..self.at]);
            }
            match self.peek() {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.at += 1;
                    match out.as_deref_mut() {
                        Some(out) => out.push(self.escape()?),
                        None => self.skip_escape()?,
                    }
                }
                Some(_) => return Err(self.error("control character found while parsing a string")),
            }
        }
    }

    fn skip_escape(&mut self) -> Result<(), SyntaxError> {
        match self.peek() {
            Some(b'u') => {
                self.at += 1;
                self.hex4().map(|_| ())
            }
            _ => self.escape().map(|_| ()),
        }
    }

    fn escape(&mut self) -> Result<char, SyntaxError> {
        let Some(b) = self.peek() else {
            return Err(self.error("EOF while parsing a string"));
        };
        self.at += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => self.unicode_escape()?,
            _ => return Err(self.error("invalid escape")),
        })
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let Some(hex) = self.text.get(self.at..self.at + 4) else {
            return Err(if self.at + 4 > self.text.len() {
                self.error("EOF while parsing a string")
            } else {
                // A character of several bytes among the four digits.
                self.error("invalid escape")
            });
        };
        let mut code = 0;
        for digit in hex.bytes() {
            let value = (digit as char)
                .to_digit(16)
                .ok_or_else(|| self.error("invalid escape"))?;
            code = code * 16 + value;
        }
        self.at += 4;
        Ok(code)
    }

    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if !self.text[self.at..].starts_with("\\u") {
                    let rest = &self.text[self.at..];
                    return Err(if rest.is_empty() || rest == "\\" {
                        self.error("EOF while parsing a string")
                    } else {
                        self.error("lone leading surrogate in hex escape")
                    });
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error("lone leading surrogate in hex escape"));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.error("lone trailing surrogate in hex escape")),
            code => code,
        };
        char::from_u32(code).ok_or_else(|| self.error("invalid unicode code point"))
    }
}

/// How many bytes from the start of `bytes` a string holds as they are: up to its closing
/// quote, a backslash or a control byte (all ASCII, so the run ends on a char boundary).
fn plain_run(bytes: &[u8]) -> usize {
    // Eight bytes at a time while none of them ends the run (a usage string of 15 MB held the
    // page 80 ms longer read a byte at a time), then byte by byte from the eight that do.
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH_BITS: u64 = u64::from_ne_bytes([0x80; 8]);
    // Whether a byte of `word` is zero; whether one is below 0x20 (both exact as a yes or no).
    let has_zero = |word: u64| word.wrapping_sub(ONES) & !word & HIGH_BITS != 0;
    let has_control = |word: u64| word.wrapping_sub(ONES * 0x20) & !word & HIGH_BITS != 0;
    let mut at = 0;
    while let Some(Ok(eight)) = bytes.get(at..at + 8).map(<[u8; 8]>::try_from) {
        let word = u64::from_ne_bytes(eight);
        if has_zero(word ^ (ONES * u64::from(b'"')))
            || has_zero(word ^ (ONES * u64::from(b'\\')))
            || has_control(word)
        {
            break;
        }
        at += 8;
    }
    at + bytes[at..]
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .unwrap_or(bytes.len() - at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed_as_serde_json_parses(text: &str) {
        let ours = parse(text);
        let theirs = serde_json::from_str::<serde_json::Value>(text);
        match (ours, theirs) {
            (Ok(ours), Ok(theirs)) => assert_eq!(to_serde(&ours), theirs, "{text}"),
            (Err(ours), Err(theirs)) => {
                // Columns may differ by one at the end of the text; lines may not.
                assert_eq!(ours.line, theirs.line(), "{text}: {ours} / {theirs}");
                assert!(
                    ours.column.abs_diff(theirs.column()) <= 1,
                    "{text}: {ours} / {theirs}"
                );
                assert_eq!(ours.message.starts_with("EOF"), theirs.is_eof(), "{text}");
            }
            (ours, theirs) => panic!("{text}: ours {ours:?}, serde_json {theirs:?}"),
        }
    }

    /// Our tree as serde_json's value (its maps keep the last of repeated keys, as ours do).
    fn to_serde(value: &Json) -> serde_json::Value {
        match value {
            Json::Null => serde_json::Value::Null,
            Json::Bool(b) => serde_json::Value::Bool(*b),
            Json::Number(n) => serde_json::from_str(n).unwrap(),
            Json::String(s) => serde_json::Value::String(s.clone()),
            Json::Array(items) => serde_json::Value::Array(items.iter().map(to_serde).collect()),
            Json::Object(fields) => serde_json::Value::Object(
                fields
                    .iter()
                    .map(|(k, v)| (k.to_string(), to_serde(v)))
                    .collect(),
            ),
        }
    }

    #[test]
    fn reads_what_serde_json_reads_and_refuses_what_it_refuses() {
        for text in [
            r#"{"a": [1, 2, {"b": null}], "c": true, "d": false, "e": "x\ty\u00e9\ud83d\ude00\"\\\/"}"#,
            "  [ ]  ",
            "{}",
            r#""小红书""#,
            "0",
            "123",
            "[1, 2,]",
            "[1 2]",
            r#"{"a" 1}"#,
            r#"{"a": 1,}"#,
            r#"{a: 1}"#,
            "[01]",
            "[-]",
            "[1.]",
            "[1e]",
            "[-",
            "1e",
            "1.",
            r#""\ud83d"#,
            "tru",
            "nul",
            "[",
            "{\"a\":",
            "\"abc",
            "\"a\u{1}b\"",
            r#""\x""#,
            r#""\ud800""#,
            r#""\udc00""#,
            r#""\u12"#,
            "[1]\n x",
            "",
            "   ",
            "{\"a\":\n  [1,\n  2\n  ",
        ] {
            parsed_as_serde_json_parses(text);
        }
    }

    #[test]
    fn a_wide_character_in_an_escape_is_an_error_not_a_panic() {
        assert_eq!(parse(r#""\u1é23""#).unwrap_err().message, "invalid escape");
    }

    #[test]
    fn numbers_stay_as_written() {
        assert_eq!(
            parse("[-1.5e3, 300, 0]"),
            Ok(Json::Array(vec![
                Json::Number("-1.5e3"),
                Json::Number("300"),
                Json::Number("0"),
            ]))
        );
        assert_eq!(parse("300").unwrap().as_u64(), Some(300));
        assert_eq!(parse("-3").unwrap().as_u64(), None);
        assert_eq!(parse("1.0").unwrap().as_u64(), None);
        assert_eq!(parse("99999999999999999999").unwrap().as_u64(), None);
    }

    #[test]
    fn deep_nesting_is_refused_when_built_and_passed_over_when_skipped() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(
            parse(&deep).unwrap_err().message,
            "recursion limit exceeded"
        );
        let mut reader = Reader::new(&deep);
        assert_eq!(reader.skip_value(), Ok(deep.as_str()));
        let unclosed = "[{\"a\": ".repeat(100_000);
        assert!(Reader::new(&unclosed).skip_value().is_err());
        let fine = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&fine).is_ok());
    }

    #[test]
    fn a_lone_surrogate_is_an_error_when_built_and_passed_over_when_skipped() {
        let text = r#"["\ud800"]"#;
        assert!(parse(text).is_err());
        assert_eq!(Reader::new(text).skip_value(), Ok(text));
        assert!(Reader::new(r#"["\u12x4"]"#).skip_value().is_err());
    }

    #[test]
    fn a_plain_run_ends_where_a_byte_at_a_time_says() {
        let naive = |bytes: &[u8]| {
            bytes
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(bytes.len())
        };
        // Every length up to three words, every place for the byte that ends the run, among
        // fillers on both sides of each threshold and multi-byte characters.
        for filler in ["a", " ", "!", "#", "[", "]", "~", "\u{7f}", "é", "中", "😀"] {
            for len in 0..24 {
                let plain = filler.repeat(len);
                assert_eq!(plain_run(plain.as_bytes()), plain.len(), "{filler} × {len}");
                for end in ['"', '\\', '\0', '\n', '\u{1f}'] {
                    for at in 0..=len {
                        let text = format!("{}{end}{}", filler.repeat(at), filler.repeat(len - at));
                        assert_eq!(
                            plain_run(text.as_bytes()),
                            naive(text.as_bytes()),
                            "{text:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn skip_value_returns_the_text_it_checked() {
        let mut reader = Reader::new(r#"  {"a": [1, "]"]} , 2"#);
        assert_eq!(reader.skip_value(), Ok(r#"{"a": [1, "]"]}"#));
    }
}
