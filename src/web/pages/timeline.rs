//! `/timeline`: the reform's dated events, past and upcoming, with today's
//! position marked.

use askama::Template;
use axum::{extract::State, response::Html};
use chrono::NaiveDate;

use super::page_context::Context;
use crate::{
    domain::certainty::Certainty,
    i18n::Lang,
    storage::{timeline::TimelineRow, translations::TranslationRow},
    web::error::AppError,
    web::{
        render::render,
        state::AppState,
        view::{DateView, Layout, Localized, PageLocation, PublicNav, SourceView, sources_by_subject},
    },
};

#[derive(Debug, Clone)]
pub struct TimelineItem {
    pub key: String,
    pub starts: DateView,
    pub ends: Option<DateView>,
    pub kind: String,
    pub title: Localized,
    pub description: Localized,
    pub uncertain: bool,
    pub uncertainty_note: Option<String>,
    pub sources: Vec<SourceView>,
    starts_on: NaiveDate,
}

impl TimelineItem {
    pub fn new(row: TimelineRow, lang: Lang, translations: &[TranslationRow]) -> Self {
        Self {
            starts: DateView::new(row.starts_on, lang),
            ends: row.ends_on.map(|d| DateView::new(d, lang)),
            kind: lang.t(&format!("kind-{}", row.kind.replace('_', "-"))),
            uncertain: row.certainty == Certainty::Uncertain,
            uncertainty_note: row.uncertainty_note,
            key: row.key,
            title: Localized::pick(&row.title, translations, row.id, "title", lang),
            description: Localized::pick(&row.description, translations, row.id, "description", lang),
            sources: Vec::new(),
            starts_on: row.starts_on,
        }
    }
}

#[derive(Template)]
#[template(path = "pages/timeline.html")]
struct TimelinePage {
    layout: Layout,
    today: DateView,
    past: Vec<TimelineItem>,
    upcoming: Vec<TimelineItem>,
}

pub async fn show(State(state): State<AppState>, at: PageLocation) -> Result<Html<String>, AppError> {
    let lang = at.lang;
    let storage = &state.storage;
    let ctx = Context::load(storage, &at).await?;
    let rows = storage.timeline(ctx.referendum.id, None, ctx.horizon()).await?;
    let sources = sources_by_subject(storage.citations("timeline_event", None).await?);
    let translations = storage.translations("timeline_event", Some(lang.code()), None).await?;
    let (past, upcoming): (Vec<TimelineItem>, Vec<TimelineItem>) = rows
        .into_iter()
        .map(|row| {
            let id = row.id;
            TimelineItem { sources: sources(id), ..TimelineItem::new(row, lang, &translations) }
        })
        .partition(|item| item.starts_on <= ctx.as_of);
    let page = TimelinePage {
        layout: Layout::new(
            &at,
            lang.t("timeline-title"),
            lang.t("timeline-description"),
            PublicNav::Timeline,
            ctx.data,
        ),
        today: DateView::new(ctx.as_of, lang),
        past,
        upcoming,
    };
    render(&page)
}
