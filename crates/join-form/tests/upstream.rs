//! Checks against the real upstream issue templates in `../shared/karmada-site/` (beside the
//! checkout). Skips with a message when that snapshot is absent.

use std::path::PathBuf;

use join_form::{blank_issue_link, issue_title, target, FormValues, Program};

fn template(name: &str) -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/karmada-site/community/.github/ISSUE_TEMPLATE")
        .join(name);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(_) => {
            eprintln!("skipped: {} is not available", path.display());
            None
        }
    }
}

#[test]
fn individual_matches_the_application_form() {
    let Some(yaml) = template("adopter-group-application.yaml") else {
        return;
    };
    let t = target(Program::Individual);
    assert_eq!(t.template, Some("adopter-group-application.yaml"));
    // The template's labels line, with the stray trailing space trimmed.
    let labels_line = yaml.lines().find(|l| l.starts_with("labels:")).unwrap();
    let upstream: Vec<String> = labels_line["labels:".len()..]
        .trim()
        .trim_matches(['[', ']'])
        .split(',')
        .map(|l| l.trim().trim_matches('"').trim().to_string())
        .collect();
    assert_eq!(upstream, t.labels);
    // Every form input we prefill exists in the form.
    for id in [
        "developer-name",
        "company-name",
        "email",
        "github-id",
        "karmada-version",
    ] {
        assert!(
            yaml.contains(&format!("id: {id}\n")),
            "{id} not in the form"
        );
    }
    let title_line = yaml.lines().find(|l| l.starts_with("title:")).unwrap();
    let mut values = FormValues::new();
    values.set_text("developer-name", "[Your Name]");
    assert_eq!(
        format!("title: \"{}\"", issue_title(Program::Individual, &values)),
        title_line
    );
    assert!(yaml.matches("required: true").count() >= 5 + 5);
}

#[test]
fn partner_matches_the_commercial_support_form() {
    let Some(yaml) = template("community-partner.yml") else {
        return;
    };
    assert_eq!(
        target(Program::Partner).template,
        Some("community-partner.yml")
    );
    for id in [
        "org_name",
        "org_description",
        "website_url",
        "org_logo",
        "contact",
    ] {
        assert!(
            yaml.contains(&format!("- id: {id}\n")),
            "{id} not in the form"
        );
    }
    let mut values = FormValues::new();
    values.set_text("org-name", "<Organization name>");
    let title = issue_title(Program::Partner, &values);
    let title_line = yaml.lines().find(|l| l.starts_with("title:")).unwrap();
    assert!(title_line.contains(&title), "{title_line} vs {title}");
}

#[test]
fn adopter_uses_the_onboarding_title() {
    let Some(md) = template("adopter-onboarding.md") else {
        return;
    };
    let title = issue_title(Program::Adopter, &FormValues::new());
    assert!(md.contains(&format!("title: {title}\n")), "{title}");
    let body = join_form::issue_body(Program::Adopter, &FormValues::new(), &Default::default());
    for label in [
        "Company name",
        "Link to the company website",
        "Country",
        "Contact info (such as GitHub ID, Email, Twitter, WeChat)",
        "Usage scenario",
        "Logo",
        "Whether the organization needs any help from community",
    ] {
        assert!(
            md.contains(&format!("**{label}**")),
            "{label} not in the template"
        );
        assert!(
            body.contains(&format!("### {label}\n")),
            "{label} not in our body"
        );
    }
}

/// Without the app's form (the join page without JavaScript) each program's link opens its
/// upstream template as it is: a file that exists, nothing answered in advance.
#[test]
fn blank_links_open_the_upstream_templates() {
    for program in Program::ALL {
        let url = blank_issue_link(program);
        let (base, query) = url.split_once('?').unwrap();
        assert_eq!(base, "https://github.com/karmada-io/community/issues/new");
        let file = query.strip_prefix("template=").unwrap();
        assert!(!file.contains(['&', '%']), "{url}");
        let Some(text) = template(file) else {
            continue;
        };
        // Its own title and its fields: GitHub opens it as the maintainers wrote it.
        assert!(text.contains("\ntitle:"), "{file}");
        assert!(
            text.contains("**Company name**") || text.contains("\nbody:"),
            "{file}"
        );
    }
}
