//! Search: normalisation, a per-feed index, matching and highlighting.
//!
//! Text is folded for comparison: lower case, Latin accents removed (`é` → `e`, `ß` → `ss`),
//! whitespace runs collapsed. Chinese needs no word splitting: a query matches as a substring,
//! so `红书` finds `小红书`. Every whitespace-separated term of a query must match somewhere.

use std::ops::Range;

use members_feed::Member;

/// Folds one character for comparison, pushing the result to `out`.
fn fold_char(c: char, out: &mut String) {
    let folded: &str = match c {
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Ĉ' | 'ĉ' | 'Ċ' | 'ċ' | 'Č' | 'č' => "c",
        'Ď' | 'ď' | 'Đ' | 'đ' | 'Ð' | 'ð' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ĕ' | 'ĕ' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' => {
            "e"
        }
        'Ĝ' | 'ĝ' | 'Ğ' | 'ğ' | 'Ġ' | 'ġ' | 'Ģ' | 'ģ' => "g",
        'Ĥ' | 'ĥ' | 'Ħ' | 'ħ' => "h",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ' | 'ĩ' | 'Ī' | 'ī' | 'Ĭ' | 'ĭ' | 'Į' | 'į' | 'İ' | 'ı' => {
            "i"
        }
        'Ĵ' | 'ĵ' => "j",
        'Ķ' | 'ķ' => "k",
        'Ĺ' | 'ĺ' | 'Ļ' | 'ļ' | 'Ľ' | 'ľ' | 'Ŀ' | 'ŀ' | 'Ł' | 'ł' => "l",
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ņ' | 'ņ' | 'Ň' | 'ň' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ŏ' | 'ŏ' | 'Ő' | 'ő' => "o",
        'Œ' | 'œ' => "oe",
        'Ŕ' | 'ŕ' | 'Ŗ' | 'ŗ' | 'Ř' | 'ř' => "r",
        'Ś' | 'ś' | 'Ŝ' | 'ŝ' | 'Ş' | 'ş' | 'Š' | 'š' => "s",
        'ß' => "ss",
        'Ţ' | 'ţ' | 'Ť' | 'ť' | 'Ŧ' | 'ŧ' => "t",
        'Þ' | 'þ' => "th",
        'Ù'..='Ü'
        | 'ù'..='ü'
        | 'Ũ'
        | 'ũ'
        | 'Ū'
        | 'ū'
        | 'Ŭ'
        | 'ŭ'
        | 'Ů'
        | 'ů'
        | 'Ű'
        | 'ű'
        | 'Ų'
        | 'ų' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' => "y",
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => "z",
        // Full-width ASCII (common in Chinese text input) folds to ASCII.
        '\u{FF01}'..='\u{FF5E}' => {
            let ascii = char::from_u32(c as u32 - 0xFEE0).unwrap_or(c);
            out.extend(ascii.to_lowercase());
            return;
        }
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push_str(folded);
}

/// Text as it is compared: folded, whitespace collapsed to single spaces, trimmed.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        fold_char(c, &mut out);
    }
    out
}

/// The normalised terms of a query; a member matches when it contains all of them.
pub fn terms(query: &str) -> Vec<String> {
    normalize(query)
        .split(' ')
        .filter(|term| !term.is_empty())
        .map(str::to_string)
        .collect()
}

/// One normalised haystack per member, built once when the feed loads, so a keystroke only
/// scans prepared strings.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    haystacks: Vec<String>,
    /// Each member's English name, normalised, for sorting by name without re-folding.
    sort_names: Vec<String>,
}

impl SearchIndex {
    pub fn new(members: &[Member]) -> SearchIndex {
        SearchIndex {
            haystacks: members.iter().map(haystack).collect(),
            sort_names: members
                .iter()
                .map(|member| normalize(&member.name.en))
                .collect(),
        }
    }

    /// The name member `index` sorts by.
    pub fn sort_name(&self, index: usize) -> &str {
        self.sort_names.get(index).map(String::as_str).unwrap_or("")
    }

    /// Whether member `index` contains every term.
    pub fn matches(&self, index: usize, terms: &[String]) -> bool {
        let Some(haystack) = self.haystacks.get(index) else {
            return false;
        };
        terms.iter().all(|term| haystack.contains(term.as_str()))
    }

    pub fn len(&self) -> usize {
        self.haystacks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.haystacks.is_empty()
    }
}

/// Everything a member is found by, separated so that a term cannot match across two fields.
fn haystack(member: &Member) -> String {
    let mut text = String::new();
    let fields = [
        Some(member.name.en.as_str()),
        member.name.zh.as_deref(),
        Some(member.usage.en.as_str()),
        member.usage.zh.as_deref(),
    ]
    .into_iter()
    .flatten()
    .chain(member.aliases.iter().map(String::as_str))
    .chain(member.industry.as_deref())
    .chain(member.country.as_deref());
    for field in fields {
        text.push_str(&normalize(field));
        text.push('\u{1F}');
    }
    if let Some(industry) = member.industry.as_deref() {
        for lang in [members_feed::Lang::En, members_feed::Lang::Zh] {
            text.push_str(&normalize(crate::labels::industry_label(industry, lang)));
            text.push('\u{1F}');
        }
    }
    text
}

/// Byte ranges of `text` to highlight for `query`: every occurrence of every term, merged,
/// on character boundaries of the original text even where folding changed lengths
/// (`ß` → `ss`).
pub fn highlight_ranges(text: &str, query: &str) -> Vec<Range<usize>> {
    let terms = terms(query);
    if terms.is_empty() || text.is_empty() {
        return Vec::new();
    }
    // Fold character by character, remembering which original bytes each folded byte came from.
    let mut folded = String::with_capacity(text.len());
    let mut origin: Vec<Range<usize>> = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        let before = folded.len();
        if c.is_whitespace() {
            folded.push(' ');
        } else {
            fold_char(c, &mut folded);
        }
        for _ in before..folded.len() {
            origin.push(at..at + c.len_utf8());
        }
    }
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for term in &terms {
        let mut from = 0;
        while let Some(found) = folded[from..].find(term.as_str()) {
            let start = from + found;
            let end = start + term.len();
            ranges.push(origin[start].start..origin[end - 1].end);
            from = end;
        }
    }
    ranges.sort_by_key(|range| range.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_width() {
        assert_eq!(normalize("  Résumé   Straße "), "resume strasse");
        assert_eq!(normalize("ÆØÅ Łódź"), "aeoa lodz");
        assert_eq!(normalize("ＧＰＵ"), "gpu");
        assert_eq!(normalize("小红书 RedNote"), "小红书 rednote");
    }

    #[test]
    fn terms_split_on_whitespace() {
        assert_eq!(terms(" GPU   Training "), ["gpu", "training"]);
        assert!(terms("   ").is_empty());
    }

    #[test]
    fn highlights_on_original_boundaries() {
        let text = "Straße and résumé";
        let ranges = highlight_ranges(text, "strasse RESUME");
        let pieces: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(pieces, ["Straße", "résumé"]);
        let chinese = "使用 Karmada 构建多集群平台";
        let ranges = highlight_ranges(chinese, "多集群");
        assert_eq!(&chinese[ranges[0].clone()], "多集群");
    }

    #[test]
    fn overlapping_terms_merge() {
        let text = "multicluster";
        assert_eq!(highlight_ranges(text, "multi cluster multic"), vec![0..12]);
        assert!(highlight_ranges(text, "").is_empty());
        assert!(highlight_ranges(text, "zzz").is_empty());
    }
}
