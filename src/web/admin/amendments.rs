//! The dashboard and an amendment's admin page: record a status change,
//! correct the latest one, edit the text, link statements.

use std::collections::HashMap;

use askama::Template;
use axum::{
    extract::{Path, Query, State},
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
};
use serde::Deserialize;

use super::{
    form::{FormState, rejection_field},
    layout::{AdminLayout, AdminNav, FlashQuery},
    session::{Admin, current_referendum, param},
};
use crate::{
    domain::{
        Status,
        input::{self, InputError, MAX_NOTE_CHARS, MAX_TEXT_CHARS, MAX_TITLE_CHARS},
    },
    i18n::Lang,
    storage::{
        WriteError,
        amendments::{AmendmentEdit, AmendmentFilter, AmendmentRow, NewStatusEvent, StatusEventRow},
    },
    web::{
        error::AppError,
        form::AppForm,
        render::render,
        state::AppState,
        view::{DateView, HistoryEntry, SelectOption, StatusView, status_history, status_label},
    },
};

#[derive(Template)]
#[template(path = "admin/dashboard.html")]
struct Dashboard {
    layout: AdminLayout,
    rows: Vec<DashboardRow>,
    recent: Vec<RecentRow>,
}

struct DashboardRow {
    article: String,
    title: String,
    status: Option<StatusView>,
    since: Option<DateView>,
}

struct RecentRow {
    article: String,
    status: StatusView,
    date: DateView,
}

pub async fn dashboard(
    State(state): State<AppState>,
    admin: Admin,
    Query(flash): Query<FlashQuery>,
) -> Result<Html<String>, AppError> {
    let lang = admin.at.lang;
    let storage = &state.storage;
    let referendum = current_referendum(&state, lang).await?;
    let today = chrono::Utc::now().date_naive();
    let rows = storage.amendments(referendum.id, today, &AmendmentFilter::default()).await?;
    let recent = storage.recent_events(referendum.id, crate::storage::end_of_time(), 10).await?;
    let page = Dashboard {
        layout: AdminLayout::new(&admin, lang.t("admin-dashboard"), AdminNav::Dashboard, flash.done.as_deref()),
        rows: rows
            .into_iter()
            .map(|r| DashboardRow {
                status: r.status.map(|s| StatusView::new(s, lang)),
                since: r.status_date.map(|d| DateView::new(d, lang)),
                article: r.article,
                title: r.title,
            })
            .collect(),
        recent: recent
            .into_iter()
            .map(|e| RecentRow {
                status: StatusView::new(e.status, lang),
                article: e.article,
                date: DateView::new(e.effective_date, lang),
            })
            .collect(),
    };
    render(&page)
}

#[derive(Template)]
#[template(path = "admin/amendment.html")]
struct AmendmentPage {
    layout: AdminLayout,
    article: String,
    title: String,
    version: i64,
    status: Option<StatusView>,
    next_statuses: Vec<SelectOption>,
    correctable: Option<Correctable>,
    /// Newest first.
    history: Vec<HistoryEntry>,
    status_form: FormState,
    correction_form: FormState,
    edit_form: FormState,
    link_form: FormState,
    /// For the link to the side-by-side translation page.
    id: i64,
    themes: Vec<(String, String)>,
    links: Vec<LinkRow>,
    statements: Vec<(String, String)>,
    /// Set when a form was refused because someone else changed the record.
    conflict: bool,
}

struct Correctable {
    event_id: i64,
    status: StatusView,
    date: DateView,
    choices: Vec<SelectOption>,
}

struct LinkRow {
    slug: String,
    text: String,
    note: String,
}

/// Which of the page's forms was posted, with its state.
pub(super) enum Posted {
    None,
    Status(FormState),
    Correction(FormState),
    Edit(FormState),
    Link(FormState),
}

fn effective(events: &[StatusEventRow]) -> Vec<&StatusEventRow> {
    events.iter().filter(|e| !events.iter().any(|c| c.corrects_event_id == Some(e.id))).collect()
}

/// The statuses that may follow `from`, as choices; `chosen` is the form's value.
fn legal_next(from: Option<&StatusEventRow>, chosen: &str, lang: Lang) -> Vec<SelectOption> {
    let next: &[Status] = match from.map(|e| e.status) {
        Some(status) => status.next(),
        None => &[Status::Drafted],
    };
    next.iter().map(|s| SelectOption::new(s.as_str(), status_label(*s, lang), chosen)).collect()
}

pub(super) async fn render_page(
    state: &AppState,
    admin: &Admin,
    article: &str,
    posted: Posted,
    conflict: bool,
    flash: Option<&str>,
) -> Result<Html<String>, AppError> {
    let lang = admin.at.lang;
    let storage = &state.storage;
    let referendum = current_referendum(state, lang).await?;
    let amendment = storage
        .amendment(referendum.id, article)
        .await?
        .ok_or_else(|| AppError::NotFound(Some(lang.ts("amendment-not-found", "article", article))))?;
    let events = storage.status_events(amendment.id, crate::storage::end_of_time()).await?;
    let live = effective(&events);
    let current = live.last().copied();
    let themes = storage.all_themes().await?;
    let amendment_themes = storage.amendment_themes(referendum.id, Some(amendment.id)).await?;
    let sources = storage.citations("amendment", Some(amendment.id)).await?;
    let motivations = storage.motivations(amendment.id).await?;
    let statements = storage.statement_choices(referendum.id).await?;

    let mut status_form = FormState::default();
    let mut correction_form = FormState::default();
    let mut link_form = FormState::default();
    let mut edit_form = edit_defaults(&amendment, &amendment_themes, &sources);
    match posted {
        Posted::None => {}
        Posted::Status(f) => status_form = f,
        Posted::Correction(f) => correction_form = f,
        Posted::Edit(f) => edit_form = f,
        Posted::Link(f) => link_form = f,
    }
    let correctable = current.map(|latest| Correctable {
        event_id: latest.id,
        status: StatusView::new(latest.status, lang),
        date: DateView::new(latest.effective_date, lang),
        choices: legal_next(
            live.len().checked_sub(2).and_then(|i| live.get(i)).copied(),
            correction_form.value("status"),
            lang,
        ),
    });
    let mut history = status_history(&events, lang);
    history.reverse();
    let page = AmendmentPage {
        layout: AdminLayout::new(
            admin,
            format!("{} {}", lang.t("article"), amendment.article),
            AdminNav::Dashboard,
            flash,
        ),
        version: amendment.version,
        status: current.map(|e| StatusView::new(e.status, lang)),
        next_statuses: legal_next(current, status_form.value("status"), lang),
        correctable,
        history,
        status_form,
        correction_form,
        edit_form,
        link_form,
        id: amendment.id,
        themes: themes.into_iter().map(|t| (t.key, t.name)).collect(),
        links: motivations
            .into_iter()
            .map(|m| LinkRow { slug: m.statement_slug, text: m.statement_text, note: m.note })
            .collect(),
        statements,
        conflict,
        article: amendment.article,
        title: amendment.title,
    };
    render(&page)
}

fn edit_defaults(
    amendment: &AmendmentRow,
    themes: &[crate::storage::amendments::AmendmentThemeRow],
    sources: &[crate::storage::sources::SourceRow],
) -> FormState {
    let mut form = FormState::default();
    form.set("title", amendment.title.clone());
    form.set("summary", amendment.summary.clone());
    form.set("explanation", amendment.explanation.clone());
    form.set("wording_before", amendment.wording_before.clone().unwrap_or_default());
    form.set("wording_after", amendment.wording_after.clone().unwrap_or_default());
    form.set("themes", themes.iter().map(|t| t.key.as_str()).collect::<Vec<_>>().join("\n"));
    form.set("sources", sources.iter().map(|s| s.key.as_str()).collect::<Vec<_>>().join("\n"));
    form
}

pub async fn show(
    State(state): State<AppState>,
    admin: Admin,
    Path(params): Path<HashMap<String, String>>,
    Query(flash): Query<FlashQuery>,
) -> Result<Html<String>, AppError> {
    render_page(&state, &admin, &param(&params, "article"), Posted::None, false, flash.done.as_deref()).await
}

#[derive(Debug, Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    csrf_token: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    effective_date: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    source_url: String,
    #[serde(default)]
    version: String,
    #[serde(default)]
    corrects: String,
}

/// Parses the status form: every field checked, every error kept.
fn parse_status_form(form: &StatusForm, lang: Lang) -> (FormState, Option<(NewStatusEvent, i64)>) {
    let mut state = FormState::default();
    state.set("status", form.status.clone());
    state.set("effective_date", form.effective_date.clone());
    state.set("note", form.note.clone());
    state.set("source_url", form.source_url.clone());
    let message = |e: InputError| lang.t(e.message_key());
    let status = form.status.parse::<Status>().ok();
    if status.is_none() {
        state.fail(
            "status",
            lang.ts("error-unknown-status", "value", &form.status.chars().take(40).collect::<String>()),
        );
    }
    let date = input::parse_date(&form.effective_date).map_err(|e| state.fail("effective_date", message(e))).ok();
    let note = input::parse_text(&form.note, MAX_NOTE_CHARS, true).map_err(|e| state.fail("note", message(e))).ok();
    let url = input::parse_source_url(&form.source_url).map_err(|e| state.fail("source_url", message(e))).ok();
    let version = form.version.trim().parse::<i64>().ok();
    if version.is_none() {
        state.fail("version", lang.t("error-bad-form"));
    }
    match (status, date, note.flatten(), url, version) {
        (Some(status), Some(effective_date), Some(note), Some(source_url), Some(version)) if !state.has_errors() => {
            (state, Some((NewStatusEvent { status, effective_date, note, source_url }, version)))
        }
        _ => (state, None),
    }
}

/// Turns a refused write into the page with the form kept, or an error.
pub(super) async fn refused(
    state: &AppState,
    admin: &Admin,
    article: &str,
    error: WriteError,
    mut form: FormState,
    wrap: fn(FormState) -> Posted,
) -> Result<Response, AppError> {
    let lang = admin.at.lang;
    let (status, conflict) = match error {
        WriteError::NotFound => {
            return Err(AppError::NotFound(Some(lang.ts("amendment-not-found", "article", article))));
        }
        WriteError::Storage(e) => return Err(e.into()),
        WriteError::Conflict { .. } => (StatusCode::CONFLICT, true),
        WriteError::Rejected(rejection) => {
            let (field, message) = rejection_field(&rejection, lang);
            form.fail(field, message);
            (StatusCode::UNPROCESSABLE_ENTITY, false)
        }
    };
    Ok((status, render_page(state, admin, article, wrap(form), conflict, None).await?).into_response())
}

pub(super) fn done(admin: &Admin, article: &str, key: &str) -> Response {
    Redirect::to(&format!("{}/admin/amendments/{}?done={key}", admin.at.base, super::session::url_encode(article)))
        .into_response()
}

pub async fn record_status(
    State(state): State<AppState>,
    admin: Admin,
    Path(params): Path<HashMap<String, String>>,
    AppForm(form): AppForm<StatusForm>,
) -> Result<Response, AppError> {
    admin.check_csrf(&form.csrf_token)?;
    let article = param(&params, "article");
    let referendum = current_referendum(&state, admin.at.lang).await?;
    let (form_state, parsed) = parse_status_form(&form, admin.at.lang);
    let Some((event, version)) = parsed else {
        let page = render_page(&state, &admin, &article, Posted::Status(form_state), false, None).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    match state.storage.record_status(&admin.actor(), referendum.id, &article, version, &event).await {
        Ok(_) => Ok(done(&admin, &article, "status-recorded")),
        Err(e) => refused(&state, &admin, &article, e, form_state, Posted::Status).await,
    }
}

pub async fn correct_status(
    State(state): State<AppState>,
    admin: Admin,
    Path(params): Path<HashMap<String, String>>,
    AppForm(form): AppForm<StatusForm>,
) -> Result<Response, AppError> {
    admin.check_csrf(&form.csrf_token)?;
    let article = param(&params, "article");
    let referendum = current_referendum(&state, admin.at.lang).await?;
    let (mut form_state, parsed) = parse_status_form(&form, admin.at.lang);
    let wrong = form.corrects.trim().parse::<i64>().ok();
    if wrong.is_none() {
        form_state.fail("corrects", admin.at.lang.t("error-bad-form"));
    }
    let (Some((event, version)), Some(wrong)) = (parsed, wrong) else {
        let page = render_page(&state, &admin, &article, Posted::Correction(form_state), false, None).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    match state.storage.correct_status(&admin.actor(), referendum.id, &article, version, wrong, &event).await {
        Ok(_) => Ok(done(&admin, &article, "status-corrected")),
        Err(e) => refused(&state, &admin, &article, e, form_state, Posted::Correction).await,
    }
}

struct EditForm {
    version: String,
    title: String,
    summary: String,
    explanation: String,
    wording_before: String,
    wording_after: String,
    /// Theme keys, one per line.
    themes: String,
    /// Source keys, one per line or comma-separated.
    sources: String,
}

pub async fn edit(
    State(state): State<AppState>,
    admin: Admin,
    Path(params): Path<HashMap<String, String>>,
    AppForm(fields): AppForm<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let field = |name: &str| fields.get(name).cloned().unwrap_or_default();
    admin.check_csrf(&field("csrf_token"))?;
    let lang = admin.at.lang;
    // Theme checkboxes are named "theme.KEY".
    let mut theme_keys: Vec<&str> = fields.keys().filter_map(|k| k.strip_prefix("theme.")).collect();
    theme_keys.sort_unstable();
    let form = EditForm {
        version: field("version"),
        title: field("title"),
        summary: field("summary"),
        explanation: field("explanation"),
        wording_before: field("wording_before"),
        wording_after: field("wording_after"),
        themes: theme_keys.join("\n"),
        sources: field("sources"),
    };
    let article = param(&params, "article");
    let referendum = current_referendum(&state, lang).await?;
    let mut fs = FormState::default();
    for (field, value) in [
        ("title", &form.title),
        ("summary", &form.summary),
        ("explanation", &form.explanation),
        ("wording_before", &form.wording_before),
        ("wording_after", &form.wording_after),
        ("themes", &form.themes),
        ("sources", &form.sources),
    ] {
        fs.set(field, value.clone());
    }
    let message = |e: InputError| lang.t(e.message_key());
    let title =
        input::parse_text(&form.title, MAX_TITLE_CHARS, true).map_err(|e| fs.fail("title", message(e))).ok().flatten();
    let summary = input::parse_text(&form.summary, MAX_NOTE_CHARS, true)
        .map_err(|e| fs.fail("summary", message(e)))
        .ok()
        .flatten();
    let explanation = input::parse_text(&form.explanation, MAX_TEXT_CHARS, true)
        .map_err(|e| fs.fail("explanation", message(e)))
        .ok()
        .flatten();
    let before = input::parse_text(&form.wording_before, MAX_TEXT_CHARS, false)
        .map_err(|e| fs.fail("wording_before", message(e)));
    let after =
        input::parse_text(&form.wording_after, MAX_TEXT_CHARS, false).map_err(|e| fs.fail("wording_after", message(e)));
    let keys = |text: &str| -> Vec<String> {
        text.split(['\n', ',']).map(str::trim).filter(|k| !k.is_empty()).map(str::to_owned).collect()
    };
    let version = form.version.trim().parse::<i64>().ok();
    let (Some(title), Some(summary), Some(explanation), Ok(wording_before), Ok(wording_after), Some(version)) =
        (title, summary, explanation, before, after, version)
    else {
        let page = render_page(&state, &admin, &article, Posted::Edit(fs), false, None).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    let edit = AmendmentEdit {
        title,
        summary,
        explanation,
        wording_before,
        wording_after,
        themes: keys(&form.themes),
        sources: keys(&form.sources),
    };
    match state.storage.edit_amendment(&admin.actor(), referendum.id, &article, version, &edit).await {
        Ok(()) => Ok(done(&admin, &article, "amendment-saved")),
        Err(e) => refused(&state, &admin, &article, e, fs, Posted::Edit).await,
    }
}
