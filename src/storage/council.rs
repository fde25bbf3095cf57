//! The Constitutional Council's review of a package: its dates, finding,
//! open questions, and each amendment's outcome.

use chrono::NaiveDate;

use super::{Storage, StorageError, amendments::RecentEventRow, on_pool};

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

impl Storage {
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
