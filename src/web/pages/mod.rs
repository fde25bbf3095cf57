//! The public, read-only pages.

mod amendments;
mod announcement;
mod changes;
mod council;
mod open_data;
mod overview;
mod results;
mod search;
mod timeline;

use axum::{
    Router,
    extract::{Request, State},
    response::{IntoResponse, Redirect, Response},
    routing::get,
};
use chrono::{NaiveDate, Utc};

use super::{AppState, locale, view::PageLocation};
use crate::{
    error::AppError,
    storage::{DataState, ReferendumRow, Storage},
};

/// Every public page exists once per language, under `/{lang}/…`; the
/// handlers read the language from the path through `PageLocation`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/{lang}", get(language_root))
        .route("/{lang}/", get(overview::show))
        .route("/{lang}/amendments", get(amendments::list))
        .route("/{lang}/amendments/{article}", get(amendments::show))
        .route("/{lang}/announcements", get(announcement::list))
        .route("/{lang}/announcements/{slug}", get(announcement::show))
        .route("/{lang}/timeline", get(timeline::show))
        .route("/{lang}/council", get(council::show))
        .route("/{lang}/changes", get(changes::show))
        .route("/{lang}/results", get(results::show))
        .route("/{lang}/data", get(open_data::show))
        .route("/{lang}/search", get(search::show))
}

/// `/kk` becomes `/kk/`; a one-segment path without a language (`/timeline`)
/// goes to the preferred language.
async fn language_root(State(state): State<AppState>, request: Request) -> Response {
    let (parts, _) = request.into_parts();
    match locale::split_lang(parts.uri.path()) {
        Some((lang, _)) => Redirect::permanent(&format!("/{}/", lang.code())).into_response(),
        None => locale::redirect_to_preferred(&parts, &state),
    }
}

/// What nearly every page starts from: the referendum on show, the data
/// version and the date the page describes.
pub(super) struct Context {
    pub referendum: ReferendumRow,
    pub data: DataState,
    /// The day the page describes: today, or the `as_of` date.
    pub as_of: NaiveDate,
    /// True for a page about a past date (`as_of`).
    pub historical: bool,
}

impl Context {
    /// Loads the referendum on show and checks the page's date: not after
    /// today, not before the first recorded event.
    pub async fn load(storage: &Storage, at: &PageLocation) -> Result<Self, AppError> {
        let lang = at.lang;
        let referendum =
            storage.current_referendum().await?.ok_or_else(|| AppError::NotFound(Some(lang.t("no-referendum"))))?;
        let data = storage.data_state().await?;
        let today = Utc::now().date_naive();
        if let Some(as_of) = at.as_of {
            if as_of > today {
                return Err(AppError::BadRequest(lang.ts("error-as-of-future", "today", &lang.date(today))));
            }
            if let Some(first) = storage.first_event_date(referendum.id).await?
                && as_of < first
            {
                return Err(AppError::BadRequest(lang.ts("error-as-of-too-early", "first", &lang.date(first))));
            }
        }
        Ok(Self { referendum, data, as_of: at.as_of.unwrap_or(today), historical: at.as_of.is_some() })
    }

    /// The last date whose events the page may show: on a page about a past
    /// date, nothing after it; otherwise scheduled events too.
    pub fn horizon(&self) -> NaiveDate {
        if self.historical { self.as_of } else { crate::storage::end_of_time() }
    }
}
