//! Reusable pieces of the views.

mod bar_chart;
mod card;
mod card_grid;
mod case_study_cards;
mod choice_menu;
mod document;
mod empty_results;
mod facet_sheet;
mod facets;
mod featured_stories;
mod feed_diagnostics;
mod feed_error;
mod feed_image;
mod filter_chips;
mod highlighted;
mod host_link;
mod kind_badges;
mod language_switch;
mod logo;
mod member_header;
mod member_table;
mod newest_note;
mod not_found_view;
mod other_document;
mod page_chrome;
mod program_benefits;
mod related_members;
mod view_download;

pub use bar_chart::{Bar, BarChart};
pub use card::{CardContent, MemberCard, MemberLabels};
pub use card_grid::{CardGrid, CARDS_PER_BATCH, FIRST_SCREEN_CARDS};
pub use case_study_cards::CaseStudyCards;
pub use choice_menu::ChoiceMenu;
pub use document::DocumentView;
pub use empty_results::EmptyResults;
pub use facet_sheet::{FacetSheet, FilterSheet, PHONE_QUERY};
pub use facets::{FacetList, FlagToggles, KindToggles, ValueFacetOptions};
pub use featured_stories::FeaturedStories;
pub use feed_diagnostics::FeedDiagnostics;
pub use feed_error::{describe as describe_fetch_error, FeedErrorView};
pub use feed_image::{failed_before, remember_failed_images_in, FeedImage};
pub use filter_chips::FilterChips;
pub use highlighted::Highlighted;
pub use host_link::HostLink;
pub use kind_badges::KindBadges;
pub use language_switch::{LanguageSwitch, TwinAddress};
pub use logo::{monogram, MemberLogo};
pub use member_header::MemberHeader;
pub use member_table::MemberTable;
pub use newest_note::NewestNote;
pub use not_found_view::{Missing, NotFoundView};
pub use other_document::OtherDocument;
pub use page_chrome::{PageChrome, ROUTE_ANNOUNCER};
pub use program_benefits::ProgramBenefits;
pub use related_members::{RelatedMember, RelatedMembers};
pub use view_download::ViewDownload;

/// After a link that leaves the showcase (`techatbloomberg.com ↗`). An expression, not literal
/// markup: a literal-only element is filled through `innerHTML`, which Trusted Types refuse.
pub const EXTERNAL_MARK: &str = " ↗";

/// After a link to another view of the showcase ("Adoption at a glance →"); an expression for
/// the same reason.
pub const FORWARD_MARK: &str = " →";
