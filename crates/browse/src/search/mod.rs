//! Search: normalisation, a per-feed index, matching and highlighting.
//!
//! Text is folded for comparison: lower case, Latin accents removed (`é` → `e`, `ß` → `ss`),
//! whitespace runs collapsed. A term that starts with a Latin letter or a digit matches at the
//! start of a word (`ai` finds "AI platform", not "retail"; `bank` finds "banking"). Chinese
//! needs no word splitting: such a term matches anywhere, so `红书` finds `小红书`. Every
//! whitespace-separated term of a query must match somewhere.

use members_feed::{Kind, Lang, Member};

mod text;

pub(crate) use text::contains_term;
pub use text::{highlight_ranges, normalize, terms};
use text::{memchr, normalize_into, starts_term, terms_of_normalized};

/// The members a search matched, kept so that the next search, which while someone types
/// usually extends the query, looks only among them ([`SearchIndex::search`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchMatches {
    /// The normalised query these are the matches of.
    query: String,
    /// One bit per member containing every term (bits past the last member are unspecified);
    /// `None` for a query without terms, which every member matches.
    bits: Option<Vec<u64>>,
    /// How many members the index held.
    members: usize,
}

impl SearchMatches {
    /// Whether any member matched.
    pub fn finds_anyone(&self) -> bool {
        match &self.bits {
            None => self.members > 0,
            Some(bits) => (0..self.members).any(|at| bits[at / 64] & (1 << (at % 64)) != 0),
        }
    }

    /// One bit per member containing every term; `None` when the query has no terms.
    pub(crate) fn bits(&self) -> Option<&[u64]> {
        self.bits.as_deref()
    }
}

/// Separates fields (and members) in the haystack text. [`normalize`] drops control
/// characters, so no term can contain it and no match spans two fields.
const FIELD_SEPARATOR: char = '\u{1F}';

/// The feed prepared for browsing, built once when the feed loads (a few ms at 10,000 members)
/// and reused for every keystroke: one normalised haystack per member, the names of the kinds,
/// the members in each sort order, and each member's facet values as small numbers.
///
/// Build it from the same member slice that is later passed to [`crate::browse`] and
/// [`crate::facets`]; if the lengths differ those functions rebuild a temporary index.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    /// Every member's haystack, concatenated, each field followed by [`FIELD_SEPARATOR`].
    text: String,
    /// Where each member's haystack starts in `text`, plus the end: `len() + 1` entries.
    starts: Vec<usize>,
    /// How often each byte value occurs in `text`, to pick the rarest character of a term.
    byte_counts: [u32; 256],
    /// Per member, the ASCII letters and digits the words of its haystack start with
    /// ([`initial_bit`]): a Latin term can only match a member in its own text when one of
    /// those words starts with the term's first character, and a one-character term matches
    /// exactly those. So the first letter typed into an empty box, the keystroke with the most
    /// members to look through, costs one pass over this instead of the whole text.
    word_initials: Vec<u64>,
    /// Each kind's names as search finds its members by them, in [`Kind::ALL`]'s order,
    /// normalised, each followed by [`FIELD_SEPARATOR`]. Kept out of the members' haystacks:
    /// whether a term names a kind is the same for every member of it, so it is decided once
    /// per term ([`SearchIndex::kinds_named_by`]); and in the haystacks "adopters" gave every
    /// adopter the initial `a`, so no term starting with `a` was narrowed by the initials.
    kind_names: [String; 3],
    /// Each member's English name, normalised, for sorting by name without re-folding.
    sort_names: Vec<String>,
    /// Facet values, kinds, flags and sort orders (see [`crate::Prepared`]).
    pub(crate) prepared: crate::Prepared,
}

impl Default for SearchIndex {
    /// The index of an empty feed.
    fn default() -> SearchIndex {
        SearchIndex::new(&[])
    }
}

impl SearchIndex {
    /// Prepares `members` for browsing.
    pub fn new(members: &[Member]) -> SearchIndex {
        let mut text = String::new();
        let mut starts = Vec::with_capacity(members.len() + 1);
        let mut word_initials = Vec::with_capacity(members.len());
        for member in members {
            let start = text.len();
            starts.push(start);
            push_haystack(member, &mut text);
            word_initials.push(word_initials_of(&text.as_bytes()[start..]));
        }
        starts.push(text.len());
        let mut byte_counts = [0u32; 256];
        for &byte in text.as_bytes() {
            byte_counts[byte as usize] = byte_counts[byte as usize].saturating_add(1);
        }
        let sort_names: Vec<String> = members
            .iter()
            .map(|member| normalize(&member.name.en))
            .collect();
        let prepared = crate::Prepared::new(members, &sort_names);
        SearchIndex {
            text,
            starts,
            byte_counts,
            word_initials,
            kind_names: Kind::ALL.map(kind_names_of),
            sort_names,
            prepared,
        }
    }

    /// The name member `index` sorts by (its English name, normalised).
    pub fn sort_name(&self, index: usize) -> &str {
        self.sort_names.get(index).map(String::as_str).unwrap_or("")
    }

    /// The normalised text of member `index` (fields separated by `U+001F`): all it is found
    /// by but its kinds' names, which are matched apart ([`SearchIndex::matches`]).
    pub fn haystack(&self, index: usize) -> &str {
        match (self.starts.get(index), self.starts.get(index + 1)) {
            (Some(&start), Some(&end)) => &self.text[start..end],
            _ => "",
        }
    }

    /// Whether member `index` contains every term (as made by [`terms`]): in its haystack or
    /// in the names of its kinds.
    pub fn matches(&self, index: usize, terms: &[String]) -> bool {
        index < self.len() && {
            let haystack = self.haystack(index);
            let kinds = self.prepared.kinds[index];
            terms
                .iter()
                .all(|term| kinds & self.kinds_named_by(term) != 0 || contains_term(haystack, term))
        }
    }

    /// The kinds ([`crate::prepared::kind_bit`]) one of whose names holds `term` where it
    /// counts ([`starts_term`]): every member of such a kind matches it.
    fn kinds_named_by(&self, term: &str) -> u8 {
        Kind::ALL
            .into_iter()
            .zip(&self.kind_names)
            .filter(|(_, names)| contains_term(names, term))
            .fold(0, |bits, (kind, _)| bits | crate::prepared::kind_bit(kind))
    }

    /// The members matching `query`. When `previous` came from this index and `query`
    /// (normalised) starts with its query, every term of the earlier query is part of a term of
    /// this one, so only its matches can match: they are the candidates, and typing forward
    /// checks a shrinking set of members instead of the whole text on every keystroke.
    pub fn search(&self, query: &str, previous: Option<&SearchMatches>) -> SearchMatches {
        let query = normalize(query);
        let terms = terms_of_normalized(&query);
        let bits = (!terms.is_empty()).then(|| {
            let candidates = previous
                .filter(|previous| previous.members == self.len())
                .filter(|previous| query.starts_with(previous.query.as_str()))
                .and_then(|previous| previous.bits.clone());
            self.match_bits_among(&terms, candidates)
        });
        SearchMatches {
            query,
            bits,
            members: self.len(),
        }
    }

    /// One bit per member: set when the member contains every term (bits past the last member
    /// are unspecified).
    #[cfg(test)]
    pub(crate) fn match_bits(&self, terms: &[String]) -> Vec<u64> {
        self.match_bits_among(terms, None)
    }

    /// [`SearchIndex::match_bits`] among `candidates` (one bit per member; all members when
    /// `None`). The candidates of the kinds a term names match it whatever their own text
    /// says, so they are set aside before it narrows the rest ([`SearchIndex::keep_own_matches`]).
    /// The longest term is looked for first; terms are checked member by member once few
    /// candidates are left, else scanned for in the whole text. No allocation per member.
    fn match_bits_among(&self, terms: &[String], candidates: Option<Vec<u64>>) -> Vec<u64> {
        let count = self.len();
        let mut ordered: Vec<&str> = terms.iter().map(String::as_str).collect();
        ordered.sort_by_key(|term| std::cmp::Reverse(term.len()));
        let (mut bits, mut candidates) = match candidates {
            Some(bits) if bits.len() == count.div_ceil(64) => {
                let candidates = bits.iter().map(|word| word.count_ones() as usize).sum();
                (bits, candidates)
            }
            _ => (vec![u64::MAX; count.div_ceil(64)], count),
        };
        for term in ordered {
            let named = self.kinds_named_by(term);
            let by_kind = (named != 0).then(|| self.of_kinds(&bits, named));
            candidates = self.keep_own_matches(&mut bits, candidates, term);
            if let Some(by_kind) = by_kind {
                candidates = 0;
                for (word, by_kind) in bits.iter_mut().zip(by_kind) {
                    *word |= by_kind;
                    candidates += word.count_ones() as usize;
                }
            }
        }
        bits
    }

    /// Clears the bits of members whose own text (their haystack) does not contain `term`;
    /// `candidates` is how many bits are set, and the result how many remain. A Latin term
    /// first narrows them to members with a word that starts with its first character; then,
    /// with few candidates left, each is searched alone ([`SearchIndex::keep_containing`]),
    /// else the term is looked for in one pass over the whole concatenated text
    /// ([`SearchIndex::scan`]).
    fn keep_own_matches(&self, bits: &mut [u64], mut candidates: usize, term: &str) -> usize {
        let count = self.len();
        if let Some(initial) = term.bytes().next().and_then(initial_bit) {
            candidates = self.keep_word_initial(bits, initial);
            if term.len() == 1 {
                // Exact: the member has a word that starts with it.
                return candidates;
            }
        }
        if candidates * 2 < count {
            self.keep_containing(bits, term)
        } else {
            let found = self.scan(term);
            candidates = 0;
            for (word, found) in bits.iter_mut().zip(found) {
                *word &= found;
                candidates += word.count_ones() as usize;
            }
            candidates
        }
    }

    /// The bits of `bits` whose members are of one of the kinds in `kinds`.
    fn of_kinds(&self, bits: &[u64], kinds: u8) -> Vec<u64> {
        self.prepared
            .kinds
            .chunks(64)
            .zip(bits)
            .map(|(block, &word)| {
                let of_kinds = block.iter().enumerate().fold(0u64, |of, (at, &member)| {
                    of | u64::from(member & kinds != 0) << at
                });
                word & of_kinds
            })
            .collect()
    }

    /// Clears the bits of members whose haystack does not contain `term` ([`starts_term`]),
    /// found by its rarest byte as [`SearchIndex::scan`] finds it; returns how many bits remain
    /// set. For few candidates: each is searched alone.
    fn keep_containing(&self, bits: &mut [u64], term: &str) -> usize {
        let Some(offset) = self.anchor_offset(term) else {
            return bits.iter().map(|word| word.count_ones() as usize).sum();
        };
        let count = self.len();
        let mut candidates = 0;
        for (w, word) in bits.iter_mut().enumerate() {
            let mut rest = *word;
            while rest != 0 {
                let bit = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                let member = w * 64 + bit;
                if member < count
                    && holds_term(self.haystack(member).as_bytes(), term.as_bytes(), offset)
                {
                    candidates += 1;
                } else {
                    *word &= !(1 << bit);
                }
            }
        }
        candidates
    }

    /// Where in `term` its anchor is: the last byte of the character whose last byte is rarest
    /// in the text (by the byte counts taken at build time). `None` for an empty term.
    fn anchor_offset(&self, term: &str) -> Option<usize> {
        let needle = term.as_bytes();
        term.char_indices()
            .map(|(at, c)| at + c.len_utf8() - 1)
            .min_by_key(|&at| self.byte_counts[needle[at] as usize])
    }

    /// Clears the bits of members none of whose words starts with the character `initial`
    /// stands for ([`initial_bit`]); returns how many bits remain set.
    fn keep_word_initial(&self, bits: &mut [u64], initial: u64) -> usize {
        let mut candidates = 0;
        for (block, word) in self.word_initials.chunks(64).zip(bits.iter_mut()) {
            let mut allowed = 0u64;
            for (at, &initials) in block.iter().enumerate() {
                allowed |= u64::from(initials & initial != 0) << at;
            }
            *word &= allowed;
            candidates += word.count_ones() as usize;
        }
        candidates
    }

    /// One bit per member whose haystack contains `term`, in one pass over the text: the
    /// term's character whose last UTF-8 byte is rarest in the text (by the byte counts taken
    /// at build time) is the anchor; each anchor hit is verified (the term there, at a word's
    /// start: [`starts_term`]), and after a match the scan
    /// skips to the next member. Anchors are found eight bytes at a time ([`memchr`]), also on
    /// wasm where the standard library's substring search has no SIMD.
    fn scan(&self, term: &str) -> Vec<u64> {
        let mut found = vec![0u64; self.len().div_ceil(64)];
        let bytes = self.text.as_bytes();
        let needle = term.as_bytes();
        let Some(offset) = self.anchor_offset(term) else {
            return found;
        };
        let anchor = needle[offset];
        let mut member = 0;
        let mut from = offset;
        while from < bytes.len() {
            let Some(hit) = memchr(anchor, &bytes[from..]) else {
                break;
            };
            let end = from + hit + 1;
            let at = end - 1 - offset;
            if at + needle.len() > bytes.len() {
                break;
            }
            if &bytes[at..at + needle.len()] == needle && starts_term(bytes, at, needle) {
                // The member whose haystack holds byte `at` (members only move forward).
                member += self.starts[member + 1..].partition_point(|&start| start <= at);
                found[member / 64] |= 1 << (member % 64);
                from = self.starts[member + 1] + offset;
            } else {
                from = end;
            }
        }
        found
    }

    /// How many members the index was built from.
    pub fn len(&self) -> usize {
        self.sort_names.len()
    }

    /// Whether the index was built from no members.
    pub fn is_empty(&self) -> bool {
        self.sort_names.is_empty()
    }
}

/// Whether `haystack` holds `needle` where it counts ([`starts_term`]), found through its byte
/// at `offset` ([`SearchIndex::anchor_offset`]) eight bytes at a time ([`memchr`]): the same
/// answer as [`contains_term`] without the general substring search, which on wasm has no SIMD.
fn holds_term(haystack: &[u8], needle: &[u8], offset: usize) -> bool {
    let anchor = needle[offset];
    let mut from = offset;
    while let Some(hit) = haystack.get(from..).and_then(|rest| memchr(anchor, rest)) {
        let end = from + hit + 1;
        let at = end - 1 - offset;
        if haystack.get(at..at + needle.len()) == Some(needle) && starts_term(haystack, at, needle)
        {
            return true;
        }
        from = end;
    }
    false
}

/// The bit that stands for `byte` in [`SearchIndex`]'s word initials when it is an ASCII
/// letter or digit (the characters a Latin term must start a word with, [`starts_term`]).
fn initial_bit(byte: u8) -> Option<u64> {
    let at = match byte {
        b'a'..=b'z' => byte - b'a',
        b'A'..=b'Z' => byte - b'A' + 26,
        b'0'..=b'9' => byte - b'0' + 52,
        _ => return None,
    };
    Some(1 << at)
}

/// The word initials of one member's haystack: each ASCII letter or digit not preceded by
/// one (the first byte counts as preceded by a separator, as in [`starts_term`]).
fn word_initials_of(haystack: &[u8]) -> u64 {
    let mut initials = 0;
    let mut previous_starts_nothing = true;
    for &byte in haystack {
        if previous_starts_nothing {
            initials |= initial_bit(byte).unwrap_or(0);
        }
        previous_starts_nothing = !byte.is_ascii_alphanumeric();
    }
    initials
}

/// Appends everything a member is found by but its kinds ([`kind_names_of`]): names, aliases,
/// usage and case-study titles (both languages), industry slug and labels, country code and
/// labels; each field normalised and followed by [`FIELD_SEPARATOR`].
fn push_haystack(member: &Member, text: &mut String) {
    let mut push = |field: &str| {
        let before = text.len();
        normalize_into(field, text);
        if text.len() > before {
            text.push(FIELD_SEPARATOR);
        }
    };
    push(&member.name.en);
    if let Some(zh) = member.name.zh.as_deref() {
        push(zh);
    }
    member.aliases.iter().for_each(|alias| push(alias));
    push(&member.usage.en);
    if let Some(zh) = member.usage.zh.as_deref() {
        push(zh);
    }
    for study in &member.case_studies {
        push(&study.title.en);
        if let Some(zh) = study.title.zh.as_deref() {
            push(zh);
        }
    }
    if let Some(industry) = member.industry.as_deref() {
        push(industry);
        for lang in [Lang::En, Lang::Zh] {
            let label = crate::labels::industry_label(industry, lang);
            if label != industry {
                push(label);
            }
        }
    }
    if let Some(country) = member.country.as_deref() {
        push(country);
        for lang in [Lang::En, Lang::Zh] {
            let label = crate::labels::country_label(country, lang);
            if label != country {
                push(label);
            }
        }
    }
}

/// What the members of `kind` are found by as well as their haystacks, as a visitor types it:
/// "vendor" finds the vendors, not only a member whose usage says "multi-vendor"; so do
/// "vendors" and "供应商". The plural alone: a term matches at a word's start, so "vendors"
/// holds "vendor" too. Normalised, each name followed by [`FIELD_SEPARATOR`].
fn kind_names_of(kind: Kind) -> String {
    let (one, many) = crate::labels::kind_names(kind);
    let mut names = String::new();
    for name in [many.en, one.zh] {
        normalize_into(name, &mut names);
        names.push(FIELD_SEPARATOR);
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    proptest::proptest! {
        /// Rare and common anchors, near and far from member boundaries, give the same members
        /// as checking each haystack.
        #[test]
        fn scanning_equals_checking_each_member(
            words in proptest::collection::vec("[a-d0-2é小 -]{0,4}", 1..30),
            filler in 0usize..120,
            query in "[a-d0-2é小 -]{1,4}",
        ) {
            let members: Vec<Member> = words
                .iter()
                .enumerate()
                .map(|(i, word)| {
                    let mut member: Member = plain_member(i);
                    member.name.en = format!("{}{word}{}", "x".repeat(filler), "y".repeat(filler % 7));
                    member
                })
                .collect();
            let index = SearchIndex::new(&members);
            let terms = terms(&query);
            let bits = index.match_bits(&terms);
            for i in 0..members.len() {
                let expected = index.matches(i, &terms);
                proptest::prop_assert_eq!(bits[i / 64] & (1 << (i % 64)) != 0, expected, "member {}", i);
            }
        }
    }

    /// Members named `a0`, `a1`, … so that every one of them matches "a".
    fn named_a(count: usize) -> (Vec<Member>, SearchIndex) {
        let members: Vec<Member> = (0..count)
            .map(|i| {
                let mut member = plain_member(i);
                member.name.en = format!("a{i}");
                member
            })
            .collect();
        let index = SearchIndex::new(&members);
        (members, index)
    }

    fn matched(matches: &SearchMatches, count: usize) -> Vec<usize> {
        let bits = matches.bits().expect("a query with terms");
        (0..count)
            .filter(|i| bits[i / 64] & (1 << (i % 64)) != 0)
            .collect()
    }

    #[test]
    fn a_query_that_extends_the_previous_one_looks_only_among_its_matches() {
        let (members, index) = named_a(100);
        // A deliberately incomplete earlier result: only members 3 and 70 matched "a".
        let mut previous = index.search("a", None);
        assert_eq!(matched(&previous, members.len()).len(), 100);
        previous.bits = Some(vec![1 << 3, 1 << (70 - 64)]);
        assert_eq!(
            matched(&index.search("a", Some(&previous)), members.len()),
            [3, 70]
        );
        assert_eq!(
            matched(&index.search("a7", Some(&previous)), members.len()),
            [70],
            "extending the query narrows the earlier matches"
        );
        assert_eq!(
            matched(&index.search("A a7", Some(&previous)), members.len()),
            [70],
            "a new term extends it too"
        );
        // Not an extension: the whole index is searched again.
        let mut unrelated = index.search("b", None);
        unrelated.bits = previous.bits.clone();
        assert_eq!(
            matched(&index.search("a7", Some(&unrelated)), members.len()),
            [7, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79]
        );
        // Matches of another index (here, of another size) are never used.
        let (other_members, other) = named_a(10);
        assert_eq!(
            matched(&other.search("a", Some(&previous)), other_members.len()).len(),
            10
        );
    }

    #[test]
    fn an_empty_query_matches_everyone_and_narrows_nothing_after_it() {
        let (members, index) = named_a(5);
        let empty = index.search("  ", None);
        assert_eq!(empty.bits(), None);
        assert_eq!(
            matched(&index.search("a1", Some(&empty)), members.len()),
            [1]
        );
    }

    fn plain_member(i: usize) -> Member {
        Member {
            id: format!("m{i}"),
            name: members_feed::Localized::en(String::new()),
            aliases: Vec::new(),
            kinds: vec![members_feed::Kind::Adopter],
            website: "https://example.com/".into(),
            logo: None,
            industry: None,
            country: None,
            usage: members_feed::Localized::en("u".into()),
            joined: None,
            announcement: None,
            case_studies: Vec::new(),
            partner: None,
            featured: None,
        }
    }

    #[test]
    fn latin_terms_match_at_word_starts_and_chinese_anywhere() {
        let mut retail = plain_member(0);
        retail.name.en = "Retail Group".into();
        let mut ai = plain_member(1);
        ai.name.en = "Deep AI".into();
        ai.name.zh = Some("小红书".into());
        let mut talk = plain_member(2);
        talk.case_studies = vec![members_feed::CaseStudy {
            title: members_feed::Localized::en("KubeCon China talk".into()),
            url: members_feed::Localized::en("https://example.com/t".into()),
            kind: members_feed::CaseStudyKind::Video,
        }];
        let members = [retail, ai, talk];
        let index = SearchIndex::new(&members);
        let found = |query: &str| -> Vec<usize> {
            (0..members.len())
                .filter(|&i| index.matches(i, &terms(query)))
                .collect()
        };
        assert_eq!(found("ai"), [1]);
        assert_eq!(found("ret"), [0]);
        assert_eq!(found("tail"), Vec::<usize>::new());
        assert_eq!(found("红书"), [1]);
        assert_eq!(found("kubecon"), [2]);
        // The scan over the whole text agrees with the member-by-member check.
        let bits = index.match_bits(&terms("ai"));
        assert_eq!(bits[0] & 0b111, 0b010);
        assert_eq!(highlight_ranges("Retail AI", "ai"), vec![7..9]);
    }

    #[test]
    fn a_members_kind_is_found_by_its_name() {
        let mut vendor = plain_member(0);
        vendor.kinds = vec![members_feed::Kind::Vendor, members_feed::Kind::Partner];
        let mut multi_vendor = plain_member(1);
        multi_vendor.usage = members_feed::Localized::en("Runs on a multi-vendor cloud".into());
        let members = [vendor, multi_vendor, plain_member(2)];
        let index = SearchIndex::new(&members);
        let found = |query: &str| -> Vec<usize> {
            (0..members.len())
                .filter(|&i| index.matches(i, &terms(query)))
                .collect()
        };
        assert_eq!(found("vendor"), [0, 1]);
        assert_eq!(found("vendors"), [0]);
        assert_eq!(found("供应商"), [0]);
        assert_eq!(found("partner"), [0]);
        assert_eq!(found("合作伙伴"), [0]);
        assert_eq!(found("adopter"), [1, 2]);
    }

    #[test]
    fn overlapping_terms_merge() {
        let text = "multi-cluster";
        assert_eq!(highlight_ranges(text, "multi cluster multi-c"), vec![0..13]);
        assert!(highlight_ranges(text, "").is_empty());
        assert!(highlight_ranges(text, "zzz").is_empty());
    }

    /// A member's text as search found it before kinds were matched apart: its haystack, then
    /// for each of its kinds the plural English name and the Chinese name, as fields.
    fn haystack_with_kinds(member: &Member) -> String {
        let mut text = String::new();
        push_haystack(member, &mut text);
        for &kind in &member.kinds {
            let (one, many) = crate::labels::kind_names(kind);
            for name in [many.en, one.zh] {
                normalize_into(name, &mut text);
                text.push(FIELD_SEPARATOR);
            }
        }
        text
    }

    /// Members whose names, usage and industries hold words of the kinds' names, parts of
    /// them, and words starting with `a`, of any mix of kinds.
    fn realistic_member() -> impl proptest::strategy::Strategy<Value = Member> {
        use proptest::sample::{select, subsequence};
        use proptest::strategy::Strategy;
        (
            select(vec![
                "Alibaba Cloud",
                "Adobe",
                "Bloomberg",
                "Vendorly",
                "Partnerships Inc",
                "AI Data Labs",
                "Zeta",
                "Adopters United",
                "ＡＤＯＰＴ",
                "Ádám Systems",
                "小红书",
            ]),
            select(vec![
                None,
                Some("阿里巴巴"),
                Some("采用者之家"),
                Some("供应商联盟"),
            ]),
            select(vec![
                "u",
                "Runs on a multi-vendor cloud",
                "An adopter since 2020",
                "automotive AI platform for partners",
                "训练平台 合作伙伴",
                "",
            ]),
            select(vec![
                None,
                Some("ai"),
                Some("automotive"),
                Some("retail"),
                Some("spacefaring"),
            ]),
            select(vec![None, Some("CN"), Some("AE"), Some("US")]),
            subsequence(Kind::ALL.to_vec(), 0..=3),
        )
            .prop_map(|(name, zh, usage, industry, country, kinds)| {
                let mut member = plain_member(0);
                member.name = members_feed::Localized {
                    en: name.into(),
                    zh: zh.map(Into::into),
                };
                member.usage = members_feed::Localized::en(usage.into());
                member.industry = industry.map(Into::into);
                member.country = country.map(Into::into);
                member.kinds = kinds;
                member
            })
    }

    proptest::proptest! {
        /// Matching the kinds' names apart from the members' text finds exactly the members
        /// whose text with their kinds' names holds every term, whether searched afresh,
        /// member by member, or narrowed from a shorter query.
        #[test]
        fn kinds_matched_apart_find_what_the_text_with_kinds_found(
            members in proptest::collection::vec(realistic_member(), 1..150),
            query in proptest::collection::vec(proptest::sample::select(vec![
                "a", "ad", "adopt", "adopters", "adoptersx", "Adopter", "alibaba", "ai",
                "automotive", "au", "vendor", "vendors", "供应商", "供应", "采用", "者", "伙伴",
                "partner", "p", "v", "s", "rs", "ers", "-", "x", "cloud", "multi-vendor", "2020",
                "阿里", "united", "e", "arab", "cn",
            ]), 1..4),
            typed in 0usize..30,
        ) {
            let index = SearchIndex::new(&members);
            let query = query.join(" ");
            let terms = terms(&query);
            let bits = index.match_bits(&terms);
            let prefix: String = query.chars().take(typed).collect();
            let narrowed = index.search(&query, Some(&index.search(&prefix, None)));
            let narrowed = narrowed.bits().expect("a query with terms");
            for (i, member) in members.iter().enumerate() {
                let text = haystack_with_kinds(member);
                let expected = terms.iter().all(|term| contains_term(&text, term));
                let found = [
                    bits[i / 64] & (1 << (i % 64)) != 0,
                    index.matches(i, &terms),
                    narrowed[i / 64] & (1 << (i % 64)) != 0,
                ];
                proptest::prop_assert_eq!(found, [expected; 3], "member {} ({:?}), query {:?}", i, text, query);
            }
        }
    }

    #[test]
    fn a_term_starting_with_a_looks_only_at_members_whose_own_words_start_with_a() {
        let mut members: Vec<Member> = (0..200)
            .map(|i| {
                let mut member = plain_member(i);
                member.name.en = format!("Bloomberg {i}");
                member
            })
            .collect();
        members[137].name.en = "Alibaba Cloud".into();
        members[42].kinds = vec![Kind::Vendor];
        let index = SearchIndex::new(&members);
        // Every member but one is an adopter, and "adopters" starts with `a`: the initials
        // must not count it.
        let mut bits = vec![u64::MAX; members.len().div_ceil(64)];
        let allowed = initial_bit(b'a').expect("a letter");
        assert_eq!(index.keep_word_initial(&mut bits, allowed), 1);
        assert_eq!(bits[137 / 64], 1 << (137 % 64));
        // What is found is as before: the kind's name still finds the adopters.
        let found = |query: &str| matched(&index.search(query, None), members.len());
        assert_eq!(found("alibaba"), [137]);
        assert_eq!(found("a").len(), 199);
        assert_eq!(found("adopters").len(), 199);
        assert!(!found("ad").contains(&42));
        assert_eq!(found("vendor bloomberg"), [42]);
    }
}
