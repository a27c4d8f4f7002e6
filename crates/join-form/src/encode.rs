//! Percent-encoding for URL query values.

/// Encodes every byte of the UTF-8 text except the RFC 3986 unreserved characters
/// (`A–Z a–z 0–9 - . _ ~`) as `%XX` (upper-case hex). A space becomes `%20`, never `+`.
pub fn percent_encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len() * 3);
    for &byte in text.as_bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push('%');
            out.push(HEX[(byte >> 4) as usize] as char);
            out.push(HEX[(byte & 0xF) as usize] as char);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::percent_encode;

    #[test]
    fn encodes_everything_outside_unreserved() {
        assert_eq!(percent_encode("AZaz09-._~"), "AZaz09-._~");
        assert_eq!(
            percent_encode("a b+c&d=e?f#g/h%"),
            "a%20b%2Bc%26d%3De%3Ff%23g%2Fh%25"
        );
        assert_eq!(
            percent_encode("area/github-membership,adopter-group-membership"),
            "area%2Fgithub-membership%2Cadopter-group-membership"
        );
        assert_eq!(percent_encode("小"), "%E5%B0%8F");
        assert_eq!(percent_encode("\n[x]"), "%0A%5Bx%5D");
        assert_eq!(percent_encode("é😀"), "%C3%A9%F0%9F%98%80");
        assert_eq!(percent_encode(""), "");
    }
}
