//! One error type for every handler. It renders a styled page with the right
//! status; internal details go to the log, never to the page.

use askama::Template;
use axum::{
    http::StatusCode,
    response::{Html, IntoResponse, Response},
};

use crate::storage::StorageError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    BadRequest(String),
    #[error("the database is unavailable")]
    Unavailable,
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<StorageError> for AppError {
    fn from(error: StorageError) -> Self {
        if error.is_unavailable() { AppError::Unavailable } else { AppError::Internal(error.to_string()) }
    }
}

impl From<askama::Error> for AppError {
    fn from(error: askama::Error) -> Self {
        AppError::Internal(format!("template: {error}"))
    }
}

#[derive(Template)]
#[template(path = "errors/error.html")]
struct ErrorPage<'a> {
    status: u16,
    heading: &'a str,
    message: &'a str,
}

impl AppError {
    fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status();
        let (heading, message) = match &self {
            AppError::NotFound(message) => ("Page not found", message.as_str()),
            AppError::BadRequest(message) => ("This request cannot be answered", message.as_str()),
            AppError::Unavailable => {
                tracing::warn!("database unavailable");
                (
                    "Temporarily unavailable",
                    "The tracker cannot reach its database right now. Please try again in a minute.",
                )
            }
            AppError::Internal(detail) => {
                tracing::error!(error = %detail, "request failed");
                ("Something went wrong", "The tracker could not show this page. The problem has been logged.")
            }
        };
        let page = ErrorPage { status: status.as_u16(), heading, message };
        let body = page.render().unwrap_or_else(|_| format!("{status}: {message}"));
        let mut response = (status, Html(body)).into_response();
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response.headers_mut().insert(axum::http::header::RETRY_AFTER, axum::http::HeaderValue::from_static("30"));
        }
        response
    }
}
