//! URL- and anchor-safe identifiers derived from headings.

/// Lower-case ASCII letters and digits; every other run of characters becomes
/// one hyphen, except apostrophes, which vanish ("Kazakhstan’s" → "kazakhstans").
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for c in text.chars() {
        if matches!(c, '\'' | '’' | '‘') {
            continue;
        }
        if c.is_ascii_alphanumeric() {
            if pending_hyphen && !slug.is_empty() {
                slug.push('-');
            }
            pending_hyphen = false;
            slug.push(c.to_ascii_lowercase());
        } else {
            pending_hyphen = true;
        }
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn headings_become_stable_slugs() {
        assert_eq!(slugify("On the referendum in Kazakhstan"), "on-the-referendum-in-kazakhstan");
        assert_eq!(slugify("On Kazakhstan’s unity"), "on-kazakhstans-unity");
        assert_eq!(slugify("  Overview  "), "overview");
        assert_eq!(slugify("A -- b"), "a-b");
        assert_eq!(slugify("Ұлттық"), "");
    }
}
