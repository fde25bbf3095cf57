//! The public, read-only pages.

mod amendments;
mod announcement;
mod council;
mod overview;
mod timeline;

use axum::{Router, routing::get};
use chrono::{NaiveDate, Utc};

use super::AppState;
use crate::{
    error::AppError,
    storage::{DataState, ReferendumRow, Storage},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(overview::show))
        .route("/amendments", get(amendments::list))
        .route("/amendments/{article}", get(amendments::show))
        .route("/announcements", get(announcement::list))
        .route("/announcements/{slug}", get(announcement::show))
        .route("/timeline", get(timeline::show))
        .route("/council", get(council::show))
}

/// What nearly every page starts from: the referendum on show, the data
/// version and the date the page describes.
pub(super) struct Context {
    pub referendum: ReferendumRow,
    pub data: DataState,
    pub today: NaiveDate,
}

impl Context {
    pub async fn load(storage: &Storage) -> Result<Self, AppError> {
        let referendum = storage
            .current_referendum()
            .await?
            .ok_or_else(|| AppError::NotFound("No referendum has been recorded yet.".to_owned()))?;
        let data = storage.data_state().await?;
        Ok(Self { referendum, data, today: Utc::now().date_naive() })
    }
}
