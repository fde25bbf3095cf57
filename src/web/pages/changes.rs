//! `/changes`: the public part of the audit trail — status changes and
//! edits to public content — with the hashes that chain them, so anyone
//! can see that history was appended to and not rewritten.

use askama::Template;
use axum::{extract::State, response::Html};

use super::Context;
use crate::{
    error::AppError,
    storage::audit::AuditFilter,
    web::{
        AppState, render,
        view::{Layout, PageLocation, TimestampView},
    },
};

#[derive(Template)]
#[template(path = "pages/changes.html")]
struct ChangesPage {
    layout: Layout,
    records: Vec<PublicRecord>,
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

pub async fn show(State(state): State<AppState>, at: PageLocation) -> Result<Html<String>, AppError> {
    let lang = at.lang;
    let ctx = Context::load(&state.storage, &at).await?;
    let rows = state.storage.audit_records(&AuditFilter { public_only: true, ..Default::default() }, 200).await?;
    let page = ChangesPage {
        layout: Layout::new(&at, lang.t("changes-title"), lang.t("changes-description"), "changes", ctx.data),
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
