//! How sure the tracker is of a timeline event's date.

use std::str::FromStr;

/// The schema's `certainty` column: `confirmed`, or `uncertain` with a note
/// saying why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Certainty {
    Confirmed,
    Uncertain,
}

impl Certainty {
    pub fn as_str(self) -> &'static str {
        match self {
            Certainty::Confirmed => "confirmed",
            Certainty::Uncertain => "uncertain",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown certainty “{0}”; allowed: confirmed, uncertain")]
pub struct UnknownCertainty(pub String);

impl FromStr for Certainty {
    type Err = UnknownCertainty;
    fn from_str(s: &str) -> Result<Self, UnknownCertainty> {
        match s {
            "confirmed" => Ok(Certainty::Confirmed),
            "uncertain" => Ok(Certainty::Uncertain),
            other => Err(UnknownCertainty(other.chars().take(20).collect())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for c in [Certainty::Confirmed, Certainty::Uncertain] {
            assert_eq!(c.as_str().parse::<Certainty>(), Ok(c));
        }
        assert!("maybe".parse::<Certainty>().is_err());
    }
}
