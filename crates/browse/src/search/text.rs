//! Text as search compares it: folded, split into terms, matched at word starts (Latin) or
//! anywhere (Chinese), and the ranges of a text a query highlights.

use std::ops::Range;

/// Folds one character for comparison, pushing the result to `out`.
fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
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
        'Ĳ' | 'ĳ' => "ij",
        'Ĵ' | 'ĵ' => "j",
        'Ķ' | 'ķ' | 'ĸ' => "k",
        'Ĺ' | 'ĺ' | 'Ļ' | 'ļ' | 'Ľ' | 'ľ' | 'Ŀ' | 'ŀ' | 'Ł' | 'ł' => "l",
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ņ' | 'ņ' | 'Ň' | 'ň' | 'ŉ' | 'Ŋ' | 'ŋ' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ŏ' | 'ŏ' | 'Ő' | 'ő' => "o",
        'Œ' | 'œ' => "oe",
        'Ŕ' | 'ŕ' | 'Ŗ' | 'ŗ' | 'Ř' | 'ř' => "r",
        'Ś' | 'ś' | 'Ŝ' | 'ŝ' | 'Ş' | 'ş' | 'Š' | 'š' | 'ſ' => "s",
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

/// Text as it is compared: folded (lower case, Latin accents removed, full-width ASCII made
/// ASCII), control characters dropped, whitespace runs collapsed to one space, trimmed.
///
/// ```
/// assert_eq!(browse::search::normalize("  Résumé   Straße "), "resume strasse");
/// ```
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalize_into(text, &mut out);
    out
}

/// [`normalize`], appending to `out`.
pub(super) fn normalize_into(text: &str, out: &mut String) {
    let begin = out.len();
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = out.len() > begin;
            continue;
        }
        if c.is_control() {
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        fold_char(c, out);
    }
}

/// The normalised terms of a query; a member matches when it contains all of them.
///
/// ```
/// assert_eq!(browse::search::terms(" GPU  Zürich "), ["gpu", "zurich"]);
/// ```
pub fn terms(query: &str) -> Vec<String> {
    terms_of_normalized(&normalize(query))
}

pub(super) fn terms_of_normalized(normalized: &str) -> Vec<String> {
    normalized
        .split(' ')
        .filter(|term| !term.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether `term` found at byte `at` of `text` counts: a term that starts with an ASCII letter
/// or digit must start a word there (no ASCII letter or digit just before it); any other
/// (Chinese) term counts anywhere.
pub(super) fn starts_term(text: &[u8], at: usize, term: &[u8]) -> bool {
    !term.first().is_some_and(u8::is_ascii_alphanumeric)
        || at == 0
        || !text[at - 1].is_ascii_alphanumeric()
}

/// Whether `haystack` holds `term` where it counts ([`starts_term`]).
pub(crate) fn contains_term(haystack: &str, term: &str) -> bool {
    haystack
        .match_indices(term)
        .any(|(at, _)| starts_term(haystack.as_bytes(), at, term.as_bytes()))
}

/// The first position of `byte` in `haystack`, eight bytes at a time.
pub(super) fn memchr(byte: u8, haystack: &[u8]) -> Option<usize> {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let pattern = LOW * byte as u64;
    let mut chunks = haystack.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])) ^ pattern;
        // A zero byte in `word` is where `byte` is.
        if word.wrapping_sub(LOW) & !word & HIGH != 0 {
            return chunk.iter().position(|&b| b == byte).map(|i| at + i);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| b == byte)
        .map(|i| at + i)
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
        } else if !c.is_control() {
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
            if starts_term(folded.as_bytes(), start, term.as_bytes()) {
                ranges.push(origin[start].start..origin[end - 1].end);
            }
            // Step one character, so overlapping occurrences (`aa` in `aaa`) are all found.
            from = start + term.chars().next().map_or(1, char::len_utf8);
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
    fn memchr_finds_the_first_occurrence() {
        let text: Vec<u8> = (0..40u8).collect();
        for byte in 0..45u8 {
            for start in 0..text.len() {
                let expected = text[start..].iter().position(|&b| b == byte);
                assert_eq!(
                    memchr(byte, &text[start..]),
                    expected,
                    "{byte} from {start}"
                );
            }
        }
        assert_eq!(memchr(0x80, "aaaaaaaaaaé".as_bytes()), None);
        assert_eq!(memchr(0xA9, "aaaaaaaaaaé".as_bytes()), Some(11));
    }
}
