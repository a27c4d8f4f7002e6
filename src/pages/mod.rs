//! The routed views.

pub mod join;
pub mod logos;
pub mod member;
pub mod members;
mod not_found;
pub mod stats;

pub use join::JoinPage;
pub use logos::LogosPage;
pub use member::MemberPage;
pub use members::MembersPage;
pub use not_found::NotFoundPage;
pub use stats::StatsPage;
