//! A member's announcement as its page shows it.

use members_feed::Block;

/// `content` without its first block when that block is the member's logo (`logo`, its URL):
/// the page shows the logo beside the member's name already, and an announcement that opens
/// with it again would put it a second time, at full size, above the text.
pub fn without_leading_logo<'a>(content: &'a [Block], logo: Option<&str>) -> &'a [Block] {
    match (content.first(), logo) {
        (Some(Block::Image { url, .. }), Some(logo)) if url == logo => &content[1..],
        _ => content,
    }
}

#[cfg(test)]
mod tests {
    use super::without_leading_logo;
    use members_feed::{Block, Inline};

    fn image(url: &str) -> Block {
        Block::Image {
            url: url.into(),
            alt: "member logo".into(),
            width: None,
            height: None,
        }
    }

    fn paragraph(text: &str) -> Block {
        Block::Paragraph {
            content: vec![Inline::Text { text: text.into() }],
        }
    }

    #[test]
    fn an_announcement_that_opens_with_the_logo_starts_with_its_text() {
        let logo = "https://karmada.io/img/supporters/bloomberg.png";
        let content = [image(logo), paragraph("Bloomberg is…"), image(logo)];
        assert_eq!(
            without_leading_logo(&content, Some(logo)),
            &content[1..],
            "only the leading one goes"
        );
        // Another image, a logo further down, no logo, or no content: unchanged.
        let other = [image("https://example.com/diagram.png"), paragraph("…")];
        assert_eq!(without_leading_logo(&other, Some(logo)), &other[..]);
        let later = [paragraph("…"), image(logo)];
        assert_eq!(without_leading_logo(&later, Some(logo)), &later[..]);
        assert_eq!(without_leading_logo(&content, None), &content[..]);
        assert!(without_leading_logo(&[], Some(logo)).is_empty());
    }
}
