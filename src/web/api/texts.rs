//! The official texts: the Constitution in force on a day, and one
//! provision with every version.

use axum::{
    Json,
    extract::{Path, Query, State, rejection::QueryRejection},
};
use serde::Serialize;
use utoipa::ToSchema;

use super::{
    amendments::AsOfQuery,
    common::{ApiResult, bad_request, current, not_found, parse_as_of},
};
use crate::{
    domain::provision::{Document, Version},
    texts::{DOCUMENT_1995, DOCUMENT_2026, document_2026_first_day},
    web::state::AppState,
};

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiVersion {
    /// The wording; null where it was not found in the sources checked.
    text: Option<String>,
    /// official (verbatim), derived (reconstructed from an official change,
    /// not quoted), unknown (not found) or repealed.
    fidelity: String,
    /// First day in force; null: since before the earliest change recorded.
    valid_from: Option<String>,
    /// Last day in force; null: still in force.
    valid_to: Option<String>,
    /// The act that made it: constitution-1995, law-2022-06-08,
    /// law-2022-09-17 or constitution-2026.
    act: String,
    /// The law's point, where the act has points.
    act_point: Option<i64>,
    note: Option<String>,
}

impl From<&Version> for ApiVersion {
    fn from(v: &Version) -> Self {
        ApiVersion {
            text: v.text.clone(),
            fidelity: v.fidelity.as_str().to_owned(),
            valid_from: v.valid_from.map(|d| d.to_string()),
            valid_to: v.valid_to.map(|d| d.to_string()),
            act: v.act.clone(),
            act_point: v.act_point,
            note: v.note.clone(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiProvisionInForce {
    eid: String,
    kind: String,
    num: Option<String>,
    parent: Option<String>,
    version: ApiVersion,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiConstitution {
    document: String,
    title: String,
    lang: String,
    as_of: String,
    /// Every provision in force at the end of `as_of`, in document order.
    provisions: Vec<ApiProvisionInForce>,
}

/// The whole Constitution in force at the end of a day (default today):
/// the 1995 text until 30 June 2026, the 2026 text from 1 July 2026.
#[utoipa::path(get, path = "/api/v1/constitution", params(AsOfQuery), responses(
    (status = 200, description = "The text in force that day", body = ApiConstitution),
    (status = 400, description = "A bad date", body = super::common::ApiError)
))]
pub(super) async fn constitution(
    State(state): State<AppState>,
    query: Result<Query<AsOfQuery>, QueryRejection>,
) -> ApiResult<ApiConstitution> {
    let Query(query) = query.map_err(|e| bad_request(e.body_text()))?;
    let r = current(&state).await?;
    let day = parse_as_of(&state, &r, query.as_of.as_deref()).await?;
    let slug = if day >= document_2026_first_day() { DOCUMENT_2026 } else { DOCUMENT_1995 };
    let document = load(&state, slug).await?;
    let provisions = document
        .nodes
        .iter()
        .filter_map(|node| {
            let version = document.versions_of(&node.eid).into_iter().find(|v| v.in_force_on(day))?;
            Some(ApiProvisionInForce {
                eid: node.eid.clone(),
                kind: node.kind.as_str().to_owned(),
                num: node.num.clone(),
                parent: node.parent.clone(),
                version: version.into(),
            })
        })
        .collect();
    Ok(Json(ApiConstitution {
        document: document.slug,
        title: document.title,
        lang: document.lang,
        as_of: day.to_string(),
        provisions,
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiProvision {
    document: String,
    eid: String,
    kind: String,
    num: Option<String>,
    parent: Option<String>,
    /// Every version, oldest first.
    versions: Vec<ApiVersion>,
}

/// One provision of a constitution with every version of its wording.
#[utoipa::path(get, path = "/api/v1/constitution/{document}/provisions/{eid}", params(
    ("document" = String, Path, description = "kz-constitution-1995 or kz-constitution-2026"),
    ("eid" = String, Path, description = "The provision's id, e.g. art_15__para_2")
), responses(
    (status = 200, description = "The provision and its versions", body = ApiProvision),
    (status = 404, description = "No such document or provision", body = super::common::ApiError)
))]
pub(super) async fn provision(
    State(state): State<AppState>,
    Path((document, eid)): Path<(String, String)>,
) -> ApiResult<ApiProvision> {
    let document = load(&state, &document).await?;
    let node = document.nodes.iter().find(|n| n.eid == eid).ok_or_else(|| not_found("No such provision."))?;
    Ok(Json(ApiProvision {
        document: document.slug.clone(),
        eid: node.eid.clone(),
        kind: node.kind.as_str().to_owned(),
        num: node.num.clone(),
        parent: node.parent.clone(),
        versions: document.versions_of(&node.eid).into_iter().map(ApiVersion::from).collect(),
    }))
}

async fn load(state: &AppState, slug: &str) -> Result<Document, super::common::ApiFailure> {
    let known = [DOCUMENT_1995, DOCUMENT_2026].contains(&slug);
    let document = if known { state.storage.legal_document(slug, None).await? } else { None };
    document.ok_or_else(|| not_found("No such document: kz-constitution-1995 or kz-constitution-2026."))
}
