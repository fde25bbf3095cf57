//! One error type for every handler. Handlers say what went wrong; the
//! `error_pages` middleware renders the page in the request's language.
//! Internal details go to the log, never to the page.

use askama::Template;
use axum::{
    http::{HeaderValue, StatusCode, header},
    response::{Html, IntoResponse, Response},
};

use super::view::base;
use crate::{i18n::Lang, storage::StorageError};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// With a message for the reader, or `None` for the generic one.
    #[error("not found")]
    NotFound(Option<String>),
    /// The message tells the reader what is allowed.
    #[error("{0}")]
    BadRequest(String),
    #[error("forbidden")]
    Forbidden(Option<String>),
    #[error("too large")]
    TooLarge,
    #[error("conflict")]
    Conflict(Option<String>),
    #[error("the database is unavailable")]
    Unavailable,
    /// Anything else: logged with its chain of causes, never shown.
    #[error("internal error: {0}")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

impl AppError {
    pub fn internal(error: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        AppError::Internal(error.into())
    }
}

impl From<StorageError> for AppError {
    fn from(error: StorageError) -> Self {
        if error.is_unavailable() {
            tracing::warn!(error = ?error, "database unavailable");
            AppError::Unavailable
        } else {
            AppError::internal(error)
        }
    }
}

/// For handlers that have no form to show a rejection on: a rejected write
/// is the client's mistake (400), never a server error.
impl From<crate::storage::WriteError> for AppError {
    fn from(error: crate::storage::WriteError) -> Self {
        use crate::storage::WriteError;
        match error {
            WriteError::Storage(e) => e.into(),
            WriteError::NotFound => AppError::NotFound(None),
            WriteError::Conflict { .. } => AppError::Conflict(None),
            WriteError::Rejected(rejection) => AppError::BadRequest(rejection.to_string()),
        }
    }
}

impl From<crate::storage::accounts::AccountWriteError> for AppError {
    fn from(error: crate::storage::accounts::AccountWriteError) -> Self {
        use crate::storage::accounts::AccountWriteError;
        match error {
            AccountWriteError::Storage(e) => e.into(),
            AccountWriteError::NoSuchUser(_) => AppError::NotFound(None),
            AccountWriteError::Exists(_) => AppError::Conflict(None),
        }
    }
}

impl From<askama::Error> for AppError {
    fn from(error: askama::Error) -> Self {
        AppError::internal(error)
    }
}

/// What an error response carries until the error-page layer renders it.
#[derive(Debug, Clone)]
pub struct ErrorDetails {
    pub status: StatusCode,
    pub message: Option<String>,
}

#[derive(Template)]
#[template(path = "errors/error.html")]
struct ErrorPage {
    lang: Lang,
    base: &'static str,
    status: u16,
    heading: String,
    message: String,
    request_id: String,
}

impl ErrorPage {
    fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, message) = match self {
            AppError::NotFound(message) => (StatusCode::NOT_FOUND, message),
            AppError::BadRequest(message) => (StatusCode::BAD_REQUEST, Some(message)),
            AppError::Forbidden(message) => (StatusCode::FORBIDDEN, message),
            AppError::TooLarge => (StatusCode::PAYLOAD_TOO_LARGE, None),
            AppError::Conflict(message) => (StatusCode::CONFLICT, message),
            AppError::Unavailable => (StatusCode::SERVICE_UNAVAILABLE, None),
            AppError::Internal(error) => {
                tracing::error!(error = ?error, "request failed");
                (StatusCode::INTERNAL_SERVER_ERROR, None)
            }
        };
        let mut response = (status, message.clone().unwrap_or_default()).into_response();
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
        }
        response.extensions_mut().insert(ErrorDetails { status, message });
        response
    }
}

impl ErrorDetails {
    /// Replaces the body of `response` with the error page in `lang`,
    /// keeping its status and headers.
    pub fn render(self, lang: Lang, response: Response, request_id: &str) -> Response {
        let code = self.status.as_u16();
        let page = ErrorPage {
            lang,
            base: base(lang),
            status: code,
            request_id: request_id.to_owned(),
            heading: lang.t(&format!("error-heading-{code}")),
            message: self.message.unwrap_or_else(|| lang.t(&format!("error-message-{code}"))),
        };
        let (mut parts, _) = response.into_parts();
        let body = page.render().unwrap_or_else(|_| format!("{}: {}", code, page.message));
        parts.headers.remove(header::CONTENT_LENGTH);
        parts.headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
        (parts, Html(body)).into_response()
    }
}
