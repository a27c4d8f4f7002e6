//! The partners list (`src/data/partners.js` and its Chinese descriptions), joined to the
//! adopters, and the facts the sources contradict or never use.

use std::collections::{BTreeMap, BTreeSet};

use members_feed::check_absolute_http_url;

use crate::facts::{host_key, name_key, slugify};
use crate::partners::{self, Partner, PARTNERS_FILE, ZH_CODE_JSON};
use crate::report::Diagnostic;
use crate::table::Row;

use super::Builder;

impl Builder {
    /// The partners by member id: the facts name each one's id, else an adopter with the same
    /// name or website host does.
    pub(super) fn partners_by_id(
        &mut self,
        partner_list: Vec<Partner>,
        en: &BTreeMap<String, Row>,
    ) -> BTreeMap<String, Partner> {
        let mut partner_of: BTreeMap<String, Partner> = BTreeMap::new();
        for partner in partner_list {
            let id = self
                .facts
                .resolve(&partner.title, Some(&partner.web_url))
                .map(str::to_string)
                .or_else(|| {
                    let host = host_key(&partner.web_url);
                    en.iter()
                        .find(|(_, r)| name_key(&r.name) == name_key(&partner.title))
                        .or_else(|| {
                            en.iter().find(|(_, r)| {
                                host.is_some() && r.website.as_deref().and_then(host_key) == host
                            })
                        })
                        .map(|(id, _)| id.clone())
                })
                .unwrap_or_else(|| {
                    let id = slugify(&partner.title);
                    self.report.push(Diagnostic::warning(
                        PARTNERS_FILE,
                        partner.line,
                        format!(
                            "partner {:?} has no facts entry and no adopter row; id {id:?} derived from the name",
                            partner.title
                        ),
                    ));
                    id
                });
            if partner_of.contains_key(&id) {
                self.report.push(Diagnostic::error(
                    PARTNERS_FILE,
                    partner.line,
                    format!(
                        "duplicate id {id:?}: partner {:?} is listed twice; left out",
                        partner.title
                    ),
                ));
                continue;
            }
            partner_of.insert(id, partner);
        }
        partner_of
    }

    /// Facts entries that no source uses, and kinds the sources contradict.
    pub(super) fn check_facts(
        &mut self,
        ids: &BTreeSet<String>,
        en: &BTreeMap<String, Row>,
        partner_of: &BTreeMap<String, Partner>,
    ) {
        let fact_ids: Vec<String> = self.facts.members.keys().cloned().collect();
        for id in fact_ids {
            let fact = &self.facts.members[&id];
            let line = self.facts_line(&id);
            let shown = self.facts_shown.clone();
            if !ids.contains(&id) {
                self.report.push(Diagnostic::warning(
                    shown,
                    line,
                    format!("facts entry {id:?} matches no adopter row and no partner"),
                ));
                continue;
            }
            let says = |k: &str| fact.kinds.iter().any(|x| x == k);
            if says("adopter") && !en.contains_key(&id) {
                self.report.push(Diagnostic::warning(
                    shown.clone(),
                    line,
                    format!(
                        "facts say {id:?} is an adopter, but the adopters table has no row for it"
                    ),
                ));
            }
            if says("partner") && !partner_of.contains_key(&id) {
                self.report.push(Diagnostic::warning(
                    shown.clone(),
                    line,
                    format!("facts say {id:?} is a partner, but {PARTNERS_FILE} does not list it"),
                ));
            }
            if !says("partner") && partner_of.contains_key(&id) {
                self.report.push(Diagnostic::warning(
                    shown,
                    line,
                    format!("{id:?} is listed as a partner but its facts do not say partner"),
                ));
            }
        }
    }

    /// The partners list and the Chinese descriptions by their `Translate` id.
    pub(super) fn partners(&mut self) -> (Vec<Partner>, BTreeMap<String, String>) {
        let list = if !self.site.exists(PARTNERS_FILE) {
            self.report.push(Diagnostic::warning(
                PARTNERS_FILE,
                0,
                "file not found; no partners in the feed",
            ));
            Vec::new()
        } else if let Some(text) = self.read(PARTNERS_FILE, true) {
            let (list, diags) = partners::parse_partners(&text, PARTNERS_FILE);
            self.report.extend(diags);
            list
        } else {
            Vec::new()
        };
        let zh = match self.read(ZH_CODE_JSON, false) {
            Some(text) => match partners::parse_code_json(&text, ZH_CODE_JSON) {
                Ok(map) => map,
                Err(d) => {
                    self.report.push(d);
                    BTreeMap::new()
                }
            },
            None => BTreeMap::new(),
        };
        for p in &list {
            if let Err(why) = check_absolute_http_url(&p.web_url) {
                self.report.push(Diagnostic::error(
                    PARTNERS_FILE,
                    p.line,
                    format!(
                        "partner {:?} webURL {:?} refused: {}",
                        p.title,
                        p.web_url,
                        why.message()
                    ),
                ));
            } else if p.web_url.starts_with("http://") {
                self.report.push(Diagnostic::warning(
                    PARTNERS_FILE,
                    p.line,
                    format!("partner {:?} webURL {} is not https", p.title, p.web_url),
                ));
            }
        }
        (list, zh)
    }
}
