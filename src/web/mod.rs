//! HTTP: one router per feature, merged here.

mod assets;
mod pages;
pub mod view;

use askama::Template;
use axum::{
    Router,
    http::{HeaderValue, header},
    response::Html,
    routing::get,
};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::{error::AppError, storage::Storage};

#[derive(Clone)]
pub struct AppState {
    pub storage: Storage,
}

impl AppState {
    pub fn new(storage: Storage) -> Self {
        Self { storage }
    }
}

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .merge(assets::router())
        .merge(pages::router())
        .fallback(not_found)
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
        .with_state(state)
}

/// Ready once the database answers.
async fn healthz(axum::extract::State(state): axum::extract::State<AppState>) -> Result<&'static str, AppError> {
    state.storage.ping().await?;
    Ok("ok")
}

async fn not_found() -> AppError {
    AppError::NotFound("There is no page at this address. The links below lead back into the tracker.".to_owned())
}

pub(crate) fn render(template: &impl Template) -> Result<Html<String>, AppError> {
    Ok(Html(template.render()?))
}
