//! What a visitor's search query means: the words to look for.

/// The words of a query: letters and digits only, lower-cased, at most ten.
pub fn query_words(query: &str) -> Vec<String> {
    query
        .chars()
        .take(200)
        .collect::<String>()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(10)
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::query_words;

    #[test]
    fn queries_keep_only_words() {
        assert_eq!(query_words("Death PENALTY"), ["death", "penalty"]);
        assert_eq!(query_words("\"Сенат\" OR NEAR(a b) *^-:"), ["сенат", "or", "near", "a", "b"]);
        assert_eq!(query_words("ӨЛІМ жазасы"), ["өлім", "жазасы"]);
        assert!(query_words("\" ' ( ) * : ^ -").is_empty());
        assert_eq!(query_words(&"x ".repeat(500)).len(), 10);
    }
}
