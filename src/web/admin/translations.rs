//! Side-by-side translation of the content people read: amendments,
//! timeline events and statements.

use std::collections::HashMap;

use askama::Template;
use axum::{
    extract::{Path, Query, State},
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
};

use super::{
    form::FormState,
    layout::{AdminLayout, AdminNav, FlashQuery},
    session::{Admin, current_referendum, param},
};
use crate::{
    domain::content::ContentKind,
    domain::input::{self, MAX_TEXT_CHARS},
    storage::{
        WriteError,
        translations::{TranslationInput, TranslationTarget},
    },
    web::error::AppError,
    web::{form::AppForm, render::render, state::AppState},
};

/// Every form key this page can use, so form state can keep them.
const KEYS: [&str; 14] = [
    "kk.title",
    "kk.summary",
    "kk.explanation",
    "kk.description",
    "kk.text",
    "kk.official",
    "kk.source_url",
    "ru.title",
    "ru.summary",
    "ru.explanation",
    "ru.description",
    "ru.text",
    "ru.official",
    "ru.source_url",
];

fn key(name: &str) -> &'static str {
    KEYS.iter().find(|k| **k == name).copied().unwrap_or("kk.text")
}

#[derive(Template)]
#[template(path = "admin/translations.html")]
struct TranslationsPage {
    layout: AdminLayout,
    kind: &'static str,
    id: i64,
    heading: String,
    version: Option<i64>,
    originals: Vec<(&'static str, String)>,
    form: FormState,
    conflict: bool,
}

/// The fields of a kind of content and their originals, with its version.
async fn load(
    state: &AppState,
    kind: ContentKind,
    id: i64,
) -> Result<(String, Option<i64>, Vec<(&'static str, String)>), AppError> {
    let storage = &state.storage;
    match kind {
        ContentKind::Amendment => {
            let a = storage.amendment_by_id(id).await?.ok_or(AppError::NotFound(None))?;
            let heading = format!("{}: {}", a.article, a.title);
            Ok((
                heading,
                Some(a.version),
                vec![("title", a.title), ("summary", a.summary), ("explanation", a.explanation)],
            ))
        }
        ContentKind::TimelineEvent => {
            let event = storage.timeline_event(id).await?.ok_or(AppError::NotFound(None))?;
            Ok((
                event.row.title.clone(),
                Some(event.version),
                vec![("title", event.row.title), ("description", event.row.description)],
            ))
        }
        ContentKind::Statement => {
            let text = storage.statement_text(id).await?.ok_or(AppError::NotFound(None))?;
            Ok((text.0, None, vec![("text", text.1)]))
        }
        ContentKind::StatusEvent | ContentKind::Provision => Err(AppError::NotFound(None)),
    }
}

async fn render_page(
    state: &AppState,
    admin: &Admin,
    kind: ContentKind,
    id: i64,
    posted: Option<FormState>,
    conflict: bool,
    flash: Option<&str>,
) -> Result<Html<String>, AppError> {
    let (heading, version, originals) = load(state, kind, id).await?;
    let form = match posted {
        Some(form) => form,
        None => {
            let mut form = FormState::default();
            for t in state.storage.translations(kind.as_str(), None, Some(id)).await? {
                form.values.insert(key(&format!("{}.{}", t.lang, t.field)), t.text);
                if t.official {
                    form.values.insert(key(&format!("{}.official", t.lang)), "on".to_owned());
                }
                form.values.insert(key(&format!("{}.source_url", t.lang)), t.source_url.unwrap_or_default());
            }
            form
        }
    };
    let page = TranslationsPage {
        layout: AdminLayout::new(admin, admin.at.lang.t("admin-translations"), AdminNav::Translations, flash),
        kind: kind.as_str(),
        id,
        heading,
        version,
        originals,
        form,
        conflict,
    };
    render(&page)
}

fn target_of(params: &HashMap<String, String>) -> Result<(ContentKind, i64), AppError> {
    let kind = param(params, "kind").parse::<ContentKind>().ok().filter(|k| k.is_translatable());
    let id = param(params, "id").parse::<i64>().map_err(|_| AppError::NotFound(None))?;
    Ok((kind.ok_or(AppError::NotFound(None))?, id))
}

pub async fn show(
    State(state): State<AppState>,
    admin: Admin,
    Path(params): Path<HashMap<String, String>>,
    Query(flash): Query<FlashQuery>,
) -> Result<Html<String>, AppError> {
    let (kind, id) = target_of(&params)?;
    render_page(&state, &admin, kind, id, None, false, flash.done.as_deref()).await
}

pub async fn save(
    State(state): State<AppState>,
    admin: Admin,
    Path(params): Path<HashMap<String, String>>,
    AppForm(fields): AppForm<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let field = |name: &str| fields.get(name).cloned().unwrap_or_default();
    admin.check_csrf(&field("csrf_token"))?;
    let lang = admin.at.lang;
    let (kind, id) = target_of(&params)?;
    let (_, _, originals) = load(&state, kind, id).await?;
    let mut form = FormState::default();
    for name in KEYS {
        form.values.insert(name, field(name));
    }
    let mut inputs = Vec::new();
    for code in ["kk", "ru"] {
        let official = !field(&format!("{code}.official")).is_empty();
        let source_key = key(&format!("{code}.source_url"));
        let source = match field(source_key).trim() {
            "" if official => {
                form.errors.insert(source_key, lang.t("error-official-needs-source"));
                None
            }
            "" => None,
            text => {
                input::parse_source_url(text).map_err(|e| form.errors.insert(source_key, lang.t(e.message_key()))).ok()
            }
        };
        for (name, _) in &originals {
            let form_key = key(&format!("{code}.{name}"));
            match input::parse_text(&field(form_key), MAX_TEXT_CHARS, false) {
                Ok(text) => inputs.push(TranslationInput {
                    lang: code,
                    field: name,
                    text,
                    official,
                    source_url: source.clone(),
                }),
                Err(e) => {
                    form.errors.insert(form_key, lang.t(e.message_key()));
                }
            }
        }
    }
    let referendum = current_referendum(&state, lang).await?;
    let version = field("version").trim().parse::<i64>().ok();
    let article = match kind {
        ContentKind::Amendment => state.storage.amendment_by_id(id).await?.map(|a| a.article).unwrap_or_default(),
        _ => String::new(),
    };
    let target = match (kind, version) {
        (ContentKind::Amendment, Some(v)) => {
            TranslationTarget::Amendment { referendum_id: referendum.id, article: &article, expected_version: v }
        }
        (ContentKind::TimelineEvent, Some(v)) => {
            TranslationTarget::TimelineEvent { referendum_id: referendum.id, id, expected_version: v }
        }
        (ContentKind::Statement, _) => TranslationTarget::Statement { id },
        _ => return Err(AppError::BadRequest(lang.t("error-bad-form"))),
    };
    if form.has_errors() {
        let page = render_page(&state, &admin, kind, id, Some(form), false, None).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    match state.storage.save_translations(&admin.actor(), target, &inputs).await {
        Ok(()) => Ok(Redirect::to(&format!(
            "{}/admin/translations/{}/{id}?done=translations-saved",
            admin.at.base,
            kind.as_str()
        ))
        .into_response()),
        Err(WriteError::Conflict { .. }) => {
            let page = render_page(&state, &admin, kind, id, Some(form), true, None).await?;
            Ok((StatusCode::CONFLICT, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "admin/statements.html")]
struct StatementsPage {
    layout: AdminLayout,
    statements: Vec<(i64, String, String, bool)>,
}

/// Every statement, with a link to translate it.
pub async fn statements(State(state): State<AppState>, admin: Admin) -> Result<Html<String>, AppError> {
    let lang = admin.at.lang;
    let referendum = current_referendum(&state, lang).await?;
    let translated = state.storage.translations("statement", None, None).await?;
    let mut statements = Vec::new();
    for announcement in state.storage.announcements(referendum.id).await? {
        for st in state.storage.statements(announcement.id).await? {
            let done = translated.iter().any(|t| t.entity_id == st.id);
            statements.push((st.id, st.slug, st.text, done));
        }
    }
    let page = StatementsPage {
        layout: AdminLayout::new(&admin, lang.t("admin-statements"), AdminNav::Statements, None),
        statements,
    };
    render(&page)
}
