//! `/council`: the Constitutional Council's review of the draft.

use askama::Template;
use axum::{extract::State, response::Html};

use super::page_context::Context;
use crate::{
    storage::amendments::AmendmentFilter,
    web::error::AppError,
    web::{
        render::render,
        state::AppState,
        view::{DateView, EventSource, Layout, PageLocation, PublicNav, SourceView, StatusView, sources_by_subject},
    },
};

#[derive(Template)]
#[template(path = "pages/council.html")]
struct CouncilPage {
    layout: Layout,
    review: Option<Review>,
    outcomes: Vec<Outcome>,
    without_outcome: Vec<String>,
}

struct Review {
    body: String,
    submitted_on: DateView,
    submitted_sources: Vec<SourceView>,
    accepted_on: Option<DateView>,
    accepted_sources: Vec<SourceView>,
    conclusion_number: Option<String>,
    conclusion_date: Option<DateView>,
    chair: Option<String>,
    rapporteur: Option<String>,
    finding: Option<String>,
    conclusion_sources: Vec<SourceView>,
    outcome_note: Option<String>,
    open_questions: Vec<OpenQuestion>,
}

struct OpenQuestion {
    text: String,
    sources: Vec<SourceView>,
}

struct Outcome {
    article: String,
    title: String,
    status: StatusView,
    date: DateView,
    source: EventSource,
}

pub async fn show(State(state): State<AppState>, at: PageLocation) -> Result<Html<String>, AppError> {
    let lang = at.lang;
    let storage = &state.storage;
    let ctx = Context::load(storage, &at).await?;
    let referendum_id = ctx.referendum.id;
    let review = match storage.council_review(referendum_id).await? {
        Some(row) => {
            let cited = |subject: &'static str| storage.citations(subject, Some(row.id));
            let questions = storage.council_open_questions(row.id).await?;
            let question_sources = sources_by_subject(storage.citations("council_open_question", None).await?);
            Some(Review {
                body: row.body.clone(),
                submitted_on: DateView::new(row.submitted_on, lang),
                submitted_sources: cited("council_submitted").await?.into_iter().map(Into::into).collect(),
                accepted_on: row.accepted_on.map(|d| DateView::new(d, lang)),
                accepted_sources: cited("council_accepted").await?.into_iter().map(Into::into).collect(),
                conclusion_number: row.conclusion_number.clone(),
                conclusion_date: row.conclusion_date.map(|d| DateView::new(d, lang)),
                chair: row.chair.clone(),
                rapporteur: row.rapporteur.clone(),
                finding: row.finding.clone(),
                conclusion_sources: cited("council_conclusion").await?.into_iter().map(Into::into).collect(),
                outcome_note: row.outcome_note.clone(),
                open_questions: questions
                    .into_iter()
                    .map(|q| OpenQuestion { sources: question_sources(q.id), text: q.text })
                    .collect(),
            })
        }
        None => None,
    };
    let outcome_rows = storage.council_outcomes(referendum_id, ctx.as_of).await?;
    let all = storage.amendments(referendum_id, ctx.as_of, &AmendmentFilter::default()).await?;
    let without_outcome =
        all.into_iter().filter(|a| !outcome_rows.iter().any(|o| o.article == a.article)).map(|a| a.article).collect();
    let outcomes = outcome_rows
        .into_iter()
        .map(|e| Outcome {
            status: StatusView::new(e.status, lang),
            article: e.article,
            title: e.title,
            date: DateView::new(e.effective_date, lang),
            source: EventSource::new(e.source_url, e.source_title, lang),
        })
        .collect();
    let page = CouncilPage {
        layout: Layout::new(&at, lang.t("council-title"), lang.t("council-description"), PublicNav::Council, ctx.data),
        review,
        outcomes,
        without_outcome,
    };
    render(&page)
}
