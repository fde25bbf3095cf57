//! A write transaction on either backend. Statements are plain SQL with `$n`
//! placeholders and a list of values, so each write is written once and runs
//! on SQLite and PostgreSQL alike.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{FromRow, Postgres, Sqlite, Transaction, postgres::PgRow, sqlite::SqliteRow};

use super::{Db, StorageError};

/// Serialises writers on PostgreSQL, where two transactions could otherwise
/// read the same audit-chain tail; SQLite's `begin immediate` does the same.
const WRITE_LOCK_KEY: i64 = 0x7772_6974_6572; // "writer"

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
    pub async fn begin(db: &Db) -> Result<Self, StorageError> {
        Ok(match db {
            Db::Sqlite(pool) => Tx::Sqlite(pool.begin_with("begin immediate").await?),
            Db::Postgres(pool) => {
                let mut tx = pool.begin().await?;
                sqlx::query("select pg_advisory_xact_lock($1)").bind(WRITE_LOCK_KEY).execute(&mut *tx).await?;
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
    pub async fn touch_data(&mut self, now: DateTime<Utc>) -> Result<(), StorageError> {
        self.execute(
            "insert into data_state (id, version, changed_at) values (1, 1, $1) \
             on conflict (id) do update set version = data_state.version + 1, changed_at = excluded.changed_at",
            args![now],
        )
        .await?;
        Ok(())
    }

    pub async fn commit(self) -> Result<(), StorageError> {
        match self {
            Tx::Sqlite(tx) => tx.commit().await?,
            Tx::Postgres(tx) => tx.commit().await?,
        }
        Ok(())
    }
}
