//! What admin forms share: the values and errors of a form being shown
//! again, and the one place that says how a refused write reads on the page.

use std::collections::HashMap;

use crate::{
    domain::rejection::{KeyKind, Rejection},
    i18n::Lang,
};

/// A form's values as typed, and a message per invalid field.
#[derive(Debug, Default, Clone)]
pub struct FormState {
    pub values: HashMap<&'static str, String>,
    pub errors: HashMap<&'static str, String>,
}

impl FormState {
    pub fn value(&self, field: &str) -> &str {
        self.values.get(field).map_or("", String::as_str)
    }
    pub fn error(&self, field: &str) -> Option<&String> {
        self.errors.get(field)
    }
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }
    pub fn checked(&self, field: &str, item: &str) -> bool {
        self.value(field).lines().any(|l| l.trim() == item)
    }
    pub fn set(&mut self, field: &'static str, value: impl Into<String>) {
        self.values.insert(field, value.into());
    }
    pub fn fail(&mut self, field: &'static str, message: String) {
        self.errors.entry(field).or_insert(message);
    }
}

/// The field a rejection belongs to and the message that explains it, in the
/// page's language. Every admin form reports a refused write through this.
pub fn rejection_field(rejection: &Rejection, lang: Lang) -> (&'static str, String) {
    match rejection {
        Rejection::IllegalTransition { from, allowed, .. } => {
            let detail = match (from, allowed.as_slice()) {
                (None, _) => String::new(),
                (Some(_), []) => "none (this is a final status)".to_owned(),
                (Some(_), next) => next.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", "),
            };
            ("status", lang.ts("error-illegal-transition", "detail", &detail))
        }
        Rejection::DateBeforePrevious { previous } => {
            ("effective_date", lang.ts("error-date-before-previous", "detail", &previous.to_string()))
        }
        Rejection::CorrectLatestOnly => ("corrects", lang.ts("error-correct-latest-only", "detail", "")),
        Rejection::UnknownKey { kind, key } => {
            let field = match kind {
                KeyKind::Theme => "themes",
                KeyKind::Source => "sources",
                KeyKind::Amendment => "amendments",
                KeyKind::Statement => "statement",
            };
            (field, lang.ts("error-unknown-key", "detail", key))
        }
        Rejection::SlugTaken(slug) => ("slug", lang.ts("error-slug-taken", "detail", slug)),
    }
}
