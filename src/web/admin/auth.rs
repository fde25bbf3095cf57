//! Signing in and out.

use askama::Template;
use axum::{
    Form,
    extract::{Query, State},
    http::{HeaderValue, StatusCode, header},
    response::{Html, IntoResponse, Redirect, Response},
};
use chrono::Duration;
use serde::Deserialize;

use super::{
    layout::flash_message,
    session::{Admin, AdminLocation, SESSION_COOKIE},
};
use crate::{
    i18n::Lang,
    passwords,
    web::error::AppError,
    web::{render::render, state::AppState, view::Alternate},
};

/// Failed log-ins allowed per account name, and per client address, within
/// the window before further attempts are refused.
const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
const MAX_FAILURES_PER_ADDRESS: i64 = 20;
const FAILURE_WINDOW_MINUTES: i64 = 15;

#[derive(Template)]
#[template(path = "admin/login.html")]
struct LoginPage {
    lang: Lang,
    alternates: Vec<Alternate>,
    base: &'static str,
    username: String,
    next: String,
    error: Option<String>,
    flash: Option<String>,
}

impl LoginPage {
    fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }
}

#[derive(Debug, Deserialize, Default)]
pub struct LoginQuery {
    next: Option<String>,
    done: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

/// Only a path on this site: "/…" but not "//…" or "/\…", which browsers
/// treat as another host.
pub fn safe_next(next: &str, base: &str) -> String {
    let local =
        next.starts_with('/') && !next.starts_with("//") && !next.starts_with("/\\") && !next.contains(['\r', '\n']);
    if local && next.len() < 2000 { next.to_owned() } else { format!("{base}/admin/") }
}

pub async fn login_form(
    at: AdminLocation,
    query: Result<Query<LoginQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Html<String>, AppError> {
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let page = LoginPage {
        alternates: at.alternates(),
        lang: at.lang,
        base: at.base,
        username: String::new(),
        next: safe_next(query.next.as_deref().unwrap_or_default(), at.base),
        error: None,
        flash: query.done.as_deref().and_then(|key| flash_message(key, at.lang)),
    };
    render(&page)
}

pub async fn login(
    State(state): State<AppState>,
    at: AdminLocation,
    form: Result<Form<LoginForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(form) = form.map_err(|_| AppError::BadRequest(at.lang.t("error-bad-form")))?;
    let lang = at.lang;
    let username = form.username.trim().to_lowercase();
    let next = safe_next(&form.next, at.base);
    let refuse = |status: StatusCode, key: &str| -> Result<Response, AppError> {
        let page = LoginPage {
            alternates: at.alternates(),
            lang,
            base: at.base,
            username: form.username.chars().take(100).collect(),
            next: next.clone(),
            error: Some(lang.t(key)),
            flash: None,
        };
        Ok((status, render(&page)?).into_response())
    };

    let since = chrono::Utc::now() - Duration::minutes(FAILURE_WINDOW_MINUTES);
    let (by_account, by_address) = state.storage.login_failures(&username, &at.client_addr, since).await?;
    if by_account >= MAX_FAILURES_PER_ACCOUNT || by_address >= MAX_FAILURES_PER_ADDRESS {
        let mut response = refuse(StatusCode::TOO_MANY_REQUESTS, "login-throttled")?;
        response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(FAILURE_WINDOW_MINUTES as u64 * 60));
        return Ok(response);
    }

    let user = state.storage.user_by_name(&username).await?;
    let password = form.password.clone();
    let hash = user.as_ref().filter(|u| !u.disabled).map(|u| u.password_hash.clone());
    // The same work whether or not the account exists: no timing tells.
    let verified = tokio::task::spawn_blocking(move || match hash {
        Some(hash) if password.len() <= 1024 => passwords::verify_password(&password, &hash),
        _ => {
            passwords::burn_verification(&password);
            false
        }
    })
    .await
    .map_err(AppError::internal)?;

    let Some(user) = user.filter(|_| verified) else {
        state.storage.record_login_failure(&username, &at.client_addr).await?;
        return refuse(StatusCode::UNAUTHORIZED, "login-failed");
    };
    state.storage.clear_login_failures(&username).await?;
    // A new token at every log-in: a session id planted before cannot be used.
    let token = passwords::random_token();
    let csrf = passwords::random_token();
    state
        .storage
        .create_session(user.id, &passwords::token_hash(&token), &csrf, Some(&at.client_addr), state.session_idle)
        .await?;
    let mut response = Redirect::to(&next).into_response();
    response.headers_mut().insert(header::SET_COOKIE, session_cookie(&state, &token, state.session_idle.num_seconds()));
    Ok(response)
}

fn session_cookie(state: &AppState, token: &str, max_age: i64) -> HeaderValue {
    let secure = if state.secure_cookies { "; Secure" } else { "" };
    let cookie = format!("{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}");
    HeaderValue::from_str(&cookie).expect("a cookie of hex and ASCII is a valid header")
}

#[derive(Debug, Deserialize)]
pub struct LogoutForm {
    #[serde(default)]
    csrf_token: String,
}

pub async fn logout(
    State(state): State<AppState>,
    admin: Admin,
    Form(form): Form<LogoutForm>,
) -> Result<Response, AppError> {
    admin.check_csrf(&form.csrf_token)?;
    state.storage.delete_session(&admin.session_hash).await?;
    let mut response = Redirect::to(&format!("{}/admin/login?done=signed-out", admin.at.base)).into_response();
    response.headers_mut().insert(header::SET_COOKIE, session_cookie(&state, "", 0));
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_accepts_local_paths_only() {
        assert_eq!(safe_next("/en/admin/amendments/15", "/en"), "/en/admin/amendments/15");
        for hostile in
            ["https://evil.example/", "//evil.example/x", "/\\evil.example", "evil", "", "/x\r\nSet-Cookie: a=b"]
        {
            assert_eq!(safe_next(hostile, "/en"), "/en/admin/", "{hostile:?}");
        }
    }
}
