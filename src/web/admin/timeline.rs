//! Creating, editing and deleting timeline events.

use std::collections::HashMap;

use askama::Template;
use axum::{
    extract::{Path, Query, State},
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
};

use super::{
    form::{FormState, rejection_field},
    layout::{AdminLayout, AdminNav, FlashQuery},
    session::{Admin, current_referendum, param},
};
use crate::{
    domain::{
        input::{self, InputError, MAX_NOTE_CHARS, MAX_TEXT_CHARS, MAX_TITLE_CHARS},
        timeline::{KINDS, is_kind},
    },
    storage::{WriteError, timeline::TimelineInput},
    web::error::AppError,
    web::{
        form::AppForm,
        render::render,
        state::AppState,
        view::{DateView, SelectOption},
    },
};

#[derive(Template)]
#[template(path = "admin/timeline.html")]
struct TimelinePage {
    layout: AdminLayout,
    events: Vec<EventRow>,
    form: FormState,
    /// `Some((id, version))` when editing an existing event.
    editing: Option<(i64, i64)>,
    kinds: Vec<SelectOption>,
    conflict: bool,
}

struct EventRow {
    id: i64,
    date: DateView,
    title: String,
    kind: String,
}

async fn render_page(
    state: &AppState,
    admin: &Admin,
    form: FormState,
    editing: Option<(i64, i64)>,
    conflict: bool,
    flash: Option<&str>,
) -> Result<Html<String>, AppError> {
    let lang = admin.at.lang;
    let referendum = current_referendum(state, lang).await?;
    let rows = state.storage.timeline(referendum.id, None, crate::storage::end_of_time()).await?;
    let kinds = KINDS
        .iter()
        .map(|k| SelectOption::new(*k, lang.t(&format!("kind-{}", k.replace('_', "-"))), form.value("kind")))
        .collect();
    let page = TimelinePage {
        layout: AdminLayout::new(admin, lang.t("admin-timeline"), AdminNav::Timeline, flash),
        events: rows
            .into_iter()
            .rev()
            .map(|r| EventRow {
                id: r.id,
                date: DateView::new(r.starts_on, lang),
                title: r.title,
                kind: lang.t(&format!("kind-{}", r.kind.replace('_', "-"))),
            })
            .collect(),
        form,
        editing,
        kinds,
        conflict,
    };
    render(&page)
}

pub async fn list(
    State(state): State<AppState>,
    admin: Admin,
    Query(flash): Query<FlashQuery>,
) -> Result<Html<String>, AppError> {
    render_page(&state, &admin, FormState::default(), None, false, flash.done.as_deref()).await
}

pub async fn edit_form(
    State(state): State<AppState>,
    admin: Admin,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Html<String>, AppError> {
    let id = event_id(&params, &admin)?;
    let event = state.storage.timeline_event(id).await?.ok_or(AppError::NotFound(None))?;
    let mut form = FormState::default();
    form.values.insert("starts_on", event.row.starts_on.to_string());
    form.values.insert("ends_on", event.row.ends_on.map(|d| d.to_string()).unwrap_or_default());
    form.values.insert("kind", event.row.kind.clone());
    form.values.insert("title", event.row.title.clone());
    form.values.insert("description", event.row.description.clone());
    form.values.insert("uncertainty_note", event.row.uncertainty_note.clone().unwrap_or_default());
    form.values.insert("amendments", event.articles.join(", "));
    render_page(&state, &admin, form, Some((id, event.version)), false, None).await
}

fn event_id(params: &HashMap<String, String>, admin: &Admin) -> Result<i64, AppError> {
    param(params, "id").parse().map_err(|_| AppError::NotFound(Some(admin.at.lang.t("error-message-404"))))
}

fn parse_form(fields: &HashMap<String, String>, admin: &Admin) -> (FormState, Option<TimelineInput>) {
    let lang = admin.at.lang;
    let field = |name: &str| fields.get(name).cloned().unwrap_or_default();
    let mut form = FormState::default();
    for name in ["starts_on", "ends_on", "kind", "title", "description", "uncertainty_note", "amendments", "source_url"]
    {
        form.values.insert(name, field(name));
    }
    let mut errors: Vec<(&'static str, String)> = Vec::new();
    let mut message = |name: &'static str, e: InputError| errors.push((name, lang.t(e.message_key())));
    let starts_on = input::parse_date(&field("starts_on")).map_err(|e| message("starts_on", e)).ok();
    let ends_on = match field("ends_on").trim() {
        "" => Some(None),
        text => input::parse_date(text).map(Some).map_err(|e| message("ends_on", e)).ok(),
    };
    let title =
        input::parse_text(&field("title"), MAX_TITLE_CHARS, true).map_err(|e| message("title", e)).ok().flatten();
    let description = input::parse_text(&field("description"), MAX_TEXT_CHARS, true)
        .map_err(|e| message("description", e))
        .ok()
        .flatten();
    let uncertainty_note = input::parse_text(&field("uncertainty_note"), MAX_NOTE_CHARS, false)
        .map_err(|e| message("uncertainty_note", e))
        .ok();
    let source_url = match field("source_url").trim() {
        "" => Some(None),
        text => input::parse_source_url(text).map(Some).map_err(|e| message("source_url", e)).ok(),
    };
    let kind = field("kind");
    if !is_kind(&kind) {
        errors.push(("kind", lang.ts("error-allowed", "allowed", &KINDS.join(", "))));
    }
    if let (Some(start), Some(Some(end))) = (starts_on, ends_on)
        && end < start
    {
        errors.push(("ends_on", lang.t("error-end-before-start")));
    }
    for (name, text) in errors {
        form.errors.entry(name).or_insert(text);
    }
    let amendments = field("amendments").split([',', ' ', '\n']).filter(|a| !a.is_empty()).map(str::to_owned).collect();
    match (starts_on, ends_on, title, description, uncertainty_note, source_url) {
        (Some(starts_on), Some(ends_on), Some(title), Some(description), Some(uncertainty_note), Some(source_url))
            if !form.has_errors() =>
        {
            let input = TimelineInput {
                starts_on,
                ends_on,
                kind,
                title,
                description,
                uncertainty_note,
                amendments,
                source_url,
            };
            (form, Some(input))
        }
        _ => (form, None),
    }
}

async fn save(
    state: AppState,
    admin: Admin,
    existing: Option<(i64, i64)>,
    fields: HashMap<String, String>,
) -> Result<Response, AppError> {
    admin.check_csrf(fields.get("csrf_token").map_or("", String::as_str))?;
    let lang = admin.at.lang;
    let referendum = current_referendum(&state, lang).await?;
    let (mut form, input) = parse_form(&fields, &admin);
    let Some(input) = input else {
        let page = render_page(&state, &admin, form, existing, false, None).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    match state.storage.save_timeline_event(&admin.actor(), referendum.id, existing, &input).await {
        Ok(_) => {
            let key = if existing.is_some() { "event-saved" } else { "event-created" };
            Ok(Redirect::to(&format!("{}/admin/timeline?done={key}", admin.at.base)).into_response())
        }
        Err(WriteError::Conflict { current }) => {
            let editing = existing.map(|(id, _)| (id, current));
            Ok((StatusCode::CONFLICT, render_page(&state, &admin, form, editing, true, None).await?).into_response())
        }
        Err(WriteError::Rejected(rejection)) => {
            let (field, message) = rejection_field(&rejection, lang);
            form.errors.insert(field, message);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render_page(&state, &admin, form, existing, false, None).await?)
                .into_response())
        }
        Err(WriteError::NotFound) => Err(AppError::NotFound(None)),
        Err(e) => Err(AppError::from(e)),
    }
}

pub async fn create(
    State(state): State<AppState>,
    admin: Admin,
    AppForm(fields): AppForm<HashMap<String, String>>,
) -> Result<Response, AppError> {
    save(state, admin, None, fields).await
}

pub async fn update(
    State(state): State<AppState>,
    admin: Admin,
    Path(params): Path<HashMap<String, String>>,
    AppForm(fields): AppForm<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let id = event_id(&params, &admin)?;
    let version = fields
        .get("version")
        .and_then(|v| v.trim().parse().ok())
        .ok_or_else(|| AppError::BadRequest(admin.at.lang.t("error-bad-form")))?;
    save(state, admin, Some((id, version)), fields).await
}

pub async fn delete(
    State(state): State<AppState>,
    admin: Admin,
    Path(params): Path<HashMap<String, String>>,
    AppForm(fields): AppForm<HashMap<String, String>>,
) -> Result<Response, AppError> {
    admin.check_csrf(fields.get("csrf_token").map_or("", String::as_str))?;
    let lang = admin.at.lang;
    let id = event_id(&params, &admin)?;
    let version: i64 = fields
        .get("version")
        .and_then(|v| v.trim().parse().ok())
        .ok_or_else(|| AppError::BadRequest(lang.t("error-bad-form")))?;
    let referendum = current_referendum(&state, lang).await?;
    match state.storage.delete_timeline_event(&admin.actor(), referendum.id, id, version).await {
        Ok(()) => Ok(Redirect::to(&format!("{}/admin/timeline?done=event-deleted", admin.at.base)).into_response()),
        Err(WriteError::Conflict { .. }) => Err(AppError::Conflict(Some(lang.t("error-message-409")))),
        Err(WriteError::NotFound) => Err(AppError::NotFound(None)),
        Err(e) => Err(AppError::from(e)),
    }
}
