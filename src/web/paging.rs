//! Keyset paging of newest-first lists (the change log, the audit trail):
//! `?before=ID` shows the records older than ID, so a page stays the same
//! however many records are added on top of it.

use crate::{i18n::Lang, web::error::AppError};

/// The `before` parameter: absent or empty for the newest page, else a
/// positive record id; anything else is a 400 with a message.
pub fn before(value: Option<&str>, lang: Lang) -> Result<Option<i64>, AppError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(text) => text
            .parse::<i64>()
            .ok()
            .filter(|id| *id > 0)
            .map(Some)
            .ok_or_else(|| AppError::BadRequest(lang.t("error-bad-page"))),
    }
}

/// Cuts `rows`, fetched with one more than a page, to `per_page`; returns
/// the `before` value of the next, older page when there is one.
pub fn cut<T>(rows: &mut Vec<T>, per_page: usize, id: impl Fn(&T) -> i64) -> Option<i64> {
    if rows.len() <= per_page {
        return None;
    }
    rows.truncate(per_page);
    rows.last().map(id)
}
