//! The public, read-only pages.

mod amendments;
mod announcement;
mod changes;
mod council;
mod open_data;
mod overview;
mod page_context;
mod results;
mod search;
mod timeline;

use super::{area::Area, routes::Route};

/// Every public page exists once per language, under `/{lang}/…`; the
/// handlers read the language from the path through `PageLocation`.
pub fn routes() -> Vec<Route> {
    vec![
        Route::get(Area::Public, "/{lang}", page_context::language_root),
        Route::get(Area::Public, "/{lang}/", overview::show),
        Route::get(Area::Public, "/{lang}/amendments", amendments::list),
        Route::get(Area::Public, "/{lang}/amendments/{article}", amendments::show),
        Route::get(Area::Public, "/{lang}/announcements", announcement::list),
        Route::get(Area::Public, "/{lang}/announcements/{slug}", announcement::show),
        Route::get(Area::Public, "/{lang}/timeline", timeline::show),
        Route::get(Area::Public, "/{lang}/council", council::show),
        Route::get(Area::Public, "/{lang}/changes", changes::show),
        Route::get(Area::Public, "/{lang}/results", results::show),
        Route::get(Area::Public, "/{lang}/data", open_data::show),
        Route::get(Area::Public, "/{lang}/search", search::show),
    ]
}
