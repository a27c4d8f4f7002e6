//! Each member's case studies: the tables' links (en + zh) and the facts' docs, joined so that
//! a doc of the site in both languages is one case study.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use members_feed::{CaseStudy, CaseStudyKind, Localized};

use crate::casestudies::{self, CaseDoc, DOCS_DIR};
use crate::markdown;
use crate::report::Diagnostic;
use crate::table::{CaseCell, Row};

use super::{Builder, EN_TABLE, ZH_TABLE};

#[derive(Default)]
struct StudyDraft {
    title_en: Option<String>,
    title_zh: Option<String>,
    url_en: Option<String>,
    url_zh: Option<String>,
    kind: Option<CaseStudyKind>,
}

impl Builder {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn case_studies(
        &mut self,
        en_row: Option<&Row>,
        zh_row: Option<&Row>,
        fact_docs: Vec<String>,
        en_docs: &BTreeMap<String, CaseDoc>,
        zh_docs: &BTreeMap<String, CaseDoc>,
        docs_present: bool,
        used: &mut BTreeSet<String>,
    ) -> Vec<CaseStudy> {
        let mut order: Vec<String> = Vec::new();
        let mut drafts: HashMap<String, StudyDraft> = HashMap::new();
        let add = |key: String, order: &mut Vec<String>| -> String {
            if !order.contains(&key) {
                order.push(key.clone());
            }
            key
        };
        for (row, is_zh) in [(en_row, false), (zh_row, true)] {
            let Some(row) = row else { continue };
            let path = if is_zh { ZH_TABLE } else { EN_TABLE };
            for cell in &row.case_studies {
                let CaseCell::Link(link) = cell else { continue };
                let url = link.url();
                if url.chars().any(char::is_whitespace) || members_feed::check_url(&url).is_err() {
                    continue; // reported by the table reader
                }
                let (key, kind) = match casestudies::doc_stem(&url) {
                    Some(stem) => {
                        if docs_present
                            && !en_docs.contains_key(&stem)
                            && !zh_docs.contains_key(&stem)
                        {
                            self.report.push(Diagnostic::error(
                                path,
                                row.line,
                                format!("{:?} links case study {url:?}, but {DOCS_DIR}/{stem}.md does not exist", row.name),
                            ));
                        }
                        (format!("doc:{stem}"), CaseStudyKind::Doc)
                    }
                    None => (url.clone(), casestudies::kind_of(&url)),
                };
                let key = add(key, &mut order);
                let d = drafts.entry(key).or_default();
                d.kind = Some(kind);
                if is_zh {
                    d.title_zh.get_or_insert(link.text.clone());
                    d.url_zh.get_or_insert(url);
                } else {
                    d.title_en.get_or_insert(link.text.clone());
                    d.url_en.get_or_insert(url);
                }
            }
        }
        for stem in fact_docs {
            let key = add(format!("doc:{stem}"), &mut order);
            drafts.entry(key).or_default().kind = Some(CaseStudyKind::Doc);
        }
        let mut out = Vec::new();
        for key in order {
            let d = drafts.remove(&key).unwrap_or_default();
            if let Some(stem) = key.strip_prefix("doc:") {
                used.insert(stem.to_string());
                let en_doc = en_docs.get(stem);
                let zh_doc = zh_docs.get(stem);
                let title_en = en_doc
                    .map(|d| d.title.clone())
                    .or(d.title_en.clone())
                    .or_else(|| zh_doc.map(|d| d.title.clone()))
                    .or(d.title_zh.clone())
                    .unwrap_or_else(|| stem.to_string());
                let title_zh = zh_doc
                    .map(|d| d.title.clone())
                    .or(d.title_zh.clone())
                    .filter(|t| t != &title_en);
                let has_en = en_doc.is_some() || d.url_en.is_some() || !docs_present;
                let has_zh = zh_doc.is_some() || d.url_zh.is_some();
                let url_en = casestudies::doc_url(stem, !has_en);
                let url_zh = (has_zh && has_en).then(|| casestudies::doc_url(stem, true));
                out.push(CaseStudy {
                    title: Localized {
                        en: title_en,
                        zh: title_zh,
                    },
                    url: Localized {
                        en: url_en,
                        zh: url_zh,
                    },
                    kind: CaseStudyKind::Doc,
                });
            } else {
                let url_en = d.url_en.clone().or(d.url_zh.clone()).unwrap_or(key.clone());
                let title_en = d
                    .title_en
                    .clone()
                    .or(d.title_zh.clone())
                    .unwrap_or_default();
                let absolute = |u: String| match markdown::resolve_url(&u) {
                    Ok(r) => r,
                    Err(_) => u,
                };
                out.push(CaseStudy {
                    title: Localized {
                        zh: d.title_zh.filter(|t| t != &title_en),
                        en: title_en,
                    },
                    url: Localized {
                        zh: d.url_zh.filter(|u| u != &url_en).map(absolute),
                        en: absolute(url_en),
                    },
                    kind: d.kind.unwrap_or(CaseStudyKind::Product),
                });
            }
        }
        out
    }
}
