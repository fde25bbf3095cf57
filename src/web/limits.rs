//! Protection against overload and abuse: a per-client rate limit for
//! public reads (off unless configured), load shedding above a number of
//! concurrent requests, and request ids that tie a log line to the page a
//! visitor saw.

use std::{
    collections::HashMap,
    net::{IpAddr, SocketAddr},
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use axum::{
    extract::{ConnectInfo, Request, State},
    http::{HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use tracing::Instrument;

use super::AppState;

/// Fixed one-minute windows per client address.
#[derive(Clone, Default)]
pub struct RateLimiter {
    per_minute: u32,
    windows: Arc<Mutex<HashMap<IpAddr, (Instant, u32)>>>,
}

impl RateLimiter {
    pub fn new(per_minute: u32) -> Self {
        Self { per_minute, windows: Arc::default() }
    }

    /// `Err(seconds)` to wait when the client is over its limit.
    fn check(&self, client: IpAddr) -> Result<(), u64> {
        if self.per_minute == 0 {
            return Ok(());
        }
        let now = Instant::now();
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        if windows.len() > 100_000 {
            windows.retain(|_, (start, _)| now.duration_since(*start) < Duration::from_secs(60));
        }
        let (start, count) = windows.entry(client).or_insert((now, 0));
        if now.duration_since(*start) >= Duration::from_secs(60) {
            *start = now;
            *count = 0;
        }
        *count += 1;
        if *count > self.per_minute {
            Err(60u64.saturating_sub(now.duration_since(*start).as_secs()).max(1))
        } else {
            Ok(())
        }
    }
}

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
    let path = request.uri().path();
    let exempt = path == "/healthz" || path.contains("/admin");
    if is_read && !exempt {
        let client = request.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
        if let Some(client) = client
            && let Err(wait) = state.rate_limiter.check(client)
        {
            let mut response = (StatusCode::TOO_MANY_REQUESTS, "Too many requests").into_response();
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(wait));
            return Some(response);
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rate_limit_counts_per_client_and_is_off_at_zero() {
        let limiter = RateLimiter::new(2);
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        let b: IpAddr = "10.0.0.2".parse().unwrap();
        assert!(limiter.check(a).is_ok() && limiter.check(a).is_ok());
        assert!(limiter.check(a).is_err());
        assert!(limiter.check(b).is_ok());
        let off = RateLimiter::new(0);
        assert!((0..1000).all(|_| off.check(a).is_ok()));
    }
}
