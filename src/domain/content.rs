//! The kinds of content the tracker holds, by the keys the schema uses for
//! them (translations, citations and the search index name them so).

use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ContentKind {
    Amendment,
    Statement,
    TimelineEvent,
    StatusEvent,
    /// A version of a provision of the official texts.
    Provision,
}

impl ContentKind {
    pub const ALL: [ContentKind; 5] = [
        ContentKind::Amendment,
        ContentKind::Statement,
        ContentKind::TimelineEvent,
        ContentKind::StatusEvent,
        ContentKind::Provision,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ContentKind::Amendment => "amendment",
            ContentKind::Statement => "statement",
            ContentKind::TimelineEvent => "timeline_event",
            ContentKind::StatusEvent => "status_event",
            ContentKind::Provision => "provision",
        }
    }

    /// The kinds that have translations, side by side in the admin.
    pub fn is_translatable(self) -> bool {
        !matches!(self, ContentKind::StatusEvent | ContentKind::Provision)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown kind of content “{0}”")]
pub struct UnknownContentKind(pub String);

impl FromStr for ContentKind {
    type Err = UnknownContentKind;
    fn from_str(s: &str) -> Result<Self, UnknownContentKind> {
        ContentKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| UnknownContentKind(s.chars().take(40).collect()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_unknown_ones_are_refused() {
        for kind in ContentKind::ALL {
            assert_eq!(kind.as_str().parse::<ContentKind>(), Ok(kind));
        }
        assert!("user".parse::<ContentKind>().is_err());
        assert!(!ContentKind::StatusEvent.is_translatable());
    }
}
