#![no_main]
//! The URL allow-list: whatever it lets through is an http(s) URL with a host or site-relative.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(url) = members_feed::check_url(raw) else {
        return;
    };
    assert!(
        !url.chars().any(|c| c.is_whitespace() || c.is_control()),
        "{url:?} keeps whitespace or a control character"
    );
    assert!(
        !url.starts_with("//") && !url.starts_with('\\') && !url.starts_with("/\\"),
        "{url:?} leaves the site"
    );
    // What a browser takes for a scheme (URL standard): a letter, then letters, digits, '+',
    // '-' or '.', up to the first ':'.
    if let Some(end) = url.find(':') {
        let candidate = &url[..end];
        let is_scheme = candidate.starts_with(|c: char| c.is_ascii_alphabetic())
            && candidate
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        assert!(
            !is_scheme
                || candidate.eq_ignore_ascii_case("http")
                || candidate.eq_ignore_ascii_case("https"),
            "{url:?} has the scheme {candidate:?}"
        );
    }
    assert_eq!(members_feed::check_url(&url), Ok(url.clone()), "not stable");
});
