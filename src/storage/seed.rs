//! Loads the seed data set. Every insert is keyed on a natural key and skips
//! rows that exist, so loading twice adds nothing, and loading in full after
//! `seed --until DATE` adds exactly the events after DATE.

use chrono::{DateTime, NaiveDate, Utc};

use super::{Db, Storage, StorageError};
use crate::domain::ArticleNumber;
use crate::seed::{SeedData, SeedError};

/// Serialises seeding between PostgreSQL instances that start together.
const SEED_LOCK_KEY: i64 = 0x7265_6665_7265_6e64; // "referend"

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SeedReport {
    pub referendum_created: bool,
    pub status_events_added: u64,
    pub timeline_events_added: u64,
}

impl Storage {
    /// Loads the seeds, optionally only the events up to `until` (inclusive).
    pub async fn seed(&self, data: &SeedData, until: Option<NaiveDate>) -> Result<SeedReport, StorageError> {
        self.seed_inner(data, until, false).await.map(Option::unwrap_or_default)
    }

    /// Loads the seeds only if the database holds no referendum yet; returns
    /// `None` when it already had data.
    pub async fn seed_if_empty(&self, data: &SeedData) -> Result<Option<SeedReport>, StorageError> {
        self.seed_inner(data, None, true).await
    }

    async fn seed_inner(
        &self,
        data: &SeedData,
        until: Option<NaiveDate>,
        only_if_empty: bool,
    ) -> Result<Option<SeedReport>, StorageError> {
        let now = Utc::now();
        let report = match self.db() {
            Db::Sqlite(pool) => {
                // IMMEDIATE takes the write lock up front, so a second process
                // waits here instead of both deciding the database is empty.
                let mut tx = pool.begin_with("begin immediate").await?;
                let report = if only_if_empty && has_data_sqlite(&mut tx).await? {
                    None
                } else {
                    Some(load_sqlite(&mut tx, data, until, now).await?)
                };
                tx.commit().await?;
                report
            }
            Db::Postgres(pool) => {
                let mut tx = pool.begin().await?;
                sqlx::query("select pg_advisory_xact_lock($1)").bind(SEED_LOCK_KEY).execute(&mut *tx).await?;
                let report = if only_if_empty && has_data_postgres(&mut tx).await? {
                    None
                } else {
                    Some(load_postgres(&mut tx, data, until, now).await?)
                };
                tx.commit().await?;
                report
            }
        };
        Ok(report)
    }
}

/// One loader body, compiled once per backend connection type.
macro_rules! loader {
    ($has_data:ident, $load:ident, $conn:ty) => {
        async fn $has_data(conn: &mut $conn) -> Result<bool, sqlx::Error> {
            let (count,): (i64,) = sqlx::query_as("select count(*) from referendums").fetch_one(&mut *conn).await?;
            Ok(count > 0)
        }

        async fn $load(
            conn: &mut $conn,
            data: &SeedData,
            until: Option<NaiveDate>,
            now: DateTime<Utc>,
        ) -> Result<SeedReport, StorageError> {
            let mut report = SeedReport::default();
            let included = |date: NaiveDate| until.is_none_or(|until| date <= until);
            let r = &data.referendum;

            // Sources, then a lookup from key to id.
            for source in data.sources() {
                sqlx::query("insert into sources (key, title, url, note) values ($1, $2, $3, $4) on conflict do nothing")
                    .bind(&source.key)
                    .bind(&source.title)
                    .bind(&source.url)
                    .bind(&source.note)
                    .execute(&mut *conn)
                    .await?;
            }
            let source_ids: Vec<(i64, String, String, Option<String>)> =
                sqlx::query_as("select id, key, title, url from sources").fetch_all(&mut *conn).await?;
            let source = |key: &str| {
                source_ids
                    .iter()
                    .find(|(_, k, _, _)| k == key)
                    .ok_or_else(|| StorageError::Seed(SeedError::Invalid(format!("unknown source {key}"))))
            };

            // Citations are keyed (subject, subject_id, source_id): re-runs skip them.
            macro_rules! cite {
                ($subject:expr, $id:expr, $keys:expr) => {
                    for (position, key) in $keys.iter().enumerate() {
                        sqlx::query(
                            "insert into citations (subject, subject_id, source_id, position) values ($1, $2, $3, $4) \
                             on conflict do nothing",
                        )
                        .bind($subject)
                        .bind($id)
                        .bind(source(key)?.0)
                        .bind(position as i64)
                        .execute(&mut *conn)
                        .await?;
                    }
                };
            }

            let inserted = sqlx::query(
                "insert into referendums (slug, title, summary, question, thresholds, proposed_on, vote_on, created_at, updated_at) \
                 values ($1, $2, $3, $4, $5, $6, $7, $8, $8) on conflict do nothing",
            )
            .bind(&r.slug)
            .bind(&r.title)
            .bind(&r.summary)
            .bind(&r.question)
            .bind(&r.thresholds)
            .bind(r.proposed_on)
            .bind(r.vote_on)
            .bind(now)
            .execute(&mut *conn)
            .await?;
            report.referendum_created = inserted.rows_affected() == 1;
            let (referendum_id,): (i64,) =
                sqlx::query_as("select id from referendums where slug = $1").bind(&r.slug).fetch_one(&mut *conn).await?;
            cite!("referendum_question", referendum_id, [&r.question_source]);
            cite!("referendum_thresholds", referendum_id, r.thresholds_sources);

            for theme in &data.themes {
                sqlx::query("insert into themes (key, name, description) values ($1, $2, $3) on conflict do nothing")
                    .bind(&theme.key)
                    .bind(&theme.name)
                    .bind(&theme.description)
                    .execute(&mut *conn)
                    .await?;
            }

            // The announcement and its statements, parsed from the verbatim document.
            let a = &r.announcement;
            sqlx::query(
                "insert into announcements (referendum_id, slug, title, event, announced_on, speaker, venue, source_note, document, created_at) \
                 values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict do nothing",
            )
            .bind(referendum_id)
            .bind(&a.slug)
            .bind(&data.announcement.title)
            .bind(&a.event)
            .bind(a.date)
            .bind(&a.speaker)
            .bind(&a.venue)
            .bind(&a.source_note)
            .bind(data.document)
            .bind(now)
            .execute(&mut *conn)
            .await?;
            let (announcement_id,): (i64,) =
                sqlx::query_as("select id from announcements where slug = $1").bind(&a.slug).fetch_one(&mut *conn).await?;
            cite!("announcement", announcement_id, a.sources);
            for (position, section) in data.announcement.sections.iter().enumerate() {
                sqlx::query(
                    "insert into announcement_sections (announcement_id, position, heading, slug, level) \
                     values ($1, $2, $3, $4, $5) on conflict do nothing",
                )
                .bind(announcement_id)
                .bind(position as i64)
                .bind(&section.heading)
                .bind(&section.slug)
                .bind(i64::from(section.level))
                .execute(&mut *conn)
                .await?;
                let (section_id,): (i64,) =
                    sqlx::query_as("select id from announcement_sections where announcement_id = $1 and slug = $2")
                        .bind(announcement_id)
                        .bind(&section.slug)
                        .fetch_one(&mut *conn)
                        .await?;
                for (position, statement) in section.statements.iter().enumerate() {
                    sqlx::query(
                        "insert into statements (announcement_id, section_id, position, slug, kind, text) \
                         values ($1, $2, $3, $4, $5, $6) on conflict do nothing",
                    )
                    .bind(announcement_id)
                    .bind(section_id)
                    .bind(position as i64)
                    .bind(&statement.slug)
                    .bind(statement.kind.as_str())
                    .bind(&statement.text)
                    .execute(&mut *conn)
                    .await?;
                }
            }
            let statement_ids: Vec<(i64, String)> = sqlx::query_as("select id, slug from statements where announcement_id = $1")
                .bind(announcement_id)
                .fetch_all(&mut *conn)
                .await?;
            let statement = |slug: &str| statement_ids.iter().find(|(_, s)| s == slug).map(|(id, _)| *id);

            let theme_ids: Vec<(i64, String)> = sqlx::query_as("select id, key from themes").fetch_all(&mut *conn).await?;
            let mut amendment_ids: Vec<(i64, &str)> = Vec::with_capacity(data.amendments.len());
            for amendment in &data.amendments {
                let article = ArticleNumber::parse(&amendment.article).map_err(|e| SeedError::Invalid(e.to_string()))?;
                sqlx::query(
                    "insert into amendments (referendum_id, article, sort_key, law_point, new_article, title, summary, explanation, \
                     wording_before, wording_after, created_at, updated_at) \
                     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) on conflict do nothing",
                )
                .bind(referendum_id)
                .bind(article.to_string())
                .bind(article.sort_key())
                .bind(amendment.law_point)
                .bind(amendment.new_article)
                .bind(&amendment.title)
                .bind(&amendment.summary)
                .bind(&amendment.explanation)
                .bind(&amendment.wording_before)
                .bind(&amendment.wording_after)
                .bind(now)
                .execute(&mut *conn)
                .await?;
                let (id,): (i64,) = sqlx::query_as("select id from amendments where referendum_id = $1 and article = $2")
                    .bind(referendum_id)
                    .bind(&amendment.article)
                    .fetch_one(&mut *conn)
                    .await?;
                amendment_ids.push((id, &amendment.article));
                cite!("amendment", id, amendment.sources);
                for key in &amendment.themes {
                    let theme_id = theme_ids.iter().find(|(_, k)| k == key).map(|(id, _)| *id);
                    sqlx::query("insert into amendment_themes (amendment_id, theme_id) values ($1, $2) on conflict do nothing")
                        .bind(id)
                        .bind(theme_id)
                        .execute(&mut *conn)
                        .await?;
                }
                for entry in &amendment.in_force {
                    sqlx::query(
                        "insert into entry_into_force (amendment_id, takes_effect_on, note) values ($1, $2, $3) on conflict do nothing",
                    )
                    .bind(id)
                    .bind(entry.date)
                    .bind(&entry.note)
                    .execute(&mut *conn)
                    .await?;
                    let (entry_id,): (i64,) =
                        sqlx::query_as("select id from entry_into_force where amendment_id = $1 and takes_effect_on = $2")
                            .bind(id)
                            .bind(entry.date)
                            .fetch_one(&mut *conn)
                            .await?;
                    cite!("entry_into_force", entry_id, [&entry.source]);
                }
                for link in &amendment.motivations {
                    sqlx::query("insert into motivations (amendment_id, statement_id, note) values ($1, $2, $3) on conflict do nothing")
                        .bind(id)
                        .bind(statement(&link.statement))
                        .bind(&link.note)
                        .execute(&mut *conn)
                        .await?;
                }
                for event in data.status_events(amendment)?.into_iter().filter(|e| included(e.date)) {
                    let (_, _, title, url) = source(event.source)?;
                    let added = sqlx::query(
                        "insert into status_events (amendment_id, status, effective_date, note, source_url, source_title, \
                         recorded_at, recorded_by, seed_key) values ($1, $2, $3, $4, $5, $6, $7, 'seed', $8) on conflict do nothing",
                    )
                    .bind(id)
                    .bind(event.status.as_str())
                    .bind(event.date)
                    .bind(event.note)
                    .bind(url)
                    .bind(title)
                    .bind(now)
                    .bind(&event.seed_key)
                    .execute(&mut *conn)
                    .await?;
                    report.status_events_added += added.rows_affected();
                }
            }

            for heading in &r.headings {
                sqlx::query(
                    "insert into section_headings (referendum_id, section, law_point, before_title, after_title, takes_effect_on) \
                     values ($1, $2, $3, $4, $5, $6) on conflict do nothing",
                )
                .bind(referendum_id)
                .bind(&heading.section)
                .bind(heading.law_point)
                .bind(&heading.before)
                .bind(&heading.after)
                .bind(heading.in_force)
                .execute(&mut *conn)
                .await?;
                let (heading_id,): (i64,) =
                    sqlx::query_as("select id from section_headings where referendum_id = $1 and section = $2")
                        .bind(referendum_id)
                        .bind(&heading.section)
                        .fetch_one(&mut *conn)
                        .await?;
                cite!("heading", heading_id, heading.sources);
            }

            let c = &r.council;
            sqlx::query(
                "insert into council_reviews (referendum_id, body, submitted_on, accepted_on, conclusion_number, conclusion_date, \
                 chair, rapporteur, finding, outcome_note) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict do nothing",
            )
            .bind(referendum_id)
            .bind(&c.body)
            .bind(c.submitted_on)
            .bind(c.accepted_on)
            .bind(&c.conclusion_number)
            .bind(c.conclusion_date)
            .bind(&c.chair)
            .bind(&c.rapporteur)
            .bind(&c.finding)
            .bind(&c.outcome_note)
            .execute(&mut *conn)
            .await?;
            let (review_id,): (i64,) = sqlx::query_as("select id from council_reviews where referendum_id = $1")
                .bind(referendum_id)
                .fetch_one(&mut *conn)
                .await?;
            cite!("council_submitted", review_id, c.submitted_sources);
            cite!("council_accepted", review_id, c.accepted_sources);
            cite!("council_conclusion", review_id, c.conclusion_sources);
            for (position, question) in c.open_questions.iter().enumerate() {
                sqlx::query(
                    "insert into council_open_questions (council_review_id, position, text) values ($1, $2, $3) on conflict do nothing",
                )
                .bind(review_id)
                .bind(position as i64)
                .bind(&question.text)
                .execute(&mut *conn)
                .await?;
                let (question_id,): (i64,) =
                    sqlx::query_as("select id from council_open_questions where council_review_id = $1 and position = $2")
                        .bind(review_id)
                        .bind(position as i64)
                        .fetch_one(&mut *conn)
                        .await?;
                cite!("council_open_question", question_id, question.sources);
            }

            for event in r.timeline.iter().filter(|e| included(e.date)) {
                let added = sqlx::query(
                    "insert into timeline_events (referendum_id, key, starts_on, ends_on, kind, title, description, certainty, \
                     uncertainty_note, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) on conflict do nothing",
                )
                .bind(referendum_id)
                .bind(&event.key)
                .bind(event.date)
                .bind(event.end_date)
                .bind(&event.kind)
                .bind(&event.title)
                .bind(&event.description)
                .bind(&event.certainty)
                .bind(&event.uncertainty_note)
                .bind(now)
                .execute(&mut *conn)
                .await?;
                report.timeline_events_added += added.rows_affected();
                let (event_id,): (i64,) = sqlx::query_as("select id from timeline_events where referendum_id = $1 and key = $2")
                    .bind(referendum_id)
                    .bind(&event.key)
                    .fetch_one(&mut *conn)
                    .await?;
                cite!("timeline_event", event_id, event.sources);
                for article in &event.amendments {
                    let amendment_id = amendment_ids.iter().find(|(_, a)| a == article).map(|(id, _)| *id);
                    sqlx::query(
                        "insert into timeline_event_amendments (timeline_event_id, amendment_id) values ($1, $2) on conflict do nothing",
                    )
                    .bind(event_id)
                    .bind(amendment_id)
                    .execute(&mut *conn)
                    .await?;
                }
                for slug in &event.statements {
                    sqlx::query(
                        "insert into timeline_event_statements (timeline_event_id, statement_id) values ($1, $2) on conflict do nothing",
                    )
                    .bind(event_id)
                    .bind(statement(slug))
                    .execute(&mut *conn)
                    .await?;
                }
            }

            // Unofficial translations of our own titles and summaries.
            for t in &data.translations.amendment {
                let Some((amendment_id, _)) = amendment_ids.iter().find(|(_, a)| *a == t.article) else { continue };
                for (lang, field, text) in t.fields() {
                    sqlx::query(
                        "insert into translations (entity_type, entity_id, field, lang, text, official, updated_at) \
                         values ('amendment', $1, $2, $3, $4, $5, $6) on conflict do nothing",
                    )
                    .bind(amendment_id)
                    .bind(field)
                    .bind(lang)
                    .bind(text)
                    .bind(false)
                    .bind(now)
                    .execute(&mut *conn)
                    .await?;
                }
            }

            // Results: units, rules (as data), and the figure sets published by `until`.
            let res = &data.results;
            for (position, unit) in res.units.iter().enumerate() {
                sqlx::query(
                    "insert into result_units (referendum_id, key, position, kind, name_en, name_kk, name_ru) \
                     values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing",
                )
                .bind(referendum_id)
                .bind(&unit.key)
                .bind(position as i64)
                .bind(&unit.kind)
                .bind(&unit.name_en)
                .bind(&unit.name_kk)
                .bind(&unit.name_ru)
                .execute(&mut *conn)
                .await?;
            }
            for rule in &res.rules {
                sqlx::query(
                    "insert into result_rules (referendum_id, key, kind, threshold_hundredths, share_numerator, \
                     share_denominator, description) values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing",
                )
                .bind(referendum_id)
                .bind(&rule.key)
                .bind(&rule.kind)
                .bind((rule.threshold * 100.0).round() as i64)
                .bind(rule.share_numerator)
                .bind(rule.share_denominator)
                .bind(&rule.description)
                .execute(&mut *conn)
                .await?;
                let (rule_id,): (i64,) = sqlx::query_as("select id from result_rules where referendum_id = $1 and key = $2")
                    .bind(referendum_id)
                    .bind(&rule.key)
                    .fetch_one(&mut *conn)
                    .await?;
                for (position, key) in rule.sources.iter().enumerate() {
                    sqlx::query(
                        "insert into result_rule_sources (rule_id, source_id, position) values ($1, $2, $3) on conflict do nothing",
                    )
                    .bind(rule_id)
                    .bind(source(key)?.0)
                    .bind(position as i64)
                    .execute(&mut *conn)
                    .await?;
                }
            }
            for set in res.sets.iter().filter(|set| included(set.published_on)) {
                let majority_source = match &set.majority_all_units_source {
                    Some(key) => Some(source(key)?.0),
                    None => None,
                };
                sqlx::query(
                    "insert into result_sets (referendum_id, stage, published_on, description, majority_note, \
                     majority_note_source_id, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $7) on conflict do nothing",
                )
                .bind(referendum_id)
                .bind(&set.stage)
                .bind(set.published_on)
                .bind(&set.description)
                .bind(&set.majority_all_units_note)
                .bind(majority_source)
                .bind(now)
                .execute(&mut *conn)
                .await?;
                let (set_id,): (i64,) = sqlx::query_as("select id from result_sets where referendum_id = $1 and stage = $2")
                    .bind(referendum_id)
                    .bind(&set.stage)
                    .fetch_one(&mut *conn)
                    .await?;
                for (position, key) in set.sources.iter().enumerate() {
                    sqlx::query(
                        "insert into result_set_sources (result_set_id, source_id, position) values ($1, $2, $3) on conflict do nothing",
                    )
                    .bind(set_id)
                    .bind(source(key)?.0)
                    .bind(position as i64)
                    .execute(&mut *conn)
                    .await?;
                }
                for figure in set.figures()? {
                    sqlx::query(
                        "insert into result_figures (result_set_id, scope, field, value, source_id) values ($1, $2, $3, $4, $5) \
                         on conflict do nothing",
                    )
                    .bind(set_id)
                    .bind(figure.scope)
                    .bind(figure.field)
                    .bind(figure.value)
                    .bind(source(figure.source)?.0)
                    .execute(&mut *conn)
                    .await?;
                }
                for (scope, note) in set.unit_notes() {
                    sqlx::query("insert into result_unit_notes (result_set_id, scope, note) values ($1, $2, $3) on conflict do nothing")
                        .bind(set_id)
                        .bind(scope)
                        .bind(note)
                        .execute(&mut *conn)
                        .await?;
                }
            }

            // Every write moves the data version, so caches and "data as of" follow.
            sqlx::query(
                "insert into data_state (id, version, changed_at) values (1, 1, $1) \
                 on conflict (id) do update set version = data_state.version + 1, changed_at = excluded.changed_at",
            )
            .bind(now)
            .execute(&mut *conn)
            .await?;
            Ok(report)
        }
    };
}

loader!(has_data_sqlite, load_sqlite, sqlx::SqliteConnection);
loader!(has_data_postgres, load_postgres, sqlx::PgConnection);
