//! Translations of content, each marked official or ours, edited side by
//! side.

use serde_json::json;

use super::{
    Storage, StorageError, WriteError, on_pool,
    tx::Change,
    tx::{Write, args},
};
use crate::domain::Actor;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TranslationRow {
    pub entity_id: i64,
    pub field: String,
    pub text: String,
    pub official: bool,
    pub source_url: Option<String>,
    pub lang: String,
}

/// A translation of one content field: `None` text removes it.
#[derive(Debug, Clone)]
pub struct TranslationInput {
    pub lang: &'static str,
    pub field: &'static str,
    pub text: Option<String>,
    pub official: bool,
    pub source_url: Option<String>,
}

/// (lang, field, text, official) of every translation of one entity.
async fn translation_rows(
    tx: &mut Write<'_>,
    entity_type: &str,
    id: i64,
) -> Result<Vec<(String, String, String, bool)>, StorageError> {
    tx.fetch_all(
        "select lang, field, text, official from translations where entity_type = $1 and entity_id = $2 order by lang, field",
        args![entity_type, id],
    )
    .await
}

/// Whose translations are saved, with the version the form was loaded at.
#[derive(Debug, Clone, Copy)]
pub enum TranslationTarget<'a> {
    Amendment {
        referendum_id: i64,
        article: &'a str,
        expected_version: i64,
    },
    TimelineEvent {
        referendum_id: i64,
        id: i64,
        expected_version: i64,
    },
    /// Statements are verbatim and never change, so they carry no version.
    Statement {
        id: i64,
    },
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

    /// Replaces the translations of one piece of content, side by side.
    pub async fn save_translations(
        &self,
        actor: &Actor,
        target: TranslationTarget<'_>,
        inputs: &[TranslationInput],
    ) -> Result<(), WriteError> {
        let mut tx = self.begin_write(actor).await?;
        let now = tx.now();
        let (entity_type, id, label) = match target {
            TranslationTarget::Amendment { referendum_id, article, expected_version } => {
                let (id, version): (i64, i64) = tx
                    .fetch_optional(
                        "select id, version from amendments where referendum_id = $1 and article = $2",
                        args![referendum_id, article],
                    )
                    .await?
                    .ok_or(WriteError::NotFound)?;
                if version != expected_version {
                    return Err(WriteError::Conflict { current: version });
                }
                tx.execute(
                    "update amendments set version = version + 1, updated_at = $1 where id = $2",
                    args![now, id],
                )
                .await?;
                ("amendment", id, article.to_owned())
            }
            TranslationTarget::TimelineEvent { referendum_id, id, expected_version } => {
                let (version,): (i64,) = tx
                    .fetch_optional(
                        "select version from timeline_events where id = $1 and referendum_id = $2",
                        args![id, referendum_id],
                    )
                    .await?
                    .ok_or(WriteError::NotFound)?;
                if version != expected_version {
                    return Err(WriteError::Conflict { current: version });
                }
                tx.execute(
                    "update timeline_events set version = version + 1, updated_at = $1 where id = $2",
                    args![now, id],
                )
                .await?;
                ("timeline_event", id, id.to_string())
            }
            TranslationTarget::Statement { id } => {
                let (slug,): (String,) = tx
                    .fetch_optional("select slug from statements where id = $1", args![id])
                    .await?
                    .ok_or(WriteError::NotFound)?;
                ("statement", id, slug)
            }
        };
        let before = translation_rows(&mut tx, entity_type, id).await?;
        for input in inputs {
            match &input.text {
                None => {
                    tx.execute(
                        "delete from translations where entity_type = $1 and entity_id = $2 and lang = $3 and field = $4",
                        args![entity_type, id, input.lang, input.field],
                    )
                    .await?;
                }
                Some(text) => {
                    tx.execute(
                        "insert into translations (entity_type, entity_id, field, lang, text, official, source_url, updated_at) \
                         values ($1, $2, $3, $4, $5, $6, $7, $8) \
                         on conflict (entity_type, entity_id, field, lang) do update set text = excluded.text, \
                         official = excluded.official, source_url = excluded.source_url, \
                         version = translations.version + 1, updated_at = excluded.updated_at",
                        args![entity_type, id, input.field, input.lang, text, input.official, input.source_url.clone(), now],
                    )
                    .await?;
                }
            }
        }
        let after = translation_rows(&mut tx, entity_type, id).await?;
        let as_json = |rows: &[(String, String, String, bool)]| {
            rows.iter()
                .map(|(l, f, t, o)| json!({ "lang": l, "field": f, "text": t, "official": o }))
                .collect::<Vec<_>>()
        };
        let change = Change {
            action: "translation.save",
            entity_type,
            entity_id: label,
            before: Some(json!(as_json(&before))),
            after: Some(json!(as_json(&after))),
            public: true,
        };
        tx.commit(change).await?;
        Ok(())
    }
}
