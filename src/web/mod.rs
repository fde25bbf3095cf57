//! HTTP: one router per feature, merged here.

mod admin;
pub mod api;
mod assets;
mod caching;
pub mod data;
pub mod feeds;
pub mod form;
mod limits;
mod locale;
mod page_cache;
mod pages;
mod paging;
pub mod view;

use askama::Template;
use axum::{
    Router,
    extract::{Request, State},
    http::{HeaderValue, Method, StatusCode, header},
    response::{Html, IntoResponse, Response},
    routing::get,
};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::{error::AppError, i18n::Lang, storage::Storage};

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
    pub trust_forwarded_for: bool,
    pub public_url: Option<String>,
    pub rate_limiter: limits::RateLimiter,
    pub request_timeout: std::time::Duration,
    pub max_concurrent_requests: usize,
    pub page_cache: page_cache::PageCache,
    pub server_timing: bool,
}

impl AppState {
    pub fn new(storage: Storage, config: &crate::config::Config) -> Self {
        Self(std::sync::Arc::new(Shared {
            storage,
            default_lang: config.default_lang,
            secure_cookies: config.is_https(),
            session_idle: chrono::Duration::from_std(config.session_idle).unwrap_or(chrono::Duration::hours(8)),
            trust_forwarded_for: config.trust_forwarded_for,
            public_url: config.public_url.clone(),
            rate_limiter: limits::RateLimiter::new(config.rate_limit_per_minute),
            request_timeout: config.request_timeout,
            max_concurrent_requests: config.max_concurrent_requests.max(1),
            page_cache: page_cache::PageCache::new(config.page_cache_bytes),
            server_timing: config.server_timing,
        }))
    }
}

/// Largest request body accepted: a pasted announcement or results CSV fits.
pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;

pub fn router(state: AppState) -> Router {
    let request_timeout = state.request_timeout;
    let max_concurrent = state.max_concurrent_requests;
    let hsts = state.secure_cookies;
    Router::new()
        .route("/healthz", get(healthz))
        .route("/robots.txt", get(robots))
        .route("/sitemap.xml", get(sitemap))
        .merge(assets::router())
        .merge(pages::router())
        .merge(admin::router())
        .merge(data::router())
        .merge(api::router())
        .merge(feeds::router())
        .fallback(fallback)
        .layer(axum::middleware::from_fn(same_origin_writes))
        .layer(axum::middleware::from_fn_with_state(state.clone(), limits::rate_limit))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, request_timeout))
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(axum::middleware::from_fn(refuse_nul))
        .layer(axum::middleware::from_fn_with_state(state.clone(), error_pages))
        .layer(
            tower::ServiceBuilder::new()
                .layer(axum::error_handling::HandleErrorLayer::new(limits::overloaded))
                .load_shed()
                .concurrency_limit(max_concurrent),
        )
        .layer(axum::middleware::from_fn(limits::request_id))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                 frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
            ),
        ))
        .layer(axum::middleware::map_response(move |mut response: Response| async move {
            if hsts {
                response.headers_mut().insert(
                    header::STRICT_TRANSPORT_SECURITY,
                    HeaderValue::from_static("max-age=31536000; includeSubDomains"),
                );
            }
            response
        }))
        // Outermost, so that a page served from the cache skips the layers
        // above, which only matter for rendering it (the profile showed
        // them costing more than serving the bytes).
        .layer(axum::middleware::from_fn_with_state(state.clone(), caching::conditional_get))
        .layer(axum::middleware::from_fn_with_state(state.clone(), server_timing))
        .with_state(state)
}

/// With `server_timing` on, counts the database round trips behind each
/// response and reports them as `Server-Timing: db;desc="N queries"`.
async fn server_timing(State(state): State<AppState>, request: Request, next: axum::middleware::Next) -> Response {
    if !state.server_timing {
        return next.run(request).await;
    }
    let (mut response, queries) = crate::storage::recording_queries(next.run(request)).await;
    if let Ok(value) = HeaderValue::from_str(&format!("db;desc=\"{} queries\"", queries.len())) {
        response.headers_mut().insert("server-timing", value);
    }
    response
}

/// Ready once the database answers.
async fn healthz(State(state): State<AppState>) -> Result<&'static str, AppError> {
    state.storage.ping().await?;
    Ok("ok")
}

async fn robots(State(state): State<AppState>, request: Request) -> Response {
    let (parts, _) = request.into_parts();
    let base = feeds::base_url(&parts, &state);
    let body = format!(
        "User-agent: *\nDisallow: /admin\nDisallow: /kk/admin\nDisallow: /ru/admin\nDisallow: /en/admin\nDisallow: /*?as_of=\n\nSitemap: {base}/sitemap.xml\n"
    );
    ([(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"))], body).into_response()
}

/// Every public page in every language, with its translations linked.
async fn sitemap(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, _) = request.into_parts();
    let base = feeds::base_url(&parts, &state);
    let storage = &state.storage;
    let mut paths: Vec<String> =
        ["/", "/amendments", "/announcements", "/timeline", "/council", "/results", "/changes", "/data"]
            .iter()
            .map(|p| (*p).to_owned())
            .collect();
    if let Some(referendum) = storage.current_referendum().await? {
        let today = chrono::Utc::now().date_naive();
        for a in storage.amendments(referendum.id, today, &Default::default()).await? {
            paths.push(format!("/amendments/{}", a.article));
        }
        for a in storage.announcements(referendum.id).await? {
            paths.push(format!("/announcements/{}", a.slug));
        }
    }
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for path in &paths {
        for lang in Lang::ALL {
            xml.push_str(&format!("<url><loc>{base}/{}{path}</loc>", lang.code()));
            for other in Lang::ALL {
                xml.push_str(&format!(
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{base}/{}{path}\"/>",
                    other.code(),
                    other.code()
                ));
            }
            xml.push_str("</url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    Ok(([(header::CONTENT_TYPE, HeaderValue::from_static("application/xml; charset=utf-8"))], xml).into_response())
}

/// Paths without a language prefix are redirected to the preferred language
/// (old links keep working); anything else that matched no route is a 404.
async fn fallback(State(state): State<AppState>, request: Request) -> Response {
    let (parts, _) = request.into_parts();
    let path = parts.uri.path();
    if path.starts_with("/api/") {
        return api::api_error(
            axum::http::StatusCode::NOT_FOUND,
            "not_found",
            "There is no such API path; see /api/openapi.json.",
        );
    }
    let bare = locale::split_lang(path).is_none() && !path.starts_with("/data/");
    if bare && (parts.method == Method::GET || parts.method == Method::HEAD) {
        return locale::redirect_to_preferred(&parts, &state);
    }
    AppError::NotFound(None).into_response()
}

/// Refuses state-changing requests that a browser marks as coming from
/// another site (Sec-Fetch-Site), or whose Origin is not this host. A form
/// on our own pages always passes; forms also carry a session-bound token.
async fn same_origin_writes(request: Request, next: axum::middleware::Next) -> Response {
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
        tracing::warn!(method = %request.method(), path = %request.uri().path(), "cross-site write refused");
        return AppError::Forbidden(None).into_response();
    }
    next.run(request).await
}

/// A NUL character in a path or query is never a real address, and
/// PostgreSQL refuses it in text: answer 400 before anything reads it.
async fn refuse_nul(request: Request, next: axum::middleware::Next) -> Response {
    let uri = request.uri();
    let has_nul = |text: &str| text.as_bytes().windows(3).any(|w| w.eq_ignore_ascii_case(b"%00"));
    // Search keeps only the words of a query, so odd characters there are
    // simply dropped: a visitor's search never ends on an error page.
    let searching = uri.path().ends_with("/search");
    if has_nul(uri.path()) || (!searching && uri.query().is_some_and(has_nul)) {
        let mut response = StatusCode::BAD_REQUEST.into_response();
        response.extensions_mut().insert(crate::error::ErrorDetails { status: StatusCode::BAD_REQUEST, message: None });
        return response;
    }
    next.run(request).await
}

/// Renders the page for every error response, in the request's language:
/// handlers only say what went wrong.
async fn error_pages(State(state): State<AppState>, request: Request, next: axum::middleware::Next) -> Response {
    let request_id = request.extensions().get::<limits::RequestId>().map(|r| r.0.clone()).unwrap_or_default();
    if request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    let lang = match locale::split_lang(request.uri().path()) {
        Some((lang, _)) => lang,
        None => {
            let (parts, body) = request.into_parts();
            let lang = locale::preferred_lang(&parts, &state);
            return render_error(next.run(Request::from_parts(parts, body)).await, lang, &request_id);
        }
    };
    render_error(next.run(request).await, lang, &request_id)
}

fn render_error(response: Response, lang: Lang, request_id: &str) -> Response {
    let details = response.extensions().get::<crate::error::ErrorDetails>().cloned().or_else(|| {
        // Answers from the limit layers come without a page: give them one.
        let plain =
            response.headers().get(header::CONTENT_TYPE).is_none_or(|v| v.as_bytes().starts_with(b"text/plain"));
        let status = response.status();
        let limit = [StatusCode::PAYLOAD_TOO_LARGE, StatusCode::REQUEST_TIMEOUT, StatusCode::TOO_MANY_REQUESTS]
            .contains(&status)
            || status == StatusCode::SERVICE_UNAVAILABLE;
        (plain && limit).then_some(crate::error::ErrorDetails { status, message: None })
    });
    match details {
        Some(details) => details.render(lang, response, request_id),
        None => response,
    }
}

/// The interface language of a path with a language prefix.
pub fn locale_of_path(path: &str) -> Option<Lang> {
    locale::split_lang(path).map(|(lang, _)| lang)
}

pub(crate) fn render(template: &impl Template) -> Result<Html<String>, AppError> {
    Ok(Html(template.render()?))
}
