//! Validated types and rules of the tracker. Nothing here knows about HTTP or SQL.

pub mod account;
mod actor;
pub mod announcement;
pub mod article;
pub mod as_of;
pub mod audit;
pub mod certainty;
pub mod content;
pub mod diff;
pub mod input;
pub mod provision;
pub mod rejection;
pub mod results;
pub mod results_csv;
pub mod search;
pub mod slug;
pub mod status;
pub mod text;
pub mod timeline;

#[cfg(test)]
mod properties;

pub use actor::Actor;
pub use article::ArticleNumber;
pub use status::{Status, TransitionError};
