//! Values shaped for templates: dates already formatted, statuses labelled,
//! sources resolved, all in the page's language. Templates stay free of logic.

use chrono::{DateTime, NaiveDate, Utc};

use crate::{
    domain::Status,
    i18n::{Arg, Lang},
    storage::{DataState, amendments::StatusEventRow, sources::SourceRow},
};

/// The language of the tracker's own content (summaries, notes, timeline):
/// it is written in English; translations are marked where they exist.
pub const CONTENT_LANG: Lang = Lang::En;

/// What every page shares: language, title, the active navigation entry, the
/// time of the latest change, and the same page in the other languages.
pub struct Layout {
    pub lang: Lang,
    /// The URL prefix of the page's language, e.g. "/kk".
    pub base: &'static str,
    pub title: String,
    pub description: String,
    pub nav: PublicNav,
    /// The header navigation, with the page's own section marked.
    pub nav_items: Vec<NavItem>,
    pub data_as_of: Option<TimestampView>,
    /// The same page in every language: `<link rel="alternate">` and the
    /// language switcher.
    pub alternates: Vec<Alternate>,
    /// True when the page's language differs from the content's, so content
    /// blocks carry their own `lang` and a note says they are untranslated.
    pub content_untranslated: bool,
    /// Set on pages that show a past date, for the banner and the links.
    pub as_of: Option<DateView>,
    /// The current path without query, where the date control submits.
    pub path: String,
    pub today: String,
    /// The page's absolute address, for Open Graph and canonical links.
    pub canonical: String,
}

/// The same page in one language; `current` marks the page's own language.
pub struct Alternate {
    pub code: &'static str,
    pub name: &'static str,
    pub href: String,
    pub current: bool,
}

/// One link of a navigation bar; `current` marks the page's own section
/// (`aria-current="page"`).
pub struct NavItem {
    pub href: String,
    pub label: String,
    pub current: bool,
}

/// The section of the public site a page belongs to. Search and open data
/// have no entry in the header navigation, so there nothing is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublicNav {
    Overview,
    Amendments,
    Timeline,
    Results,
    Council,
    Constitution,
    Announcements,
    Changes,
    Search,
    Data,
}

impl PublicNav {
    /// The header navigation in order: section, path after the language
    /// prefix, message key of the label.
    const ENTRIES: [(PublicNav, &'static str, &'static str); 8] = [
        (PublicNav::Overview, "/", "nav-overview"),
        (PublicNav::Amendments, "/amendments", "nav-amendments"),
        (PublicNav::Timeline, "/timeline", "nav-timeline"),
        (PublicNav::Results, "/results", "nav-results"),
        (PublicNav::Council, "/council", "nav-council"),
        (PublicNav::Constitution, "/constitution", "nav-constitution"),
        (PublicNav::Announcements, "/announcements", "nav-announcements"),
        (PublicNav::Changes, "/changes", "nav-changes"),
    ];

    /// The header navigation for a page of this section; `keep` is the
    /// query that keeps the page's date ("?as_of=…" or "").
    pub fn items(self, base: &str, keep: &str, lang: Lang) -> Vec<NavItem> {
        Self::ENTRIES
            .iter()
            .map(|&(section, path, label)| NavItem {
                href: format!("{base}{path}{keep}"),
                label: lang.t(label),
                current: section == self,
            })
            .collect()
    }
}

/// One choice of a select list, marked when it is the form's value.
pub struct SelectOption {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

impl SelectOption {
    /// `chosen` is the value the form holds (as typed, or saved).
    pub fn new(value: impl Into<String>, label: impl Into<String>, chosen: &str) -> Self {
        let value = value.into();
        Self { selected: value == chosen, value, label: label.into() }
    }
}

/// The language of a request and the rest of its path and query, which the
/// language switcher keeps.
#[derive(Debug, Clone)]
pub struct PageLocation {
    pub lang: Lang,
    pub rest: String,
    /// `?as_of=YYYY-MM-DD`: the page shows the tracker as it stood at the
    /// end of that day.
    pub as_of: Option<NaiveDate>,
    /// The site's address ("https://tracker.example"), for absolute links.
    pub origin: String,
}

impl PageLocation {
    pub fn href(&self, lang: Lang) -> String {
        format!("/{}{}", lang.code(), self.rest)
    }

    /// The path without its query, e.g. for the date control's form.
    pub fn path(&self) -> String {
        format!("/{}{}", self.lang.code(), self.rest.split('?').next().unwrap_or("/"))
    }
}

impl Layout {
    pub fn new(
        at: &PageLocation,
        title: impl Into<String>,
        description: impl Into<String>,
        nav: PublicNav,
        data: DataState,
    ) -> Self {
        let lang = at.lang;
        let mut layout = Self {
            lang,
            base: base(lang),
            title: title.into(),
            description: description.into(),
            nav,
            nav_items: Vec::new(),
            data_as_of: data.changed_at.map(|at| TimestampView::new(at, lang)),
            alternates: Lang::ALL
                .into_iter()
                .map(|l| Alternate { code: l.code(), name: l.native_name(), href: at.href(l), current: l == lang })
                .collect(),
            content_untranslated: lang != CONTENT_LANG,
            as_of: at.as_of.map(|d| DateView::new(d, lang)),
            path: at.path(),
            today: chrono::Utc::now().date_naive().to_string(),
            canonical: format!("{}{}", at.origin, at.href(lang)),
        };
        // The navigation keeps the page's date, so it needs `as_of` set first.
        layout.nav_items = nav.items(layout.base, &layout.keep(), lang);
        layout
    }

    /// The query that keeps a page's date on links inside it: "?as_of=…".
    pub fn keep(&self) -> String {
        self.as_of.as_ref().map(|d| format!("?as_of={}", d.iso)).unwrap_or_default()
    }

    /// The same, for links that already have a query: "&as_of=…".
    pub fn keep_and(&self) -> String {
        self.as_of.as_ref().map(|d| format!("&as_of={}", d.iso)).unwrap_or_default()
    }

    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    /// A message with one numeric argument, e.g. a count.
    /// (askama passes fields by reference, calls by value: take both.)
    pub fn tn(&self, key: &str, name: &'static str, n: impl std::borrow::Borrow<usize>) -> String {
        self.lang.t_args(key, &[(name, Arg::Num(*n.borrow() as i64))])
    }

    /// A message with one text argument.
    pub fn ts(&self, key: &str, name: &'static str, value: &str) -> String {
        self.lang.ts(key, name, value)
    }

    pub fn content_lang(&self) -> &'static str {
        CONTENT_LANG.code()
    }
}

pub fn base(lang: Lang) -> &'static str {
    match lang {
        Lang::Kk => "/kk",
        Lang::Ru => "/ru",
        Lang::En => "/en",
    }
}

#[derive(Debug, Clone)]
pub struct DateView {
    pub iso: String,
    pub text: String,
}

impl DateView {
    pub fn new(date: NaiveDate, lang: Lang) -> Self {
        Self { iso: date.format("%Y-%m-%d").to_string(), text: lang.date(date) }
    }
}

#[derive(Debug, Clone)]
pub struct TimestampView {
    pub iso: String,
    pub text: String,
}

impl TimestampView {
    pub fn new(at: DateTime<Utc>, lang: Lang) -> Self {
        Self {
            iso: at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            text: format!("{}, {} UTC", lang.date(at.date_naive()), at.format("%H:%M")),
        }
    }
}

#[derive(Debug, Clone)]
pub struct StatusView {
    pub key: &'static str,
    pub label: String,
}

impl StatusView {
    pub fn new(status: Status, lang: Lang) -> Self {
        Self { key: status.as_str(), label: status_label(status, lang) }
    }
}

pub fn status_label(status: Status, lang: Lang) -> String {
    lang.t(&format!("status-{}", status.as_str().replace('_', "-")))
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
    pub fn new(url: Option<String>, title: Option<String>, lang: Lang) -> Self {
        let label = title.or_else(|| url.clone()).unwrap_or_else(|| lang.t("source-not-recorded"));
        Self { url, label }
    }
}

/// One entry of an amendment's status history, as the public and the admin
/// amendment pages show it (templates/_macros.html, `status_history`).
#[derive(Debug, Clone)]
pub struct HistoryEntry {
    pub id: i64,
    pub status: StatusView,
    pub date: DateView,
    pub note: String,
    pub source: EventSource,
    pub recorded_at: TimestampView,
    /// The entry this one corrects.
    pub corrects: Option<i64>,
    /// The entry that corrects this one.
    pub corrected_by: Option<i64>,
}

/// The history entries of `events`, in their order. Corrected entries stay,
/// marked, with a link to their correction: the record is never rewritten.
pub fn status_history(events: &[StatusEventRow], lang: Lang) -> Vec<HistoryEntry> {
    let corrected_by = |id: i64| events.iter().find(|c| c.corrects_event_id == Some(id)).map(|c| c.id);
    events
        .iter()
        .map(|e| HistoryEntry {
            id: e.id,
            status: StatusView::new(e.status, lang),
            date: DateView::new(e.effective_date, lang),
            note: e.note.clone(),
            source: EventSource::new(e.source_url.clone(), e.source_title.clone(), lang),
            recorded_at: TimestampView::new(e.recorded_at, lang),
            corrects: e.corrects_event_id,
            corrected_by: corrected_by(e.id),
        })
        .collect()
}

/// Splits free text into paragraphs at blank lines.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_read_as_date_and_utc_time() {
        let at = DateTime::parse_from_rfc3339("2022-06-08T09:05:00Z").unwrap().with_timezone(&Utc);
        assert_eq!(TimestampView::new(at, Lang::En).text, "8 June 2022, 09:05 UTC");
        assert_eq!(TimestampView::new(at, Lang::Ru).text, "8 июня 2022 г., 09:05 UTC");
    }

    #[test]
    fn the_switcher_keeps_the_page_and_query() {
        let at = PageLocation {
            lang: Lang::Ru,
            rest: "/amendments?status=adopted".to_owned(),
            as_of: None,
            origin: "https://x.example".to_owned(),
        };
        assert_eq!(at.href(Lang::Kk), "/kk/amendments?status=adopted");
    }

    #[test]
    fn the_navigation_marks_the_section_and_keeps_the_date() {
        let items = PublicNav::Timeline.items("/en", "?as_of=2022-05-01", Lang::En);
        assert_eq!(items.len(), 8);
        assert_eq!(items[0].href, "/en/?as_of=2022-05-01");
        let current: Vec<&str> = items.iter().filter(|i| i.current).map(|i| i.href.as_str()).collect();
        assert_eq!(current, ["/en/timeline?as_of=2022-05-01"]);
        assert!(PublicNav::Search.items("/en", "", Lang::En).iter().all(|i| !i.current));
    }
}

/// A content field in the page's language when a translation exists, else
/// in its original language; unofficial translations say so.
#[derive(Debug, Clone)]
pub struct Localized {
    pub text: String,
    pub lang: &'static str,
    pub note: Option<String>,
}

impl Localized {
    pub fn pick(
        original: &str,
        translations: &[crate::storage::translations::TranslationRow],
        entity_id: i64,
        field: &str,
        lang: Lang,
    ) -> Self {
        if lang != CONTENT_LANG
            && let Some(t) =
                translations.iter().find(|t| t.entity_id == entity_id && t.field == field && t.lang == lang.code())
        {
            return Self {
                text: t.text.clone(),
                lang: lang.code(),
                note: (!t.official).then(|| lang.t("unofficial-translation")),
            };
        }
        Self { text: original.to_owned(), lang: CONTENT_LANG.code(), note: None }
    }
}
