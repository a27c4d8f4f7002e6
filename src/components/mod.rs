//! Reusable pieces of the views.

mod card;
mod card_grid;
mod document;
mod feed_error;
mod feed_image;
mod highlighted;
mod kind_badges;
mod logo;
mod page_chrome;

pub use card::{CardContent, MemberCard, MemberLabels};
pub use card_grid::{CardGrid, CARDS_PER_BATCH, FIRST_SCREEN_CARDS};
pub use document::DocumentView;
pub use feed_error::{describe as describe_fetch_error, FeedErrorView};
pub use feed_image::FeedImage;
pub use highlighted::Highlighted;
pub use kind_badges::KindBadges;
pub use logo::{monogram, MemberLogo};
pub use page_chrome::{PageChrome, ROUTE_ANNOUNCER};
