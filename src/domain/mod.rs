//! Validated types and rules of the tracker. Nothing here knows about HTTP or SQL.

pub mod account;
pub mod announcement;
pub mod article;
pub mod audit;
pub mod diff;
pub mod input;
pub mod results;
pub mod results_csv;
pub mod slug;
pub mod status;
pub mod timeline;

#[cfg(test)]
mod properties;

pub use article::ArticleNumber;
pub use status::{Status, TransitionError};
