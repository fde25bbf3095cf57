//! `/`: what the reform is, where the amendments stand, what comes next.

use askama::Template;
use axum::{extract::State, response::Html};

use super::{page_context::Context, timeline::TimelineItem};
use crate::{
    domain::Status,
    storage::amendments::{AmendmentFilter, EventPoint},
    web::error::AppError,
    web::{
        render::render,
        state::AppState,
        view::{DateView, EventSource, Layout, PageLocation, PublicNav, StatusView, paragraphs},
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
    progress: Vec<ProgressRow>,
    progress_statuses: Vec<StatusView>,
    /// When every amendment had been superseded (as of the page's date).
    superseded_on: Option<DateView>,
}

/// The amendments by status on one date, as a bar (SVG units out of 600,
/// after a 200-unit date label) and as table cells.
struct ProgressRow {
    date: DateView,
    y: usize,
    text_y: usize,
    segments: Vec<BarSegment>,
    counts: Vec<usize>,
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
    let ctx = Context::load(storage, &at).await?;
    let referendum = &ctx.referendum;
    let amendments = storage.amendments(referendum.id, ctx.as_of, &AmendmentFilter::default()).await?;
    let timeline = storage.timeline(referendum.id, None, ctx.horizon()).await?;
    let recent = storage.recent_events(referendum.id, ctx.as_of, 8).await?;
    let timeline_translations = storage.translations("timeline_event", Some(lang.code()), None).await?;
    let announcements = storage.announcements(referendum.id).await?;
    let points = storage.status_points(referendum.id, ctx.as_of).await?;
    let (progress, progress_statuses) = progress_over_time(&points, lang);
    let superseded_on = superseded_on(&points, amendments.len()).map(|d| DateView::new(d, lang));

    // Each amendment's status, parsed once; a bad key counts as none.
    let statuses: Vec<Option<Status>> = amendments.iter().map(|a| a.status).collect();
    let counts: Vec<StatusCount> = Status::ALL
        .into_iter()
        .map(|status| StatusCount {
            status: StatusView::new(status, lang),
            count: statuses.iter().filter(|s| **s == Some(status)).count(),
        })
        .filter(|c| c.count > 0)
        .collect();
    let total = amendments.len();
    let bar = status_bar(&counts, total);

    let last_event = timeline
        .iter()
        .rev()
        .find(|e| e.starts_on <= ctx.as_of)
        .cloned()
        .map(|row| TimelineItem::new(row, lang, &timeline_translations));
    let next_event = timeline
        .iter()
        .find(|e| e.starts_on > ctx.as_of)
        .cloned()
        .map(|row| TimelineItem::new(row, lang, &timeline_translations));

    let page = OverviewPage {
        layout: Layout::new(&at, lang.t("overview-title"), &referendum.summary, PublicNav::Overview, ctx.data),
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
            .map(|e| RecentChange {
                status: StatusView::new(e.status, lang),
                article: e.article,
                title: e.title,
                date: DateView::new(e.effective_date, lang),
                note: e.note,
                source: EventSource::new(e.source_url, e.source_title, lang),
            })
            .collect(),
        announcements: announcements
            .into_iter()
            .map(|a| AnnouncementLink { slug: a.slug, title: a.title, date: DateView::new(a.announced_on, lang) })
            .collect(),
        progress,
        progress_statuses,
        superseded_on,
    };
    render(&page)
}

/// The day the last amendment became superseded, if all of them are (the
/// text they amended no longer has effect).
fn superseded_on(points: &[EventPoint], total: usize) -> Option<chrono::NaiveDate> {
    let mut latest = std::collections::HashMap::new();
    for point in points {
        latest.insert(point.amendment_id, (point.status, point.effective_date));
    }
    let all = total > 0 && latest.len() == total && latest.values().all(|(s, _)| *s == Status::Superseded);
    all.then(|| latest.values().map(|(_, d)| *d).max()).flatten()
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

/// Replays the events: on each date a status changed, how many amendments
/// stood in each status at the end of that day.
fn progress_over_time(
    points: &[crate::storage::amendments::EventPoint],
    lang: crate::i18n::Lang,
) -> (Vec<ProgressRow>, Vec<StatusView>) {
    let mut current: std::collections::HashMap<i64, Status> = std::collections::HashMap::new();
    let mut dates: Vec<(chrono::NaiveDate, Vec<usize>)> = Vec::new();
    let mut i = 0;
    while i < points.len() {
        let date = points[i].effective_date;
        while i < points.len() && points[i].effective_date == date {
            current.insert(points[i].amendment_id, points[i].status);
            i += 1;
        }
        let counts = Status::ALL.iter().map(|s| current.values().filter(|c| *c == s).count()).collect();
        dates.push((date, counts));
    }
    let used: Vec<usize> = (0..Status::ALL.len()).filter(|&k| dates.iter().any(|(_, counts)| counts[k] > 0)).collect();
    let rows = dates
        .into_iter()
        .enumerate()
        .map(|(row, (date, counts))| {
            let total: usize = counts.iter().sum();
            let mut x = 200;
            let segments = used
                .iter()
                .filter(|&&k| counts[k] > 0)
                .map(|&k| {
                    let width = counts[k] * 600 / total.max(1);
                    let segment = BarSegment {
                        status: StatusView::new(Status::ALL[k], lang),
                        count: counts[k],
                        x,
                        width,
                        label_x: x + width / 2,
                        show_count: width >= 30,
                    };
                    x += width;
                    segment
                })
                .collect();
            ProgressRow {
                date: DateView::new(date, lang),
                y: row * 30,
                text_y: row * 30 + 19,
                segments,
                counts: used.iter().map(|&k| counts[k]).collect(),
            }
        })
        .collect();
    (rows, used.into_iter().map(|k| StatusView::new(Status::ALL[k], lang)).collect())
}
