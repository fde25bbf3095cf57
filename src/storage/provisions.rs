//! The official texts: documents, their provisions and every version of
//! each, and the points of the law that changed them. Loaded once from the
//! seeds, never edited in place.

use std::fmt::Write as _;

use chrono::NaiveDate;
use serde_json::json;

use super::{
    Storage, StorageError, on_pool,
    tx::{Change, Tx, Value, args},
};
use crate::domain::{
    Actor,
    provision::{Document, Fidelity, LawPoint, Provision, ProvisionKind, Version},
};
use crate::texts::Texts;

/// Rows per multi-row insert: a few statements load a whole constitution.
const ROWS_PER_INSERT: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextsReport {
    pub documents_added: u64,
    pub points_added: u64,
}

#[derive(sqlx::FromRow)]
struct DocumentRow {
    id: i64,
    slug: String,
    title: String,
    lang: String,
    adopted_on: NaiveDate,
    in_force_from: Option<NaiveDate>,
    in_force_to: Option<NaiveDate>,
    source_key: String,
}

#[derive(sqlx::FromRow)]
struct ProvisionRow {
    eid: String,
    parent_eid: Option<String>,
    kind: String,
    num: Option<String>,
}

#[derive(sqlx::FromRow)]
struct VersionRow {
    eid: String,
    text: Option<String>,
    fidelity: String,
    valid_from: Option<NaiveDate>,
    valid_to: Option<NaiveDate>,
    act: String,
    act_point: Option<i64>,
    note: Option<String>,
}

#[derive(sqlx::FromRow)]
struct PointRow {
    id: i64,
    point: i64,
    article: String,
    kind: String,
    wording: String,
    text_verbatim: String,
}

fn decode_error(what: &str, key: &str) -> StorageError {
    StorageError::Sqlx(sqlx::Error::Decode(format!("unknown {what} {key:?}").into()))
}

impl Storage {
    /// Loads the documents and law points the database does not hold yet:
    /// each document once (by slug), each point once (by referendum and
    /// number). Points are loaded only when their referendum exists.
    pub async fn load_texts(&self, texts: &Texts, referendum_slug: &str) -> Result<TextsReport, StorageError> {
        let actor = Actor::system("seed");
        let mut tx = self.begin_write(&actor).await?;
        let mut report = TextsReport::default();
        for document in &texts.documents {
            let exists: Option<(i64,)> =
                tx.fetch_optional("select id from legal_documents where slug = $1", args![&document.slug]).await?;
            if exists.is_none() {
                insert_document(&mut tx, document).await?;
                report.documents_added += 1;
            }
        }
        let referendum: Option<(i64,)> =
            tx.fetch_optional("select id from referendums where slug = $1", args![referendum_slug]).await?;
        if let Some((referendum_id,)) = referendum {
            report.points_added = insert_points(&mut tx, referendum_id, &texts.points).await?;
        }
        if report == TextsReport::default() {
            tx.nothing_to_do().await?;
            return Ok(report);
        }
        tx.commit(Change {
            action: "texts.load",
            entity_type: "legal_document",
            entity_id: texts.documents.iter().map(|d| d.slug.as_str()).collect::<Vec<_>>().join(", "),
            before: None,
            after: Some(json!({
                "documents_added": report.documents_added,
                "points_added": report.points_added,
            })),
            public: false,
        })
        .await?;
        Ok(report)
    }

    /// A document with its provisions in order and every version.
    pub async fn legal_document(&self, slug: &str) -> Result<Option<Document>, StorageError> {
        let sql = "select id, slug, title, lang, adopted_on, in_force_from, in_force_to, source_key \
                   from legal_documents where slug = $1";
        let row: Option<DocumentRow> =
            on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql).bind(slug).fetch_optional(pool).await?);
        let Some(row) = row else { return Ok(None) };
        let sql = "select eid, parent_eid, kind, num from provisions where document_id = $1 order by position";
        let provisions: Vec<ProvisionRow> =
            on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql).bind(row.id).fetch_all(pool).await?);
        let sql = "select p.eid, v.text, v.fidelity, v.valid_from, v.valid_to, v.act, v.act_point, v.note \
                   from provision_versions v join provisions p on p.id = v.provision_id \
                   where p.document_id = $1 order by p.position, v.id";
        let versions: Vec<VersionRow> =
            on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql).bind(row.id).fetch_all(pool).await?);
        // A provision's own words are its latest version's.
        let mut latest = std::collections::HashMap::new();
        for v in &versions {
            if let Some(text) = &v.text {
                latest.insert(v.eid.clone(), text.clone());
            }
        }
        let provisions = provisions
            .into_iter()
            .map(|p| {
                Ok(Provision {
                    kind: ProvisionKind::parse(&p.kind).ok_or_else(|| decode_error("provision kind", &p.kind))?,
                    text: latest.get(&p.eid).cloned().unwrap_or_default(),
                    eid: p.eid,
                    parent: p.parent_eid,
                    num: p.num,
                })
            })
            .collect::<Result<Vec<_>, StorageError>>()?;
        let versions = versions
            .into_iter()
            .map(|v| {
                Ok(Version {
                    fidelity: Fidelity::parse(&v.fidelity).ok_or_else(|| decode_error("fidelity", &v.fidelity))?,
                    eid: v.eid,
                    text: v.text,
                    valid_from: v.valid_from,
                    valid_to: v.valid_to,
                    act: v.act,
                    act_point: v.act_point,
                    note: v.note,
                })
            })
            .collect::<Result<Vec<_>, StorageError>>()?;
        Ok(Some(Document {
            slug: row.slug,
            title: row.title,
            lang: row.lang,
            adopted_on: row.adopted_on,
            in_force_from: row.in_force_from,
            in_force_to: row.in_force_to,
            source_key: row.source_key,
            nodes: provisions,
            versions,
        }))
    }

    /// The law's points for a referendum, in order; with `article`, only
    /// those that change it.
    pub async fn law_points(&self, referendum_id: i64, article: Option<&str>) -> Result<Vec<LawPoint>, StorageError> {
        let sql = "select id, point, article, kind, wording, text_verbatim from law_points \
                   where referendum_id = $1 and ($2 is null or article = $2) order by point";
        let rows: Vec<PointRow> = on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(referendum_id)
            .bind(article)
            .fetch_all(pool)
            .await?);
        let sql = "select t.law_point_id, p.eid from law_point_targets t join provisions p on p.id = t.provision_id \
                   join law_points l on l.id = t.law_point_id where l.referendum_id = $1 order by p.position";
        let targets: Vec<(i64, String)> = on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(referendum_id)
            .fetch_all(pool)
            .await?);
        Ok(rows
            .into_iter()
            .map(|row| LawPoint {
                targets: targets.iter().filter(|(id, _)| *id == row.id).map(|(_, eid)| eid.clone()).collect(),
                number: row.point,
                article: row.article,
                kind: row.kind,
                wording: row.wording,
                text: row.text_verbatim,
            })
            .collect())
    }
}

async fn insert_document(tx: &mut Tx, document: &Document) -> Result<(), StorageError> {
    let (document_id,): (i64,) = tx
        .fetch_one(
            "insert into legal_documents (slug, title, lang, adopted_on, in_force_from, in_force_to, source_key) \
             values ($1, $2, $3, $4, $5, $6, $7) returning id",
            args![
                &document.slug,
                &document.title,
                &document.lang,
                document.adopted_on,
                document.in_force_from,
                document.in_force_to,
                &document.source_key
            ],
        )
        .await?;
    let provisions = document
        .nodes
        .iter()
        .enumerate()
        .map(|(position, p)| {
            vec![
                Value::from(document_id),
                Value::from(&p.eid),
                Value::from(&p.parent),
                Value::from(p.kind.as_str()),
                Value::from(&p.num),
                Value::from(position as i64),
            ]
        })
        .collect();
    insert_rows(
        tx,
        "insert into provisions (document_id, eid, parent_eid, kind, num, position) values ",
        6,
        provisions,
    )
    .await?;
    let ids: Vec<(i64, String)> =
        tx.fetch_all("select id, eid from provisions where document_id = $1", args![document_id]).await?;
    let id_of: std::collections::HashMap<&str, i64> = ids.iter().map(|(id, eid)| (eid.as_str(), *id)).collect();
    let mut versions = Vec::with_capacity(document.versions.len());
    for v in &document.versions {
        let provision_id = *id_of.get(v.eid.as_str()).ok_or_else(|| decode_error("provision", &v.eid))?;
        versions.push(vec![
            Value::from(provision_id),
            Value::from(document.lang.as_str()),
            Value::from(&v.text),
            Value::from(v.fidelity.as_str()),
            Value::from(v.valid_from),
            Value::from(v.valid_to),
            Value::from(v.act.as_str()),
            Value::from(v.act_point),
            Value::from(&v.note),
        ]);
    }
    insert_rows(
        tx,
        "insert into provision_versions (provision_id, lang, text, fidelity, valid_from, valid_to, act, act_point, note) values ",
        9,
        versions,
    )
    .await
}

async fn insert_points(tx: &mut Tx, referendum_id: i64, points: &[LawPoint]) -> Result<u64, StorageError> {
    let document: Option<(i64,)> =
        tx.fetch_optional("select id from legal_documents where slug = $1", args![crate::texts::DOCUMENT_1995]).await?;
    let Some((document_id,)) = document else { return Ok(0) };
    let ids: Vec<(i64, String)> =
        tx.fetch_all("select id, eid from provisions where document_id = $1", args![document_id]).await?;
    let mut added = 0;
    for point in points {
        let inserted: Option<(i64,)> = tx
            .fetch_optional(
                "insert into law_points (referendum_id, point, article, kind, wording, text_verbatim) \
                 values ($1, $2, $3, $4, $5, $6) on conflict do nothing returning id",
                args![referendum_id, point.number, &point.article, &point.kind, &point.wording, &point.text],
            )
            .await?;
        let Some((point_id,)) = inserted else { continue };
        added += 1;
        for target in &point.targets {
            let (eid, subtree) = match target.strip_suffix("/*") {
                Some(eid) => (eid, true),
                None => (target.as_str(), false),
            };
            let inside = format!("{eid}__");
            for (provision_id, _) in ids.iter().filter(|(_, e)| e == eid || (subtree && e.starts_with(&inside))) {
                tx.execute(
                    "insert into law_point_targets (law_point_id, provision_id) values ($1, $2) on conflict do nothing",
                    args![point_id, *provision_id],
                )
                .await?;
            }
        }
    }
    Ok(added)
}

/// Inserts rows in statements of [`ROWS_PER_INSERT`] rows each.
async fn insert_rows(tx: &mut Tx, head: &str, width: usize, rows: Vec<Vec<Value>>) -> Result<(), StorageError> {
    for chunk in rows.chunks(ROWS_PER_INSERT) {
        let mut sql = String::from(head);
        let mut values = Vec::with_capacity(chunk.len() * width);
        for (i, row) in chunk.iter().enumerate() {
            sql.push_str(if i == 0 { "(" } else { ", (" });
            for j in 0..width {
                let _ = write!(sql, "{}${}", if j == 0 { "" } else { ", " }, i * width + j + 1);
            }
            sql.push(')');
            values.extend(row.iter().cloned());
        }
        tx.execute(&sql, &values).await?;
    }
    Ok(())
}
