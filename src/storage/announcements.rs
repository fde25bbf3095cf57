//! Announcements: the documents a reform started from, their sections and
//! statements (verbatim, never edited), and importing one.

use chrono::NaiveDate;
use serde_json::json;

use super::{Storage, StorageError, WriteError, on_pool, tx::Change, tx::args};
use crate::domain::{Actor, announcement::ParsedAnnouncement, rejection::Rejection};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AnnouncementRow {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub event: String,
    pub announced_on: NaiveDate,
    pub speaker: String,
    pub venue: String,
    pub source_note: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SectionRow {
    pub id: i64,
    pub heading: String,
    pub slug: String,
    pub level: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StatementRow {
    pub id: i64,
    pub section_id: i64,
    pub slug: String,
    pub kind: String,
    pub text: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BackLinkRow {
    pub statement_id: i64,
    pub article: String,
    pub title: String,
    pub note: String,
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

impl Storage {
    pub async fn announcements(&self, referendum_id: i64) -> Result<Vec<AnnouncementRow>, StorageError> {
        let sql = "select id, slug, title, event, announced_on, speaker, venue, source_note from announcements \
                   where referendum_id = $1 order by announced_on, id";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(referendum_id)
            .fetch_all(pool)
            .await?))
    }

    pub async fn announcement(&self, slug: &str) -> Result<Option<AnnouncementRow>, StorageError> {
        let sql = "select id, slug, title, event, announced_on, speaker, venue, source_note from announcements where slug = $1";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql).bind(slug).fetch_optional(pool).await?))
    }

    pub async fn sections(&self, announcement_id: i64) -> Result<Vec<SectionRow>, StorageError> {
        let sql =
            "select id, heading, slug, level from announcement_sections where announcement_id = $1 order by position";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(announcement_id)
            .fetch_all(pool)
            .await?))
    }

    pub async fn statements(&self, announcement_id: i64) -> Result<Vec<StatementRow>, StorageError> {
        let sql = "select st.id, st.section_id, st.slug, st.kind, st.text from statements st \
                   join announcement_sections sec on sec.id = st.section_id \
                   where st.announcement_id = $1 order by sec.position, st.position";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(announcement_id)
            .fetch_all(pool)
            .await?))
    }

    /// For every statement of an announcement, the amendments it motivated.
    pub async fn back_links(&self, announcement_id: i64) -> Result<Vec<BackLinkRow>, StorageError> {
        let sql = "select m.statement_id, a.article, a.title, m.note from motivations m \
                   join statements st on st.id = m.statement_id join amendments a on a.id = m.amendment_id \
                   where st.announcement_id = $1 order by a.sort_key";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(announcement_id)
            .fetch_all(pool)
            .await?))
    }

    /// Statements a referendum's amendments can be linked to, as (slug, text).
    pub async fn statement_choices(&self, referendum_id: i64) -> Result<Vec<(String, String)>, StorageError> {
        let sql = "select st.slug, st.text from statements st join announcements an on an.id = st.announcement_id \
                   join announcement_sections sec on sec.id = st.section_id \
                   where an.referendum_id = $1 order by an.announced_on, sec.position, st.position";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(referendum_id)
            .fetch_all(pool)
            .await?))
    }

    /// A statement's anchor and verbatim text.
    pub async fn statement_text(&self, id: i64) -> Result<Option<(String, String)>, StorageError> {
        let sql = "select slug, text from statements where id = $1";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql).bind(id).fetch_optional(pool).await?))
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
        let mut tx = self.begin_write(actor).await?;
        let now = tx.now();
        let taken: Option<(i64,)> =
            tx.fetch_optional("select id from announcements where slug = $1", args![&meta.slug]).await?;
        if taken.is_some() {
            return Err(Rejection::SlugTaken(meta.slug.clone()).into());
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
        tx.commit(change).await?;
        Ok(announcement_id)
    }
}
