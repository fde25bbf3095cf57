//! Form bodies whose rejection is one of our error pages, never axum's
//! bare 422 text.

use axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;

use crate::{i18n::Lang, web::error::AppError};

pub struct AppForm<T>(pub T);

impl<T, S> FromRequest<S> for AppForm<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let lang = super::context::of_request(&request).map_or(Lang::Kk, |context| context.lang);
        let (parts, body) = request.into_parts();
        let bytes = super::body::read_bounded(body).await.map_err(|_| AppError::TooLarge)?;
        // A NUL character is never text anyone typed, and PostgreSQL refuses it.
        if bytes.windows(3).any(|w| w.eq_ignore_ascii_case(b"%00")) || bytes.contains(&0) {
            return Err(AppError::BadRequest(lang.t("error-bad-form")));
        }
        let request = Request::from_parts(parts, axum::body::Body::from(bytes));
        match axum::Form::<T>::from_request(request, state).await {
            Ok(axum::Form(value)) => Ok(AppForm(value)),
            Err(rejection) if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                Err(AppError::TooLarge)
            }
            Err(_) => Err(AppError::BadRequest(lang.t("error-bad-form"))),
        }
    }
}
