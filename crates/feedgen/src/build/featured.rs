//! Featured members: the sentence the facts name, checked against the page it is from.

use members_feed::sentences::{quotable, sentences};
use members_feed::{Announcement, CaseStudy, Featured, Localized, MAX_QUOTE_CHARS};

use crate::casestudies::{self, CaseDoc};
use crate::facts::{fingerprint, FeaturedFact, SentenceRef};
use crate::markdown::{self, Context};
use crate::posts;
use crate::report::Diagnostic;

use super::posts::PostPair;
use super::{Builder, Sources};

/// What the facts call a member's announcement as the page a quote is from.
pub const FROM_ANNOUNCEMENT: &str = "announcement";
/// What the facts put before a case-study doc's stem: `case-study:<stem>`.
pub const FROM_CASE_STUDY: &str = "case-study:";

/// A page a member could be featured with, sentence by sentence (numbered from 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quotable {
    /// How the facts name the page: `announcement` or `case-study:<stem>`.
    pub from: String,
    /// The page's English address as the feed links it: a featured quote's `source`.
    pub source: String,
    /// The English page's file, for reports.
    pub path: String,
    pub en: Vec<String>,
    /// The Chinese version's file and sentences, where there is one.
    pub zh: Option<(String, Vec<String>)>,
}

/// What `feedgen sentences` prints: each page's sentences with their numbers and
/// fingerprints, in each language, and how the facts name one.
pub fn sentence_listing(id: &str, pages: &[Quotable]) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    if pages.is_empty() {
        let _ = writeln!(
            out,
            "{id} has no announcement and no case-study doc to quote."
        );
        return out;
    }
    for page in pages {
        let _ = writeln!(out, "{id}: from = {:?} ({})", page.from, page.path);
        let chinese = page.zh.iter().map(|(_, said)| ("zh", said.as_slice()));
        for (lang, said) in std::iter::once(("en", page.en.as_slice())).chain(chinese) {
            for (at, sentence) in said.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "  {lang} {:>3}  {}  {sentence}",
                    at + 1,
                    fingerprint(sentence)
                );
            }
        }
    }
    let _ = writeln!(
        out,
        "\n(! = longer than {MAX_QUOTE_CHARS} characters, cannot be quoted)\nIn the facts file, for example:\n[members.{id}.featured]\nfrom = {:?}\nen = {{ sentence = 1, fingerprint = {:?} }}",
        pages[0].from,
        pages[0].en.first().map(|first| fingerprint(first)).unwrap_or_default()
    );
    out
}

impl Builder {
    /// The pages a member could be quoted by: its announcement and its case-study docs.
    pub(super) fn quotable(
        &mut self,
        announced: Option<(&PostPair, &Announcement)>,
        case_studies: &[CaseStudy],
        sources: &Sources,
    ) -> Vec<Quotable> {
        let mut pages = Vec::new();
        if let Some((pair, announcement)) = announced {
            pages.push(Quotable {
                from: FROM_ANNOUNCEMENT.into(),
                source: announcement.url.en.clone(),
                path: pair.en.path.clone(),
                en: sentences(&announcement.content.en),
                zh: pair
                    .zh
                    .as_ref()
                    .zip(announcement.content.zh.as_ref())
                    .map(|(post, content)| (post.path.clone(), sentences(content))),
            });
        }
        for study in case_studies {
            let Some(stem) = casestudies::doc_stem(&study.url.en) else {
                continue;
            };
            let Some(doc) = sources.en_docs.get(&stem) else {
                continue;
            };
            pages.push(Quotable {
                from: format!("{FROM_CASE_STUDY}{stem}"),
                source: study.url.en.clone(),
                path: doc.path.clone(),
                en: doc_sentences(doc),
                zh: sources
                    .zh_docs
                    .get(&stem)
                    .map(|doc| (doc.path.clone(), doc_sentences(doc))),
            });
        }
        pages
    }

    /// The member's featured quote as `named`; an error at the facts' line when the page or
    /// the sentence named is not there.
    pub(super) fn featured(
        &mut self,
        id: &str,
        named: &FeaturedFact,
        quotable: &[Quotable],
    ) -> Option<Featured> {
        let line = crate::facts::featured_line(&self.facts_text, id).unwrap_or(0);
        let shown = self.facts_shown.clone();
        let Some(page) = quotable.iter().find(|page| page.from == named.from) else {
            let has: Vec<&str> = quotable.iter().map(|page| page.from.as_str()).collect();
            self.report.push(Diagnostic::error(
                shown,
                line,
                format!(
                    "{id}: featured from {:?}, which is not one of its pages (it has: {}); not featured",
                    named.from,
                    if has.is_empty() { "none".to_string() } else { has.join(", ") }
                ),
            ));
            return None;
        };
        let en = self.named_sentence(id, &named.en, &page.en, &page.path, line)?;
        let zh = match (&named.zh, &page.zh) {
            (Some(wanted), Some((path, said))) => {
                Some(self.named_sentence(id, wanted, said, path, line)?)
            }
            // A site without the Chinese version has nothing to check it against.
            _ => None,
        };
        Some(Featured {
            quote: Localized { en, zh },
            source: page.source.clone(),
        })
    }

    /// The sentence `wanted` names among `said` (the sentences of `path`), or an error.
    fn named_sentence(
        &mut self,
        id: &str,
        wanted: &SentenceRef,
        said: &[String],
        path: &str,
        line: usize,
    ) -> Option<String> {
        let found = wanted
            .sentence
            .checked_sub(1)
            .and_then(|at| said.get(at))
            .filter(|sentence| fingerprint(sentence) == wanted.fingerprint);
        if let Some(sentence) = found.filter(|sentence| !quotable(sentence)) {
            self.report.push(Diagnostic::error(
                self.facts_shown.clone(),
                line,
                format!(
                    "{id}: featured sentence {} of {path} is longer than {MAX_QUOTE_CHARS} characters ({}); not featured",
                    wanted.sentence,
                    sentence.chars().count()
                ),
            ));
            return None;
        }
        if found.is_none() {
            let now_at = said
                .iter()
                .position(|sentence| fingerprint(sentence) == wanted.fingerprint)
                .map(|at| format!(" (that sentence is now number {})", at + 1))
                .unwrap_or_default();
            self.report.push(Diagnostic::error(
                self.facts_shown.clone(),
                line,
                format!(
                    "{id}: featured sentence {} of {path} is not the one named (fingerprint {}; \
                     the page has {} sentences){now_at}; `feedgen sentences --member {id}` lists them",
                    wanted.sentence,
                    wanted.fingerprint,
                    said.len()
                ),
            ));
        }
        found.cloned()
    }
}

/// The sentences of a case-study doc's body. What the Markdown reader finds wrong with it is
/// not reported: the doc is only linked, and only a sentence of it is used.
fn doc_sentences(doc: &CaseDoc) -> Vec<String> {
    let lines: Vec<&str> = doc.text.lines().collect();
    let skip = match posts::front_matter(&lines) {
        Ok(Some(front)) => front.lines,
        _ => 0,
    };
    let body = lines.get(skip..).unwrap_or_default().join("\n");
    let no_sizes = |_: &str| None;
    let (document, _) = markdown::to_document(
        &body,
        &Context {
            path: &doc.path,
            first_line: skip + 1,
            image_size: &no_sizes,
        },
    );
    sentences(&document)
}
