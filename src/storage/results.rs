//! Results: units, rules, figure sets and their figures, and entering and
//! correcting them. A set's figures are replaced together, in one unit of
//! work with its audit record; the set's previous figures are kept in that
//! record, so nothing is lost from the history.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde_json::json;

use super::{Storage, StorageError, WriteError, on_pool, tx::Change, tx::args};
use crate::domain::{
    Actor,
    results::{Rule, RuleKind, Stage},
};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UnitRow {
    pub key: String,
    pub kind: String,
    pub name_en: String,
    pub name_kk: String,
    pub name_ru: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RuleRow {
    pub id: i64,
    pub key: String,
    pub kind: RuleKind,
    pub threshold_hundredths: i64,
    pub share_numerator: Option<i64>,
    pub share_denominator: Option<i64>,
    pub description: String,
}

impl RuleRow {
    pub fn rule(&self) -> Rule {
        self.kind.rule(self.threshold_hundredths, self.share_numerator, self.share_denominator)
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ResultSetRow {
    pub id: i64,
    pub stage: String,
    pub published_on: NaiveDate,
    pub description: String,
    pub majority_note: Option<String>,
    pub majority_note_source_title: Option<String>,
    pub majority_note_source_url: Option<String>,
    pub version: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FigureRow {
    pub result_set_id: i64,
    pub scope: String,
    pub field: String,
    pub value: i64,
    pub source_key: Option<String>,
    pub source_title: Option<String>,
    pub source_url: Option<String>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ListedSourceRow {
    pub owner_id: i64,
    pub key: String,
    pub title: String,
    pub url: Option<String>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UnitNoteRow {
    pub result_set_id: i64,
    pub scope: String,
    pub note: String,
}

impl Storage {
    pub async fn result_units(&self, referendum_id: i64) -> Result<Vec<UnitRow>, StorageError> {
        let sql =
            "select key, kind, name_en, name_kk, name_ru from result_units where referendum_id = $1 order by position";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(referendum_id)
            .fetch_all(pool)
            .await?))
    }

    pub async fn result_rules(&self, referendum_id: i64) -> Result<Vec<RuleRow>, StorageError> {
        let sql = "select id, key, kind, threshold_hundredths, share_numerator, share_denominator, description \
                   from result_rules where referendum_id = $1 order by id";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(referendum_id)
            .fetch_all(pool)
            .await?))
    }

    pub async fn result_rule_sources(&self, referendum_id: i64) -> Result<Vec<ListedSourceRow>, StorageError> {
        let sql = "select rs.rule_id as owner_id, s.key, s.title, s.url from result_rule_sources rs \
                   join sources s on s.id = rs.source_id join result_rules r on r.id = rs.rule_id \
                   where r.referendum_id = $1 order by rs.rule_id, rs.position";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(referendum_id)
            .fetch_all(pool)
            .await?))
    }

    /// Figure sets published up to a date, earliest first.
    pub async fn result_sets(&self, referendum_id: i64, as_of: NaiveDate) -> Result<Vec<ResultSetRow>, StorageError> {
        let sql = "select rs.id, rs.stage, rs.published_on, rs.description, rs.majority_note, \
                   s.title as majority_note_source_title, s.url as majority_note_source_url, rs.version \
                   from result_sets rs left join sources s on s.id = rs.majority_note_source_id \
                   where rs.referendum_id = $1 and rs.published_on <= $2 order by rs.published_on, rs.id";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(referendum_id)
            .bind(as_of)
            .fetch_all(pool)
            .await?))
    }

    pub async fn result_set_sources(&self, referendum_id: i64) -> Result<Vec<ListedSourceRow>, StorageError> {
        let sql = "select ss.result_set_id as owner_id, s.key, s.title, s.url from result_set_sources ss \
                   join sources s on s.id = ss.source_id join result_sets r on r.id = ss.result_set_id \
                   where r.referendum_id = $1 order by ss.result_set_id, ss.position";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(referendum_id)
            .fetch_all(pool)
            .await?))
    }

    /// Every figure of a referendum's sets, with its source.
    pub async fn result_figures(&self, referendum_id: i64) -> Result<Vec<FigureRow>, StorageError> {
        let sql = "select f.result_set_id, f.scope, f.field, f.value, s.key as source_key, s.title as source_title, \
                   s.url as source_url from result_figures f join result_sets r on r.id = f.result_set_id \
                   left join sources s on s.id = f.source_id where r.referendum_id = $1 order by f.id";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(referendum_id)
            .fetch_all(pool)
            .await?))
    }

    pub async fn result_unit_notes(&self, referendum_id: i64) -> Result<Vec<UnitNoteRow>, StorageError> {
        let sql = "select n.result_set_id, n.scope, n.note from result_unit_notes n \
                   join result_sets r on r.id = n.result_set_id where r.referendum_id = $1";
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(referendum_id)
            .fetch_all(pool)
            .await?))
    }
}

/// New figures for one stage: (scope, field) → (value, source). With
/// `replace`, figures of the set that are not listed are removed.
pub struct SetUpdate {
    pub stage: Stage,
    pub published_on: NaiveDate,
    pub figures: Vec<(String, String, Option<i64>, String)>,
    pub replace: bool,
}

impl Storage {
    pub async fn update_results(
        &self,
        actor: &Actor,
        referendum_id: i64,
        updates: &[SetUpdate],
    ) -> Result<(), WriteError> {
        let mut tx = self.begin_write(actor).await?;
        let now = tx.now();
        let mut changes = Vec::new();
        for update in updates {
            let stage = update.stage.as_str();
            let existing: Option<(i64, NaiveDate)> = tx
                .fetch_optional(
                    "select id, published_on from result_sets where referendum_id = $1 and stage = $2",
                    args![referendum_id, stage],
                )
                .await?;
            let set_id = match existing {
                Some((id, _)) => {
                    tx.execute(
                        "update result_sets set published_on = $1, version = version + 1, updated_at = $2 where id = $3",
                        args![update.published_on, now, id],
                    )
                    .await?;
                    id
                }
                None => {
                    let (id,): (i64,) = tx
                        .fetch_one(
                            "insert into result_sets (referendum_id, stage, published_on, description, created_at, updated_at) \
                             values ($1, $2, $3, '', $4, $4) returning id",
                            args![referendum_id, stage, update.published_on, now],
                        )
                        .await?;
                    id
                }
            };
            let before_rows: Vec<(String, String, i64)> = tx
                .fetch_all(
                    "select scope, field, value from result_figures where result_set_id = $1 order by scope, field",
                    args![set_id],
                )
                .await?;
            if update.replace {
                tx.execute("delete from result_figures where result_set_id = $1", args![set_id]).await?;
            }
            for (scope, field, value, source) in &update.figures {
                tx.execute(
                    "delete from result_figures where result_set_id = $1 and scope = $2 and field = $3",
                    args![set_id, scope, field],
                )
                .await?;
                let Some(value) = value else { continue };
                let source_id = tx.source_for(source).await?;
                tx.execute(
                    "insert into result_figures (result_set_id, scope, field, value, source_id) values ($1, $2, $3, $4, $5)",
                    args![set_id, scope, field, *value, source_id],
                )
                .await?;
            }
            let after_rows: Vec<(String, String, i64)> = tx
                .fetch_all(
                    "select scope, field, value from result_figures where result_set_id = $1 order by scope, field",
                    args![set_id],
                )
                .await?;
            let as_map = |rows: Vec<(String, String, i64)>| {
                rows.into_iter().map(|(s, f, v)| (format!("{s}.{f}"), v)).collect::<BTreeMap<_, _>>()
            };
            let change = Change {
                action: "results.update",
                entity_type: "result_set",
                entity_id: stage.to_owned(),
                before: Some(
                    json!({ "published_on": existing.map(|(_, d)| d.to_string()), "figures": as_map(before_rows) }),
                ),
                after: Some(json!({ "published_on": update.published_on.to_string(), "figures": as_map(after_rows) })),
                public: true,
            };
            changes.push(change);
        }
        // One audit record per set; the last one commits the unit of work.
        let Some(last) = changes.pop() else { return Ok(tx.nothing_to_do().await?) };
        for change in changes {
            tx.record(change).await?;
        }
        tx.commit(last).await?;
        Ok(())
    }
}
