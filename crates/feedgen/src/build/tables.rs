//! The first stage: the adopters tables, English and Chinese, joined by member id.

use std::collections::BTreeMap;

use crate::facts::{host_key, name_key, slugify};
use crate::report::Diagnostic;
use crate::table::{self, Row};

use super::{normalize_url, Builder, EN_TABLE, ZH_TABLE};

/// The adopters tables' rows by member id.
pub(super) struct Tables {
    pub(super) en: BTreeMap<String, Row>,
    pub(super) zh: BTreeMap<String, Row>,
}

impl Builder {
    /// Both tables, each row given its member's id; rows that cannot be joined are reported
    /// and left out.
    pub(super) fn tables(&mut self) -> Tables {
        let en = self.english_rows();
        let zh = self.chinese_rows(&en);
        for (id, row) in &en {
            if !zh.contains_key(id) {
                self.report.push(Diagnostic::error(
                    EN_TABLE,
                    row.line,
                    format!(
                        "{:?} is in the English table but not in the Chinese table",
                        row.name
                    ),
                ));
            }
        }
        Tables { en, zh }
    }

    /// The English table: the facts name each row's id, else its name does.
    fn english_rows(&mut self) -> BTreeMap<String, Row> {
        let en_rows = self.table(EN_TABLE);
        let mut en: BTreeMap<String, Row> = BTreeMap::new();
        let mut en_order = Vec::new();
        for row in en_rows {
            let id = match self.facts.resolve(&row.name, row.website.as_deref()) {
                Some(id) => id.to_string(),
                None => {
                    let id = slugify(&row.name);
                    self.report.push(Diagnostic::warning(
                        EN_TABLE,
                        row.line,
                        format!(
                            "{:?} has no facts entry; id {id:?} derived from the name",
                            row.name
                        ),
                    ));
                    id
                }
            };
            if let Some(first) = en.get(&id) {
                self.report.push(duplicate_row(EN_TABLE, &id, &row, first));
                continue;
            }
            en_order.push((row.line, row.name.clone(), row.name.clone()));
            en.insert(id, row);
        }
        self.report
            .extend(table::order_warnings(&en_order, EN_TABLE));
        en
    }

    /// The Chinese table, each row joined to an English one (by facts, website host or name).
    fn chinese_rows(&mut self, en: &BTreeMap<String, Row>) -> BTreeMap<String, Row> {
        let zh_rows = self.table(ZH_TABLE);
        let mut zh: BTreeMap<String, Row> = BTreeMap::new();
        let mut zh_order = Vec::new();
        for row in zh_rows {
            let id = self
                .facts
                .resolve(&row.name, row.website.as_deref())
                .map(str::to_string)
                .or_else(|| {
                    // No facts: the same website host, else the same name.
                    let host = row.website.as_deref().and_then(host_key);
                    en.iter()
                        .find(|(_, r)| {
                            host.is_some() && r.website.as_deref().and_then(host_key) == host
                        })
                        .or_else(|| {
                            en.iter()
                                .find(|(_, r)| name_key(&r.name) == name_key(&row.name))
                        })
                        .map(|(id, _)| id.clone())
                });
            let Some(id) = id.filter(|id| en.contains_key(id)) else {
                self.report.push(Diagnostic::error(
                    ZH_TABLE,
                    row.line,
                    format!(
                        "{:?} is in the Chinese table but not in the English table",
                        row.name
                    ),
                ));
                continue;
            };
            if let Some(first) = zh.get(&id) {
                self.report.push(duplicate_row(ZH_TABLE, &id, &row, first));
                continue;
            }
            let en_row = &en[&id];
            if let (Some(a), Some(b)) = (&en_row.website, &row.website) {
                if normalize_url(a) != normalize_url(b) {
                    self.report.push(Diagnostic::warning(
                        ZH_TABLE,
                        row.line,
                        format!(
                            "{:?} website {b} differs from the English table ({a}, line {})",
                            row.name, en_row.line
                        ),
                    ));
                }
            }
            let shown = if row.name == en_row.name {
                row.name.clone()
            } else {
                format!("{} ({})", row.name, en_row.name)
            };
            zh_order.push((row.line, shown, en_row.name.clone()));
            zh.insert(id, row);
        }
        self.report
            .extend(table::order_warnings(&zh_order, ZH_TABLE));
        zh
    }
}

/// A second row of `table` that names the member `first` already is: left out.
fn duplicate_row(table: &str, id: &str, row: &Row, first: &Row) -> Diagnostic {
    Diagnostic::error(
        table,
        row.line,
        format!(
            "duplicate id {id:?}: {:?} and {:?} (line {}) are the same member; row left out",
            row.name, first.name, first.line
        ),
    )
}
