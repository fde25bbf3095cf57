//! Constitutional article numbers: "15", or an inserted article such as "83-1".

use std::fmt;

/// An article number as the Constitution writes it. Inserted articles carry a
/// suffix ("83-1" sits between 83 and 84), so the text is not a plain integer.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ArticleNumber {
    main: u16,
    sub: Option<u16>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("“{0}” is not an article number; use digits, optionally followed by “-” and digits, e.g. 15 or 83-1")]
pub struct InvalidArticleNumber(pub String);

impl ArticleNumber {
    pub fn parse(input: &str) -> Result<Self, InvalidArticleNumber> {
        let invalid = || InvalidArticleNumber(input.chars().take(40).collect());
        let (main, sub) = match input.split_once('-') {
            Some((m, s)) => (m, Some(s)),
            None => (input, None),
        };
        let number = |s: &str| -> Option<u16> {
            let digits_only = !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
            let value: u16 = if digits_only { s.parse().ok()? } else { return None };
            // A leading zero would give two spellings of one article.
            (value > 0 && !s.starts_with('0')).then_some(value)
        };
        let main = number(main).ok_or_else(invalid)?;
        let sub = match sub {
            Some(s) => Some(number(s).ok_or_else(invalid)?),
            None => None,
        };
        Ok(Self { main, sub })
    }

    /// A key that sorts articles in constitutional order: 83 < 83-1 < 84.
    pub fn sort_key(&self) -> i64 {
        i64::from(self.main) * 10_000 + i64::from(self.sub.unwrap_or(0))
    }
}

impl fmt::Display for ArticleNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.sub {
            Some(sub) => write!(f, "{}-{}", self.main, sub),
            None => write!(f, "{}", self.main),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_inserted_articles_parse_and_round_trip() {
        for text in ["4", "15", "83-1", "99", "9999-12"] {
            assert_eq!(ArticleNumber::parse(text).unwrap().to_string(), text);
        }
    }

    #[test]
    fn inserted_articles_sort_after_their_base_and_before_the_next() {
        let key = |s| ArticleNumber::parse(s).unwrap().sort_key();
        assert!(key("83") < key("83-1"));
        assert!(key("83-1") < key("83-2"));
        assert!(key("83-2") < key("84"));
        assert!(key("9") < key("15"));
    }

    #[test]
    fn malformed_numbers_are_rejected() {
        for text in ["", "-", "0", "015", "83-", "-1", "83-0", "83-1-2", "a", "15a", "١٥", "99999", " 15", "1 5"] {
            assert!(ArticleNumber::parse(text).is_err(), "{text:?} should be rejected");
        }
    }
}
