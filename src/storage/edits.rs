//! Admin writes. Each one runs in a single transaction that checks the
//! record's version, applies the change, appends its audit record and moves
//! the data version — all or nothing.

use chrono::NaiveDate;
use serde_json::json;

use super::{
    Storage, StorageError,
    audit::{Actor, Change},
    tx::{Tx, args},
};
use crate::domain::{Status, TransitionError, announcement::ParsedAnnouncement};

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("not found")]
    NotFound,
    /// The record changed since the form was loaded.
    #[error("version conflict (now at version {current})")]
    Conflict { current: i64 },
    /// A field breaks a rule; `key` names the interface message, `detail`
    /// fills it in.
    #[error("invalid {field}: {key} {detail}")]
    Invalid { field: &'static str, key: &'static str, detail: String },
    #[error(transparent)]
    Storage(#[from] StorageError),
}

impl WriteError {
    fn invalid(field: &'static str, key: &'static str, detail: impl Into<String>) -> Self {
        WriteError::Invalid { field, key, detail: detail.into() }
    }
}

impl From<sqlx::Error> for WriteError {
    fn from(e: sqlx::Error) -> Self {
        WriteError::Storage(e.into())
    }
}

#[derive(Debug, Clone)]
pub struct NewStatusEvent {
    pub status: Status,
    pub effective_date: NaiveDate,
    pub note: String,
    pub source_url: String,
}

#[derive(Debug, Clone)]
pub struct AmendmentEdit {
    pub title: String,
    pub summary: String,
    pub explanation: String,
    pub wording_before: Option<String>,
    pub wording_after: Option<String>,
    pub themes: Vec<String>,
    pub sources: Vec<String>,
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

#[derive(Debug, Clone)]
pub struct AnnouncementMeta {
    pub slug: String,
    pub event: String,
    pub announced_on: NaiveDate,
    pub speaker: String,
    pub venue: String,
    pub source_note: String,
}

impl Tx {
    /// A source named by its key, or by an address (created if new).
    pub(crate) async fn source_for(&mut self, key_or_url: &str) -> Result<i64, WriteError> {
        if key_or_url.starts_with("http://") || key_or_url.starts_with("https://") {
            return Ok(self.source_for_url(key_or_url).await?);
        }
        let found: Option<(i64,)> =
            self.fetch_optional("select id from sources where key = $1", args![key_or_url]).await?;
        found.map(|(id,)| id).ok_or_else(|| WriteError::invalid("source", "error-unknown-key", key_or_url))
    }

    /// The source with this address, created (keyed by the address) if new.
    async fn source_for_url(&mut self, url: &str) -> Result<i64, StorageError> {
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

#[derive(Debug, Clone)]
pub struct NewReferendum {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub question: String,
    pub thresholds: String,
    pub proposed_on: NaiveDate,
    pub vote_on: Option<NaiveDate>,
    pub source_url: String,
    /// (article, title, summary) of each amendment.
    pub amendments: Vec<(crate::domain::ArticleNumber, String, String)>,
}

#[derive(sqlx::FromRow)]
struct EventState {
    id: i64,
    status: String,
    effective_date: NaiveDate,
}

/// The amendment's id and version, and its uncorrected events in order.
async fn amendment_state(
    tx: &mut Tx,
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

fn check_step(previous: Option<&EventState>, event: &NewStatusEvent) -> Result<(), WriteError> {
    let from = previous.and_then(|e| e.status.parse::<Status>().ok());
    Status::check_transition(from, event.status).map_err(|e| {
        let detail = match e {
            TransitionError::MustStartDrafted(_) => String::new(),
            TransitionError::Illegal { allowed, .. } => allowed,
        };
        WriteError::invalid("status", "error-illegal-transition", detail)
    })?;
    if let Some(previous) = previous
        && event.effective_date < previous.effective_date
    {
        return Err(WriteError::invalid(
            "effective_date",
            "error-date-before-previous",
            previous.effective_date.to_string(),
        ));
    }
    Ok(())
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
        let now = super::now();
        let mut tx = Tx::begin(self.db()).await?;
        let (amendment_id, version, events) = amendment_state(&mut tx, referendum_id, article).await?;
        if version != expected_version {
            return Err(WriteError::Conflict { current: version });
        }
        let previous = match corrects {
            None => events.last(),
            Some(wrong) => {
                // Only the latest entry can be corrected: later ones built on it.
                if events.last().map(|e| e.id) != Some(wrong) {
                    return Err(WriteError::invalid("corrects", "error-correct-latest-only", ""));
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
        tx.audit(
            actor,
            Change {
                action,
                entity_type: "amendment",
                entity_id: article.to_owned(),
                before: Some(before),
                after: Some(after),
                public: true,
            },
            now,
        )
        .await?;
        tx.touch_data(now).await?;
        tx.commit().await?;
        Ok(event_id)
    }

    pub async fn edit_amendment(
        &self,
        actor: &Actor,
        referendum_id: i64,
        article: &str,
        expected_version: i64,
        edit: &AmendmentEdit,
    ) -> Result<(), WriteError> {
        let now = super::now();
        let mut tx = Tx::begin(self.db()).await?;
        #[derive(sqlx::FromRow)]
        struct Current {
            id: i64,
            version: i64,
            title: String,
            summary: String,
            explanation: String,
            wording_before: Option<String>,
            wording_after: Option<String>,
        }
        let current: Current = tx
            .fetch_optional(
                "select id, version, title, summary, explanation, wording_before, wording_after from amendments \
                 where referendum_id = $1 and article = $2",
                args![referendum_id, article],
            )
            .await?
            .ok_or(WriteError::NotFound)?;
        if current.version != expected_version {
            return Err(WriteError::Conflict { current: current.version });
        }
        let mut theme_ids = Vec::new();
        for key in &edit.themes {
            let found: Option<(i64,)> = tx.fetch_optional("select id from themes where key = $1", args![key]).await?;
            theme_ids.push(found.ok_or_else(|| WriteError::invalid("themes", "error-unknown-key", key.clone()))?.0);
        }
        let mut source_ids = Vec::new();
        for key in &edit.sources {
            let found: Option<(i64,)> = tx.fetch_optional("select id from sources where key = $1", args![key]).await?;
            source_ids.push(found.ok_or_else(|| WriteError::invalid("sources", "error-unknown-key", key.clone()))?.0);
        }
        let old_themes: Vec<(String,)> = tx
            .fetch_all(
                "select t.key from amendment_themes at join themes t on t.id = at.theme_id where at.amendment_id = $1 order by t.key",
                args![current.id],
            )
            .await?;
        let old_sources: Vec<(String,)> = tx
            .fetch_all(
                "select s.key from citations c join sources s on s.id = c.source_id \
                 where c.subject = 'amendment' and c.subject_id = $1 order by c.position",
                args![current.id],
            )
            .await?;
        tx.execute(
            "update amendments set title = $1, summary = $2, explanation = $3, wording_before = $4, wording_after = $5, \
             version = version + 1, updated_at = $6 where id = $7",
            args![
                &edit.title,
                &edit.summary,
                &edit.explanation,
                edit.wording_before.clone(),
                edit.wording_after.clone(),
                now,
                current.id
            ],
        )
        .await?;
        tx.execute("delete from amendment_themes where amendment_id = $1", args![current.id]).await?;
        for theme_id in theme_ids {
            tx.execute(
                "insert into amendment_themes (amendment_id, theme_id) values ($1, $2) on conflict do nothing",
                args![current.id, theme_id],
            )
            .await?;
        }
        tx.execute("delete from citations where subject = 'amendment' and subject_id = $1", args![current.id]).await?;
        for (position, source_id) in source_ids.into_iter().enumerate() {
            tx.execute(
                "insert into citations (subject, subject_id, source_id, position) values ('amendment', $1, $2, $3) \
                 on conflict do nothing",
                args![current.id, source_id, position as i64],
            )
            .await?;
        }
        let before = json!({
            "version": current.version,
            "title": current.title,
            "summary": current.summary,
            "explanation": current.explanation,
            "wording_before": current.wording_before,
            "wording_after": current.wording_after,
            "themes": old_themes.into_iter().map(|(k,)| k).collect::<Vec<_>>(),
            "sources": old_sources.into_iter().map(|(k,)| k).collect::<Vec<_>>(),
        });
        let after = json!({
            "version": current.version + 1,
            "title": edit.title,
            "summary": edit.summary,
            "explanation": edit.explanation,
            "wording_before": edit.wording_before,
            "wording_after": edit.wording_after,
            "themes": edit.themes,
            "sources": edit.sources,
        });
        let change = Change {
            action: "amendment.edit",
            entity_type: "amendment",
            entity_id: article.to_owned(),
            before: Some(before),
            after: Some(after),
            public: true,
        };
        tx.audit(actor, change, now).await?;
        tx.touch_data(now).await?;
        tx.commit().await?;
        Ok(())
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
        let now = super::now();
        let mut tx = Tx::begin(self.db()).await?;
        let mut amendment_ids = Vec::new();
        for article in &input.amendments {
            let found: Option<(i64,)> = tx
                .fetch_optional(
                    "select id from amendments where referendum_id = $1 and article = $2",
                    args![referendum_id, article],
                )
                .await?;
            amendment_ids
                .push(found.ok_or_else(|| WriteError::invalid("amendments", "error-unknown-key", article.clone()))?.0);
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
        tx.audit(actor, change, now).await?;
        tx.touch_data(now).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn delete_timeline_event(
        &self,
        actor: &Actor,
        referendum_id: i64,
        id: i64,
        expected_version: i64,
    ) -> Result<(), WriteError> {
        let now = super::now();
        let mut tx = Tx::begin(self.db()).await?;
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
        tx.audit(actor, change, now).await?;
        tx.touch_data(now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Links an amendment to a statement that motivated it (or updates the
    /// note of an existing link).
    pub async fn link_statement(
        &self,
        actor: &Actor,
        referendum_id: i64,
        article: &str,
        statement_slug: &str,
        note: &str,
    ) -> Result<(), WriteError> {
        let now = super::now();
        let mut tx = Tx::begin(self.db()).await?;
        let (amendment_id,): (i64,) = tx
            .fetch_optional(
                "select id from amendments where referendum_id = $1 and article = $2",
                args![referendum_id, article],
            )
            .await?
            .ok_or(WriteError::NotFound)?;
        let (statement_id,): (i64,) = tx
            .fetch_optional(
                "select st.id from statements st join announcements an on an.id = st.announcement_id \
                 where st.slug = $1 and (an.referendum_id = $2 or an.referendum_id is null) order by st.id limit 1",
                args![statement_slug, referendum_id],
            )
            .await?
            .ok_or_else(|| WriteError::invalid("statement", "error-unknown-key", statement_slug))?;
        let old: Option<(String,)> = tx
            .fetch_optional(
                "select note from motivations where amendment_id = $1 and statement_id = $2",
                args![amendment_id, statement_id],
            )
            .await?;
        tx.execute(
            "insert into motivations (amendment_id, statement_id, note) values ($1, $2, $3) \
             on conflict (amendment_id, statement_id) do update set note = excluded.note",
            args![amendment_id, statement_id, note],
        )
        .await?;
        tx.execute(
            "update amendments set version = version + 1, updated_at = $1 where id = $2",
            args![now, amendment_id],
        )
        .await?;
        let change = Change {
            action: "link.save",
            entity_type: "amendment",
            entity_id: article.to_owned(),
            before: old.map(|(note,)| json!({ "statement": statement_slug, "note": note })),
            after: Some(json!({ "statement": statement_slug, "note": note })),
            public: true,
        };
        tx.audit(actor, change, now).await?;
        tx.touch_data(now).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn unlink_statement(
        &self,
        actor: &Actor,
        referendum_id: i64,
        article: &str,
        statement_slug: &str,
    ) -> Result<(), WriteError> {
        let now = super::now();
        let mut tx = Tx::begin(self.db()).await?;
        let found: Option<(i64, i64, String)> = tx
            .fetch_optional(
                "select m.amendment_id, m.statement_id, m.note from motivations m \
                 join amendments a on a.id = m.amendment_id join statements st on st.id = m.statement_id \
                 where a.referendum_id = $1 and a.article = $2 and st.slug = $3",
                args![referendum_id, article, statement_slug],
            )
            .await?;
        let (amendment_id, statement_id, note) = found.ok_or(WriteError::NotFound)?;
        tx.execute(
            "delete from motivations where amendment_id = $1 and statement_id = $2",
            args![amendment_id, statement_id],
        )
        .await?;
        tx.execute(
            "update amendments set version = version + 1, updated_at = $1 where id = $2",
            args![now, amendment_id],
        )
        .await?;
        let change = Change {
            action: "link.delete",
            entity_type: "amendment",
            entity_id: article.to_owned(),
            before: Some(json!({ "statement": statement_slug, "note": note })),
            after: None,
            public: true,
        };
        tx.audit(actor, change, now).await?;
        tx.touch_data(now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Saves a parsed announcement document with its sections and statements.
    pub async fn import_announcement(
        &self,
        actor: &Actor,
        referendum_id: i64,
        meta: &AnnouncementMeta,
        parsed: &ParsedAnnouncement,
        document: &str,
    ) -> Result<i64, WriteError> {
        let now = super::now();
        let mut tx = Tx::begin(self.db()).await?;
        let taken: Option<(i64,)> =
            tx.fetch_optional("select id from announcements where slug = $1", args![&meta.slug]).await?;
        if taken.is_some() {
            return Err(WriteError::invalid("slug", "error-slug-taken", meta.slug.clone()));
        }
        let (announcement_id,): (i64,) = tx
            .fetch_one(
                "insert into announcements (referendum_id, slug, title, event, announced_on, speaker, venue, source_note, \
                 document, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id",
                args![
                    referendum_id,
                    &meta.slug,
                    &parsed.title,
                    &meta.event,
                    meta.announced_on,
                    &meta.speaker,
                    &meta.venue,
                    &meta.source_note,
                    document,
                    now
                ],
            )
            .await?;
        let mut statements = 0;
        for (position, section) in parsed.sections.iter().enumerate() {
            let (section_id,): (i64,) = tx
                .fetch_one(
                    "insert into announcement_sections (announcement_id, position, heading, slug, level) \
                     values ($1, $2, $3, $4, $5) returning id",
                    args![announcement_id, position as i64, &section.heading, &section.slug, i64::from(section.level)],
                )
                .await?;
            for (position, statement) in section.statements.iter().enumerate() {
                tx.execute(
                    "insert into statements (announcement_id, section_id, position, slug, kind, text) values ($1, $2, $3, $4, $5, $6)",
                    args![announcement_id, section_id, position as i64, &statement.slug, statement.kind.as_str(), &statement.text],
                )
                .await?;
                statements += 1;
            }
        }
        let change = Change {
            action: "announcement.import",
            entity_type: "announcement",
            entity_id: meta.slug.clone(),
            before: None,
            after: Some(json!({
                "title": parsed.title, "event": meta.event, "date": meta.announced_on.to_string(),
                "speaker": meta.speaker, "sections": parsed.sections.len(), "statements": statements,
            })),
            public: true,
        };
        tx.audit(actor, change, now).await?;
        tx.touch_data(now).await?;
        tx.commit().await?;
        Ok(announcement_id)
    }
}

impl Storage {
    /// Creates an unpublished referendum with its amendments, each starting
    /// its history as "drafted" on the date the package was proposed.
    pub async fn create_referendum(&self, actor: &Actor, new: &NewReferendum) -> Result<(), WriteError> {
        let now = super::now();
        let mut tx = Tx::begin(self.db()).await?;
        let taken: Option<(i64,)> =
            tx.fetch_optional("select id from referendums where slug = $1", args![&new.slug]).await?;
        if taken.is_some() {
            return Err(WriteError::invalid("slug", "error-slug-taken", new.slug.clone()));
        }
        let (referendum_id,): (i64,) = tx
            .fetch_one(
                "insert into referendums (slug, title, summary, question, thresholds, proposed_on, vote_on, published, \
                 created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) returning id",
                args![
                    &new.slug,
                    &new.title,
                    &new.summary,
                    &new.question,
                    &new.thresholds,
                    new.proposed_on,
                    new.vote_on,
                    false,
                    now
                ],
            )
            .await?;
        for (article, title, summary) in &new.amendments {
            let (amendment_id,): (i64,) = tx
                .fetch_one(
                    "insert into amendments (referendum_id, article, sort_key, new_article, title, summary, explanation, \
                     created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $8) returning id",
                    args![referendum_id, article.to_string(), article.sort_key(), false, title, summary, summary, now],
                )
                .await?;
            tx.execute(
                "insert into status_events (amendment_id, status, effective_date, note, source_url, recorded_at, recorded_by) \
                 values ($1, 'drafted', $2, $3, $4, $5, $6)",
                args![amendment_id, new.proposed_on, "Recorded when the referendum was created.", &new.source_url, now, &actor.username],
            )
            .await?;
        }
        let change = Change {
            action: "referendum.create",
            entity_type: "referendum",
            entity_id: new.slug.clone(),
            before: None,
            after: Some(json!({
                "title": new.title, "proposed_on": new.proposed_on.to_string(), "published": false,
                "amendments": new.amendments.iter().map(|(a, t, _)| format!("{a}: {t}")).collect::<Vec<_>>(),
            })),
            public: false,
        };
        tx.audit(actor, change, now).await?;
        tx.touch_data(now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Publishes a prepared referendum: the public site then shows it if it
    /// is the most recently proposed.
    pub async fn publish_referendum(&self, actor: &Actor, slug: &str) -> Result<(), WriteError> {
        let now = super::now();
        let mut tx = Tx::begin(self.db()).await?;
        let changed = tx
            .execute("update referendums set published = $1, updated_at = $2 where slug = $3", args![true, now, slug])
            .await?;
        if changed == 0 {
            return Err(WriteError::NotFound);
        }
        let change = Change {
            action: "referendum.publish",
            entity_type: "referendum",
            entity_id: slug.to_owned(),
            before: Some(json!({ "published": false })),
            after: Some(json!({ "published": true })),
            public: true,
        };
        tx.audit(actor, change, now).await?;
        tx.touch_data(now).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// A translation of one content field: `None` text removes it.
#[derive(Debug, Clone)]
pub struct TranslationInput {
    pub lang: &'static str,
    pub field: &'static str,
    pub text: Option<String>,
    pub official: bool,
    pub source_url: Option<String>,
}

/// (lang, field, text, official) of every translation of one entity.
async fn translation_rows(
    tx: &mut Tx,
    entity_type: &str,
    id: i64,
) -> Result<Vec<(String, String, String, bool)>, StorageError> {
    tx.fetch_all(
        "select lang, field, text, official from translations where entity_type = $1 and entity_id = $2 order by lang, field",
        args![entity_type, id],
    )
    .await
}

/// Whose translations are saved, with the version the form was loaded at.
#[derive(Debug, Clone, Copy)]
pub enum TranslationTarget<'a> {
    Amendment {
        referendum_id: i64,
        article: &'a str,
        expected_version: i64,
    },
    TimelineEvent {
        referendum_id: i64,
        id: i64,
        expected_version: i64,
    },
    /// Statements are verbatim and never change, so they carry no version.
    Statement {
        id: i64,
    },
}

impl Storage {
    /// Replaces the translations of one piece of content, side by side.
    pub async fn save_translations(
        &self,
        actor: &Actor,
        target: TranslationTarget<'_>,
        inputs: &[TranslationInput],
    ) -> Result<(), WriteError> {
        let now = super::now();
        let mut tx = Tx::begin(self.db()).await?;
        let (entity_type, id, label) = match target {
            TranslationTarget::Amendment { referendum_id, article, expected_version } => {
                let (id, version): (i64, i64) = tx
                    .fetch_optional(
                        "select id, version from amendments where referendum_id = $1 and article = $2",
                        args![referendum_id, article],
                    )
                    .await?
                    .ok_or(WriteError::NotFound)?;
                if version != expected_version {
                    return Err(WriteError::Conflict { current: version });
                }
                tx.execute(
                    "update amendments set version = version + 1, updated_at = $1 where id = $2",
                    args![now, id],
                )
                .await?;
                ("amendment", id, article.to_owned())
            }
            TranslationTarget::TimelineEvent { referendum_id, id, expected_version } => {
                let (version,): (i64,) = tx
                    .fetch_optional(
                        "select version from timeline_events where id = $1 and referendum_id = $2",
                        args![id, referendum_id],
                    )
                    .await?
                    .ok_or(WriteError::NotFound)?;
                if version != expected_version {
                    return Err(WriteError::Conflict { current: version });
                }
                tx.execute(
                    "update timeline_events set version = version + 1, updated_at = $1 where id = $2",
                    args![now, id],
                )
                .await?;
                ("timeline_event", id, id.to_string())
            }
            TranslationTarget::Statement { id } => {
                let (slug,): (String,) = tx
                    .fetch_optional("select slug from statements where id = $1", args![id])
                    .await?
                    .ok_or(WriteError::NotFound)?;
                ("statement", id, slug)
            }
        };
        let before = translation_rows(&mut tx, entity_type, id).await?;
        for input in inputs {
            match &input.text {
                None => {
                    tx.execute(
                        "delete from translations where entity_type = $1 and entity_id = $2 and lang = $3 and field = $4",
                        args![entity_type, id, input.lang, input.field],
                    )
                    .await?;
                }
                Some(text) => {
                    tx.execute(
                        "insert into translations (entity_type, entity_id, field, lang, text, official, source_url, updated_at) \
                         values ($1, $2, $3, $4, $5, $6, $7, $8) \
                         on conflict (entity_type, entity_id, field, lang) do update set text = excluded.text, \
                         official = excluded.official, source_url = excluded.source_url, \
                         version = translations.version + 1, updated_at = excluded.updated_at",
                        args![entity_type, id, input.field, input.lang, text, input.official, input.source_url.clone(), now],
                    )
                    .await?;
                }
            }
        }
        let after = translation_rows(&mut tx, entity_type, id).await?;
        let as_json = |rows: &[(String, String, String, bool)]| {
            rows.iter()
                .map(|(l, f, t, o)| json!({ "lang": l, "field": f, "text": t, "official": o }))
                .collect::<Vec<_>>()
        };
        let change = Change {
            action: "translation.save",
            entity_type,
            entity_id: label,
            before: Some(json!(as_json(&before))),
            after: Some(json!(as_json(&after))),
            public: true,
        };
        tx.audit(actor, change, now).await?;
        tx.touch_data(now).await?;
        tx.commit().await?;
        Ok(())
    }
}
