//! Entering and correcting results: one figure through a form, or many
//! through a CSV in the export's shape. An import with any bad cell is
//! refused whole, naming the line and the column, and changes nothing.

use std::collections::HashMap;

use askama::Template;
use axum::{
    extract::{Query, State},
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
};

use super::{
    form::{FormState, rejection_field},
    layout::{AdminLayout, AdminNav, FlashQuery},
    session::{Admin, current_referendum},
};
use crate::{
    domain::{
        input,
        results::{FIELDS, Stage, is_percentage, parse_hundredths},
        results_csv,
    },
    storage::{WriteError, results::SetUpdate},
    web::error::AppError,
    web::{data, form::AppForm, render::render, state::AppState, view::SelectOption},
};

#[derive(Template)]
#[template(path = "admin/results.html")]
struct ResultsAdminPage {
    layout: AdminLayout,
    form: FormState,
    import: FormState,
    import_errors: Vec<String>,
    stages: Vec<SelectOption>,
    scopes: Vec<SelectOption>,
    fields: Vec<SelectOption>,
    current_csv: String,
}

async fn render_page(
    state: &AppState,
    admin: &Admin,
    form: FormState,
    import: FormState,
    import_errors: Vec<String>,
    flash: Option<&str>,
) -> Result<Html<String>, AppError> {
    let lang = admin.at.lang;
    let referendum = current_referendum(state, lang).await?;
    let units = state.storage.result_units(referendum.id).await?;
    let records = data::dataset(&state.storage, data::Dataset::Results).await?;
    let stages = [Stage::Preliminary, Stage::Final]
        .into_iter()
        .map(|s| SelectOption::new(s.as_str(), lang.t(&format!("stage-{}", s.as_str())), form.value("stage")))
        .collect();
    let scopes = std::iter::once((crate::domain::results::NATIONAL.to_owned(), lang.t("results-national")))
        .chain(units.into_iter().map(|u| (u.key, u.name_en)))
        .map(|(key, name)| SelectOption::new(key, name, form.value("scope")))
        .collect();
    let fields = FIELDS
        .iter()
        .map(|f| {
            let name = lang.t(&format!("figure-{}", f.replace('_', "-")));
            SelectOption::new(*f, format!("{name} ({f})"), form.value("field"))
        })
        .collect();
    let page = ResultsAdminPage {
        layout: AdminLayout::new(admin, lang.t("admin-results"), AdminNav::Results, flash),
        form,
        import,
        import_errors,
        stages,
        scopes,
        fields,
        current_csv: data::to_csv(&records, Some(results_csv::header()))?,
    };
    render(&page)
}

pub async fn show(
    State(state): State<AppState>,
    admin: Admin,
    Query(flash): Query<FlashQuery>,
) -> Result<Html<String>, AppError> {
    render_page(&state, &admin, FormState::default(), FormState::default(), Vec::new(), flash.done.as_deref()).await
}

/// One figure: set, correct, or remove (empty value).
pub async fn save_figure(
    State(state): State<AppState>,
    admin: Admin,
    AppForm(fields): AppForm<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let field = |name: &str| fields.get(name).cloned().unwrap_or_default();
    admin.check_csrf(&field("csrf_token"))?;
    let lang = admin.at.lang;
    let referendum = current_referendum(&state, lang).await?;
    let units = state.storage.result_units(referendum.id).await?;
    let mut form = FormState::default();
    for name in ["stage", "published_on", "scope", "field", "value", "source_url"] {
        form.values.insert(name, field(name));
    }
    let stage =
        field("stage").parse::<Stage>().map_err(|_| form.errors.insert("stage", lang.t("error-csv-stage"))).ok();
    let date = input::parse_date(&field("published_on"))
        .map_err(|e| form.errors.insert("published_on", lang.t(e.message_key())))
        .ok();
    let scope = field("scope");
    if scope != crate::domain::results::NATIONAL && !units.iter().any(|u| u.key == scope) {
        form.errors.insert("scope", lang.t("error-csv-scope"));
    }
    let name = FIELDS.iter().find(|f| **f == field("field")).copied();
    if name.is_none() {
        form.errors.insert("field", lang.ts("error-allowed", "allowed", &FIELDS.join(", ")));
    }
    let raw = field("value");
    let value = match (raw.trim(), name) {
        ("", _) => Some(None),
        (text, Some(name)) if is_percentage(name) => parse_hundredths(text).map(Some),
        (text, Some(_)) => text.parse::<i64>().ok().filter(|v| *v >= 0).map(Some),
        _ => None,
    };
    if value.is_none() {
        form.errors.insert(
            "value",
            lang.t(if name.is_some_and(is_percentage) { "error-csv-percentage" } else { "error-csv-count" }),
        );
    }
    let source = input::parse_source_url(&field("source_url"))
        .map_err(|e| form.errors.insert("source_url", lang.t(e.message_key())))
        .ok();
    let (Some(stage), Some(published_on), Some(name), Some(value), Some(source), false) =
        (stage, date, name, value, source, form.has_errors())
    else {
        let page = render_page(&state, &admin, form, FormState::default(), Vec::new(), None).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    let update =
        SetUpdate { stage, published_on, figures: vec![(scope, name.to_owned(), value, source)], replace: false };
    state.storage.update_results(&admin.actor(), referendum.id, &[update]).await?;
    Ok(Redirect::to(&format!("{}/admin/results?done=results-saved", admin.at.base)).into_response())
}

pub async fn import(
    State(state): State<AppState>,
    admin: Admin,
    AppForm(fields): AppForm<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let field = |name: &str| fields.get(name).cloned().unwrap_or_default();
    admin.check_csrf(&field("csrf_token"))?;
    let lang = admin.at.lang;
    let referendum = current_referendum(&state, lang).await?;
    let units: Vec<String> = state.storage.result_units(referendum.id).await?.into_iter().map(|u| u.key).collect();
    let text = field("csv");
    let mut import = FormState::default();
    import.values.insert("csv", text.clone());
    let describe = |line: usize, column: &str, key: &str| {
        lang.t_args(
            "error-csv-at",
            &[
                ("line", crate::i18n::Arg::Num(line as i64)),
                ("column", crate::i18n::Arg::Str(column)),
                ("problem", crate::i18n::Arg::Str(&lang.t(key))),
            ],
        )
    };
    let sets = match results_csv::parse(&text, &units) {
        Ok(sets) if !sets.is_empty() => sets,
        Ok(_) => vec![],
        Err(errors) => {
            let messages = errors.iter().map(|e| describe(e.line, &e.column, e.message)).collect();
            import.errors.insert("csv", lang.t("error-csv-refused"));
            let page = render_page(&state, &admin, FormState::default(), import, messages, None).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    if sets.is_empty() {
        import.errors.insert("csv", lang.t("error-csv-empty"));
        let page = render_page(&state, &admin, FormState::default(), import, Vec::new(), None).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let updates: Vec<SetUpdate> = sets
        .into_iter()
        .map(|set| SetUpdate {
            stage: set.stage,
            published_on: set.published_on,
            figures: set.figures.into_iter().map(|f| (f.scope, f.field.to_owned(), Some(f.value), f.source)).collect(),
            replace: true,
        })
        .collect();
    match state.storage.update_results(&admin.actor(), referendum.id, &updates).await {
        Ok(()) => Ok(Redirect::to(&format!("{}/admin/results?done=results-imported", admin.at.base)).into_response()),
        Err(WriteError::Rejected(rejection)) => {
            import.errors.insert("csv", lang.t("error-csv-refused"));
            let (_, message) = rejection_field(&rejection, lang);
            let page = render_page(&state, &admin, FormState::default(), import, vec![message], None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
