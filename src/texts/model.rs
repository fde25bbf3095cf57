//! The types of the official texts: acts, documents, the law's points.

use chrono::NaiveDate;

use crate::domain::provision::{Document, LawPoint};

pub const DOCUMENT_1995: &str = "kz-constitution-1995";
pub const DOCUMENT_2026: &str = "kz-constitution-2026";

#[derive(Debug, thiserror::Error)]
#[error("official texts: {0}")]
pub struct TextError(String);

impl TextError {
    pub fn new(message: impl Into<String>) -> Self {
        TextError(message.into())
    }
}

/// An act that made or ended wordings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Act {
    pub key: &'static str,
    pub title: &'static str,
    pub date: Option<NaiveDate>,
    pub source_key: &'static str,
}

#[derive(Debug, Clone)]
pub struct Texts {
    pub acts: Vec<Act>,
    pub documents: Vec<Document>,
    pub points: Vec<LawPoint>,
}

impl Texts {
    pub fn document(&self, slug: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.slug == slug)
    }
}

pub(super) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}
