//! `/admin`: sign-in, status updates, editing, users and the audit trail.
//! Every admin page also exists under a language prefix (`/ru/admin/…`);
//! without one, the language follows the browser.

mod amendments;
mod announcements;
mod audit;
mod auth;
pub mod form;
mod layout;
mod links;
mod referendums;
mod results;
mod session;
mod sign_in;
mod timeline;
mod translations;
mod users;

use axum::{
    http::{HeaderValue, header},
    response::{Redirect, Response},
};

use super::{area::Area, routes::Route};
use session::AdminLocation;

/// The admin routes, mounted once bare and once under each language prefix.
/// Nothing behind a session may be cached (`no_store`, added with the admin
/// area in `web::router`).
pub fn routes() -> Vec<Route> {
    ["/admin", "/{lang}/admin"]
        .into_iter()
        .flat_map(|prefix| {
            let at = move |path: &str| format!("{prefix}{path}");
            [
                Route::get(Area::Admin, at(""), to_dashboard),
                Route::get(Area::Admin, at("/"), amendments::dashboard),
                Route::get_post(Area::Admin, at("/login"), auth::login_form, auth::login),
                Route::post(Area::Admin, at("/logout"), auth::logout),
                Route::get_post(Area::Admin, at("/account"), users::account_form, users::change_own_password),
                Route::get(Area::Admin, at("/amendments/{article}"), amendments::show),
                Route::post(Area::Admin, at("/amendments/{article}/status"), amendments::record_status),
                Route::post(Area::Admin, at("/amendments/{article}/correction"), amendments::correct_status),
                Route::post(Area::Admin, at("/amendments/{article}/edit"), amendments::edit),
                Route::post(Area::Admin, at("/amendments/{article}/links"), links::link),
                Route::post(Area::Admin, at("/amendments/{article}/links/delete"), links::unlink),
                Route::get_post(Area::Admin, at("/timeline"), timeline::list, timeline::create),
                Route::get_post(Area::Admin, at("/timeline/{id}"), timeline::edit_form, timeline::update),
                Route::post(Area::Admin, at("/timeline/{id}/delete"), timeline::delete),
                Route::get_post(
                    Area::Admin,
                    at("/announcements/import"),
                    announcements::import_form,
                    announcements::import,
                ),
                Route::get_post(Area::Admin, at("/users"), users::list, users::create),
                Route::post(Area::Admin, at("/users/{name}/disable"), users::disable),
                Route::post(Area::Admin, at("/users/{name}/enable"), users::enable),
                Route::post(Area::Admin, at("/users/{name}/password"), users::reset_password),
                Route::get(Area::Admin, at("/audit"), audit::list),
                Route::get_post(Area::Admin, at("/translations/{kind}/{id}"), translations::show, translations::save),
                Route::get(Area::Admin, at("/statements"), translations::statements),
                Route::get_post(Area::Admin, at("/referendums"), referendums::list, referendums::create),
                Route::get_post(Area::Admin, at("/results"), results::show, results::save_figure),
                Route::post(Area::Admin, at("/results/import"), results::import),
                Route::post(Area::Admin, at("/referendums/{slug}/publish"), referendums::publish),
            ]
        })
        .collect()
}

async fn to_dashboard(at: AdminLocation) -> Redirect {
    Redirect::permanent(&format!("{}/", at.path.split('?').next().unwrap_or("/admin")))
}

/// Nothing behind a session may be cached, by the browser or anyone else.
pub(super) async fn no_store(mut response: Response) -> Response {
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    response
}
