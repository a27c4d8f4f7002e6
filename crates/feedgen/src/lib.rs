//! `feedgen`: builds the Karmada members feed (`members.json`) from a karmada.io website
//! checkout, and checks that checkout for the problems that would spoil the feed.
//!
//! Each source has its own reader, unit-tested on its own: [`table`] (adopters tables),
//! [`posts`] (announcement posts), [`partners`] (partners list and Chinese descriptions),
//! [`casestudies`] (case-study docs), [`logos`] (logo headers), [`facts`] (our facts file),
//! [`markdown`] (Markdown to the feed's safe document), [`supporters`] (the home page's logo
//! wall, only checked). [`build`] joins them; [`report`] holds
//! the problems with file and line.

pub mod build;
pub mod casestudies;
pub mod export;
pub mod facts;
pub mod logos;
pub mod markdown;
pub mod partners;
pub mod posts;
pub mod report;
pub mod source;
pub mod supporters;
pub mod table;

pub use build::{build, Outcome};
pub use report::{Diagnostic, Format, Report, Severity};

/// Default facts file, relative to the current directory.
pub const DEFAULT_FACTS: &str = "content/facts.toml";

/// Gzip size of some bytes (for the size report of `feedgen build`).
pub fn gzip_len(bytes: &[u8]) -> usize {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().map(|v| v.len()).unwrap_or(0)
}

/// Whether `s` is an RFC 3339 UTC timestamp like `2025-10-16T00:00:00Z`.
pub fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    s.len() == 20
        && posts::is_valid_date(&s[..10])
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && b[19] == b'Z'
        && [11, 12, 14, 15, 17, 18]
            .iter()
            .all(|&i| b[i].is_ascii_digit())
}
