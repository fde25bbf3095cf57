//! Read queries behind the public pages. Each page needs a fixed, small
//! number of queries whatever the data size: lists are fetched in one query
//! and grouped in Rust, never one query per row.

use chrono::{DateTime, NaiveDate, Utc};

use super::{Storage, StorageError, on_pool};

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
pub struct ReferendumRow {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub question: String,
    pub thresholds: String,
    pub proposed_on: NaiveDate,
    pub vote_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AmendmentListRow {
    pub id: i64,
    pub article: String,
    pub title: String,
    pub summary: String,
    pub new_article: bool,
    pub status: Option<String>,
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
    pub status: String,
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
    pub status: String,
    pub effective_date: NaiveDate,
    pub note: String,
    pub source_url: Option<String>,
    pub source_title: Option<String>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SourceRow {
    pub subject_id: i64,
    pub key: String,
    pub title: String,
    pub url: Option<String>,
    pub note: Option<String>,
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
pub struct TimelineRow {
    pub id: i64,
    pub key: String,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub kind: String,
    pub title: String,
    pub description: String,
    pub certainty: String,
    pub uncertainty_note: Option<String>,
}

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

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HeadingRow {
    pub id: i64,
    pub section: String,
    pub law_point: Option<i64>,
    pub before_title: Option<String>,
    pub after_title: String,
    pub takes_effect_on: NaiveDate,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CouncilReviewRow {
    pub id: i64,
    pub body: String,
    pub submitted_on: NaiveDate,
    pub accepted_on: Option<NaiveDate>,
    pub conclusion_number: Option<String>,
    pub conclusion_date: Option<NaiveDate>,
    pub chair: Option<String>,
    pub rapporteur: Option<String>,
    pub finding: Option<String>,
    pub outcome_note: Option<String>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OpenQuestionRow {
    pub id: i64,
    pub text: String,
}

/// Filters of the amendment list; `None` means "any".
#[derive(Debug, Clone, Default)]
pub struct AmendmentFilter<'a> {
    pub status: Option<&'a str>,
    pub theme: Option<&'a str>,
}

impl Storage {
    /// The referendum shown by default: the most recently proposed of the
    /// published ones.
    pub async fn current_referendum(&self) -> Result<Option<ReferendumRow>, StorageError> {
        let sql = "select id, slug, title, summary, question, thresholds, proposed_on, vote_on \
                   from referendums where published = true order by proposed_on desc, id desc limit 1";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql).fetch_optional(pool).await?))
    }

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

    pub async fn section_headings(&self, referendum_id: i64) -> Result<Vec<HeadingRow>, StorageError> {
        let sql = "select id, section, law_point, before_title, after_title, takes_effect_on from section_headings \
                   where referendum_id = $1 order by law_point, id";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(referendum_id)
            .fetch_all(pool)
            .await?))
    }

    pub async fn council_review(&self, referendum_id: i64) -> Result<Option<CouncilReviewRow>, StorageError> {
        let sql = "select id, body, submitted_on, accepted_on, conclusion_number, conclusion_date, chair, rapporteur, \
                   finding, outcome_note from council_reviews where referendum_id = $1";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(referendum_id)
            .fetch_optional(pool)
            .await?))
    }

    pub async fn council_open_questions(&self, review_id: i64) -> Result<Vec<OpenQuestionRow>, StorageError> {
        let sql = "select id, text from council_open_questions where council_review_id = $1 order by position";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql).bind(review_id).fetch_all(pool).await?))
    }

    /// The Council's outcome for each amendment: its latest uncorrected
    /// Council event up to a date, if any.
    pub async fn council_outcomes(
        &self,
        referendum_id: i64,
        as_of: NaiveDate,
    ) -> Result<Vec<RecentEventRow>, StorageError> {
        let sql = "select e.id, a.article, a.title, e.status, e.effective_date, e.note, e.source_url, e.source_title \
                   from amendments a join status_events e on e.amendment_id = a.id \
                   where a.referendum_id = $1 and e.effective_date <= $2 \
                     and e.status in ('council_compliant', 'council_noncompliant') \
                     and not exists (select 1 from status_events c where c.corrects_event_id = e.id) \
                   order by a.sort_key, e.effective_date, e.id";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(referendum_id)
            .bind(as_of)
            .fetch_all(pool)
            .await?))
    }
}

impl Storage {
    /// Every theme, for the admin's theme checkboxes.
    pub async fn all_themes(&self) -> Result<Vec<ThemeRow>, StorageError> {
        let sql = "select key, name, description from themes order by name";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql).fetch_all(pool).await?))
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
}

/// One timeline event with its version and linked articles, for editing.
pub struct TimelineEventDetail {
    pub row: TimelineRow,
    pub version: i64,
    pub articles: Vec<String>,
}

impl Storage {
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
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReferendumListRow {
    pub slug: String,
    pub title: String,
    pub proposed_on: NaiveDate,
    pub published: bool,
    pub amendments: i64,
}

impl Storage {
    pub async fn referendums(&self) -> Result<Vec<ReferendumListRow>, StorageError> {
        let sql = "select r.slug, r.title, r.proposed_on, r.published, \
                   (select count(*) from amendments a where a.referendum_id = r.id) as amendments \
                   from referendums r order by r.proposed_on desc, r.id desc";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql).fetch_all(pool).await?))
    }
}

impl Storage {
    /// The earliest date the tracker knows anything about for a referendum.
    pub async fn first_event_date(&self, referendum_id: i64) -> Result<Option<NaiveDate>, StorageError> {
        let sql = "select min(d) from (\
             select min(e.effective_date) as d from status_events e join amendments a on a.id = e.amendment_id \
             where a.referendum_id = $1 \
             union all select min(starts_on) as d from timeline_events where referendum_id = $1) dates";
        let row: (Option<NaiveDate>,) = on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(referendum_id)
            .fetch_one(pool)
            .await?);
        Ok(row.0)
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EventPoint {
    pub amendment_id: i64,
    pub status: String,
    pub effective_date: NaiveDate,
}

impl Storage {
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
}

impl Storage {
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
}

impl Storage {
    /// When each timeline event was last changed, for feed timestamps.
    pub async fn timeline_updated_at(&self, referendum_id: i64) -> Result<Vec<(i64, DateTime<Utc>)>, StorageError> {
        let sql = "select id, updated_at from timeline_events where referendum_id = $1";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(referendum_id)
            .fetch_all(pool)
            .await?))
    }
}

/// What a search hit points at: its title and where it lives.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HitTarget {
    pub kind: String,
    pub id: i64,
    /// Article number, announcement slug or timeline key.
    pub key: String,
    /// Statement anchor, when the hit is a statement.
    pub anchor: Option<String>,
    pub title: String,
}

impl Storage {
    /// Titles and addresses of search hits, in one query per kind.
    pub async fn hit_targets(
        &self,
        amendments: &[i64],
        statements: &[i64],
        events: &[i64],
        status_events: &[i64],
    ) -> Result<Vec<HitTarget>, StorageError> {
        let list = |ids: &[i64]| {
            if ids.is_empty() { "0".to_owned() } else { ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",") }
        };
        // The ids are integers from our own index, formatted by us: no user text reaches the SQL.
        let sql = format!(
            "select 'amendment' as kind, id, article as key, cast(null as text) as anchor, title from amendments where id in ({}) \
             union all select 'statement', st.id, an.slug, st.slug, an.title from statements st \
               join announcements an on an.id = st.announcement_id where st.id in ({}) \
             union all select 'timeline_event', id, key, cast(null as text), title from timeline_events where id in ({}) \
             union all select 'status_event', e.id, a.article, cast(e.id as text), a.title from status_events e \
               join amendments a on a.id = e.amendment_id where e.id in ({})",
            list(amendments),
            list(statements),
            list(events),
            list(status_events)
        );
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(&sql).fetch_all(pool).await?))
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TranslationRow {
    pub entity_id: i64,
    pub field: String,
    pub text: String,
    pub official: bool,
    pub source_url: Option<String>,
    pub lang: String,
}

impl Storage {
    /// Translations of one kind of content into a language (all languages
    /// when `lang` is None), optionally for one entity.
    pub async fn translations(
        &self,
        entity_type: &str,
        lang: Option<&str>,
        entity_id: Option<i64>,
    ) -> Result<Vec<TranslationRow>, StorageError> {
        let sql = "select entity_id, field, text, official, source_url, lang from translations \
                   where entity_type = $1 and (cast($2 as text) is null or lang = $2) \
                   and (cast($3 as bigint) is null or entity_id = $3) order by entity_id, field";
        Ok(on_pool!(self.db(), |pool| {
            crate::storage::recorded::query_as(sql).bind(entity_type).bind(lang).bind(entity_id).fetch_all(pool).await?
        }))
    }
}

impl Storage {
    /// A statement's anchor and verbatim text.
    pub async fn statement_text(&self, id: i64) -> Result<Option<(String, String)>, StorageError> {
        let sql = "select slug, text from statements where id = $1";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql).bind(id).fetch_optional(pool).await?))
    }
}

impl Storage {
    /// An amendment by its id, for pages that address it so.
    pub async fn amendment_by_id(&self, id: i64) -> Result<Option<AmendmentRow>, StorageError> {
        let sql = "select id, article, law_point, new_article, section, title, summary, explanation, wording_before, \
                   wording_after, version, updated_at from amendments where id = $1";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql).bind(id).fetch_optional(pool).await?))
    }
}
