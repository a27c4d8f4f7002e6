//! One member of a feed: built from its JSON text (`from_json`, which names where a value of
//! the wrong type is), then held to the rules the types cannot express (slug id, kinds, an `http(s)` website, safe links, clean text).

use crate::json;
use crate::model::{Member, MAX_INDUSTRY_BYTES};
use crate::rules::{is_iso_date, is_slug};
use crate::url::{check_absolute_http_url, check_url};

use super::document::sanitize_document;
use super::from_json::FromJson;
use super::{remove_invisible, Problem, Severity, MAX_USAGE_CHARS};

/// `text` cut to [`MAX_USAGE_CHARS`] (with an ellipsis); whether it was longer.
fn cut_usage(text: &mut String) -> bool {
    match text.char_indices().nth(MAX_USAGE_CHARS) {
        Some((at, _)) => {
            text.truncate(at);
            text.push('…');
            true
        }
        None => false,
    }
}

/// One member, or `None` with the reason in `problems`.
pub(super) fn read_member(raw: &str, base: &str, problems: &mut Vec<Problem>) -> Option<Member> {
    // One member at a time: peak memory stays one member's tree.
    let read = json::parse(raw)
        .map_err(|error| (String::new(), error.message.to_string()))
        .and_then(|value| Member::from_json(value).map_err(|error| (error.path(), error.reason)));
    let member = match read {
        Ok(member) => member,
        Err((inner, reason)) => {
            problems.push(Problem {
                path: if inner.is_empty() {
                    base.to_string()
                } else {
                    format!("{base}.{inner}")
                },
                reason,
                severity: Severity::Skipped,
            });
            return None;
        }
    };
    check_member(member, base, problems)
}

fn check_member(mut member: Member, base: &str, problems: &mut Vec<Problem>) -> Option<Member> {
    let skip = |problems: &mut Vec<Problem>, field: &str, reason: String| {
        problems.push(Problem {
            path: format!("{base}.{field}"),
            reason,
            severity: Severity::Skipped,
        });
    };
    if !is_slug(&member.id) {
        skip(
            problems,
            "id",
            "not a slug (lowercase letters, digits and inner hyphens)".into(),
        );
        return None;
    }
    // Names and titles as they read: nothing invisible, nothing that turns the text around.
    let mut cleaned = Vec::new();
    let mut clean = |field: String, text: &mut String| {
        if remove_invisible(text) {
            cleaned.push(field);
        }
    };
    clean("name.en".into(), &mut member.name.en);
    if let Some(zh) = &mut member.name.zh {
        clean("name.zh".into(), zh);
    }
    for (i, alias) in member.aliases.iter_mut().enumerate() {
        clean(format!("aliases[{i}]"), alias);
    }
    if let Some(announcement) = &mut member.announcement {
        clean("announcement.title.en".into(), &mut announcement.title.en);
        if let Some(zh) = &mut announcement.title.zh {
            clean("announcement.title.zh".into(), zh);
        }
    }
    for (i, study) in member.case_studies.iter_mut().enumerate() {
        clean(format!("caseStudies[{i}].title.en"), &mut study.title.en);
        if let Some(zh) = &mut study.title.zh {
            clean(format!("caseStudies[{i}].title.zh"), zh);
        }
    }
    for field in cleaned {
        problems.push(Problem {
            path: format!("{base}.{field}"),
            reason: "invisible or direction-changing characters removed".into(),
            severity: Severity::Cleaned,
        });
    }
    let mut cut = |field: &str, text: &mut String| {
        if cut_usage(text) {
            problems.push(Problem {
                path: format!("{base}.{field}"),
                reason: format!("longer than {MAX_USAGE_CHARS} characters; cut there"),
                severity: Severity::Cleaned,
            });
        }
    };
    cut("usage.en", &mut member.usage.en);
    if let Some(zh) = &mut member.usage.zh {
        cut("usage.zh", zh);
    }
    if member.name.en.trim().is_empty() {
        skip(problems, "name.en", "empty name".into());
        return None;
    }
    if member.kinds.is_empty() {
        skip(
            problems,
            "kinds",
            "no kinds: a member is at least one of adopter, vendor, partner".into(),
        );
        return None;
    }
    member.kinds.sort();
    member.kinds.dedup();
    match check_absolute_http_url(&member.website) {
        Ok(url) => member.website = url,
        Err(why) => {
            skip(problems, "website", why.message().into());
            return None;
        }
    }

    let mut drop = |field: &str, reason: String| {
        problems.push(Problem {
            path: format!("{base}.{field}"),
            reason,
            severity: Severity::Dropped,
        });
    };
    if let Some(logo) = &mut member.logo {
        match check_url(&logo.url) {
            Ok(url) => logo.url = url,
            Err(why) => {
                drop("logo.url", format!("{}; logo dropped", why.message()));
                member.logo = None;
            }
        }
    }
    if let Some(country) = &member.country {
        if !(country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase())) {
            drop(
                "country",
                "not an ISO 3166-1 alpha-2 code; country dropped".into(),
            );
            member.country = None;
        }
    }
    if member
        .industry
        .as_deref()
        .is_some_and(|industry| industry.trim().is_empty())
    {
        member.industry = None;
    }
    if let Some(industry) = &member.industry {
        if industry.len() > MAX_INDUSTRY_BYTES || industry.chars().any(char::is_control) {
            drop(
                "industry",
                format!(
                    "longer than {MAX_INDUSTRY_BYTES} bytes or holds control characters, so it \
                     could not be a filter; industry dropped"
                ),
            );
            member.industry = None;
        }
    }
    if let Some(joined) = &member.joined {
        if !is_iso_date(joined) {
            drop("joined", "not a YYYY-MM-DD date; dropped".into());
            member.joined = None;
        }
    }
    if let Some(announcement) = &mut member.announcement {
        let mut keep = true;
        if !is_iso_date(&announcement.date) {
            drop(
                "announcement.date",
                "not a YYYY-MM-DD date; announcement dropped".into(),
            );
            keep = false;
        }
        if keep {
            for (lang, url) in [
                ("en", Some(&mut announcement.url.en)),
                ("zh", announcement.url.zh.as_mut()),
            ] {
                if let Some(url) = url {
                    if let Err(why) = check_url(url) {
                        drop(
                            &format!("announcement.url.{lang}"),
                            format!("{}; link removed", why.message()),
                        );
                        url.clear();
                    }
                }
            }
            sanitize_document(
                &mut announcement.content.en,
                &format!("{base}.announcement.content.en"),
                problems,
            );
            if let Some(zh) = &mut announcement.content.zh {
                sanitize_document(zh, &format!("{base}.announcement.content.zh"), problems);
            }
        } else {
            member.announcement = None;
        }
    }
    let mut index = 0;
    member.case_studies.retain_mut(|study| {
        let path = format!("{base}.caseStudies[{index}]");
        index += 1;
        match check_url(&study.url.en) {
            Ok(url) => study.url.en = url,
            Err(why) => {
                problems.push(Problem {
                    path: format!("{path}.url.en"),
                    reason: format!("{}; case study dropped", why.message()),
                    severity: Severity::Dropped,
                });
                return false;
            }
        }
        if let Some(zh) = &study.url.zh {
            if let Err(why) = check_url(zh) {
                problems.push(Problem {
                    path: format!("{path}.url.zh"),
                    reason: format!("{}; English link used", why.message()),
                    severity: Severity::Dropped,
                });
                study.url.zh = None;
            }
        }
        // Each title against each link it may be shown with (a page shows its language's title,
        // or the English one, over its language's link, or the English one).
        let titles = [Some(&study.title.en), study.title.zh.as_ref()];
        let links = [Some(&study.url.en), study.url.zh.as_ref()];
        if let Some(title) = titles.into_iter().flatten().find(|title| {
            links
                .into_iter()
                .flatten()
                .any(|link| crate::url::title_misleads(title, link))
        }) {
            problems.push(Problem {
                path: format!("{path}.title"),
                reason: format!(
                    "the title {} is a web address other than its link; case study dropped",
                    super::quoted(&title.chars().take(80).collect::<String>())
                ),
                severity: Severity::Dropped,
            });
            return false;
        }
        true
    });
    if let Some(partner) = &mut member.partner {
        match check_url(&partner.url) {
            Ok(url) => partner.url = url,
            Err(why) => {
                problems.push(Problem {
                    path: format!("{base}.partner.url"),
                    reason: format!("{}; website used instead", why.message()),
                    severity: Severity::Dropped,
                });
                partner.url = member.website.clone();
            }
        }
    }
    super::featured::check(&mut member, base, problems);
    Some(member)
}
