//! What "Submit" produces: a GitHub new-issue link with the title, body and labels filled in,
//! the Markdown body on its own (to paste or to comment), and a fallback for very long bodies.
//!
//! # Where each program goes
//!
//! * **Adopter** → a new issue in **karmada-io/community**, titled `Adopter Onboarding for
//!   <name>` like the `adopter-onboarding.md` template there, with a body that carries the same
//!   labels as that template and its checklist of onboarding tasks. Why there and not in
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

use crate::encode::percent_encode;
use crate::fields::{FieldKind, Program, ORG_TYPES, PRODUCTION_STAGES};
use crate::markdown::{autolink_or_text, escape_block, escape_line, link};
use crate::validate::{check_email, hide_email, normalize_github_id, parse_case_study};
use crate::values::FormValues;

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

const NO_RESPONSE: &str = "_No response_";

fn or_none(text: String) -> String {
    if text.is_empty() {
        NO_RESPONSE.to_string()
    } else {
        text
    }
}

fn section(out: &mut String, heading: &str, content: &str) {
    out.push_str("### ");
    out.push_str(heading);
    out.push_str("\n\n");
    out.push_str(content);
    out.push_str("\n\n");
}

fn line_value(values: &FormValues, id: &str) -> String {
    or_none(escape_line(values.text(id)))
}

fn block_value(values: &FormValues, id: &str) -> String {
    or_none(escape_block(values.text(id)))
}

fn url_value(values: &FormValues, id: &str) -> String {
    let raw = values.text(id).trim();
    if raw.is_empty() {
        NO_RESPONSE.to_string()
    } else {
        autolink_or_text(raw)
    }
}

/// A GitHub ID as a mention when valid, else escaped text.
fn github_value(values: &FormValues, id: &str) -> String {
    let raw = values.text(id);
    match normalize_github_id(raw) {
        Some(login) => format!("@{login}"),
        None => escape_line(raw),
    }
}

fn email_value(values: &FormValues, id: &str, options: &IssueOptions) -> String {
    let raw = values.text(id);
    match check_email(raw) {
        Ok(email) if options.hide_email => escape_line(&hide_email(&email)),
        Ok(email) => escape_line(&email),
        Err(_) => escape_line(raw),
    }
}

fn option_label(options: &[crate::fields::SelectOption], value: &str) -> String {
    options
        .iter()
        .find(|o| o.value == value.trim())
        .map(|o| o.label.en.to_string())
        .unwrap_or_else(|| or_none(escape_line(value)))
}

fn checklist(out: &mut String, program: Program, values: &FormValues) {
    for spec in program.fields() {
        if spec.kind == FieldKind::Checkbox && spec.required {
            let mark = if values.flag(spec.id) { "x" } else { " " };
            out.push_str(&format!("- [{mark}] {}\n", escape_line(spec.label.en)));
        }
    }
    out.push('\n');
}

fn todo_list(out: &mut String, tasks: &[&str]) {
    for task in tasks {
        out.push_str("- [ ] ");
        out.push_str(task);
        out.push('\n');
    }
    out.push('\n');
}

/// The organisation's details (adopter program), shared by the issue and the #4540 comment.
fn adopter_details(values: &FormValues, options: &IssueOptions) -> String {
    let mut out = String::new();
    section(&mut out, "Company name", &line_value(values, "org-name"));
    section(
        &mut out,
        "Link to the company website",
        &url_value(values, "website"),
    );
    section(&mut out, "Country", &line_value(values, "country"));
    let mut contact = String::new();
    contact.push_str(&format!(
        " - GitHub ID: {}\n",
        github_value(values, "github-id")
    ));
    contact.push_str(&format!(
        " - Email: {}\n",
        email_value(values, "email", options)
    ));
    for (id, label) in [
        ("twitter", "Twitter"),
        ("wechat", "WeChat"),
        ("other-contact", "Other"),
    ] {
        let value = escape_line(values.text(id));
        if !value.is_empty() {
            contact.push_str(&format!(" - {label}: {value}\n"));
        }
    }
    contact.pop();
    section(
        &mut out,
        "Contact info (such as GitHub ID, Email, Twitter, WeChat)",
        &contact,
    );
    section(&mut out, "Usage scenario", &block_value(values, "usage"));
    section(
        &mut out,
        "End user or vendor",
        &option_label(ORG_TYPES, values.text("org-type")),
    );
    section(
        &mut out,
        "Production stage",
        &option_label(PRODUCTION_STAGES, values.text("production-stage")),
    );
    section(&mut out, "Logo", &url_value(values, "logo"));
    let help = if values.flag("help-wanted") {
        let details = escape_block(values.text("help-details"));
        if details.is_empty() {
            "Yes".to_string()
        } else {
            format!("Yes:\n\n{details}")
        }
    } else {
        "No".to_string()
    };
    section(
        &mut out,
        "Whether the organization needs any help from community",
        &help,
    );
    section(&mut out, "Case studies", &or_none(case_study_list(values)));
    out.push_str("### Acknowledgements\n\n");
    checklist(&mut out, Program::Adopter, values);
    out
}

fn case_study_list(values: &FormValues) -> String {
    values
        .list("case-studies")
        .iter()
        .filter(|item| !item.trim().is_empty())
        .map(|item| match parse_case_study(item) {
            Some((title, url)) if title == url => format!("- {}", autolink_or_text(&url)),
            Some((title, url)) => format!("- {}", link(&title, &url)),
            None => format!("- {}", escape_line(item)),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The issue body in Markdown. Headings follow the labels of the program's upstream template;
/// every value is escaped (see [`crate::markdown`]); acknowledgements are a `- [x]` checklist.
pub fn issue_body(program: Program, values: &FormValues, options: &IssueOptions) -> String {
    let mut out = String::new();
    match program {
        Program::Adopter => {
            out.push_str(&adopter_details(values, options));
            out.push_str("### Things that need to be done to complete the application\n\n");
            todo_list(
                &mut out,
                &[
                    "Add the organisation to adopters.md in karmada-io/website (English)",
                    "Add the organisation to adopters.md in karmada-io/website (Chinese)",
                    "[Maintainer] Verify the contact's identity and the details above",
                    "[Maintainer] Invite the contact to the karmada-adopter-group mailing list",
                    "[Maintainer] Invite the contact to the karmada-adopter-group GitHub team",
                    "(Optional) Share the use case at a community meeting",
                    "(Optional) Publish a blog post",
                ],
            );
        }
        Program::Individual => {
            section(&mut out, "Your Name", &line_value(values, "developer-name"));
            section(
                &mut out,
                "Company Name",
                &line_value(values, "company-name"),
            );
            section(
                &mut out,
                "Email",
                &or_none(email_value(values, "email", options)),
            );
            section(
                &mut out,
                "GitHub ID",
                &or_none(github_value(values, "github-id")),
            );
            section(
                &mut out,
                "Current Karmada Version in Use",
                &line_value(values, "karmada-version"),
            );
            out.push_str(
                "### Requirements(Things that you are recommended to do along with the application)\n\n",
            );
            checklist(&mut out, Program::Individual, values);
            out.push_str("### Application Process Tracking (For Maintainers)\n\n");
            todo_list(
                &mut out,
                &[
                    "[Maintainer] Verify the applicant's identity and the details above",
                    "[Maintainer] Invite the applicant to the karmada-adopter-group mailing list",
                    "[Maintainer] Invite the applicant to the karmada-adopter-group GitHub team",
                ],
            );
        }
        Program::Partner => {
            section(
                &mut out,
                "Org or company name",
                &line_value(values, "org-name"),
            );
            section(
                &mut out,
                "Org or company description",
                &block_value(values, "description"),
            );
            section(
                &mut out,
                "Org or company Website",
                &url_value(values, "website"),
            );
            section(&mut out, "Org or company logo", &url_value(values, "logo"));
            section(
                &mut out,
                "Contact me",
                &or_none(partner_contact(values, options)),
            );
            out.push_str("### Review principles\n\n");
            checklist(&mut out, Program::Partner, values);
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

fn partner_contact(values: &FormValues, options: &IssueOptions) -> String {
    let mut lines = Vec::new();
    let github = github_value(values, "github-id");
    if !github.is_empty() {
        lines.push(format!(" - GitHub ID: {github}"));
    }
    let email = email_value(values, "email", options);
    if !email.is_empty() {
        lines.push(format!(" - Email: {email}"));
    }
    lines.join("\n")
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
        escape_line(&match check_email(raw) {
            Ok(email) if options.hide_email => hide_email(&email),
            Ok(email) => email,
            Err(_) => plain(raw, 254),
        })
    };
    let github = |id: &str| {
        escape_line(
            &normalize_github_id(values.text(id))
                .map(|login| format!("@{login}"))
                .unwrap_or_else(|| plain(values.text(id), 40)),
        )
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
