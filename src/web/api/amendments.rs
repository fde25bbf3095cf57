//! The referendum and its amendments, with their status histories.

use axum::{
    Json,
    extract::{Path, Query, State, rejection::QueryRejection},
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::common::{ApiError, ApiResult, bad_request, current, not_found, paging, parse_as_of, window};
use crate::{
    domain::{ArticleNumber, Status},
    storage::amendments::AmendmentFilter,
    web::state::AppState,
};

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiReferendum {
    slug: String,
    title: String,
    summary: String,
    /// The ballot question in substance.
    question: String,
    thresholds: String,
    proposed_on: String,
    vote_on: Option<String>,
}

/// The referendum on show.
#[utoipa::path(get, path = "/api/v1/referendum", responses(
    (status = 200, description = "The referendum", body = ApiReferendum),
    (status = 404, description = "No referendum recorded", body = ApiError)
))]
pub(super) async fn referendum(State(state): State<AppState>) -> ApiResult<ApiReferendum> {
    let r = current(&state).await?;
    Ok(Json(ApiReferendum {
        slug: r.slug,
        title: r.title,
        summary: r.summary,
        question: r.question,
        thresholds: r.thresholds,
        proposed_on: r.proposed_on.to_string(),
        vote_on: r.vote_on.map(|d| d.to_string()),
    }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Only amendments in this status (e.g. in_force).
    status: Option<String>,
    /// Only amendments with this theme key.
    theme: Option<String>,
    /// The state at the end of this day (YYYY-MM-DD); default today.
    as_of: Option<String>,
    /// Page number, from 1.
    page: Option<u32>,
    /// Items per page, 1 to 200; default 50.
    per_page: Option<u32>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiAmendmentSummary {
    article: String,
    title: String,
    summary: String,
    new_article: bool,
    status: Option<String>,
    status_date: Option<String>,
    themes: Vec<String>,
    /// The amendment's page and data.
    url: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AmendmentList {
    items: Vec<ApiAmendmentSummary>,
    page: u32,
    per_page: u32,
    total: u64,
}

/// Amendments in constitutional order, filtered like the public list.
#[utoipa::path(get, path = "/api/v1/amendments", params(ListQuery), responses(
    (status = 200, description = "A page of amendments", body = AmendmentList),
    (status = 400, description = "A bad filter or page", body = ApiError)
))]
pub(super) async fn amendments(
    State(state): State<AppState>,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> ApiResult<AmendmentList> {
    let Query(query) = query.map_err(|e| bad_request(e.body_text()))?;
    let r = current(&state).await?;
    let as_of = parse_as_of(&state, &r, query.as_of.as_deref()).await?;
    let (page, per_page) = paging(query.page, query.per_page)?;
    let status = match query.status.as_deref().filter(|s| !s.is_empty()) {
        Some(s) => Some(s.parse::<Status>().map_err(|e| bad_request(e.to_string()))?),
        None => None,
    };
    let themes = state.storage.themes(r.id).await?;
    let theme = query.theme.as_deref().filter(|t| !t.is_empty());
    if let Some(t) = theme
        && !themes.iter().any(|x| x.key == t)
    {
        let allowed: Vec<&str> = themes.iter().map(|t| t.key.as_str()).collect();
        return Err(bad_request(format!("unknown theme; allowed: {}", allowed.join(", "))));
    }
    let rows =
        state.storage.amendments(r.id, as_of, &AmendmentFilter { status: status.map(Status::as_str), theme }).await?;
    let tags = state.storage.amendment_themes(r.id, None).await?;
    let total = rows.len() as u64;
    let items = window(rows, page, per_page)
        .into_iter()
        .map(|a| ApiAmendmentSummary {
            themes: tags.iter().filter(|t| t.amendment_id == a.id).map(|t| t.key.clone()).collect(),
            url: format!("/api/v1/amendments/{}", a.article),
            article: a.article,
            title: a.title,
            summary: a.summary,
            new_article: a.new_article,
            status: a.status.map(|s| s.as_str().to_owned()),
            status_date: a.status_date.map(|d| d.to_string()),
        })
        .collect();
    Ok(Json(AmendmentList { items, page, per_page, total }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiStatusEvent {
    id: i64,
    status: String,
    effective_date: String,
    note: String,
    source_url: Option<String>,
    source_title: Option<String>,
    recorded_at: String,
    /// The event this one corrects, if it is a correction.
    corrects_event_id: Option<i64>,
    /// True when a later correction replaced this event.
    corrected: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiSource {
    pub(super) key: String,
    pub(super) title: String,
    pub(super) url: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiMotivation {
    announcement: String,
    anchor: String,
    text: String,
    note: String,
    url: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiAmendment {
    article: String,
    title: String,
    summary: String,
    explanation: String,
    wording_before: Option<String>,
    wording_after: Option<String>,
    new_article: bool,
    law_point: Option<i64>,
    status: Option<String>,
    status_date: Option<String>,
    themes: Vec<String>,
    entry_into_force: Vec<String>,
    sources: Vec<ApiSource>,
    history: Vec<ApiStatusEvent>,
    motivations: Vec<ApiMotivation>,
    timeline: Vec<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AsOfQuery {
    /// The state at the end of this day (YYYY-MM-DD); default today.
    pub(super) as_of: Option<String>,
}

/// One amendment with its status history, sources and motivating statements.
#[utoipa::path(get, path = "/api/v1/amendments/{article}", params(
    ("article" = String, Path, description = "Article number, e.g. 15 or 83-1"), AsOfQuery
), responses(
    (status = 200, description = "The amendment", body = ApiAmendment),
    (status = 404, description = "No such amendment", body = ApiError)
))]
pub(super) async fn amendment(
    State(state): State<AppState>,
    Path(article): Path<String>,
    query: Result<Query<AsOfQuery>, QueryRejection>,
) -> ApiResult<ApiAmendment> {
    let Query(query) = query.map_err(|e| bad_request(e.body_text()))?;
    let r = current(&state).await?;
    let as_of = parse_as_of(&state, &r, query.as_of.as_deref()).await?;
    ArticleNumber::parse(&article).map_err(|_| not_found("No such amendment."))?;
    let storage = &state.storage;
    let a = storage.amendment(r.id, &article).await?.ok_or_else(|| not_found("No such amendment."))?;
    let events = storage.status_events(a.id, as_of).await?;
    let corrected = |id: i64| events.iter().any(|e| e.corrects_event_id == Some(id));
    let current = events.iter().rev().find(|e| !corrected(e.id));
    let themes = storage.amendment_themes(r.id, Some(a.id)).await?;
    let sources = storage.citations("amendment", Some(a.id)).await?;
    let motivations = storage.motivations(a.id).await?;
    let timeline = storage.timeline(r.id, Some(a.id), as_of).await?;
    let in_force = storage.entry_into_force(a.id).await?;
    Ok(Json(ApiAmendment {
        status: current.map(|e| e.status.as_str().to_owned()),
        status_date: current.map(|e| e.effective_date.to_string()),
        history: events
            .iter()
            .map(|e| ApiStatusEvent {
                id: e.id,
                status: e.status.as_str().to_owned(),
                effective_date: e.effective_date.to_string(),
                note: e.note.clone(),
                source_url: e.source_url.clone(),
                source_title: e.source_title.clone(),
                recorded_at: e.recorded_at.to_rfc3339(),
                corrects_event_id: e.corrects_event_id,
                corrected: corrected(e.id),
            })
            .collect(),
        themes: themes.into_iter().map(|t| t.key).collect(),
        entry_into_force: in_force.into_iter().map(|e| e.takes_effect_on.to_string()).collect(),
        sources: sources.into_iter().map(|s| ApiSource { key: s.key, title: s.title, url: s.url }).collect(),
        motivations: motivations
            .into_iter()
            .map(|m| ApiMotivation {
                url: format!("/api/v1/announcements/{}", m.announcement_slug),
                announcement: m.announcement_slug,
                anchor: m.statement_slug,
                text: m.statement_text,
                note: m.note,
            })
            .collect(),
        timeline: timeline.into_iter().map(|t| t.key).collect(),
        article: a.article,
        title: a.title,
        summary: a.summary,
        explanation: a.explanation,
        wording_before: a.wording_before,
        wording_after: a.wording_after,
        new_article: a.new_article,
        law_point: a.law_point,
    }))
}
