//! Validation: pure rules, and per-field errors for a whole form in field order.

use members_feed::{check_absolute_http_url, UrlRejection, MAX_URL_BYTES};

use crate::fields::{FieldKind, FieldSpec, Format, Program, STAGE_EVALUATING};
use crate::text::Msg;
use crate::values::FormValues;

/// One problem with one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The field's id ([`FieldSpec::id`]).
    pub field: &'static str,
    pub message: Msg,
}

/// Every problem of the form, in field order (the order of [`Program::fields`]), at most one per
/// field. Hidden fields ([`FieldSpec::shown_if`]) are not checked. Use it on submit and for the
/// error summary; on a keystroke, [`validate_field`] checks one field.
pub fn validate(program: Program, values: &FormValues) -> Vec<FieldError> {
    program
        .fields()
        .iter()
        .filter_map(|spec| check_field(program, spec, values))
        .collect()
}

/// The problem with one field, if any (`None` also for an unknown id).
pub fn validate_field(program: Program, id: &str, values: &FormValues) -> Option<FieldError> {
    program
        .field(id)
        .and_then(|spec| check_field(program, spec, values))
}

/// The first error for `id` in `errors`.
pub fn error_for<'a>(errors: &'a [FieldError], id: &str) -> Option<&'a FieldError> {
    errors.iter().find(|e| e.field == id)
}

fn check_field(program: Program, spec: &FieldSpec, values: &FormValues) -> Option<FieldError> {
    if !spec.is_shown(values) {
        return None;
    }
    message_for(program, spec, values).map(|message| FieldError {
        field: spec.id,
        message,
    })
}

fn required() -> Msg {
    Msg::new("This field is required.", "此项为必填项。")
}

fn message_for(program: Program, spec: &FieldSpec, values: &FormValues) -> Option<Msg> {
    match spec.kind {
        FieldKind::Checkbox => {
            return (spec.required && !values.flag(spec.id))
                .then(|| Msg::new("Please confirm this to apply.", "申请前请确认此项。"));
        }
        FieldKind::List { max_items } => return check_list(spec, values.list(spec.id), max_items),
        _ => {}
    }
    let value = values.text(spec.id).trim();
    if value.is_empty() {
        // Partner contacts: neither is required alone, but one of them is; the first of them
        // says so.
        let mut set = program
            .fields()
            .iter()
            .filter(|other| other.one_of_required && other.is_shown(values));
        if spec.one_of_required
            && set.clone().next().is_some_and(|first| first.id == spec.id)
            && set.all(|other| values.text(other.id).trim().is_empty())
        {
            return Some(Msg::new(
                "Give a GitHub ID or an email address (at least one).",
                "请至少填写 GitHub ID 或邮箱中的一项。",
            ));
        }
        return spec.required.then(required);
    }
    let length = value.chars().count();
    if spec.max_len > 0 && length > spec.max_len {
        return Some(too_long(spec.max_len, length));
    }
    match spec.kind {
        FieldKind::Url => {
            if let Err(why) = check_absolute_http_url(value) {
                return Some(url_message(why));
            }
        }
        FieldKind::Email => {
            if let Err(msg) = check_email(value) {
                return Some(msg);
            }
        }
        FieldKind::Github if normalize_github_id(value).is_none() => {
            return Some(Msg::new(
                "A GitHub ID has 1–39 letters, digits or single hyphens, not starting or ending with a hyphen.",
                "GitHub ID 由 1–39 个字母、数字或单个连字符组成，且不能以连字符开头或结尾。",
            ));
        }
        FieldKind::Select(options) if !options.iter().any(|o| o.value == value) => {
            return Some(Msg::new(
                "Please choose one of the options.",
                "请选择一个选项。",
            ));
        }
        _ => {}
    }
    match spec.format {
        Format::Logo => {
            if !is_logo_url(value) {
                return Some(Msg::new(
                    "The logo must be a link to a .png or .svg file.",
                    "Logo 必须是指向 .png 或 .svg 文件的链接。",
                ));
            }
        }
        Format::KarmadaVersion => {
            if !is_karmada_version(value) {
                return Some(Msg::new(
                    "Write the version like v1.12.0 or 1.12.",
                    "请按 v1.12.0 或 1.12 的格式填写版本。",
                ));
            }
        }
        Format::ProductionStage => {
            if value == STAGE_EVALUATING {
                return Some(Msg::new(
                    "The adopters list is for organisations running Karmada in production. You are welcome to apply once you do; meanwhile, ask questions in the community channels.",
                    "采用者名单仅收录在生产环境使用 Karmada 的组织。欢迎投入生产后再申请；在此之前可以先在社区渠道交流。",
                ));
            }
        }
        Format::None | Format::CaseStudies => {}
    }
    None
}

fn too_long(max: usize, length: usize) -> Msg {
    Msg::new(
        format!("At most {max} characters (now {length})."),
        format!("最多 {max} 个字符（当前 {length} 个）。"),
    )
}

fn url_message(why: UrlRejection) -> Msg {
    match why {
        UrlRejection::Empty => required(),
        UrlRejection::Scheme => Msg::new(
            "Enter a full web address starting with https:// or http://.",
            "请输入以 https:// 或 http:// 开头的完整网址。",
        ),
        UrlRejection::ProtocolRelative | UrlRejection::NoHost => Msg::new(
            "The address needs a host name, like https://www.example.com/.",
            "网址需要包含主机名，例如 https://www.example.com/。",
        ),
        UrlRejection::BadCharacter => Msg::new(
            "The address contains spaces or invisible characters.",
            "网址中含有空格或不可见字符。",
        ),
        UrlRejection::UserInfo => Msg::new(
            "The address names a user before its host (user@…); enter the site's own address.",
            "网址在主机名前包含用户名（user@…），请输入网站本身的地址。",
        ),
        UrlRejection::TooLong => Msg::new(
            format!("The address is longer than {MAX_URL_BYTES} characters."),
            format!("网址超过 {MAX_URL_BYTES} 个字符。"),
        ),
    }
}

fn check_list(spec: &FieldSpec, items: &[String], max_items: usize) -> Option<Msg> {
    let items: Vec<&str> = items
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    if items.is_empty() {
        return spec.required.then(required);
    }
    if items.len() > max_items {
        return Some(Msg::new(
            format!("At most {max_items} entries (now {}).", items.len()),
            format!("最多 {max_items} 条（当前 {} 条）。", items.len()),
        ));
    }
    for (index, item) in items.iter().enumerate() {
        let line = index + 1;
        let length = item.chars().count();
        if spec.max_len > 0 && length > spec.max_len {
            let inner = too_long(spec.max_len, length);
            return Some(Msg::new(
                format!("Line {line}: {}", inner.en),
                format!("第 {line} 行：{}", inner.zh),
            ));
        }
        if spec.format == Format::CaseStudies && parse_case_study(item).is_none() {
            return Some(Msg::new(
                format!(
                    "Line {line}: add a link starting with https://, optionally after a title."
                ),
                format!("第 {line} 行：请填写以 https:// 开头的链接，可在前面加标题。"),
            ));
        }
    }
    None
}

/// Pragmatic email check: exactly one `@`, a non-empty local part, a dotted domain without empty
/// labels, and no spaces, control characters, or characters that only appear in quoted or
/// bracketed forms (`<>()[],;:"\`). `name[at]example.com` is accepted as `name@example.com`.
/// Returns the address as it should be stored (trimmed, `[at]` restored).
pub fn check_email(raw: &str) -> Result<String, Msg> {
    let email = normalize_email(raw);
    let bad = || {
        Err(Msg::new(
            "Enter an email address like name@example.com.",
            "请输入有效的邮箱地址，例如 name@example.com。",
        ))
    };
    if email
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "<>()[],;:\"\\".contains(c))
    {
        return bad();
    }
    let mut parts = email.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return bad();
    };
    if local.is_empty()
        || !domain.contains('.')
        || domain.split('.').any(|label| label.is_empty())
        || domain.starts_with('-')
    {
        return bad();
    }
    Ok(email)
}

/// Trims and turns the anti-crawler spelling `name[at]example.com` (also ` [at] `, `(at)`) back
/// into `name@example.com`.
pub fn normalize_email(raw: &str) -> String {
    let mut email = raw.trim().to_string();
    for spelling in [" [at] ", "[at]", " (at) ", "(at)", "[AT]", "(AT)"] {
        email = email.replace(spelling, "@");
    }
    email
}

/// What stands for the `@` of an email written for a public issue.
pub const HIDDEN_AT: &str = "[at]";

/// The email written as `name[at]example.com`, as the Adopter Group application asks, so
/// crawlers reading public issues do not harvest it.
pub fn hide_email(email: &str) -> String {
    normalize_email(email).replace('@', HIDDEN_AT)
}

/// A GitHub user name: 1–39 ASCII letters, digits or single hyphens, not at either end.
/// Accepts a leading `@` and a `https://github.com/` prefix, and returns the bare name.
pub fn normalize_github_id(raw: &str) -> Option<String> {
    let mut id = raw.trim();
    for prefix in ["https://github.com/", "http://github.com/", "github.com/"] {
        if let Some(rest) = id.strip_prefix(prefix) {
            id = rest.trim_end_matches('/');
        }
    }
    let id = id.strip_prefix('@').unwrap_or(id);
    let valid = (1..=39).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--");
    valid.then(|| id.to_string())
}

/// An `http(s)` URL whose path (before `?` or `#`) ends in `.png` or `.svg`, in any case.
pub fn is_logo_url(raw: &str) -> bool {
    let Ok(url) = check_absolute_http_url(raw) else {
        return false;
    };
    let path = url.split(['?', '#']).next().unwrap_or("");
    let lower = path.to_ascii_lowercase();
    let after_host = lower
        .split_once("://")
        .map(|(_, rest)| rest)
        .and_then(|rest| rest.find('/').map(|i| &rest[i..]))
        .unwrap_or("");
    after_host.ends_with(".png") || after_host.ends_with(".svg")
}

/// A Karmada release, leniently: an optional `v`, then `MAJOR.MINOR` or `MAJOR.MINOR.PATCH`,
/// then optionally a pre-release or build suffix (`-rc.1`, `+build`). `v1.12.0`, `1.12`,
/// `V1.9.1-rc.0` pass; `latest`, `1`, `v1.x` do not.
pub fn is_karmada_version(raw: &str) -> bool {
    let version = raw.trim();
    let version = version
        .strip_prefix('v')
        .or_else(|| version.strip_prefix('V'))
        .unwrap_or(version);
    let (core, suffix) = match version.find(['-', '+']) {
        Some(i) => (&version[..i], Some(&version[i + 1..])),
        None => (version, None),
    };
    let numbers: Vec<&str> = core.split('.').collect();
    let core_ok = (2..=3).contains(&numbers.len())
        && numbers
            .iter()
            .all(|n| !n.is_empty() && n.len() <= 6 && n.bytes().all(|b| b.is_ascii_digit()));
    let suffix_ok = suffix.is_none_or(|s| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'+'))
    });
    core_ok && suffix_ok
}

/// A case-study line: `Title https://…`, `Title - https://…` or just `https://…`.
/// Returns `(title, url)`; without a title, the URL is the title.
pub fn parse_case_study(line: &str) -> Option<(String, String)> {
    let line = line.trim();
    let start = line
        .rfind("https://")
        .or_else(|| line.rfind("http://"))
        .or_else(|| line.to_ascii_lowercase().rfind("http"))?;
    let url = check_absolute_http_url(&line[start..]).ok()?;
    let title = line[..start]
        .trim()
        .trim_end_matches([':', '-', '|', '–', '—', '：'])
        .trim();
    let title = if title.is_empty() {
        url.clone()
    } else {
        title.to_string()
    };
    // A title that reads as another address would lie about the link in the issue and the
    // website's table.
    if members_feed::title_misleads(&title, &url) {
        return None;
    }
    Some((title, url))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn adopter_ok() -> FormValues {
        let mut v = FormValues::new();
        v.set_text("org-name", "AwesomeCorp");
        v.set_text("website", "https://awesome.example/");
        v.set_text("country", "CN");
        v.set_text("org-type", "end-user");
        v.set_text("usage", "Multi-cluster platform.");
        v.set_text("production-stage", "production-gt-1y");
        v.set_text("github-id", "@octocat");
        v.set_text("email", "ops@awesome.example");
        v.set_flag("ack-public", true);
        v
    }

    fn ids(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field).collect()
    }

    #[test]
    fn complete_forms_pass() {
        assert_eq!(validate(Program::Adopter, &adopter_ok()), vec![]);
        let mut v = FormValues::new();
        for (id, value) in [
            ("developer-name", "Arya"),
            ("company-name", "AwesomeCorp"),
            ("email", "arya[at]awesome.example"),
            ("github-id", "arya-stark"),
            ("karmada-version", "v1.12.0"),
        ] {
            v.set_text(id, value);
        }
        for id in [
            "ack-guidelines",
            "ack-2fa",
            "ack-mailing-list",
            "ack-gitdm",
            "ack-openprofile",
        ] {
            v.set_flag(id, true);
        }
        assert_eq!(validate(Program::Individual, &v), vec![]);
    }

    #[test]
    fn empty_forms_report_every_required_field_in_order() {
        let empty = FormValues::new();
        assert_eq!(
            ids(&validate(Program::Adopter, &empty)),
            [
                "org-name",
                "website",
                "country",
                "org-type",
                "usage",
                "production-stage",
                "github-id",
                "email",
                "ack-public"
            ]
        );
        assert_eq!(
            ids(&validate(Program::Individual, &empty)),
            [
                "developer-name",
                "company-name",
                "email",
                "github-id",
                "karmada-version",
                "ack-guidelines",
                "ack-2fa",
                "ack-mailing-list",
                "ack-gitdm",
                "ack-openprofile"
            ]
        );
        assert_eq!(
            ids(&validate(Program::Partner, &empty)),
            [
                "org-name",
                "description",
                "website",
                "logo",
                "github-id",
                "ack-authentic",
                "ack-url-relevant",
                "ack-karmada-support"
            ]
        );
        let errors = validate(Program::Adopter, &empty);
        assert_eq!(errors[0].message.en, "This field is required.");
        assert_eq!(errors[0].message.zh, "此项为必填项。");
        // Whitespace is empty.
        let mut v = adopter_ok();
        v.set_text("org-name", "   ");
        assert_eq!(ids(&validate(Program::Adopter, &v)), ["org-name"]);
    }

    #[test]
    fn partner_needs_github_or_email() {
        let mut v = FormValues::new();
        v.set_text("email", "biz@partner.example");
        assert!(validate_field(Program::Partner, "github-id", &v).is_none());
        let mut v = FormValues::new();
        v.set_text("github-id", "partner");
        assert!(validate_field(Program::Partner, "github-id", &v).is_none());
        assert!(validate_field(Program::Partner, "email", &v).is_none());
        let e = validate_field(Program::Partner, "github-id", &FormValues::new()).unwrap();
        assert!(e.message.en.contains("at least one"), "{e:?}");
        // A wrong email is still wrong even though it is optional.
        let mut v = FormValues::new();
        v.set_text("email", "not-an-email");
        assert!(validate_field(Program::Partner, "email", &v).is_some());
    }

    #[test]
    fn urls_must_be_absolute_http() {
        let mut v = adopter_ok();
        for (bad, expect) in [
            ("javascript:alert(1)", "https://"),
            ("www.example.com", "https://"),
            ("https:///x", "host"),
            ("https://exa mple.com", "spaces"),
        ] {
            v.set_text("website", bad);
            let e = validate_field(Program::Adopter, "website", &v).expect(bad);
            assert!(e.message.en.contains(expect), "{bad}: {e:?}");
        }
        v.set_text("website", " http://example.com ");
        assert!(validate_field(Program::Adopter, "website", &v).is_none());
    }

    #[test]
    fn email_rule() {
        for ok in [
            "a@b.co",
            "first.last+tag@sub.example.com",
            "name[at]example.com",
            "name [at] example.com",
            "  x@y.cn ",
            "用户@例子.中国",
        ] {
            assert!(check_email(ok).is_ok(), "{ok}");
        }
        assert_eq!(
            check_email("name[at]example.com").unwrap(),
            "name@example.com"
        );
        for bad in [
            "",
            "plain",
            "@example.com",
            "a@",
            "a@b",
            "a@@b.com",
            "a@b@c.com",
            "a b@c.com",
            "a@b..com",
            "a@.b.com",
            "a@b.com.",
            "<a@b.com>",
            "a@b,c.com",
            "a@-b.com",
        ] {
            assert!(check_email(bad).is_err(), "{bad}");
        }
        assert_eq!(hide_email("a@b.com"), "a[at]b.com");
        assert_eq!(hide_email("a[at]b.com"), "a[at]b.com");
    }

    #[test]
    fn github_id_rule() {
        assert_eq!(normalize_github_id("@octocat").as_deref(), Some("octocat"));
        assert_eq!(
            normalize_github_id(" Rainbow-Mango ").as_deref(),
            Some("Rainbow-Mango")
        );
        assert_eq!(
            normalize_github_id("https://github.com/wawa0210/").as_deref(),
            Some("wawa0210")
        );
        assert_eq!(normalize_github_id("a").as_deref(), Some("a"));
        assert!(normalize_github_id(&"a".repeat(39)).is_some());
        for bad in [
            "",
            "@",
            "-a",
            "a-",
            "a--b",
            "a_b",
            "a.b",
            "a b",
            "@@a",
            "用户",
            &"a".repeat(40),
        ] {
            assert_eq!(normalize_github_id(bad), None, "{bad}");
        }
    }

    #[test]
    fn logo_rule() {
        for ok in [
            "https://karmada.io/img/supporters/bloomberg.png",
            "https://e.example/LOGO.SVG",
            "https://e.example/logo.png?v=2",
            "https://e.example/logo.svg#mark",
        ] {
            assert!(is_logo_url(ok), "{ok}");
        }
        for bad in [
            "https://e.example/logo.jpg",
            "https://e.example/logo.png.exe",
            "https://e.example/page?img=logo.png",
            "https://logo.png",
            "/img/logo.png",
            "javascript:alert('.png')",
        ] {
            assert!(!is_logo_url(bad), "{bad}");
        }
        let mut v = FormValues::new();
        v.set_text("logo", "https://e.example/logo.gif");
        let e = validate_field(Program::Partner, "logo", &v).unwrap();
        assert!(e.message.en.contains(".png"));
    }

    #[test]
    fn karmada_version_rule() {
        for ok in [
            "v1.12.0",
            "1.12",
            "V1.9.1-rc.0",
            " v1.13.0+build.1 ",
            "v2.0",
        ] {
            assert!(is_karmada_version(ok), "{ok}");
        }
        for bad in [
            "",
            "v",
            "1",
            "latest",
            "v1.x",
            "v1.12.0.1",
            "v1..2",
            "1.12-",
            "v1.12 beta",
        ] {
            assert!(!is_karmada_version(bad), "{bad}");
        }
    }

    #[test]
    fn lengths_count_characters_not_bytes() {
        let mut v = adopter_ok();
        v.set_text("org-name", "字".repeat(100));
        assert!(validate_field(Program::Adopter, "org-name", &v).is_none());
        v.set_text("org-name", "字".repeat(101));
        let e = validate_field(Program::Adopter, "org-name", &v).unwrap();
        assert_eq!(e.message.en, "At most 100 characters (now 101).");
        assert_eq!(e.message.zh, "最多 100 个字符（当前 101 个）。");
    }

    #[test]
    fn evaluating_is_not_eligible_and_selects_need_known_values() {
        let mut v = adopter_ok();
        v.set_text("production-stage", "evaluating");
        let e = validate_field(Program::Adopter, "production-stage", &v).unwrap();
        assert!(e.message.en.contains("in production"));
        v.set_text("production-stage", "sometimes");
        assert!(validate_field(Program::Adopter, "production-stage", &v).is_some());
        v.set_text("org-type", "reseller");
        assert_eq!(
            ids(&validate(Program::Adopter, &v)),
            ["org-type", "production-stage"]
        );
    }

    #[test]
    fn acknowledgements_must_be_ticked() {
        let mut v = adopter_ok();
        v.set_flag("ack-public", false);
        assert_eq!(ids(&validate(Program::Adopter, &v)), ["ack-public"]);
    }

    #[test]
    fn help_details_only_when_help_is_wanted() {
        let mut v = adopter_ok();
        assert!(validate_field(Program::Adopter, "help-details", &v).is_none());
        v.set_flag("help-wanted", true);
        assert_eq!(ids(&validate(Program::Adopter, &v)), ["help-details"]);
        v.set_text("help-details", "Upgrade advice");
        assert!(validate(Program::Adopter, &v).is_empty());
    }

    #[test]
    fn case_study_lines() {
        assert_eq!(
            parse_case_study("KubeCon talk https://youtu.be/x"),
            Some(("KubeCon talk".into(), "https://youtu.be/x".into()))
        );
        assert_eq!(
            parse_case_study("博客 — https://e.example/a"),
            Some(("博客".into(), "https://e.example/a".into()))
        );
        assert_eq!(
            parse_case_study("https://e.example/a"),
            Some(("https://e.example/a".into(), "https://e.example/a".into()))
        );
        assert_eq!(parse_case_study("Title javascript:alert(1)"), None);
        assert_eq!(parse_case_study("no link"), None);
        // A title that reads as another address is refused: it would lie about its link.
        assert_eq!(
            parse_case_study("https://karmada.io/adopters/official https://evil.example/phish"),
            None
        );
        assert_eq!(
            parse_case_study("https://e.example/a - https://e.example/a"),
            Some(("https://e.example/a".into(), "https://e.example/a".into()))
        );

        let mut v = adopter_ok();
        v.set_list(
            "case-studies",
            vec!["https://ok.example/".into(), "bad".into()],
        );
        let e = validate_field(Program::Adopter, "case-studies", &v).unwrap();
        assert!(e.message.en.starts_with("Line 2:"), "{e:?}");
        v.set_list(
            "case-studies",
            (0..11).map(|i| format!("https://e.example/{i}")).collect(),
        );
        let e = validate_field(Program::Adopter, "case-studies", &v).unwrap();
        assert!(e.message.en.contains("At most 10 entries"), "{e:?}");
        v.set_list("case-studies", vec!["  ".into()]);
        assert!(validate_field(Program::Adopter, "case-studies", &v).is_none());
    }

    #[test]
    fn unknown_field_has_no_error() {
        assert!(validate_field(Program::Adopter, "nope", &FormValues::new()).is_none());
    }
}
