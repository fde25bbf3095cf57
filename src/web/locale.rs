//! The page's language comes from its URL prefix (`/kk/…`, `/ru/…`, `/en/…`).
//! A path without one is redirected to the language the browser prefers, so
//! old and shared links keep working.

use axum::{
    extract::{FromRequestParts, OriginalUri},
    http::{HeaderValue, Uri, header, request::Parts},
    response::{IntoResponse, Redirect, Response},
};

use super::{context::RequestContext, state::AppState, view::PageLocation};
use crate::{domain::as_of::AsOfError, i18n::Lang, web::error::AppError};

fn full_uri(parts: &Parts) -> Uri {
    parts.extensions.get::<OriginalUri>().map_or_else(|| parts.uri.clone(), |o| o.0.clone())
}

/// A redirect from a path without a language prefix to the same path with
/// the preferred one. It depends on Accept-Language, hence `Vary`.
pub fn redirect_to_preferred(parts: &Parts, context: &RequestContext) -> Response {
    let uri = full_uri(parts);
    let path = uri.path();
    let query = uri.query().map(|q| format!("?{q}")).unwrap_or_default();
    let mut response = Redirect::to(&format!("/{}{path}{query}", context.lang.code())).into_response();
    response.headers_mut().insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    response
}

impl FromRequestParts<AppState> for PageLocation {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let Ok(context) = RequestContext::from_request_parts(parts, state).await;
        let uri = full_uri(parts);
        let Some((lang, rest)) = Lang::split_path(uri.path()) else {
            return Err(redirect_to_preferred(parts, &context));
        };
        let as_of = context.as_of.map_err(|error| as_of_refusal(&error, lang).into_response())?;
        let query = uri.query().map(|q| format!("?{q}")).unwrap_or_default();
        Ok(PageLocation { lang, rest: format!("{rest}{query}"), as_of, origin: context.origin })
    }
}

/// How a page says that its `as_of` date is refused.
pub fn as_of_refusal(error: &AsOfError, lang: Lang) -> AppError {
    AppError::BadRequest(match error {
        AsOfError::Malformed(value) => lang.ts("error-bad-as-of", "value", value),
        AsOfError::Future { today } => lang.ts("error-as-of-future", "today", &lang.date(*today)),
        AsOfError::BeforeFirst { first } => lang.ts("error-as-of-too-early", "first", &lang.date(*first)),
    })
}
