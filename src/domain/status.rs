//! The fixed status vocabulary of an amendment and its legal transitions.

use std::{fmt, str::FromStr};

/// Where an amendment stands. The machine keys (`as_str`) appear in URLs, the
/// API and exports, so they never change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    Drafted,
    Submitted,
    CouncilCompliant,
    CouncilNoncompliant,
    Withdrawn,
    OnBallot,
    Adopted,
    Rejected,
    InForce,
    AmendedLater,
    /// No longer in force because the whole text it amended was replaced
    /// (the 1995 Constitution by the 2026 one).
    Superseded,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TransitionError {
    #[error("a new amendment starts as “drafted”, not “{0}”")]
    MustStartDrafted(Status),
    #[error("an amendment cannot go from “{from}” to “{to}”; allowed next: {allowed}")]
    Illegal { from: Status, to: Status, allowed: String },
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("unknown status “{0}”; allowed: {allowed}", allowed = Status::allowed_keys())]
pub struct UnknownStatus(pub String);

impl Status {
    pub const ALL: [Status; 11] = [
        Status::Drafted,
        Status::Submitted,
        Status::CouncilCompliant,
        Status::CouncilNoncompliant,
        Status::Withdrawn,
        Status::OnBallot,
        Status::Adopted,
        Status::Rejected,
        Status::InForce,
        Status::AmendedLater,
        Status::Superseded,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Drafted => "drafted",
            Status::Submitted => "submitted",
            Status::CouncilCompliant => "council_compliant",
            Status::CouncilNoncompliant => "council_noncompliant",
            Status::Withdrawn => "withdrawn",
            Status::OnBallot => "on_ballot",
            Status::Adopted => "adopted",
            Status::Rejected => "rejected",
            Status::InForce => "in_force",
            Status::AmendedLater => "amended_later",
            Status::Superseded => "superseded",
        }
    }

    pub fn allowed_keys() -> String {
        Status::ALL.map(Status::as_str).join(", ")
    }

    /// The statuses that may legally follow this one.
    pub fn next(self) -> &'static [Status] {
        use Status::*;
        match self {
            Drafted => &[Submitted, Withdrawn],
            Submitted => &[CouncilCompliant, CouncilNoncompliant, Withdrawn],
            CouncilNoncompliant => &[Drafted, Withdrawn],
            CouncilCompliant => &[OnBallot, Withdrawn],
            OnBallot => &[Adopted, Rejected],
            Adopted => &[InForce],
            InForce => &[AmendedLater, Superseded],
            AmendedLater => &[AmendedLater, Superseded],
            Withdrawn | Rejected | Superseded => &[],
        }
    }

    /// Checks that `to` may follow `from`; `None` means the amendment has no
    /// status yet, and then only `drafted` may start its history.
    pub fn check_transition(from: Option<Status>, to: Status) -> Result<(), TransitionError> {
        match from {
            None if to == Status::Drafted => Ok(()),
            None => Err(TransitionError::MustStartDrafted(to)),
            Some(from) if from.next().contains(&to) => Ok(()),
            Some(from) => Err(TransitionError::Illegal {
                from,
                to,
                allowed: match from.next() {
                    [] => "none (this is a final status)".to_owned(),
                    next => next.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", "),
                },
            }),
        }
    }

    /// Position on the public pipeline drafted → submitted → Council → ballot →
    /// vote → in force, used by the stepper.
    pub fn stage(self) -> usize {
        match self {
            Status::Drafted => 0,
            Status::Submitted => 1,
            Status::CouncilCompliant | Status::CouncilNoncompliant => 2,
            Status::OnBallot => 3,
            Status::Adopted | Status::Rejected => 4,
            Status::InForce | Status::AmendedLater | Status::Superseded => 5,
            Status::Withdrawn => 0,
        }
    }

    /// Statuses that end the pipeline early.
    pub fn is_terminal_failure(self) -> bool {
        matches!(self, Status::Withdrawn | Status::Rejected | Status::CouncilNoncompliant)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Rows decode their status key through this, once, at the storage
/// boundary: a key the domain does not know is a decode error there.
impl TryFrom<String> for Status {
    type Error = UnknownStatus;
    fn try_from(key: String) -> Result<Self, UnknownStatus> {
        key.parse()
    }
}

impl FromStr for Status {
    type Err = UnknownStatus;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Status::ALL
            .into_iter()
            .find(|status| status.as_str() == s)
            .ok_or_else(|| UnknownStatus(s.chars().take(40).collect()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Status::*;

    const LEGAL: &[(Status, Status)] = &[
        (Drafted, Submitted),
        (Drafted, Withdrawn),
        (Submitted, CouncilCompliant),
        (Submitted, CouncilNoncompliant),
        (Submitted, Withdrawn),
        (CouncilNoncompliant, Drafted),
        (CouncilNoncompliant, Withdrawn),
        (CouncilCompliant, OnBallot),
        (CouncilCompliant, Withdrawn),
        (OnBallot, Adopted),
        (OnBallot, Rejected),
        (Adopted, InForce),
        (InForce, AmendedLater),
        (AmendedLater, AmendedLater),
        (InForce, Superseded),
        (AmendedLater, Superseded),
    ];

    #[test]
    fn every_legal_transition_is_accepted() {
        for &(from, to) in LEGAL {
            assert_eq!(Status::check_transition(Some(from), to), Ok(()), "{from} → {to}");
        }
    }

    #[test]
    fn every_other_transition_is_rejected() {
        let mut rejected = 0;
        for from in Status::ALL {
            for to in Status::ALL {
                if LEGAL.contains(&(from, to)) {
                    continue;
                }
                let err = Status::check_transition(Some(from), to).unwrap_err();
                assert!(matches!(err, TransitionError::Illegal { .. }), "{from} → {to}");
                rejected += 1;
            }
        }
        assert_eq!(rejected, Status::ALL.len().pow(2) - LEGAL.len());
    }

    #[test]
    fn history_must_start_with_drafted() {
        assert_eq!(Status::check_transition(None, Drafted), Ok(()));
        for to in Status::ALL.into_iter().filter(|s| *s != Drafted) {
            assert_eq!(Status::check_transition(None, to), Err(TransitionError::MustStartDrafted(to)));
        }
    }

    #[test]
    fn rejection_message_names_the_allowed_next_statuses() {
        let err = Status::check_transition(Some(OnBallot), InForce).unwrap_err();
        assert_eq!(
            err.to_string(),
            "an amendment cannot go from “on_ballot” to “in_force”; allowed next: adopted, rejected"
        );
        let err = Status::check_transition(Some(Rejected), Drafted).unwrap_err();
        assert!(err.to_string().contains("final status"));
    }

    #[test]
    fn keys_round_trip_and_unknown_keys_are_refused() {
        for status in Status::ALL {
            assert_eq!(status.as_str().parse::<Status>(), Ok(status));
        }
        let err = "passed".parse::<Status>().unwrap_err();
        assert!(err.to_string().contains("allowed: drafted, submitted"));
        assert!("Drafted".parse::<Status>().is_err());
    }
}
