//! What "Submit" produces: a GitHub new-issue link with the title, body and labels filled in,
//! the Markdown body on its own (to paste or to comment), and a fallback for very long bodies.
//!
//! # Where each program goes
//!
//! * **Adopter** → a new issue in **karmada-io/community**, titled `Adopter Onboarding for
//!   <name>` like the `adopter-onboarding.md` template there, with a body that carries the same
//!   labels as that template and its checklist of onboarding tasks (without the form, the link
//!   opens that template itself: [`blank_issue_link`]). Why there and not in
//!   karmada-io/karmada: the onboarding template, the Adopter Group README and the GitHub team
//!   configuration the maintainers edit all live in karmada-io/community, and karmada-io/karmada
//!   has no template for it; its only adopter thread is the long-running issue
//!   #4540 (<https://github.com/karmada-io/karmada/issues/4540>), which collects comments rather than new issues. The adopters
//!   page names a comment on #4540 as the easiest path, so the UI should offer both: the issue
//!   link, and [`comment_markdown`] with a link to [`ADOPTERS_THREAD_URL`]. The link does not
//!   pass `template=adopter-onboarding.md`, so that `body` is what the visitor sees.
//! * **Individual** → karmada-io/community with `template=adopter-group-application.yaml`, the
//!   template's labels (`area/github-membership`, `adopter-group-membership`; the template's
//!   first label has a stray trailing space, trimmed here) and title `Karmada Adopter Group
//!   Application for <name>`. That template is an issue *form*: GitHub fills form inputs from
//!   query parameters named after the inputs' ids (`developer-name`, `company-name`, `email`,
//!   `github-id`, `karmada-version`), so the link carries those too. Checkboxes of a form
//!   cannot be prefilled: the visitor ticks them again on GitHub. The `body` parameter is still
//!   sent (GitHub ignores it for forms) so the text is the same whichever way GitHub opens.
//! * **Partner** → karmada-io/community with `template=community-partner.yml` (also a form:
//!   `org_name`, `org_description`, `website_url`, `org_logo`, `contact`) and title
//!   `REQUEST: Organization <name> that provides commercial support to Karmada`. The template
//!   has no labels.
//!
//! # Long bodies
//!
//! Browsers and GitHub refuse very long URLs. When the full link would exceed [`MAX_URL_LEN`]
//! characters, [`issue_link`] returns a link without `body` (title, labels, template, and the
//! form prefills that still fit) and sets [`IssueLink::fallback`]; the UI then tells the visitor
//! to paste [`IssueLink::body`] into the issue.

mod body;

use crate::encode::percent_encode;
use crate::fields::Program;
use crate::markdown::{autolink_or_text, escape_block, escape_line};
use crate::validate::{check_email, hide_email, normalize_github_id, HIDDEN_AT};
use crate::values::FormValues;
use body::adopter_details;
pub use body::issue_body;

/// Longest issue link handed to the browser.
pub const MAX_URL_LEN: usize = 8000;

/// The adopters thread in karmada-io/karmada where first adopters from a company comment.
pub const ADOPTERS_THREAD_URL: &str = "https://github.com/karmada-io/karmada/issues/4540";

/// Where an adopter's entry is kept: the English adopters table of karmada-io/website, opened
/// for editing (GitHub makes a pull request of it).
pub const ADOPTERS_TABLE_EDIT_URL: &str =
    "https://github.com/karmada-io/website/edit/main/src/pages/adopters.md";

/// Where a commercial-support partner's entry is kept (karmada-io/website), opened for editing.
pub const PARTNERS_LIST_EDIT_URL: &str =
    "https://github.com/karmada-io/website/edit/main/src/data/partnersData.tsx";

/// Where a program's issue is opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Target {
    pub owner: &'static str,
    pub repo: &'static str,
    /// The `template=` file, if any.
    pub template: Option<&'static str>,
    pub labels: &'static [&'static str],
}

impl Target {
    pub fn new_issue_base(&self) -> String {
        format!("https://github.com/{}/{}/issues/new", self.owner, self.repo)
    }
}

/// The repository, template and labels of each program (see the module documentation).
pub fn target(program: Program) -> Target {
    match program {
        Program::Adopter => Target {
            owner: "karmada-io",
            repo: "community",
            template: None,
            labels: &[],
        },
        Program::Individual => Target {
            owner: "karmada-io",
            repo: "community",
            template: Some("adopter-group-application.yaml"),
            labels: &["area/github-membership", "adopter-group-membership"],
        },
        Program::Partner => Target {
            owner: "karmada-io",
            repo: "community",
            template: Some("community-partner.yml"),
            labels: &[],
        },
    }
}

/// Choices for the generated text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IssueOptions {
    /// Write emails as `name[at]example.com` (the Adopter Group application asks for this, so
    /// crawlers reading public issues do not collect the address). On by default for every
    /// program, since every issue is public.
    pub hide_email: bool,
}

impl Default for IssueOptions {
    fn default() -> Self {
        IssueOptions { hide_email: true }
    }
}

/// The new-issue link and the text behind it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssueLink {
    /// Open this in a new tab.
    pub url: String,
    pub title: String,
    /// The Markdown body (also when it is not in `url`).
    pub body: String,
    /// `url` has no body because the full link was longer than [`MAX_URL_LEN`]: tell the
    /// visitor to paste `body` (offer a copy button).
    pub fallback: bool,
}

/// A single-line plain-text value for titles and form prefills: line breaks and tabs become
/// spaces, control and bidi-override characters go, at most `max` characters.
fn plain(text: &str, max: usize) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .filter(|c| {
            !c.is_control() && !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .collect();
    cleaned.trim().chars().take(max).collect()
}

/// The issue title.
pub fn issue_title(program: Program, values: &FormValues) -> String {
    let (field, missing) = match program {
        Program::Adopter => ("org-name", "<name>"),
        Program::Individual => ("developer-name", "[Your Name]"),
        Program::Partner => ("org-name", "<Organization name>"),
    };
    let name = plain(values.text(field), 100);
    let name = if name.is_empty() {
        missing.to_string()
    } else {
        name
    };
    match program {
        Program::Adopter => format!("Adopter Onboarding for {name}"),
        Program::Individual => format!("Karmada Adopter Group Application for {name}"),
        Program::Partner => {
            format!("REQUEST: Organization {name} that provides commercial support to Karmada")
        }
    }
}

/// A valid `email` as issue Markdown, written as `name[at]example.com` ([`hide_email`]):
/// escaped but for its own `[at]` (the applicant sees `[at]` in the issue form's box, not
/// `\[at\]`). They cannot make a link: a valid address has no bracket of its own, and no
/// field can write a definition for `[at]`, since every `[` a visitor types is escaped.
pub(crate) fn hidden_email_line(email: &str) -> String {
    let escaped_at = escape_line(HIDDEN_AT);
    escape_line(&hide_email(email)).replacen(&escaped_at, HIDDEN_AT, 1)
}

/// Form inputs GitHub can prefill from the link (issue forms only), as `(input id, value)`.
/// GitHub writes each into the issue as Markdown under its field's heading, so each is escaped
/// as the body's values are: a prefill cannot add a heading, a ticked box, a link or HTML.
fn prefills(
    program: Program,
    values: &FormValues,
    options: &IssueOptions,
) -> Vec<(&'static str, String)> {
    let line = |id: &str, max: usize| escape_line(&plain(values.text(id), max));
    let email = |id: &str| {
        let raw = values.text(id);
        match check_email(raw) {
            Ok(email) if options.hide_email => hidden_email_line(&email),
            Ok(email) => escape_line(&email),
            Err(_) => escape_line(&plain(raw, 254)),
        }
    };
    // A valid login (letters, digits, inner hyphens) is the applicant's own mention, as in the
    // body; anything else is text.
    let github = |id: &str| match normalize_github_id(values.text(id)) {
        Some(login) => format!("@{login}"),
        None => escape_line(&plain(values.text(id), 40)),
    };
    let url = |id: &str| autolink_or_text(&plain(values.text(id), 300));
    let pairs = match program {
        Program::Adopter => vec![],
        Program::Individual => vec![
            ("developer-name", line("developer-name", 100)),
            ("company-name", line("company-name", 100)),
            ("email", email("email")),
            ("github-id", github("github-id")),
            ("karmada-version", line("karmada-version", 40)),
        ],
        Program::Partner => {
            let contact = [
                ("GitHub ID", github("github-id")),
                ("Email", email("email")),
            ]
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(label, v)| format!("{label}: {v}"))
            .collect::<Vec<_>>()
            .join("\n");
            vec![
                ("org_name", line("org-name", 100)),
                (
                    "org_description",
                    escape_block(values.text("description").trim()),
                ),
                ("website_url", url("website")),
                ("org_logo", url("logo")),
                ("contact", contact),
            ]
        }
    };
    pairs.into_iter().filter(|(_, v)| !v.is_empty()).collect()
}

/// The new-issue link for the program, or the fallback without a body when it would be longer
/// than [`MAX_URL_LEN`] (see the module documentation).
pub fn issue_link(program: Program, values: &FormValues, options: &IssueOptions) -> IssueLink {
    let target = target(program);
    let title = issue_title(program, values);
    let body = issue_body(program, values, options);
    let mut head = format!(
        "{}?title={}",
        target.new_issue_base(),
        percent_encode(&title)
    );
    if !target.labels.is_empty() {
        head.push_str("&labels=");
        head.push_str(&percent_encode(&target.labels.join(",")));
    }
    if let Some(template) = target.template {
        head.push_str("&template=");
        head.push_str(&percent_encode(template));
    }
    let prefill: Vec<String> = prefills(program, values, options)
        .into_iter()
        .map(|(id, value)| format!("&{}={}", percent_encode(id), percent_encode(&value)))
        .collect();
    let full = format!("{head}{}&body={}", prefill.concat(), percent_encode(&body));
    if full.len() <= MAX_URL_LEN {
        return IssueLink {
            url: full,
            title,
            body,
            fallback: false,
        };
    }
    // Without the body; keep each prefill that still fits, in field order.
    let mut url = head;
    for param in prefill {
        if url.len() + param.len() <= MAX_URL_LEN {
            url.push_str(&param);
        }
    }
    IssueLink {
        url,
        title,
        body,
        fallback: true,
    }
}

/// The adopter's upstream template: a Markdown checklist that [`issue_link`] writes itself
/// from the form, and [`blank_issue_link`] opens as it is.
pub const ADOPTER_TEMPLATE: &str = "adopter-onboarding.md";

/// The new-issue link for a visitor who answers on GitHub itself (the join page without
/// JavaScript): the program's upstream template as its maintainers wrote it, nothing answered
/// in advance, which GitHub titles and labels from the template.
pub fn blank_issue_link(program: Program) -> String {
    let target = target(program);
    let template = target.template.unwrap_or(ADOPTER_TEMPLATE);
    format!(
        "{}?template={}",
        target.new_issue_base(),
        percent_encode(template)
    )
}

/// "Copy as Markdown": the application as one Markdown text. For the adopter program this is
/// the comment for karmada-io/karmada#4540 ([`ADOPTERS_THREAD_URL`]): the title in bold and the
/// organisation's details, without the maintainers' task list. For the other programs it is the
/// title in bold and the issue body (e.g. to email the maintainers instead).
pub fn comment_markdown(program: Program, values: &FormValues, options: &IssueOptions) -> String {
    let title = escape_line(&issue_title(program, values));
    let body = match program {
        Program::Adopter => {
            let details = adopter_details(values, options);
            let trimmed = details.trim_end().to_string();
            trimmed + "\n"
        }
        _ => issue_body(program, values, options),
    };
    format!("**{title}**\n\n{body}")
}

#[cfg(test)]
mod tests {
    use super::hidden_email_line;

    /// The applicant reads their address in the issue form's box as they wrote it, but for
    /// its `[at]`; what Markdown could read in it is still escaped.
    #[test]
    fn a_hidden_email_reads_as_written() {
        assert_eq!(
            hidden_email_line("first_last@example.com"),
            "first_last[at]example.com"
        );
        assert_eq!(hidden_email_line("a@+x.example"), "a[at]+x.example");
        assert_eq!(hidden_email_line(" A[at]b.co "), "A[at]b.co");
        assert_eq!(hidden_email_line("*a*@b.co"), "\\*a\\*[at]b.co");
    }
}
