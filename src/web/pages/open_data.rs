//! `/data`: the open-data page — licence, suggested citation and downloads.

use askama::Template;
use axum::{extract::State, response::Html};

use super::page_context::Context;
use crate::{
    web::error::AppError,
    web::{
        data::Dataset as DataFile,
        render::render,
        state::AppState,
        view::{Layout, PageLocation, PublicNav},
    },
};

#[derive(Template)]
#[template(path = "pages/data.html")]
struct DataPage {
    layout: Layout,
    datasets: Vec<Dataset>,
    /// The Akoma Ntoso files of the official texts.
    akn_files: Vec<String>,
    citation: String,
}

struct Dataset {
    name: &'static str,
    title: String,
    description: String,
}

pub async fn show(State(state): State<AppState>, at: PageLocation) -> Result<Html<String>, AppError> {
    let lang = at.lang;
    let ctx = Context::load(&state.storage, &at).await?;
    let as_of = ctx.data.changed_at.map(|t| lang.date(t.date_naive())).unwrap_or_default();
    let page = DataPage {
        citation: lang.t_args(
            "data-citation",
            &[("title", crate::i18n::Arg::Str(&ctx.referendum.title)), ("date", crate::i18n::Arg::Str(&as_of))],
        ),
        layout: Layout::new(&at, lang.t("data-title"), lang.t("data-description"), PublicNav::Data, ctx.data),
        datasets: DataFile::ALL
            .iter()
            .map(|d| d.name())
            .map(|name| Dataset {
                name,
                title: lang.t(&format!("dataset-{name}")),
                description: lang.t(&format!("dataset-{name}-description")),
            })
            .collect(),
        akn_files: crate::web::akn::files(&state).await?,
    };
    render(&page)
}
