//! `/admin`: sign-in, status updates, editing, users and the audit trail.
//! Every admin page also exists under a language prefix (`/ru/admin/…`);
//! without one, the language follows the browser.

mod amendments;
mod announcements;
mod audit;
mod auth;
mod referendums;
mod results;
mod timeline;
mod translations;
mod users;

use std::{collections::HashMap, net::SocketAddr};

use axum::{
    Router,
    extract::{ConnectInfo, FromRequestParts, OriginalUri},
    http::{HeaderValue, header, request::Parts},
    response::{IntoResponse, Redirect, Response},
    routing::{get, post},
};

use super::{AppState, locale, view::base};
use crate::{domain::account::Role, error::AppError, i18n::Lang, passwords, storage::audit::Actor};

pub use auth::SESSION_COOKIE;

pub fn router() -> Router<AppState> {
    routes("/admin").merge(routes("/{lang}/admin")).layer(axum::middleware::map_response(no_store))
}

/// The admin routes under one prefix; mounted once bare and once with a
/// language prefix.
fn routes(prefix: &str) -> Router<AppState> {
    let at = |path: &str| format!("{prefix}{path}");
    Router::new()
        .route(&at(""), get(to_dashboard))
        .route(&at("/"), get(amendments::dashboard))
        .route(&at("/login"), get(auth::login_form).post(auth::login))
        .route(&at("/logout"), post(auth::logout))
        .route(&at("/account"), get(users::account_form).post(users::change_own_password))
        .route(&at("/amendments/{article}"), get(amendments::show))
        .route(&at("/amendments/{article}/status"), post(amendments::record_status))
        .route(&at("/amendments/{article}/correction"), post(amendments::correct_status))
        .route(&at("/amendments/{article}/edit"), post(amendments::edit))
        .route(&at("/amendments/{article}/links"), post(amendments::link))
        .route(&at("/amendments/{article}/links/delete"), post(amendments::unlink))
        .route(&at("/timeline"), get(timeline::list).post(timeline::create))
        .route(&at("/timeline/{id}"), get(timeline::edit_form).post(timeline::update))
        .route(&at("/timeline/{id}/delete"), post(timeline::delete))
        .route(&at("/announcements/import"), get(announcements::import_form).post(announcements::import))
        .route(&at("/users"), get(users::list).post(users::create))
        .route(&at("/users/{name}/disable"), post(users::disable))
        .route(&at("/users/{name}/enable"), post(users::enable))
        .route(&at("/users/{name}/password"), post(users::reset_password))
        .route(&at("/audit"), get(audit::list))
        .route(&at("/translations/{kind}/{id}"), get(translations::show).post(translations::save))
        .route(&at("/statements"), get(translations::statements))
        .route(&at("/referendums"), get(referendums::list).post(referendums::create))
        .route(&at("/results"), get(results::show).post(results::save_figure))
        .route(&at("/results/import"), post(results::import))
        .route(&at("/referendums/{slug}/publish"), post(referendums::publish))
}

async fn to_dashboard(at: AdminLocation) -> Redirect {
    Redirect::permanent(&format!("{}/", at.path.split('?').next().unwrap_or("/admin")))
}

/// Nothing behind a session may be cached, by the browser or anyone else.
async fn no_store(mut response: Response) -> Response {
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    response
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
        let lang =
            locale::split_lang(uri.path()).map_or_else(|| locale::preferred_lang(parts, state), |(lang, _)| lang);
        let forwarded = state
            .trust_forwarded_for
            .then(|| parts.headers.get("x-forwarded-for").and_then(|v| v.to_str().ok()))
            .flatten()
            .and_then(|v| v.split(',').next_back())
            .map(str::trim)
            .filter(|v| v.parse::<std::net::IpAddr>().is_ok());
        let client_addr = match forwarded {
            Some(addr) => addr.to_owned(),
            None => parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map_or_else(|| "unknown".to_owned(), |ConnectInfo(addr)| addr.ip().to_string()),
        };
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
            Err(AppError::Forbidden(Some(self.at.lang.t("error-csrf"))))
        }
    }

    pub fn require_admin(&self) -> Result<(), AppError> {
        if self.role == Role::Admin {
            Ok(())
        } else {
            Err(AppError::Forbidden(Some(self.at.lang.t("error-admin-only"))))
        }
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

pub fn session_token(parts: &Parts) -> Option<String> {
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE || name.ends_with(&format!("-{SESSION_COOKIE}")))
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
        let Some(token) = session_token(parts) else { return Err(login()) };
        let session_hash = passwords::token_hash(&token);
        match state.storage.session_user(&session_hash, state.session_idle).await {
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
) -> Result<crate::storage::ReferendumRow, AppError> {
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

/// Shared by every admin page: language, signed-in user, CSRF token, the
/// confirmation of the last action, and the active navigation entry.
pub struct AdminLayout {
    pub lang: Lang,
    pub base: &'static str,
    pub title: String,
    pub nav: &'static str,
    pub username: Option<String>,
    pub is_admin: bool,
    pub csrf_token: String,
    pub flash: Option<String>,
    /// The same admin page in each language: (code, name, href, current).
    pub alternates: Vec<(&'static str, &'static str, String, bool)>,
}

impl AdminLocation {
    /// This page in every language, keeping the path after the prefix.
    pub fn alternates(&self) -> Vec<(&'static str, &'static str, String, bool)> {
        let path = self.path.split('?').next().unwrap_or("/admin/");
        let rest = locale::split_lang(path).map_or(path, |(_, rest)| rest);
        Lang::ALL.iter().map(|l| (l.code(), l.native_name(), format!("/{}{rest}", l.code()), *l == self.lang)).collect()
    }
}

impl AdminLayout {
    pub fn new(admin: &Admin, title: String, nav: &'static str, flash: Option<&str>) -> Self {
        let lang = admin.at.lang;
        Self {
            lang,
            base: admin.at.base,
            title,
            nav,
            username: Some(admin.username.clone()),
            is_admin: admin.role == Role::Admin,
            csrf_token: admin.csrf_token.clone(),
            flash: flash.and_then(|key| flash_message(key, lang)),
            alternates: admin.at.alternates(),
        }
    }

    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    pub fn ts(&self, key: &str, name: &'static str, value: &str) -> String {
        self.lang.ts(key, name, value)
    }
}

/// Confirmation messages travel as a key in the redirect's query string;
/// only known keys are shown, so the URL cannot inject text.
fn flash_message(key: &str, lang: Lang) -> Option<String> {
    const KNOWN: [&str; 19] = [
        "translations-saved",
        "results-saved",
        "results-imported",
        "referendum-created",
        "referendum-published",
        "status-recorded",
        "status-corrected",
        "amendment-saved",
        "link-saved",
        "link-removed",
        "event-created",
        "event-saved",
        "event-deleted",
        "announcement-imported",
        "user-created",
        "user-disabled",
        "user-enabled",
        "password-changed",
        "signed-out",
    ];
    KNOWN.contains(&key).then(|| lang.t(&format!("flash-{key}")))
}

#[derive(Debug, serde::Deserialize, Default)]
pub struct FlashQuery {
    pub done: Option<String>,
}
