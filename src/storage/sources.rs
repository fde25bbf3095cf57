//! Sources and the citations that tie each claim to them.

use super::{
    Storage, StorageError, WriteError, on_pool,
    tx::{Tx, args},
};
use crate::domain::rejection::{KeyKind, Rejection};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SourceRow {
    pub subject_id: i64,
    pub key: String,
    pub title: String,
    pub url: Option<String>,
    pub note: Option<String>,
}

impl Storage {
    /// Sources cited for a kind of claim: for one subject, or for all
    /// subjects of that kind when `subject_id` is `None`.
    pub async fn citations(&self, subject: &str, subject_id: Option<i64>) -> Result<Vec<SourceRow>, StorageError> {
        let sql = "select c.subject_id, s.key, s.title, s.url, s.note from citations c join sources s on s.id = c.source_id \
                   where c.subject = $1 and (cast($2 as bigint) is null or c.subject_id = $2) \
                   order by c.subject_id, c.position";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(subject)
            .bind(subject_id)
            .fetch_all(pool)
            .await?))
    }
}

impl Storage {
    /// A source by its key: (title, address).
    pub async fn source_by_key(&self, key: &str) -> Result<Option<(String, Option<String>)>, StorageError> {
        let sql = "select title, url from sources where key = $1";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql).bind(key).fetch_optional(pool).await?))
    }
}

impl Tx {
    /// A source named by its key, or by an address (created if new).
    pub(crate) async fn source_for(&mut self, key_or_url: &str) -> Result<i64, WriteError> {
        if key_or_url.starts_with("http://") || key_or_url.starts_with("https://") {
            return Ok(self.source_for_url(key_or_url).await?);
        }
        let found: Option<(i64,)> =
            self.fetch_optional("select id from sources where key = $1", args![key_or_url]).await?;
        found
            .map(|(id,)| id)
            .ok_or_else(|| Rejection::UnknownKey { kind: KeyKind::Source, key: key_or_url.to_owned() }.into())
    }

    /// The source with this address, created (keyed by the address) if new.
    pub(crate) async fn source_for_url(&mut self, url: &str) -> Result<i64, StorageError> {
        let existing: Option<(i64,)> =
            self.fetch_optional("select id from sources where url = $1 order by id limit 1", args![url]).await?;
        if let Some((id,)) = existing {
            return Ok(id);
        }
        let (id,): (i64,) = self
            .fetch_one("insert into sources (key, title, url) values ($1, $1, $1) returning id", args![url])
            .await?;
        Ok(id)
    }
}
