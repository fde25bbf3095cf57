//! Runtime configuration, from flags and environment.

use std::time::Duration;

use crate::{i18n::Lang, storage::PoolConfig};

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/tracker.db";
pub const DEFAULT_BIND: &str = "127.0.0.1:3000";

#[derive(Clone)]
pub struct Config {
    pub bind: String,
    pub database_url: String,
    pub pool: PoolConfig,
    /// How long shutdown waits for requests in flight.
    pub shutdown_grace: Duration,
    /// The language for visitors whose browser asks for none we have.
    pub default_lang: Lang,
    /// The address the public reaches the site at; an https URL makes the
    /// session cookie Secure and turns on HSTS.
    pub public_url: Option<String>,
    /// A session ends after this long without a request.
    pub session_idle: Duration,
    /// Take the client address from X-Forwarded-For (set by our own proxy,
    /// e.g. nginx); off by default, since a client could forge it.
    pub trust_forwarded_for: bool,
    /// Public reads allowed per client address and minute; 0 turns it off.
    pub rate_limit_per_minute: u32,
    /// A request still running after this gets 408.
    pub request_timeout: Duration,
    /// Requests beyond this many at once are shed with 503.
    pub max_concurrent_requests: usize,
    /// Memory for rendered public pages; 0 turns the page cache off.
    pub page_cache_bytes: usize,
    /// Tell clients, in a Server-Timing header, how many database round
    /// trips each response took (for profiling and tests).
    pub server_timing: bool,
}

impl Config {
    pub fn new(bind: impl Into<String>, database_url: impl Into<String>) -> Self {
        Self {
            bind: bind.into(),
            database_url: database_url.into(),
            pool: PoolConfig::default(),
            shutdown_grace: Duration::from_secs(10),
            default_lang: Lang::Kk,
            public_url: None,
            session_idle: Duration::from_secs(8 * 3600),
            trust_forwarded_for: false,
            rate_limit_per_minute: 0,
            request_timeout: Duration::from_secs(30),
            max_concurrent_requests: 512,
            page_cache_bytes: 32 * 1024 * 1024,
            server_timing: false,
        }
    }

    pub fn is_https(&self) -> bool {
        self.public_url.as_deref().is_some_and(|u| u.starts_with("https://"))
    }
}

/// The database URL may carry a password: show only its scheme and host.
impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("bind", &self.bind)
            .field("database_url", &redact_url(&self.database_url))
            .field("pool", &self.pool)
            .field("shutdown_grace", &self.shutdown_grace)
            .field("default_lang", &self.default_lang)
            .field("public_url", &self.public_url)
            .field("session_idle", &self.session_idle)
            .finish()
    }
}

pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => format!("{}://***@{}", &url[..scheme_end], &url[at + 1..]),
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn passwords_in_database_urls_are_redacted() {
        assert_eq!(super::redact_url("postgres://app:s3cret@db:5432/x"), "postgres://***@db:5432/x");
        assert_eq!(super::redact_url("sqlite://data/tracker.db"), "sqlite://data/tracker.db");
    }
}
