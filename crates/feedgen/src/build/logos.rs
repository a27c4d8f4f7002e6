//! Logos: each member's from the facts, the partners list or its announcement (every
//! reference checked against the site's files), and the home page's hand-kept logo wall
//! against the adopters.

use std::collections::BTreeMap;

use members_feed::{Logo, Member};

use crate::logos::{self, ImageInfo, LOGO_DIR, LOGO_URL_BASE};
use crate::partners::{Partner, PARTNERS_FILE};
use crate::report::Diagnostic;
use crate::supporters::{self, SUPPORTERS_FILE};
use crate::table::Row;

use super::posts::PostPair;
use super::{Builder, EN_TABLE};

impl Builder {
    /// `src/data/supporters.js` (karmada.io's home-page logo wall) against the adopters and
    /// their logos; a site without it (our own sample content) has nothing to check.
    pub(super) fn check_logo_wall(&mut self, members: &[Member], rows: &BTreeMap<String, Row>) {
        let text = match self.site.read_text(SUPPORTERS_FILE) {
            Ok(Some(text)) => text,
            Ok(None) => return,
            Err(problem) => return self.report.push(problem),
        };
        let (wall, problems) = supporters::parse(&text);
        self.report.extend(problems);
        let adopters: Vec<supporters::Adopter> = members
            .iter()
            .filter_map(|member| {
                let row = rows.get(&member.id)?;
                Some(supporters::Adopter {
                    name: &row.name,
                    logo_file: member
                        .logo
                        .as_ref()
                        .and_then(|logo| logos::logo_file_of_url(&logo.url)),
                    row: (EN_TABLE, row.line),
                })
            })
            .collect();
        self.report.extend(supporters::drift(&wall, &adopters));
    }

    /// The header of a logo file of the site (cached); `None` inside when the file is absent.
    pub(super) fn logo_info(&mut self, file: &str) -> Result<Option<ImageInfo>, String> {
        if let Some(cached) = self.logo_cache.get(file) {
            return cached.clone();
        }
        let result = if file.contains('/') || file.contains("..") {
            Err("logo file name must not contain a path".to_string())
        } else {
            logos::read_logo(&self.site.path(&format!("{LOGO_DIR}/{file}")))
        };
        self.logo_cache.insert(file.to_string(), result.clone());
        result
    }

    /// Checks one reference to a logo file; returns its size when known. Without a
    /// `static/img/supporters` folder (our own content) nothing can be checked.
    fn check_logo_ref(&mut self, file: &str, path: &str, line: usize) -> Option<(u32, u32)> {
        if !self.site.exists(LOGO_DIR) {
            return None;
        }
        match self.logo_info(file) {
            Ok(Some(info)) => info.width.zip(info.height),
            Ok(None) => {
                self.report.push(Diagnostic::error(
                    path,
                    line,
                    format!("logo file {LOGO_DIR}/{file} is missing"),
                ));
                None
            }
            Err(why) => {
                self.report.push(Diagnostic::error(
                    format!("{LOGO_DIR}/{file}"),
                    1,
                    format!("logo {why}"),
                ));
                None
            }
        }
    }

    pub(super) fn logo_for(
        &mut self,
        id: &str,
        fact: Option<&crate::facts::Fact>,
        partner: Option<&Partner>,
        post: Option<&PostPair>,
    ) -> Option<Logo> {
        // Every reference is checked, whichever one gives the logo.
        let mut candidates: Vec<(String, Option<(u32, u32)>)> = Vec::new();
        if let Some(logo) = fact.and_then(|f| f.logo.as_ref()) {
            let (path, line) = (self.facts_shown.clone(), self.facts_line(id));
            let size = self.check_logo_ref(&logo.file, &path, line);
            if let (Some((w, h)), Some(fw), Some(fh)) = (size, logo.width, logo.height) {
                if (w, h) != (fw, fh) {
                    self.report.push(Diagnostic::warning(
                        path,
                        line,
                        format!(
                            "{id}: facts say {} is {fw}x{fh}, the file is {w}x{h}",
                            logo.file
                        ),
                    ));
                }
            }
            candidates.push((logo.file.clone(), size.or(logo.width.zip(logo.height))));
        }
        if let Some(file) = partner.and_then(|p| p.logo_file.clone()) {
            let line = partner.map(|p| p.line).unwrap_or(0);
            let size = self.check_logo_ref(&file, PARTNERS_FILE, line);
            candidates.push((file, size));
        }
        for post in post
            .into_iter()
            .flat_map(|p| std::iter::once(&p.en).chain(p.zh.as_ref()))
        {
            if let Some((url, line)) = &post.logo {
                if let Some(file) = logos::logo_file_of_url(url) {
                    let size = self.check_logo_ref(file, &post.path, *line);
                    candidates.push((file.to_string(), size));
                }
            }
        }
        let (file, size) = candidates.into_iter().next()?;
        Some(Logo {
            url: format!("{LOGO_URL_BASE}{file}"),
            width: size.map(|s| s.0),
            height: size.map(|s| s.1),
        })
    }
}
