//! Preparing the next referendum: create it with its amendments, then
//! publish it when it is ready.

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
    session::{Admin, param},
};
use crate::{
    domain::{
        ArticleNumber,
        input::{self, MAX_NOTE_CHARS, MAX_TEXT_CHARS, MAX_TITLE_CHARS},
        slug::slugify,
    },
    storage::{WriteError, referendums::NewReferendum},
    web::error::AppError,
    web::{form::AppForm, render::render, state::AppState, view::DateView},
};

#[derive(Template)]
#[template(path = "admin/referendums.html")]
struct ReferendumsPage {
    layout: AdminLayout,
    referendums: Vec<Row>,
    form: FormState,
}

struct Row {
    slug: String,
    title: String,
    proposed_on: DateView,
    published: bool,
    amendments: i64,
}

async fn render_page(
    state: &AppState,
    admin: &Admin,
    form: FormState,
    flash: Option<&str>,
) -> Result<Html<String>, AppError> {
    let lang = admin.at.lang;
    let rows = state.storage.referendums().await?;
    let page = ReferendumsPage {
        layout: AdminLayout::new(admin, lang.t("admin-referendums"), AdminNav::Referendums, flash),
        referendums: rows
            .into_iter()
            .map(|r| Row {
                slug: r.slug,
                title: r.title,
                proposed_on: DateView::new(r.proposed_on, lang),
                published: r.published,
                amendments: r.amendments,
            })
            .collect(),
        form,
    };
    render(&page)
}

pub async fn list(
    State(state): State<AppState>,
    admin: Admin,
    Query(flash): Query<FlashQuery>,
) -> Result<Html<String>, AppError> {
    admin.require_admin()?;
    render_page(&state, &admin, FormState::default(), flash.done.as_deref()).await
}

/// Amendment lines: "ARTICLE | title | summary", one per line.
fn parse_amendments(text: &str) -> Result<Vec<(ArticleNumber, String, String)>, usize> {
    let mut out: Vec<(ArticleNumber, String, String)> = Vec::new();
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let parts: Vec<&str> = line.split('|').map(str::trim).collect();
        let [article, title, summary] = parts[..] else { return Err(i + 1) };
        let article = ArticleNumber::parse(article).map_err(|_| i + 1)?;
        if title.is_empty()
            || summary.is_empty()
            || title.chars().count() > MAX_TITLE_CHARS
            || out.iter().any(|(a, _, _)| *a == article)
        {
            return Err(i + 1);
        }
        out.push((article, title.to_owned(), summary.to_owned()));
    }
    if out.is_empty() { Err(1) } else { Ok(out) }
}

pub async fn create(
    State(state): State<AppState>,
    admin: Admin,
    AppForm(fields): AppForm<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let field = |name: &str| fields.get(name).cloned().unwrap_or_default();
    admin.check_csrf(&field("csrf_token"))?;
    admin.require_admin()?;
    let lang = admin.at.lang;
    let mut form = FormState::default();
    for name in
        ["slug", "title", "summary", "question", "thresholds", "proposed_on", "vote_on", "source_url", "amendments"]
    {
        form.values.insert(name, field(name));
    }
    let mut errors: Vec<(&'static str, String)> = Vec::new();
    let mut text = |name: &'static str, max: usize| {
        input::parse_text(&field(name), max, true)
            .map_err(|e| errors.push((name, lang.t(e.message_key()))))
            .ok()
            .flatten()
    };
    let title = text("title", MAX_TITLE_CHARS);
    let summary = text("summary", MAX_NOTE_CHARS);
    let question = text("question", MAX_NOTE_CHARS);
    let thresholds = text("thresholds", MAX_TEXT_CHARS);
    let proposed_on = input::parse_date(&field("proposed_on"))
        .map_err(|e| errors.push(("proposed_on", lang.t(e.message_key()))))
        .ok();
    let vote_on = match field("vote_on").trim() {
        "" => Some(None),
        t => input::parse_date(t).map(Some).map_err(|e| errors.push(("vote_on", lang.t(e.message_key())))).ok(),
    };
    let source_url = input::parse_source_url(&field("source_url"))
        .map_err(|e| errors.push(("source_url", lang.t(e.message_key()))))
        .ok();
    let amendments = parse_amendments(&field("amendments"))
        .map_err(|line| errors.push(("amendments", lang.ts("error-amendment-line", "detail", &line.to_string()))))
        .ok();
    let slug = slugify(&field("slug"));
    if slug.is_empty() {
        errors.push(("slug", lang.t("error-required")));
    }
    for (name, message) in errors {
        form.errors.entry(name).or_insert(message);
    }
    let (
        Some(title),
        Some(summary),
        Some(question),
        Some(thresholds),
        Some(proposed_on),
        Some(vote_on),
        Some(source_url),
        Some(amendments),
        false,
    ) = (title, summary, question, thresholds, proposed_on, vote_on, source_url, amendments, form.has_errors())
    else {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render_page(&state, &admin, form, None).await?).into_response());
    };
    let new =
        NewReferendum { slug, title, summary, question, thresholds, proposed_on, vote_on, source_url, amendments };
    match state.storage.create_referendum(&admin.actor(), &new).await {
        Ok(()) => {
            Ok(Redirect::to(&format!("{}/admin/referendums?done=referendum-created", admin.at.base)).into_response())
        }
        Err(WriteError::Rejected(rejection)) => {
            let (field, message) = rejection_field(&rejection, lang);
            form.errors.insert(field, message);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render_page(&state, &admin, form, None).await?).into_response())
        }
        Err(e) => Err(AppError::from(e)),
    }
}

pub async fn publish(
    State(state): State<AppState>,
    admin: Admin,
    Path(params): Path<HashMap<String, String>>,
    AppForm(fields): AppForm<HashMap<String, String>>,
) -> Result<Response, AppError> {
    admin.check_csrf(fields.get("csrf_token").map_or("", String::as_str))?;
    admin.require_admin()?;
    match state.storage.publish_referendum(&admin.actor(), &param(&params, "slug")).await {
        Ok(()) => {
            Ok(Redirect::to(&format!("{}/admin/referendums?done=referendum-published", admin.at.base)).into_response())
        }
        Err(WriteError::NotFound) => Err(AppError::NotFound(None)),
        Err(e) => Err(AppError::from(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::parse_amendments;

    #[test]
    fn amendment_lines_name_the_first_bad_line() {
        assert_eq!(parse_amendments("1 | A | B\n2-1 | C | D").unwrap().len(), 2);
        assert_eq!(parse_amendments("1 | A | B\nx | C | D"), Err(2));
        assert_eq!(parse_amendments("1 | A"), Err(1));
        assert_eq!(parse_amendments("1 | A | B\n1 | C | D"), Err(2));
        assert_eq!(parse_amendments(""), Err(1));
    }
}
