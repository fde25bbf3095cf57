//! Runtime configuration, from flags and environment.

use std::time::Duration;

use crate::{i18n::Lang, storage::PoolConfig};

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/tracker.db";
pub const DEFAULT_BIND: &str = "127.0.0.1:3000";

// The options every command accepts, from flags or the environment. No doc
// comment on the struct: clap would take it for the program's description.
#[derive(clap::Args)]
pub struct Options {
    /// Database URL: sqlite:PATH (created if missing) or postgres://…
    #[arg(long, env = "DATABASE_URL", default_value = DEFAULT_DATABASE_URL, global = true, hide_env_values = true)]
    pub database_url: String,

    /// Address the web server listens on.
    #[arg(long, env = "BIND_ADDR", default_value = DEFAULT_BIND, global = true)]
    pub bind: String,

    /// Interface language for visitors whose browser asks for none we have: kk, ru or en.
    #[arg(long, env = "DEFAULT_LANG", default_value = "kk", value_parser = parse_lang, global = true)]
    pub default_lang: Lang,

    /// The public address of the site; https makes the session cookie Secure.
    #[arg(long, env = "PUBLIC_URL", global = true)]
    pub public_url: Option<String>,

    /// Minutes without a request after which a session ends.
    #[arg(long, env = "SESSION_IDLE_MINUTES", default_value_t = 30, global = true)]
    pub session_idle_minutes: u64,

    /// Hours after sign-in after which a session ends, however active.
    #[arg(long, env = "SESSION_LIFETIME_HOURS", default_value_t = 12, global = true)]
    pub session_lifetime_hours: u64,

    /// Most database connections this instance opens.
    #[arg(long, env = "DB_MAX_CONNECTIONS", default_value_t = 8, global = true)]
    pub db_max_connections: u32,

    /// Seconds a request waits for a database connection before it gets 503.
    #[arg(long, env = "DB_ACQUIRE_TIMEOUT_SECS", default_value_t = 3, global = true)]
    pub db_acquire_timeout_secs: u64,

    /// Trust X-Forwarded-For from the reverse proxy for the client address.
    #[arg(long, env = "TRUST_FORWARDED_FOR", global = true, value_parser = clap::builder::BoolishValueParser::new(), num_args = 0..=1, default_missing_value = "true", default_value = "false")]
    pub trust_forwarded_for: bool,

    /// Public reads allowed per client address and minute (0: no limit).
    #[arg(long, env = "RATE_LIMIT_PER_MINUTE", default_value_t = 0, global = true)]
    pub rate_limit_per_minute: u32,

    /// Seconds after which a request still running gets 408.
    #[arg(long, env = "REQUEST_TIMEOUT_SECS", default_value_t = 30, global = true)]
    pub request_timeout_secs: u64,

    /// Requests served at once; more are answered 503 with Retry-After.
    #[arg(long, env = "MAX_CONCURRENT_REQUESTS", default_value_t = 512, global = true)]
    pub max_concurrent_requests: usize,

    /// Memory for rendered public pages, in MiB; 0 turns the page cache off.
    #[arg(long, env = "PAGE_CACHE_MIB", default_value_t = 32, global = true)]
    pub page_cache_mib: usize,

    /// Report each response's database round trips in a Server-Timing header.
    #[arg(long, env = "SERVER_TIMING", global = true)]
    pub server_timing: bool,
}

impl Options {
    /// The configuration `serve` runs with. A zero where zero makes no sense
    /// (an idle limit, a timeout, a pool or a request budget) is raised to
    /// one, so a typo cannot start a server that refuses everything.
    pub fn server_config(&self) -> Config {
        Config {
            default_lang: self.default_lang,
            public_url: self.public_url.clone(),
            session_idle: Duration::from_secs(self.session_idle_minutes.max(1) * 60),
            session_lifetime: Duration::from_secs(self.session_lifetime_hours.max(1) * 3600),
            trust_forwarded_for: self.trust_forwarded_for,
            rate_limit_per_minute: self.rate_limit_per_minute,
            request_timeout: Duration::from_secs(self.request_timeout_secs.max(1)),
            max_concurrent_requests: self.max_concurrent_requests.max(1),
            page_cache_bytes: self.page_cache_mib.saturating_mul(1024 * 1024),
            server_timing: self.server_timing,
            pool: PoolConfig {
                max_connections: self.db_max_connections.max(1),
                acquire_timeout: Duration::from_secs(self.db_acquire_timeout_secs.max(1)),
                ..PoolConfig::default()
            },
            ..Config::new(&self.bind, &self.database_url)
        }
    }

    /// The configuration a static export renders with: only what changes
    /// the pages themselves (language, public address); the limits and
    /// caches of a running server keep their defaults.
    pub fn export_config(&self) -> Config {
        Config {
            default_lang: self.default_lang,
            public_url: self.public_url.clone(),
            ..Config::new(&self.bind, &self.database_url)
        }
    }
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s).ok_or_else(|| format!("“{s}” is not an interface language; use kk, ru or en"))
}

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
    pub session_lifetime: Duration,
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
            session_idle: Duration::from_secs(30 * 60),
            session_lifetime: Duration::from_secs(12 * 3600),
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
            .field("session_lifetime", &self.session_lifetime)
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
