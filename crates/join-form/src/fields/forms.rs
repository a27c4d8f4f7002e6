//! The three forms as data: every field of each program in order, with its bilingual label,
//! help and limits, and the options of the two selects.

use super::{FieldKind, FieldSpec, Format, SelectOption};
use crate::text::Text;

const fn field(
    id: &'static str,
    kind: FieldKind,
    required: bool,
    max_len: usize,
    label: Text,
    help: Text,
    placeholder: Text,
) -> FieldSpec {
    FieldSpec {
        id,
        kind,
        format: Format::None,
        required,
        max_len,
        label,
        help,
        placeholder,
        shown_if: None,
        one_of_required: false,
    }
}

/// `spec`, one of the fields at least one of which must be given.
const fn one_of_required(mut spec: FieldSpec) -> FieldSpec {
    spec.one_of_required = true;
    spec
}

const fn with_format(mut spec: FieldSpec, format: Format) -> FieldSpec {
    spec.format = format;
    spec
}

const fn checkbox(id: &'static str, label: Text, help: Text) -> FieldSpec {
    field(
        id,
        FieldKind::Checkbox,
        true,
        0,
        label,
        help,
        Text::same(""),
    )
}

/// Values of the `production-stage` select.
pub const STAGE_EVALUATING: &str = "evaluating";
pub const STAGE_UNDER_6_MONTHS: &str = "production-lt-6m";
pub const STAGE_6_TO_12_MONTHS: &str = "production-6-12m";
pub const STAGE_OVER_1_YEAR: &str = "production-gt-1y";

pub const PRODUCTION_STAGES: &[SelectOption] = &[
    SelectOption {
        value: STAGE_EVALUATING,
        label: Text::new(
            "Evaluating or testing (not eligible yet)",
            "评估或测试中（暂不符合条件）",
        ),
    },
    SelectOption {
        value: STAGE_UNDER_6_MONTHS,
        label: Text::new(
            "In production for less than 6 months",
            "已在生产环境使用不足 6 个月",
        ),
    },
    SelectOption {
        value: STAGE_6_TO_12_MONTHS,
        label: Text::new(
            "In production for 6–12 months",
            "已在生产环境使用 6–12 个月",
        ),
    },
    SelectOption {
        value: STAGE_OVER_1_YEAR,
        label: Text::new(
            "In production for more than a year",
            "已在生产环境使用超过 1 年",
        ),
    },
];

/// Values of the `org-type` select.
pub const ORG_END_USER: &str = "end-user";
pub const ORG_VENDOR: &str = "vendor";

pub const ORG_TYPES: &[SelectOption] = &[
    SelectOption {
        value: ORG_END_USER,
        label: Text::new(
            "End user: we run Karmada ourselves",
            "最终用户：我们自己运行 Karmada",
        ),
    },
    SelectOption {
        value: ORG_VENDOR,
        label: Text::new(
            "Vendor: our product or service is built on Karmada",
            "供应商：我们的产品或服务基于 Karmada 构建",
        ),
    },
];

const ORG_NAME_LABEL: Text = Text::new("Organisation name", "组织名称");
const GITHUB_LABEL: Text = Text::same("GitHub ID");
const EMAIL_LABEL: Text = Text::new("Email", "邮箱");
const LOGO_HELP: Text = Text::new(
    "A direct link to a PNG or SVG file, ideally with a transparent background.",
    "PNG 或 SVG 文件的直接链接，最好是透明背景。",
);

pub(crate) const ADOPTER_FIELDS: &[FieldSpec] = &[
    field(
        "org-name",
        FieldKind::Text,
        true,
        100,
        ORG_NAME_LABEL,
        Text::new("The name as it should appear in the adopters list.", "希望在采用者名单中显示的名称。"),
        Text::new("AwesomeCorp", "示例科技"),
    ),
    field(
        "website",
        FieldKind::Url,
        true,
        300,
        Text::new("Website", "官网"),
        Text::new("The organisation's home page, starting with https://.", "组织官网地址，以 https:// 开头。"),
        Text::same("https://www.example.com/"),
    ),
    field(
        "country",
        FieldKind::Text,
        true,
        60,
        Text::new("Country or region", "国家或地区"),
        Text::new("Where the organisation is based, e.g. China or CN.", "组织所在地，例如 中国、China 或 CN。"),
        Text::new("China", "中国"),
    ),
    field(
        "org-type",
        FieldKind::Select(ORG_TYPES),
        true,
        0,
        Text::new("End user or vendor", "最终用户或供应商"),
        Text::new(
            "Vendors are listed as adopters too, with a vendor badge.",
            "供应商同样列为采用者，并带有供应商标识。",
        ),
        Text::same(""),
    ),
    field(
        "usage",
        FieldKind::Textarea,
        true,
        500,
        Text::new("Usage scenario", "使用场景"),
        Text::new(
            "One or two sentences on what Karmada does for you; this text goes on the website.",
            "用一两句话说明 Karmada 为你们解决了什么问题；这段文字会展示在官网上。",
        ),
        Text::new("We use Karmada to run our services across three regions.", "我们使用 Karmada 在三个地域运行业务。"),
    ),
    with_format(
        field(
            "production-stage",
            FieldKind::Select(PRODUCTION_STAGES),
            true,
            0,
            Text::new("Production stage", "生产使用阶段"),
            Text::new(
                "The list is for production users; evaluations are welcome in the community channels meanwhile.",
                "名单仅收录生产用户；评估期间欢迎先在社区渠道交流。",
            ),
            Text::same(""),
        ),
        Format::ProductionStage,
    ),
    field(
        "github-id",
        FieldKind::Github,
        true,
        40,
        GITHUB_LABEL,
        Text::new(
            "The contact's GitHub user name; it is invited to the karmada-adopter-group team.",
            "联系人的 GitHub 用户名，将被邀请加入 karmada-adopter-group 团队。",
        ),
        Text::same("@octocat"),
    ),
    field(
        "email",
        FieldKind::Email,
        true,
        254,
        EMAIL_LABEL,
        Text::new(
            "The contact's address; it is added to the Adopter Group mailing list.",
            "联系人的邮箱，将被加入采用者小组邮件组。",
        ),
        Text::same("name@example.com"),
    ),
    field(
        "twitter",
        FieldKind::Text,
        false,
        100,
        Text::new("Twitter / X (optional)", "Twitter / X（选填）"),
        Text::new("A handle or profile link.", "账号或主页链接。"),
        Text::same("@example"),
    ),
    field(
        "wechat",
        FieldKind::Text,
        false,
        100,
        Text::new("WeChat (optional)", "微信（选填）"),
        Text::new("A WeChat ID maintainers may use to reach you.", "便于维护者联系你的微信号。"),
        Text::same(""),
    ),
    field(
        "other-contact",
        FieldKind::Text,
        false,
        200,
        Text::new("Other contact (optional)", "其他联系方式（选填）"),
        Text::new("Slack, LinkedIn or anything else you prefer.", "Slack、LinkedIn 或其他你习惯的方式。"),
        Text::same(""),
    ),
    with_format(
        field(
            "logo",
            FieldKind::Url,
            false,
            300,
            Text::new("Logo URL (PNG or SVG)", "Logo 链接（PNG 或 SVG）"),
            LOGO_HELP,
            Text::same("https://www.example.com/logo.svg"),
        ),
        Format::Logo,
    ),
    field(
        "help-wanted",
        FieldKind::Checkbox,
        false,
        0,
        Text::new("We would like help from the community", "希望获得社区帮助"),
        Text::new(
            "Tick this if maintainers should get in touch about a problem or plan.",
            "如希望维护者就某个问题或计划与你们联系，请勾选。",
        ),
        Text::same(""),
    ),
    FieldSpec {
        shown_if: Some("help-wanted"),
        ..field(
            "help-details",
            FieldKind::Textarea,
            true,
            1000,
            Text::new("What help do you need?", "需要什么帮助？"),
            Text::new(
                "For example: a scheduling question, an upgrade plan, a talk together.",
                "例如：调度问题、升级方案、共同做一次分享。",
            ),
            Text::same(""),
        )
    },
    with_format(
        field(
            "case-studies",
            FieldKind::List { max_items: 10 },
            false,
            400,
            Text::new("Case studies (optional)", "案例（选填）"),
            Text::new(
                "One link a line, optionally after a title: talks, blog posts, product pages.",
                "每行一个链接，可在链接前写标题：演讲、博客、产品页面等。",
            ),
            Text::new("KubeCon 2024 talk https://www.youtube.com/watch?v=…", "KubeCon 2024 演讲 https://www.youtube.com/watch?v=…"),
        ),
        Format::CaseStudies,
    ),
    checkbox(
        "ack-public",
        Text::new(
            "The organisation name, logo and usage may be shown publicly",
            "同意公开展示组织名称、Logo 和使用场景",
        ),
        Text::new(
            "They appear on karmada.io and in community talks; personal details never do.",
            "这些信息会出现在 karmada.io 和社区活动中；个人信息不会公开。",
        ),
    ),
];

pub(crate) const INDIVIDUAL_FIELDS: &[FieldSpec] = &[
    field(
        "developer-name",
        FieldKind::Text,
        true,
        100,
        Text::new("Your name", "你的姓名"),
        Text::new("Your full name.", "你的全名。"),
        Text::new("Arya Stark", "李雷"),
    ),
    field(
        "company-name",
        FieldKind::Text,
        true,
        100,
        Text::new("Company name", "公司名称"),
        Text::new(
            "It must already be listed on karmada.io/adopters; otherwise use the organisation form.",
            "公司须已列入 karmada.io/adopters；否则请先提交组织申请。",
        ),
        Text::new("AwesomeCorp", "示例科技"),
    ),
    field(
        "email",
        FieldKind::Email,
        true,
        254,
        EMAIL_LABEL,
        Text::new(
            "Added to the Adopter Group mailing list; the issue shows it as name[at]domain.",
            "将加入采用者小组邮件组；issue 中会写成 name[at]domain 以防爬虫。",
        ),
        Text::same("name@example.com"),
    ),
    field(
        "github-id",
        FieldKind::Github,
        true,
        40,
        GITHUB_LABEL,
        Text::new(
            "Invited to the karmada-adopter-group team on GitHub.",
            "将被邀请加入 GitHub 上的 karmada-adopter-group 团队。",
        ),
        Text::same("@octocat"),
    ),
    with_format(
        field(
            "karmada-version",
            FieldKind::Text,
            true,
            40,
            Text::new("Karmada version in use", "当前使用的 Karmada 版本"),
            Text::new("The release you run, e.g. v1.12.0.", "你正在运行的版本，例如 v1.12.0。"),
            Text::same("v1.12.0"),
        ),
        Format::KarmadaVersion,
    ),
    checkbox(
        "ack-guidelines",
        Text::new("I have read the Adopter Group guidelines", "我已阅读采用者小组指南"),
        Text::new(
            "The README in karmada-io/community explains membership, data use and conduct.",
            "karmada-io/community 中的 README 说明了成员资格、信息使用和行为准则。",
        ),
    ),
    checkbox(
        "ack-2fa",
        Text::new("Two-factor authentication is on for my GitHub account", "我的 GitHub 账号已开启双因素认证"),
        Text::new(
            "The karmada-io organisation only admits accounts protected by 2FA.",
            "karmada-io 组织只接纳开启了 2FA 的账号。",
        ),
    ),
    checkbox(
        "ack-mailing-list",
        Text::new("I have subscribed to the Karmada mailing list", "我已订阅 Karmada 邮件列表"),
        Text::new(
            "The general list carries release and meeting announcements.",
            "该邮件列表会发布版本和会议通知。",
        ),
    ),
    checkbox(
        "ack-gitdm",
        Text::new("My affiliation in gitdm is up to date", "我在 gitdm 中的所属公司信息已更新"),
        Text::new(
            "CNCF devstats uses gitdm to credit contributions to your company.",
            "CNCF devstats 通过 gitdm 将贡献计入你的公司。",
        ),
    ),
    checkbox(
        "ack-openprofile",
        Text::new(
            "My affiliation on openprofile.dev is up to date",
            "我在 openprofile.dev 上的所属公司信息已更新",
        ),
        Text::new(
            "LFX Insights reads affiliations from there and will replace gitdm.",
            "LFX Insights 从这里读取所属公司，并将取代 gitdm。",
        ),
    ),
];

pub(crate) const PARTNER_FIELDS: &[FieldSpec] = &[
    field(
        "org-name",
        FieldKind::Text,
        true,
        100,
        ORG_NAME_LABEL,
        Text::new("The company's official name.", "公司的正式名称。"),
        Text::new("AwesomeCorp", "示例科技"),
    ),
    field(
        "description",
        FieldKind::Textarea,
        true,
        1000,
        Text::new("Description", "简介"),
        Text::new(
            "What the company does and which Karmada support it sells.",
            "公司的主营业务，以及提供哪些 Karmada 商业支持。",
        ),
        Text::same(""),
    ),
    field(
        "website",
        FieldKind::Url,
        true,
        300,
        Text::new("Karmada-related website", "与 Karmada 相关的网址"),
        Text::new(
            "A page on the company's own site about its Karmada offering.",
            "公司自有网站上介绍其 Karmada 商业支持的页面。",
        ),
        Text::same("https://www.example.com/karmada"),
    ),
    with_format(
        field(
            "logo",
            FieldKind::Url,
            true,
            300,
            Text::new("Logo URL (PNG or SVG)", "Logo 链接（PNG 或 SVG）"),
            LOGO_HELP,
            Text::same("https://www.example.com/logo.png"),
        ),
        Format::Logo,
    ),
    one_of_required(field(
        "github-id",
        FieldKind::Github,
        false,
        40,
        GITHUB_LABEL,
        Text::new(
            "How reviewers reach you on GitHub. A GitHub ID or an email is needed (or both).",
            "评审人员在 GitHub 上联系你的方式。GitHub ID 与邮箱至少填写一项。",
        ),
        Text::same("@octocat"),
    )),
    one_of_required(field(
        "email",
        FieldKind::Email,
        false,
        254,
        EMAIL_LABEL,
        Text::new(
            "Where reviewers can reach the company. An email or a GitHub ID is needed (or both).",
            "评审人员联系公司的邮箱。邮箱与 GitHub ID 至少填写一项。",
        ),
        Text::same("name@example.com"),
    )),
    checkbox(
        "ack-authentic",
        Text::new(
            "The company is real and I may apply on its behalf",
            "公司真实存在，且我有权代表公司申请",
        ),
        Text::new(
            "Reviewers look the company up; a company email or site helps them.",
            "评审会核实公司信息；使用公司邮箱或官网有助于审核。",
        ),
    ),
    checkbox(
        "ack-url-relevant",
        Text::new("The website belongs to the company", "所填网址属于该公司"),
        Text::new(
            "Links to third-party pages or marketplaces are sent back.",
            "指向第三方页面或应用市场的链接会被退回。",
        ),
    ),
    checkbox(
        "ack-karmada-support",
        Text::new(
            "The company offers commercial support for Karmada",
            "公司提供 Karmada 商业支持",
        ),
        Text::new(
            "Support, consulting, training or a service built on Karmada, described on that page.",
            "即技术支持、咨询、培训或基于 Karmada 的服务，并在该页面上有所介绍。",
        ),
    ),
];
