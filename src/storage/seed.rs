//! Loads the seed data set. Every insert is keyed on a natural key and skips
//! rows that exist, so loading twice adds nothing, and loading in full after
//! `seed --until DATE` adds exactly the events after DATE.

use chrono::{DateTime, NaiveDate, Utc};

use serde_json::json;

use super::{
    Storage, StorageError,
    tx::Change,
    tx::{Tx, args},
};
use crate::domain::{Actor, ArticleNumber};
use crate::seed::{SeedData, SeedError};

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

    /// One unit of work like any other write: the write lock makes a second
    /// instance starting at the same moment wait here instead of both
    /// deciding the database is empty, and the run is in the audit trail.
    async fn seed_inner(
        &self,
        data: &SeedData,
        until: Option<NaiveDate>,
        only_if_empty: bool,
    ) -> Result<Option<SeedReport>, StorageError> {
        let actor = Actor::system("seed");
        let mut tx = self.begin_write(&actor).await?;
        if only_if_empty && has_data(&mut tx).await? {
            tx.nothing_to_do().await?;
            return Ok(None);
        }
        let now = tx.now();
        let report = load(&mut tx, data, until, now).await?;
        tx.commit(Change {
            action: "seed.load",
            entity_type: "dataset",
            entity_id: data.referendum.slug.clone(),
            before: None,
            after: Some(json!({
                "until": until.map(|d| d.to_string()),
                "referendum_created": report.referendum_created,
                "status_events_added": report.status_events_added,
                "timeline_events_added": report.timeline_events_added,
            })),
            public: false,
        })
        .await?;
        Ok(Some(report))
    }
}

async fn has_data(tx: &mut Tx) -> Result<bool, StorageError> {
    let (count,): (i64,) = tx.fetch_one("select count(*) from referendums", args![]).await?;
    Ok(count > 0)
}

async fn load(
    tx: &mut Tx,
    data: &SeedData,
    until: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> Result<SeedReport, StorageError> {
    let mut report = SeedReport::default();
    let included = |date: NaiveDate| until.is_none_or(|until| date <= until);
    let r = &data.referendum;

    // Sources, then a lookup from key to id.
    for source in data.sources() {
        tx.execute(
            "insert into sources (key, title, url, note) values ($1, $2, $3, $4) on conflict do nothing",
            args![&source.key, &source.title, &source.url, &source.note],
        )
        .await?;
    }
    let source_ids: Vec<(i64, String, String, Option<String>)> =
        tx.fetch_all("select id, key, title, url from sources", args![]).await?;
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
                tx.execute(
                    "insert into citations (subject, subject_id, source_id, position) values ($1, $2, $3, $4) \
                             on conflict do nothing",
                    args![$subject, $id, source(key)?.0, position as i64],
                )
                .await?;
            }
        };
    }

    let inserted = tx.execute("insert into referendums (slug, title, summary, question, thresholds, proposed_on, vote_on, created_at, updated_at) \
                 values ($1, $2, $3, $4, $5, $6, $7, $8, $8) on conflict do nothing", args![&r.slug, &r.title, &r.summary, &r.question, &r.thresholds, r.proposed_on, r.vote_on, now]).await?;
    report.referendum_created = inserted == 1;
    let (referendum_id,): (i64,) = tx.fetch_one("select id from referendums where slug = $1", args![&r.slug]).await?;
    cite!("referendum_question", referendum_id, [&r.question_source]);
    cite!("referendum_thresholds", referendum_id, r.thresholds_sources);

    for theme in &data.themes {
        tx.execute(
            "insert into themes (key, name, description) values ($1, $2, $3) on conflict do nothing",
            args![&theme.key, &theme.name, &theme.description],
        )
        .await?;
    }

    // The announcement and its statements, parsed from the verbatim document.
    let a = &r.announcement;
    tx.execute("insert into announcements (referendum_id, slug, title, event, announced_on, speaker, venue, source_note, document, created_at) \
                 values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict do nothing", args![referendum_id, &a.slug, &data.announcement.title, &a.event, a.date, &a.speaker, &a.venue, &a.source_note, data.document, now]).await?;
    let (announcement_id,): (i64,) =
        tx.fetch_one("select id from announcements where slug = $1", args![&a.slug]).await?;
    cite!("announcement", announcement_id, a.sources);
    for (position, section) in data.announcement.sections.iter().enumerate() {
        tx.execute(
            "insert into announcement_sections (announcement_id, position, heading, slug, level) \
                     values ($1, $2, $3, $4, $5) on conflict do nothing",
            args![announcement_id, position as i64, &section.heading, &section.slug, i64::from(section.level)],
        )
        .await?;
        let (section_id,): (i64,) = tx
            .fetch_one(
                "select id from announcement_sections where announcement_id = $1 and slug = $2",
                args![announcement_id, &section.slug],
            )
            .await?;
        for (position, statement) in section.statements.iter().enumerate() {
            tx.execute(
                "insert into statements (announcement_id, section_id, position, slug, kind, text) \
                         values ($1, $2, $3, $4, $5, $6) on conflict do nothing",
                args![
                    announcement_id,
                    section_id,
                    position as i64,
                    &statement.slug,
                    statement.kind.as_str(),
                    &statement.text
                ],
            )
            .await?;
        }
    }
    let statement_ids: Vec<(i64, String)> =
        tx.fetch_all("select id, slug from statements where announcement_id = $1", args![announcement_id]).await?;
    let statement = |slug: &str| statement_ids.iter().find(|(_, s)| s == slug).map(|(id, _)| *id);

    let theme_ids: Vec<(i64, String)> = tx.fetch_all("select id, key from themes", args![]).await?;
    let mut amendment_ids: Vec<(i64, &str)> = Vec::with_capacity(data.amendments.len());
    for amendment in &data.amendments {
        let article = ArticleNumber::parse(&amendment.article).map_err(|e| SeedError::Invalid(e.to_string()))?;
        tx.execute("insert into amendments (referendum_id, article, sort_key, law_point, new_article, title, summary, explanation, \
                     wording_before, wording_after, created_at, updated_at) \
                     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) on conflict do nothing", args![referendum_id, article.to_string(), article.sort_key(), amendment.law_point, amendment.new_article, &amendment.title, &amendment.summary, &amendment.explanation, &amendment.wording_before, &amendment.wording_after, now]).await?;
        let (id,): (i64,) = tx
            .fetch_one(
                "select id from amendments where referendum_id = $1 and article = $2",
                args![referendum_id, &amendment.article],
            )
            .await?;
        amendment_ids.push((id, &amendment.article));
        cite!("amendment", id, amendment.sources);
        for key in &amendment.themes {
            let theme_id = theme_ids.iter().find(|(_, k)| k == key).map(|(id, _)| *id);
            tx.execute(
                "insert into amendment_themes (amendment_id, theme_id) values ($1, $2) on conflict do nothing",
                args![id, theme_id],
            )
            .await?;
        }
        for entry in &amendment.in_force {
            tx.execute("insert into entry_into_force (amendment_id, takes_effect_on, note) values ($1, $2, $3) on conflict do nothing", args![id, entry.date, &entry.note]).await?;
            let (entry_id,): (i64,) = tx
                .fetch_one(
                    "select id from entry_into_force where amendment_id = $1 and takes_effect_on = $2",
                    args![id, entry.date],
                )
                .await?;
            cite!("entry_into_force", entry_id, [&entry.source]);
        }
        for link in &amendment.motivations {
            tx.execute(
                "insert into motivations (amendment_id, statement_id, note) values ($1, $2, $3) on conflict do nothing",
                args![id, statement(&link.statement), &link.note],
            )
            .await?;
        }
        for event in data.status_events(amendment)?.into_iter().filter(|e| included(e.date)) {
            let (_, _, title, url) = source(event.source)?;
            let added = tx.execute("insert into status_events (amendment_id, status, effective_date, note, source_url, source_title, \
                         recorded_at, recorded_by, seed_key) values ($1, $2, $3, $4, $5, $6, $7, 'seed', $8) on conflict do nothing", args![id, event.status.as_str(), event.date, event.note, url, title, now, &event.seed_key]).await?;
            report.status_events_added += added;
        }
    }

    for heading in &r.headings {
        tx.execute("insert into section_headings (referendum_id, section, law_point, before_title, after_title, takes_effect_on) \
                     values ($1, $2, $3, $4, $5, $6) on conflict do nothing", args![referendum_id, &heading.section, heading.law_point, &heading.before, &heading.after, heading.in_force]).await?;
        let (heading_id,): (i64,) = tx
            .fetch_one(
                "select id from section_headings where referendum_id = $1 and section = $2",
                args![referendum_id, &heading.section],
            )
            .await?;
        cite!("heading", heading_id, heading.sources);
    }

    let c = &r.council;
    tx.execute("insert into council_reviews (referendum_id, body, submitted_on, accepted_on, conclusion_number, conclusion_date, \
                 chair, rapporteur, finding, outcome_note) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict do nothing", args![referendum_id, &c.body, c.submitted_on, c.accepted_on, &c.conclusion_number, c.conclusion_date, &c.chair, &c.rapporteur, &c.finding, &c.outcome_note]).await?;
    let (review_id,): (i64,) =
        tx.fetch_one("select id from council_reviews where referendum_id = $1", args![referendum_id]).await?;
    cite!("council_submitted", review_id, c.submitted_sources);
    cite!("council_accepted", review_id, c.accepted_sources);
    cite!("council_conclusion", review_id, c.conclusion_sources);
    for (position, question) in c.open_questions.iter().enumerate() {
        tx.execute("insert into council_open_questions (council_review_id, position, text) values ($1, $2, $3) on conflict do nothing", args![review_id, position as i64, &question.text]).await?;
        let (question_id,): (i64,) = tx
            .fetch_one(
                "select id from council_open_questions where council_review_id = $1 and position = $2",
                args![review_id, position as i64],
            )
            .await?;
        cite!("council_open_question", question_id, question.sources);
    }

    for event in r.timeline.iter().filter(|e| included(e.date)) {
        let added = tx.execute("insert into timeline_events (referendum_id, key, starts_on, ends_on, kind, title, description, certainty, \
                     uncertainty_note, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) on conflict do nothing", args![referendum_id, &event.key, event.date, event.end_date, &event.kind, &event.title, &event.description, &event.certainty, &event.uncertainty_note, now]).await?;
        report.timeline_events_added += added;
        let (event_id,): (i64,) = tx
            .fetch_one(
                "select id from timeline_events where referendum_id = $1 and key = $2",
                args![referendum_id, &event.key],
            )
            .await?;
        cite!("timeline_event", event_id, event.sources);
        for article in &event.amendments {
            let amendment_id = amendment_ids.iter().find(|(_, a)| a == article).map(|(id, _)| *id);
            tx.execute("insert into timeline_event_amendments (timeline_event_id, amendment_id) values ($1, $2) on conflict do nothing", args![event_id, amendment_id]).await?;
        }
        for slug in &event.statements {
            tx.execute("insert into timeline_event_statements (timeline_event_id, statement_id) values ($1, $2) on conflict do nothing", args![event_id, statement(slug)]).await?;
        }
    }

    // Unofficial translations of our own titles and summaries.
    for t in &data.translations.amendment {
        let Some((amendment_id, _)) = amendment_ids.iter().find(|(_, a)| *a == t.article) else { continue };
        for (lang, field, text) in t.fields() {
            tx.execute(
                "insert into translations (entity_type, entity_id, field, lang, text, official, updated_at) \
                         values ('amendment', $1, $2, $3, $4, $5, $6) on conflict do nothing",
                args![amendment_id, field, lang, text, false, now],
            )
            .await?;
        }
    }

    // Results: units, rules (as data), and the figure sets published by `until`.
    let res = &data.results;
    for (position, unit) in res.units.iter().enumerate() {
        tx.execute(
            "insert into result_units (referendum_id, key, position, kind, name_en, name_kk, name_ru) \
                     values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing",
            args![referendum_id, &unit.key, position as i64, &unit.kind, &unit.name_en, &unit.name_kk, &unit.name_ru],
        )
        .await?;
    }
    for rule in &res.rules {
        tx.execute(
            "insert into result_rules (referendum_id, key, kind, threshold_hundredths, share_numerator, \
                     share_denominator, description) values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing",
            args![
                referendum_id,
                &rule.key,
                &rule.kind,
                (rule.threshold * 100.0).round() as i64,
                rule.share_numerator,
                rule.share_denominator,
                &rule.description
            ],
        )
        .await?;
        let (rule_id,): (i64,) = tx
            .fetch_one(
                "select id from result_rules where referendum_id = $1 and key = $2",
                args![referendum_id, &rule.key],
            )
            .await?;
        for (position, key) in rule.sources.iter().enumerate() {
            tx.execute("insert into result_rule_sources (rule_id, source_id, position) values ($1, $2, $3) on conflict do nothing", args![rule_id, source(key)?.0, position as i64]).await?;
        }
    }
    for set in res.sets.iter().filter(|set| included(set.published_on)) {
        let majority_source = match &set.majority_all_units_source {
            Some(key) => Some(source(key)?.0),
            None => None,
        };
        tx.execute("insert into result_sets (referendum_id, stage, published_on, description, majority_note, \
                     majority_note_source_id, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $7) on conflict do nothing", args![referendum_id, &set.stage, set.published_on, &set.description, &set.majority_all_units_note, majority_source, now]).await?;
        let (set_id,): (i64,) = tx
            .fetch_one(
                "select id from result_sets where referendum_id = $1 and stage = $2",
                args![referendum_id, &set.stage],
            )
            .await?;
        for (position, key) in set.sources.iter().enumerate() {
            tx.execute("insert into result_set_sources (result_set_id, source_id, position) values ($1, $2, $3) on conflict do nothing", args![set_id, source(key)?.0, position as i64]).await?;
        }
        for figure in set.figures()? {
            tx.execute("insert into result_figures (result_set_id, scope, field, value, source_id) values ($1, $2, $3, $4, $5) \
                         on conflict do nothing", args![set_id, figure.scope, figure.field, figure.value, source(figure.source)?.0]).await?;
        }
        for (scope, note) in set.unit_notes() {
            tx.execute(
                "insert into result_unit_notes (result_set_id, scope, note) values ($1, $2, $3) on conflict do nothing",
                args![set_id, scope, note],
            )
            .await?;
        }
    }
    Ok(report)
}
