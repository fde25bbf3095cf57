//! Announcements, the timeline and the results.

use axum::{
    Json,
    extract::{Path, Query, State, rejection::QueryRejection},
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{
    amendments::{ApiSource, AsOfQuery},
    common::{ApiError, ApiResult, bad_request, current, not_found, paging, parse_as_of, window},
};
use crate::domain::results::{self, Figures};
use crate::web::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiAnnouncementSummary {
    slug: String,
    title: String,
    event: String,
    date: String,
    speaker: String,
    url: String,
}

/// The announcements, oldest first.
#[utoipa::path(get, path = "/api/v1/announcements", responses(
    (status = 200, description = "Announcements", body = Vec<ApiAnnouncementSummary>)
))]
pub(super) async fn announcements(State(state): State<AppState>) -> ApiResult<Vec<ApiAnnouncementSummary>> {
    let r = current(&state).await?;
    let rows = state.storage.announcements(r.id).await?;
    Ok(Json(
        rows.into_iter()
            .map(|a| ApiAnnouncementSummary {
                url: format!("/api/v1/announcements/{}", a.slug),
                slug: a.slug,
                title: a.title,
                event: a.event,
                date: a.announced_on.to_string(),
                speaker: a.speaker,
            })
            .collect(),
    ))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiStatement {
    anchor: String,
    kind: String,
    text: String,
    /// Articles whose amendments this statement motivated.
    amendments: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiSection {
    heading: String,
    slug: String,
    level: i64,
    statements: Vec<ApiStatement>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiAnnouncement {
    slug: String,
    title: String,
    event: String,
    date: String,
    speaker: String,
    venue: String,
    source_note: String,
    sections: Vec<ApiSection>,
}

/// One announcement, statement by statement, with the amendments each motivated.
#[utoipa::path(get, path = "/api/v1/announcements/{slug}", params(("slug" = String, Path, description = "The announcement's address")), responses(
    (status = 200, description = "The announcement", body = ApiAnnouncement),
    (status = 404, description = "No such announcement", body = ApiError)
))]
pub(super) async fn announcement(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> ApiResult<ApiAnnouncement> {
    let storage = &state.storage;
    let a = storage.announcement(&slug).await?.ok_or_else(|| not_found("No such announcement."))?;
    let sections = storage.sections(a.id).await?;
    let statements = storage.statements(a.id).await?;
    let links = storage.back_links(a.id).await?;
    Ok(Json(ApiAnnouncement {
        sections: sections
            .into_iter()
            .map(|s| ApiSection {
                statements: statements
                    .iter()
                    .filter(|st| st.section_id == s.id)
                    .map(|st| ApiStatement {
                        anchor: st.slug.clone(),
                        kind: st.kind.clone(),
                        text: st.text.clone(),
                        amendments: links
                            .iter()
                            .filter(|l| l.statement_id == st.id)
                            .map(|l| l.article.clone())
                            .collect(),
                    })
                    .collect(),
                heading: s.heading,
                slug: s.slug,
                level: s.level,
            })
            .collect(),
        slug: a.slug,
        title: a.title,
        event: a.event,
        date: a.announced_on.to_string(),
        speaker: a.speaker,
        venue: a.venue,
        source_note: a.source_note,
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiTimelineEvent {
    key: String,
    starts_on: String,
    ends_on: Option<String>,
    kind: String,
    title: String,
    description: String,
    certainty: String,
    uncertainty_note: Option<String>,
    sources: Vec<ApiSource>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TimelineList {
    items: Vec<ApiTimelineEvent>,
    page: u32,
    per_page: u32,
    total: u64,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TimelineQuery {
    /// Only events up to the end of this day (YYYY-MM-DD).
    as_of: Option<String>,
    /// Page number, from 1.
    page: Option<u32>,
    /// Items per page, 1 to 200; default 50.
    per_page: Option<u32>,
}

/// Timeline events in date order.
#[utoipa::path(get, path = "/api/v1/timeline", params(TimelineQuery), responses(
    (status = 200, description = "A page of timeline events", body = TimelineList),
    (status = 400, description = "A bad date or page", body = ApiError)
))]
pub(super) async fn timeline(
    State(state): State<AppState>,
    query: Result<Query<TimelineQuery>, QueryRejection>,
) -> ApiResult<TimelineList> {
    let Query(query) = query.map_err(|e| bad_request(e.body_text()))?;
    let (page, per_page) = paging(query.page, query.per_page)?;
    let r = current(&state).await?;
    let horizon = match query.as_of.as_deref() {
        Some(_) => parse_as_of(&state, &r, query.as_of.as_deref()).await?,
        None => crate::storage::end_of_time(),
    };
    let rows = state.storage.timeline(r.id, None, horizon).await?;
    let sources = state.storage.citations("timeline_event", None).await?;
    let total = rows.len() as u64;
    let items = window(rows, page, per_page)
        .into_iter()
        .map(|t| ApiTimelineEvent {
            sources: sources
                .iter()
                .filter(|s| s.subject_id == t.id)
                .map(|s| ApiSource { key: s.key.clone(), title: s.title.clone(), url: s.url.clone() })
                .collect(),
            key: t.key,
            starts_on: t.starts_on.to_string(),
            ends_on: t.ends_on.map(|d| d.to_string()),
            kind: t.kind,
            title: t.title,
            description: t.description,
            certainty: t.certainty.as_str().to_owned(),
            uncertainty_note: t.uncertainty_note,
        })
        .collect();
    Ok(Json(TimelineList { items, page, per_page, total }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiFigure {
    /// "national" or a unit key.
    scope: String,
    field: String,
    /// A count, or a percentage (e.g. 68.05).
    value: f64,
    source_title: Option<String>,
    source_url: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiResultSet {
    stage: String,
    published_on: String,
    figures: Vec<ApiFigure>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiRule {
    key: String,
    kind: String,
    /// Percentage threshold.
    threshold: f64,
    description: String,
    /// met, not-met or unknown, from the latest published set; null before any.
    outcome: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiUnit {
    key: String,
    kind: String,
    name_en: String,
    name_kk: String,
    name_ru: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiResults {
    units: Vec<ApiUnit>,
    rules: Vec<ApiRule>,
    /// Published sets, earliest first; empty before any result is published.
    sets: Vec<ApiResultSet>,
}

/// The results: voting units, rules and the published figure sets.
#[utoipa::path(get, path = "/api/v1/results", params(AsOfQuery), responses(
    (status = 200, description = "The results", body = ApiResults),
    (status = 400, description = "A bad date", body = ApiError)
))]
pub(super) async fn results_of_referendum(
    State(state): State<AppState>,
    query: Result<Query<AsOfQuery>, QueryRejection>,
) -> ApiResult<ApiResults> {
    let Query(query) = query.map_err(|e| bad_request(e.body_text()))?;
    let r = current(&state).await?;
    let as_of = parse_as_of(&state, &r, query.as_of.as_deref()).await?;
    let storage = &state.storage;
    let units = storage.result_units(r.id).await?;
    let rules = storage.result_rules(r.id).await?;
    let sets = storage.result_sets(r.id, as_of).await?;
    let figures = storage.result_figures(r.id).await?;
    let latest = sets.last();
    let scope_figures = |set_id: i64, scope: &str| {
        let mut f = Figures::default();
        for row in figures.iter().filter(|x| x.result_set_id == set_id && x.scope == scope) {
            f.set(&row.field, row.value);
        }
        f
    };
    Ok(Json(ApiResults {
        rules: rules
            .iter()
            .map(|rule| {
                let parsed = Some(rule.rule());
                let outcome = latest.zip(parsed).map(|(set, parsed)| {
                    let unit_figures: Vec<Figures> = units.iter().map(|u| scope_figures(set.id, &u.key)).collect();
                    results::evaluate(
                        parsed,
                        &scope_figures(set.id, crate::domain::results::NATIONAL),
                        &unit_figures,
                        units.len(),
                    )
                    .outcome
                    .as_str()
                    .to_owned()
                });
                ApiRule {
                    key: rule.key.clone(),
                    kind: rule.kind.as_str().to_owned(),
                    threshold: rule.threshold_hundredths as f64 / 100.0,
                    description: rule.description.clone(),
                    outcome,
                }
            })
            .collect(),
        sets: sets
            .iter()
            .map(|set| ApiResultSet {
                stage: set.stage.clone(),
                published_on: set.published_on.to_string(),
                figures: figures
                    .iter()
                    .filter(|f| f.result_set_id == set.id)
                    .map(|f| ApiFigure {
                        scope: f.scope.clone(),
                        field: f.field.clone(),
                        value: if results::is_percentage(&f.field) { f.value as f64 / 100.0 } else { f.value as f64 },
                        source_title: f.source_title.clone(),
                        source_url: f.source_url.clone(),
                    })
                    .collect(),
            })
            .collect(),
        units: units
            .into_iter()
            .map(|u| ApiUnit { key: u.key, kind: u.kind, name_en: u.name_en, name_kk: u.name_kk, name_ru: u.name_ru })
            .collect(),
    }))
}
