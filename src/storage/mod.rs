//! The only module that speaks SQL. One set of queries serves both backends:
//! `$n` placeholders, `cast(… as …)`, and values bound from Rust. Where the
//! SQL must differ, both versions sit side by side in one function.

pub mod accounts;
pub mod amendments;
pub mod announcements;
pub mod audit;
pub mod backup;
pub mod council;
mod decode;
mod error;
pub mod files;
pub mod provisions;
pub mod referendums;
pub mod results;
pub mod search;
pub mod seed;
pub mod sources;
pub mod synthetic;
pub mod timeline;
pub mod translations;
pub(crate) mod tx;

use std::{path::Path, str::FromStr, time::Duration};

use chrono::{DateTime, Utc};
use sqlx::{
    ConnectOptions,
    postgres::{PgConnectOptions, PgPool, PgPoolOptions},
    sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous},
};

pub use error::{StorageError, WriteError};

/// Runs the same expression against whichever pool backs the store; the
/// expression is compiled once per backend, so each gets its own types.
macro_rules! on_pool {
    ($db:expr, |$pool:ident| $body:expr) => {
        match $db {
            $crate::storage::Db::Sqlite($pool) => $body,
            $crate::storage::Db::Postgres($pool) => $body,
        }
    };
}
pub(crate) use on_pool;

tokio::task_local! {
    /// The SQL of the reads made by the current task, when recorded.
    static RECORDED: std::cell::RefCell<Vec<String>>;
}

/// Runs `work`, keeping the SQL text of every read it makes: one entry per
/// database round trip, for the Server-Timing count and for the test that
/// asks the database how it plans each query a page runs.
pub async fn recording_queries<T>(work: impl Future<Output = T>) -> (T, Vec<String>) {
    RECORDED
        .scope(std::cell::RefCell::new(Vec::new()), async {
            let output = work.await;
            (output, RECORDED.with(|sql| sql.take()))
        })
        .await
}

fn record(sql: &str) {
    let _ = RECORDED.try_with(|recorded| recorded.borrow_mut().push(sql.to_owned()));
}

/// `sqlx::query` and `sqlx::query_as`, recording the SQL when asked to.
pub(crate) mod recorded {
    use sqlx::{Database, FromRow};

    pub fn query_as<'q, DB: Database, O>(
        sql: &'q str,
    ) -> sqlx::query::QueryAs<'q, DB, O, <DB as Database>::Arguments<'q>>
    where
        O: for<'r> FromRow<'r, DB::Row>,
    {
        super::record(sql);
        sqlx::query_as(sql)
    }

    pub fn query<'q, DB: Database>(sql: &'q str) -> sqlx::query::Query<'q, DB, <DB as Database>::Arguments<'q>> {
        super::record(sql);
        sqlx::query(sql)
    }
}

/// The PostgreSQL advisory lock that serialises writers (SQLite's
/// `begin immediate` does the same); public so that tests can hold it.
pub const WRITE_LOCK_KEY: i64 = 0x7772_6974_6572; // "writer"

#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Debug, Clone)]
pub struct PoolConfig {
    pub max_connections: u32,
    pub acquire_timeout: Duration,
    /// How long a write waits for the write lock (another writer, a backup)
    /// before it is refused as "unavailable, try again".
    pub busy_timeout: Duration,
}

impl Default for PoolConfig {
    fn default() -> Self {
        Self { max_connections: 8, acquire_timeout: Duration::from_secs(3), busy_timeout: Duration::from_secs(10) }
    }
}

/// A handle on the database; cheap to clone.
#[derive(Clone, Debug)]
pub struct Storage {
    db: Db,
    /// The SQLite wal-index file ("…-shm"), whose header changes with every
    /// commit by any process; see [`Storage::commit_marker`].
    wal_index: Option<std::path::PathBuf>,
    busy_timeout: Duration,
}

impl Storage {
    pub async fn connect(url: &str, pool: &PoolConfig) -> Result<Self, StorageError> {
        let mut wal_index = None;
        let db = if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)
                .map_err(|e| StorageError::InvalidUrl(e.to_string()))?
                .create_if_missing(true)
                .foreign_keys(true)
                .journal_mode(SqliteJournalMode::Wal)
                // FULL fsyncs the WAL at every commit: an acknowledged admin
                // write survives power loss, not just a process crash. Writes
                // are rare here, so the extra fsync costs nothing visible.
                .synchronous(SqliteSynchronous::Full)
                .busy_timeout(pool.busy_timeout)
                .disable_statement_logging();
            let path = options.get_filename();
            if path != Path::new(":memory:")
                && let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
            {
                files::private_folder(parent)
                    .map_err(|source| StorageError::CreateFolder { path: parent.display().to_string(), source })?;
            }
            if path != Path::new(":memory:") {
                files::private_file(path)
                    .map_err(|source| StorageError::CreateFolder { path: path.display().to_string(), source })?;
            }
            // Switching a new file to WAL needs a moment of exclusive access,
            // which SQLite refuses at once (not after the busy timeout) when
            // another process is doing the same: retry briefly.
            let mut attempt = 0;
            let pool = loop {
                let result = SqlitePoolOptions::new()
                    .max_connections(pool.max_connections)
                    .acquire_timeout(pool.acquire_timeout)
                    .connect_with(options.clone())
                    .await;
                match result {
                    Err(sqlx::Error::Database(e)) if attempt < 20 && e.message().contains("locked") => {
                        attempt += 1;
                        tokio::time::sleep(Duration::from_millis(50 * attempt)).await;
                    }
                    other => break other.map_err(StorageError::Connect)?,
                }
            };
            wal_index = (path != Path::new(":memory:")).then(|| {
                let mut shm = path.as_os_str().to_owned();
                shm.push("-shm");
                std::path::PathBuf::from(shm)
            });
            Db::Sqlite(pool)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let options = PgConnectOptions::from_str(url)
                .map_err(|e| StorageError::InvalidUrl(e.to_string()))?
                .disable_statement_logging();
            let pool = PgPoolOptions::new()
                .max_connections(pool.max_connections)
                .acquire_timeout(pool.acquire_timeout)
                .connect_with(options)
                .await
                .map_err(StorageError::Connect)?;
            Db::Postgres(pool)
        } else {
            let scheme: String = url.split(':').next().unwrap_or_default().chars().take(20).collect();
            return Err(StorageError::UnsupportedScheme(format!("{scheme}:")));
        };
        Ok(Self { db, wal_index, busy_timeout: pool.busy_timeout })
    }

    /// Connects and applies pending migrations: what every command that uses
    /// the database starts with.
    pub async fn open(url: &str, pool: &PoolConfig) -> Result<Self, StorageError> {
        let storage = Self::connect(url, pool).await?;
        storage.migrate().await?;
        Ok(storage)
    }

    pub fn backend(&self) -> Backend {
        match self.db {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    pub(crate) fn db(&self) -> &Db {
        &self.db
    }

    pub(crate) fn busy_timeout(&self) -> Duration {
        self.busy_timeout
    }

    /// Applies pending migrations. On PostgreSQL the migrator holds an
    /// advisory lock, so instances starting together migrate once.
    /// SQLite has no advisory lock: when two processes migrate one file at
    /// once, the loser's transaction rolls back and a retry finds the
    /// migrations applied.
    pub async fn migrate(&self) -> Result<(), StorageError> {
        match &self.db {
            Db::Sqlite(pool) => {
                let mut attempt = 0;
                loop {
                    match sqlx::migrate!("./migrations/sqlite").run(pool).await {
                        Ok(()) => break,
                        Err(_) if attempt < 5 => {
                            attempt += 1;
                            tokio::time::sleep(Duration::from_millis(100 * attempt)).await;
                        }
                        Err(e) => return Err(e.into()),
                    }
                }
            }
            Db::Postgres(pool) => sqlx::migrate!("./migrations/postgres").run(pool).await?,
        }
        Ok(())
    }

    pub async fn close(&self) {
        on_pool!(&self.db, |pool| pool.close().await)
    }

    /// The data version and the time of the latest change; both move with
    /// every write, so pages can show "data as of" and caches can validate.
    pub async fn data_state(&self) -> Result<DataState, StorageError> {
        let row: Option<(i64, DateTime<Utc>)> = on_pool!(&self.db, |pool| {
            recorded::query_as("select version, changed_at from data_state where id = 1").fetch_optional(pool).await?
        });
        Ok(row.map_or(DataState { version: 0, changed_at: None }, |(version, changed_at)| DataState {
            version,
            changed_at: Some(changed_at),
        }))
    }

    /// A value that changes whenever any process commits to the database,
    /// read without a query: the header of SQLite's wal-index (the "-shm"
    /// file), which holds a transaction counter, the last frame and the WAL
    /// salts (<https://www.sqlite.org/walformat.html>). SQLite updates it
    /// before a commit returns. None when there is no such file to read
    /// (PostgreSQL, an in-memory database, or no connection open yet); then
    /// only a query can tell.
    pub fn commit_marker(&self) -> Option<[u8; 48]> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileExt;
            // Opened anew each time: when every connection closes, SQLite
            // deletes the file and a later one starts a new one.
            let file = std::fs::File::open(self.wal_index.as_ref()?).ok()?;
            let mut header = [0u8; 48];
            file.read_exact_at(&mut header, 0).ok()?;
            // An uninitialised header (isInit = 0 at byte 12) says nothing.
            (header[12] != 0).then_some(header)
        }
        #[cfg(not(unix))]
        {
            None
        }
    }

    pub async fn ping(&self) -> Result<(), StorageError> {
        on_pool!(&self.db, |pool| {
            recorded::query("select 1").execute(pool).await?;
        });
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DataState {
    pub version: i64,
    pub changed_at: Option<DateTime<Utc>>,
}

/// The "no upper bound" date for as-of queries. `NaiveDate::MAX` would not
/// do: SQLite compares dates as text, and "+262142-12-31" sorts first.
pub fn end_of_time() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(9999, 12, 31).expect("a valid date")
}

/// The time to record a change at: whole microseconds, which both backends
/// store exactly, so hashes over timestamps verify after a round trip.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    use chrono::SubsecRound;
    chrono::Utc::now().trunc_subsecs(6)
}
#[cfg(test)]
mod tests;
