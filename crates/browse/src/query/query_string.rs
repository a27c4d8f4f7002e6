//! Query strings as text: percent-coding, reading or replacing one parameter, and the part of
//! an address worth sharing.

use super::{PRESERVED_PARAMS, STATE_PARAMS};

/// The part of an app address worth sharing: `path` (below the app's base) and the query
/// `search` (raw, with or without its `?`) without the embedding parameters
/// ([`PRESERVED_PARAMS`]), e.g. `/members/bloomberg?kind=adopter`. A host page keeps it in
/// its own address, so that a view inside an iframe has a link too. Pairs are kept as they
/// were encoded, in their order.
pub fn shareable_view(path: &str, search: &str) -> String {
    let path = if path.starts_with('/') {
        path.to_string()
    } else {
        format!("/{path}")
    };
    let query = search
        .strip_prefix('?')
        .unwrap_or(search)
        .split('&')
        .filter(|pair| {
            let key = pair.split('=').next().unwrap_or_default();
            !key.is_empty() && !PRESERVED_PARAMS.contains(&decode(&key.replace('+', " ")).as_str())
        })
        .collect::<Vec<_>>()
        .join("&");
    if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    }
}

/// `href` (an address with the app's own query, perhaps a `#fragment`) with the pairs of the
/// query `current` (raw, with or without its `?`) that are not the app's ([`STATE_PARAMS`],
/// [`PRESERVED_PARAMS`]) and that `href` does not name already added after its own, as they
/// were encoded. In-page mode writes the list's state into the host page's address, where the
/// host's own parameters (`?tab=users`, `utm_source`) must outlive the list's moves; a host
/// parameter named like one of the app's is the app's.
pub fn with_host_params(href: &str, current: &str) -> String {
    let key_of = |pair: &str| decode(pair.split('=').next().unwrap_or_default());
    let before_fragment = &href[..href.find('#').unwrap_or(href.len())];
    let named: Vec<String> = before_fragment
        .split_once('?')
        .map(|(_, query)| query.split('&').map(key_of).collect())
        .unwrap_or_default();
    let host_pairs: Vec<&str> = current
        .strip_prefix('?')
        .unwrap_or(current)
        .split('&')
        .filter(|pair| {
            let key = key_of(pair);
            !key.is_empty()
                && !STATE_PARAMS.contains(&key.as_str())
                && !PRESERVED_PARAMS.contains(&key.as_str())
                && !named.contains(&key)
        })
        .collect();
    if host_pairs.is_empty() {
        return href.to_string();
    }
    let (address, fragment) = href.split_at(href.find('#').unwrap_or(href.len()));
    let joiner = match address.find('?') {
        None => "?",
        Some(at) if at + 1 == address.len() => "",
        Some(_) => "&",
    };
    format!("{address}{joiner}{}{fragment}", host_pairs.join("&"))
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%XX` and `+`; malformed escapes stay as they are, invalid UTF-8 is replaced.
pub fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The first value of `key` in the query string `query` (with or without its `?`), decoded:
/// what `URLSearchParams.get` gives, for the parameters that are not part of the filter state
/// (`program` on the join page).
pub fn first_value(query: &str, key: &str) -> Option<String> {
    raw_pairs(query)
        .find(|(name, _)| decode(name) == key)
        .map(|(_, value)| decode(value))
}

/// `query` (with or without its `?`) with `key` set to `value` alone: its other pairs kept as
/// they are written, in their order, and `key=value` last. Without the `?`.
pub fn with_value(query: &str, key: &str, value: &str) -> String {
    let others = without_key(query, key);
    let pair = format!("{}={}", encode(key), encode(value));
    match others.is_empty() {
        true => pair,
        false => format!("{others}&{pair}"),
    }
}

/// `query` (with or without its `?`) without `key`: its other pairs kept as they are written,
/// in their order. Without the `?`.
pub fn without_key(query: &str, key: &str) -> String {
    raw_pairs(query)
        .filter(|(name, _)| decode(name) != key)
        .map(|(name, value)| match value.is_empty() {
            true => name.to_string(),
            false => format!("{name}={value}"),
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// The `key=value` pieces of a query string as they are written, not yet decoded (each is
/// decoded by its reader, which may split it first): `a=1&b=x%20y` → `("a", "1")`,
/// `("b", "x%20y")`, skipping empty pieces.
pub(super) fn raw_pairs(query: &str) -> impl Iterator<Item = (&str, &str)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|piece| !piece.is_empty())
        .map(|piece| piece.split_once('=').unwrap_or((piece, "")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_taken_out_leaves_the_others_as_written() {
        assert_eq!(
            without_key("?kind=vendor&lang=zh&q=a%20b", "lang"),
            "kind=vendor&q=a%20b"
        );
        assert_eq!(without_key("lang=zh&lang=en", "lang"), "");
        assert_eq!(without_key("", "lang"), "");
        assert_eq!(with_value("?lang=zh&x", "lang", "en"), "x&lang=en");
        assert_eq!(with_value("", "lang", "en"), "lang=en");
    }

    #[test]
    fn the_first_value_of_a_parameter_is_decoded() {
        assert_eq!(
            first_value("?program=partner&lang=zh", "program").as_deref(),
            Some("partner")
        );
        assert_eq!(first_value("a=1&a=2", "a").as_deref(), Some("1"));
        assert_eq!(
            first_value("q=gpu+training%21", "q").as_deref(),
            Some("gpu training!")
        );
        assert_eq!(first_value("pro%67ram=x", "program").as_deref(), Some("x"));
        assert_eq!(first_value("flag", "flag").as_deref(), Some(""));
        assert_eq!(first_value("programme=x", "program"), None);
        assert_eq!(first_value("", "program"), None);
    }

    #[test]
    fn percent_coding() {
        assert_eq!(encode("小红书 a+b"), "%E5%B0%8F%E7%BA%A2%E4%B9%A6%20a%2Bb");
        assert_eq!(decode("%E5%B0%8F%E7%BA%A2%E4%B9%A6%20a%2Bb"), "小红书 a+b");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("%FF"), "\u{FFFD}");
    }

    #[test]
    fn a_shareable_view_leaves_out_the_embedding() {
        assert_eq!(
            shareable_view("/", "?embed=1&host=https%3A%2F%2Fkarmada.io&theme=dark"),
            "/"
        );
        assert_eq!(shareable_view("", ""), "/");
        assert_eq!(
            shareable_view(
                "/members/bloomberg",
                "?kind=adopter&embed=1&q=gpu%20cluster&lang=zh&kinds=adopter"
            ),
            "/members/bloomberg?kind=adopter&q=gpu%20cluster&lang=zh"
        );
        assert_eq!(
            shareable_view("join", "program=partner&&%65mbed=1&overlay=1"),
            "/join?program=partner",
            "encoded keys and empty pairs"
        );
    }

    #[test]
    fn the_host_keeps_its_own_parameters_through_the_list_moves() {
        let host = "?tab=users&q=old&kind=vendor&utm_source=x%20y&embed=1&%6Bind=adopter&flag";
        assert_eq!(
            with_host_params("/docs/adopters?kind=adopter", host),
            "/docs/adopters?kind=adopter&tab=users&utm_source=x%20y&flag",
            "the app's own (also encoded) and the embedding's are the list's to write"
        );
        assert_eq!(
            with_host_params("/docs/adopters#main", "tab=users"),
            "/docs/adopters?tab=users#main"
        );
        assert_eq!(
            with_host_params("/docs/adopters/members/x?lang=zh#top", "tab=users"),
            "/docs/adopters/members/x?lang=zh&tab=users#top"
        );
        assert_eq!(with_host_params("/a?", "tab=1"), "/a?tab=1");
        assert_eq!(with_host_params("/a?q=x", ""), "/a?q=x");
        assert_eq!(
            with_host_params("/a", "?q=x&&lang=zh"),
            "/a",
            "nothing of the host's"
        );
        assert_eq!(
            with_host_params("/a?tab=users&lang=zh", "tab=users&kind=vendor&x=1"),
            "/a?tab=users&lang=zh&x=1",
            "an address made from the current one (the language switch) names them already"
        );
    }

    #[test]
    fn with_value_replaces_one_parameter_and_keeps_the_others_as_written() {
        assert_eq!(with_value("", "lang", "zh"), "lang=zh");
        assert_eq!(
            with_value("?program=partner&lang=en&q=a%20b&lang=xx", "lang", "zh"),
            "program=partner&q=a%20b&lang=zh"
        );
        assert_eq!(with_value("flag&%6Cang=en", "lang", "en"), "flag&lang=en");
    }
}
