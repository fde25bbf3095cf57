//! The one way to write. [`Write`] is a unit of work: it begins a
//! transaction holding the database's write lock, and the only way to commit
//! it is [`Write::commit`], which appends the change's audit record and moves
//! the data version in the same transaction. Dropped without a commit, it
//! rolls back. So no write can skip the audit trail or the caches'
//! invalidation.
//!
//! Statements are plain SQL with `$n` placeholders and a list of values, so
//! each write is written once and runs on SQLite and PostgreSQL alike.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use sqlx::{FromRow, Postgres, Sqlite, Transaction, postgres::PgRow, sqlite::SqliteRow};

use serde_json::Value as Json;

use super::{Db, Storage, StorageError, WRITE_LOCK_KEY};
use crate::domain::{
    Actor,
    audit::{AuditContent, GENESIS},
};

/// One unit of work; see the module comment.
pub struct Write<'a> {
    tx: Tx,
    actor: &'a Actor,
    now: DateTime<Utc>,
}

impl Storage {
    /// Begins a unit of work on behalf of `actor`. Concurrent writers queue
    /// for the write lock instead of failing.
    pub(crate) async fn begin_write<'a>(&self, actor: &'a Actor) -> Result<Write<'a>, StorageError> {
        Ok(Write { tx: Tx::begin(self.db(), self.busy_timeout()).await?, actor, now: super::now() })
    }
}

/// A transaction for security bookkeeping that is not content and so has no
/// audit record and moves no data version: sign-in attempts. It holds its
/// own lock (not the writers'), so that counting and recording an attempt
/// are one step for every instance.
pub(super) struct Bookkeeping(Tx);

/// The advisory lock of sign-in bookkeeping on PostgreSQL.
const BOOKKEEPING_LOCK_KEY: i64 = 0x6c6f_6769_6e73; // "logins"

impl Bookkeeping {
    pub(super) async fn begin(db: &Db, lock_timeout: std::time::Duration) -> Result<Self, StorageError> {
        Ok(Bookkeeping(Tx::begin_locked(db, BOOKKEEPING_LOCK_KEY, lock_timeout).await?))
    }

    pub(super) async fn commit(self) -> Result<(), StorageError> {
        self.0.commit().await
    }
}

impl std::ops::Deref for Bookkeeping {
    type Target = Tx;
    fn deref(&self) -> &Tx {
        &self.0
    }
}

impl std::ops::DerefMut for Bookkeeping {
    fn deref_mut(&mut self) -> &mut Tx {
        &mut self.0
    }
}

impl Write<'_> {
    /// The time this change is recorded at, the same for every row it writes.
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// Appends the audit record of `change`, moves the data version and
    /// commits, all or nothing.
    pub async fn commit(mut self, change: Change<'_>) -> Result<(), StorageError> {
        self.tx.audit(self.actor, change, self.now).await?;
        self.tx.touch_data(self.now).await?;
        self.tx.commit().await
    }

    /// Appends the audit record of one more change made by this unit of work
    /// (a results import replaces several sets); `commit` appends the last.
    pub async fn record(&mut self, change: Change<'_>) -> Result<(), StorageError> {
        self.tx.audit(self.actor, change, self.now).await
    }

    /// Ends the unit of work having written nothing (a check found there was
    /// nothing to do).
    pub async fn nothing_to_do(self) -> Result<(), StorageError> {
        self.tx.rollback().await
    }
}

impl std::ops::Deref for Write<'_> {
    type Target = Tx;
    fn deref(&self) -> &Tx {
        &self.tx
    }
}

impl std::ops::DerefMut for Write<'_> {
    fn deref_mut(&mut self) -> &mut Tx {
        &mut self.tx
    }
}

#[derive(Debug, Clone)]
pub enum Value {
    Int(Option<i64>),
    Text(Option<String>),
    Date(Option<NaiveDate>),
    Time(DateTime<Utc>),
    Bool(bool),
}

impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Value::Int(Some(v))
    }
}
impl From<&i64> for Value {
    fn from(v: &i64) -> Self {
        Value::Int(Some(*v))
    }
}
impl From<Option<i64>> for Value {
    fn from(v: Option<i64>) -> Self {
        Value::Int(v)
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Value::Text(Some(v.to_owned()))
    }
}
impl From<String> for Value {
    fn from(v: String) -> Self {
        Value::Text(Some(v))
    }
}
impl From<&String> for Value {
    fn from(v: &String) -> Self {
        Value::Text(Some(v.clone()))
    }
}
impl From<Option<String>> for Value {
    fn from(v: Option<String>) -> Self {
        Value::Text(v)
    }
}
impl From<&Option<String>> for Value {
    fn from(v: &Option<String>) -> Self {
        Value::Text(v.clone())
    }
}
impl From<Option<&str>> for Value {
    fn from(v: Option<&str>) -> Self {
        Value::Text(v.map(str::to_owned))
    }
}
impl From<NaiveDate> for Value {
    fn from(v: NaiveDate) -> Self {
        Value::Date(Some(v))
    }
}
impl From<Option<NaiveDate>> for Value {
    fn from(v: Option<NaiveDate>) -> Self {
        Value::Date(v)
    }
}
impl From<DateTime<Utc>> for Value {
    fn from(v: DateTime<Utc>) -> Self {
        Value::Time(v)
    }
}
impl From<bool> for Value {
    fn from(v: bool) -> Self {
        Value::Bool(v)
    }
}

/// `args![a, b, c]` turns values of mixed types into bind values.
macro_rules! args {
    ($($value:expr),* $(,)?) => { &[$($crate::storage::tx::Value::from($value)),*] };
}
pub(crate) use args;

pub enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

macro_rules! bind_values {
    ($query:expr, $values:expr) => {{
        let mut query = $query;
        for value in $values {
            query = match value.clone() {
                Value::Int(v) => query.bind(v),
                Value::Text(v) => query.bind(v),
                Value::Date(v) => query.bind(v),
                Value::Time(v) => query.bind(v),
                Value::Bool(v) => query.bind(v),
            };
        }
        query
    }};
}

impl Tx {
    /// Begins a write transaction that holds the database's write lock, so
    /// concurrent admin requests queue instead of failing.
    async fn begin(db: &Db, lock_timeout: std::time::Duration) -> Result<Self, StorageError> {
        Self::begin_locked(db, WRITE_LOCK_KEY, lock_timeout).await
    }

    /// A transaction holding a lock for at most `lock_timeout`: SQLite's one
    /// write lock, or the PostgreSQL advisory lock `key`.
    async fn begin_locked(db: &Db, key: i64, lock_timeout: std::time::Duration) -> Result<Self, StorageError> {
        Ok(match db {
            // The connection's busy timeout bounds the wait for the lock.
            Db::Sqlite(pool) => Tx::Sqlite(pool.begin_with("begin immediate").await?),
            Db::Postgres(pool) => {
                let mut tx = pool.begin().await?;
                // Bounds the wait for the advisory lock below, as SQLite's
                // busy timeout does there (`set local` takes no parameters).
                sqlx::query(&format!("set local lock_timeout = {}", lock_timeout.as_millis()))
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("select pg_advisory_xact_lock($1)").bind(key).execute(&mut *tx).await?;
                Tx::Postgres(tx)
            }
        })
    }

    pub async fn execute(&mut self, sql: &str, values: &[Value]) -> Result<u64, StorageError> {
        Ok(match self {
            Tx::Sqlite(tx) => bind_values!(sqlx::query(sql), values).execute(&mut **tx).await?.rows_affected(),
            Tx::Postgres(tx) => bind_values!(sqlx::query(sql), values).execute(&mut **tx).await?.rows_affected(),
        })
    }

    pub async fn fetch_optional<T>(&mut self, sql: &str, values: &[Value]) -> Result<Option<T>, StorageError>
    where
        T: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin,
    {
        Ok(match self {
            Tx::Sqlite(tx) => bind_values!(sqlx::query_as(sql), values).fetch_optional(&mut **tx).await?,
            Tx::Postgres(tx) => bind_values!(sqlx::query_as(sql), values).fetch_optional(&mut **tx).await?,
        })
    }

    pub async fn fetch_one<T>(&mut self, sql: &str, values: &[Value]) -> Result<T, StorageError>
    where
        T: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin,
    {
        Ok(match self {
            Tx::Sqlite(tx) => bind_values!(sqlx::query_as(sql), values).fetch_one(&mut **tx).await?,
            Tx::Postgres(tx) => bind_values!(sqlx::query_as(sql), values).fetch_one(&mut **tx).await?,
        })
    }

    pub async fn fetch_all<T>(&mut self, sql: &str, values: &[Value]) -> Result<Vec<T>, StorageError>
    where
        T: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin,
    {
        Ok(match self {
            Tx::Sqlite(tx) => bind_values!(sqlx::query_as(sql), values).fetch_all(&mut **tx).await?,
            Tx::Postgres(tx) => bind_values!(sqlx::query_as(sql), values).fetch_all(&mut **tx).await?,
        })
    }

    /// Moves the data version and "data as of" with this transaction.
    async fn touch_data(&mut self, now: DateTime<Utc>) -> Result<(), StorageError> {
        self.execute(
            "insert into data_state (id, version, changed_at) values (1, 1, $1) \
             on conflict (id) do update set version = data_state.version + 1, changed_at = excluded.changed_at",
            args![now],
        )
        .await?;
        Ok(())
    }

    async fn commit(self) -> Result<(), StorageError> {
        match self {
            Tx::Sqlite(tx) => tx.commit().await?,
            Tx::Postgres(tx) => tx.commit().await?,
        }
        Ok(())
    }

    async fn rollback(self) -> Result<(), StorageError> {
        match self {
            Tx::Sqlite(tx) => tx.rollback().await?,
            Tx::Postgres(tx) => tx.rollback().await?,
        }
        Ok(())
    }
}

/// One change, as the audit trail records it.
pub struct Change<'a> {
    pub action: &'a str,
    pub entity_type: &'a str,
    pub entity_id: String,
    pub before: Option<Json>,
    pub after: Option<Json>,
    /// Status events and edits to public content are shown on /changes.
    pub public: bool,
}

/// Timestamps are hashed as text; microseconds survive both backends.
pub fn audit_time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, true)
}

impl Tx {
    /// Appends one audit record, chained to the last one, in this transaction.
    async fn audit(&mut self, actor: &Actor, change: Change<'_>, now: DateTime<Utc>) -> Result<(), StorageError> {
        let prev: Option<(String,)> =
            self.fetch_optional("select hash from audit_log order by id desc limit 1", &[]).await?;
        let prev_hash = prev.map_or_else(|| GENESIS.to_owned(), |(h,)| h);
        let before = change.before.as_ref().map(Json::to_string);
        let after = change.after.as_ref().map(Json::to_string);
        let recorded_at = audit_time(now);
        let content = AuditContent {
            recorded_at: &recorded_at,
            actor: &actor.username,
            client_addr: actor.client_addr.as_deref(),
            action: change.action,
            entity_type: change.entity_type,
            entity_id: &change.entity_id,
            before_json: before.as_deref(),
            after_json: after.as_deref(),
            public: change.public,
        };
        let hash = content.hash(&prev_hash);
        let hash_for_head = hash.clone();
        self.execute(
            "insert into audit_log (recorded_at, actor, client_addr, action, entity_type, entity_id, before_json, \
             after_json, public, prev_hash, hash) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            args![
                now,
                &actor.username,
                actor.client_addr.clone(),
                change.action,
                change.entity_type,
                change.entity_id,
                before,
                after,
                change.public,
                prev_hash,
                hash
            ],
        )
        .await?;
        // The head moves with the record, in this transaction.
        self.execute(
            "insert into audit_head (id, records, hash) values (1, 1, $1) \
             on conflict (id) do update set records = audit_head.records + 1, hash = excluded.hash",
            args![hash_for_head],
        )
        .await?;
        Ok(())
    }
}
