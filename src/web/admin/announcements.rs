//! Importing an announcement: paste a document in the seed format, see how
//! it parses, then save it.

use std::collections::HashMap;

use askama::Template;
use axum::{
    extract::State,
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
};

use super::{
    form::{FormState, rejection_field},
    layout::{AdminLayout, AdminNav},
    session::{Admin, current_referendum},
};
use crate::{
    domain::{
        announcement::{self, ParsedAnnouncement},
        input::{self, MAX_NOTE_CHARS, MAX_TITLE_CHARS},
        slug::slugify,
    },
    storage::{WriteError, announcements::AnnouncementMeta},
    web::error::AppError,
    web::{form::AppForm, render::render, state::AppState},
};

#[derive(Template)]
#[template(path = "admin/import.html")]
struct ImportPage {
    layout: AdminLayout,
    form: FormState,
    preview: Option<ParsedAnnouncement>,
}

pub async fn import_form(admin: Admin) -> Result<Html<String>, AppError> {
    let page = ImportPage {
        layout: AdminLayout::new(&admin, admin.at.lang.t("admin-import"), AdminNav::Import, None),
        form: FormState::default(),
        preview: None,
    };
    render(&page)
}

pub async fn import(
    State(state): State<AppState>,
    admin: Admin,
    AppForm(fields): AppForm<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let field = |name: &str| fields.get(name).cloned().unwrap_or_default();
    admin.check_csrf(&field("csrf_token"))?;
    let lang = admin.at.lang;
    let mut form = FormState::default();
    for name in ["document", "slug", "event", "announced_on", "speaker", "venue", "source_note"] {
        form.values.insert(name, field(name));
    }
    let parsed = announcement::parse(&field("document"))
        .map_err(|e| form.errors.insert("document", lang.ts("error-document", "detail", &e.to_string())))
        .ok();
    let mut fail = |name: &'static str, e: input::InputError| {
        form.errors.entry(name).or_insert(lang.t(e.message_key()));
    };
    let date = input::parse_date(&field("announced_on")).map_err(|e| fail("announced_on", e)).ok();
    let text = |name: &'static str, max: usize, fail: &mut dyn FnMut(&'static str, input::InputError)| {
        input::parse_text(&field(name), max, true).map_err(|e| fail(name, e)).ok().flatten()
    };
    let event = text("event", MAX_TITLE_CHARS, &mut fail);
    let speaker = text("speaker", MAX_TITLE_CHARS, &mut fail);
    let venue = text("venue", MAX_TITLE_CHARS, &mut fail);
    let source_note = text("source_note", MAX_NOTE_CHARS, &mut fail);
    let slug = slugify(&field("slug"));
    if slug.is_empty() {
        form.errors.entry("slug").or_insert(lang.t("error-required"));
    }
    let save = ImportAction::of(&field("action")) == ImportAction::Save;
    let status = if form.has_errors() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    match (save && !form.has_errors(), parsed, date, event, speaker, venue, source_note) {
        (true, Some(parsed), Some(announced_on), Some(event), Some(speaker), Some(venue), Some(source_note)) => {
            let referendum = current_referendum(&state, lang).await?;
            let meta = AnnouncementMeta { slug: slug.clone(), event, announced_on, speaker, venue, source_note };
            match state
                .storage
                .import_announcement(&admin.actor(), referendum.id, &meta, &parsed, &field("document"))
                .await
            {
                Ok(_) => Ok(Redirect::to(&format!("{}/announcements/{slug}", admin.at.base)).into_response()),
                Err(WriteError::Rejected(rejection)) => {
                    let (field, message) = rejection_field(&rejection, lang);
                    form.errors.insert(field, message);
                    let page = ImportPage {
                        layout: AdminLayout::new(&admin, lang.t("admin-import"), AdminNav::Import, None),
                        form,
                        preview: Some(parsed),
                    };
                    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
                }
                Err(e) => Err(AppError::from(e)),
            }
        }
        (_, parsed, ..) => {
            let page = ImportPage {
                layout: AdminLayout::new(&admin, lang.t("admin-import"), AdminNav::Import, None),
                form,
                preview: parsed,
            };
            Ok((status, render(&page)?).into_response())
        }
    }
}

/// The import form's two buttons: look at the parsed document first, then
/// save it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ImportAction {
    Preview,
    Save,
}

impl ImportAction {
    /// Anything but "save" only previews: nothing is stored by mistake.
    fn of(value: &str) -> Self {
        match value {
            "save" => ImportAction::Save,
            _ => ImportAction::Preview,
        }
    }
}
