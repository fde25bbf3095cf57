//! `/timeline`: the reform's dated events, past and upcoming, with today's
//! position marked.

use askama::Template;
use axum::{extract::State, response::Html};
use chrono::NaiveDate;

use super::Context;
use crate::{
    error::AppError,
    storage::TimelineRow,
    web::{
        AppState, render,
        view::{DateView, Layout, SourceView, sources_by_subject},
    },
};

#[derive(Debug, Clone)]
pub struct TimelineItem {
    pub key: String,
    pub starts: DateView,
    pub ends: Option<DateView>,
    pub kind: &'static str,
    pub title: String,
    pub description: String,
    pub uncertain: bool,
    pub uncertainty_note: Option<String>,
    pub sources: Vec<SourceView>,
    starts_on: NaiveDate,
}

impl From<TimelineRow> for TimelineItem {
    fn from(row: TimelineRow) -> Self {
        Self {
            starts: DateView::new(row.starts_on),
            ends: row.ends_on.map(DateView::new),
            kind: kind_label(&row.kind),
            uncertain: row.certainty == "uncertain",
            uncertainty_note: row.uncertainty_note,
            key: row.key,
            title: row.title,
            description: row.description,
            sources: Vec::new(),
            starts_on: row.starts_on,
        }
    }
}

pub fn kind_label(kind: &str) -> &'static str {
    match kind {
        "context" => "Context",
        "announcement" => "Announcement",
        "council" => "Constitutional review",
        "decree" => "Decree",
        "referendum" => "Referendum",
        "results" => "Results",
        "law" => "Law",
        "entry_into_force" => "Entry into force",
        "implementation" => "Implementation",
        "election" => "Election",
        _ => "Event",
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

pub async fn show(State(state): State<AppState>) -> Result<Html<String>, AppError> {
    let storage = &state.storage;
    let ctx = Context::load(storage).await?;
    let rows = storage.timeline(ctx.referendum.id, None, crate::storage::end_of_time()).await?;
    let sources = sources_by_subject(storage.citations("timeline_event", None).await?);
    let (past, upcoming): (Vec<TimelineItem>, Vec<TimelineItem>) = rows
        .into_iter()
        .map(|row| {
            let id = row.id;
            TimelineItem { sources: sources(id), ..TimelineItem::from(row) }
        })
        .partition(|item| item.starts_on <= ctx.today);
    let page = TimelinePage {
        layout: Layout::new(
            "Timeline",
            "Every dated step of the reform, from the first announcement to entry into force, each with its source.",
            "timeline",
            ctx.data,
        ),
        today: DateView::new(ctx.today),
        past,
        upcoming,
    };
    render(&page)
}
