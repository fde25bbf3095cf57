//! Who is asking: where an admin request is (its language, path and client)
//! and the signed-in user behind it, from the session cookie.

use std::collections::HashMap;

use axum::{
    extract::{FromRequestParts, OriginalUri},
    http::{HeaderMap, header, request::Parts},
    response::{IntoResponse, Redirect, Response},
};

use crate::{
    domain::{Actor, account::Role},
    i18n::Lang,
    passwords,
    web::{
        context::RequestContext,
        error::AppError,
        state::AppState,
        view::{Alternate, base},
    },
};

/// The session cookie's name. Over https it carries the `__Host-` prefix,
/// which browsers accept only from a secure origin, for the whole host, with
/// no Domain: no subdomain or plain-http page can set or shadow it.
pub fn session_cookie_name(secure: bool) -> &'static str {
    if secure { "__Host-rt_session" } else { "rt_session" }
}

/// Where an admin request is: its language (from the prefix, else the
/// browser) and its full path, for `next=` links.
#[derive(Debug, Clone)]
pub struct AdminLocation {
    pub lang: Lang,
    pub base: &'static str,
    pub path: String,
    pub client_addr: String,
}

impl FromRequestParts<AppState> for AdminLocation {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let uri = parts.extensions.get::<OriginalUri>().map_or_else(|| parts.uri.clone(), |o| o.0.clone());
        let Ok(context) = RequestContext::from_request_parts(parts, state).await;
        let lang = context.lang;
        let client_addr = context.client_label();
        Ok(Self {
            lang,
            base: base(lang),
            path: uri.path_and_query().map_or("/", |p| p.as_str()).to_owned(),
            client_addr,
        })
    }
}

/// The signed-in user. Extracting it from a request without a live session
/// redirects to the log-in page, which returns here afterwards.
#[derive(Debug, Clone)]
pub struct Admin {
    pub at: AdminLocation,
    pub username: String,
    pub role: Role,
    pub csrf_token: String,
    pub session_hash: String,
}

impl Admin {
    pub fn actor(&self) -> Actor {
        Actor { username: self.username.clone(), client_addr: Some(self.at.client_addr.clone()) }
    }

    /// The form's token must be the session's: a page of ours rendered it.
    pub fn check_csrf(&self, token: &str) -> Result<(), AppError> {
        if constant_time_eq(token.as_bytes(), self.csrf_token.as_bytes()) {
            Ok(())
        } else {
            Err(self.refused("the form's CSRF token does not match the session", "error-csrf"))
        }
    }

    pub fn require_admin(&self) -> Result<(), AppError> {
        if self.role == Role::Admin {
            Ok(())
        } else {
            Err(self.refused("an admin-only page or action", "error-admin-only"))
        }
    }

    /// A 403 with its message, logged as a security event.
    fn refused(&self, why: &str, message_key: &str) -> AppError {
        tracing::warn!(
            target: "security",
            user = %self.username,
            client = %self.at.client_addr,
            path = %self.at.path,
            "refused: {why}"
        );
        AppError::Forbidden(Some(self.at.lang.t(message_key)))
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The session token from the cookie of exactly this name (a look-alike
/// such as `x-rt_session` is not it).
pub fn session_token(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(cookie, _)| *cookie == name)
        .map(|(_, value)| value.to_owned())
        .filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
}

impl FromRequestParts<AppState> for Admin {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let Ok(at) = AdminLocation::from_request_parts(parts, state).await;
        let login = || {
            let next = url_encode(&at.path);
            Redirect::to(&format!("{}/admin/login?next={next}", at.base)).into_response()
        };
        let Some(token) = session_token(&parts.headers, session_cookie_name(state.secure_cookies)) else {
            return Err(login());
        };
        let session_hash = passwords::token_hash(&token);
        match state.storage.session_user(&session_hash, state.session_idle, state.session_lifetime).await {
            Ok(Some(user)) => {
                Ok(Admin { role: user.role(), username: user.username, csrf_token: user.csrf_token, session_hash, at })
            }
            Ok(None) => Err(login()),
            Err(e) => Err(AppError::from(e).into_response()),
        }
    }
}

/// The referendum the admin works on: the one the public site shows.
pub(super) async fn current_referendum(
    state: &AppState,
    lang: Lang,
) -> Result<crate::storage::referendums::ReferendumRow, AppError> {
    state.storage.current_referendum().await?.ok_or_else(|| AppError::NotFound(Some(lang.t("no-referendum"))))
}

/// The value of one path parameter by name; admin routes are mounted with
/// and without a `{lang}` prefix, so positional extraction would differ.
pub fn param(params: &HashMap<String, String>, name: &str) -> String {
    params.get(name).cloned().unwrap_or_default()
}

pub fn url_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

impl AdminLocation {
    /// This page in every language, keeping the path after the prefix.
    pub fn alternates(&self) -> Vec<Alternate> {
        let path = self.path.split('?').next().unwrap_or("/admin/");
        let rest = Lang::split_path(path).map_or(path, |(_, rest)| rest);
        Lang::ALL
            .into_iter()
            .map(|l| Alternate {
                code: l.code(),
                name: l.native_name(),
                href: format!("/{}{rest}", l.code()),
                current: l == self.lang,
            })
            .collect()
    }
}
