//! HTTP: the route table and the middleware stack, assembled here. This
//! file only assembles: what the parts share lives in `state`, `context`,
//! `error` and `view`, so no part imports this file back.

mod admin;
pub mod akn;
pub mod api;
pub mod area;
mod assets;
mod body;
mod caching;
pub mod context;
pub mod data;
pub mod error;
pub mod feeds;
pub mod form;
mod json_ld;
mod limits;
mod locale;
mod middleware;
mod page_cache;
mod pages;
mod paging;
mod rate_limiter;
mod render;
pub mod routes;
mod service;
mod state;
pub mod view;

use axum::{
    Router,
    http::{HeaderValue, StatusCode, header},
};
use tower_http::set_header::SetResponseHeaderLayer;

pub use state::{AppState, MAX_BODY_BYTES};

use crate::storage::Storage;
use area::RouteKnowledge;
use routes::{Route, RouteInfo};

/// Public routes that other sites may read from their pages (CORS).
fn shared_routes() -> Vec<Route> {
    feeds::routes().into_iter().chain(data::routes()).chain(akn::routes()).collect()
}

/// Every route the site answers, as the router serves it.
pub fn route_table() -> Vec<RouteInfo> {
    [service::routes(), pages::routes(), assets::routes(), shared_routes(), admin::routes()]
        .into_iter()
        .flatten()
        .map(|route| route.info)
        .chain(api::described_routes())
        .collect()
}

/// The state the router serves with, for `storage` under `config`.
pub fn app_state(storage: Storage, config: &crate::config::Config) -> AppState {
    AppState::new(storage, config, route_areas())
}

fn route_areas() -> matchit::Router<RouteKnowledge> {
    let mut areas = matchit::Router::new();
    for route in route_table() {
        // The table's patterns are the router's, which axum accepted.
        let _ = areas.insert(route.path, RouteKnowledge { area: route.area, query: route.query });
    }
    areas
}

pub fn router(state: AppState) -> Router {
    let request_timeout = state.request_timeout;
    let max_concurrent = state.max_concurrent_requests;
    let hsts = state.secure_cookies;
    let public = routes::build(pages::routes().into_iter().chain(assets::routes()).collect())
        .merge(routes::build(shared_routes()).layer(api::cors()));
    let admin = routes::build(admin::routes()).layer(axum::middleware::map_response(admin::no_store));
    // The layers, innermost first: each wraps everything above it, so a
    // request meets them from the bottom of this list up.
    Router::new()
        .merge(routes::build(service::routes()))
        .merge(public)
        .merge(admin)
        .merge(api::router())
        .fallback(service::fallback)
        // Cross-site form posts are refused before any handler runs.
        .layer(axum::middleware::from_fn(middleware::same_origin_writes))
        // Public reads over the per-client limit stop here, before work.
        .layer(axum::middleware::from_fn_with_state(state.clone(), limits::rate_limit))
        // A request that runs too long is answered 408, and its work dropped.
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, request_timeout))
        // Bodies over the limit are refused (413), declared ones before any
        // handler runs; the rest of the body is drained so the client reads
        // the answer.
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(axum::middleware::from_fn(body::limit))
        // A NUL in the path or query is never a real address (400).
        .layer(axum::middleware::from_fn(middleware::refuse_nul))
        // Every error answer gets its page, in the request's language.
        .layer(axum::middleware::from_fn(middleware::error_pages))
        // Beyond the concurrency limit, requests are shed with 503 rather
        // than queued without bound.
        .layer(
            tower::ServiceBuilder::new()
                .layer(axum::error_handling::HandleErrorLayer::new(limits::overloaded))
                .load_shed()
                .concurrency_limit(max_concurrent),
        )
        // Every answer names its request, for the logs and error pages.
        .layer(axum::middleware::from_fn(limits::request_id))
        // Security headers on every answer, error pages included.
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
        // HSTS only where the site is served over https.
        .layer(tower::util::option_layer(hsts.then(|| {
            SetResponseHeaderLayer::overriding(
                header::STRICT_TRANSPORT_SECURITY,
                HeaderValue::from_static("max-age=31536000; includeSubDomains"),
            )
        })))
        // Near the outside, so that a page served from the cache skips the
        // layers above, which only matter for rendering it (the profile
        // showed them costing more than serving the bytes).
        .layer(axum::middleware::from_fn_with_state(state.clone(), caching::conditional_get))
        // The request context, which everything above reads, is worked out
        // once, first.
        .layer(axum::middleware::from_fn_with_state(state.clone(), context::attach))
        // Only when configured: the database round trips behind an answer.
        .layer(tower::util::option_layer(
            state.server_timing.then(|| axum::middleware::from_fn(middleware::server_timing)),
        ))
        .with_state(state)
}
