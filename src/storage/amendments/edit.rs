//! Edits of an amendment's own text, and its links to the statements that
//! announced or motivated it.

use serde_json::json;

use crate::domain::{
    Actor,
    rejection::{KeyKind, Rejection},
};
use crate::storage::{
    Storage, WriteError,
    tx::Change,
    tx::{Tx, args},
};

#[derive(Debug, Clone)]
pub struct AmendmentEdit {
    pub title: String,
    pub summary: String,
    pub explanation: String,
    pub wording_before: Option<String>,
    pub wording_after: Option<String>,
    pub themes: Vec<String>,
    pub sources: Vec<String>,
}

impl Storage {
    pub async fn edit_amendment(
        &self,
        actor: &Actor,
        referendum_id: i64,
        article: &str,
        expected_version: i64,
        edit: &AmendmentEdit,
    ) -> Result<(), WriteError> {
        let mut tx = self.begin_write(actor).await?;
        let now = tx.now();
        #[derive(sqlx::FromRow)]
        struct Current {
            id: i64,
            version: i64,
            title: String,
            summary: String,
            explanation: String,
            wording_before: Option<String>,
            wording_after: Option<String>,
        }
        let current: Current = tx
            .fetch_optional(
                "select id, version, title, summary, explanation, wording_before, wording_after from amendments \
                 where referendum_id = $1 and article = $2",
                args![referendum_id, article],
            )
            .await?
            .ok_or(WriteError::NotFound)?;
        if current.version != expected_version {
            return Err(WriteError::Conflict { current: current.version });
        }
        let mut theme_ids = Vec::new();
        for key in &edit.themes {
            let found: Option<(i64,)> = tx.fetch_optional("select id from themes where key = $1", args![key]).await?;
            theme_ids.push(found.ok_or_else(|| Rejection::UnknownKey { kind: KeyKind::Theme, key: key.clone() })?.0);
        }
        let mut source_ids = Vec::new();
        for key in &edit.sources {
            let found: Option<(i64,)> = tx.fetch_optional("select id from sources where key = $1", args![key]).await?;
            source_ids.push(found.ok_or_else(|| Rejection::UnknownKey { kind: KeyKind::Source, key: key.clone() })?.0);
        }
        let old_themes: Vec<(String,)> = tx
            .fetch_all(
                "select t.key from amendment_themes at join themes t on t.id = at.theme_id where at.amendment_id = $1 order by t.key",
                args![current.id],
            )
            .await?;
        let old_sources: Vec<(String,)> = tx
            .fetch_all(
                "select s.key from citations c join sources s on s.id = c.source_id \
                 where c.subject = 'amendment' and c.subject_id = $1 order by c.position",
                args![current.id],
            )
            .await?;
        tx.execute(
            "update amendments set title = $1, summary = $2, explanation = $3, wording_before = $4, wording_after = $5, \
             version = version + 1, updated_at = $6 where id = $7",
            args![
                &edit.title,
                &edit.summary,
                &edit.explanation,
                edit.wording_before.clone(),
                edit.wording_after.clone(),
                now,
                current.id
            ],
        )
        .await?;
        tx.execute("delete from amendment_themes where amendment_id = $1", args![current.id]).await?;
        for theme_id in theme_ids {
            tx.execute(
                "insert into amendment_themes (amendment_id, theme_id) values ($1, $2) on conflict do nothing",
                args![current.id, theme_id],
            )
            .await?;
        }
        tx.execute("delete from citations where subject = 'amendment' and subject_id = $1", args![current.id]).await?;
        for (position, source_id) in source_ids.into_iter().enumerate() {
            tx.execute(
                "insert into citations (subject, subject_id, source_id, position) values ('amendment', $1, $2, $3) \
                 on conflict do nothing",
                args![current.id, source_id, position as i64],
            )
            .await?;
        }
        let before = json!({
            "version": current.version,
            "title": current.title,
            "summary": current.summary,
            "explanation": current.explanation,
            "wording_before": current.wording_before,
            "wording_after": current.wording_after,
            "themes": old_themes.into_iter().map(|(k,)| k).collect::<Vec<_>>(),
            "sources": old_sources.into_iter().map(|(k,)| k).collect::<Vec<_>>(),
        });
        let after = json!({
            "version": current.version + 1,
            "title": edit.title,
            "summary": edit.summary,
            "explanation": edit.explanation,
            "wording_before": edit.wording_before,
            "wording_after": edit.wording_after,
            "themes": edit.themes,
            "sources": edit.sources,
        });
        let change = Change {
            action: "amendment.edit",
            entity_type: "amendment",
            entity_id: article.to_owned(),
            before: Some(before),
            after: Some(after),
            public: true,
        };
        tx.commit(change).await?;
        Ok(())
    }

    /// Links an amendment to a statement that motivated it (or updates the
    /// note of an existing link).
    pub async fn link_statement(
        &self,
        actor: &Actor,
        referendum_id: i64,
        article: &str,
        expected_version: i64,
        statement_slug: &str,
        note: &str,
    ) -> Result<(), WriteError> {
        let mut tx = self.begin_write(actor).await?;
        let now = tx.now();
        let amendment_id = versioned_amendment(&mut tx, referendum_id, article, expected_version).await?;
        let (statement_id,): (i64,) = tx
            .fetch_optional(
                "select st.id from statements st join announcements an on an.id = st.announcement_id \
                 where st.slug = $1 and (an.referendum_id = $2 or an.referendum_id is null) order by st.id limit 1",
                args![statement_slug, referendum_id],
            )
            .await?
            .ok_or_else(|| Rejection::UnknownKey { kind: KeyKind::Statement, key: statement_slug.to_owned() })?;
        let old: Option<(String,)> = tx
            .fetch_optional(
                "select note from motivations where amendment_id = $1 and statement_id = $2",
                args![amendment_id, statement_id],
            )
            .await?;
        tx.execute(
            "insert into motivations (amendment_id, statement_id, note) values ($1, $2, $3) \
             on conflict (amendment_id, statement_id) do update set note = excluded.note",
            args![amendment_id, statement_id, note],
        )
        .await?;
        tx.execute(
            "update amendments set version = version + 1, updated_at = $1 where id = $2",
            args![now, amendment_id],
        )
        .await?;
        let change = Change {
            action: "link.save",
            entity_type: "amendment",
            entity_id: article.to_owned(),
            before: old.map(|(note,)| json!({ "statement": statement_slug, "note": note })),
            after: Some(json!({ "statement": statement_slug, "note": note })),
            public: true,
        };
        tx.commit(change).await?;
        Ok(())
    }

    pub async fn unlink_statement(
        &self,
        actor: &Actor,
        referendum_id: i64,
        article: &str,
        expected_version: i64,
        statement_slug: &str,
    ) -> Result<(), WriteError> {
        let mut tx = self.begin_write(actor).await?;
        let now = tx.now();
        versioned_amendment(&mut tx, referendum_id, article, expected_version).await?;
        let found: Option<(i64, i64, String)> = tx
            .fetch_optional(
                "select m.amendment_id, m.statement_id, m.note from motivations m \
                 join amendments a on a.id = m.amendment_id join statements st on st.id = m.statement_id \
                 where a.referendum_id = $1 and a.article = $2 and st.slug = $3",
                args![referendum_id, article, statement_slug],
            )
            .await?;
        let (amendment_id, statement_id, note) = found.ok_or(WriteError::NotFound)?;
        tx.execute(
            "delete from motivations where amendment_id = $1 and statement_id = $2",
            args![amendment_id, statement_id],
        )
        .await?;
        tx.execute(
            "update amendments set version = version + 1, updated_at = $1 where id = $2",
            args![now, amendment_id],
        )
        .await?;
        let change = Change {
            action: "link.delete",
            entity_type: "amendment",
            entity_id: article.to_owned(),
            before: Some(json!({ "statement": statement_slug, "note": note })),
            after: None,
            public: true,
        };
        tx.commit(change).await?;
        Ok(())
    }
}

/// The id of an amendment that is still at the version the form was loaded
/// at.
async fn versioned_amendment(
    tx: &mut Tx,
    referendum_id: i64,
    article: &str,
    expected_version: i64,
) -> Result<i64, WriteError> {
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
    Ok(id)
}
