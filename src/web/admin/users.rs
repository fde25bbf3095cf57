//! Managing accounts (admins only) and changing one's own password.

use std::collections::HashMap;

use askama::Template;
use axum::{
    extract::{Path, Query, State},
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
};

use super::{
    form::FormState,
    layout::{AdminLayout, AdminNav, FlashQuery},
    session::{Admin, param},
    sign_in::{Checked, MAX_PASSWORD_BYTES, check_password},
};
use crate::{
    domain::account::{Role, Username, check_new_password},
    passwords,
    storage::accounts::AccountWriteError,
    web::error::AppError,
    web::{
        form::AppForm,
        render::render,
        state::AppState,
        view::{SelectOption, TimestampView},
    },
};

#[derive(Template)]
#[template(path = "admin/users.html")]
struct UsersPage {
    layout: AdminLayout,
    users: Vec<UserRow>,
    form: FormState,
    roles: Vec<SelectOption>,
}

/// The roles a new account can have, in the order offered; the first is the
/// default.
const ROLES: [Role; 2] = [Role::Editor, Role::Admin];

struct UserRow {
    username: String,
    role: String,
    disabled: bool,
    created_at: TimestampView,
}

async fn render_users(
    state: &AppState,
    admin: &Admin,
    form: FormState,
    flash: Option<&str>,
) -> Result<Html<String>, AppError> {
    let lang = admin.at.lang;
    let users = state.storage.users().await?;
    let roles = ROLES
        .into_iter()
        .map(|r| SelectOption::new(r.as_str(), lang.t(&format!("role-{r}")), form.value("role")))
        .collect();
    let page = UsersPage {
        layout: AdminLayout::new(admin, lang.t("admin-users"), AdminNav::Users, flash),
        users: users
            .into_iter()
            .map(|u| UserRow {
                role: lang.t(&format!("role-{}", u.role)),
                disabled: u.disabled,
                created_at: TimestampView::new(u.created_at, lang),
                username: u.username,
            })
            .collect(),
        form,
        roles,
    };
    render(&page)
}

pub async fn list(
    State(state): State<AppState>,
    admin: Admin,
    Query(flash): Query<FlashQuery>,
) -> Result<Html<String>, AppError> {
    admin.require_admin()?;
    render_users(&state, &admin, FormState::default(), flash.done.as_deref()).await
}

async fn hash(password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || passwords::hash_password(&password))
        .await
        .map_err(AppError::internal)?
        .map_err(AppError::internal)
}

pub async fn create(
    State(state): State<AppState>,
    admin: Admin,
    AppForm(fields): AppForm<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let field = |name: &str| fields.get(name).cloned().unwrap_or_default();
    admin.check_csrf(&field("csrf_token"))?;
    admin.require_admin()?;
    let lang = admin.at.lang;
    let mut form = FormState::default();
    form.values.insert("username", field("username"));
    form.values.insert("role", field("role"));
    let username =
        Username::parse(&field("username")).map_err(|_| form.errors.insert("username", lang.t("error-username"))).ok();
    let role = field("role").parse::<Role>().map_err(|_| form.errors.insert("role", lang.t("error-role"))).ok();
    let password = field("password");
    if check_new_password(&password).is_err() {
        form.errors.insert("password", lang.t("error-password-policy"));
    }
    let (Some(username), Some(role), false) = (username, role, form.has_errors()) else {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render_users(&state, &admin, form, None).await?).into_response());
    };
    match state.storage.create_user(&admin.actor(), &username, role, &hash(password).await?).await {
        Ok(_) => Ok(Redirect::to(&format!("{}/admin/users?done=user-created", admin.at.base)).into_response()),
        Err(AccountWriteError::Exists(_)) => {
            form.errors.insert("username", lang.t("error-user-exists"));
            Ok((StatusCode::CONFLICT, render_users(&state, &admin, form, None).await?).into_response())
        }
        Err(e) => Err(AppError::from(e)),
    }
}

async fn set_disabled(
    state: AppState,
    admin: Admin,
    params: HashMap<String, String>,
    fields: HashMap<String, String>,
    disabled: bool,
) -> Result<Response, AppError> {
    admin.check_csrf(fields.get("csrf_token").map_or("", String::as_str))?;
    admin.require_admin()?;
    let name = param(&params, "name");
    if disabled && name == admin.username {
        return Err(AppError::BadRequest(admin.at.lang.t("error-disable-self")));
    }
    match state.storage.set_user_disabled(&admin.actor(), &name, disabled).await {
        Ok(()) => {
            let key = if disabled { "user-disabled" } else { "user-enabled" };
            Ok(Redirect::to(&format!("{}/admin/users?done={key}", admin.at.base)).into_response())
        }
        Err(AccountWriteError::NoSuchUser(_)) => Err(AppError::NotFound(None)),
        Err(e) => Err(AppError::from(e)),
    }
}

pub async fn disable(
    State(state): State<AppState>,
    admin: Admin,
    Path(params): Path<HashMap<String, String>>,
    AppForm(fields): AppForm<HashMap<String, String>>,
) -> Result<Response, AppError> {
    set_disabled(state, admin, params, fields, true).await
}

pub async fn enable(
    State(state): State<AppState>,
    admin: Admin,
    Path(params): Path<HashMap<String, String>>,
    AppForm(fields): AppForm<HashMap<String, String>>,
) -> Result<Response, AppError> {
    set_disabled(state, admin, params, fields, false).await
}

pub async fn reset_password(
    State(state): State<AppState>,
    admin: Admin,
    Path(params): Path<HashMap<String, String>>,
    AppForm(fields): AppForm<HashMap<String, String>>,
) -> Result<Response, AppError> {
    admin.check_csrf(fields.get("csrf_token").map_or("", String::as_str))?;
    admin.require_admin()?;
    let lang = admin.at.lang;
    let password = fields.get("password").cloned().unwrap_or_default();
    if check_new_password(&password).is_err() {
        return Err(AppError::BadRequest(lang.t("error-password-policy")));
    }
    let name = param(&params, "name");
    let keep = (name == admin.username).then_some(admin.session_hash.as_str());
    match state.storage.set_password(&admin.actor(), &name, &hash(password).await?, keep).await {
        Ok(()) => Ok(Redirect::to(&format!("{}/admin/users?done=password-changed", admin.at.base)).into_response()),
        Err(AccountWriteError::NoSuchUser(_)) => Err(AppError::NotFound(None)),
        Err(e) => Err(AppError::from(e)),
    }
}

#[derive(Template)]
#[template(path = "admin/account.html")]
struct AccountPage {
    layout: AdminLayout,
    form: FormState,
}

pub async fn account_form(admin: Admin, Query(flash): Query<FlashQuery>) -> Result<Html<String>, AppError> {
    let page = AccountPage {
        layout: AdminLayout::new(&admin, admin.at.lang.t("admin-account"), AdminNav::Account, flash.done.as_deref()),
        form: FormState::default(),
    };
    render(&page)
}

/// Changing one's own password needs the current one, and ends the user's
/// other sessions.
pub async fn change_own_password(
    State(state): State<AppState>,
    admin: Admin,
    AppForm(fields): AppForm<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let field = |name: &str| fields.get(name).cloned().unwrap_or_default();
    admin.check_csrf(&field("csrf_token"))?;
    let lang = admin.at.lang;
    let mut form = FormState::default();
    let user = state.storage.user_by_name(&admin.username).await?.ok_or(AppError::NotFound(None))?;
    let current = field("current_password");
    // Throttled like signing in: a stolen session cannot guess the password.
    let checked = if current.len() > MAX_PASSWORD_BYTES {
        Checked::Wrong
    } else {
        let hash = Some(user.password_hash.clone());
        check_password(&state, Some(&user.username), &admin.at.client_addr, &current, hash).await?
    };
    match checked {
        Checked::Right => {}
        Checked::Wrong => {
            tracing::warn!(target: "security", user = %admin.username, client = %admin.at.client_addr, "password change: wrong current password");
            form.errors.insert("current_password", lang.t("error-current-password"));
        }
        Checked::Throttled => {
            tracing::warn!(target: "security", user = %admin.username, client = %admin.at.client_addr, "password change throttled");
            form.errors.insert("current_password", lang.t("login-throttled"));
        }
    }
    let new = field("new_password");
    if check_new_password(&new).is_err() {
        form.errors.insert("new_password", lang.t("error-password-policy"));
    }
    if form.has_errors() {
        let page =
            AccountPage { layout: AdminLayout::new(&admin, lang.t("admin-account"), AdminNav::Account, None), form };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
    }
    state
        .storage
        .set_password(&admin.actor(), &admin.username, &hash(new).await?, Some(&admin.session_hash))
        .await
        .map_err(AppError::internal)?;
    Ok(Redirect::to(&format!("{}/admin/account?done=password-changed", admin.at.base)).into_response())
}
