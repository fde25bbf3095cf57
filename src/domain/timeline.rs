//! Kinds of timeline events.

pub const KINDS: [&str; 10] = [
    "context",
    "announcement",
    "council",
    "decree",
    "referendum",
    "results",
    "law",
    "entry_into_force",
    "implementation",
    "election",
];

pub fn is_kind(value: &str) -> bool {
    KINDS.contains(&value)
}
