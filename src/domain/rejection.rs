//! Why a write was refused: the rules a change can break, as values. Storage
//! reports them; the web layer turns each into a field and a message in one
//! place (`web::admin::form::rejection_field`).

use chrono::NaiveDate;

use super::Status;

/// What kind of thing an unknown key was meant to name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    Theme,
    Source,
    Amendment,
    Statement,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Rejection {
    /// The status cannot follow the previous one; `allowed` are those that can
    /// (empty after a final status; with no `from`, only "drafted" can start a history).
    #[error("{to} cannot follow {from:?}")]
    IllegalTransition { from: Option<Status>, to: Status, allowed: Vec<Status> },
    /// A status change dated before the entry it follows.
    #[error("the date is before the previous entry's ({previous})")]
    DateBeforePrevious { previous: NaiveDate },
    /// Only the latest entry of a history can be corrected.
    #[error("only the latest entry can be corrected")]
    CorrectLatestOnly,
    #[error("no {kind:?} has the key {key}")]
    UnknownKey { kind: KeyKind, key: String },
    #[error("the slug {0} is taken")]
    SlugTaken(String),
}

impl Rejection {
    /// The rejection for a status change that the state machine refuses.
    pub fn from_transition(from: Option<Status>, to: Status) -> Option<Self> {
        Status::check_transition(from, to).err().map(|_| Rejection::IllegalTransition {
            from,
            to,
            allowed: from.map(|f| f.next().to_vec()).unwrap_or_default(),
        })
    }
}
