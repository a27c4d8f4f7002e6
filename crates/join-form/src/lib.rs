//! The "How to join" logic of the Karmada members showcase, without any UI.
//!
//! Three programs ([`Program`]): an organisation joining the adopters list and Adopter Group,
//! one more person joining the Adopter Group, and a company applying to be a commercial-support
//! partner. For each, the UI iterates [`Program::fields`] to render the form, keeps what the
//! visitor types in [`FormValues`] (saved as a JSON draft under [`Program::draft_key`]), calls
//! [`validate`] / [`validate_field`] for bilingual per-field errors, and on submit opens
//! [`issue_link`]'s URL (or shows its body to paste when [`IssueLink::fallback`] is set).
//! [`preview_member`] shows the card as the showcase will; [`comment_markdown`],
//! [`feed_entry_json`] and [`adopters_row`] are the "copy" buttons.
//!
//! Everything is pure (no I/O, clock or threads) and builds for `wasm32-unknown-unknown`.

mod encode;
mod feed;
mod fields;
mod issue;
pub mod markdown;
mod text;
mod validate;
mod values;

pub use encode::percent_encode;
pub use feed::{adopters_row, country_code, feed_entry_json, member_id, preview_member, slug};
pub use fields::{
    FieldKind, FieldSpec, Format, Program, SelectOption, BENEFITS_HEADING, ORG_END_USER, ORG_TYPES,
    ORG_VENDOR, PRODUCTION_STAGES, STAGE_6_TO_12_MONTHS, STAGE_EVALUATING, STAGE_OVER_1_YEAR,
    STAGE_UNDER_6_MONTHS,
};
pub use issue::{
    blank_issue_link, comment_markdown, issue_body, issue_link, issue_title, target, IssueLink,
    IssueOptions, Target, ADOPTERS_TABLE_EDIT_URL, ADOPTERS_THREAD_URL, ADOPTER_TEMPLATE,
    MAX_URL_LEN, PARTNERS_LIST_EDIT_URL,
};
pub use text::{Msg, Text};
pub use validate::{
    check_email, error_for, hide_email, is_karmada_version, is_logo_url, normalize_email,
    normalize_github_id, parse_case_study, validate, validate_field, FieldError,
};
pub use values::{FormValues, Value, MAX_DRAFT_ITEMS, MAX_DRAFT_TEXT};
