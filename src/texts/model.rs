//! The types of the official texts: acts, documents, the law's points.

use chrono::NaiveDate;

use crate::domain::provision::{ProvisionKind, Version};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub eid: String,
    pub parent: Option<String>,
    pub kind: ProvisionKind,
    /// The number as the document writes it ("83-1", "10-1"), where it has one.
    pub num: Option<String>,
    /// The provision's own words, verbatim (its number included); a list
    /// under it is made of its children.
    pub text: String,
}

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

/// One constitution: its provisions in document order and every version.
#[derive(Debug, Clone)]
pub struct Document {
    pub slug: &'static str,
    pub title: &'static str,
    pub lang: &'static str,
    pub adopted_on: NaiveDate,
    pub in_force_from: Option<NaiveDate>,
    pub in_force_to: Option<NaiveDate>,
    pub source_key: &'static str,
    pub nodes: Vec<Node>,
    pub versions: Vec<Version>,
}

/// A point of Article 1 of the Law of 8 June 2022, verbatim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LawPoint {
    pub number: i64,
    /// The article of the 1995 Constitution it changes ("heading VI" for a
    /// section heading).
    pub article: String,
    pub kind: String,
    /// The exact new wording, sub-items joined by " || " (the data pack's
    /// reading of the point).
    pub wording: String,
    /// The whole point, verbatim.
    pub text: String,
    /// The provisions it changes.
    pub targets: Vec<String>,
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
