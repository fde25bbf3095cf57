//! `/amendments` and `/amendments/{article}`.

use askama::Template;
use axum::{
    extract::{Path, Query, State, rejection::QueryRejection},
    response::Html,
};
use serde::Deserialize;

use super::{page_context::Context, timeline::TimelineItem};
use crate::{
    domain::{ArticleNumber, Status},
    i18n::{Arg, Lang},
    storage::{amendments::AmendmentFilter, amendments::AmendmentThemeRow, amendments::ThemeRow},
    web::error::AppError,
    web::{
        render::render,
        state::AppState,
        view::{
            DateView, HistoryEntry, Layout, Localized, PageLocation, PublicNav, SelectOption, SourceView, StatusView,
            TimestampView, paragraphs, sources_by_subject, status_history, status_label,
        },
    },
};

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    status: Option<String>,
    theme: Option<String>,
}

#[derive(Template)]
#[template(path = "pages/amendments.html")]
struct ListPage {
    layout: Layout,
    rows: Vec<ListRow>,
    total: usize,
    shown_text: String,
    statuses: Vec<SelectOption>,
    themes: Vec<SelectOption>,
    filtered: bool,
    headings: Vec<HeadingView>,
}

struct ListRow {
    article: String,
    title: Localized,
    summary: Localized,
    new_article: bool,
    status: Option<StatusView>,
    since: Option<DateView>,
    themes: Vec<ThemeLink>,
}

struct ThemeLink {
    key: String,
    name: String,
}

struct HeadingView {
    section: String,
    before: Option<String>,
    after: String,
    takes_effect_on: DateView,
    sources: Vec<SourceView>,
    /// The law's point that renamed the heading, verbatim, line by line.
    point: Option<(i64, Vec<String>)>,
}

pub async fn list(
    State(state): State<AppState>,
    at: PageLocation,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Result<Html<String>, AppError> {
    let lang = at.lang;
    let Query(query) = query.map_err(|e| AppError::BadRequest(lang.ts("error-bad-query", "detail", &e.body_text())))?;
    let storage = &state.storage;
    let ctx = Context::load(storage, &at).await?;
    let referendum_id = ctx.referendum.id;
    let themes = storage.themes(referendum_id).await?;

    let status = match query.status.as_deref().filter(|s| !s.is_empty()) {
        Some(key) => Some(key.parse::<Status>().map_err(|_| {
            AppError::BadRequest(format!(
                "{} {}",
                lang.ts("error-unknown-status", "value", &clip(key)),
                lang.ts("error-allowed", "allowed", &Status::allowed_keys())
            ))
        })?),
        None => None,
    };
    let theme = match query.theme.as_deref().filter(|s| !s.is_empty()) {
        Some(key) if themes.iter().any(|t| t.key == key) => Some(key),
        Some(key) => {
            let allowed: Vec<&str> = themes.iter().map(|t| t.key.as_str()).collect();
            return Err(AppError::BadRequest(format!(
                "{} {}",
                lang.ts("error-unknown-theme", "value", &clip(key)),
                lang.ts("error-allowed", "allowed", &allowed.join(", "))
            )));
        }
        None => None,
    };

    let filter = AmendmentFilter { status: status.map(Status::as_str), theme };
    let rows = storage.amendments(referendum_id, ctx.as_of, &filter).await?;
    let row_themes = storage.amendment_themes(referendum_id, None).await?;
    let translations = storage.translations("amendment", Some(lang.code()), None).await?;
    let headings = storage.section_headings(referendum_id).await?;
    // The points that renamed the headings, verbatim (headings are not
    // amendments, so they have no page of their own).
    let heading_points = match headings.is_empty() {
        true => Vec::new(),
        false => storage.law_points(referendum_id, None).await?,
    };
    let heading_sources = sources_by_subject(storage.citations("heading", None).await?);
    let total_count = storage.amendments(referendum_id, ctx.as_of, &AmendmentFilter::default()).await?.len();

    let filter_summary = describe_filter(status, theme.and_then(|key| themes.iter().find(|t| t.key == key)), lang);
    let page = ListPage {
        layout: Layout::new(
            &at,
            if status.is_some() || theme.is_some() {
                lang.ts("amendments-title-filtered", "filter", &filter_summary)
            } else {
                lang.t("amendments-title")
            },
            lang.t("amendments-description"),
            PublicNav::Amendments,
            ctx.data,
        ),
        total: total_count,
        shown_text: lang
            .t_args("shown-count", &[("shown", Arg::Num(rows.len() as i64)), ("total", Arg::Num(total_count as i64))]),
        filtered: status.is_some() || theme.is_some(),
        statuses: Status::ALL
            .into_iter()
            .map(|s| SelectOption {
                value: s.as_str().to_owned(),
                label: status_label(s, lang),
                selected: Some(s) == status,
            })
            .collect(),
        themes: themes
            .iter()
            .map(|t| SelectOption {
                value: t.key.clone(),
                label: t.name.clone(),
                selected: Some(t.key.as_str()) == theme,
            })
            .collect(),
        rows: rows
            .into_iter()
            .map(|row| ListRow {
                themes: themes_of(&row_themes, row.id),
                status: row.status.map(|s| StatusView::new(s, lang)),
                since: row.status_date.map(|d| DateView::new(d, lang)),
                title: Localized::pick(&row.title, &translations, row.id, "title", lang),
                summary: Localized::pick(&row.summary, &translations, row.id, "summary", lang),
                article: row.article,
                new_article: row.new_article,
            })
            .collect(),
        headings: headings
            .into_iter()
            .map(|h| HeadingView {
                point: h.law_point.and_then(|n| heading_points.iter().find(|p| p.number == n)).map(|p| {
                    let lines = p.text.lines().map(|l| l.trim_start_matches(['>', ' ']).to_owned());
                    (p.number, lines.filter(|l| !l.is_empty()).collect())
                }),
                sources: heading_sources(h.id),
                section: h.section,
                before: h.before_title,
                after: h.after_title,
                takes_effect_on: DateView::new(h.takes_effect_on, lang),
            })
            .collect(),
    };
    render(&page)
}

fn describe_filter(status: Option<Status>, theme: Option<&ThemeRow>, lang: Lang) -> String {
    match (status, theme) {
        (Some(s), Some(t)) => lang.t_args(
            "filter-status-and-theme",
            &[("status", Arg::Str(&status_label(s, lang))), ("theme", Arg::Str(&t.name))],
        ),
        (Some(s), None) => lang.ts("filter-status", "status", &status_label(s, lang)),
        (None, Some(t)) => lang.ts("filter-theme", "theme", &t.name),
        (None, None) => String::new(),
    }
}

fn themes_of(rows: &[AmendmentThemeRow], amendment_id: i64) -> Vec<ThemeLink> {
    rows.iter()
        .filter(|t| t.amendment_id == amendment_id)
        .map(|t| ThemeLink { key: t.key.clone(), name: t.name.clone() })
        .collect()
}

/// Echoing a user's value back is useful; echoing a megabyte is not.
fn clip(value: &str) -> String {
    let clipped: String = value.chars().take(60).collect();
    if clipped.len() < value.len() { format!("{clipped}…") } else { clipped }
}

#[derive(Template)]
#[template(path = "pages/amendment.html")]
struct DetailPage {
    layout: Layout,
    article: String,
    title: Localized,
    summary: Localized,
    explanation: Vec<String>,
    law_point: Option<i64>,
    new_article: bool,
    section: Option<String>,
    status: Option<StatusView>,
    status_since: Option<DateView>,
    steps: Vec<Step>,
    themes: Vec<ThemeLink>,
    wording_before: Option<String>,
    wording_after: Option<String>,
    /// The law's points for this article, verbatim, with the official
    /// wording of each provision they changed.
    official: Vec<super::official_wording::PointView>,
    /// schema.org Legislation, where the official text is shown.
    json_ld: Option<String>,
    in_force: Vec<InForce>,
    history: Vec<HistoryEntry>,
    motivations: Vec<Motivation>,
    timeline: Vec<TimelineItem>,
    sources: Vec<SourceView>,
    previous: Option<String>,
    next: Option<String>,
    updated_at: TimestampView,
}

/// One step of the pipeline stepper; its state is spelled out in text as
/// well as styled.
struct Step {
    label: String,
    state: StepState,
    state_text: String,
    date: Option<DateView>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StepState {
    Done,
    /// The step the amendment is at; marked `aria-current="step"`.
    Current,
    Todo,
}

impl StepState {
    /// The stepper's class suffix: `step-done`, `step-current`, `step-todo`.
    fn class(self) -> &'static str {
        match self {
            StepState::Done => "done",
            StepState::Current => "current",
            StepState::Todo => "todo",
        }
    }

    fn text_key(self) -> &'static str {
        match self {
            StepState::Done => "step-state-done",
            StepState::Current => "step-state-current",
            StepState::Todo => "step-state-todo",
        }
    }
}

struct InForce {
    date: DateView,
    note: String,
    sources: Vec<SourceView>,
}

struct Motivation {
    note: String,
    statement_slug: String,
    statement_text: String,
    section_heading: String,
    announcement_slug: String,
    announcement_title: String,
    announced_on: DateView,
    speaker: String,
}

const PIPELINE: [(&str, &[Status]); 6] = [
    ("step-drafted", &[Status::Drafted]),
    ("step-submitted", &[Status::Submitted]),
    ("step-council", &[Status::CouncilCompliant, Status::CouncilNoncompliant]),
    ("step-ballot", &[Status::OnBallot]),
    ("step-vote", &[Status::Adopted, Status::Rejected]),
    ("step-in-force", &[Status::InForce, Status::AmendedLater, Status::Superseded]),
];

pub async fn show(
    State(state): State<AppState>,
    at: PageLocation,
    Path((_, article)): Path<(String, String)>,
) -> Result<Html<String>, AppError> {
    let lang = at.lang;
    let not_found =
        || AppError::NotFound(Some(lang.t_args("amendment-not-found", &[("article", Arg::Str(&clip(&article)))])));
    ArticleNumber::parse(&article).map_err(|_| not_found())?;
    let storage = &state.storage;
    let ctx = Context::load(storage, &at).await?;
    let referendum_id = ctx.referendum.id;
    let amendment = storage.amendment(referendum_id, &article).await?.ok_or_else(not_found)?;
    let id = amendment.id;

    let events = storage.status_events(id, ctx.as_of).await?;
    let themes = storage.amendment_themes(referendum_id, Some(id)).await?;
    let in_force_rows = storage.entry_into_force(id).await?;
    let in_force_sources = sources_by_subject(storage.citations("entry_into_force", None).await?);
    let motivations = storage.motivations(id).await?;
    let timeline = storage.timeline(referendum_id, Some(id), ctx.horizon()).await?;
    let sources = storage.citations("amendment", Some(id)).await?;
    let timeline_translations = storage.translations("timeline_event", Some(lang.code()), None).await?;
    let (previous, next) = storage.adjacent_articles(referendum_id, &article).await?;
    let translations = storage.translations("amendment", Some(lang.code()), Some(id)).await?;

    let corrected_by = |event_id: i64| events.iter().find(|e| e.corrects_event_id == Some(event_id)).map(|e| e.id);
    let effective: Vec<_> = events.iter().filter(|e| corrected_by(e.id).is_none()).collect();
    let current = effective.last();
    let current_status = current.map(|e| e.status);

    // The effective entries' statuses, parsed once; the schema's CHECK keeps
    // unknown keys out, and a bad row must not take the page down.
    let reached_statuses: Vec<_> = effective.iter().map(|e| (e.status, e.effective_date)).collect();
    let steps = PIPELINE
        .iter()
        .enumerate()
        .map(|(stage, (label, statuses))| {
            let reached = reached_statuses.iter().rev().find(|(s, _)| statuses.contains(s));
            let current_stage = current_status.map(Status::stage);
            let state = match current_stage {
                Some(now) if now == stage && current_status.is_some_and(|s| s != Status::Withdrawn) => {
                    StepState::Current
                }
                _ if reached.is_some() => StepState::Done,
                _ => StepState::Todo,
            };
            // A step with two outcomes is named after the one reached.
            let label = match reached.map(|(s, _)| *s) {
                Some(Status::CouncilNoncompliant) => "step-council-noncompliant",
                Some(Status::CouncilCompliant) => "step-council-compliant",
                Some(Status::Rejected) => "step-rejected",
                Some(Status::Adopted) => "step-adopted",
                _ => label,
            };
            Step {
                label: lang.t(label),
                state,
                state_text: lang.t(state.text_key()),
                date: reached.map(|(_, date)| DateView::new(*date, lang)),
            }
        })
        .collect();

    let points = storage.law_points(referendum_id, Some(&article)).await?;
    let official = match storage.legal_document(crate::texts::DOCUMENT_1995, Some(&article)).await? {
        Some(document) if !points.is_empty() => super::official_wording::points(&points, &document, lang),
        _ => Vec::new(),
    };

    let history = status_history(&events, lang);
    let layout = Layout::new(
        &at,
        format!("{} {}: {}", lang.t("article"), amendment.article, amendment.title),
        amendment.summary.clone(),
        PublicNav::Amendments,
        ctx.data,
    );
    let in_force = matches!(current_status, Some(Status::InForce | Status::AmendedLater));
    let json_ld = (!official.is_empty()).then(|| {
        let value = crate::web::json_ld::amendment(&amendment.article, ctx.as_of, &layout.canonical, in_force);
        crate::web::json_ld::script_body(&value)
    });

    let page = DetailPage {
        layout,
        json_ld,
        status: current_status.map(|s| StatusView::new(s, lang)),
        status_since: current.map(|e| DateView::new(e.effective_date, lang)),
        steps,
        themes: themes_of(&themes, id),
        explanation: paragraphs(&amendment.explanation),
        official,
        in_force: in_force_rows
            .into_iter()
            .map(|row| InForce {
                sources: in_force_sources(row.id),
                date: DateView::new(row.takes_effect_on, lang),
                note: row.note,
            })
            .collect(),
        history,
        motivations: motivations
            .into_iter()
            .map(|m| Motivation {
                note: m.note,
                statement_slug: m.statement_slug,
                statement_text: m.statement_text,
                section_heading: m.section_heading,
                announcement_slug: m.announcement_slug,
                announcement_title: m.announcement_title,
                announced_on: DateView::new(m.announced_on, lang),
                speaker: m.speaker,
            })
            .collect(),
        timeline: timeline.into_iter().map(|row| TimelineItem::new(row, lang, &timeline_translations)).collect(),
        sources: sources.into_iter().map(Into::into).collect(),
        previous,
        next,
        updated_at: TimestampView::new(amendment.updated_at, lang),
        article: amendment.article,
        title: Localized::pick(&amendment.title, &translations, id, "title", lang),
        summary: Localized::pick(&amendment.summary, &translations, id, "summary", lang),
        law_point: amendment.law_point,
        new_article: amendment.new_article,
        section: amendment.section,
        wording_before: amendment.wording_before,
        wording_after: amendment.wording_after,
    };
    render(&page)
}
