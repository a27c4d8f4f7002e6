//! Golden files for the generated issue links and Markdown of each program.
//!
//! Each case writes `tests/golden/<case>.url` (the new-issue link) and `<case>.md` (the issue
//! body), and for organisations `<case>.comment.md` (the #4540 comment) and `<case>.row.md`
//! (the adopters-table row). Regenerate after an intended change with
//! `UPDATE_GOLDEN=1 cargo test -p join-form --test golden` and review the diff in git.

use std::path::PathBuf;

use join_form::{
    adopters_row, comment_markdown, issue_link, FormValues, IssueOptions, Program, MAX_URL_LEN,
};

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Compares `actual` with the golden file, or rewrites it when `UPDATE_GOLDEN=1`.
fn check_golden(name: &str, actual: &str) {
    let path = golden_dir().join(name);
    if std::env::var("UPDATE_GOLDEN").as_deref() == Ok("1") {
        std::fs::create_dir_all(golden_dir()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => panic!(
            "golden file {} cannot be read ({error}); create it with \
             `UPDATE_GOLDEN=1 cargo test -p join-form --test golden`",
            path.display()
        ),
    };
    if expected != actual {
        panic!(
            "generated output differs from golden file {}:\n{}\nIf the change is intended, run \
             `UPDATE_GOLDEN=1 cargo test -p join-form --test golden` and review the diff.",
            path.display(),
            line_diff(&expected, actual)
        );
    }
}

/// A small line diff: the differing lines with their numbers (at most 20).
fn line_diff(expected: &str, actual: &str) -> String {
    let expected: Vec<&str> = expected.split('\n').collect();
    let actual: Vec<&str> = actual.split('\n').collect();
    let mut out = String::new();
    let mut shown = 0;
    for i in 0..expected.len().max(actual.len()) {
        let (e, a) = (expected.get(i), actual.get(i));
        if e != a {
            let clip = |s: Option<&&str>| match s {
                Some(s) if s.chars().count() > 200 => {
                    format!("{}…", s.chars().take(200).collect::<String>())
                }
                Some(s) => s.to_string(),
                None => "<no line>".to_string(),
            };
            out.push_str(&format!(
                "line {}:\n  - golden: {}\n  + actual: {}\n",
                i + 1,
                clip(e),
                clip(a)
            ));
            shown += 1;
            if shown == 20 {
                out.push_str("  … more differences left out\n");
                break;
            }
        }
    }
    out
}

fn values(pairs: &[(&str, &str)], flags: &[&str], list: &[&str]) -> FormValues {
    let mut v = FormValues::new();
    for (id, value) in pairs {
        v.set_text(id, *value);
    }
    for id in flags {
        v.set_flag(id, true);
    }
    if !list.is_empty() {
        v.set_list("case-studies", list.iter().map(|s| s.to_string()).collect());
    }
    v
}

const HOSTILE_NAME: &str = "<script>alert(1)</script> | pipes |";
const HOSTILE_LINK: &str = "[click](javascript:alert(1)) ](javascript:alert(1))";

/// Writes and checks every golden file of one case; returns the link for further assertions.
fn case(name: &str, program: Program, v: &FormValues) -> join_form::IssueLink {
    let options = IssueOptions::default();
    let link = issue_link(program, v, &options);
    check_golden(&format!("{name}.url"), &format!("{}\n", link.url));
    check_golden(&format!("{name}.md"), &link.body);
    if program != Program::Individual {
        check_golden(
            &format!("{name}.comment.md"),
            &comment_markdown(program, v, &options),
        );
    }
    if program == Program::Adopter {
        check_golden(&format!("{name}.row.md"), &format!("{}\n", adopters_row(v)));
    }
    assert!(
        link.url.len() <= MAX_URL_LEN,
        "{name}: {} chars",
        link.url.len()
    );
    assert!(link.url.is_ascii(), "{name}: the link is percent-encoded");
    link
}

/// Nothing a visitor typed may appear as live HTML or a link to a non-http(s) target.
fn assert_inert(name: &str, markdown: &str) {
    let lower = markdown.to_ascii_lowercase();
    for bad in ["](javascript", "](data:", "<javascript:"] {
        assert!(
            !lower.contains(bad),
            "{name}: {bad:?} survived in\n{markdown}"
        );
    }
    // Raw HTML needs an unescaped `<` followed by a letter or `/`; the only `<` we emit
    // ourselves open autolinks (`<https://…>`) and `<br/>` in table rows.
    for (i, _) in markdown.match_indices('<') {
        let rest = &markdown[i + 1..];
        let escaped = markdown[..i].ends_with('\\');
        let ours =
            rest.starts_with("https://") || rest.starts_with("http://") || rest.starts_with("br/>");
        let tag_like = rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!');
        assert!(
            escaped || ours || !tag_like,
            "{name}: live HTML at byte {i}: {:?}",
            &markdown[i..(i + 30).min(markdown.len())]
        );
    }
    for line in markdown.lines() {
        // Every `|` that a visitor typed is escaped; our own tables only exist in row files.
        let unescaped = line
            .char_indices()
            .filter(|&(i, c)| c == '|' && !line[..i].ends_with('\\'))
            .count();
        if !line.starts_with("| ") {
            assert_eq!(unescaped, 0, "{name}: unescaped pipe in {line:?}");
        }
    }
}

#[test]
fn adopter_english() {
    let v = values(
        &[
            ("org-name", "AwesomeCorp"),
            ("website", "https://www.awesome.example/"),
            ("country", "Singapore"),
            ("org-type", "vendor"),
            (
                "usage",
                "We run a multi-cloud platform on Karmada.\n\nIt spans 3 regions.",
            ),
            ("production-stage", "production-gt-1y"),
            ("github-id", "@octocat"),
            ("email", "ops@awesome.example"),
            ("twitter", "@awesomecorp"),
            ("logo", "https://www.awesome.example/logo.svg"),
            ("help-details", "Advice on upgrading to v1.13."),
        ],
        &["ack-public", "help-wanted"],
        &[
            "KubeCon talk https://www.youtube.com/watch?v=abc123",
            "https://www.awesome.example/blog/karmada",
        ],
    );
    let link = case("adopter_english", Program::Adopter, &v);
    assert!(!link.fallback);
    assert!(link
        .url
        .starts_with("https://github.com/karmada-io/community/issues/new?title=Adopter%20Onboarding%20for%20AwesomeCorp&body="));
    assert!(link.body.contains("- [x] The organisation name"));
    assert!(link.body.contains(" - Email: ops[at]awesome.example"));
}

#[test]
fn adopter_chinese() {
    let v = values(
        &[
            ("org-name", "小红书"),
            ("website", "https://www.xiaohongshu.com/"),
            ("country", "中国"),
            ("org-type", "end-user"),
            (
                "usage",
                "使用 Karmada 管理多个地域的集群，并统一调度在线业务。",
            ),
            ("production-stage", "production-6-12m"),
            ("github-id", "rednote-ops"),
            ("email", "ops[at]xiaohongshu.com"),
            ("wechat", "小红书运维"),
            ("logo", "https://karmada.io/img/supporters/xiaohongshu.png"),
        ],
        &["ack-public"],
        &["案例分享 https://karmada.io/zh/docs/casestudies/example"],
    );
    let link = case("adopter_chinese", Program::Adopter, &v);
    assert!(!link.fallback);
    assert!(link
        .body
        .contains("使用 Karmada 管理多个地域的集群，并统一调度在线业务。"));
    assert!(link.url.contains(&join_form::percent_encode("小红书")));
}

#[test]
fn adopter_hostile() {
    let v = values(
        &[
            ("org-name", HOSTILE_NAME),
            ("website", "javascript:alert(1)"),
            ("country", "# Heading\n- list"),
            ("org-type", "<b>vendor</b>"),
            ("usage", "<script>alert(1)</script>\n> quote\n1. item\n    code\n---\n![img](https://evil.example/x.png)"),
            ("production-stage", "evaluating"),
            ("github-id", "@@not valid"),
            ("email", "<a@b.com>"),
            ("other-contact", HOSTILE_LINK),
            ("logo", "https://evil.example/logo.png?<script>"),
        ],
        &["help-wanted"],
        &[
            "[x](javascript:alert(1)) https://ok.example/a_(b)|c",
            "javascript:alert(1)",
        ],
    );
    let link = case("adopter_hostile", Program::Adopter, &v);
    assert!(!link.fallback);
    assert_inert("adopter_hostile body", &link.body);
    assert_inert(
        "adopter_hostile comment",
        &comment_markdown(Program::Adopter, &v, &IssueOptions::default()),
    );
    let row = adopters_row(&v);
    let unescaped = row
        .char_indices()
        .filter(|&(i, c)| c == '|' && !row[..i].ends_with('\\'))
        .count();
    assert_eq!(
        unescaped, 5,
        "only the column separators are unescaped pipes: {row}"
    );
}

#[test]
fn adopter_long_fields_fall_back() {
    let long = "Karmada ".repeat(625); // 5,000 characters
    let v = values(
        &[
            ("org-name", "LongCorp"),
            ("website", "https://long.example/"),
            ("usage", &long),
            ("help-details", &long),
        ],
        &["help-wanted"],
        &[],
    );
    let link = case("adopter_long", Program::Adopter, &v);
    assert!(link.fallback);
    assert!(!link.url.contains("body="));
    assert!(link.body.contains(long.trim()));
}

#[test]
fn individual_english_and_chinese() {
    let acks = [
        "ack-guidelines",
        "ack-2fa",
        "ack-mailing-list",
        "ack-gitdm",
        "ack-openprofile",
    ];
    let v = values(
        &[
            ("developer-name", "Arya Stark"),
            ("company-name", "AwesomeCorp"),
            ("email", "arya@awesome.example"),
            ("github-id", "@arya-stark"),
            ("karmada-version", "v1.12.0"),
        ],
        &acks,
        &[],
    );
    let link = case("individual_english", Program::Individual, &v);
    assert!(!link.fallback);
    assert!(link.url.starts_with(
        "https://github.com/karmada-io/community/issues/new?title=Karmada%20Adopter%20Group%20Application%20for%20Arya%20Stark&labels=area%2Fgithub-membership%2Cadopter-group-membership&template=adopter-group-application.yaml&"
    ));
    // The hidden email as the applicant reads it in the form's box (its `[at]` is ours, and
    // makes no link: see `hidden_email_line`).
    assert!(link.url.contains("&email=arya%5Bat%5Dawesome.example&"));
    assert_eq!(link.body.matches("- [x]").count(), 5);

    let v = values(
        &[
            ("developer-name", "张三"),
            ("company-name", "某某科技（北京）有限公司"),
            ("email", "zhangsan@example.cn"),
            ("github-id", "zhangsan"),
            ("karmada-version", "1.13"),
        ],
        &acks[..3],
        &[],
    );
    let link = case("individual_chinese", Program::Individual, &v);
    assert_eq!(link.body.matches("- [x]").count(), 3);
    assert_eq!(link.body.matches("- [ ]").count(), 2 + 3);
    assert!(link.body.contains("某某科技（北京）有限公司"));
}

#[test]
fn individual_hostile() {
    let v = values(
        &[
            ("developer-name", HOSTILE_NAME),
            ("company-name", HOSTILE_LINK),
            ("email", "x@y.com\n### Injected heading"),
            ("github-id", "<img src=x onerror=alert(1)>"),
            ("karmada-version", "`v1` ~~old~~ $x$"),
        ],
        &[],
        &[],
    );
    let link = case("individual_hostile", Program::Individual, &v);
    assert_inert("individual_hostile", &link.body);
    assert!(!link.body.contains("\n### Injected"));
    assert!(!link.title.contains('\n'));
}

#[test]
fn partner_programs() {
    let v = values(
        &[
            ("org-name", "DaoCloud"),
            (
                "description",
                "Enterprise cloud native platform vendor.\nWe sell Karmada support and training.",
            ),
            ("website", "https://www.daocloud.example/karmada"),
            ("logo", "https://www.daocloud.example/logo.png"),
            ("github-id", "wawa0210"),
            ("email", "support@daocloud.example"),
        ],
        &["ack-authentic", "ack-url-relevant", "ack-karmada-support"],
        &[],
    );
    let link = case("partner_english", Program::Partner, &v);
    assert!(!link.fallback);
    assert!(link.url.contains("title=REQUEST%3A%20Organization%20DaoCloud%20that%20provides%20commercial%20support%20to%20Karmada&template=community-partner.yml&org_name=DaoCloud&"));
    assert!(!link.url.contains("labels="));

    let long = "支持".repeat(2500); // 5,000 characters, 30,000 once encoded
    let v = values(
        &[
            ("org-name", "云原生 | <Partner>"),
            ("description", &format!("<script>alert(1)</script>\n{long}")),
            ("website", "https://partner.example/"),
            ("logo", "https://partner.example/logo.gif"),
            ("email", "biz@partner.example"),
        ],
        &["ack-authentic"],
        &[],
    );
    let link = case("partner_hostile_long", Program::Partner, &v);
    assert!(link.fallback);
    assert!(!link.url.contains("body="));
    assert!(
        !link.url.contains("org_description="),
        "too long to prefill"
    );
    assert!(link.url.contains("&org_name="), "short prefills are kept");
    assert_inert("partner_hostile_long", &link.body);
}

/// GitHub writes each issue-form prefill into the issue as Markdown under its field's heading:
/// hostile values stay text there, as in the body.
#[test]
fn prefills_cannot_add_structure_to_the_issue() {
    let v = values(
        &[
            ("org-name", "### Company"),
            (
                "description",
                "- [x] approved\n[Click me](https://evil.example)\n<b>raw</b>",
            ),
            ("website", "https://daocloud.io/"),
            ("email", "a@b.example"),
        ],
        &[],
        &[],
    );
    let link = issue_link(Program::Partner, &v, &IssueOptions::default());
    let prefill = |name: &str| -> String {
        let start = link.url.find(&format!("&{name}=")).expect(name) + name.len() + 2;
        let end = link.url[start..]
            .find('&')
            .map_or(link.url.len(), |e| start + e);
        browse::query::decode(&link.url[start..end])
    };
    assert_eq!(prefill("org_name"), "\\#\\#\\# Company");
    let description = prefill("org_description");
    assert!(
        description.starts_with("\\- \\[x\\] approved"),
        "{description}"
    );
    assert!(
        description.contains("\\[Click me\\]\\(https://evil.example\\)"),
        "{description}"
    );
    assert!(description.contains("\\<b\\>raw\\</b\\>"), "{description}");
    assert_eq!(prefill("website_url"), "<https://daocloud.io/>");
}
