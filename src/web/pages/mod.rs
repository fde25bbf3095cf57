//! The public, read-only pages.

mod amendments;
mod announcement;
mod changes;
mod constitution;
mod council;
mod official_wording;
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
        Route::page("/{lang}/", &["as_of"], overview::show),
        Route::page("/{lang}/amendments", &["as_of", "status", "theme"], amendments::list),
        Route::page("/{lang}/amendments/{article}", &["as_of"], amendments::show),
        Route::page("/{lang}/announcements", &["as_of"], announcement::list),
        Route::page("/{lang}/announcements/{slug}", &["as_of"], announcement::show),
        Route::page("/{lang}/timeline", &["as_of"], timeline::show),
        Route::page("/{lang}/council", &["as_of"], council::show),
        Route::page("/{lang}/constitution", &["as_of"], constitution::show),
        Route::page("/{lang}/constitution/1995", &[], constitution::last_day_1995),
        Route::page("/{lang}/constitution/compare", &["from", "to"], constitution::compare),
        Route::page("/{lang}/changes", &["as_of", "before"], changes::show),
        Route::page("/{lang}/results", &["as_of", "stage", "sort", "dir"], results::show),
        Route::page("/{lang}/data", &["as_of"], open_data::show),
        Route::page("/{lang}/search", &["as_of", "q"], search::show),
    ]
}
