//! Static assets, embedded in the binary so it runs from any directory.

use axum::{
    http::{HeaderValue, header},
    response::IntoResponse,
};

use super::{area::Area, routes::Route};

const STYLESHEET: &str = include_str!("../../assets/style.css");

pub fn routes() -> Vec<Route> {
    vec![Route::get(Area::Public, "/assets/style.css", stylesheet)]
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
