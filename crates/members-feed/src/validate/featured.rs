//! What makes a featured quote one: the member's own words from the page it names.

use super::{remove_invisible, Problem, Severity};
use crate::model::{Member, MAX_QUOTE_CHARS};
use crate::sentences::{quotable, sentences};

/// Keeps `member.featured` only when it quotes a sentence of the member's announcement (in
/// each language it quotes) or names one of its case studies; a Chinese quote that is not in
/// the Chinese announcement is dropped alone. Runs after the announcement and the case studies
/// were checked, so a link they lost is not quoted from either.
pub(crate) fn check(member: &mut Member, base: &str, problems: &mut Vec<Problem>) {
    let Some(featured) = &mut member.featured else {
        return;
    };
    let mut drop = |field: &str, reason: &str| {
        problems.push(Problem {
            path: format!("{base}.featured{field}"),
            reason: reason.into(),
            severity: Severity::Dropped,
        });
    };
    if featured
        .quote
        .zh
        .as_deref()
        .is_some_and(|zh| zh.trim().is_empty())
    {
        featured.quote.zh = None;
    }
    let quotes = [Some(&mut featured.quote.en), featured.quote.zh.as_mut()];
    if quotes.into_iter().flatten().any(|quote| {
        remove_invisible(quote);
        !quotable(quote)
    }) {
        drop(
            "",
            &format!("a quote is empty or longer than {MAX_QUOTE_CHARS} characters; not featured"),
        );
        member.featured = None;
        return;
    }
    let from_announcement = member.announcement.as_ref().filter(|announcement| {
        !featured.source.is_empty() && announcement.url.en == featured.source
    });
    if let Some(announcement) = from_announcement {
        if !sentences(&announcement.content.en).contains(&featured.quote.en) {
            drop(
                ".quote.en",
                "not a sentence of the member's announcement; not featured",
            );
            member.featured = None;
            return;
        }
        if let Some(zh) = &featured.quote.zh {
            let in_chinese = announcement.content.zh.as_ref().map(sentences);
            if !in_chinese.is_some_and(|said| said.contains(zh)) {
                drop(
                    ".quote.zh",
                    "not a sentence of the member's Chinese announcement; English shown",
                );
                featured.quote.zh = None;
            }
        }
        return;
    }
    let names_a_case_study = member
        .case_studies
        .iter()
        .any(|study| study.url.en == featured.source);
    if !names_a_case_study {
        drop(
            ".source",
            "names neither the member's announcement nor one of its case studies; not featured",
        );
        member.featured = None;
    }
}
