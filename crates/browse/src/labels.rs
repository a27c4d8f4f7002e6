//! Display names for industry slugs and country codes, and dates, in both languages. Unknown
//! values are shown as they are given rather than hidden.

use members_feed::Lang;

/// (slug, English, Chinese)
const INDUSTRIES: &[(&str, &str, &str)] = &[
    ("ai", "AI", "人工智能"),
    ("automotive", "Automotive", "汽车"),
    ("cloud", "Cloud", "云计算"),
    ("ecommerce", "E-commerce", "电子商务"),
    ("education", "Education", "教育"),
    ("energy", "Energy", "能源"),
    ("finance", "Finance", "金融"),
    ("gaming", "Gaming", "游戏"),
    ("government", "Government", "政府"),
    ("healthcare", "Healthcare", "医疗"),
    ("internet", "Internet", "互联网"),
    ("logistics", "Logistics", "物流"),
    ("manufacturing", "Manufacturing", "制造"),
    ("media", "Media", "媒体"),
    ("research", "Research", "科研"),
    ("retail", "Retail", "零售"),
    ("software", "Software", "软件"),
    ("telecom", "Telecom", "电信"),
    ("travel", "Travel", "旅游出行"),
];

/// (ISO 3166-1 alpha-2, English, Chinese)
const COUNTRIES: &[(&str, &str, &str)] = &[
    ("BR", "Brazil", "巴西"),
    ("CA", "Canada", "加拿大"),
    ("CN", "China", "中国"),
    ("DE", "Germany", "德国"),
    ("ES", "Spain", "西班牙"),
    ("FR", "France", "法国"),
    ("GB", "United Kingdom", "英国"),
    ("HK", "Hong Kong, China", "中国香港"),
    ("IN", "India", "印度"),
    ("IT", "Italy", "意大利"),
    ("JP", "Japan", "日本"),
    ("KR", "South Korea", "韩国"),
    ("NL", "Netherlands", "荷兰"),
    ("SG", "Singapore", "新加坡"),
    ("TW", "Taiwan, China", "中国台湾"),
    ("US", "United States", "美国"),
];

fn lookup<'a>(
    table: &[(&'static str, &'static str, &'static str)],
    key: &'a str,
    lang: Lang,
) -> &'a str {
    match table.iter().find(|(k, _, _)| *k == key) {
        Some((_, en, zh)) => match lang {
            Lang::En => en,
            Lang::Zh => zh,
        },
        None => key,
    }
}

/// `finance` → "Finance" / "金融"; an unknown slug is returned as given.
pub fn industry_label(slug: &str, lang: Lang) -> &str {
    lookup(INDUSTRIES, slug, lang)
}

/// `CN` → "China" / "中国"; an unknown code is returned as given.
pub fn country_label(code: &str, lang: Lang) -> &str {
    lookup(COUNTRIES, code, lang)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

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
        assert_eq!(format_date("soon", Lang::En), "soon");
    }

    #[test]
    fn tables_are_sorted_and_unique() {
        for table in [INDUSTRIES, COUNTRIES] {
            assert!(table.windows(2).all(|pair| pair[0].0 < pair[1].0));
        }
    }
}
