//! Rendering a template into a page.

use askama::Template;
use axum::response::Html;

use super::error::AppError;

pub(crate) fn render(template: &impl Template) -> Result<Html<String>, AppError> {
    Ok(Html(template.render()?))
}
