//! The three join programs and their forms, as data the UI iterates over.
//!
//! Each program has an ordered list of [`FieldSpec`]s. A field's `id` is stable: the UI uses it
//! as the HTML `id` (prefix it with the program slug when two forms share a page) and as part of
//! the localStorage draft key; [`crate::FormValues`] stores values under it.

mod forms;

use crate::text::Text;
use forms::{ADOPTER_FIELDS, INDIVIDUAL_FIELDS, PARTNER_FIELDS};
pub use forms::{
    ORG_END_USER, ORG_TYPES, ORG_VENDOR, PRODUCTION_STAGES, STAGE_6_TO_12_MONTHS, STAGE_EVALUATING,
    STAGE_OVER_1_YEAR, STAGE_UNDER_6_MONTHS,
};

/// The heading over a program's [`Program::benefits`].
pub const BENEFITS_HEADING: Text = Text::new("What joining brings", "加入后的收获");

/// Which "How to join" path the visitor follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Program {
    /// An organisation joins the adopters list and the Adopter Group (first person from it).
    Adopter,
    /// One more person from an organisation that is already an adopter joins the Adopter Group.
    Individual,
    /// A company applies to the commercial-support partner program.
    Partner,
}

impl Program {
    pub const ALL: [Program; 3] = [Program::Adopter, Program::Individual, Program::Partner];

    /// `adopter`, `individual`, `partner`: for URLs, HTML ids and draft keys.
    pub fn slug(self) -> &'static str {
        match self {
            Program::Adopter => "adopter",
            Program::Individual => "individual",
            Program::Partner => "partner",
        }
    }

    pub fn parse(slug: &str) -> Option<Program> {
        Program::ALL.into_iter().find(|p| p.slug() == slug.trim())
    }

    /// The localStorage key of this program's draft.
    pub fn draft_key(self) -> String {
        format!("karmada-join-draft:v1:{}", self.slug())
    }

    pub fn title(self) -> Text {
        match self {
            Program::Adopter => Text::new(
                "Add your organisation to the adopters",
                "将贵组织加入采用者名单",
            ),
            Program::Individual => {
                Text::new("Join the Adopter Group yourself", "个人加入采用者小组")
            }
            Program::Partner => Text::new(
                "Become a commercial-support partner",
                "成为商业支持合作伙伴",
            ),
        }
    }

    /// Who the program is for and what happens after submitting, in a few sentences.
    pub fn intro(self) -> Text {
        match self {
            Program::Adopter => Text::new(
                "For end users running Karmada in production and vendors whose customers do. Trials and evaluations do not qualify yet: come back once Karmada carries real traffic. Maintainers check the details, list the organisation on karmada.io/adopters and invite the contact to the Adopter Group team and mailing list.",
                "适用于在生产环境使用 Karmada 的最终用户，以及其客户在生产环境使用 Karmada 的供应商。试用或评估阶段暂不符合条件，请在 Karmada 承载真实业务后再申请。维护者核实信息后，会将贵组织列入 karmada.io/adopters，并邀请联系人加入采用者小组的 GitHub 团队和邮件组。",
            ),
            Program::Individual => Text::new(
                "For people whose organisation is already on karmada.io/adopters. Maintainers verify the request, then invite you to the karmada-adopter-group GitHub team and mailing list.",
                "适用于所在组织已列入 karmada.io/adopters 的个人。维护者核实后，会邀请你加入 karmada-adopter-group GitHub 团队和邮件组。",
            ),
            Program::Partner => Text::new(
                "For companies that sell Karmada support, consulting, training, or a service built on Karmada. Reviewers check three things: that the organisation is real, that the website belongs to it, and that the page is about its Karmada offering. Approved partners appear on karmada.io.",
                "适用于提供 Karmada 技术支持、咨询、培训或基于 Karmada 构建服务的企业。评审关注三点：组织真实存在；所给网址属于该组织；页面内容与其 Karmada 商业支持相关。通过后将展示在 karmada.io 上。",
            ),
        }
    }

    /// What joining brings, a line each, for the join page's list under the introduction.
    pub fn benefits(self) -> &'static [Text] {
        const SEEN: Text = Text::new(
            "Your organisation on karmada.io's adopters page, where people weighing Karmada look first.",
            "贵组织展示在 karmada.io 的采用者页面上，评估 Karmada 的人首先会看这里。",
        );
        const GROUP: Text = Text::new(
            "A seat in the Adopter Group: a GitHub team and a mailing list where adopters compare notes.",
            "加入采用者小组：在 GitHub 团队和邮件组中与其他采用者交流经验。",
        );
        const NEWS: Text = Text::new(
            "Community news and meetings through the group's mailing list.",
            "通过小组邮件组获知社区动态和会议。",
        );
        const EVENTS: Text = Text::new(
            "Invitations to community events, and a stage to tell how you run Karmada.",
            "受邀参加社区活动，并有机会分享你们使用 Karmada 的经验。",
        );
        const LISTED_PARTNER: Text = Text::new(
            "Your company on karmada.io as a commercial-support partner.",
            "贵公司作为商业支持合作伙伴展示在 karmada.io 上。",
        );
        const FOUND: Text = Text::new(
            "End users who need help with Karmada can find you and get in touch.",
            "需要 Karmada 帮助的最终用户可以找到并联系你们。",
        );
        match self {
            Program::Adopter => &[SEEN, GROUP, NEWS, EVENTS],
            Program::Individual => &[GROUP, NEWS, EVENTS],
            Program::Partner => &[LISTED_PARTNER, FOUND],
        }
    }

    /// The ordered fields of this program's form.
    pub fn fields(self) -> &'static [FieldSpec] {
        match self {
            Program::Adopter => ADOPTER_FIELDS,
            Program::Individual => INDIVIDUAL_FIELDS,
            Program::Partner => PARTNER_FIELDS,
        }
    }

    /// The field with this id, if the program has one.
    pub fn field(self, id: &str) -> Option<&'static FieldSpec> {
        self.fields().iter().find(|f| f.id == id)
    }
}

/// How the UI renders a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// `<input type="text">`
    Text,
    /// `<textarea>`
    Textarea,
    /// `<input type="url">`
    Url,
    /// `<input type="email">`
    Email,
    /// `<input type="text">` for a GitHub user name (a leading `@` is fine).
    Github,
    /// `<select>` with these options (the first one is not preselected: start empty).
    Select(&'static [SelectOption]),
    /// `<input type="checkbox">`
    Checkbox,
    /// Several values, one per line (`<textarea>`, one entry a line), at most `max_items`.
    List { max_items: usize },
}

impl FieldKind {
    /// A short name for CSS classes and tests: `text`, `textarea`, `url`, `email`, `github`,
    /// `select`, `checkbox`, `list`.
    pub fn name(self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::Textarea => "textarea",
            FieldKind::Url => "url",
            FieldKind::Email => "email",
            FieldKind::Github => "github",
            FieldKind::Select(_) => "select",
            FieldKind::Checkbox => "checkbox",
            FieldKind::List { .. } => "list",
        }
    }
}

/// Extra checks beyond the kind's own (a URL is checked as `http(s)` by its kind already).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    None,
    /// An `http(s)` URL whose path ends in `.png` or `.svg`.
    Logo,
    /// A Karmada release such as `v1.12.0` or `1.12`.
    KarmadaVersion,
    /// Each line is a case-study link: `Title https://…` or just `https://…`.
    CaseStudies,
    /// The production-stage select: the `evaluating` option is refused with an explanation.
    ProductionStage,
}

/// One `<option>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SelectOption {
    /// The stored value.
    pub value: &'static str,
    pub label: Text,
}

/// One field of a form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    /// Stable id: HTML id and the key in [`crate::FormValues`].
    pub id: &'static str,
    pub kind: FieldKind,
    pub format: Format,
    /// For a checkbox: it must be ticked. For other kinds: it must not be empty.
    pub required: bool,
    /// Maximum length in characters (per line for lists); 0 for checkboxes and selects.
    pub max_len: usize,
    pub label: Text,
    /// One line shown under the field.
    pub help: Text,
    /// Example shown inside an empty input.
    pub placeholder: Text,
    /// Only shown (and only required) while this checkbox is ticked.
    pub shown_if: Option<&'static str>,
    /// Not required alone, but at least one of the program's fields so marked must be given
    /// (a partner's GitHub ID or email): they stand with the required fields.
    pub one_of_required: bool,
}

impl FieldSpec {
    /// Whether the field applies given the current values (see [`FieldSpec::shown_if`]).
    pub fn is_shown(&self, values: &crate::FormValues) -> bool {
        self.shown_if.is_none_or(|id| values.flag(id))
    }

    /// Whether the field stands with the required ones: required alone, or one of a set of
    /// which one is ([`FieldSpec::one_of_required`]).
    pub fn is_asked_for(&self) -> bool {
        self.required || self.one_of_required
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_field_is_complete_and_unique() {
        for program in Program::ALL {
            let mut ids = HashSet::new();
            for spec in program.fields() {
                assert!(ids.insert(spec.id), "{program:?}: duplicate id {}", spec.id);
                assert!(
                    spec.id
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                    "{}: ids are HTML ids and storage keys",
                    spec.id
                );
                for text in [spec.label, spec.help] {
                    assert!(!text.en.trim().is_empty(), "{}: English text", spec.id);
                    assert!(!text.zh.trim().is_empty(), "{}: Chinese text", spec.id);
                    assert!(
                        !text.en.contains('\n') && !text.zh.contains('\n'),
                        "{}: one line",
                        spec.id
                    );
                }
                match spec.kind {
                    FieldKind::Checkbox | FieldKind::Select(_) => assert_eq!(spec.max_len, 0),
                    _ => assert!(spec.max_len > 0, "{}: needs a max length", spec.id),
                }
                if let Some(parent) = spec.shown_if {
                    let parent = program.field(parent).expect("shown_if names a field");
                    assert_eq!(parent.kind, FieldKind::Checkbox);
                }
            }
            assert_eq!(Program::parse(program.slug()), Some(program));
            assert!(!program.title().zh.is_empty() && !program.intro().zh.is_empty());
            assert!(!program.benefits().is_empty());
            assert!(program
                .benefits()
                .iter()
                .all(|line| !line.en.is_empty() && !line.zh.is_empty()));
        }
        assert_eq!(Program::parse("nope"), None);
        assert_eq!(
            Program::Adopter.draft_key(),
            "karmada-join-draft:v1:adopter"
        );
    }

    #[test]
    fn individual_has_the_five_acknowledgements() {
        let acks: Vec<&str> = Program::Individual
            .fields()
            .iter()
            .filter(|f| f.kind == FieldKind::Checkbox && f.required)
            .map(|f| f.id)
            .collect();
        assert_eq!(
            acks,
            [
                "ack-guidelines",
                "ack-2fa",
                "ack-mailing-list",
                "ack-gitdm",
                "ack-openprofile"
            ]
        );
    }

    #[test]
    fn shown_if_follows_the_checkbox() {
        let spec = Program::Adopter.field("help-details").unwrap();
        let mut values = crate::FormValues::new();
        assert!(!spec.is_shown(&values));
        values.set_flag("help-wanted", true);
        assert!(spec.is_shown(&values));
    }

    /// A partner gives a GitHub ID or an email: both stand with the required fields, neither
    /// required alone; no other program has such a set.
    #[test]
    fn a_partners_contacts_are_asked_for_together() {
        for program in Program::ALL {
            let set: Vec<&str> = program
                .fields()
                .iter()
                .filter(|spec| spec.one_of_required)
                .map(|spec| spec.id)
                .collect();
            if program == Program::Partner {
                assert_eq!(set, ["github-id", "email"]);
            } else {
                assert!(set.is_empty(), "{program:?}");
            }
            for spec in program.fields() {
                assert!(!(spec.required && spec.one_of_required), "{}", spec.id);
            }
        }
    }
}
