//! What an id and a date are, once for every crate: the feed reader, the feed builder
//! (`feedgen`) and the join form all ask these.

/// The longest id: ids are path segments (`/members/<id>`) and storage keys.
pub const MAX_ID_BYTES: usize = 80;

/// A member id: lowercase ASCII letters and digits in runs joined by single hyphens, at most
/// [`MAX_ID_BYTES`] (`bloomberg`, `qihoo-360`).
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_BYTES
        && id.split('-').all(|run| {
            !run.is_empty()
                && run
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The id a name suggests: its ASCII letters and digits lowercased, every other run of
/// characters one hyphen, cut to [`MAX_ID_BYTES`] (`Li Auto` → `li-auto`, `Trip.com` →
/// `trip-com`). Empty for a name with no ASCII letter or digit (`小红书`): the caller chooses.
pub fn slugify(name: &str) -> String {
    let mut out = String::new();
    let mut hyphen = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            if hyphen && !out.is_empty() {
                out.push('-');
            }
            hyphen = false;
            out.push(c.to_ascii_lowercase());
        } else {
            hyphen = true;
        }
        if out.len() >= MAX_ID_BYTES {
            break;
        }
    }
    out.truncate(MAX_ID_BYTES);
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Whether `value` is a real calendar date written `YYYY-MM-DD` (leap years counted).
pub fn is_iso_date(value: &str) -> bool {
    let bytes = value.as_bytes();
    let shape = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shape {
        return false;
    }
    let number = |range: std::ops::Range<usize>| value[range].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// Characters that show nothing or turn the text around: zero-width spaces and joiners, the
/// BOM, bidi controls, tag characters, variation selectors, fillers. In a name they make
/// look-alikes (four cards reading "Bloomberg", one "grebmoolB") and hide it from search.
pub fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}' | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        for good in ["bloomberg", "qihoo-360", "a", "3"] {
            assert!(is_slug(good), "{good}");
        }
        for bad in ["", "-a", "a-", "a--b", "A", "a_b", "中", &"a".repeat(81)] {
            assert!(!is_slug(bad), "{bad}");
        }
        assert!(is_slug(&"a".repeat(80)));
    }

    #[test]
    fn ids_from_names_are_ids() {
        assert_eq!(slugify("Li Auto"), "li-auto");
        assert_eq!(slugify("Trip.com"), "trip-com");
        assert_eq!(
            slugify("  HelloGroup(NASDAQ: MOMO) "),
            "hellogroup-nasdaq-momo"
        );
        assert_eq!(slugify("--a--b--"), "a-b");
        assert_eq!(slugify("小红书"), "");
        assert_eq!(slugify(&"Ab ".repeat(100)).len(), MAX_ID_BYTES);
        for name in ["Li Auto", "Neen S.p.A", &"x-".repeat(100), "a  b"] {
            assert!(is_slug(&slugify(name)), "{name}");
        }
    }

    #[test]
    fn dates_are_calendar_dates() {
        for good in ["2024-02-29", "2000-02-29", "2025-12-31", "2025-04-30"] {
            assert!(is_iso_date(good), "{good}");
        }
        for bad in [
            "2025-02-29",
            "1900-02-29",
            "2025-04-31",
            "2025-13-01",
            "2025-00-10",
            "2025-01-00",
            "2025-1-01",
            "２０２５-01-01",
            "2025/01/01",
            "",
        ] {
            assert!(!is_iso_date(bad), "{bad}");
        }
    }
}
