//! HTTP caching for public responses: a strong ETag from the body, the time
//! of the latest data change as Last-Modified, and `Cache-Control: public,
//! no-cache`, which lets browsers, nginx and CDNs keep a copy but makes them
//! revalidate it every time. A conditional GET with the current ETag gets
//! 304; the ETag changes as soon as the data (and so the page) changes, so a
//! write is visible on the next request through any instance or cache.

use axum::{
    body::Body,
    extract::{Request, State},
    http::{HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use sha2::{Digest, Sha256};

use super::AppState;

/// Larger bodies (none today) are passed through without an ETag.
const MAX_BUFFERED: usize = 32 * 1024 * 1024;

pub async fn conditional_get(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        return next.run(request).await;
    }
    let if_none_match = request.headers().get(header::IF_NONE_MATCH).cloned();
    let cache_control = if past_as_of(request.uri().query()) {
        // The tracker as it stood on a past day: cacheable for long.
        "public, max-age=31536000"
    } else {
        "public, no-cache"
    };
    let response = next.run(request).await;
    if response.status() != StatusCode::OK || response.headers().contains_key(header::CACHE_CONTROL) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BUFFERED).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "response too large").into_response();
    };
    let etag = format!("\"{}\"", &hex::encode(Sha256::digest(&bytes))[..32]);
    let etag = HeaderValue::from_str(&etag).expect("hex is a valid header value");
    parts.headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache_control));
    if let Ok(data) = state.storage.data_state().await
        && let Some(changed) = data.changed_at
        && let Ok(value) = HeaderValue::from_str(&changed.format("%a, %d %b %Y %H:%M:%S GMT").to_string())
    {
        parts.headers.insert(header::LAST_MODIFIED, value);
    }
    let matches = if_none_match.as_ref().and_then(|v| v.to_str().ok()).is_some_and(|v| {
        v.split(',')
            .any(|tag| tag.trim().trim_start_matches("W/") == etag.to_str().unwrap_or_default() || tag.trim() == "*")
    });
    parts.headers.insert(header::ETAG, etag);
    if matches {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, Body::from(bytes))
}

fn past_as_of(query: Option<&str>) -> bool {
    let today = chrono::Utc::now().date_naive();
    query
        .into_iter()
        .flat_map(|q| q.split('&'))
        .filter_map(|pair| pair.strip_prefix("as_of="))
        .filter_map(|value| crate::domain::input::parse_date(value).ok())
        .any(|date| date < today)
}
