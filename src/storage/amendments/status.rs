//! An amendment's status history: appended to, and corrected by appending,
//! never rewritten.

use chrono::NaiveDate;
use serde_json::json;

use crate::domain::{Actor, Status, rejection::Rejection};
use crate::storage::{
    Storage, WriteError,
    tx::Change,
    tx::{Write, args},
};

#[derive(Debug, Clone)]
pub struct NewStatusEvent {
    pub status: Status,
    pub effective_date: NaiveDate,
    pub note: String,
    pub source_url: String,
}

#[derive(sqlx::FromRow)]
struct EventState {
    id: i64,
    #[sqlx(try_from = "String")]
    status: Status,
    effective_date: NaiveDate,
}

/// The amendment's id and version, and its uncorrected events in order.
async fn amendment_state(
    tx: &mut Write<'_>,
    referendum_id: i64,
    article: &str,
) -> Result<(i64, i64, Vec<EventState>), WriteError> {
    let (id, version): (i64, i64) = tx
        .fetch_optional(
            "select id, version from amendments where referendum_id = $1 and article = $2",
            args![referendum_id, article],
        )
        .await?
        .ok_or(WriteError::NotFound)?;
    let events = tx
        .fetch_all(
            "select id, status, effective_date from status_events e where amendment_id = $1 \
             and not exists (select 1 from status_events c where c.corrects_event_id = e.id) \
             order by effective_date, id",
            args![id],
        )
        .await?;
    Ok((id, version, events))
}

fn check_step(previous: Option<&EventState>, event: &NewStatusEvent) -> Result<(), Rejection> {
    if let Some(rejection) = Rejection::from_transition(previous.map(|e| e.status), event.status) {
        return Err(rejection);
    }
    match previous {
        Some(previous) if event.effective_date < previous.effective_date => {
            Err(Rejection::DateBeforePrevious { previous: previous.effective_date })
        }
        _ => Ok(()),
    }
}

impl Storage {
    /// Appends a status change to an amendment.
    pub async fn record_status(
        &self,
        actor: &Actor,
        referendum_id: i64,
        article: &str,
        expected_version: i64,
        event: &NewStatusEvent,
    ) -> Result<i64, WriteError> {
        self.append_status(actor, referendum_id, article, expected_version, event, None).await
    }

    /// Replaces the latest status event with a corrected one. Both stay in
    /// the history; the wrong one is marked as corrected.
    pub async fn correct_status(
        &self,
        actor: &Actor,
        referendum_id: i64,
        article: &str,
        expected_version: i64,
        wrong_event_id: i64,
        event: &NewStatusEvent,
    ) -> Result<i64, WriteError> {
        self.append_status(actor, referendum_id, article, expected_version, event, Some(wrong_event_id)).await
    }

    async fn append_status(
        &self,
        actor: &Actor,
        referendum_id: i64,
        article: &str,
        expected_version: i64,
        event: &NewStatusEvent,
        corrects: Option<i64>,
    ) -> Result<i64, WriteError> {
        let mut tx = self.begin_write(actor).await?;
        let now = tx.now();
        let (amendment_id, version, events) = amendment_state(&mut tx, referendum_id, article).await?;
        if version != expected_version {
            return Err(WriteError::Conflict { current: version });
        }
        let previous = match corrects {
            None => events.last(),
            Some(wrong) => {
                // Only the latest entry can be corrected: later ones built on it.
                if events.last().map(|e| e.id) != Some(wrong) {
                    return Err(Rejection::CorrectLatestOnly.into());
                }
                events.len().checked_sub(2).and_then(|i| events.get(i))
            }
        };
        check_step(previous, event)?;
        let before = json!({
            "article": article,
            "version": version,
            "status": events.last().map(|e| e.status.as_str()),
        });
        let (event_id,): (i64,) = tx
            .fetch_one(
                "insert into status_events (amendment_id, status, effective_date, note, source_url, recorded_at, \
                 recorded_by, corrects_event_id) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id",
                args![
                    amendment_id,
                    event.status.as_str(),
                    event.effective_date,
                    &event.note,
                    &event.source_url,
                    now,
                    &actor.username,
                    corrects
                ],
            )
            .await?;
        tx.execute(
            "update amendments set version = version + 1, updated_at = $1 where id = $2",
            args![now, amendment_id],
        )
        .await?;
        let after = json!({
            "article": article,
            "version": version + 1,
            "event_id": event_id,
            "status": event.status.as_str(),
            "effective_date": event.effective_date.to_string(),
            "note": event.note,
            "source_url": event.source_url,
            "corrects_event_id": corrects,
        });
        let action = if corrects.is_some() { "status.correct" } else { "status.record" };
        tx.commit(Change {
            action,
            entity_type: "amendment",
            entity_id: article.to_owned(),
            before: Some(before),
            after: Some(after),
            public: true,
        })
        .await?;
        Ok(event_id)
    }
}
