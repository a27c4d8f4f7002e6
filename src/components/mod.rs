//! Reusable pieces of the views.

mod card;
mod document;
mod feed_error;
mod highlighted;
mod kind_badges;
mod logo;

pub use card::{MemberCard, MemberLabels};
pub use document::DocumentView;
pub use feed_error::{describe as describe_fetch_error, FeedErrorView};
pub use highlighted::Highlighted;
pub use kind_badges::KindBadges;
pub use logo::{monogram, MemberLogo};
