//! The URL allow-list. Only `http(s)` and site-relative URLs may reach an `href` or `src`.
//!
//! Browsers forgive a lot when they parse a URL: they drop tabs and newlines anywhere, trim
//! leading control characters and spaces, and compare schemes case-insensitively. So the check
//! normalises the same way before it looks at the scheme; otherwise `" jAvA\tscript:…"` would
//! slip through.

/// Why a URL was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlRejection {
    Empty,
    /// A scheme other than `http`/`https` (`javascript:`, `data:`, `vbscript:`, `mailto:` …).
    Scheme,
    /// `//host/…` or `\\host…`: looks relative but leaves the site.
    ProtocolRelative,
    /// An absolute `http(s)` URL with no host (`https:///x`, `http:foo`).
    NoHost,
    /// Whitespace, control or bidi-override characters inside.
    BadCharacter,
    /// `https://karmada.io@evil.example/`: a user name before the host, which makes the link
    /// look like it goes to another site than it does.
    UserInfo,
    /// Longer than [`MAX_URL_BYTES`].
    TooLong,
}

/// The longest URL accepted: longer ones are no real site's, and an unbreakable 100,000-character
/// link freezes the page that lays it out.
pub const MAX_URL_BYTES: usize = 2048;

impl UrlRejection {
    pub fn message(self) -> &'static str {
        match self {
            UrlRejection::Empty => "empty URL",
            UrlRejection::Scheme => "not an http(s) URL",
            UrlRejection::ProtocolRelative => "protocol-relative URL",
            UrlRejection::NoHost => "http(s) URL without a host",
            UrlRejection::BadCharacter => "URL contains spaces or control characters",
            UrlRejection::UserInfo => "URL names a user before its host (user@host)",
            UrlRejection::TooLong => "URL is longer than 2048 bytes",
        }
    }
}

fn is_invisible_or_control(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Whether a link's visible `title` reads as a web address other than the link's `url`
/// (`https://karmada.io/adopters` over a link to another site): such a title lies about where
/// the link goes, in the showcase, in an issue and in the website's tables. Characters that
/// cannot be seen do not hide an address from this.
pub fn title_misleads(title: &str, url: &str) -> bool {
    let visible: String = title
        .chars()
        .filter(|&c| !crate::rules::is_invisible_format(c))
        .collect();
    let shown = visible.trim();
    let lower = shown.to_ascii_lowercase();
    let reads_as_address =
        lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.");
    reads_as_address && check_url(shown).ok() != check_url(url).ok()
}

/// Returns the URL to place in an attribute when it is `http(s)` with a host, or site-relative
/// (`/docs/…`, `docs/…`, `#x`, `?q`). Surrounding whitespace is trimmed; whitespace or control
/// characters inside are refused rather than silently removed, so what is shown is what is linked.
pub fn check_url(raw: &str) -> Result<String, UrlRejection> {
    let trimmed = raw.trim_matches(|c: char| c.is_whitespace() || is_invisible_or_control(c));
    if trimmed.is_empty() {
        return Err(UrlRejection::Empty);
    }
    if trimmed.len() > MAX_URL_BYTES {
        return Err(UrlRejection::TooLong);
    }
    // What a browser would see once it drops tab/CR/LF: used only to find the real scheme.
    let as_browser_sees: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if let Some(scheme) = scheme_of(&as_browser_sees) {
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return Err(UrlRejection::Scheme);
        }
    }
    if trimmed
        .chars()
        .any(|c| c.is_whitespace() || is_invisible_or_control(c))
    {
        return Err(UrlRejection::BadCharacter);
    }
    match scheme_of(trimmed) {
        Some(scheme) => {
            let rest = &trimmed[scheme.len() + 1..];
            let host = rest
                .strip_prefix("//")
                .map(|after| after.split(['/', '?', '#']).next().unwrap_or(""));
            match host {
                Some(host) if host.contains('@') => Err(UrlRejection::UserInfo),
                Some(host) if !host.is_empty() && !host.contains('\\') => Ok(trimmed.to_string()),
                _ => Err(UrlRejection::NoHost),
            }
        }
        None => {
            if trimmed.starts_with("//") || trimmed.starts_with("\\") || trimmed.starts_with("/\\")
            {
                Err(UrlRejection::ProtocolRelative)
            } else {
                Ok(trimmed.to_string())
            }
        }
    }
}

/// Only absolute `http(s)` URLs (for a member's website, which must leave the site).
pub fn check_absolute_http_url(raw: &str) -> Result<String, UrlRejection> {
    let url = check_url(raw)?;
    if scheme_of(&url).is_some() {
        Ok(url)
    } else {
        Err(UrlRejection::Scheme)
    }
}

/// `Some(url)` when [`check_url`] accepts it.
pub fn safe_href(raw: &str) -> Option<String> {
    check_url(raw).ok()
}

/// The scheme of `url` per RFC 3986 (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`), if any.
fn scheme_of(url: &str) -> Option<&str> {
    let colon = url.find(':')?;
    let candidate = &url[..colon];
    let mut chars = candidate.chars();
    let first = chars.next()?;
    if first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    {
        Some(candidate)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_a_user_before_the_host_and_overlong_urls() {
        for deceptive in [
            "http://karmada.io@evil.example/",
            "https://user:pass@karmada.io/",
            "https://karmada.io%2F@evil.example",
        ] {
            assert_eq!(
                check_url(deceptive),
                Err(UrlRejection::UserInfo),
                "{deceptive}"
            );
        }
        // An `@` after the host is a path's or a query's.
        assert!(check_url("https://example.com/@karmada").is_ok());
        assert!(check_url("https://example.com/?by=a@b").is_ok());
        let longest = format!("https://example.com/{}", "a".repeat(MAX_URL_BYTES - 20));
        assert!(check_url(&longest).is_ok());
        assert_eq!(
            check_url(&format!("{longest}a")),
            Err(UrlRejection::TooLong)
        );
        assert!(UrlRejection::TooLong
            .message()
            .contains(&MAX_URL_BYTES.to_string()));
    }

    #[test]
    fn accepts_http_https_and_site_relative() {
        for ok in [
            "https://karmada.io/adopters",
            "http://www.leinao.ai/",
            "HTTPS://EXAMPLE.COM",
            "/docs/casestudies/vipkid",
            "docs/x.png",
            "#top",
            "?q=1",
            "  https://shopee.com  ",
            "https://example.com/a%20b",
            "/javascript:alert(1)",
            "javascript%3Aalert(1)",
        ] {
            assert!(check_url(ok).is_ok(), "{ok:?} should be accepted");
        }
        assert_eq!(
            check_url("  https://shopee.com \n").unwrap(),
            "https://shopee.com"
        );
    }

    #[test]
    fn refuses_script_and_data_schemes_in_every_disguise() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "\u{0}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "jav\r\nascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "DATA:image/svg+xml;base64,AAAA",
            "vbscript:msgbox(1)",
            "VbScRiPt:msgbox(1)",
            "mailto:someone@example.com",
            "file:///etc/passwd",
            "\u{202E}javascript:alert(1)",
            "\u{200B}javascript:alert(1)",
        ] {
            assert_eq!(check_url(bad), Err(UrlRejection::Scheme), "{bad:?}");
        }
    }

    #[test]
    fn refuses_urls_that_leave_the_site_while_looking_relative() {
        assert_eq!(
            check_url("//evil.example/x"),
            Err(UrlRejection::ProtocolRelative)
        );
        assert_eq!(
            check_url("\\\\evil.example"),
            Err(UrlRejection::ProtocolRelative)
        );
        assert_eq!(
            check_url("/\\evil.example"),
            Err(UrlRejection::ProtocolRelative)
        );
        assert_eq!(check_url("https:///nohost"), Err(UrlRejection::NoHost));
        assert_eq!(check_url("http:evil.example"), Err(UrlRejection::NoHost));
    }

    #[test]
    fn refuses_inner_whitespace_and_invisible_characters() {
        // A real upstream row has "https://www.youtube.com/watch?v=jZg6TmyciyI " inside a link;
        // trailing space is trimmed, but a space in the middle is refused.
        assert_eq!(
            check_url("https://example.com/a b"),
            Err(UrlRejection::BadCharacter)
        );
        assert_eq!(
            check_url("https://exa\u{200B}mple.com"),
            Err(UrlRejection::BadCharacter)
        );
        assert_eq!(
            check_url("https://exa\u{202E}mple.com"),
            Err(UrlRejection::BadCharacter)
        );
        assert_eq!(check_url("   "), Err(UrlRejection::Empty));
    }

    #[test]
    fn website_must_be_absolute() {
        assert!(check_absolute_http_url("https://www.bilibili.com/").is_ok());
        assert_eq!(
            check_absolute_http_url("/relative"),
            Err(UrlRejection::Scheme)
        );
        assert_eq!(
            check_absolute_http_url("www.example.com"),
            Err(UrlRejection::Scheme)
        );
    }

    #[test]
    fn a_title_that_reads_as_another_address_misleads() {
        let link = "https://evil.example/phish";
        assert!(title_misleads("https://karmada.io/adopters/official", link));
        assert!(title_misleads(" www.karmada.io ", link));
        assert!(title_misleads("HTTP://karmada.io", link));
        assert!(title_misleads("\u{200B}https://karmada.io", link));
        assert!(!title_misleads("https://evil.example/phish", link));
        assert!(!title_misleads("KubeCon talk", link));
        assert!(!title_misleads("karmada.io case study", link));
    }
}
