//! Word-level comparison of an article's wording before and after.

use similar::{ChangeTag, TextDiff};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Same,
    Removed,
    Added,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffPart {
    pub change: Change,
    pub text: String,
}

/// Splits the two texts into runs of unchanged, removed and added words.
/// Adjacent runs of the same kind are merged so the markup stays small.
pub fn word_diff(before: &str, after: &str) -> Vec<DiffPart> {
    let diff = TextDiff::from_words(before, after);
    let mut parts: Vec<DiffPart> = Vec::new();
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            ChangeTag::Equal => Change::Same,
            ChangeTag::Delete => Change::Removed,
            ChangeTag::Insert => Change::Added,
        };
        match parts.last_mut() {
            Some(last) if last.change == kind => last.text.push_str(change.value()),
            _ => parts.push(DiffPart { change: kind, text: change.value().to_owned() }),
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_words_are_marked_and_the_rest_kept() {
        let parts = word_diff("resources are in state ownership", "resources belong to the people");
        let words =
            |kind| parts.iter().filter(|p| p.change == kind).map(|p| p.text.trim()).collect::<Vec<_>>().join(" ");
        assert_eq!(words(Change::Removed), "are in state ownership");
        assert_eq!(words(Change::Added), "belong to the people");
        assert!(parts[0].change == Change::Same && parts[0].text.starts_with("resources"));
    }

    #[test]
    fn reassembling_each_side_gives_back_the_original_texts() {
        let (before, after) = ("a b c d", "a x c d e");
        let parts = word_diff(before, after);
        let side =
            |skip: Change| parts.iter().filter(|p| p.change != skip).map(|p| p.text.as_str()).collect::<String>();
        assert_eq!(side(Change::Added), before);
        assert_eq!(side(Change::Removed), after);
    }
}
