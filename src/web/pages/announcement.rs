//! `/announcements/{slug}`: the document, statement by statement, each with
//! its anchor and links back to the amendments it motivated.

use askama::Template;
use axum::{
    extract::{Path, State},
    response::Html,
};

use super::page_context::Context;
use crate::{
    domain::announcement::StatementKind,
    i18n::Arg,
    web::error::AppError,
    web::{
        render::render,
        state::AppState,
        view::{DateView, Layout, Localized, PageLocation, PublicNav, SourceView},
    },
};

#[derive(Template)]
#[template(path = "pages/announcement.html")]
struct AnnouncementPage {
    layout: Layout,
    title: String,
    event: String,
    date: DateView,
    speaker: String,
    venue: String,
    source_note: String,
    sources: Vec<SourceView>,
    sections: Vec<SectionView>,
    intro: String,
}

struct SectionView {
    heading: String,
    slug: String,
    level: i64,
    bullets: bool,
    statements: Vec<StatementView>,
}

struct StatementView {
    slug: String,
    text: String,
    /// The statement in the page's language, when a translation exists.
    translation: Option<Localized>,
    amendments: Vec<BackLink>,
}

struct BackLink {
    article: String,
    title: String,
}

pub async fn show(
    State(state): State<AppState>,
    at: PageLocation,
    Path((_, slug)): Path<(String, String)>,
) -> Result<Html<String>, AppError> {
    let lang = at.lang;
    let storage = &state.storage;
    let ctx = Context::load(storage, &at).await?;
    let announcement =
        storage.announcement(&slug).await?.ok_or_else(|| AppError::NotFound(Some(lang.t("announcement-not-found"))))?;
    let sections = storage.sections(announcement.id).await?;
    let statements = storage.statements(announcement.id).await?;
    let back_links = storage.back_links(announcement.id).await?;
    let sources = storage.citations("announcement", Some(announcement.id)).await?;
    let translations = storage.translations("statement", Some(lang.code()), None).await?;

    let motivating = statements.iter().filter(|s| back_links.iter().any(|b| b.statement_id == s.id)).count();
    let total = statements.len();
    let sections = sections
        .into_iter()
        .map(|section| {
            let own: Vec<_> = statements.iter().filter(|s| s.section_id == section.id).collect();
            SectionView {
                bullets: own.iter().all(|s| s.kind == StatementKind::Bullet.as_str()),
                statements: own
                    .into_iter()
                    .map(|s| StatementView {
                        translation: Some(Localized::pick(&s.text, &translations, s.id, "text", lang))
                            .filter(|t| t.lang != crate::web::view::CONTENT_LANG.code()),
                        slug: s.slug.clone(),
                        text: s.text.clone(),
                        amendments: back_links
                            .iter()
                            .filter(|b| b.statement_id == s.id)
                            .map(|b| BackLink { article: b.article.clone(), title: b.title.clone() })
                            .collect(),
                    })
                    .collect(),
                heading: section.heading,
                slug: section.slug,
                level: section.level,
            }
        })
        .collect();
    let page = AnnouncementPage {
        layout: Layout::new(
            &at,
            announcement.title.clone(),
            format!("{} — {}", announcement.event, announcement.speaker),
            PublicNav::Announcements,
            ctx.data,
        ),
        title: announcement.title,
        event: announcement.event,
        date: DateView::new(announcement.announced_on, lang),
        speaker: announcement.speaker,
        venue: announcement.venue,
        source_note: announcement.source_note,
        sources: sources.into_iter().map(Into::into).collect(),
        sections,
        intro: lang.t_args(
            "announcement-intro",
            &[("motivating", Arg::Num(motivating as i64)), ("total", Arg::Num(total as i64))],
        ),
    };
    render(&page)
}

#[derive(Template)]
#[template(path = "pages/announcements.html")]
struct AnnouncementsPage {
    layout: Layout,
    announcements: Vec<AnnouncementLink>,
}

struct AnnouncementLink {
    slug: String,
    title: String,
    event: String,
    speaker: String,
    date: DateView,
}

pub async fn list(State(state): State<AppState>, at: PageLocation) -> Result<Html<String>, AppError> {
    let lang = at.lang;
    let storage = &state.storage;
    let ctx = Context::load(storage, &at).await?;
    let rows = storage.announcements(ctx.referendum.id).await?;
    let page = AnnouncementsPage {
        layout: Layout::new(
            &at,
            lang.t("announcements-title"),
            lang.t("announcements-description"),
            PublicNav::Announcements,
            ctx.data,
        ),
        announcements: rows
            .into_iter()
            .map(|a| AnnouncementLink {
                slug: a.slug,
                title: a.title,
                event: a.event,
                speaker: a.speaker,
                date: DateView::new(a.announced_on, lang),
            })
            .collect(),
    };
    render(&page)
}
