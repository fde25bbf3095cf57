//! `/changes`: the public part of the audit trail — status changes and
//! edits to public content — with the hashes that chain them, so anyone
//! can see that history was appended to and not rewritten.

use askama::Template;
use axum::{
    extract::{Query, State, rejection::QueryRejection},
    response::Html,
};
use serde::Deserialize;

use super::page_context::Context;
use crate::{
    web::error::AppError,
    web::{
        paging,
        render::render,
        state::AppState,
        view::{Layout, PageLocation, PublicNav, TimestampView},
    },
};

#[derive(Template)]
#[template(path = "pages/changes.html")]
struct ChangesPage {
    layout: Layout,
    records: Vec<PublicRecord>,
    /// The `before` value of the next, older page, if there is one.
    older: Option<i64>,
    /// True on every page but the newest.
    paged: bool,
    /// The end of the whole trail (public and internal records), anchored
    /// beside it, for readers to keep a copy of.
    head: Option<Head>,
}

/// The end of the audit trail, as the page shows it.
struct Head {
    records: usize,
    hash: String,
}

struct PublicRecord {
    id: i64,
    at: TimestampView,
    action: String,
    entity: String,
    summary: String,
    hash: String,
    prev_hash: String,
}

/// Records per page; older ones are a link away.
const PER_PAGE: usize = 50;

#[derive(Debug, Default, Deserialize)]
pub struct ChangesQuery {
    before: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    at: PageLocation,
    query: Result<Query<ChangesQuery>, QueryRejection>,
) -> Result<Html<String>, AppError> {
    let lang = at.lang;
    let before = paging::before(query.map(|Query(q)| q).unwrap_or_default().before.as_deref(), lang)?;
    let ctx = Context::load(&state.storage, &at).await?;
    let mut rows = state.storage.public_changes(before, PER_PAGE as i64 + 1).await?;
    let older = paging::cut(&mut rows, PER_PAGE, |r| r.id);
    let page = ChangesPage {
        layout: Layout::new(&at, lang.t("changes-title"), lang.t("changes-description"), PublicNav::Changes, ctx.data),
        older,
        paged: before.is_some(),
        head: state
            .storage
            .audit_head()
            .await?
            .map(|h| Head { records: usize::try_from(h.records).unwrap_or_default(), hash: h.hash }),
        records: rows
            .into_iter()
            .map(|r| PublicRecord {
                id: r.id,
                at: TimestampView::new(r.recorded_at, lang),
                action: lang.t(&format!("action-{}", r.action.replace(['.', '_'], "-"))),
                entity: r.entity_id,
                summary: r.after_json.or(r.before_json).unwrap_or_default(),
                hash: r.hash,
                prev_hash: r.prev_hash,
            })
            .collect(),
    };
    render(&page)
}
