//! The read-only JSON API under `/api/v1/`. Each handler carries its
//! OpenAPI description (`#[utoipa::path]`), and the router that serves the
//! handlers is the one that collects those descriptions, so the document at
//! `/api/openapi.json` cannot drift from what is served.

mod amendments;
mod common;
mod content;
mod texts;

pub use common::api_error;
use common::{ApiError, ApiErrorBody};

use std::sync::OnceLock;

use axum::{Json, Router, response::Response, routing::get};
use utoipa::OpenApi;
use utoipa_axum::{router::OpenApiRouter, routes};

use super::{
    area::Area,
    routes::{Route, RouteInfo, Verb},
    state::AppState,
};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "referendum-tracker API",
        description = "Read-only data of the tracker: the referendum, amendments with their status history and motivating statements, announcements, the timeline, the results, and the Constitution's official text with every version of each provision. Dates are ISO 8601.",
        version = "1"
    ),
    components(schemas(ApiError, ApiErrorBody))
)]
struct ApiDoc;

/// The API's router and its OpenAPI document, built together once.
fn parts() -> &'static (Router<AppState>, utoipa::openapi::OpenApi) {
    static PARTS: OnceLock<(Router<AppState>, utoipa::openapi::OpenApi)> = OnceLock::new();
    PARTS.get_or_init(|| {
        OpenApiRouter::with_openapi(ApiDoc::openapi())
            .routes(routes!(amendments::referendum))
            .routes(routes!(amendments::amendments))
            .routes(routes!(amendments::amendment))
            .routes(routes!(content::announcements))
            .routes(routes!(content::announcement))
            .routes(routes!(content::timeline))
            .routes(routes!(content::results_of_referendum))
            .routes(routes!(texts::constitution))
            .routes(routes!(texts::provision))
            .split_for_parts()
    })
}

/// Read-only use from other sites is welcome: any origin may GET.
pub fn cors() -> tower_http::cors::CorsLayer {
    use axum::http::Method;
    tower_http::cors::CorsLayer::new()
        .allow_origin(tower_http::cors::Any)
        .allow_methods([Method::GET, Method::HEAD, Method::OPTIONS])
        .max_age(std::time::Duration::from_secs(86_400))
}

pub fn router() -> Router<AppState> {
    parts().0.clone().route("/api/openapi.json", get(openapi)).layer(cors()).layer(axum::middleware::map_response(
        |mut response: Response| async move {
            response.extensions_mut().insert(Area::Api);
            response
        },
    ))
}

/// The API's routes for the route table: those of the OpenAPI document,
/// which is generated from the same router that serves them.
pub fn described_routes() -> Vec<RouteInfo> {
    openapi_document()
        .paths
        .paths
        .keys()
        .map(String::as_str)
        .chain(["/api/openapi.json"])
        .map(|path| Route::described(Area::Api, path, vec![Verb::Get]))
        .collect()
}

pub fn openapi_document() -> &'static utoipa::openapi::OpenApi {
    &parts().1
}

async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(openapi_document().clone())
}
