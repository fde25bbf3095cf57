//! Validated pieces of admin input: source URLs, notes, dates.

use chrono::NaiveDate;

pub const MAX_NOTE_CHARS: usize = 2000;
pub const MAX_TEXT_CHARS: usize = 20_000;
pub const MAX_TITLE_CHARS: usize = 300;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    #[error("required")]
    Required,
    #[error("too long")]
    TooLong,
    #[error("not a date")]
    BadDate,
    #[error("not an http(s) address")]
    BadUrl,
}

impl InputError {
    /// The message key the interface shows for this error.
    pub fn message_key(self) -> &'static str {
        match self {
            InputError::Required => "error-required",
            InputError::TooLong => "error-too-long",
            InputError::BadDate => "error-bad-date",
            InputError::BadUrl => "error-bad-url",
        }
    }
}

/// A date in the form YYYY-MM-DD, between the years 1900 and 2200.
pub fn parse_date(input: &str) -> Result<NaiveDate, InputError> {
    let input = input.trim();
    if input.is_empty() {
        return Err(InputError::Required);
    }
    let date = NaiveDate::parse_from_str(input, "%Y-%m-%d").map_err(|_| InputError::BadDate)?;
    let year = chrono::Datelike::year(&date);
    if input.len() == 10 && (1900..=2200).contains(&year) { Ok(date) } else { Err(InputError::BadDate) }
}

/// An absolute http or https URL with a host, without spaces or control characters.
pub fn parse_source_url(input: &str) -> Result<String, InputError> {
    let url = input.trim();
    if url.is_empty() {
        return Err(InputError::Required);
    }
    if url.len() > 2000 {
        return Err(InputError::TooLong);
    }
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")).ok_or(InputError::BadUrl)?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let clean = url.chars().all(|c| !c.is_whitespace() && !c.is_control() && c != '"' && c != '<' && c != '>');
    if host.is_empty() || host.starts_with('.') || host.contains('@') || !clean {
        Err(InputError::BadUrl)
    } else {
        Ok(url.to_owned())
    }
}

/// Trimmed text of at most `max` characters; `required` refuses empty text.
pub fn parse_text(input: &str, max: usize, required: bool) -> Result<Option<String>, InputError> {
    let text = input.trim().replace("\r\n", "\n");
    if text.is_empty() {
        return if required { Err(InputError::Required) } else { Ok(None) };
    }
    if text.chars().count() > max { Err(InputError::TooLong) } else { Ok(Some(text)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_strict() {
        assert!(parse_date("2022-06-08").is_ok());
        for bad in ["", "2022-6-8", "08.06.2022", "2022-02-30", "0001-01-01", "99999-01-01", "2022-06-08x"] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn source_urls_are_http_or_https_with_a_host() {
        assert!(parse_source_url("https://adilet.zan.kz/rus/docs/K950001000_").is_ok());
        for bad in [
            "",
            "javascript:alert(1)",
            "ftp://x.kz",
            "https://",
            "http:///x",
            "https://a b",
            "https://x\"y",
            "data:text/html,x",
        ] {
            assert!(parse_source_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn notes_have_a_length_limit() {
        assert_eq!(parse_text("  ok ", 10, true), Ok(Some("ok".to_owned())));
        assert_eq!(parse_text("", 10, true), Err(InputError::Required));
        assert_eq!(parse_text(" ", 10, false), Ok(None));
        assert_eq!(parse_text(&"x".repeat(11), 10, true), Err(InputError::TooLong));
    }
}
