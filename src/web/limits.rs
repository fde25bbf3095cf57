//! Protection against overload and abuse: a per-client rate limit for
//! public reads (off unless configured), load shedding above a number of
//! concurrent requests, and request ids that tie a log line to the page a
//! visitor saw.

use axum::{
    extract::{Request, State},
    http::{HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use std::time::Instant;

use tracing::Instrument;

use super::state::AppState;

/// Public reads over the configured rate get 429 with Retry-After.
pub async fn rate_limit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    match over_the_limit(&state, &request) {
        Some(refusal) => refusal,
        None => next.run(request).await,
    }
}

/// The 429 answer when this read is over its client's limit.
pub fn over_the_limit(state: &AppState, request: &Request) -> Option<Response> {
    let is_read = request.method() == Method::GET || request.method() == Method::HEAD;
    // Only reads of what is the same for everyone count: the route table
    // says which routes those are.
    let context = super::context::of_request(request)?;
    if is_read
        && context.area.is_shared()
        && let Some(client) = context.client_addr
        && let Err(wait) = state.rate_limiter.check(client)
    {
        let mut response = (StatusCode::TOO_MANY_REQUESTS, "Too many requests").into_response();
        response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(wait));
        return Some(response);
    }
    None
}

/// Requests beyond the concurrency limit are shed with 503.
pub async fn overloaded(_: tower::BoxError) -> Response {
    let mut response = (StatusCode::SERVICE_UNAVAILABLE, "Overloaded").into_response();
    response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
    response
}

#[derive(Clone, Debug)]
pub struct RequestId(pub String);

/// A random prefix per process and a counter: unique across instances and
/// restarts without a system call per request (ids need not be secret).
pub fn next_request_id() -> String {
    use std::sync::{
        OnceLock,
        atomic::{AtomicU64, Ordering},
    };
    static PREFIX: OnceLock<String> = OnceLock::new();
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let prefix = PREFIX.get_or_init(|| crate::passwords::random_token()[..8].to_owned());
    format!("{prefix}{:08x}", COUNTER.fetch_add(1, Ordering::Relaxed) & 0xffff_ffff)
}

/// Gives every request an id, logs one structured line per request with it,
/// and returns it in `X-Request-Id` (error pages show it too).
pub async fn request_id(mut request: Request, next: Next) -> Response {
    let id = next_request_id();
    request.extensions_mut().insert(RequestId(id.clone()));
    let (method, path) = (request.method().clone(), request.uri().path().to_owned());
    let span = tracing::info_span!("request", id = %id, %method, %path);
    let started = Instant::now();
    let mut response = next.run(request).instrument(span.clone()).await;
    let status = response.status().as_u16();
    span.in_scope(|| {
        let elapsed_ms = started.elapsed().as_millis() as u64;
        if status >= 500 {
            tracing::warn!(status, elapsed_ms, "served");
        } else {
            tracing::debug!(status, elapsed_ms, "served");
        }
    });
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert("x-request-id", value);
    }
    response
}
