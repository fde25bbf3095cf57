//! `/constitution`: the whole Constitution as it stood at the end of a day,
//! built from the versions of its provisions, with each article's history
//! and a redline wherever both wordings are known.

use askama::Template;
use axum::{extract::State, response::Html};
use chrono::NaiveDate;

use super::{official_wording::RedlinePart, page_context::Context};
use crate::{
    domain::provision::{Document, Fidelity, ProvisionKind},
    i18n::Lang,
    texts::{DOCUMENT_1995, DOCUMENT_2026},
    web::{
        error::AppError,
        render::render,
        state::AppState,
        view::{DateView, Layout, PageLocation, PublicNav},
    },
};

/// The day the 2022 amendments were adopted at the referendum: from then
/// until each took effect, a page marks them as adopted but not in force.
const ADOPTED_2022: NaiveDate = NaiveDate::from_ymd_opt(2022, 6, 5).expect("date");
const ADOPTED_2026: NaiveDate = NaiveDate::from_ymd_opt(2026, 3, 15).expect("date");
const FIRST_2022_CHANGE: NaiveDate = NaiveDate::from_ymd_opt(2022, 6, 8).expect("date");

#[derive(Template)]
#[template(path = "pages/constitution.html")]
struct ConstitutionPage {
    layout: Layout,
    heading: String,
    day: DateView,
    text_lang: &'static str,
    old_text: bool,
    /// Between 15 March and 30 June 2026: the new Constitution is adopted.
    new_adopted: bool,
    before_record: bool,
    /// The Akoma Ntoso file of the expression shown.
    akn_file: String,
    json_ld: String,
    source_title: String,
    source_url: Option<String>,
    blocks: Vec<Block>,
}

struct Block {
    eid: String,
    kind: &'static str,
    /// The words in force (None: unknown, or not yet in force).
    text: Option<String>,
    fidelity: &'static str,
    note: Option<String>,
    /// A wording adopted but not yet in force on the day.
    pending: Option<Pending>,
    /// For articles: the acts that changed them, with redlines.
    history: Vec<HistoryEntry>,
}

struct Pending {
    from: DateView,
    text: Option<String>,
}

struct HistoryEntry {
    eid: String,
    from: DateView,
    act: String,
    point: Option<i64>,
    amendment: Option<String>,
    redline: Vec<RedlinePart>,
    fidelity_before: &'static str,
}

fn fidelity_key(fidelity: Fidelity) -> &'static str {
    fidelity.as_str()
}

/// The text in force at the end of the page's day (today by default).
pub async fn show(State(state): State<AppState>, at: PageLocation) -> Result<Html<String>, AppError> {
    let ctx = Context::load(&state.storage, &at).await?;
    page(&state, at, ctx.as_of, ctx.data).await
}

/// The 1995 Constitution on its last day, 30 June 2026, at an address of
/// its own (so the static export has it too).
pub async fn last_day_1995(State(state): State<AppState>, at: PageLocation) -> Result<Html<String>, AppError> {
    let ctx = Context::load(&state.storage, &at).await?;
    page(&state, at, crate::texts::document_2026_first_day().pred_opt().expect("a day"), ctx.data).await
}

async fn page(
    state: &AppState,
    at: PageLocation,
    day: NaiveDate,
    data: crate::storage::DataState,
) -> Result<Html<String>, AppError> {
    let lang = at.lang;
    let slug = if day >= crate::texts::document_2026_first_day() { DOCUMENT_2026 } else { DOCUMENT_1995 };
    let document = state.storage.legal_document(slug, None).await?.ok_or_else(|| AppError::NotFound(None))?;
    let mut layout = Layout::new(
        &at,
        lang.t("constitution-title"),
        lang.t("constitution-description"),
        PublicNav::Constitution,
        data,
    );
    // The text is the official Russian one on every page (said on the page).
    layout.content_untranslated = false;
    let layout_canonical = layout.canonical.clone();
    let (source_title, source_url) = state.storage.source_by_key(&document.source_key).await?.unwrap_or_default();
    let page = ConstitutionPage {
        source_title,
        source_url: source_url.clone(),
        layout,
        heading: document.title.clone(),
        day: DateView::new(day, lang),
        text_lang: if document.lang == "ru" { "ru" } else { "kk" },
        old_text: slug == DOCUMENT_1995,
        new_adopted: slug == DOCUMENT_1995 && day >= ADOPTED_2026,
        before_record: day < FIRST_2022_CHANGE,
        akn_file: crate::web::akn::file_for(&document, day),
        json_ld: crate::web::json_ld::script_body(&crate::web::json_ld::constitution(
            &document,
            day,
            &layout_canonical,
            source_url.as_deref(),
        )),
        blocks: blocks(&document, day, lang),
    };
    render(&page)
}

fn blocks(document: &Document, day: NaiveDate, lang: Lang) -> Vec<Block> {
    let mut out = Vec::new();
    for node in &document.nodes {
        let versions = document.versions_of(&node.eid);
        let current = versions.iter().find(|v| v.in_force_on(day));
        let next = versions.iter().find(|v| v.valid_from.is_some_and(|from| from > day));
        // Adopted but not yet in force: the 2022 wordings between the vote
        // and their day.
        let pending = next
            .filter(|v| v.act == "law-2022-06-08" && day >= ADOPTED_2022)
            .map(|v| Pending { from: DateView::new(v.valid_from.expect("a start"), lang), text: v.text.clone() });
        if current.is_none() && pending.is_none() {
            continue;
        }
        let history = if node.kind == ProvisionKind::Article {
            article_history(document, &node.eid, day, lang)
        } else {
            Vec::new()
        };
        out.push(Block {
            eid: node.eid.clone(),
            kind: node.kind.as_str(),
            text: current.and_then(|v| v.text.clone()),
            fidelity: current.map_or("absent", |v| fidelity_key(v.fidelity)),
            note: current.and_then(|v| v.note.clone()),
            pending,
            history,
        });
    }
    out
}

/// Every change to an article's provisions that had taken effect by `day`,
/// oldest first, with a word-level redline where both sides are known.
fn article_history(document: &Document, article: &str, day: NaiveDate, lang: Lang) -> Vec<HistoryEntry> {
    let prefix = format!("{article}__");
    let mut entries = Vec::new();
    for node in document.nodes.iter().filter(|n| n.eid == article || n.eid.starts_with(&prefix)) {
        let versions = document.versions_of(&node.eid);
        for (i, version) in versions.iter().enumerate() {
            let Some(from) = version.valid_from.filter(|from| *from <= day) else { continue };
            if version.act == "constitution-1995" || version.act == "constitution-2026" {
                continue;
            }
            let before = i.checked_sub(1).map(|j| versions[j]);
            let redline = match (before.and_then(|b| b.text.as_deref()), version.text.as_deref()) {
                (Some(old), Some(new)) => super::official_wording::redline(old, new),
                _ => Vec::new(),
            };
            entries.push(HistoryEntry {
                eid: node.eid.clone(),
                from: DateView::new(from, lang),
                act: lang.t(&format!("act-{}", version.act)),
                point: version.act_point,
                amendment: (version.act == "law-2022-06-08").then(|| article.trim_start_matches("art_").to_owned()),
                redline,
                fidelity_before: before.map_or("absent", |b| fidelity_key(b.fidelity)),
            });
        }
    }
    entries.sort_by_key(|e| e.from.iso.clone());
    entries
}

#[derive(Template)]
#[template(path = "pages/constitution_compare.html")]
struct ComparePage {
    layout: Layout,
    from: DateView,
    to: DateView,
    /// The two days fall under different constitutions.
    different_documents: bool,
    changes: Vec<Difference>,
}

struct Difference {
    eid: String,
    label: String,
    before: Option<String>,
    before_fidelity: &'static str,
    after: Option<String>,
    after_fidelity: &'static str,
    redline: Vec<RedlinePart>,
}

#[derive(serde::Deserialize)]
pub struct CompareQuery {
    from: Option<String>,
    to: Option<String>,
}

/// Every provision that reads differently at the end of `to` than at the
/// end of `from`, with a redline where both wordings are known.
pub async fn compare(
    State(state): State<AppState>,
    at: PageLocation,
    query: Result<axum::extract::Query<CompareQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Html<String>, AppError> {
    let lang = at.lang;
    let ctx = Context::load(&state.storage, &at).await?;
    let axum::extract::Query(query) = query.map_err(|_| AppError::BadRequest(lang.t("error-compare-dates")))?;
    let today = chrono::Utc::now().date_naive();
    let first = state.storage.first_event_date(ctx.referendum.id).await?;
    let day = |value: Option<&str>, default: NaiveDate| -> Result<NaiveDate, AppError> {
        let date = crate::domain::as_of::parse(value, today)
            .map_err(|e| crate::web::locale::as_of_refusal(&e, lang))?
            .unwrap_or(default);
        crate::domain::as_of::check_first(date, first).map_err(|e| crate::web::locale::as_of_refusal(&e, lang))?;
        Ok(date)
    };
    let from = day(query.from.as_deref(), NaiveDate::from_ymd_opt(2022, 6, 7).expect("date"))?;
    let to = day(query.to.as_deref(), NaiveDate::from_ymd_opt(2023, 1, 1).expect("date"))?;
    let document_on =
        |d: NaiveDate| if d >= crate::texts::document_2026_first_day() { DOCUMENT_2026 } else { DOCUMENT_1995 };
    let different_documents = document_on(from) != document_on(to);
    let mut changes = Vec::new();
    if !different_documents {
        let document =
            state.storage.legal_document(document_on(from), None).await?.ok_or_else(|| AppError::NotFound(None))?;
        for node in &document.nodes {
            let versions = document.versions_of(&node.eid);
            let (old, new) =
                (versions.iter().find(|v| v.in_force_on(from)), versions.iter().find(|v| v.in_force_on(to)));
            if old == new {
                continue;
            }
            let text = |v: Option<&&&crate::domain::provision::Version>| v.and_then(|v| v.text.clone());
            let fidelity =
                |v: Option<&&&crate::domain::provision::Version>| v.map_or("absent", |v| v.fidelity.as_str());
            let redline = match (text(old.as_ref()), text(new.as_ref())) {
                (Some(a), Some(b)) => super::official_wording::redline(&a, &b),
                _ => Vec::new(),
            };
            changes.push(Difference {
                eid: node.eid.clone(),
                label: super::official_wording::label(&node.eid, lang),
                before: text(old.as_ref()),
                before_fidelity: fidelity(old.as_ref()),
                after: text(new.as_ref()),
                after_fidelity: fidelity(new.as_ref()),
                redline,
            });
        }
    }
    let mut layout =
        Layout::new(&at, lang.t("compare-title"), lang.t("compare-description"), PublicNav::Constitution, ctx.data);
    layout.content_untranslated = false;
    render(&ComparePage {
        layout,
        from: DateView::new(from, lang),
        to: DateView::new(to, lang),
        different_documents,
        changes,
    })
}
