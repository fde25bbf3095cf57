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
    slug: String,
    title: String,
    lang: String,
    adopted_on: NaiveDate,
    in_force_from: Option<NaiveDate>,
    in_force_to: Option<NaiveDate>,
    source_key: String,
    eid: String,
    parent_eid: Option<String>,
    kind: String,
    num: Option<String>,
    text: Option<String>,
    fidelity: Option<String>,
    valid_from: Option<NaiveDate>,
    valid_to: Option<NaiveDate>,
    act: Option<String>,
    act_point: Option<i64>,
    note: Option<String>,
}

#[derive(sqlx::FromRow)]
struct PointRow {
    point: i64,
    article: String,
    kind: String,
    wording: String,
    text_verbatim: String,
    eid: Option<String>,
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

    /// A document with its provisions in order and every version; with
    /// `article` ("15", "83-1"), only that article and what is in it. One
    /// round trip: a row per version (or per provision without one).
    pub async fn legal_document(&self, slug: &str, article: Option<&str>) -> Result<Option<Document>, StorageError> {
        // Bound as text on both backends: '' means the whole document.
        let (eid, inside) = match article {
            Some(number) => (format!("art_{number}"), format!("art\\_{}\\_\\_%", number.replace('_', "\\_"))),
            None => (String::new(), String::new()),
        };
        let sql = "select d.slug, d.title, d.lang, d.adopted_on, d.in_force_from, d.in_force_to, d.source_key, \
                   p.eid, p.parent_eid, p.kind, p.num, \
                   v.text, v.fidelity, v.valid_from, v.valid_to, v.act, v.act_point, v.note \
                   from legal_documents d join provisions p on p.document_id = d.id \
                   left join provision_versions v on v.provision_id = p.id \
                   where d.slug = $1 and ($2 = '' or p.eid = $2 or p.eid like $3 escape '\\') \
                   order by p.position, v.id";
        let rows: Vec<DocumentRow> = on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(slug)
            .bind(&eid)
            .bind(&inside)
            .fetch_all(pool)
            .await?);
        let Some(first) = rows.first() else { return Ok(None) };
        let mut document = Document {
            slug: first.slug.clone(),
            title: first.title.clone(),
            lang: first.lang.clone(),
            adopted_on: first.adopted_on,
            in_force_from: first.in_force_from,
            in_force_to: first.in_force_to,
            source_key: first.source_key.clone(),
            nodes: Vec::new(),
            versions: Vec::new(),
        };
        for row in rows {
            if document.nodes.last().is_none_or(|n: &Provision| n.eid != row.eid) {
                document.nodes.push(Provision {
                    kind: ProvisionKind::parse(&row.kind).ok_or_else(|| decode_error("provision kind", &row.kind))?,
                    eid: row.eid.clone(),
                    parent: row.parent_eid.clone(),
                    num: row.num.clone(),
                    text: String::new(),
                });
            }
            let Some(fidelity) = row.fidelity else { continue };
            if let (Some(text), Some(node)) = (&row.text, document.nodes.last_mut()) {
                // A provision's own words are its latest version's.
                node.text = text.clone();
            }
            document.versions.push(Version {
                fidelity: Fidelity::parse(&fidelity).ok_or_else(|| decode_error("fidelity", &fidelity))?,
                eid: row.eid,
                text: row.text,
                valid_from: row.valid_from,
                valid_to: row.valid_to,
                act: row.act.unwrap_or_default(),
                act_point: row.act_point,
                note: row.note,
            });
        }
        Ok(Some(document))
    }

    /// The law's points for a referendum, in order, each with the
    /// provisions it changes; with `article`, only those that change it.
    pub async fn law_points(&self, referendum_id: i64, article: Option<&str>) -> Result<Vec<LawPoint>, StorageError> {
        let sql = "select l.point, l.article, l.kind, l.wording, l.text_verbatim, p.eid from law_points l \
                   left join law_point_targets t on t.law_point_id = l.id \
                   left join provisions p on p.id = t.provision_id \
                   where l.referendum_id = $1 and ($2 = '' or l.article = $2) order by l.point, p.position";
        let rows: Vec<PointRow> = on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
            .bind(referendum_id)
            .bind(article.unwrap_or_default())
            .fetch_all(pool)
            .await?);
        let mut points: Vec<LawPoint> = Vec::new();
        for row in rows {
            if points.last().is_none_or(|p| p.number != row.point) {
                points.push(LawPoint {
                    number: row.point,
                    article: row.article,
                    kind: row.kind,
                    wording: row.wording,
                    text: row.text_verbatim,
                    targets: Vec::new(),
                });
            }
            if let (Some(eid), Some(point)) = (row.eid, points.last_mut()) {
                point.targets.push(eid);
            }
        }
        Ok(points)
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
    .await?;
    // Every known wording is searchable (repeal notes are not content).
    tx.execute(
        "insert into search_index (kind, ref, lang, field, title, body) \
         select 'provision', v.id, v.lang, 'all', '', v.text from provision_versions v \
         join provisions p on p.id = v.provision_id \
         where p.document_id = $1 and v.text is not null and v.fidelity <> 'repealed'",
        args![document_id],
    )
    .await?;
    Ok(())
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
