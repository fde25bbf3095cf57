//! Static assets, embedded in the binary so it runs from any directory.

use axum::{
    Router,
    http::{HeaderValue, header},
    response::IntoResponse,
    routing::get,
};

use super::AppState;

const STYLESHEET: &str = include_str!("../../assets/style.css");

pub fn router() -> Router<AppState> {
    Router::new().route("/assets/style.css", get(stylesheet))
}

async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/css; charset=utf-8")),
            (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600")),
        ],
        STYLESHEET,
    )
}
