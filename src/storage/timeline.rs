//! Timeline events: reads for the timeline page and feeds, and the admin's
//! create, update and delete.

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::json;

use super::{Storage, StorageError, WriteError, on_pool, tx::Change, tx::args};
use crate::domain::{
    Actor,
    certainty::Certainty,
    rejection::{KeyKind, Rejection},
};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TimelineRow {
    pub id: i64,
    pub key: String,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub kind: String,
    pub title: String,
    pub description: String,
    pub certainty: Certainty,
    pub uncertainty_note: Option<String>,
}

/// One timeline event with its version and linked articles, for editing.
pub struct TimelineEventDetail {
    pub row: TimelineRow,
    pub version: i64,
    pub articles: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct TimelineInput {
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub kind: String,
    pub title: String,
    pub description: String,
    pub uncertainty_note: Option<String>,
    pub amendments: Vec<String>,
    /// The source of the event; replaces the event's sources when given.
    pub source_url: Option<String>,
}

impl Storage {
    /// Timeline events of a referendum up to a date, or only those linked to
    /// one amendment.
    pub async fn timeline(
        &self,
        referendum_id: i64,
        amendment_id: Option<i64>,
        as_of: NaiveDate,
    ) -> Result<Vec<TimelineRow>, StorageError> {
        let sql = "select t.id, t.key, t.starts_on, t.ends_on, t.kind, t.title, t.description, t.certainty, t.uncertainty_note \
                   from timeline_events t where t.referendum_id = $1 and t.starts_on <= $3 \
                   and (cast($2 as bigint) is null or exists (select 1 from timeline_event_amendments ta \
                        where ta.timeline_event_id = t.id and ta.amendment_id = $2)) \
                   order by t.starts_on, t.id";
        Ok(on_pool!(self.db(), |pool| {
            crate::storage::recorded::query_as(sql)
                .bind(referendum_id)
                .bind(amendment_id)
                .bind(as_of)
                .fetch_all(pool)
                .await?
        }))
    }

    pub async fn timeline_event(&self, id: i64) -> Result<Option<TimelineEventDetail>, StorageError> {
        let sql = "select id, key, starts_on, ends_on, kind, title, description, certainty, uncertainty_note \
                   from timeline_events where id = $1";
        let row: Option<TimelineRow> =
            on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql).bind(id).fetch_optional(pool).await?);
        let Some(row) = row else { return Ok(None) };
        let version: (i64,) = on_pool!(self.db(), |pool| {
            crate::storage::recorded::query_as("select version from timeline_events where id = $1")
                .bind(id)
                .fetch_one(pool)
                .await?
        });
        let sql = "select a.article from timeline_event_amendments ta join amendments a on a.id = ta.amendment_id \
                   where ta.timeline_event_id = $1 order by a.sort_key";
        let articles: Vec<(String,)> =
            on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql).bind(id).fetch_all(pool).await?);
        Ok(Some(TimelineEventDetail {
            row,
            version: version.0,
            articles: articles.into_iter().map(|(a,)| a).collect(),
        }))
    }

    /// When each timeline event was last changed, for feed timestamps.
    pub async fn timeline_updated_at(&self, referendum_id: i64) -> Result<Vec<(i64, DateTime<Utc>)>, StorageError> {
        let sql = "select id, updated_at from timeline_events where referendum_id = $1";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(referendum_id)
            .fetch_all(pool)
            .await?))
    }

    /// Creates a timeline event (`existing` = None) or updates one at the
    /// expected version. Returns the event's id.
    pub async fn save_timeline_event(
        &self,
        actor: &Actor,
        referendum_id: i64,
        existing: Option<(i64, i64)>,
        input: &TimelineInput,
    ) -> Result<i64, WriteError> {
        let mut tx = self.begin_write(actor).await?;
        let now = tx.now();
        let mut amendment_ids = Vec::new();
        for article in &input.amendments {
            let found: Option<(i64,)> = tx
                .fetch_optional(
                    "select id from amendments where referendum_id = $1 and article = $2",
                    args![referendum_id, article],
                )
                .await?;
            amendment_ids
                .push(found.ok_or_else(|| Rejection::UnknownKey { kind: KeyKind::Amendment, key: article.clone() })?.0);
        }
        let certainty = if input.uncertainty_note.is_some() { "uncertain" } else { "confirmed" };
        let after = json!({
            "starts_on": input.starts_on.to_string(),
            "ends_on": input.ends_on.map(|d| d.to_string()),
            "kind": input.kind,
            "title": input.title,
            "description": input.description,
            "certainty": certainty,
            "uncertainty_note": input.uncertainty_note,
            "amendments": input.amendments,
            "source_url": input.source_url,
        });
        let (id, before, action) = match existing {
            None => {
                let key = format!("event-{}", now.format("%Y%m%d%H%M%S%6f"));
                let (id,): (i64,) = tx
                    .fetch_one(
                        "insert into timeline_events (referendum_id, key, starts_on, ends_on, kind, title, description, \
                         certainty, uncertainty_note, created_at, updated_at) \
                         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) returning id",
                        args![
                            referendum_id,
                            key,
                            input.starts_on,
                            input.ends_on,
                            &input.kind,
                            &input.title,
                            &input.description,
                            certainty,
                            input.uncertainty_note.clone(),
                            now
                        ],
                    )
                    .await?;
                (id, None, "timeline.create")
            }
            Some((id, expected_version)) => {
                let current: Option<(i64, String, String)> = tx
                    .fetch_optional(
                        "select version, title, description from timeline_events where id = $1 and referendum_id = $2",
                        args![id, referendum_id],
                    )
                    .await?;
                let (version, title, description) = current.ok_or(WriteError::NotFound)?;
                if version != expected_version {
                    return Err(WriteError::Conflict { current: version });
                }
                tx.execute(
                    "update timeline_events set starts_on = $1, ends_on = $2, kind = $3, title = $4, description = $5, \
                     certainty = $6, uncertainty_note = $7, version = version + 1, updated_at = $8 where id = $9",
                    args![
                        input.starts_on,
                        input.ends_on,
                        &input.kind,
                        &input.title,
                        &input.description,
                        certainty,
                        input.uncertainty_note.clone(),
                        now,
                        id
                    ],
                )
                .await?;
                tx.execute("delete from timeline_event_amendments where timeline_event_id = $1", args![id]).await?;
                (id, Some(json!({ "version": version, "title": title, "description": description })), "timeline.update")
            }
        };
        if let Some(url) = &input.source_url {
            let source_id = tx.source_for_url(url).await?;
            tx.execute("delete from citations where subject = 'timeline_event' and subject_id = $1", args![id]).await?;
            tx.execute(
                "insert into citations (subject, subject_id, source_id, position) values ('timeline_event', $1, $2, 0)",
                args![id, source_id],
            )
            .await?;
        }
        for amendment_id in amendment_ids {
            tx.execute(
                "insert into timeline_event_amendments (timeline_event_id, amendment_id) values ($1, $2) on conflict do nothing",
                args![id, amendment_id],
            )
            .await?;
        }
        let change = Change {
            action,
            entity_type: "timeline_event",
            entity_id: id.to_string(),
            before,
            after: Some(after),
            public: true,
        };
        tx.commit(change).await?;
        Ok(id)
    }

    pub async fn delete_timeline_event(
        &self,
        actor: &Actor,
        referendum_id: i64,
        id: i64,
        expected_version: i64,
    ) -> Result<(), WriteError> {
        let mut tx = self.begin_write(actor).await?;
        let current: Option<(i64, String, NaiveDate)> = tx
            .fetch_optional(
                "select version, title, starts_on from timeline_events where id = $1 and referendum_id = $2",
                args![id, referendum_id],
            )
            .await?;
        let (version, title, starts_on) = current.ok_or(WriteError::NotFound)?;
        if version != expected_version {
            return Err(WriteError::Conflict { current: version });
        }
        tx.execute("delete from citations where subject = 'timeline_event' and subject_id = $1", args![id]).await?;
        tx.execute("delete from timeline_events where id = $1", args![id]).await?;
        let before = json!({ "version": version, "title": title, "starts_on": starts_on.to_string() });
        let change = Change {
            action: "timeline.delete",
            entity_type: "timeline_event",
            entity_id: id.to_string(),
            before: Some(before),
            after: None,
            public: true,
        };
        tx.commit(change).await?;
        Ok(())
    }
}
