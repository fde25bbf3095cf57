//! Referendums: which one the site shows, the admin's list, and creating
//! and publishing one.

use chrono::NaiveDate;
use serde_json::json;

use super::{Storage, StorageError, WriteError, on_pool, tx::Change, tx::args};
use crate::domain::{Actor, rejection::Rejection};

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
pub struct ReferendumListRow {
    pub slug: String,
    pub title: String,
    pub proposed_on: NaiveDate,
    pub published: bool,
    pub amendments: i64,
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

impl Storage {
    /// The referendum shown by default: the most recently proposed of the
    /// published ones.
    pub async fn current_referendum(&self) -> Result<Option<ReferendumRow>, StorageError> {
        let sql = "select id, slug, title, summary, question, thresholds, proposed_on, vote_on \
                   from referendums where published = true order by proposed_on desc, id desc limit 1";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql).fetch_optional(pool).await?))
    }

    pub async fn referendums(&self) -> Result<Vec<ReferendumListRow>, StorageError> {
        let sql = "select r.slug, r.title, r.proposed_on, r.published, \
                   (select count(*) from amendments a where a.referendum_id = r.id) as amendments \
                   from referendums r order by r.proposed_on desc, r.id desc";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql).fetch_all(pool).await?))
    }

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

    /// Creates an unpublished referendum with its amendments, each starting
    /// its history as "drafted" on the date the package was proposed.
    pub async fn create_referendum(&self, actor: &Actor, new: &NewReferendum) -> Result<(), WriteError> {
        let mut tx = self.begin_write(actor).await?;
        let now = tx.now();
        let taken: Option<(i64,)> =
            tx.fetch_optional("select id from referendums where slug = $1", args![&new.slug]).await?;
        if taken.is_some() {
            return Err(Rejection::SlugTaken(new.slug.clone()).into());
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
        tx.commit(change).await?;
        Ok(())
    }

    /// Publishes a prepared referendum: the public site then shows it if it
    /// is the most recently proposed.
    pub async fn publish_referendum(&self, actor: &Actor, slug: &str) -> Result<(), WriteError> {
        let mut tx = self.begin_write(actor).await?;
        let now = tx.now();
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
        tx.commit(change).await?;
        Ok(())
    }
}
