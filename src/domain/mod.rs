//! Validated types and rules of the tracker. Nothing here knows about HTTP or SQL.

pub mod announcement;
pub mod article;
pub mod diff;
pub mod slug;
pub mod status;

pub use article::ArticleNumber;
pub use status::{Status, TransitionError};
