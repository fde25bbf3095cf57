//! The page's language comes from its URL prefix (`/kk/…`, `/ru/…`, `/en/…`).
//! A path without one is redirected to the language the browser prefers, so
//! old and shared links keep working.

use axum::{
    extract::{FromRequestParts, OriginalUri},
    http::{HeaderValue, Uri, header, request::Parts},
    response::{IntoResponse, Redirect, Response},
};

use chrono::NaiveDate;

use super::{AppState, view::PageLocation};
use crate::{error::AppError, i18n::Lang};

/// Splits "/ru/amendments" into (Ru, "/amendments"); "/ru" gives (Ru, "/").
pub fn split_lang(path: &str) -> Option<(Lang, &str)> {
    let rest = path.strip_prefix('/')?;
    let (code, tail) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    Lang::from_code(code).map(|lang| (lang, tail))
}

fn full_uri(parts: &Parts) -> Uri {
    parts.extensions.get::<OriginalUri>().map_or_else(|| parts.uri.clone(), |o| o.0.clone())
}

/// The language the request asks for through Accept-Language, or the default.
pub fn preferred_lang(parts: &Parts, state: &AppState) -> Lang {
    let header = parts.headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
    Lang::negotiate(header, state.default_lang)
}

/// A redirect from a path without a language prefix to the same path with
/// the preferred one. It depends on Accept-Language, hence `Vary`.
pub fn redirect_to_preferred(parts: &Parts, state: &AppState) -> Response {
    let uri = full_uri(parts);
    let lang = preferred_lang(parts, state);
    let path = uri.path();
    let path = if path == "/" { "/" } else { path };
    let query = uri.query().map(|q| format!("?{q}")).unwrap_or_default();
    let mut response = Redirect::to(&format!("/{}{path}{query}", lang.code())).into_response();
    response.headers_mut().insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    response
}

impl FromRequestParts<AppState> for PageLocation {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let uri = full_uri(parts);
        match split_lang(uri.path()) {
            Some((lang, rest)) => {
                let query = uri.query().map(|q| format!("?{q}")).unwrap_or_default();
                let as_of = match as_of_param(uri.query()) {
                    Ok(as_of) => as_of,
                    Err(text) => {
                        let message = lang.ts("error-bad-as-of", "value", &text.chars().take(40).collect::<String>());
                        return Err(AppError::BadRequest(message).into_response());
                    }
                };
                Ok(PageLocation {
                    lang,
                    rest: format!("{rest}{query}"),
                    as_of,
                    origin: super::feeds::base_url(parts, state),
                })
            }
            None => Err(redirect_to_preferred(parts, state)),
        }
    }
}

/// The `as_of` query parameter: absent or empty is "now"; anything but a
/// real date in the form YYYY-MM-DD is refused.
fn as_of_param(query: Option<&str>) -> Result<Option<NaiveDate>, String> {
    let Some(query) = query else { return Ok(None) };
    let value = query.split('&').filter_map(|pair| pair.split_once('=')).find(|(k, _)| *k == "as_of").map(|(_, v)| v);
    match value {
        None | Some("") => Ok(None),
        Some(v) => crate::domain::input::parse_date(v).map(Some).map_err(|_| v.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_prefixes_are_split_from_the_path() {
        assert_eq!(split_lang("/ru/amendments/15"), Some((Lang::Ru, "/amendments/15")));
        assert_eq!(split_lang("/kk/"), Some((Lang::Kk, "/")));
        assert_eq!(split_lang("/en"), Some((Lang::En, "/")));
        assert_eq!(split_lang("/amendments"), None);
        assert_eq!(split_lang("/english/x"), None);
        assert_eq!(split_lang(""), None);
    }
}
