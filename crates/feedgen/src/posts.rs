//! The "Welcome X to the Karmada Adopter Group!" posts:
//! `blog/YYYY-MM-DD-<slug>-officially-joined-the-karmada-adopter-group/<file>.md` and the Chinese
//! twin under `i18n/zh/docusaurus-plugin-content-blog/<same path>`.
//!
//! No front matter upstream: the date comes from the folder name, the title from the H1, the
//! member's own text from the `## About X` / `## 关于X` section (up to the next H2). The rest of
//! the post (About Karmada Adopter Group, Join…) is the same in every post and stays out.
//!
//! URL rule (Docusaurus blog plugin, `parseBlogFileName`, for a post without `slug` front
//! matter): the source path relative to the blog folder is matched against
//! `^(folder.*)(YYYY-MM-DD)[-/]?(text.*?)(/index)?.mdx?$`, and the permalink is
//! `/blog/YYYY/MM/DD/<folder><text>`. So
//! `2025-09-11-bloomberg-officially-joined-the-karmada-adopter-group/bloomberg.md` is served at
//! `https://karmada.io/blog/2025/09/11/bloomberg-officially-joined-the-karmada-adopter-group/bloomberg`
//! (the file name stays in the URL unless it is `index.md`), and the Chinese post at the same
//! path under `https://karmada.io/zh/blog/`. A `slug:` in front matter replaces it with
//! `/blog/<slug>`.

use crate::facts::name_key;
use crate::markdown::{plain_text, resolve_url};
use crate::report::Diagnostic;
use pulldown_cmark::{Event, Options, Parser, Tag};

pub const BLOG_DIR: &str = "blog";
pub const ZH_BLOG_DIR: &str = "i18n/zh/docusaurus-plugin-content-blog";
pub const ANNOUNCEMENT_SUFFIX: &str = "-officially-joined-the-karmada-adopter-group";

/// One announcement post in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Post {
    /// Path relative to the site folder.
    pub path: String,
    /// Path relative to the blog folder (the same for both languages).
    pub rel: String,
    pub date: String,
    /// The `<slug>` of the folder name (`bloomberg`, `brain-inspired`).
    pub slug: String,
    /// `/YYYY/MM/DD/…` as Docusaurus makes it, to put after `/blog` or `/zh/blog`.
    pub permalink: String,
    pub title: String,
    /// `X` of `## About X` / `## 关于X`.
    pub member_name: String,
    pub about_line: usize,
    /// The Markdown of the member's section (after its heading, up to the next H2).
    pub section: String,
    /// Line of the file where `section` starts.
    pub section_line: usize,
    /// The first image of the section, resolved, with its line.
    pub logo: Option<(String, usize)>,
}

/// `(date, slug)` of an announcement folder or file name such as
/// `2025-09-11-bloomberg-officially-joined-the-karmada-adopter-group`.
pub fn parse_dir_name(name: &str) -> Option<(String, String)> {
    let stem = name
        .strip_suffix(".mdx")
        .or_else(|| name.strip_suffix(".md"))
        .unwrap_or(name);
    let rest = stem.strip_suffix(ANNOUNCEMENT_SUFFIX)?;
    let date = rest.get(..10)?;
    let slug = rest.get(10..)?.strip_prefix('-')?;
    if !is_date_shape(date) || slug.is_empty() {
        return None;
    }
    Some((date.to_string(), slug.to_string()))
}

fn is_date_shape(s: &str) -> bool {
    s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
}

/// Whether `YYYY-MM-DD` is a real calendar date: the feed reader's rule.
pub fn is_valid_date(s: &str) -> bool {
    members_feed::is_iso_date(s)
}

/// The Docusaurus permalink (after `/blog`) of a post without `slug` front matter, from its
/// path relative to the blog folder; `None` when the path has no date.
pub fn blog_permalink(rel: &str) -> Option<String> {
    let stem = rel
        .strip_suffix(".mdx")
        .or_else(|| rel.strip_suffix(".md"))?;
    let stem = stem.strip_suffix("/index").unwrap_or(stem);
    let bytes = stem.as_bytes();
    // `folder` is greedy: the last place where a date matches wins.
    for start in (0..bytes.len()).rev() {
        if let Some((date_len, date)) = date_at(&stem[start..]) {
            let mut text = &stem[start + date_len..];
            if let Some(t) = text.strip_prefix(['-', '/']) {
                text = t;
            }
            let folder = &stem[..start];
            return Some(format!("/{}/{folder}{text}", date.replace('-', "/")));
        }
    }
    None
}

/// `\d{4}[-/]\d{1,2}[-/]\d{1,2}` at the start of `s` (greedy), as (length, matched text).
fn date_at(s: &str) -> Option<(usize, &str)> {
    let b = s.as_bytes();
    let digits = |from: usize, max: usize| {
        b[from..]
            .iter()
            .take(max)
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    if b.len() < 8 || digits(0, 4) != 4 || !matches!(b[4], b'-' | b'/') {
        return None;
    }
    let m = digits(5, 2);
    if m == 0 || b.len() <= 5 + m || !matches!(b[5 + m], b'-' | b'/') {
        return None;
    }
    let d = digits(6 + m, 2);
    if d == 0 {
        return None;
    }
    let len = 6 + m + d;
    Some((len, &s[..len]))
}

pub(crate) struct FrontMatter {
    pub title: Option<String>,
    pub slug: Option<String>,
    /// Lines taken by the front matter block.
    pub lines: usize,
}

/// A `---` front matter block at the top: `title:` and `slug:` are read.
pub(crate) fn front_matter(lines: &[&str]) -> Result<Option<FrontMatter>, usize> {
    if lines.first().map(|l| l.trim()) != Some("---") {
        return Ok(None);
    }
    let Some(end) = lines.iter().skip(1).position(|l| l.trim() == "---") else {
        return Err(1);
    };
    let mut fm = FrontMatter {
        title: None,
        slug: None,
        lines: end + 2,
    };
    for line in &lines[1..=end] {
        if let Some((key, value)) = line.split_once(':') {
            let value = value
                .trim()
                .trim_matches(|c| c == '"' || c == '\'')
                .to_string();
            match key.trim() {
                "title" if !value.is_empty() => fm.title = Some(value),
                "slug" if !value.is_empty() => fm.slug = Some(value),
                _ => {}
            }
        }
    }
    Ok(Some(fm))
}

/// Whether an `About X` heading is the shared "About Karmada Adopter Group" boilerplate.
fn is_boilerplate_about(name: &str) -> bool {
    let key = name_key(name);
    key.starts_with("karmada") && (key.contains("adopter") || key.contains("用户组"))
}

/// `X` of `About X` / `关于X` (any case, optional spaces), when the heading is one.
fn about_name(heading: &str) -> Option<String> {
    let h = heading.trim();
    let rest = if h.len() >= 6 && h.get(..6).is_some_and(|p| p.eq_ignore_ascii_case("about ")) {
        &h[6..]
    } else {
        h.strip_prefix("关于")?
    };
    let name = plain_text(rest.trim());
    (!name.is_empty()).then_some(name)
}

/// Reads one post. `rel` is its path relative to the blog folder, `path` relative to the site.
pub fn parse_post(text: &str, path: &str, rel: &str) -> Result<Post, Diagnostic> {
    let first_dir = rel.split('/').next().unwrap_or(rel);
    let (date, slug) = parse_dir_name(first_dir).ok_or_else(|| {
        Diagnostic::error(
            path,
            0,
            format!(
                "announcement folder {first_dir:?} is not YYYY-MM-DD-<slug>{ANNOUNCEMENT_SUFFIX}"
            ),
        )
    })?;
    if !is_valid_date(&date) {
        return Err(Diagnostic::error(
            path,
            0,
            format!("folder name date {date} is not a valid date"),
        ));
    }
    let lines: Vec<&str> = text.lines().collect();
    let (fm_title, fm_slug, skip) = match front_matter(&lines) {
        Ok(Some(fm)) => (fm.title, fm.slug, fm.lines),
        Ok(None) => (None, None, 0),
        Err(line) => {
            return Err(Diagnostic::error(
                path,
                line,
                "front matter is not closed with ---",
            ))
        }
    };
    let mut fence = false;
    let mut h1 = None;
    let mut about: Option<(usize, String)> = None;
    let mut section_end = lines.len();
    for (i, line) in lines.iter().enumerate().skip(skip) {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = !fence;
            continue;
        }
        if fence {
            continue;
        }
        let heading2 = t.strip_prefix("## ").or_else(|| (t == "##").then_some(""));
        let heading1 = t.strip_prefix("# ");
        if let Some(h) = heading1 {
            if h1.is_none() && about.is_none() {
                h1 = Some(plain_text(h));
                continue;
            }
        }
        if about.is_some() && (heading1.is_some() || heading2.is_some()) {
            section_end = i;
            break;
        }
        if let Some(h) = heading2 {
            if let Some(name) = about_name(h) {
                if !is_boilerplate_about(&name) {
                    about = Some((i, name));
                }
            }
        }
    }
    let title = match (h1, fm_title) {
        (Some(h1), _) if !h1.is_empty() => h1,
        (_, Some(title)) => title,
        _ => {
            return Err(Diagnostic::error(
                path,
                skip + 1,
                "post has no H1 title (# Welcome … to the Karmada Adopter Group!)",
            ))
        }
    };
    let Some((about_index, member_name)) = about else {
        return Err(Diagnostic::error(
            path,
            skip + 1,
            "post has no \"## About <member>\" / \"## 关于<member>\" section",
        ));
    };
    let section = lines[about_index + 1..section_end].join("\n");
    let section_line = about_index + 2;
    let logo = first_image(&section).and_then(|(url, offset_line)| {
        resolve_url(&url)
            .ok()
            .map(|u| (u, section_line + offset_line - 1))
    });
    let permalink = match fm_slug {
        Some(slug) => format!("/{}", slug.trim_start_matches('/')),
        None => blog_permalink(rel).unwrap_or_else(|| format!("/{rel}")),
    };
    Ok(Post {
        path: path.to_string(),
        rel: rel.to_string(),
        date,
        slug,
        permalink,
        title,
        member_name,
        about_line: about_index + 1,
        section,
        section_line,
        logo,
    })
}

/// The first image of some Markdown: (raw target, 1-based line within it).
pub fn first_image(markdown: &str) -> Option<(String, usize)> {
    let index = crate::source::LineIndex::new(markdown);
    Parser::new_ext(markdown, Options::empty())
        .into_offset_iter()
        .find_map(|(event, range)| match event {
            Event::Start(Tag::Image { dest_url, .. }) => {
                Some((dest_url.to_string(), index.line(range.start)))
            }
            _ => None,
        })
}

/// The name in `Welcome X to the Karmada Adopter Group!` / `欢迎X加入 Karmada 用户组`.
pub fn welcome_name(title: &str) -> Option<String> {
    let t = title.trim();
    if let Some(rest) = t.strip_prefix("Welcome ") {
        let end = rest.find(" to the Karmada")?;
        return Some(rest[..end].trim().to_string());
    }
    let rest = t.strip_prefix("欢迎")?;
    let end = rest.find("加入")?;
    Some(rest[..end].trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const POST: &str = "# Welcome Example Corp to the Karmada Adopter Group!\n\nKarmada is thrilled to announce that **[Example](https://example.com)** joined.\n\n## About Example Corp\n\n![member logo](../../static/img/supporters/example.png)\n\nExample Corp makes\nexamples.\n\n### Products\n\n- one\n\n## About Karmada Adopter Group\n\nBoilerplate.\n\n## Join Karmada Adopter Group\n\nMore boilerplate.\n";

    #[test]
    fn reads_title_section_logo_and_url() {
        let rel = "2025-09-11-example-officially-joined-the-karmada-adopter-group/example.md";
        let post = parse_post(POST, &format!("blog/{rel}"), rel).unwrap();
        assert_eq!(post.date, "2025-09-11");
        assert_eq!(post.slug, "example");
        assert_eq!(
            post.title,
            "Welcome Example Corp to the Karmada Adopter Group!"
        );
        assert_eq!(post.member_name, "Example Corp");
        assert_eq!(post.about_line, 5);
        assert_eq!(post.section_line, 6);
        assert!(post.section.contains("### Products"));
        assert!(!post.section.contains("Boilerplate"));
        assert_eq!(
            post.logo,
            Some(("https://karmada.io/img/supporters/example.png".into(), 7))
        );
        assert_eq!(
            post.permalink,
            "/2025/09/11/example-officially-joined-the-karmada-adopter-group/example"
        );
        assert_eq!(welcome_name(&post.title).as_deref(), Some("Example Corp"));
    }

    #[test]
    fn chinese_post() {
        let text = "# 欢迎中科类脑加入 Karmada 用户组\n\n## 关于中科类脑\n\n![x](../../../../static/img/supporters/leinao.png)\n\n介绍。\n\n## 关于 Karmada 用户组\n\n样板。\n";
        let rel = "2025-07-30-brain-inspired-officially-joined-the-karmada-adopter-group/brain-inspired.md";
        let post = parse_post(text, "zh.md", rel).unwrap();
        assert_eq!(post.member_name, "中科类脑");
        assert_eq!(welcome_name(&post.title).as_deref(), Some("中科类脑"));
        assert!(post.section.contains("介绍。") && !post.section.contains("样板"));
        assert_eq!(
            post.logo.unwrap().0,
            "https://karmada.io/img/supporters/leinao.png"
        );
    }

    #[test]
    fn malformed_posts_are_errors_with_lines() {
        let rel = "2025-09-11-x-officially-joined-the-karmada-adopter-group/x.md";
        let e = parse_post("no heading\n\n## About X\n\ntext\n", "p.md", rel).unwrap_err();
        assert_eq!((e.path.as_str(), e.line), ("p.md", 1));
        assert!(e.message.contains("no H1"), "{}", e.message);
        let e = parse_post("# Title\n\nbody\n", "p.md", rel).unwrap_err();
        assert!(e.message.contains("About"), "{}", e.message);
        let e = parse_post("---\ntitle: x\n", "p.md", rel).unwrap_err();
        assert_eq!(e.line, 1);
        let bad = "2025-02-30-x-officially-joined-the-karmada-adopter-group/x.md";
        let e = parse_post("# T\n## About X\n", "p.md", bad).unwrap_err();
        assert!(e.message.contains("not a valid date"), "{}", e.message);
        // A heading inside a code fence is not a heading.
        let e = parse_post("```\n# not a title\n```\n## About X\n", "p.md", rel).unwrap_err();
        assert!(e.message.contains("no H1"));
    }

    #[test]
    fn docusaurus_permalinks() {
        assert_eq!(
            blog_permalink(
                "2025-09-11-bloomberg-officially-joined-the-karmada-adopter-group/bloomberg.md"
            )
            .as_deref(),
            Some("/2025/09/11/bloomberg-officially-joined-the-karmada-adopter-group/bloomberg")
        );
        assert_eq!(
            blog_permalink("2025-09-11-foo/index.md").as_deref(),
            Some("/2025/09/11/foo")
        );
        assert_eq!(
            blog_permalink("2021-1-5-x.mdx").as_deref(),
            Some("/2021/1/5/x")
        );
        assert_eq!(
            blog_permalink("archive/2020-01-02/post.md").as_deref(),
            Some("/2020/01/02/archive/post")
        );
        assert_eq!(blog_permalink("no-date.md"), None);
        assert_eq!(
            parse_dir_name("2025-10-16-scatterlab-officially-joined-the-karmada-adopter-group"),
            Some(("2025-10-16".into(), "scatterlab".into()))
        );
        assert_eq!(
            parse_dir_name("2025-10-16-officially-joined-the-karmada-adopter-group"),
            None
        );
        assert!(
            is_valid_date("2024-02-29")
                && !is_valid_date("2025-02-29")
                && !is_valid_date("2025-13-01")
        );
    }
}
