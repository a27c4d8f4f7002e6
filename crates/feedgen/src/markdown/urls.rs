//! Link and image targets in site Markdown: which are refused, and what the site's relative
//! paths resolve to.

use members_feed::{check_url, UrlRejection};

use super::SITE_ORIGIN;

/// Resolves a link or image target found in site Markdown:
/// `http(s)` stays; `../../static/img/x.png` (any number of `../`) becomes
/// `https://karmada.io/img/x.png`; `/docs/x` becomes `https://karmada.io/docs/x`; other
/// relative targets (`#anchor`) stay. Everything [`check_url`] refuses is refused.
pub fn resolve_url(raw: &str) -> Result<String, UrlRejection> {
    let url = check_url(raw)?;
    if url.starts_with("http://")
        || url.starts_with("https://")
        || url.to_ascii_lowercase().starts_with("http")
    {
        return Ok(url);
    }
    let mut rest = url.as_str();
    loop {
        if let Some(r) = rest.strip_prefix("../") {
            rest = r;
        } else if let Some(r) = rest.strip_prefix("./") {
            rest = r;
        } else {
            break;
        }
    }
    if let Some(path) = rest.strip_prefix("static/") {
        return Ok(format!("{SITE_ORIGIN}/{path}"));
    }
    if url.starts_with('/') {
        return Ok(format!("{SITE_ORIGIN}{url}"));
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_site_paths() {
        assert_eq!(
            resolve_url("../../static/img/supporters/x.png").unwrap(),
            "https://karmada.io/img/supporters/x.png"
        );
        assert_eq!(
            resolve_url("../../../../static/img/supporters/leinao.png").unwrap(),
            "https://karmada.io/img/supporters/leinao.png"
        );
        assert_eq!(
            resolve_url("/docs/casestudies/vipkid").unwrap(),
            "https://karmada.io/docs/casestudies/vipkid"
        );
        assert_eq!(resolve_url("#top").unwrap(), "#top");
        assert_eq!(
            resolve_url("https://www.youtube.com/watch?v=jZg6TmyciyI ").unwrap(),
            "https://www.youtube.com/watch?v=jZg6TmyciyI"
        );
        assert!(resolve_url("javascript:alert(1)").is_err());
        assert!(resolve_url("//evil.example/x").is_err());
    }
}
