//! The read-only JSON API under `/api/v1/`. Each handler carries its
//! OpenAPI description (`#[utoipa::path]`), and the router that serves the
//! handlers is the one that collects those descriptions, so the document at
//! `/api/openapi.json` cannot drift from what is served.

use std::sync::OnceLock;

use axum::{
    Json, Router,
    extract::{Path, Query, State, rejection::QueryRejection},
    http::StatusCode,
    response::{IntoResponse, Response},
    routing::get,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::AppState;
use crate::{
    domain::{
        ArticleNumber, Status,
        results::{self, Figures, Rule},
    },
    storage::{AmendmentFilter, ReferendumRow, StorageError},
};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "referendum-tracker API",
        description = "Read-only data of the tracker: the referendum, amendments with their status history and motivating statements, announcements, the timeline and the results. Dates are ISO 8601.",
        version = "1"
    ),
    components(schemas(ApiError, ApiErrorBody))
)]
struct ApiDoc;

/// The API's router and its OpenAPI document, built together once.
fn parts() -> &'static (Router<AppState>, utoipa::openapi::OpenApi) {
    static PARTS: OnceLock<(Router<AppState>, utoipa::openapi::OpenApi)> = OnceLock::new();
    PARTS.get_or_init(|| {
        OpenApiRouter::with_openapi(ApiDoc::openapi())
            .routes(routes!(referendum))
            .routes(routes!(amendments))
            .routes(routes!(amendment))
            .routes(routes!(announcements))
            .routes(routes!(announcement))
            .routes(routes!(timeline))
            .routes(routes!(results_of_referendum))
            .split_for_parts()
    })
}

/// Read-only use from other sites is welcome: any origin may GET.
pub fn cors() -> tower_http::cors::CorsLayer {
    use axum::http::Method;
    tower_http::cors::CorsLayer::new()
        .allow_origin(tower_http::cors::Any)
        .allow_methods([Method::GET, Method::HEAD, Method::OPTIONS])
        .max_age(std::time::Duration::from_secs(86_400))
}

pub fn router() -> Router<AppState> {
    parts().0.clone().route("/api/openapi.json", get(openapi)).layer(cors())
}

pub fn openapi_document() -> &'static utoipa::openapi::OpenApi {
    &parts().1
}

async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(openapi_document().clone())
}

/// Every error of the API has this shape.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiError {
    pub error: ApiErrorBody,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiErrorBody {
    /// The HTTP status code.
    pub status: u16,
    /// A stable machine-readable code: not_found, bad_request, unavailable, internal.
    pub code: String,
    /// What went wrong, in English.
    pub message: String,
}

pub fn api_error(status: StatusCode, code: &'static str, message: impl Into<String>) -> Response {
    ApiFailure { status, code, message: message.into() }.into_response()
}

/// A failed API request, rendered as an `ApiError` body.
#[derive(Debug)]
pub struct ApiFailure {
    status: StatusCode,
    code: &'static str,
    message: String,
}

impl IntoResponse for ApiFailure {
    fn into_response(self) -> Response {
        let body = ApiError {
            error: ApiErrorBody { status: self.status.as_u16(), code: self.code.to_owned(), message: self.message },
        };
        let mut response = (self.status, Json(body)).into_response();
        if self.status == StatusCode::SERVICE_UNAVAILABLE {
            response.headers_mut().insert(axum::http::header::RETRY_AFTER, axum::http::HeaderValue::from_static("30"));
        }
        response
    }
}

impl From<StorageError> for ApiFailure {
    fn from(error: StorageError) -> Self {
        if error.is_unavailable() {
            ApiFailure {
                status: StatusCode::SERVICE_UNAVAILABLE,
                code: "unavailable",
                message: "The database is unavailable; try again shortly.".to_owned(),
            }
        } else {
            tracing::error!(error = %error, "api request failed");
            ApiFailure {
                status: StatusCode::INTERNAL_SERVER_ERROR,
                code: "internal",
                message: "The request could not be answered.".to_owned(),
            }
        }
    }
}

type ApiResult<T> = Result<Json<T>, ApiFailure>;

fn bad_request(message: impl Into<String>) -> ApiFailure {
    ApiFailure { status: StatusCode::BAD_REQUEST, code: "bad_request", message: message.into() }
}

fn not_found(message: impl Into<String>) -> ApiFailure {
    ApiFailure { status: StatusCode::NOT_FOUND, code: "not_found", message: message.into() }
}

async fn current(state: &AppState) -> Result<ReferendumRow, ApiFailure> {
    state.storage.current_referendum().await?.ok_or_else(|| not_found("No referendum is recorded."))
}

fn parse_as_of(value: Option<&str>) -> Result<chrono::NaiveDate, ApiFailure> {
    let today = chrono::Utc::now().date_naive();
    match value.filter(|v| !v.is_empty()) {
        None => Ok(today),
        Some(v) => match crate::domain::input::parse_date(v) {
            Ok(date) if date <= today => Ok(date),
            Ok(_) => Err(bad_request("as_of is in the future.")),
            Err(_) => Err(bad_request("as_of must be a date in the form YYYY-MM-DD.")),
        },
    }
}

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
async fn referendum(State(state): State<AppState>) -> ApiResult<ApiReferendum> {
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

fn paging(page: Option<u32>, per_page: Option<u32>) -> Result<(u32, u32), ApiFailure> {
    let page = page.unwrap_or(1);
    let per_page = per_page.unwrap_or(50);
    if page == 0 || !(1..=200).contains(&per_page) {
        return Err(bad_request("page starts at 1; per_page is between 1 and 200."));
    }
    Ok((page, per_page))
}

fn window<T>(items: Vec<T>, page: u32, per_page: u32) -> Vec<T> {
    items.into_iter().skip(((page - 1) * per_page) as usize).take(per_page as usize).collect()
}

/// Amendments in constitutional order, filtered like the public list.
#[utoipa::path(get, path = "/api/v1/amendments", params(ListQuery), responses(
    (status = 200, description = "A page of amendments", body = AmendmentList),
    (status = 400, description = "A bad filter or page", body = ApiError)
))]
async fn amendments(
    State(state): State<AppState>,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> ApiResult<AmendmentList> {
    let Query(query) = query.map_err(|e| bad_request(e.body_text()))?;
    let r = current(&state).await?;
    let as_of = parse_as_of(query.as_of.as_deref())?;
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
            status: a.status,
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
    key: String,
    title: String,
    url: Option<String>,
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
    as_of: Option<String>,
}

/// One amendment with its status history, sources and motivating statements.
#[utoipa::path(get, path = "/api/v1/amendments/{article}", params(
    ("article" = String, Path, description = "Article number, e.g. 15 or 83-1"), AsOfQuery
), responses(
    (status = 200, description = "The amendment", body = ApiAmendment),
    (status = 404, description = "No such amendment", body = ApiError)
))]
async fn amendment(
    State(state): State<AppState>,
    Path(article): Path<String>,
    query: Result<Query<AsOfQuery>, QueryRejection>,
) -> ApiResult<ApiAmendment> {
    let Query(query) = query.map_err(|e| bad_request(e.body_text()))?;
    let as_of = parse_as_of(query.as_of.as_deref())?;
    ArticleNumber::parse(&article).map_err(|_| not_found("No such amendment."))?;
    let r = current(&state).await?;
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
        status: current.map(|e| e.status.clone()),
        status_date: current.map(|e| e.effective_date.to_string()),
        history: events
            .iter()
            .map(|e| ApiStatusEvent {
                id: e.id,
                status: e.status.clone(),
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
async fn announcements(State(state): State<AppState>) -> ApiResult<Vec<ApiAnnouncementSummary>> {
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
async fn announcement(State(state): State<AppState>, Path(slug): Path<String>) -> ApiResult<ApiAnnouncement> {
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
async fn timeline(
    State(state): State<AppState>,
    query: Result<Query<TimelineQuery>, QueryRejection>,
) -> ApiResult<TimelineList> {
    let Query(query) = query.map_err(|e| bad_request(e.body_text()))?;
    let (page, per_page) = paging(query.page, query.per_page)?;
    let horizon = match query.as_of.as_deref() {
        Some(_) => parse_as_of(query.as_of.as_deref())?,
        None => crate::storage::end_of_time(),
    };
    let r = current(&state).await?;
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
            certainty: t.certainty,
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
async fn results_of_referendum(
    State(state): State<AppState>,
    query: Result<Query<AsOfQuery>, QueryRejection>,
) -> ApiResult<ApiResults> {
    let Query(query) = query.map_err(|e| bad_request(e.body_text()))?;
    let as_of = parse_as_of(query.as_of.as_deref())?;
    let r = current(&state).await?;
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
                let parsed = match rule.kind.as_str() {
                    "turnout_over" => Some(Rule::TurnoutOver { threshold: rule.threshold_hundredths }),
                    "majority_in_share_of_units" => Some(Rule::MajorityInShareOfUnits {
                        threshold: rule.threshold_hundredths,
                        numerator: rule.share_numerator.unwrap_or(1),
                        denominator: rule.share_denominator.unwrap_or(1),
                    }),
                    _ => None,
                };
                let outcome = latest.zip(parsed).map(|(set, parsed)| {
                    let unit_figures: Vec<Figures> = units.iter().map(|u| scope_figures(set.id, &u.key)).collect();
                    results::evaluate(parsed, &scope_figures(set.id, "national"), &unit_figures, units.len())
                        .outcome
                        .as_str()
                        .to_owned()
                });
                ApiRule {
                    key: rule.key.clone(),
                    kind: rule.kind.clone(),
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
