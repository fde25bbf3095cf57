//! `/`: what the reform is, where the amendments stand, what comes next.

use askama::Template;
use axum::{extract::State, response::Html};

use super::{Context, timeline::TimelineItem};
use crate::{
    domain::Status,
    error::AppError,
    storage::AmendmentFilter,
    web::{
        AppState, render,
        view::{DateView, EventSource, Layout, PageLocation, StatusView, paragraphs},
    },
};

#[derive(Template)]
#[template(path = "pages/overview.html")]
struct OverviewPage {
    layout: Layout,
    title: String,
    summary: Vec<String>,
    proposed_on: DateView,
    vote_on: Option<DateView>,
    total: usize,
    counts: Vec<StatusCount>,
    bar: Vec<BarSegment>,
    last_event: Option<TimelineItem>,
    next_event: Option<TimelineItem>,
    recent: Vec<RecentChange>,
    announcements: Vec<AnnouncementLink>,
}

struct StatusCount {
    status: StatusView,
    count: usize,
}

/// One stretch of the status bar, in SVG user units out of 1000.
struct BarSegment {
    status: StatusView,
    count: usize,
    x: usize,
    width: usize,
    label_x: usize,
    show_count: bool,
}

struct RecentChange {
    article: String,
    title: String,
    status: StatusView,
    date: DateView,
    note: String,
    source: EventSource,
}

struct AnnouncementLink {
    slug: String,
    title: String,
    date: DateView,
}

pub async fn show(State(state): State<AppState>, at: PageLocation) -> Result<Html<String>, AppError> {
    let lang = at.lang;
    let storage = &state.storage;
    let ctx = Context::load(storage, lang).await?;
    let referendum = &ctx.referendum;
    let amendments = storage.amendments(referendum.id, ctx.today, &AmendmentFilter::default()).await?;
    let timeline = storage.timeline(referendum.id, None, crate::storage::end_of_time()).await?;
    let recent = storage.recent_events(referendum.id, ctx.today, 8).await?;
    let announcements = storage.announcements(referendum.id).await?;

    let counts: Vec<StatusCount> = Status::ALL
        .into_iter()
        .map(|status| StatusCount {
            status: StatusView::new(status, lang),
            count: amendments.iter().filter(|a| a.status.as_deref() == Some(status.as_str())).count(),
        })
        .filter(|c| c.count > 0)
        .collect();
    let total = amendments.len();
    let bar = status_bar(&counts, total);

    let last_event =
        timeline.iter().rev().find(|e| e.starts_on <= ctx.today).cloned().map(|row| TimelineItem::new(row, lang));
    let next_event = timeline.iter().find(|e| e.starts_on > ctx.today).cloned().map(|row| TimelineItem::new(row, lang));

    let page = OverviewPage {
        layout: Layout::new(&at, lang.t("overview-title"), &referendum.summary, "overview", ctx.data),
        title: referendum.title.clone(),
        summary: paragraphs(&referendum.summary),
        proposed_on: DateView::new(referendum.proposed_on, lang),
        vote_on: referendum.vote_on.map(|d| DateView::new(d, lang)),
        total,
        counts,
        bar,
        last_event,
        next_event,
        recent: recent
            .into_iter()
            .filter_map(|e| {
                Some(RecentChange {
                    status: StatusView::from_key(&e.status, lang)?,
                    article: e.article,
                    title: e.title,
                    date: DateView::new(e.effective_date, lang),
                    note: e.note,
                    source: EventSource::new(e.source_url, e.source_title, lang),
                })
            })
            .collect(),
        announcements: announcements
            .into_iter()
            .map(|a| AnnouncementLink { slug: a.slug, title: a.title, date: DateView::new(a.announced_on, lang) })
            .collect(),
    };
    render(&page)
}

fn status_bar(counts: &[StatusCount], total: usize) -> Vec<BarSegment> {
    const WIDTH: usize = 1000;
    let mut x = 0;
    let mut segments = Vec::with_capacity(counts.len());
    for (i, c) in counts.iter().enumerate() {
        let width = if i + 1 == counts.len() { WIDTH - x } else { c.count * WIDTH / total.max(1) };
        segments.push(BarSegment {
            status: c.status.clone(),
            count: c.count,
            x,
            width,
            label_x: x + width / 2,
            show_count: width >= 40,
        });
        x += width;
    }
    segments
}
