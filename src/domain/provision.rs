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
