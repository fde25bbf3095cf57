//! Amendments: the reads behind the list and the amendment page, and (in
//! the submodules) the writes: status changes, edits and statement links.
//! Each page needs a fixed, small number of queries whatever the data size:
//! lists are fetched in one query and grouped in Rust, never one query per
//! row.

mod edit;
mod status;

pub use edit::AmendmentEdit;
pub use status::NewStatusEvent;

use chrono::{DateTime, NaiveDate, Utc};

use super::{Storage, StorageError, on_pool};
use crate::domain::Status;

/// The latest event of an amendment up to a date, skipping events that a
/// correction has replaced. `$AS_OF` is substituted with the placeholder.
const CURRENT_EVENT: &str = "select x.id from status_events x \
     where x.amendment_id = a.id and x.effective_date <= $AS_OF \
       and not exists (select 1 from status_events c where c.corrects_event_id = x.id) \
     order by x.effective_date desc, x.id desc limit 1";

fn current_event(as_of_placeholder: &str) -> String {
    CURRENT_EVENT.replace("$AS_OF", as_of_placeholder)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AmendmentListRow {
    pub id: i64,
    pub article: String,
    pub title: String,
    pub summary: String,
    pub new_article: bool,
    pub status: Option<Status>,
    pub status_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ThemeRow {
    pub key: String,
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AmendmentThemeRow {
    pub amendment_id: i64,
    pub key: String,
    pub name: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AmendmentRow {
    pub id: i64,
    pub article: String,
    pub law_point: Option<i64>,
    pub new_article: bool,
    pub section: Option<String>,
    pub title: String,
    pub summary: String,
    pub explanation: String,
    pub wording_before: Option<String>,
    pub wording_after: Option<String>,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StatusEventRow {
    pub id: i64,
    pub amendment_id: i64,
    pub status: Status,
    pub effective_date: NaiveDate,
    pub note: String,
    pub source_url: Option<String>,
    pub source_title: Option<String>,
    pub recorded_at: DateTime<Utc>,
    pub corrects_event_id: Option<i64>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RecentEventRow {
    pub id: i64,
    pub article: String,
    pub title: String,
    pub status: Status,
    pub effective_date: NaiveDate,
    pub note: String,
    pub source_url: Option<String>,
    pub source_title: Option<String>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EntryIntoForceRow {
    pub id: i64,
    pub takes_effect_on: NaiveDate,
    pub note: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MotivationRow {
    pub note: String,
    pub statement_slug: String,
    pub statement_text: String,
    pub section_heading: String,
    pub announcement_slug: String,
    pub announcement_title: String,
    pub announced_on: NaiveDate,
    pub speaker: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HeadingRow {
    pub id: i64,
    pub section: String,
    pub law_point: Option<i64>,
    pub before_title: Option<String>,
    pub after_title: String,
    pub takes_effect_on: NaiveDate,
}

/// Filters of the amendment list; `None` means "any".
#[derive(Debug, Clone, Default)]
pub struct AmendmentFilter<'a> {
    pub status: Option<&'a str>,
    pub theme: Option<&'a str>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EventPoint {
    pub amendment_id: i64,
    pub status: Status,
    pub effective_date: NaiveDate,
}

impl Storage {
    /// Amendments in constitutional order with their status as of a date.
    pub async fn amendments(
        &self,
        referendum_id: i64,
        as_of: NaiveDate,
        filter: &AmendmentFilter<'_>,
    ) -> Result<Vec<AmendmentListRow>, StorageError> {
        let sql = format!(
            "select a.id, a.article, a.title, a.summary, a.new_article, e.status, e.effective_date as status_date \
             from amendments a left join status_events e on e.id = ({current}) \
             where a.referendum_id = $1 \
               and (cast($3 as text) is null or e.status = $3) \
               and (cast($4 as text) is null or exists (select 1 from amendment_themes at join themes t on t.id = at.theme_id \
                    where at.amendment_id = a.id and t.key = $4)) \
             order by a.sort_key",
            current = current_event("$2")
        );
        Ok(on_pool!(self.db(), |pool| {
            crate::storage::recorded::query_as(&sql)
                .bind(referendum_id)
                .bind(as_of)
                .bind(filter.status)
                .bind(filter.theme)
                .fetch_all(pool)
                .await?
        }))
    }

    /// Themes used by a referendum's amendments, by name.
    pub async fn themes(&self, referendum_id: i64) -> Result<Vec<ThemeRow>, StorageError> {
        let sql = "select t.key, t.name, t.description from themes t where exists (select 1 from amendment_themes at \
                   join amendments a on a.id = at.amendment_id where at.theme_id = t.id and a.referendum_id = $1) order by t.name";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(referendum_id)
            .fetch_all(pool)
            .await?))
    }

    /// The themes of every amendment of a referendum, or of one amendment.
    pub async fn amendment_themes(
        &self,
        referendum_id: i64,
        amendment_id: Option<i64>,
    ) -> Result<Vec<AmendmentThemeRow>, StorageError> {
        let sql = "select at.amendment_id, t.key, t.name from amendment_themes at join themes t on t.id = at.theme_id \
                   join amendments a on a.id = at.amendment_id \
                   where a.referendum_id = $1 and (cast($2 as bigint) is null or a.id = $2) order by t.name";
        Ok(on_pool!(self.db(), |pool| {
            crate::storage::recorded::query_as(sql).bind(referendum_id).bind(amendment_id).fetch_all(pool).await?
        }))
    }

    pub async fn amendment(&self, referendum_id: i64, article: &str) -> Result<Option<AmendmentRow>, StorageError> {
        let sql = "select id, article, law_point, new_article, section, title, summary, explanation, wording_before, \
                   wording_after, version, updated_at from amendments where referendum_id = $1 and article = $2";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(referendum_id)
            .bind(article)
            .fetch_optional(pool)
            .await?))
    }

    /// The neighbours of an amendment in constitutional order, for navigation.
    pub async fn adjacent_articles(
        &self,
        referendum_id: i64,
        article: &str,
    ) -> Result<(Option<String>, Option<String>), StorageError> {
        let sql = "select \
             (select p.article from amendments p where p.referendum_id = a.referendum_id and p.sort_key < a.sort_key \
              order by p.sort_key desc limit 1), \
             (select n.article from amendments n where n.referendum_id = a.referendum_id and n.sort_key > a.sort_key \
              order by n.sort_key limit 1) \
             from amendments a where a.referendum_id = $1 and a.article = $2";
        let row: Option<(Option<String>, Option<String>)> =
            on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
                .bind(referendum_id)
                .bind(article)
                .fetch_optional(pool)
                .await?);
        Ok(row.unwrap_or_default())
    }

    /// An amendment's whole history up to a date, oldest first, corrected
    /// events included (the page shows both sides of a correction).
    pub async fn status_events(
        &self,
        amendment_id: i64,
        as_of: NaiveDate,
    ) -> Result<Vec<StatusEventRow>, StorageError> {
        let sql = "select id, amendment_id, status, effective_date, note, source_url, source_title, recorded_at, corrects_event_id \
                   from status_events where amendment_id = $1 and effective_date <= $2 order by effective_date, id";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(amendment_id)
            .bind(as_of)
            .fetch_all(pool)
            .await?))
    }

    /// The latest status changes across a referendum, newest first.
    pub async fn recent_events(
        &self,
        referendum_id: i64,
        as_of: NaiveDate,
        limit: i64,
    ) -> Result<Vec<RecentEventRow>, StorageError> {
        let sql = "select e.id, a.article, a.title, e.status, e.effective_date, e.note, e.source_url, e.source_title \
                   from status_events e join amendments a on a.id = e.amendment_id \
                   where a.referendum_id = $1 and e.effective_date <= $2 \
                   order by e.effective_date desc, e.id desc limit $3";
        Ok(on_pool!(self.db(), |pool| {
            crate::storage::recorded::query_as(sql).bind(referendum_id).bind(as_of).bind(limit).fetch_all(pool).await?
        }))
    }

    pub async fn entry_into_force(&self, amendment_id: i64) -> Result<Vec<EntryIntoForceRow>, StorageError> {
        let sql =
            "select id, takes_effect_on, note from entry_into_force where amendment_id = $1 order by takes_effect_on";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(amendment_id)
            .fetch_all(pool)
            .await?))
    }

    /// The statements that motivated an amendment, in document order.
    pub async fn motivations(&self, amendment_id: i64) -> Result<Vec<MotivationRow>, StorageError> {
        let sql = "select m.note, st.slug as statement_slug, st.text as statement_text, sec.heading as section_heading, \
                   an.slug as announcement_slug, an.title as announcement_title, an.announced_on, an.speaker \
                   from motivations m join statements st on st.id = m.statement_id \
                   join announcement_sections sec on sec.id = st.section_id \
                   join announcements an on an.id = st.announcement_id \
                   where m.amendment_id = $1 order by an.announced_on, sec.position, st.position";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(amendment_id)
            .fetch_all(pool)
            .await?))
    }

    pub async fn section_headings(&self, referendum_id: i64) -> Result<Vec<HeadingRow>, StorageError> {
        let sql = "select id, section, law_point, before_title, after_title, takes_effect_on from section_headings \
                   where referendum_id = $1 order by law_point, id";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(referendum_id)
            .fetch_all(pool)
            .await?))
    }

    /// Every theme, for the admin's theme checkboxes.
    pub async fn all_themes(&self) -> Result<Vec<ThemeRow>, StorageError> {
        let sql = "select key, name, description from themes order by name";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql).fetch_all(pool).await?))
    }

    /// Every uncorrected status event of a referendum up to a date, in order:
    /// enough to replay how many amendments stood where on any day.
    pub async fn status_points(&self, referendum_id: i64, as_of: NaiveDate) -> Result<Vec<EventPoint>, StorageError> {
        let sql = "select e.amendment_id, e.status, e.effective_date from status_events e \
                   join amendments a on a.id = e.amendment_id \
                   where a.referendum_id = $1 and e.effective_date <= $2 \
                   and not exists (select 1 from status_events c where c.corrects_event_id = e.id) \
                   order by e.effective_date, e.id";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(referendum_id)
            .bind(as_of)
            .fetch_all(pool)
            .await?))
    }

    /// Every status event of a referendum with its article, oldest first.
    pub async fn all_status_events(&self, referendum_id: i64) -> Result<Vec<(String, StatusEventRow)>, StorageError> {
        #[derive(sqlx::FromRow)]
        struct Row {
            article: String,
            #[sqlx(flatten)]
            event: StatusEventRow,
        }
        let sql = "select a.article, e.id, e.amendment_id, e.status, e.effective_date, e.note, e.source_url, e.source_title, \
                   e.recorded_at, e.corrects_event_id from status_events e join amendments a on a.id = e.amendment_id \
                   where a.referendum_id = $1 order by e.effective_date, e.id";
        let rows: Vec<Row> = on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(referendum_id)
            .fetch_all(pool)
            .await?);
        Ok(rows.into_iter().map(|r| (r.article, r.event)).collect())
    }

    /// Every amendment ↔ statement link: (article, announcement, statement, note).
    pub async fn all_motivations(
        &self,
        referendum_id: i64,
    ) -> Result<Vec<(String, String, String, String)>, StorageError> {
        let sql = "select a.article, an.slug, st.slug, m.note from motivations m join amendments a on a.id = m.amendment_id \
                   join statements st on st.id = m.statement_id join announcements an on an.id = st.announcement_id \
                   where a.referendum_id = $1 order by a.sort_key, st.id";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(referendum_id)
            .fetch_all(pool)
            .await?))
    }

    /// An amendment by its id, for pages that address it so.
    pub async fn amendment_by_id(&self, id: i64) -> Result<Option<AmendmentRow>, StorageError> {
        let sql = "select id, article, law_point, new_article, section, title, summary, explanation, wording_before, \
                   wording_after, version, updated_at from amendments where id = $1";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql).bind(id).fetch_optional(pool).await?))
    }
}
