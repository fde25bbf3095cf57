//! Values shaped for templates: dates already formatted, statuses labelled,
//! sources resolved. Templates stay free of logic.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::{
    domain::Status,
    storage::{DataState, SourceRow},
};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// What every page shares: its title, the active navigation entry and the
/// time of the latest change to the data.
pub struct Layout {
    pub title: String,
    pub description: String,
    pub nav: &'static str,
    pub data_as_of: Option<TimestampView>,
}

impl Layout {
    pub fn new(title: impl Into<String>, description: impl Into<String>, nav: &'static str, data: DataState) -> Self {
        Self {
            title: title.into(),
            description: description.into(),
            nav,
            data_as_of: data.changed_at.map(TimestampView::new),
        }
    }
}

#[derive(Debug, Clone)]
pub struct DateView {
    pub iso: String,
    pub text: String,
}

impl DateView {
    pub fn new(date: NaiveDate) -> Self {
        Self { iso: date.format("%Y-%m-%d").to_string(), text: long_date(date) }
    }
}

pub fn long_date(date: NaiveDate) -> String {
    format!("{} {} {}", date.day(), MONTHS[date.month0() as usize], date.year())
}

#[derive(Debug, Clone)]
pub struct TimestampView {
    pub iso: String,
    pub text: String,
}

impl TimestampView {
    pub fn new(at: DateTime<Utc>) -> Self {
        Self {
            iso: at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            text: format!("{}, {} UTC", long_date(at.date_naive()), at.format("%H:%M")),
        }
    }
}

#[derive(Debug, Clone)]
pub struct StatusView {
    pub key: &'static str,
    pub label: &'static str,
}

impl StatusView {
    pub fn new(status: Status) -> Self {
        Self { key: status.as_str(), label: status.label() }
    }

    /// Parses a status read from the database; the schema's CHECK makes an
    /// unknown key impossible, but a bad row must not take a page down.
    pub fn from_key(key: &str) -> Option<Self> {
        key.parse::<Status>().ok().map(Self::new)
    }
}

#[derive(Debug, Clone)]
pub struct SourceView {
    pub key: String,
    pub title: String,
    pub url: Option<String>,
    pub note: Option<String>,
}

impl From<SourceRow> for SourceView {
    fn from(row: SourceRow) -> Self {
        Self { key: row.key, title: row.title, url: row.url, note: row.note }
    }
}

/// Groups citation rows by subject id, keeping their order.
pub fn sources_by_subject(rows: Vec<SourceRow>) -> impl Fn(i64) -> Vec<SourceView> {
    move |id| rows.iter().filter(|r| r.subject_id == id).cloned().map(SourceView::from).collect()
}

/// A source given on a status event: a link when there is a URL, else the title.
#[derive(Debug, Clone)]
pub struct EventSource {
    pub url: Option<String>,
    pub label: String,
}

impl EventSource {
    pub fn new(url: Option<String>, title: Option<String>) -> Self {
        let label = title.or_else(|| url.clone()).unwrap_or_else(|| "source not recorded".to_owned());
        Self { url, label }
    }
}

/// Splits free text into paragraphs at blank lines.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_day_month_year() {
        assert_eq!(long_date(NaiveDate::from_ymd_opt(2022, 6, 5).unwrap()), "5 June 2022");
        let at = DateTime::parse_from_rfc3339("2022-06-08T09:05:00Z").unwrap().with_timezone(&Utc);
        assert_eq!(TimestampView::new(at).text, "8 June 2022, 09:05 UTC");
    }
}
