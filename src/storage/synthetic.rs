//! A large, deterministic, clearly labelled data set for measuring how
//! page costs grow with data: many past referendums, each with its
//! amendments, announcement, statements and long status histories.
//!
//! The rows are generated inside the database by `insert … select` over a
//! counter, so a million status events take seconds, not minutes. "Random"
//! choices come from integer arithmetic on the row number and the seed, so
//! the same seed always gives the same data. Every generated referendum is
//! dated before the real one, which stays the current referendum.

use chrono::NaiveDate;
use serde_json::json;

use super::{Backend, Storage, StorageError, tx::Change, tx::args};
use crate::domain::Actor;

/// How much to generate.
#[derive(Debug, Clone, Copy)]
pub struct SyntheticSize {
    pub seed: i64,
    pub referendums: i64,
    pub amendments_per_referendum: i64,
    pub statements_per_announcement: i64,
    pub events_per_amendment: i64,
}

impl Default for SyntheticSize {
    /// 100 referendums, 3,300 amendments, 100,000 statements and 999,900
    /// status events.
    fn default() -> Self {
        Self {
            seed: 1,
            referendums: 100,
            amendments_per_referendum: 33,
            statements_per_announcement: 1_000,
            events_per_amendment: 303,
        }
    }
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct SyntheticReport {
    pub referendums: u64,
    pub amendments: u64,
    pub statements: u64,
    pub status_events: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum SyntheticError {
    #[error("synthetic data for seed {0} already exists; choose another --seed")]
    AlreadyThere(i64),
    #[error("sizes must be between 1 and {max}: {what} = {value}")]
    OutOfRange { what: &'static str, value: i64, max: i64 },
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Words the generated statements are made of, so search has real work.
const PHRASES: [&str; 8] = [
    "the parliament gains a stronger role in forming the government",
    "regional akims are elected and report to local councils",
    "a constitutional court hears complaints from citizens",
    "the death penalty is abolished for all crimes",
    "land and its resources belong to the people",
    "the ombudsman gains independence from the executive",
    "the president may not belong to a political party",
    "relatives of the president may not hold public office",
];

impl Storage {
    pub async fn seed_synthetic(&self, size: SyntheticSize) -> Result<SyntheticReport, SyntheticError> {
        for (what, value, max) in [
            ("referendums", size.referendums, 1_000),
            ("amendments per referendum", size.amendments_per_referendum, 200),
            ("statements per announcement", size.statements_per_announcement, 10_000),
            ("events per amendment", size.events_per_amendment, 10_000),
        ] {
            if !(1..=max).contains(&value) {
                return Err(SyntheticError::OutOfRange { what, value, max });
            }
        }
        let prefix = format!("synthetic-{}-", size.seed);
        let pattern = format!("{prefix}%");
        let day = |expr: &str, days: &str| match self.backend() {
            Backend::Sqlite => format!("date({expr}, '+' || ({days}) || ' days')"),
            Backend::Postgres => format!("(cast({expr} as date) + cast({days} as integer))"),
        };
        let counter = |to: &str| {
            format!("with recursive n(i) as (select cast(1 as bigint) union all select i + 1 from n where i < {to}) ")
        };
        let phrase = format!(
            "(case ((n.i * 7 + {seed}) % 8) {cases} end)",
            seed = size.seed,
            cases = PHRASES.iter().enumerate().map(|(k, p)| format!("when {k} then '{p}'")).collect::<String>()
        );
        let actor = Actor::system("seed-synthetic");
        let mut tx = self.begin_write(&actor).await?;
        let at = tx.now();
        let existing: Option<(i64,)> =
            tx.fetch_optional("select id from referendums where slug like $1 limit 1", args![pattern.clone()]).await?;
        if existing.is_some() {
            return Err(SyntheticError::AlreadyThere(size.seed));
        }
        let base = NaiveDate::from_ymd_opt(1995, 1, 1).expect("a valid date");

        let referendums = tx
            .execute(
                &format!(
                    "{counter} insert into referendums (slug, title, summary, question, thresholds, proposed_on, vote_on, \
                       version, created_at, updated_at, published) \
                     select $2 || n.i, 'Synthetic referendum ' || n.i, \
                       'Generated test data for measuring performance; not a real referendum.', \
                       'Do you accept the synthetic amendments of set ' || n.i || '?', 'Synthetic thresholds', \
                       {proposed}, {vote}, 1, $4, $4, $5 from n",
                    counter = counter("$1"),
                    proposed = day("$3", "n.i * 60"),
                    vote = day("$3", "n.i * 60 + 40"),
                ),
                args![size.referendums, prefix.clone(), base, at, true],
            )
            .await?;
        let amendments = tx
            .execute(
                &format!(
                    "{counter} insert into amendments (referendum_id, article, sort_key, law_point, new_article, title, \
                       summary, explanation, version, created_at, updated_at) \
                     select r.id, cast(n.i as text), n.i * 10000, n.i, $2, 'Synthetic article ' || n.i, \
                       'In set ' || r.id || ', ' || {phrase} || '.', 'Generated explanation: ' || {phrase} || '.', \
                       1, $3, $3 from referendums r cross join n where r.slug like $4",
                    counter = counter("$1"),
                ),
                args![size.amendments_per_referendum, false, at, pattern.clone()],
            )
            .await?;
        tx.execute(
            "insert into amendment_themes (amendment_id, theme_id) select a.id, t.id from amendments a \
             join referendums r on r.id = a.referendum_id join themes t on (a.id + t.id) % 3 = 0 where r.slug like $1",
            args![pattern.clone()],
        )
        .await?;
        tx.execute(
            &format!(
                "insert into announcements (referendum_id, slug, title, event, announced_on, speaker, venue, source_note, \
                   document, version, created_at) \
                 select r.id, r.slug, 'Synthetic announcement for ' || r.title, 'Synthetic event', {announced}, \
                   'Synthetic speaker', 'Synthetic venue', 'Generated test data.', 'Generated test data.', 1, $2 \
                 from referendums r where r.slug like $1",
                announced = day("r.proposed_on", "0"),
            ),
            args![pattern.clone(), at],
        )
        .await?;
        // Ten sections per announcement, the statements spread evenly.
        let per_section = (size.statements_per_announcement + 9) / 10;
        tx.execute(
            &format!(
                "{counter} insert into announcement_sections (announcement_id, position, heading, slug, level) \
                 select an.id, n.i, 'Section ' || n.i, 'section-' || n.i, 2 from announcements an cross join n \
                 where an.slug like $1",
                counter = counter("10"),
            ),
            args![pattern.clone()],
        )
        .await?;
        let statements = tx
            .execute(
                &format!(
                    "{counter} insert into statements (announcement_id, section_id, position, slug, kind, text) \
                     select sec.announcement_id, sec.id, (sec.position - 1) * $2 + n.i, \
                       's-' || ((sec.position - 1) * $2 + n.i), 'bullet', \
                       'Statement ' || ((sec.position - 1) * $2 + n.i) || ': ' || {phrase} || '.' \
                     from announcement_sections sec join announcements an on an.id = sec.announcement_id \
                     cross join n where an.slug like $3 and (sec.position - 1) * $2 + n.i <= $4",
                    counter = counter("$1"),
                ),
                args![per_section, per_section, pattern.clone(), size.statements_per_announcement],
            )
            .await?;
        tx.execute(
            "insert into motivations (amendment_id, statement_id, note) \
             select a.id, st.id, 'Generated link.' from amendments a \
             join referendums r on r.id = a.referendum_id join announcements an on an.referendum_id = r.id \
             join statements st on st.announcement_id = an.id and st.position = a.law_point \
             where r.slug like $1",
            args![pattern.clone()],
        )
        .await?;
        // Each amendment goes through the whole pipeline, then is amended
        // again and again: every step is a legal transition.
        let status_events = tx
            .execute(
                &format!(
                    "{counter} insert into status_events (amendment_id, status, effective_date, note, source_url, \
                       recorded_at, recorded_by) \
                     select a.id, case n.i when 1 then 'drafted' when 2 then 'submitted' when 3 then 'council_compliant' \
                       when 4 then 'on_ballot' when 5 then 'adopted' when 6 then 'in_force' else 'amended_later' end, \
                       {effective}, 'Synthetic step ' || n.i || ' of article ' || a.article || '.', \
                       'https://example.org/synthetic', $2, 'seed-synthetic' \
                     from amendments a join referendums r on r.id = a.referendum_id cross join n \
                     where r.slug like $3",
                    counter = counter("$1"),
                    effective = day("r.proposed_on", "n.i"),
                ),
                args![size.events_per_amendment, at, pattern.clone()],
            )
            .await?;
        let report = SyntheticReport { referendums, amendments, statements, status_events };
        tx.commit(Change {
            action: "synthetic.generate",
            entity_type: "dataset",
            entity_id: size.seed.to_string(),
            before: None,
            after: Some(json!({
                "referendums": report.referendums,
                "amendments": report.amendments,
                "statements": report.statements,
                "status_events": report.status_events,
            })),
            public: false,
        })
        .await?;
        Ok(report)
    }
}
