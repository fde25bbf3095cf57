//! Open data downloads: CSV (RFC 4180, UTF-8, header row) and JSON of the
//! amendments, the status history, the statements, the links between them,
//! the timeline and the results. Language-independent, at `/data/…`.

use axum::{
    extract::{Path, State},
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
};
use serde::Serialize;

use super::{area::Area, routes::Route, state::AppState};
use crate::{
    domain::{results::FIELDS, results_csv},
    storage::{Storage, amendments::AmendmentFilter},
    web::error::AppError,
};

/// The datasets offered for download, each as CSV and JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dataset {
    Amendments,
    StatusHistory,
    Statements,
    Motivations,
    Timeline,
    Results,
    /// The provisions of both constitutions, in document order.
    Provisions,
    /// Every version of every provision: wording, dates, act and fidelity.
    ProvisionVersions,
    /// The points of the 2022 law, verbatim, with the provisions each changes.
    LawPoints,
}

impl Dataset {
    pub const ALL: [Dataset; 9] = [
        Dataset::Amendments,
        Dataset::StatusHistory,
        Dataset::Statements,
        Dataset::Motivations,
        Dataset::Timeline,
        Dataset::Results,
        Dataset::Provisions,
        Dataset::ProvisionVersions,
        Dataset::LawPoints,
    ];

    /// The name in the file's address (`/data/{name}.csv`).
    pub fn name(self) -> &'static str {
        match self {
            Dataset::Amendments => "amendments",
            Dataset::StatusHistory => "status-history",
            Dataset::Statements => "statements",
            Dataset::Motivations => "motivations",
            Dataset::Timeline => "timeline",
            Dataset::Results => "results",
            Dataset::Provisions => "provisions",
            Dataset::ProvisionVersions => "provision-versions",
            Dataset::LawPoints => "law-points",
        }
    }

    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.name() == name)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Json,
}

pub fn routes() -> Vec<Route> {
    vec![Route::get(Area::Public, "/data/{file}", download)]
}

#[derive(Serialize)]
struct AmendmentRecord {
    article: String,
    title: String,
    summary: String,
    explanation: String,
    status: Option<String>,
    status_date: Option<String>,
    themes: String,
    sources: String,
    wording_before: Option<String>,
    wording_after: Option<String>,
    law_point: Option<i64>,
    new_article: bool,
}

#[derive(Serialize)]
struct EventRecord {
    event_id: i64,
    article: String,
    status: String,
    effective_date: String,
    note: String,
    source_url: Option<String>,
    source_title: Option<String>,
    recorded_at: String,
    corrects_event_id: Option<i64>,
}

#[derive(Serialize)]
struct StatementRecord {
    announcement: String,
    section: String,
    anchor: String,
    kind: String,
    text: String,
}

#[derive(Serialize)]
struct MotivationRecord {
    article: String,
    announcement: String,
    statement: String,
    note: String,
}

#[derive(Serialize)]
struct TimelineRecord {
    key: String,
    starts_on: String,
    ends_on: Option<String>,
    kind: String,
    title: String,
    description: String,
    certainty: String,
    uncertainty_note: Option<String>,
    sources: String,
}

#[derive(Serialize)]
struct ProvisionRecord {
    document: String,
    eid: String,
    parent: Option<String>,
    kind: String,
    num: Option<String>,
    position: usize,
}

#[derive(Serialize)]
struct VersionRecord {
    document: String,
    eid: String,
    lang: String,
    fidelity: String,
    text: Option<String>,
    valid_from: Option<String>,
    valid_to: Option<String>,
    act: String,
    act_point: Option<i64>,
    note: Option<String>,
}

#[derive(Serialize)]
struct LawPointRecord {
    point: i64,
    article: String,
    kind: String,
    provisions: String,
    text: String,
}

/// The official texts' provisions or versions, both documents in turn.
async fn texts_dataset(storage: &Storage, name: Dataset) -> Result<serde_json::Value, AppError> {
    let mut provisions = Vec::new();
    let mut versions = Vec::new();
    for slug in [crate::texts::DOCUMENT_1995, crate::texts::DOCUMENT_2026] {
        let Some(document) = storage.legal_document(slug, None).await? else { continue };
        for (position, p) in document.nodes.iter().enumerate() {
            provisions.push(ProvisionRecord {
                document: document.slug.clone(),
                eid: p.eid.clone(),
                parent: p.parent.clone(),
                kind: p.kind.as_str().to_owned(),
                num: p.num.clone(),
                position,
            });
        }
        for v in &document.versions {
            versions.push(VersionRecord {
                document: document.slug.clone(),
                eid: v.eid.clone(),
                lang: document.lang.clone(),
                fidelity: v.fidelity.as_str().to_owned(),
                text: v.text.clone(),
                valid_from: v.valid_from.map(|d| d.to_string()),
                valid_to: v.valid_to.map(|d| d.to_string()),
                act: v.act.clone(),
                act_point: v.act_point,
                note: v.note.clone(),
            });
        }
    }
    let value =
        if name == Dataset::Provisions { serde_json::to_value(provisions) } else { serde_json::to_value(versions) };
    value.map_err(AppError::internal)
}

/// Rows of one dataset as a header and string cells, shared by CSV and JSON.
pub async fn dataset(storage: &Storage, name: Dataset) -> Result<serde_json::Value, AppError> {
    let Some(referendum) = storage.current_referendum().await? else { return Ok(serde_json::json!([])) };
    let id = referendum.id;
    let json = |v: Result<serde_json::Value, serde_json::Error>| v.map_err(AppError::internal);
    Ok(match name {
        Dataset::Amendments => {
            let rows = storage.amendments(id, chrono::Utc::now().date_naive(), &AmendmentFilter::default()).await?;
            let themes = storage.amendment_themes(id, None).await?;
            let sources = storage.citations("amendment", None).await?;
            let mut records = Vec::new();
            for row in rows {
                let full = storage.amendment(id, &row.article).await?;
                records.push(AmendmentRecord {
                    themes: themes
                        .iter()
                        .filter(|t| t.amendment_id == row.id)
                        .map(|t| t.key.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                    sources: sources
                        .iter()
                        .filter(|s| s.subject_id == row.id)
                        .map(|s| s.key.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                    explanation: full.as_ref().map(|a| a.explanation.clone()).unwrap_or_default(),
                    wording_before: full.as_ref().and_then(|a| a.wording_before.clone()),
                    wording_after: full.as_ref().and_then(|a| a.wording_after.clone()),
                    law_point: full.as_ref().and_then(|a| a.law_point),
                    status: row.status.map(|s| s.as_str().to_owned()),
                    status_date: row.status_date.map(|d| d.to_string()),
                    article: row.article,
                    title: row.title,
                    summary: row.summary,
                    new_article: row.new_article,
                });
            }
            json(serde_json::to_value(records))?
        }
        Dataset::StatusHistory => {
            let rows = storage.all_status_events(id).await?;
            json(serde_json::to_value(
                rows.into_iter()
                    .map(|(article, e)| EventRecord {
                        event_id: e.id,
                        article,
                        status: e.status.as_str().to_owned(),
                        effective_date: e.effective_date.to_string(),
                        note: e.note,
                        source_url: e.source_url,
                        source_title: e.source_title,
                        recorded_at: e.recorded_at.to_rfc3339(),
                        corrects_event_id: e.corrects_event_id,
                    })
                    .collect::<Vec<_>>(),
            ))?
        }
        Dataset::Statements => {
            let mut records = Vec::new();
            for announcement in storage.announcements(id).await? {
                let sections = storage.sections(announcement.id).await?;
                for st in storage.statements(announcement.id).await? {
                    records.push(StatementRecord {
                        announcement: announcement.slug.clone(),
                        section: sections
                            .iter()
                            .find(|s| s.id == st.section_id)
                            .map(|s| s.heading.clone())
                            .unwrap_or_default(),
                        anchor: st.slug,
                        kind: st.kind,
                        text: st.text,
                    });
                }
            }
            json(serde_json::to_value(records))?
        }
        Dataset::Motivations => {
            let rows = storage.all_motivations(id).await?;
            json(serde_json::to_value(
                rows.into_iter()
                    .map(|(article, announcement, statement, note)| MotivationRecord {
                        article,
                        announcement,
                        statement,
                        note,
                    })
                    .collect::<Vec<_>>(),
            ))?
        }
        Dataset::Timeline => {
            let rows = storage.timeline(id, None, crate::storage::end_of_time()).await?;
            let sources = storage.citations("timeline_event", None).await?;
            json(serde_json::to_value(
                rows.into_iter()
                    .map(|t| TimelineRecord {
                        sources: sources
                            .iter()
                            .filter(|s| s.subject_id == t.id)
                            .map(|s| s.url.clone().unwrap_or(s.title.clone()))
                            .collect::<Vec<_>>()
                            .join("; "),
                        key: t.key,
                        starts_on: t.starts_on.to_string(),
                        ends_on: t.ends_on.map(|d| d.to_string()),
                        kind: t.kind,
                        title: t.title,
                        description: t.description,
                        certainty: t.certainty.as_str().to_owned(),
                        uncertainty_note: t.uncertainty_note,
                    })
                    .collect::<Vec<_>>(),
            ))?
        }
        Dataset::Results => results_table(storage, id).await?,
        Dataset::Provisions | Dataset::ProvisionVersions => texts_dataset(storage, name).await?,
        Dataset::LawPoints => json(serde_json::to_value(
            storage
                .law_points(id, None)
                .await?
                .into_iter()
                .map(|p| LawPointRecord {
                    provisions: p.targets.join("; "),
                    point: p.number,
                    article: p.article,
                    kind: p.kind,
                    text: p.text,
                })
                .collect::<Vec<_>>(),
        ))?,
    })
}

/// The results in the import/export shape: every stage × every scope, with
/// nulls where nothing was published — the shape exists before voting day.
async fn results_table(storage: &Storage, referendum_id: i64) -> Result<serde_json::Value, AppError> {
    let units = storage.result_units(referendum_id).await?;
    let sets = storage.result_sets(referendum_id, crate::storage::end_of_time()).await?;
    let figures = storage.result_figures(referendum_id).await?;
    let mut rows = Vec::new();
    for stage in ["preliminary", "final"] {
        let set = sets.iter().find(|s| s.stage == stage);
        let scopes = std::iter::once((crate::domain::results::NATIONAL.to_owned(), "National".to_owned()))
            .chain(units.iter().map(|u| (u.key.clone(), u.name_en.clone())));
        for (scope, name) in scopes {
            let mut row = serde_json::Map::new();
            row.insert("stage".into(), stage.into());
            row.insert("published_on".into(), set.map(|s| s.published_on.to_string()).into());
            row.insert("scope".into(), scope.clone().into());
            row.insert("scope_name".into(), name.into());
            for field in FIELDS {
                let figure = set.and_then(|s| {
                    figures.iter().find(|f| f.result_set_id == s.id && f.scope == scope && f.field == field)
                });
                row.insert(field.into(), figure.map(|f| results_csv::format_value(field, f.value)).into());
                row.insert(
                    format!("{field}_source"),
                    figure.and_then(|f| f.source_url.clone().or(f.source_key.clone())).into(),
                );
            }
            rows.push(serde_json::Value::Object(row));
        }
    }
    Ok(serde_json::Value::Array(rows))
}

/// Writes records (JSON objects with the same keys) as RFC 4180 CSV.
pub fn to_csv(records: &serde_json::Value, header: Option<Vec<String>>) -> Result<String, AppError> {
    let rows = records.as_array().cloned().unwrap_or_default();
    let columns: Vec<String> = header.unwrap_or_else(|| {
        rows.first().and_then(|r| r.as_object()).map(|o| o.keys().cloned().collect()).unwrap_or_default()
    });
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let io = |e: csv::Error| AppError::internal(e);
    writer.write_record(&columns).map_err(io)?;
    for row in rows {
        let cells = columns.iter().map(|c| match row.get(c) {
            None | Some(serde_json::Value::Null) => String::new(),
            // Text typed by editors never becomes a formula or a line break
            // in a spreadsheet (the data page says so).
            Some(serde_json::Value::String(s)) => crate::domain::text::csv_cell(s).into_owned(),
            Some(other) => other.to_string(),
        });
        writer.write_record(cells).map_err(io)?;
    }
    String::from_utf8(writer.into_inner().map_err(AppError::internal)?).map_err(AppError::internal)
}

async fn download(State(state): State<AppState>, Path(file): Path<String>) -> Result<Response, AppError> {
    let (name, format) = match file.rsplit_once('.') {
        Some((name, "csv")) => (name, Format::Csv),
        Some((name, "json")) => (name, Format::Json),
        _ => return Err(AppError::NotFound(None)),
    };
    let Some(dataset_name) = Dataset::from_name(name) else { return Err(AppError::NotFound(None)) };
    let records = dataset(&state.storage, dataset_name).await?;
    let disposition = HeaderValue::from_str(&format!("inline; filename=\"referendum-tracker-{file}\"")).expect("ascii");
    if format == Format::Csv {
        let header = (dataset_name == Dataset::Results).then(results_csv::header);
        let body = to_csv(&records, header)?;
        let content_type = HeaderValue::from_static("text/csv; charset=utf-8; header=present");
        Ok(([(header::CONTENT_TYPE, content_type), (header::CONTENT_DISPOSITION, disposition)], body).into_response())
    } else {
        let body = serde_json::to_string_pretty(&records).map_err(AppError::internal)?;
        let content_type = HeaderValue::from_static("application/json");
        Ok(([(header::CONTENT_TYPE, content_type), (header::CONTENT_DISPOSITION, disposition)], body).into_response())
    }
}
