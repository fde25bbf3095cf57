//! Reading and verifying the hash-chained audit trail. Records are
//! appended only by the unit of work (`tx::Write::commit`).

use chrono::{DateTime, Utc};

use super::{Storage, StorageError, on_pool, tx::audit_time};
use crate::domain::audit::{self, AuditContent, ChainError, Head, StoredRecord};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditRow {
    pub id: i64,
    pub recorded_at: DateTime<Utc>,
    pub actor: String,
    pub client_addr: Option<String>,
    pub action: String,
    pub entity_type: String,
    pub entity_id: String,
    pub before_json: Option<String>,
    pub after_json: Option<String>,
    pub public: bool,
    pub prev_hash: String,
    pub hash: String,
}

#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub actor: Option<String>,
    pub entity_type: Option<String>,
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    pub public_only: bool,
    /// Only records older than this one: the next page of a long trail.
    pub before_id: Option<i64>,
}

const AUDIT_COLUMNS: &str = "id, recorded_at, actor, client_addr, action, entity_type, entity_id, before_json, \
                             after_json, public, prev_hash, hash";

impl Storage {
    /// Audit records, newest first, filtered; at most `limit`.
    pub async fn audit_records(&self, filter: &AuditFilter, limit: i64) -> Result<Vec<AuditRow>, StorageError> {
        let sql = format!(
            "select {AUDIT_COLUMNS} from audit_log \
             where (cast($1 as text) is null or actor = $1) and (cast($2 as text) is null or entity_type = $2) \
               and ($3 = false or public = true) \
               and (cast($4 as text) is null or recorded_at >= $5) and (cast($6 as text) is null or recorded_at < $7) \
               and (cast($9 as bigint) is null or id < $9) \
             order by id desc limit $8"
        );
        // Timestamps are bound twice: once as text for the "no filter" test,
        // once with their own type for the comparison.
        let from_text = filter.from.map(audit_time);
        let until_text = filter.until.map(audit_time);
        Ok(on_pool!(self.db(), |pool| {
            crate::storage::recorded::query_as(&sql)
                .bind(&filter.actor)
                .bind(&filter.entity_type)
                .bind(filter.public_only)
                .bind(from_text)
                .bind(filter.from)
                .bind(until_text)
                .bind(filter.until)
                .bind(limit)
                .bind(filter.before_id)
                .fetch_all(pool)
                .await?
        }))
    }

    /// The public records (for /changes), newest first, older than
    /// `before_id` when given; read through the (public, id) index.
    pub async fn public_changes(&self, before_id: Option<i64>, limit: i64) -> Result<Vec<AuditRow>, StorageError> {
        let sql =
            format!("select {AUDIT_COLUMNS} from audit_log where public = true and id < $1 order by id desc limit $2");
        let before = before_id.unwrap_or(i64::MAX);
        Ok(on_pool!(self.db(), |pool| {
            crate::storage::recorded::query_as(&sql).bind(before).bind(limit).fetch_all(pool).await?
        }))
    }

    /// Checks the whole chain; `Ok(n)` with the number of records.
    /// The end of the chain as recorded beside it, for anyone to keep a copy.
    pub async fn audit_head(&self) -> Result<Option<Head>, StorageError> {
        let row: Option<(i64, String)> = on_pool!(self.db(), |pool| {
            crate::storage::recorded::query_as("select records, hash from audit_head where id = 1")
                .fetch_optional(pool)
                .await?
        });
        Ok(row.map(|(records, hash)| Head { records, hash }))
    }

    /// Whether the chain still holds a record with this hash: a copy of the
    /// head kept elsewhere must stay in the chain, which only grows.
    pub async fn audit_chain_holds(&self, hash: &str) -> Result<bool, StorageError> {
        let row: Option<(i64,)> = on_pool!(self.db(), |pool| {
            crate::storage::recorded::query_as("select id from audit_log where hash = $1")
                .bind(hash)
                .fetch_optional(pool)
                .await?
        });
        Ok(row.is_some())
    }

    /// Verifies every link of the chain, then its length and end against the
    /// head recorded beside it; returns the number of records.
    pub async fn verify_audit_chain(&self) -> Result<Result<usize, ChainError>, StorageError> {
        let sql = format!("select {AUDIT_COLUMNS} from audit_log order by id");
        let rows: Vec<AuditRow> =
            on_pool!(self.db(), |pool| crate::storage::recorded::query_as(&sql).fetch_all(pool).await?);
        let head = self.audit_head().await?;
        let times: Vec<String> = rows.iter().map(|r| audit_time(r.recorded_at)).collect();
        let linked = audit::verify(rows.iter().zip(&times).map(|(r, at)| StoredRecord {
            id: r.id,
            content: AuditContent {
                recorded_at: at,
                actor: &r.actor,
                client_addr: r.client_addr.as_deref(),
                action: &r.action,
                entity_type: &r.entity_type,
                entity_id: &r.entity_id,
                before_json: r.before_json.as_deref(),
                after_json: r.after_json.as_deref(),
                public: r.public,
            },
            prev_hash: &r.prev_hash,
            hash: &r.hash,
        }));
        Ok(linked.and_then(|records| {
            audit::check_head(records, rows.last().map(|r| r.hash.as_str()), head.as_ref()).map(|()| records)
        }))
    }
}
