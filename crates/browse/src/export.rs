//! What a visitor or a build takes away: the members as CSV (RFC 4180, for spreadsheets) and as
//! a feed of their own (JSON), and which members are new.

use members_feed::{to_pretty_json, Feed, Member, SCHEMA_VERSION};

/// The CSV's columns, in order.
pub const CSV_COLUMNS: [&str; 11] = [
    "id",
    "name",
    "name_zh",
    "kinds",
    "industry",
    "country",
    "website",
    "joined",
    "announcement",
    "usage",
    "usage_zh",
];

/// `members` as CSV: a header row, then one row per member (kinds joined by `;`), every field
/// quoted, CRLF line ends, UTF-8 with the Chinese names. A field that a spreadsheet would read
/// as a formula (starting, after any spaces, with `=`, `+`, `-`, `@`, a tab, a line break or
/// NUL) is prefixed with `'`, so opening the file runs nothing.
pub fn to_csv(members: &[Member]) -> String {
    let mut out = String::new();
    let mut row = |fields: &[&str]| {
        let cells: Vec<String> = fields.iter().map(|field| csv_cell(field)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    };
    row(&CSV_COLUMNS);
    for member in members {
        let kinds: Vec<&str> = member.kinds.iter().map(|kind| kind.as_str()).collect();
        let announcement = member
            .announcement
            .as_ref()
            .map(|announcement| announcement.url.en.as_str())
            .unwrap_or("");
        row(&[
            &member.id,
            &member.name.en,
            member.name.zh.as_deref().unwrap_or(""),
            &kinds.join(";"),
            member.industry.as_deref().unwrap_or(""),
            member.country.as_deref().unwrap_or(""),
            &member.website,
            member.joined.as_deref().unwrap_or(""),
            announcement,
            &member.usage.en,
            member.usage.zh.as_deref().unwrap_or(""),
        ]);
    }
    out
}

fn csv_cell(field: &str) -> String {
    // Spreadsheets skip leading spaces before reading a formula.
    let neutral = match field.trim_start_matches(' ').chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\n' | '\0') => format!("'{field}"),
        _ => field.to_string(),
    };
    format!("\"{}\"", neutral.replace('"', "\"\""))
}

/// `members` as a feed of their own, in the feed's format (its schema validates it).
pub fn to_feed_json(members: &[Member], generated_at: &str) -> String {
    to_pretty_json(&Feed {
        schema_version: SCHEMA_VERSION,
        generated_at: generated_at.to_string(),
        members: members.to_vec(),
    })
}

/// How long a member counts as new: joined in the 90 days up to the feed's date.
pub const NEW_FOR_DAYS: i64 = 90;

/// Whether `member` joined in the [`NEW_FOR_DAYS`] days up to `generated_at` (the feed's own
/// date, not the visitor's clock: the same feed says the same everywhere, and tests hold).
pub fn is_new(member: &Member, generated_at: &str) -> bool {
    let (Some(joined), Some(now)) = (
        member.joined.as_deref().and_then(day_number),
        generated_at.get(..10).and_then(day_number),
    ) else {
        return false;
    };
    (0..=NEW_FOR_DAYS).contains(&(now - joined))
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (a real one: [`members_feed::is_iso_date`]).
fn day_number(date: &str) -> Option<i64> {
    if !members_feed::is_iso_date(date) {
        return None;
    }
    let number = |range: std::ops::Range<usize>| date[range].parse::<i64>().ok();
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    // Howard Hinnant's days_from_civil.
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;
    use members_feed::Kind;

    fn member(id: &str, name: &str) -> Member {
        let mut member = crate::test_support::member(id, name);
        member.kinds = vec![Kind::Adopter, Kind::Partner];
        member.industry = Some("finance".into());
        member.country = Some("CN".into());
        member
    }

    #[test]
    fn csv_quotes_every_field_and_neutralises_formulas() {
        let mut tricky = member("tricky", "=HYPERLINK(\"https://evil.example\",\"click\")");
        tricky.name.zh = Some("逗号, \"引号\"\n换行".into());
        let mut plain = member("plain", "Plain, Inc.");
        plain.usage.en = "Runs its clusters with it.".into();
        plain.usage.zh = Some("用它管理集群。".into());
        let csv = to_csv(&[tricky, plain]);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "\"id\",\"name\",\"name_zh\",\"kinds\",\"industry\",\"country\",\"website\",\"joined\",\"announcement\",\"usage\",\"usage_zh\""
        );
        assert!(
            csv.contains("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\")\""),
            "{csv}"
        );
        assert!(csv.contains("\"逗号, \"\"引号\"\"\n换行\""), "{csv}");
        assert!(
            csv.contains("\"Plain, Inc.\",\"\",\"adopter;partner\",\"finance\",\"CN\""),
            "{csv}"
        );
        // What each does with Karmada, in both languages, last.
        assert!(
            csv.ends_with("\"Runs its clusters with it.\",\"用它管理集群。\"\r\n"),
            "{csv}"
        );
        for lead in ['=', '+', '-', '@', '\t', '\r', '\n', '\0'] {
            assert_eq!(csv_cell(&format!("{lead}1")), format!("\"'{lead}1\""));
        }
        assert_eq!(csv_cell("  =1+1"), "\"'  =1+1\"");
        assert_eq!(csv_cell("a=1"), "\"a=1\"");
    }

    #[test]
    fn a_views_json_is_a_feed() {
        let json = to_feed_json(&[member("a", "A")], "2026-01-01T00:00:00Z");
        let feed = members_feed::parse_feed(&json).unwrap();
        assert_eq!(feed.members.len(), 1);
        assert!(feed.problems.is_empty());
    }

    #[test]
    fn new_means_joined_in_the_90_days_up_to_the_feeds_date() {
        let at = |joined: &str| {
            let mut m = member("m", "M");
            m.joined = Some(joined.into());
            is_new(&m, "2026-03-01T08:00:00Z")
        };
        assert!(at("2026-03-01"));
        assert!(at("2025-12-01")); // 90 days before (2025-12-01 → 2026-03-01)
        assert!(!at("2025-11-30"));
        assert!(
            !at("2026-03-02"),
            "a date after the feed's is not new: it is wrong"
        );
        assert!(!at("2026-02-30"));
        assert!(!is_new(&member("m", "M"), "2026-03-01T00:00:00Z"));
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2000-03-01"), Some(11_017));
    }
}
