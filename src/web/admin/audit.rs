//! `/admin/audit`: every audit record, filterable by user, entity and date.

use askama::Template;
use axum::{
    extract::{Query, State},
    response::Html,
};
use chrono::{NaiveTime, TimeZone, Utc};
use serde::Deserialize;

use super::{
    layout::{AdminLayout, AdminNav},
    session::Admin,
};
use crate::{
    domain::{account::Role, audit, input},
    storage::audit::{AuditFilter, AuditRow},
    web::error::AppError,
    web::{paging, render::render, state::AppState, view::TimestampView},
};

#[derive(Debug, Deserialize, Default)]
pub struct AuditQuery {
    actor: Option<String>,
    entity: Option<String>,
    from: Option<String>,
    until: Option<String>,
    before: Option<String>,
}

/// Records per page; older ones are a link away.
const PER_PAGE: usize = 100;

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditPage {
    layout: AdminLayout,
    records: Vec<Record>,
    actor: String,
    entity: String,
    from: String,
    until: String,
    chain_ok: bool,
    chain_message: String,
    /// The address of the next, older page, with the same filters.
    older_href: Option<String>,
    /// The address of the newest page, with the same filters, when on an older one.
    newest_href: Option<String>,
}

pub struct Record {
    pub id: i64,
    pub at: TimestampView,
    pub actor: String,
    pub client_addr: String,
    pub action: String,
    pub entity: String,
    pub before: String,
    pub after: String,
    pub hash: String,
    pub prev_hash: String,
}

impl Record {
    /// `for_admin`: only admins see the addresses people worked from.
    pub fn new(row: AuditRow, lang: crate::i18n::Lang, for_admin: bool) -> Self {
        Self {
            id: row.id,
            at: TimestampView::new(row.recorded_at, lang),
            actor: row.actor,
            client_addr: if for_admin { row.client_addr.unwrap_or_default() } else { String::new() },
            action: row.action,
            entity: format!("{} {}", row.entity_type, row.entity_id),
            before: row.before_json.unwrap_or_default(),
            after: row.after_json.unwrap_or_default(),
            hash: row.hash,
            prev_hash: row.prev_hash,
        }
    }
}

pub async fn list(
    State(state): State<AppState>,
    admin: Admin,
    query: Result<Query<AuditQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Html<String>, AppError> {
    let lang = admin.at.lang;
    let Query(query) = query.map_err(|_| AppError::BadRequest(lang.t("error-bad-form")))?;
    let clean = |v: &Option<String>| v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
    let date = |v: &Option<String>, field: &str| -> Result<Option<chrono::DateTime<Utc>>, AppError> {
        match clean(v) {
            None => Ok(None),
            Some(text) => input::parse_date(&text)
                .map(|d| Some(Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN))))
                .map_err(|_| AppError::BadRequest(lang.ts("error-bad-date-field", "field", field))),
        }
    };
    let from = date(&query.from, "from")?;
    let until = date(&query.until, "until")?.map(|d| d + chrono::Duration::days(1));
    let before = paging::before(query.before.as_deref(), lang)?;
    let filter = AuditFilter {
        actor: clean(&query.actor),
        entity_type: clean(&query.entity),
        from,
        until,
        public_only: false,
        before_id: before,
    };
    let mut rows = state.storage.audit_records(&filter, PER_PAGE as i64 + 1).await?;
    // User management is the admins' business: editors see that the chain
    // holds, not who was given which account.
    let for_admin = admin.role == Role::Admin;
    if !for_admin {
        rows.retain(|r| r.entity_type != audit::USER_ENTITY);
    }
    let filters: String =
        [("actor", &query.actor), ("entity", &query.entity), ("from", &query.from), ("until", &query.until)]
            .into_iter()
            .filter_map(|(name, value)| clean(value).map(|v| format!("{name}={}&", super::session::url_encode(&v))))
            .collect();
    let base = format!("{}/admin/audit?{filters}", admin.at.base);
    let older_href = paging::cut(&mut rows, PER_PAGE, |r| r.id).map(|id| format!("{base}before={id}"));
    let newest_href = before.map(|_| base.trim_end_matches(['&', '?']).to_owned());
    let chain = state.storage.verify_audit_chain().await?;
    let page = AuditPage {
        layout: AdminLayout::new(&admin, lang.t("admin-audit"), AdminNav::Audit, None),
        records: rows.into_iter().map(|r| Record::new(r, lang, for_admin)).collect(),
        actor: clean(&query.actor).unwrap_or_default(),
        entity: clean(&query.entity).unwrap_or_default(),
        from: clean(&query.from).unwrap_or_default(),
        until: clean(&query.until).unwrap_or_default(),
        chain_ok: chain.is_ok(),
        chain_message: match chain {
            Ok(n) => lang.t_args("audit-chain-ok", &[("count", crate::i18n::Arg::Num(n as i64))]),
            Err(e) => e.to_string(),
        },
        older_href,
        newest_href,
    };
    render(&page)
}
