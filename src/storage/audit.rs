//! Appending to and reading the hash-chained audit trail.

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::Value as Json;

use super::{
    Storage, StorageError, on_pool,
    tx::{Tx, args},
};
use crate::domain::audit::{self, AuditContent, ChainError, GENESIS, StoredRecord};

/// Who made a change, and from where.
#[derive(Debug, Clone)]
pub struct Actor {
    pub username: String,
    pub client_addr: Option<String>,
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
    pub async fn audit(&mut self, actor: &Actor, change: Change<'_>, now: DateTime<Utc>) -> Result<(), StorageError> {
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
        Ok(())
    }
}

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
    pub async fn verify_audit_chain(&self) -> Result<Result<usize, ChainError>, StorageError> {
        let sql = format!("select {AUDIT_COLUMNS} from audit_log order by id");
        let rows: Vec<AuditRow> =
            on_pool!(self.db(), |pool| crate::storage::recorded::query_as(&sql).fetch_all(pool).await?);
        let times: Vec<String> = rows.iter().map(|r| audit_time(r.recorded_at)).collect();
        Ok(audit::verify(rows.iter().zip(&times).map(|(r, at)| StoredRecord {
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
        })))
    }
}
