//! The middleware functions of the stack that `web::router` assembles (the
//! order and the reasons are there).

use axum::{
    extract::Request,
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};

use super::{area::Area, context, error::AppError, limits};
use crate::i18n::Lang;

/// With `server_timing` on, counts the database round trips behind each
/// response and reports them as `Server-Timing: db;desc="N queries"`.
pub async fn server_timing(request: Request, next: axum::middleware::Next) -> Response {
    let (mut response, queries) = crate::storage::recording_queries(next.run(request)).await;
    if let Ok(value) = HeaderValue::from_str(&format!("db;desc=\"{} queries\"", queries.len())) {
        response.headers_mut().insert("server-timing", value);
    }
    response
}

/// Refuses state-changing requests that a browser marks as coming from
/// another site (Sec-Fetch-Site), or whose Origin is not this host. A form
/// on our own pages always passes; forms also carry a session-bound token.
pub async fn same_origin_writes(request: Request, next: axum::middleware::Next) -> Response {
    if request.method().is_safe() {
        return next.run(request).await;
    }
    let headers = request.headers();
    let site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    let cross_site = matches!(site, Some(s) if s != "same-origin" && s != "none");
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let foreign_origin = match (origin, host) {
        (Some(origin), Some(host)) => {
            let origin_host = origin.split_once("://").map(|(_, rest)| rest);
            origin_host != Some(host)
        }
        (Some(_), None) => true,
        (None, _) => false,
    };
    if cross_site || foreign_origin {
        let client = context::of_request(&request).map_or_else(|| "unknown".to_owned(), |c| c.client_label());
        tracing::warn!(
            target: "security",
            %client,
            method = %request.method(),
            path = %request.uri().path(),
            "refused: a cross-site write"
        );
        return AppError::Forbidden(None).into_response();
    }
    next.run(request).await
}

/// A NUL character in a path or query is never a real address, and
/// PostgreSQL refuses it in text: answer 400 before anything reads it.
pub async fn refuse_nul(request: Request, next: axum::middleware::Next) -> Response {
    let uri = request.uri();
    let has_nul = |text: &str| text.as_bytes().windows(3).any(|w| w.eq_ignore_ascii_case(b"%00"));
    // Search keeps only the words of a query, so odd characters there are
    // simply dropped: a visitor's search never ends on an error page.
    let searching = uri.path().ends_with("/search");
    if has_nul(uri.path()) || (!searching && uri.query().is_some_and(has_nul)) {
        let mut response = StatusCode::BAD_REQUEST.into_response();
        response
            .extensions_mut()
            .insert(crate::web::error::ErrorDetails { status: StatusCode::BAD_REQUEST, message: None });
        return response;
    }
    next.run(request).await
}

/// Renders the page for every error response, in the request's language:
/// handlers only say what went wrong.
pub async fn error_pages(request: Request, next: axum::middleware::Next) -> Response {
    let request_id = request.extensions().get::<limits::RequestId>().map(|r| r.0.clone()).unwrap_or_default();
    let (lang, area) = context::of_request(&request).map_or((Lang::Kk, Area::Public), |c| (c.lang, c.area));
    let response = next.run(request).await;
    // The API answers its errors in JSON itself.
    if area == Area::Api || response.extensions().get::<Area>() == Some(&Area::Api) {
        return response;
    }
    render_error(response, lang, &request_id)
}

fn render_error(response: Response, lang: Lang, request_id: &str) -> Response {
    let details = response.extensions().get::<crate::web::error::ErrorDetails>().cloned().or_else(|| {
        // Answers from the limit layers come without a page: give them one.
        let plain =
            response.headers().get(header::CONTENT_TYPE).is_none_or(|v| v.as_bytes().starts_with(b"text/plain"));
        let status = response.status();
        let limit = [StatusCode::PAYLOAD_TOO_LARGE, StatusCode::REQUEST_TIMEOUT, StatusCode::TOO_MANY_REQUESTS]
            .contains(&status)
            || status == StatusCode::SERVICE_UNAVAILABLE;
        (plain && limit).then_some(crate::web::error::ErrorDetails { status, message: None })
    });
    match details {
        Some(details) => details.render(lang, response, request_id),
        None => response,
    }
}
