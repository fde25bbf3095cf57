//! HTTP caching for public responses: a strong ETag from the body, the time
//! of the latest data change as Last-Modified, and `Cache-Control: public,
//! no-cache`, which lets browsers, nginx and CDNs keep a copy but makes them
//! revalidate it every time. A conditional GET with the current ETag gets
//! 304; the ETag changes as soon as the data (and so the page) changes, so a
//! write is visible on the next request through any instance or cache.
//!
//! Rendered pages are also kept in memory ([`PageCache`]) and served again,
//! compressed if the client accepts it, for as long as the data version and
//! the day stay the same.

use axum::{
    body::Body,
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

use super::{
    limits,
    page_cache::{CachedPage, Encoding, PageCache},
    state::AppState,
};
use crate::storage::DataState;

/// Larger bodies (none today) are passed through without an ETag.
const MAX_BUFFERED: usize = 32 * 1024 * 1024;

pub async fn conditional_get(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let method = request.method().clone();
    if method != Method::GET && method != Method::HEAD {
        return next.run(request).await;
    }
    let today = chrono::Utc::now().date_naive();
    let if_none_match = request.headers().get(header::IF_NONE_MATCH).cloned();
    let encoding = Encoding::negotiate(request.headers().get(header::ACCEPT_ENCODING));
    let cache = &state.page_cache;
    // Without a language prefix, a response (a feed, say) may be in the
    // language the browser asks for: that goes into the key and into Vary.
    let Some(context) = super::context::of_request(&request) else { return next.run(request).await };
    let negotiated = !context.lang_in_path;
    // Only answers that are the same for everyone are kept; the route table
    // says which those are.
    let key = (cache.enabled() && context.area.is_shared())
        .then(|| {
            let path = request.uri().path_and_query().map_or("/", |p| p.as_str());
            let lang = if negotiated { context.lang.code() } else { "" };
            PageCache::key(request.headers().get(header::HOST), path, lang)
        })
        .flatten();
    // Read before rendering: a page is labelled with a version no newer
    // than the data it shows, so a write during rendering is never hidden.
    let mut data = match &key {
        Some(_) => cache.data_state(&state.storage).await.ok(),
        None => None,
    };
    if let (Some(key), Some(current)) = (&key, data)
        && let Some(page) = cache.get(key, current.version, today)
    {
        // This layer is outside the rate limit and the request ids.
        if limits::over_the_limit(&state, &request).is_some() {
            // The inner layers refuse it again, with the error page.
            return next.run(request).await;
        }
        let mut response = serve(&page, encoding, if_none_match.as_ref(), method == Method::HEAD);
        if let Ok(id) = HeaderValue::from_str(&limits::next_request_id()) {
            response.headers_mut().insert("x-request-id", id);
        }
        return response;
    }
    // A miss: render once while others missing the same page wait, then
    // look again (with the version read anew, since time has passed).
    let _turn = match (&key, data) {
        (Some(key), Some(_)) => {
            let turn = cache.render_turn(key).await;
            data = cache.data_state(&state.storage).await.ok();
            if let Some(current) = data
                && let Some(page) = cache.get(key, current.version, today)
            {
                return serve(&page, encoding, if_none_match.as_ref(), method == Method::HEAD);
            }
            Some(turn)
        }
        _ => None,
    };
    let cache_control = if past_as_of(request.uri().query(), today) {
        // The tracker as it stood on a past day: cacheable for long.
        "public, max-age=31536000"
    } else {
        "public, no-cache"
    };
    let slot = cache.render_slot().await;
    let response = next.run(request).await;
    drop(slot);
    if response.status() != StatusCode::OK || response.headers().contains_key(header::CACHE_CONTROL) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BUFFERED).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "response too large").into_response();
    };
    parts.headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache_control));
    if negotiated {
        parts.headers.insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    }
    let data = match data {
        Some(data) => Some(data),
        None => state.storage.data_state().await.ok(),
    };
    if let Some(value) = data.as_ref().and_then(last_modified) {
        parts.headers.insert(header::LAST_MODIFIED, value);
    }
    // The request id belongs to this response only, not to the page.
    let request_id = parts.headers.remove("x-request-id");
    let page = CachedPage::new(data.map_or(-1, |d| d.version), today, parts.headers, bytes);
    let mut response = serve(&page, encoding, if_none_match.as_ref(), false);
    if let Some(id) = request_id {
        response.headers_mut().insert("x-request-id", id);
    }
    let storable = method == Method::GET && !page.headers.contains_key(header::SET_COOKIE);
    if let (Some(key), Some(_), true) = (key, data, storable) {
        cache.insert(key, page);
    }
    response
}

/// Answers from a rendered page: 304 when the client's copy is current,
/// otherwise the body in the best encoding the client accepts.
fn serve(page: &CachedPage, encoding: Encoding, if_none_match: Option<&HeaderValue>, head: bool) -> Response {
    let (body, encoding) = match page.encoded(encoding) {
        Some(body) => (body, encoding),
        None => (page.body.clone(), Encoding::Identity),
    };
    let mut headers: HeaderMap = page.headers.clone();
    let etag = format!("\"{}{}\"", page.etag, encoding.etag_suffix());
    if page.is_compressible() {
        let vary = match headers.contains_key(header::VARY) {
            true => "Accept-Language, Accept-Encoding",
            false => "Accept-Encoding",
        };
        headers.insert(header::VARY, HeaderValue::from_static(vary));
    }
    if let Some(value) = encoding.header_value() {
        headers.insert(header::CONTENT_ENCODING, value);
    }
    headers.remove(header::CONTENT_LENGTH);
    let fresh = if_none_match.and_then(|v| v.to_str().ok()).is_some_and(|v| {
        v.split(',').any(|tag| {
            let tag = tag.trim().trim_start_matches("W/");
            tag == etag || tag == "*"
        })
    });
    headers.insert(header::ETAG, HeaderValue::from_str(&etag).expect("hex is a valid header value"));
    let (status, body) = if fresh {
        (StatusCode::NOT_MODIFIED, Body::empty())
    } else if head {
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
        (StatusCode::OK, Body::empty())
    } else {
        (StatusCode::OK, Body::from(body))
    };
    let mut response = Response::new(body);
    *response.status_mut() = status;
    *response.headers_mut() = headers;
    response
}

fn last_modified(data: &DataState) -> Option<HeaderValue> {
    let changed = data.changed_at?;
    HeaderValue::from_str(&changed.format("%a, %d %b %Y %H:%M:%S GMT").to_string()).ok()
}

fn past_as_of(query: Option<&str>, today: chrono::NaiveDate) -> bool {
    query
        .into_iter()
        .flat_map(|q| q.split('&'))
        .filter_map(|pair| pair.strip_prefix("as_of="))
        .filter_map(|value| crate::domain::input::parse_date(value).ok())
        .any(|date| date < today)
}
