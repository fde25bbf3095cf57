//! `/search?q=…`: ranked results over amendments, statements and timeline
//! events in every stored language, with highlighted snippets and links to
//! the exact anchor.

use askama::Template;
use axum::{
    extract::{Query, State, rejection::QueryRejection},
    response::Html,
};
use serde::Deserialize;

use super::page_context::Context;
use crate::{
    domain::content::ContentKind,
    storage::search::{MARK_END, MARK_START},
    web::error::AppError,
    web::{
        render::render,
        state::AppState,
        view::{Layout, PageLocation, PublicNav},
    },
};

#[derive(Debug, Deserialize, Default)]
pub struct SearchQuery {
    q: Option<String>,
}

#[derive(Template)]
#[template(path = "pages/search.html")]
struct SearchPage {
    layout: Layout,
    query: String,
    searched: bool,
    results: Vec<ResultView>,
}

struct ResultView {
    href: String,
    title: String,
    kind: String,
    lang: String,
    parts: Vec<(bool, String)>,
}

/// Splits a snippet at the match markers: (highlighted, text) runs.
fn snippet_parts(snippet: &str) -> Vec<(bool, String)> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut marked = false;
    for c in snippet.chars() {
        match c {
            MARK_START | MARK_END => {
                if !current.is_empty() {
                    parts.push((marked, std::mem::take(&mut current)));
                }
                marked = c == MARK_START;
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        parts.push((marked, current));
    }
    parts
}

pub async fn show(
    State(state): State<AppState>,
    at: PageLocation,
    query: Result<Query<SearchQuery>, QueryRejection>,
) -> Result<Html<String>, AppError> {
    let lang = at.lang;
    // A query string that does not even parse is searched as empty.
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let text: String = query.q.unwrap_or_default().chars().take(200).collect();
    let storage = &state.storage;
    let ctx = Context::load(storage, &at).await?;
    let hits = storage.search(&text, 200).await?;
    // One result per target, at its best rank.
    let mut seen: Vec<(ContentKind, i64)> = Vec::new();
    let hits: Vec<_> = hits
        .into_iter()
        .filter(|h| {
            let key = (h.kind, h.ref_id);
            !seen.contains(&key) && {
                seen.push(key);
                true
            }
        })
        .collect();
    let ids = |kind: ContentKind| hits.iter().filter(|h| h.kind == kind).map(|h| h.ref_id).collect::<Vec<_>>();
    let targets = storage
        .hit_targets(
            ctx.referendum.id,
            &ids(ContentKind::Amendment),
            &ids(ContentKind::Statement),
            &ids(ContentKind::TimelineEvent),
            &ids(ContentKind::StatusEvent),
            &ids(ContentKind::Provision),
        )
        .await?;
    let keep = at.as_of.map(|d| format!("?as_of={d}")).unwrap_or_default();
    let base = format!("/{}", lang.code());
    let results = hits
        .iter()
        .filter_map(|hit| {
            let target = targets.iter().find(|t| t.kind == hit.kind && t.id == hit.ref_id)?;
            let (href, title, kind) = match hit.kind {
                ContentKind::Amendment => (
                    format!("{base}/amendments/{}{keep}", target.key),
                    format!("{} {}: {}", lang.t("article"), target.key, target.title),
                    lang.t("search-kind-amendment"),
                ),
                ContentKind::Statement => (
                    format!("{base}/announcements/{}{keep}#{}", target.key, target.anchor.clone().unwrap_or_default()),
                    target.title.clone(),
                    lang.t("search-kind-statement"),
                ),
                ContentKind::StatusEvent => (
                    format!(
                        "{base}/amendments/{}{keep}#event-{}",
                        target.key,
                        target.anchor.clone().unwrap_or_default()
                    ),
                    format!("{} {}: {}", lang.t("article"), target.key, target.title),
                    lang.t("search-kind-status"),
                ),
                ContentKind::TimelineEvent => (
                    format!("{base}/timeline{keep}#event-{}", target.key),
                    target.title.clone(),
                    lang.t("search-kind-event"),
                ),
                // The provision on the last day of this wording, at its anchor.
                ContentKind::Provision => (
                    match &target.anchor {
                        Some(last_day) => format!("{base}/constitution?as_of={last_day}#{}", target.key),
                        None => format!("{base}/constitution#{}", target.key),
                    },
                    format!("{}: {}", target.title, super::official_wording::label(&target.key, lang)),
                    lang.t("search-kind-provision"),
                ),
            };
            Some(ResultView { href, title, kind, lang: hit.lang.clone(), parts: snippet_parts(&hit.snippet) })
        })
        // Hits outside the referendum on show were fetched too (the index
        // spans them all) and dropped above; the page shows the best sixty.
        .take(60)
        .collect();
    let page = SearchPage {
        layout: Layout::new(&at, lang.t("search-title"), lang.t("search-description"), PublicNav::Search, ctx.data),
        searched: !text.trim().is_empty(),
        query: text,
        results,
    };
    render(&page)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_split_at_the_markers() {
        let s = format!("the {MARK_START}death{MARK_END} penalty");
        assert_eq!(
            snippet_parts(&s),
            [(false, "the ".to_owned()), (true, "death".to_owned()), (false, " penalty".to_owned())]
        );
    }
}
