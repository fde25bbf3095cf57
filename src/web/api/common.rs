//! What the API's handlers share: the error shape and how failures become
//! it, the referendum on show, `as_of` and paging.

use axum::{
    Json,
    http::StatusCode,
    response::{IntoResponse, Response},
};
use serde::Serialize;
use utoipa::ToSchema;

use crate::{
    domain::as_of,
    storage::{StorageError, referendums::ReferendumRow},
    web::{area::Area, state::AppState},
};

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
        response.extensions_mut().insert(Area::Api);
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

pub(super) type ApiResult<T> = Result<Json<T>, ApiFailure>;

pub(super) fn bad_request(message: impl Into<String>) -> ApiFailure {
    ApiFailure { status: StatusCode::BAD_REQUEST, code: "bad_request", message: message.into() }
}

pub(super) fn not_found(message: impl Into<String>) -> ApiFailure {
    ApiFailure { status: StatusCode::NOT_FOUND, code: "not_found", message: message.into() }
}

pub(super) async fn current(state: &AppState) -> Result<ReferendumRow, ApiFailure> {
    state.storage.current_referendum().await?.ok_or_else(|| not_found("No referendum is recorded."))
}

/// `as_of` by the same rules as the pages: a real date, not after today, not
/// before the referendum's first recorded event; absent is today.
pub(super) async fn parse_as_of(
    state: &AppState,
    referendum: &ReferendumRow,
    value: Option<&str>,
) -> Result<chrono::NaiveDate, ApiFailure> {
    let today = chrono::Utc::now().date_naive();
    let refused = |e: as_of::AsOfError| bad_request(format!("{e}."));
    match as_of::parse(value, today).map_err(refused)? {
        None => Ok(today),
        Some(date) => {
            as_of::check_first(date, state.storage.first_event_date(referendum.id).await?).map_err(refused)?;
            Ok(date)
        }
    }
}

pub(super) fn paging(page: Option<u32>, per_page: Option<u32>) -> Result<(u32, u32), ApiFailure> {
    let page = page.unwrap_or(1);
    let per_page = per_page.unwrap_or(50);
    if page == 0 || !(1..=200).contains(&per_page) {
        return Err(bad_request("page starts at 1; per_page is between 1 and 200."));
    }
    Ok((page, per_page))
}

pub(super) fn window<T>(items: Vec<T>, page: u32, per_page: u32) -> Vec<T> {
    items.into_iter().skip(((page - 1) * per_page) as usize).take(per_page as usize).collect()
}
