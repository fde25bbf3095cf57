//! Links between an amendment and the statements that announced or
//! motivated it, made and removed at the amendment's version.

use std::collections::HashMap;

use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use serde::Deserialize;

use super::{
    amendments::{Posted, done, refused, render_page},
    form::FormState,
    session::{Admin, current_referendum, param},
};
use crate::{
    domain::input::{self, MAX_NOTE_CHARS},
    web::{error::AppError, form::AppForm, state::AppState},
};

#[derive(Debug, Deserialize)]
pub struct LinkForm {
    #[serde(default)]
    csrf_token: String,
    #[serde(default)]
    version: String,
    #[serde(default)]
    statement: String,
    #[serde(default)]
    note: String,
}

pub async fn link(
    State(state): State<AppState>,
    admin: Admin,
    Path(params): Path<HashMap<String, String>>,
    AppForm(form): AppForm<LinkForm>,
) -> Result<Response, AppError> {
    admin.check_csrf(&form.csrf_token)?;
    let lang = admin.at.lang;
    let article = param(&params, "article");
    let referendum = current_referendum(&state, lang).await?;
    let mut fs = FormState::default();
    fs.set("statement", form.statement.clone());
    fs.set("note", form.note.clone());
    let note =
        input::parse_text(&form.note, MAX_NOTE_CHARS, true).map_err(|e| fs.fail("note", lang.t(e.message_key())));
    if form.statement.trim().is_empty() {
        fs.fail("statement", lang.t("error-required"));
    }
    let version = form.version.trim().parse::<i64>().ok();
    if version.is_none() {
        fs.fail("version", lang.t("error-bad-form"));
    }
    let (Ok(Some(note)), Some(version)) =
        (note.map_err(|_| ()).and_then(|n| if fs.has_errors() { Err(()) } else { Ok(n) }), version)
    else {
        let page = render_page(&state, &admin, &article, Posted::Link(fs), false, None).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    match state
        .storage
        .link_statement(&admin.actor(), referendum.id, &article, version, form.statement.trim(), &note)
        .await
    {
        Ok(()) => Ok(done(&admin, &article, "link-saved")),
        Err(e) => refused(&state, &admin, &article, e, fs, Posted::Link).await,
    }
}

pub async fn unlink(
    State(state): State<AppState>,
    admin: Admin,
    Path(params): Path<HashMap<String, String>>,
    AppForm(form): AppForm<LinkForm>,
) -> Result<Response, AppError> {
    admin.check_csrf(&form.csrf_token)?;
    let article = param(&params, "article");
    let referendum = current_referendum(&state, admin.at.lang).await?;
    let Ok(version) = form.version.trim().parse::<i64>() else {
        return Err(AppError::BadRequest(admin.at.lang.t("error-bad-form")));
    };
    match state.storage.unlink_statement(&admin.actor(), referendum.id, &article, version, form.statement.trim()).await
    {
        Ok(()) => Ok(done(&admin, &article, "link-removed")),
        Err(e) => Err(AppError::from(e)),
    }
}
