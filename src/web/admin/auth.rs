//! Signing in and out.

use askama::Template;
use axum::{
    extract::{Query, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{Html, IntoResponse, Redirect, Response},
};
use serde::Deserialize;

use super::{
    layout::flash_message,
    session::{Admin, AdminLocation, session_cookie_name, session_token},
    sign_in::{Checked, FAILURE_WINDOW_MINUTES, MAX_PASSWORD_BYTES, MAX_USERNAME_CHARS, check_password},
};
use crate::{
    i18n::Lang,
    passwords,
    web::{error::AppError, form::AppForm},
    web::{render::render, state::AppState, view::Alternate},
};

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

/// Only a path on this site, judged after percent-decoding (browsers and
/// proxies decode too): it starts with one "/", holds no backslash (read as
/// "/" by browsers), no control character (tab, CR, LF…), and so names no
/// scheme or host. Anything else leads to the dashboard.
pub fn safe_next(next: &str, base: &str) -> String {
    let decoded = percent_decoded(next);
    let local = decoded.starts_with('/')
        && !decoded.starts_with("//")
        && !decoded.contains('\\')
        && !decoded.chars().any(char::is_control)
        && !next.chars().any(char::is_control);
    if local && next.len() < 2000 { next.to_owned() } else { format!("{base}/admin/") }
}

/// `%XX` sequences decoded, repeatedly (a double-encoded `%252F` is still
/// a slash to some proxy); invalid UTF-8 is replaced, never an error.
fn percent_decoded(text: &str) -> String {
    let mut current = text.to_owned();
    for _ in 0..3 {
        let bytes = current.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            if bytes[i] == b'%'
                && let (Some(Some(h)), Some(Some(l))) =
                    (bytes.get(i + 1).map(|b| hex(*b)), bytes.get(i + 2).map(|b| hex(*b)))
            {
                out.push((h * 16 + l) as u8);
                i += 3;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        let next = String::from_utf8_lossy(&out).into_owned();
        if next == current {
            break;
        }
        current = next;
    }
    current
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
    headers: HeaderMap,
    AppForm(form): AppForm<LoginForm>,
) -> Result<Response, AppError> {
    let lang = at.lang;
    let refuse = |status: StatusCode, key: &str| -> Result<Response, AppError> {
        let page = LoginPage {
            alternates: at.alternates(),
            lang,
            base: at.base,
            username: form.username.chars().take(MAX_USERNAME_CHARS).collect(),
            next: safe_next(&form.next, at.base),
            error: Some(lang.t(key)),
            flash: None,
        };
        Ok((status, render(&page)?).into_response())
    };
    // Sizes first: nothing longer is stored, hashed or compared.
    let username = form.username.trim().to_lowercase();
    if username.chars().count() > MAX_USERNAME_CHARS || form.password.len() > MAX_PASSWORD_BYTES {
        return refuse(StatusCode::BAD_REQUEST, "login-failed");
    }
    let next = safe_next(&form.next, at.base);
    let user = state.storage.user_by_name(&username).await?;
    let hash = user.as_ref().filter(|u| !u.disabled).map(|u| u.password_hash.clone());
    let account = user.as_ref().map(|u| u.username.as_str());
    match check_password(&state, account, &at.client_addr, &form.password, hash).await? {
        Checked::Throttled => {
            tracing::warn!(target: "security", user = %username.chars().take(MAX_USERNAME_CHARS).collect::<String>(), client = %at.client_addr, "sign-in throttled");
            let mut response = refuse(StatusCode::TOO_MANY_REQUESTS, "login-throttled")?;
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(FAILURE_WINDOW_MINUTES as u64 * 60));
            return Ok(response);
        }
        Checked::Wrong => {
            tracing::warn!(target: "security", user = %username, client = %at.client_addr, "sign-in failed");
            return refuse(StatusCode::UNAUTHORIZED, "login-failed");
        }
        Checked::Right => {}
    }
    let user = user.expect("a right password belongs to an account");
    state.storage.clear_login_failures(&user.username).await?;
    // A session this browser already had ends: one browser, one session.
    let cookie_name = session_cookie_name(state.secure_cookies);
    if let Some(old) = session_token(&headers, cookie_name) {
        state.storage.delete_session(&passwords::token_hash(&old)).await?;
    }
    // A new token at every log-in: a session id planted before cannot be used.
    let token = passwords::random_token();
    let csrf = passwords::random_token();
    state
        .storage
        .create_session(user.id, &passwords::token_hash(&token), &csrf, Some(&at.client_addr), state.session_idle)
        .await?;
    tracing::info!(target: "security", user = %user.username, client = %at.client_addr, "signed in");
    let mut response = Redirect::to(&next).into_response();
    response.headers_mut().insert(header::SET_COOKIE, session_cookie(&state, &token, state.session_idle.num_seconds()));
    Ok(response)
}

fn session_cookie(state: &AppState, token: &str, max_age: i64) -> HeaderValue {
    let secure = if state.secure_cookies { "; Secure" } else { "" };
    let name = session_cookie_name(state.secure_cookies);
    let cookie = format!("{name}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}");
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
    AppForm(form): AppForm<LogoutForm>,
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
        for hostile in [
            "https://evil.example/",
            "//evil.example/x",
            "/\\evil.example",
            "evil",
            "",
            "/x\r\nSet-Cookie: a=b",
            "/%2F%2Fevil.example",
            "/%252F%252Fevil.example",
            "/%5Cevil.example",
            "/\t/evil.example",
            "/%09/evil.example",
            "/x%0d%0aSet-Cookie:%20a=b",
            "%2F%2Fevil.example",
        ] {
            assert_eq!(safe_next(hostile, "/en"), "/en/admin/", "{hostile:?}");
        }
    }
}
