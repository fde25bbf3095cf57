//! The routes that are not pages: health, robots.txt, the sitemap, and what
//! answers a path that matched nothing.

use axum::{
    extract::{Request, State},
    http::{HeaderValue, Method, header},
    response::{IntoResponse, Response},
};

use super::{api, area::Area, context::RequestContext, error::AppError, locale, routes::Route, state::AppState};
use crate::i18n::Lang;

pub fn routes() -> Vec<Route> {
    vec![
        Route::get(Area::Health, "/healthz", healthz),
        Route::get(Area::Service, "/robots.txt", robots),
        Route::get(Area::Service, "/sitemap.xml", sitemap),
    ]
}

/// Ready once the database answers.
async fn healthz(State(state): State<AppState>) -> Result<&'static str, AppError> {
    state.storage.ping().await?;
    Ok("ok")
}

async fn robots(context: RequestContext) -> Response {
    let base = context.origin;
    let body = format!(
        "User-agent: *\nDisallow: /admin\nDisallow: /kk/admin\nDisallow: /ru/admin\nDisallow: /en/admin\nDisallow: /*?as_of=\n\nSitemap: {base}/sitemap.xml\n"
    );
    ([(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"))], body).into_response()
}

/// Every public page in every language, with its translations linked.
async fn sitemap(State(state): State<AppState>, context: RequestContext) -> Result<Response, AppError> {
    let base = context.origin;
    let storage = &state.storage;
    let mut paths: Vec<String> = [
        "/",
        "/amendments",
        "/announcements",
        "/timeline",
        "/council",
        "/results",
        "/changes",
        "/data",
        "/constitution",
        "/constitution/1995",
    ]
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
pub async fn fallback(context: RequestContext, request: Request) -> Response {
    let (parts, _) = request.into_parts();
    let path = parts.uri.path();
    if path.starts_with("/api/") {
        return api::api_error(
            axum::http::StatusCode::NOT_FOUND,
            "not_found",
            "There is no such API path; see /api/openapi.json.",
        );
    }
    let bare = Lang::split_path(path).is_none() && !path.starts_with("/data/");
    if bare && (parts.method == Method::GET || parts.method == Method::HEAD) {
        return locale::redirect_to_preferred(&parts, &context);
    }
    AppError::NotFound(None).into_response()
}
