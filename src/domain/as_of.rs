//! The rules for `as_of`, the date a page or an API answer describes (the
//! tracker as it stood at the end of that day). One parser, the same rules
//! for the pages and the API.

use chrono::NaiveDate;

use super::input::parse_date;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AsOfError {
    /// Not a real date in the form YYYY-MM-DD; holds (the start of) what
    /// was given.
    #[error("as_of must be a date in the form YYYY-MM-DD")]
    Malformed(String),
    #[error("as_of is after today ({today})")]
    Future { today: NaiveDate },
    #[error("as_of is before the first recorded event ({first})")]
    BeforeFirst { first: NaiveDate },
}

/// Absent or empty is "now"; otherwise a real date, not after today.
pub fn parse(raw: Option<&str>, today: NaiveDate) -> Result<Option<NaiveDate>, AsOfError> {
    match raw.filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(value) => match parse_date(value) {
            Ok(date) if date > today => Err(AsOfError::Future { today }),
            Ok(date) => Ok(Some(date)),
            Err(_) => Err(AsOfError::Malformed(value.chars().take(40).collect())),
        },
    }
}

/// A date before anything was recorded describes nothing: refused, so that
/// an empty page is never mistaken for "nothing had happened".
pub fn check_first(as_of: NaiveDate, first_event: Option<NaiveDate>) -> Result<(), AsOfError> {
    match first_event {
        Some(first) if as_of < first => Err(AsOfError::BeforeFirst { first }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn absent_or_empty_is_now_and_a_real_past_date_is_kept() {
        let today = day("2026-12-03");
        assert_eq!(parse(None, today), Ok(None));
        assert_eq!(parse(Some(""), today), Ok(None));
        assert_eq!(parse(Some("2022-06-05"), today), Ok(Some(day("2022-06-05"))));
        assert_eq!(parse(Some("2026-12-03"), today), Ok(Some(today)));
    }

    #[test]
    fn malformed_and_future_dates_are_refused() {
        let today = day("2026-12-03");
        assert_eq!(parse(Some("2022-02-30"), today), Err(AsOfError::Malformed("2022-02-30".into())));
        assert!(matches!(parse(Some(&"9".repeat(100)), today), Err(AsOfError::Malformed(v)) if v.len() == 40));
        assert_eq!(parse(Some("2026-12-04"), today), Err(AsOfError::Future { today }));
    }

    #[test]
    fn a_date_before_the_first_event_is_refused() {
        let first = day("2022-04-29");
        assert_eq!(check_first(day("2022-04-28"), Some(first)), Err(AsOfError::BeforeFirst { first }));
        assert_eq!(check_first(first, Some(first)), Ok(()));
        assert_eq!(check_first(day("1990-01-01"), None), Ok(()));
    }
}
