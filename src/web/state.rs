//! What every handler shares.

use crate::{i18n::Lang, storage::Storage};

use super::{area::RouteKnowledge, page_cache, rate_limiter::RateLimiter};

/// What every handler shares; cloned per middleware and request, so it is
/// one reference-counted pointer (the profile showed copying the fields).
#[derive(Clone)]
pub struct AppState(std::sync::Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

pub struct Shared {
    pub storage: Storage,
    /// The language for visitors whose browser states no supported one.
    pub default_lang: Lang,
    pub secure_cookies: bool,
    pub session_idle: chrono::Duration,
    /// However active, a session ends this long after sign-in.
    pub session_lifetime: chrono::Duration,
    /// Permits for password checks (argon2), a few at a time.
    pub password_checks: tokio::sync::Semaphore,
    pub trust_forwarded_for: bool,
    pub public_url: Option<String>,
    pub rate_limiter: RateLimiter,
    pub request_timeout: std::time::Duration,
    pub max_concurrent_requests: usize,
    pub page_cache: page_cache::PageCache,
    pub server_timing: bool,
    /// The route table's patterns with their areas, so that the request
    /// context knows a request's area before routing (the same matcher axum
    /// routes with).
    pub areas: matchit::Router<RouteKnowledge>,
}

impl AppState {
    /// `areas` is the route table's patterns with their areas, from
    /// `web::app_state`, which knows the table.
    pub fn new(storage: Storage, config: &crate::config::Config, areas: matchit::Router<RouteKnowledge>) -> Self {
        Self(std::sync::Arc::new(Shared {
            storage,
            default_lang: config.default_lang,
            secure_cookies: config.is_https(),
            session_idle: chrono::Duration::from_std(config.session_idle).unwrap_or(chrono::Duration::minutes(30)),
            session_lifetime: chrono::Duration::from_std(config.session_lifetime)
                .unwrap_or(chrono::Duration::hours(12)),
            password_checks: tokio::sync::Semaphore::new(PASSWORD_CHECKS),
            trust_forwarded_for: config.trust_forwarded_for,
            public_url: config.public_url.clone(),
            rate_limiter: RateLimiter::new(config.rate_limit_per_minute),
            request_timeout: config.request_timeout,
            max_concurrent_requests: config.max_concurrent_requests.max(1),
            page_cache: page_cache::PageCache::new(config.page_cache_bytes),
            server_timing: config.server_timing,
            areas,
        }))
    }
}

/// Password checks running at once on an instance: one argon2 check takes
/// about 40 ms of CPU and 19 MiB here, so a few keep memory flat under a
/// flood of sign-ins.
pub const PASSWORD_CHECKS: usize = 2;

/// Largest request body accepted: a pasted announcement or results CSV fits.
pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;
