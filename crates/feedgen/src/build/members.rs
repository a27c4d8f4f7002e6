//! The fifth stage: each member from what every source says about it.

use std::collections::BTreeSet;

use members_feed::{check_absolute_http_url, Kind, Localized, Member, PartnerInfo};

use crate::partners::ZH_CODE_JSON;
use crate::report::Diagnostic;

use super::{Builder, Sources, EN_TABLE};
use crate::partners::PARTNERS_FILE;

impl Builder {
    /// Every member, in id order, and the case-study docs that none of them uses.
    pub(super) fn members(&mut self, sources: &Sources) -> Vec<Member> {
        let mut used_docs: BTreeSet<String> = BTreeSet::new();
        let mut members: Vec<Member> = sources
            .ids
            .iter()
            .filter_map(|id| self.member(id, sources, &mut used_docs))
            .collect();
        for (stem, doc) in &sources.en_docs {
            if !used_docs.contains(stem) {
                self.report.push(Diagnostic::warning(
                    &doc.path,
                    1,
                    format!("case study {stem:?} is linked from no adopter row and no facts entry"),
                ));
            }
        }
        for (stem, doc) in &sources.zh_docs {
            if !used_docs.contains(stem) && !sources.en_docs.contains_key(stem) {
                self.report.push(Diagnostic::warning(
                    &doc.path,
                    1,
                    format!("case study {stem:?} is linked from no adopter row and no facts entry"),
                ));
            }
        }
        members.sort_by(|a, b| a.id.cmp(&b.id));
        members
    }

    /// The member `id`; None (reported) when it has no usable website anywhere.
    fn member(
        &mut self,
        id: &String,
        sources: &Sources,
        used_docs: &mut BTreeSet<String>,
    ) -> Option<Member> {
        let fact = self.facts.get(id).cloned();
        let en_row = sources.tables.en.get(id);
        let zh_row = sources.tables.zh.get(id);
        let partner = sources.partner_of.get(id);
        let post = sources.posts.get(id);

        let mut kinds = Vec::new();
        if en_row.is_some() {
            kinds.push(Kind::Adopter);
        }
        if partner.is_some() {
            kinds.push(Kind::Partner);
        }
        if fact
            .as_ref()
            .is_some_and(|f| f.kinds.iter().any(|k| k == "vendor"))
        {
            kinds.push(Kind::Vendor);
        }
        kinds.sort();

        let name_en = fact
            .as_ref()
            .map(|f| f.name.clone())
            .or_else(|| en_row.map(|r| r.name.clone()))
            .or_else(|| partner.map(|p| p.title.clone()))
            .unwrap_or_else(|| id.clone());
        let name_zh = fact
            .as_ref()
            .and_then(|f| f.name_zh.clone())
            .or_else(|| zh_row.map(|r| r.name.clone()).filter(|n| n != &name_en));

        let website = en_row
            .and_then(|r| r.website.clone())
            .or_else(|| zh_row.and_then(|r| r.website.clone()))
            .or_else(|| fact.as_ref().and_then(|f| f.website.clone()))
            .or_else(|| partner.map(|p| p.web_url.clone()));
        let Some(website) = website.and_then(|w| check_absolute_http_url(&w).ok()) else {
            let (path, line) = match (en_row, partner) {
                (Some(r), _) => (EN_TABLE.to_string(), r.line),
                (None, Some(p)) => (PARTNERS_FILE.to_string(), p.line),
                _ => (self.facts_shown.clone(), self.facts_line(id)),
            };
            self.report.push(Diagnostic::error(
                path,
                line,
                format!("{name_en:?} has no usable website anywhere (table, facts, partners); member left out of the feed"),
            ));
            return None;
        };

        let mut aliases: Vec<String> = fact.as_ref().map(|f| f.aliases.clone()).unwrap_or_default();
        for row in [en_row, zh_row].into_iter().flatten() {
            aliases.push(row.name.clone());
        }
        aliases.retain(|a| a != &name_en && Some(a) != name_zh.as_ref() && !a.trim().is_empty());
        aliases.sort();
        aliases.dedup();

        let usage = match (en_row, partner) {
            (Some(r), _) => Localized {
                en: r.usage.clone(),
                zh: zh_row.map(|z| z.usage.clone()).filter(|u| !u.is_empty()),
            },
            (None, Some(p)) => Localized {
                en: p.description.clone(),
                zh: p
                    .translate_id
                    .as_ref()
                    .and_then(|t| sources.zh_descriptions.get(t).cloned()),
            },
            _ => Localized::en(String::new()),
        };

        let logo = self.logo_for(id, fact.as_ref(), partner, post);

        let announcement = post.map(|pair| self.announcement(pair));
        let joined = post.map(|pair| pair.en.date.clone());

        let case_studies = self.case_studies(
            en_row,
            zh_row,
            fact.as_ref().map(|f| f.docs.clone()).unwrap_or_default(),
            &sources.en_docs,
            &sources.zh_docs,
            sources.docs_present,
            used_docs,
        );

        let quotable = self.quotable(post.zip(announcement.as_ref()), &case_studies, sources);
        let featured = fact
            .as_ref()
            .and_then(|f| f.featured.as_ref())
            .and_then(|named| self.featured(id, named, &quotable));
        self.quotable.insert(id.clone(), quotable);

        let partner_info = partner.map(|p| {
            let zh_desc = p
                .translate_id
                .as_ref()
                .and_then(|t| sources.zh_descriptions.get(t).cloned());
            if zh_desc.is_none() && zh_descriptions_present(&sources.zh_descriptions) {
                self.report.push(Diagnostic::warning(
                    ZH_CODE_JSON,
                    0,
                    format!(
                        "no Chinese description for partner {:?} ({})",
                        p.title,
                        p.translate_id.as_deref().unwrap_or("no Translate id")
                    ),
                ));
            }
            PartnerInfo {
                description: Localized {
                    en: p.description.clone(),
                    zh: zh_desc,
                },
                url: check_absolute_http_url(&p.web_url).unwrap_or_else(|_| website.clone()),
            }
        });

        Some(Member {
            id: id.clone(),
            name: Localized {
                en: name_en,
                zh: name_zh,
            },
            aliases,
            kinds,
            website,
            logo,
            industry: fact.as_ref().and_then(|f| f.industry.clone()),
            country: fact.as_ref().and_then(|f| f.country.clone()),
            usage,
            joined,
            announcement,
            case_studies,
            partner: partner_info,
            featured,
        })
    }
}

fn zh_descriptions_present(map: &std::collections::BTreeMap<String, String>) -> bool {
    !map.is_empty()
}
