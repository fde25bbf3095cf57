//! What can go wrong in storage. [`StorageError`] is the database failing
//! (or refusing its configuration); [`WriteError`] adds what a write can be
//! refused for: nothing there, a stale version, or a domain rule broken. None
//! of it knows about forms or messages: the web layer decides how to say it.

use crate::domain::rejection::Rejection;

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("unsupported database URL scheme in “{0}”; use sqlite:PATH, postgres://… or postgresql://…")]
    UnsupportedScheme(String),
    #[error("invalid database URL: {0}")]
    InvalidUrl(String),
    #[error("cannot create the database folder {path}: {source}")]
    CreateFolder { path: String, source: std::io::Error },
    #[error("cannot open the database: {0}")]
    Connect(sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("seed data is invalid: {0}")]
    Seed(#[from] crate::seed::SeedError),
    #[error("{0}")]
    Texts(#[from] crate::texts::TextError),
    #[error("database error: {0}")]
    Sqlx(#[from] sqlx::Error),
}

impl StorageError {
    /// True when the database could not be reached, or could not take the
    /// work in time (a connection or the write lock not had within the
    /// timeout), as opposed to a query that failed: the web layer answers the
    /// first with 503 and Retry-After, since trying again later can succeed.
    pub fn is_unavailable(&self) -> bool {
        match self {
            StorageError::Connect(_) => true,
            StorageError::Sqlx(sqlx::Error::Database(e)) => {
                // SQLITE_BUSY (5) and SQLITE_LOCKED (6) after the busy
                // timeout; PostgreSQL's lock_not_available, cannot_connect_now,
                // admin_shutdown and the connection exceptions (class 08).
                let code = e.code().unwrap_or_default();
                matches!(code.as_ref(), "5" | "6" | "55P03" | "57P01" | "57P03") || code.starts_with("08")
            }
            StorageError::Sqlx(e) => {
                matches!(e, sqlx::Error::PoolTimedOut | sqlx::Error::Io(_) | sqlx::Error::PoolClosed)
            }
            _ => false,
        }
    }
}

impl WriteError {
    pub fn is_unavailable(&self) -> bool {
        matches!(self, WriteError::Storage(e) if e.is_unavailable())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("not found")]
    NotFound,
    /// The record changed since the form was loaded.
    #[error("version conflict (now at version {current})")]
    Conflict { current: i64 },
    /// The change breaks a rule of the domain.
    #[error("refused: {0}")]
    Rejected(#[from] Rejection),
    #[error(transparent)]
    Storage(#[from] StorageError),
}

impl From<sqlx::Error> for WriteError {
    fn from(e: sqlx::Error) -> Self {
        WriteError::Storage(e.into())
    }
}
