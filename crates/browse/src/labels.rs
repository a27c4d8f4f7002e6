//! Display names for kinds, industry slugs and country codes, and dates, in both languages.
//! Unknown values are shown as they are given rather than hidden.

use members_feed::{Kind, Lang};

/// A value's display name in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label {
    /// The value as it appears in the feed and the URL: an industry slug or a country code.
    pub key: &'static str,
    /// English display name.
    pub en: &'static str,
    /// Simplified Chinese display name.
    pub zh: &'static str,
}

impl Label {
    /// The name in `lang`.
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Zh => self.zh,
        }
    }
}

const fn label(key: &'static str, en: &'static str, zh: &'static str) -> Label {
    Label { key, en, zh }
}

/// The known industry slugs, sorted by slug.
pub const INDUSTRIES: &[Label] = &[
    label("aerospace", "Aerospace", "航空航天"),
    label("ai", "AI", "人工智能"),
    label("automotive", "Automotive", "汽车"),
    label("cloud", "Cloud", "云计算"),
    label("consulting", "Consulting", "咨询"),
    label("ecommerce", "E-commerce", "电子商务"),
    label("education", "Education", "教育"),
    label("energy", "Energy", "能源"),
    label("finance", "Finance", "金融"),
    label("gaming", "Gaming", "游戏"),
    label("government", "Government", "政府"),
    label("healthcare", "Healthcare", "医疗健康"),
    label("insurance", "Insurance", "保险"),
    label("internet", "Internet", "互联网"),
    label("logistics", "Logistics", "物流"),
    label("manufacturing", "Manufacturing", "制造"),
    label("media", "Media", "媒体"),
    label("research", "Research", "科研"),
    label("retail", "Retail", "零售"),
    label("semiconductor", "Semiconductors", "半导体"),
    label("software", "Software", "软件"),
    label("telecom", "Telecom", "电信"),
    label("transportation", "Transportation", "交通运输"),
    label("travel", "Travel", "旅游出行"),
];

/// The known ISO 3166-1 alpha-2 codes, sorted by code: those of the Karmada members and
/// partners, and their neighbours.
pub const COUNTRIES: &[Label] = &[
    label("AE", "United Arab Emirates", "阿联酋"),
    label("AU", "Australia", "澳大利亚"),
    label("BR", "Brazil", "巴西"),
    label("CA", "Canada", "加拿大"),
    label("CH", "Switzerland", "瑞士"),
    label("CN", "China", "中国"),
    label("DE", "Germany", "德国"),
    label("ES", "Spain", "西班牙"),
    label("FR", "France", "法国"),
    label("GB", "United Kingdom", "英国"),
    label("HK", "Hong Kong, China", "中国香港"),
    label("ID", "Indonesia", "印度尼西亚"),
    label("IL", "Israel", "以色列"),
    label("IN", "India", "印度"),
    label("IT", "Italy", "意大利"),
    label("JP", "Japan", "日本"),
    label("KR", "South Korea", "韩国"),
    label("MY", "Malaysia", "马来西亚"),
    label("NL", "Netherlands", "荷兰"),
    label("SE", "Sweden", "瑞典"),
    label("SG", "Singapore", "新加坡"),
    label("TH", "Thailand", "泰国"),
    label("TW", "Taiwan, China", "中国台湾"),
    label("US", "United States", "美国"),
    label("VN", "Vietnam", "越南"),
];

fn find(table: &'static [Label], key: &str) -> Option<&'static Label> {
    table
        .binary_search_by(|label| label.key.cmp(key))
        .ok()
        .map(|at| &table[at])
}

/// A kind's name for one member ("Vendor") and for many ("Vendors"), keyed by its slug: the
/// app's string table shows them, and the search finds a member by them.
pub fn kind_names(kind: Kind) -> (Label, Label) {
    let [one, many, zh] = match kind {
        Kind::Adopter => ["Adopter", "Adopters", "采用者"],
        Kind::Vendor => ["Vendor", "Vendors", "供应商"],
        Kind::Partner => ["Partner", "Partners", "合作伙伴"],
    };
    (
        label(kind.as_str(), one, zh),
        label(kind.as_str(), many, zh),
    )
}

/// The label of a known industry slug.
pub fn industry(slug: &str) -> Option<&'static Label> {
    find(INDUSTRIES, slug)
}

/// The label of a known country code.
pub fn country(code: &str) -> Option<&'static Label> {
    find(COUNTRIES, code)
}

/// `finance` → "Finance" / "金融"; an unknown slug is returned as given.
pub fn industry_label(slug: &str, lang: Lang) -> &str {
    industry(slug).map_or(slug, |label| label.get(lang))
}

/// `CN` → "China" / "中国"; an unknown code is returned as given.
pub fn country_label(code: &str, lang: Lang) -> &str {
    country(code).map_or(code, |label| label.get(lang))
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The event a talk's title names before a colon, and the rest of the title:
/// `KubeCon NA 2024: Bloomberg's Journey…` → (`KubeCon NA 2024`, `Bloomberg's Journey…`). The
/// event is a few words ending in a year; a title without one is all title.
pub fn event_of(title: &str) -> Option<(&str, &str)> {
    let (event, rest) = title.split_once(':')?;
    let (event, rest) = (event.trim(), rest.trim());
    let year = event.rsplit(' ').next()?;
    let is_year =
        year.len() == 4 && year.starts_with("20") && year.bytes().all(|b| b.is_ascii_digit());
    let words = event.split_whitespace().count();
    (is_year && (2..=5).contains(&words) && !rest.is_empty()).then_some((event, rest))
}

/// What a link shows of where it goes: its host without `www.` (`https://www.techatbloomberg.com/opensource/`
/// → `techatbloomberg.com`), or the address as given when it has no host (a site-relative one).
pub fn link_host(url: &str) -> &str {
    let Some((_, rest)) = url.split_once("://") else {
        return url;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = host.rsplit_once('@').map_or(host, |(_, host)| host);
    let host = host.split(':').next().unwrap_or(host);
    match host.strip_prefix("www.") {
        Some(bare) if !bare.is_empty() => bare,
        _ if host.is_empty() => url,
        _ => host,
    }
}

/// `2025-09-11` → "Sep 11, 2025" / "2025年9月11日"; anything else is returned as given.
pub fn format_date(date: &str, lang: Lang) -> String {
    if !members_feed::is_iso_date(date) {
        return date.to_string();
    }
    let (year, month, day) = (
        &date[0..4],
        date[5..7].parse::<usize>().unwrap_or(1),
        date[8..10].parse::<u32>().unwrap_or(1),
    );
    match lang {
        Lang::En => format!("{} {day}, {year}", MONTHS[month.clamp(1, 12) - 1]),
        Lang::Zh => format!("{year}年{month}月{day}日"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_talks_event_is_the_words_and_year_before_its_colon() {
        assert_eq!(
            event_of("KubeCon NA 2024: Bloomberg's Journey to Improve Resource Utilization"),
            Some((
                "KubeCon NA 2024",
                "Bloomberg's Journey to Improve Resource Utilization"
            ))
        );
        assert_eq!(
            event_of("KubeCon China 2023: Multi-Cloud HPA"),
            Some(("KubeCon China 2023", "Multi-Cloud HPA"))
        );
        // No year, a year that is not one, a sentence before the colon, or nothing after it.
        assert_eq!(
            event_of("Flink on Karmada: Building Resilient Pipelines"),
            None
        );
        assert_eq!(event_of("Release 1234: notes"), None);
        assert_eq!(
            event_of("How we moved every cluster in 2024: a story"),
            None
        );
        assert_eq!(event_of("KubeCon EU 2025:"), None);
        assert_eq!(event_of("Karmada in Shopee"), None);
    }

    #[test]
    fn known_and_unknown_values() {
        assert_eq!(industry_label("finance", Lang::Zh), "金融");
        assert_eq!(industry_label("interplanetary", Lang::En), "interplanetary");
        assert_eq!(country_label("KR", Lang::En), "South Korea");
        assert_eq!(country_label("ZZ", Lang::Zh), "ZZ");
    }

    #[test]
    fn dates_per_language() {
        assert_eq!(format_date("2025-09-11", Lang::En), "Sep 11, 2025");
        assert_eq!(format_date("2025-09-11", Lang::Zh), "2025年9月11日");
        assert_eq!(format_date("2024-01-05", Lang::En), "Jan 5, 2024");
        assert_eq!(format_date("2024-01-05", Lang::Zh), "2024年1月5日");
        assert_eq!(format_date("2023-12-31", Lang::En), "Dec 31, 2023");
        assert_eq!(format_date("soon", Lang::En), "soon");
        assert_eq!(format_date("2025-13-01", Lang::Zh), "2025-13-01");
        assert_eq!(format_date("2025-9-1", Lang::En), "2025-9-1");
    }

    #[test]
    fn tables_are_sorted_unique_and_complete() {
        for table in [INDUSTRIES, COUNTRIES] {
            assert!(table.windows(2).all(|pair| pair[0].key < pair[1].key));
            assert!(table.iter().all(|l| !l.en.is_empty() && !l.zh.is_empty()));
        }
        for code in [
            "CN", "US", "KR", "IT", "BR", "SG", "JP", "DE", "GB", "FR", "IN",
        ] {
            assert!(country(code).is_some(), "{code}");
            assert!(COUNTRIES.iter().all(|l| l.key.len() == 2));
        }
        assert_eq!(country("CN").map(|l| (l.en, l.zh)), Some(("China", "中国")));
        assert_eq!(industry("finance").map(|l| l.get(Lang::Zh)), Some("金融"));
        assert_eq!(industry("Finance"), None, "slugs are exact");
    }

    #[test]
    fn links_show_their_host() {
        assert_eq!(
            link_host("https://www.techatbloomberg.com/opensource/"),
            "techatbloomberg.com"
        );
        assert_eq!(link_host("https://karmada.io"), "karmada.io");
        assert_eq!(link_host("http://example.com:8080/x?y#z"), "example.com");
        assert_eq!(link_host("https://www.example.com?q"), "example.com");
        assert_eq!(link_host("/docs/casestudies/x"), "/docs/casestudies/x");
        assert_eq!(link_host("https://"), "https://");
    }
}
