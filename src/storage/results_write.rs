//! Entering and correcting results. A set's figures are replaced together,
//! in one transaction with its audit record; the set's previous figures are
//! kept in that record, so nothing is lost from the history.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde_json::json;

use super::{
    Storage,
    audit::{Actor, Change},
    edits::WriteError,
    tx::{Tx, args},
};
use crate::domain::results::Stage;

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
        let now = super::now();
        let mut tx = Tx::begin(self.db()).await?;
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
            tx.audit(actor, change, now).await?;
        }
        tx.touch_data(now).await?;
        tx.commit().await?;
        Ok(())
    }
}
