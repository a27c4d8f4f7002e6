//! The issue's Markdown body: each program's sections under the headings of its upstream
//! template, every value escaped, and the checklists.

use super::IssueOptions;
use crate::fields::{FieldKind, Program, ORG_TYPES, PRODUCTION_STAGES};
use crate::markdown::{autolink_or_text, escape_block, escape_line, link};
use crate::validate::{check_email, normalize_github_id, parse_case_study};
use crate::values::FormValues;

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

/// The country as the preview and the feed name it (`中国`, `CN` and `China` are China), else
/// as written.
fn country_value(values: &FormValues) -> String {
    crate::feed::country_code(values.text("country"))
        .and_then(|code| browse::labels::country(&code))
        .map(|label| label.en.to_string())
        .unwrap_or_else(|| line_value(values, "country"))
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
        Ok(email) if options.hide_email => super::hidden_email_line(&email),
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
pub(super) fn adopter_details(values: &FormValues, options: &IssueOptions) -> String {
    let mut out = String::new();
    section(&mut out, "Company name", &line_value(values, "org-name"));
    section(
        &mut out,
        "Link to the company website",
        &url_value(values, "website"),
    );
    section(&mut out, "Country", &country_value(values));
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
