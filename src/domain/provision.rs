//! The Constitution as versioned text: documents made of provisions, each
//! provision with its wording over time, and where each wording comes from.

use chrono::NaiveDate;

/// What a provision is in its document's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProvisionKind {
    Preamble,
    Section,
    Article,
    Paragraph,
    Subparagraph,
    /// Text without a number of its own: an article's opening words, or a
    /// part of a paragraph after its list.
    Part,
}

impl ProvisionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ProvisionKind::Preamble => "preamble",
            ProvisionKind::Section => "section",
            ProvisionKind::Article => "article",
            ProvisionKind::Paragraph => "paragraph",
            ProvisionKind::Subparagraph => "subparagraph",
            ProvisionKind::Part => "part",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        [Self::Preamble, Self::Section, Self::Article, Self::Paragraph, Self::Subparagraph, Self::Part]
            .into_iter()
            .find(|kind| kind.as_str() == key)
    }
}

/// How far a wording can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fidelity {
    /// Verbatim from an official text.
    Official,
    /// Reconstructed mechanically from an official change (a word
    /// replacement reversed), never quoted.
    Derived,
    /// Not found in the sources checked: shown as unknown, never guessed.
    Unknown,
    /// The provision was repealed; its number stays with a note.
    Repealed,
}

impl Fidelity {
    pub const ALL: [Fidelity; 4] = [Fidelity::Official, Fidelity::Derived, Fidelity::Unknown, Fidelity::Repealed];

    pub fn as_str(self) -> &'static str {
        match self {
            Fidelity::Official => "official",
            Fidelity::Derived => "derived",
            Fidelity::Unknown => "unknown",
            Fidelity::Repealed => "repealed",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|fidelity| fidelity.as_str() == key)
    }
}

/// One wording of one provision, and the days it was in force (both ends
/// included; an open start means "since before the earliest change we
/// record", an open end "still in force").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub eid: String,
    pub text: Option<String>,
    pub fidelity: Fidelity,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    /// The act that made this wording (a key of the document's acts).
    pub act: String,
    /// The point of the act, where the act has points.
    pub act_point: Option<i64>,
    /// What a reader should know about this wording or its dates.
    pub note: Option<String>,
}

impl Version {
    pub fn in_force_on(&self, day: NaiveDate) -> bool {
        self.valid_from.is_none_or(|from| from <= day) && self.valid_to.is_none_or(|to| day <= to)
    }
}

/// Of a provision's versions, the one in force on `day`, if any.
pub fn in_force_on(versions: &[Version], day: NaiveDate) -> Option<&Version> {
    versions.iter().find(|v| v.in_force_on(day))
}

/// One provision of a document, in document order: its id, where it sits,
/// its number as the document writes it, and its own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provision {
    pub eid: String,
    pub parent: Option<String>,
    pub kind: ProvisionKind,
    /// The number as the document writes it ("83-1", "10-1"), where it has one.
    pub num: Option<String>,
    /// The provision's own words, verbatim (its number included); a list
    /// under it is made of its children.
    pub text: String,
}

/// One constitution: its provisions in document order and every version.
#[derive(Debug, Clone)]
pub struct Document {
    pub slug: String,
    pub title: String,
    pub lang: String,
    pub adopted_on: NaiveDate,
    pub in_force_from: Option<NaiveDate>,
    pub in_force_to: Option<NaiveDate>,
    pub source_key: String,
    pub nodes: Vec<Provision>,
    pub versions: Vec<Version>,
}

impl Document {
    /// The versions of one provision, oldest first.
    pub fn versions_of(&self, eid: &str) -> Vec<&Version> {
        self.versions.iter().filter(|v| v.eid == eid).collect()
    }
}

/// A point of the law that made a referendum's amendments, verbatim.
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
