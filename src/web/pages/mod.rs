//! The public, read-only pages.

mod amendments;
mod announcement;
mod changes;
mod council;
mod overview;
mod timeline;

use axum::{
    Router,
    extract::{Request, State},
    response::{IntoResponse, Redirect, Response},
    routing::get,
};
use chrono::{NaiveDate, Utc};

use super::{AppState, locale};
use crate::{
    error::AppError,
    i18n::Lang,
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
    pub today: NaiveDate,
}

impl Context {
    pub async fn load(storage: &Storage, lang: Lang) -> Result<Self, AppError> {
        let referendum =
            storage.current_referendum().await?.ok_or_else(|| AppError::NotFound(Some(lang.t("no-referendum"))))?;
        let data = storage.data_state().await?;
        Ok(Self { referendum, data, today: Utc::now().date_naive() })
    }
}
