//! Atom feeds (RFC 4287) of status changes and timeline events, and an
//! iCalendar feed (RFC 5545) of the timeline. Entry ids and UIDs are built
//! from database ids, so they stay stable across restarts.

use atom_syndication::{Content, Entry, Feed, FixedDateTime, Link, Person, Text};
use axum::{
    extract::{FromRequestParts, Path, State},
    http::{HeaderValue, header, request::Parts},
    response::{IntoResponse, Response},
};
use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
use icalendar::{Calendar, Component, EventLike};

use super::{area::Area, context::RequestContext, routes::Route, state::AppState, view::status_label};
use crate::{
    domain::text::printable,
    i18n::{Arg, Lang},
    web::error::AppError,
};

/// Feeds are public reads; like the API, other sites may fetch them (CORS,
/// added with the public routes in `web::router`).
pub fn routes() -> Vec<Route> {
    vec![
        Route::get(Area::Public, "/feed.atom", site_feed),
        Route::get(Area::Public, "/{lang}/feed.atom", site_feed),
        Route::get(Area::Public, "/amendments/{article}/feed.atom", amendment_feed),
        Route::get(Area::Public, "/{lang}/amendments/{article}/feed.atom", amendment_feed),
        Route::get(Area::Public, "/timeline.ics", calendar),
        Route::get(Area::Public, "/{lang}/timeline.ics", calendar),
    ]
}

/// The feed's language (prefix, else the browser's) and the site's base
/// address for absolute links.
pub struct FeedContext {
    lang: Lang,
    base_url: String,
}

impl FromRequestParts<AppState> for FeedContext {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let Ok(context) = RequestContext::from_request_parts(parts, state).await;
        Ok(Self { lang: context.lang, base_url: context.origin })
    }
}

fn at_midnight(date: NaiveDate) -> FixedDateTime {
    Utc.from_utc_datetime(&date.and_time(NaiveTime::MIN)).fixed_offset()
}

const TAG: &str = "tag:referendum-tracker,2022";

fn atom_response(feed: Feed) -> Response {
    // No control character an editor typed reaches the XML (where it would be
    // invalid); line breaks stay.
    let body = printable(&feed.to_string()).into_owned();
    ([(header::CONTENT_TYPE, HeaderValue::from_static("application/atom+xml; charset=utf-8"))], body).into_response()
}

async fn build_feed(state: &AppState, ctx: &FeedContext, article: Option<&str>) -> Result<Feed, AppError> {
    let lang = ctx.lang;
    let base = format!("{}/{}", ctx.base_url, lang.code());
    let storage = &state.storage;
    let referendum =
        storage.current_referendum().await?.ok_or_else(|| AppError::NotFound(Some(lang.t("no-referendum"))))?;
    let events = storage.all_status_events(referendum.id).await?;
    let mut entries: Vec<(NaiveDate, i64, Entry)> = Vec::new();
    for (event_article, event) in events.into_iter().filter(|(a, _)| article.is_none_or(|x| x == a)) {
        let label = status_label(event.status, lang);
        let page = format!("{base}/amendments/{event_article}#event-{}", event.id);
        let mut text = event.note.clone();
        if let Some(url) = event.source_url.as_ref().or(event.source_title.as_ref()) {
            text.push_str(&format!("\n\n{}: {url}", lang.t("source")));
        }
        if let Some(corrected) = event.corrects_event_id {
            text.push_str(&format!("\n\n{} #{corrected}", lang.t("correction")));
        }
        let entry = Entry {
            title: Text::plain(format!("{} {event_article}: {label}", lang.t("article"))),
            id: format!("{TAG}:status-event:{}", event.id),
            updated: event.recorded_at.fixed_offset(),
            published: Some(at_midnight(event.effective_date)),
            links: vec![Link {
                href: page,
                rel: "alternate".into(),
                mime_type: Some("text/html".into()),
                ..Default::default()
            }],
            content: Some(Content { value: Some(text), content_type: Some("text".into()), ..Default::default() }),
            ..Default::default()
        };
        entries.push((event.effective_date, event.id, entry));
    }
    let timeline = match article {
        None => storage.timeline(referendum.id, None, crate::storage::end_of_time()).await?,
        Some(article) => match storage.amendment(referendum.id, article).await? {
            Some(a) => storage.timeline(referendum.id, Some(a.id), crate::storage::end_of_time()).await?,
            None => return Err(AppError::NotFound(None)),
        },
    };
    let updated_times = storage.timeline_updated_at(referendum.id).await?;
    for t in timeline {
        let updated = updated_times
            .iter()
            .find(|(id, _)| *id == t.id)
            .map(|(_, at)| at.fixed_offset())
            .unwrap_or_else(|| at_midnight(t.starts_on));
        let entry = Entry {
            title: Text::plain(format!("{}: {}", lang.date(t.starts_on), t.title)),
            id: format!("{TAG}:timeline-event:{}", t.id),
            updated,
            published: Some(at_midnight(t.starts_on)),
            links: vec![Link {
                href: format!("{base}/timeline#event-{}", t.key),
                rel: "alternate".into(),
                mime_type: Some("text/html".into()),
                ..Default::default()
            }],
            content: Some(Content {
                value: Some(t.description.clone()),
                content_type: Some("text".into()),
                ..Default::default()
            }),
            ..Default::default()
        };
        entries.push((t.starts_on, t.id, entry));
    }
    // Results, once published, in the site feed.
    if article.is_none() {
        for set in storage.result_sets(referendum.id, crate::storage::end_of_time()).await? {
            let entry = Entry {
                title: Text::plain(format!(
                    "{}: {}",
                    lang.date(set.published_on),
                    lang.t(&format!("stage-{}", set.stage))
                )),
                id: format!("{TAG}:result-set:{}:{}", set.id, set.version),
                updated: at_midnight(set.published_on),
                published: Some(at_midnight(set.published_on)),
                links: vec![Link {
                    href: format!("{base}/results?stage={}", set.stage),
                    rel: "alternate".into(),
                    mime_type: Some("text/html".into()),
                    ..Default::default()
                }],
                content: Some(Content {
                    value: Some(set.description.clone()),
                    content_type: Some("text".into()),
                    ..Default::default()
                }),
                ..Default::default()
            };
            entries.push((set.published_on, set.id, entry));
        }
    }
    // Newest first by the date the change took effect.
    entries.sort_by_key(|(date, id, _)| std::cmp::Reverse((*date, *id)));
    let updated = entries.iter().map(|(_, _, e)| e.updated).max().unwrap_or_else(|| Utc::now().fixed_offset());
    let (self_href, html_href, title) = match article {
        Some(a) => (
            format!("{base}/amendments/{a}/feed.atom"),
            format!("{base}/amendments/{a}"),
            format!("{} — {} {a}", lang.t("site-name"), lang.t("article")),
        ),
        None => {
            (format!("{base}/feed.atom"), format!("{base}/"), format!("{} — {}", lang.t("site-name"), referendum.title))
        }
    };
    // The end of the audit trail, so that any subscriber keeps a copy of it.
    let head = state.storage.audit_head().await?;
    let subtitle = head.map(|h| {
        Text::plain(lang.t_args("feed-audit-head", &[("count", Arg::Num(h.records)), ("hash", Arg::Str(&h.hash))]))
    });
    Ok(Feed {
        title: Text::plain(title),
        subtitle,
        id: format!("{TAG}:feed:{}{}", referendum.slug, article.map(|a| format!(":{a}")).unwrap_or_default()),
        updated,
        authors: vec![Person { name: lang.t("site-name"), ..Default::default() }],
        links: vec![
            Link {
                href: self_href,
                rel: "self".into(),
                mime_type: Some("application/atom+xml".into()),
                ..Default::default()
            },
            Link {
                href: html_href,
                rel: "alternate".into(),
                mime_type: Some("text/html".into()),
                ..Default::default()
            },
        ],
        lang: Some(lang.code().to_owned()),
        entries: entries.into_iter().map(|(_, _, e)| e).collect(),
        ..Default::default()
    })
}

async fn site_feed(State(state): State<AppState>, ctx: FeedContext) -> Result<Response, AppError> {
    Ok(atom_response(build_feed(&state, &ctx, None).await?))
}

async fn amendment_feed(
    State(state): State<AppState>,
    ctx: FeedContext,
    Path(params): Path<std::collections::HashMap<String, String>>,
) -> Result<Response, AppError> {
    let article = params.get("article").cloned().unwrap_or_default();
    crate::domain::ArticleNumber::parse(&article).map_err(|_| AppError::NotFound(None))?;
    Ok(atom_response(build_feed(&state, &ctx, Some(&article)).await?))
}

async fn calendar(State(state): State<AppState>, ctx: FeedContext) -> Result<Response, AppError> {
    let lang = ctx.lang;
    let storage = &state.storage;
    let referendum =
        storage.current_referendum().await?.ok_or_else(|| AppError::NotFound(Some(lang.t("no-referendum"))))?;
    let events = storage.timeline(referendum.id, None, crate::storage::end_of_time()).await?;
    let stamp = storage.data_state().await?.changed_at.unwrap_or_else(Utc::now);
    let mut calendar = Calendar::new();
    calendar.name(&format!("{} — {}", lang.t("site-name"), lang.t("timeline-title")));
    for t in events {
        let mut event = icalendar::Event::new();
        event
            .uid(&format!("timeline-event-{}@referendum-tracker", t.id))
            .timestamp(stamp)
            .summary(&printable(&t.title))
            .description(&printable(&match &t.uncertainty_note {
                Some(note) => format!("{}\n\n{}: {note}", t.description, lang.t("uncertain")),
                None => t.description.clone(),
            }))
            .url(&format!("{}/{}/timeline#event-{}", ctx.base_url, lang.code(), t.key));
        match t.ends_on {
            // DTEND of an all-day event is exclusive: the day after the last.
            Some(end) => event.starts(t.starts_on).ends(end.succ_opt().unwrap_or(end)),
            None => event.all_day(t.starts_on),
        };
        calendar.push(event.done());
    }
    Ok((
        [(header::CONTENT_TYPE, HeaderValue::from_static("text/calendar; charset=utf-8"))],
        calendar.done().to_string(),
    )
        .into_response())
}
