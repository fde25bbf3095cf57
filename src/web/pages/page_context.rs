//! What nearly every public page starts from, and the language root.

use axum::{
    extract::Request,
    response::{IntoResponse, Redirect, Response},
};
use chrono::{NaiveDate, Utc};

use crate::web::{context::RequestContext, locale, view::PageLocation};
use crate::{
    domain::as_of,
    i18n::Lang,
    storage::{DataState, Storage, referendums::ReferendumRow},
    web::error::AppError,
};

/// `/kk` becomes `/kk/`; a one-segment path without a language (`/timeline`)
/// goes to the preferred language.
pub(super) async fn language_root(context: RequestContext, request: Request) -> Response {
    let (parts, _) = request.into_parts();
    match Lang::split_path(parts.uri.path()) {
        Some((lang, _)) => Redirect::permanent(&format!("/{}/", lang.code())).into_response(),
        None => locale::redirect_to_preferred(&parts, &context),
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
    /// Loads the referendum on show and checks the page's date (already known
    /// not to be after today): not before the first recorded event.
    pub async fn load(storage: &Storage, at: &PageLocation) -> Result<Self, AppError> {
        let lang = at.lang;
        let referendum =
            storage.current_referendum().await?.ok_or_else(|| AppError::NotFound(Some(lang.t("no-referendum"))))?;
        let data = storage.data_state().await?;
        let today = Utc::now().date_naive();
        if let Some(as_of) = at.as_of {
            let first = storage.first_event_date(referendum.id).await?;
            as_of::check_first(as_of, first).map_err(|e| locale::as_of_refusal(&e, lang))?;
        }
        Ok(Self { referendum, data, as_of: at.as_of.unwrap_or(today), historical: at.as_of.is_some() })
    }

    /// The last date whose events the page may show: on a page about a past
    /// date, nothing after it; otherwise scheduled events too.
    pub fn horizon(&self) -> NaiveDate {
        if self.historical { self.as_of } else { crate::storage::end_of_time() }
    }
}
