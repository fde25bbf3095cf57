//! The seed data set, embedded in the binary: the 2022 referendum, its 33
//! amendments, the announcement document verbatim, the timeline and sources.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer};

use crate::domain::{ArticleNumber, Status, announcement, results};

pub const REFERENDUM_TOML: &str = include_str!("../seeds/kz-2022/referendum.toml");
pub const AMENDMENTS_TOML: &str = include_str!("../seeds/kz-2022/amendments.toml");
pub const RESULTS_TOML: &str = include_str!("../seeds/kz-2022/results.toml");
pub const TRANSLATIONS_TOML: &str = include_str!("../seeds/kz-2022/translations.toml");
pub const ANNOUNCEMENT_DOCUMENT: &str = include_str!("../seeds/2022-04-29-assembly-of-the-people-factsheet.txt");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferendumSeed {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub question: String,
    pub question_source: String,
    #[serde(deserialize_with = "date")]
    pub proposed_on: NaiveDate,
    #[serde(deserialize_with = "date")]
    pub vote_on: NaiveDate,
    pub thresholds: String,
    pub thresholds_sources: Vec<String>,
    pub announcement: AnnouncementSeed,
    pub sources: Vec<SourceSeed>,
    pub status_events: Vec<EventSeed>,
    /// When the text every amendment changed ceased to have effect.
    #[serde(default)]
    pub superseded: Option<EventSeed>,
    pub headings: Vec<HeadingSeed>,
    pub council: CouncilSeed,
    pub timeline: Vec<TimelineSeed>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnouncementSeed {
    pub slug: String,
    pub file: String,
    pub event: String,
    #[serde(deserialize_with = "date")]
    pub date: NaiveDate,
    pub speaker: String,
    pub venue: String,
    pub source_note: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceSeed {
    pub key: String,
    pub title: String,
    pub url: Option<String>,
    pub note: Option<String>,
}

/// A dated status change with one source.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventSeed {
    #[serde(default)]
    pub status: Option<String>,
    #[serde(deserialize_with = "date")]
    pub date: NaiveDate,
    pub note: String,
    pub source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeadingSeed {
    pub section: String,
    pub law_point: Option<i64>,
    pub before: Option<String>,
    pub after: String,
    #[serde(deserialize_with = "date")]
    pub in_force: NaiveDate,
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CouncilSeed {
    pub body: String,
    #[serde(deserialize_with = "date")]
    pub submitted_on: NaiveDate,
    pub submitted_sources: Vec<String>,
    #[serde(deserialize_with = "date")]
    pub accepted_on: NaiveDate,
    pub accepted_sources: Vec<String>,
    pub conclusion_number: String,
    #[serde(deserialize_with = "date")]
    pub conclusion_date: NaiveDate,
    pub chair: String,
    pub rapporteur: String,
    pub finding: String,
    pub conclusion_sources: Vec<String>,
    pub outcome_note: String,
    pub open_questions: Vec<OpenQuestionSeed>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenQuestionSeed {
    pub text: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineSeed {
    pub key: String,
    #[serde(deserialize_with = "date")]
    pub date: NaiveDate,
    #[serde(default, deserialize_with = "optional_date")]
    pub end_date: Option<NaiveDate>,
    pub kind: String,
    pub title: String,
    pub description: String,
    pub certainty: String,
    pub uncertainty_note: Option<String>,
    pub sources: Vec<String>,
    #[serde(default)]
    pub amendments: Vec<String>,
    #[serde(default)]
    pub statements: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmendmentsFile {
    pub amendment: Vec<AmendmentSeed>,
    pub theme: Vec<ThemeSeed>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmendmentSeed {
    pub article: String,
    pub law_point: Option<i64>,
    pub new_article: bool,
    pub title: String,
    pub summary: String,
    pub explanation: String,
    pub wording_before: Option<String>,
    pub wording_after: Option<String>,
    pub themes: Vec<String>,
    pub sources: Vec<String>,
    pub in_force: Vec<EventSeed>,
    #[serde(default)]
    pub later_changes: Vec<EventSeed>,
    #[serde(default)]
    pub motivations: Vec<MotivationSeed>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MotivationSeed {
    pub statement: String,
    pub note: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeSeed {
    pub key: String,
    pub name: String,
    pub description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultsFile {
    pub rules: Vec<RuleSeed>,
    pub units: Vec<UnitSeed>,
    pub sets: Vec<ResultSetSeed>,
    #[serde(default)]
    pub sources: Vec<SourceSeed>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSeed {
    pub key: String,
    pub kind: String,
    pub threshold: f64,
    pub share_numerator: Option<i64>,
    pub share_denominator: Option<i64>,
    pub description: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitSeed {
    pub key: String,
    pub kind: String,
    pub name_en: String,
    pub name_kk: String,
    pub name_ru: String,
    pub name_sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultSetSeed {
    pub stage: String,
    #[serde(deserialize_with = "date")]
    pub published_on: NaiveDate,
    pub description: String,
    pub sources: Vec<String>,
    pub majority_all_units_note: Option<String>,
    pub majority_all_units_source: Option<String>,
    pub national: toml::Table,
    #[serde(default)]
    pub units: Vec<toml::Table>,
}

/// Unofficial translations of the tracker's own titles and summaries.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslationsFile {
    pub amendment: Vec<AmendmentTranslation>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmendmentTranslation {
    pub article: String,
    pub ru_title: String,
    pub ru_summary: String,
    pub kk_title: String,
    pub kk_summary: String,
}

impl AmendmentTranslation {
    /// (lang, field, text) of each translated field.
    pub fn fields(&self) -> [(&'static str, &'static str, &str); 4] {
        [
            ("ru", "title", &self.ru_title),
            ("ru", "summary", &self.ru_summary),
            ("kk", "title", &self.kk_title),
            ("kk", "summary", &self.kk_summary),
        ]
    }
}

/// One published figure: where it belongs, its value (hundredths for
/// percentages) and its source key.
pub struct FigureSeed<'a> {
    pub scope: &'a str,
    pub field: &'static str,
    pub value: i64,
    pub source: &'a str,
}

impl ResultSetSeed {
    /// Every figure of the set, national first, checked and converted.
    pub fn figures(&self) -> Result<Vec<FigureSeed<'_>>, SeedError> {
        let mut out = Vec::new();
        let scopes = std::iter::once(("national", &self.national))
            .chain(self.units.iter().map(|t| (t.get("unit").and_then(|v| v.as_str()).unwrap_or_default(), t)));
        for (scope, table) in scopes {
            for key in table.keys() {
                let known = key == "unit"
                    || key == "note"
                    || results::is_field(key)
                    || key.strip_suffix("_source").is_some_and(results::is_field);
                if !known {
                    return Err(SeedError::Invalid(format!("results {}: unknown field {key} in {scope}", self.stage)));
                }
            }
            for field in results::FIELDS {
                let Some(value) = table.get(field) else { continue };
                let value = if results::is_percentage(field) {
                    let pct = value.as_float().or_else(|| value.as_integer().map(|i| i as f64));
                    pct.filter(|p| (0.0..=100.0).contains(p)).map(|p| (p * 100.0).round() as i64)
                } else {
                    value.as_integer().filter(|v| *v >= 0)
                };
                let value = value.ok_or_else(|| {
                    SeedError::Invalid(format!("results {}: {scope}.{field} is not a valid figure", self.stage))
                })?;
                let source = table.get(&format!("{field}_source")).and_then(|v| v.as_str()).ok_or_else(|| {
                    SeedError::Invalid(format!("results {}: {scope}.{field} has no source", self.stage))
                })?;
                out.push(FigureSeed { scope, field, value, source });
            }
        }
        Ok(out)
    }

    pub fn unit_notes(&self) -> impl Iterator<Item = (&str, &str)> {
        self.units.iter().filter_map(|t| Some((t.get("unit")?.as_str()?, t.get("note")?.as_str()?)))
    }
}

/// Everything the seed loader writes, parsed and cross-checked.
#[derive(Debug)]
pub struct SeedData {
    pub referendum: ReferendumSeed,
    pub amendments: Vec<AmendmentSeed>,
    pub themes: Vec<ThemeSeed>,
    pub announcement: announcement::ParsedAnnouncement,
    pub document: &'static str,
    pub results: ResultsFile,
    pub translations: TranslationsFile,
}

/// One amendment's status history as the seeds describe it.
pub struct SeedStatusEvent<'a> {
    pub seed_key: String,
    pub status: Status,
    pub date: NaiveDate,
    pub note: &'a str,
    pub source: &'a str,
}

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("seed file {file}: {message}")]
    Toml { file: &'static str, message: String },
    #[error("seed data: {0}")]
    Invalid(String),
}

impl SeedData {
    /// Parses the embedded seed files and checks every reference in them.
    pub fn embedded() -> Result<Self, SeedError> {
        let referendum: ReferendumSeed = toml::from_str(REFERENDUM_TOML)
            .map_err(|e| SeedError::Toml { file: "kz-2022/referendum.toml", message: e.to_string() })?;
        let amendments: AmendmentsFile = toml::from_str(AMENDMENTS_TOML)
            .map_err(|e| SeedError::Toml { file: "kz-2022/amendments.toml", message: e.to_string() })?;
        let results: ResultsFile = toml::from_str(RESULTS_TOML)
            .map_err(|e| SeedError::Toml { file: "kz-2022/results.toml", message: e.to_string() })?;
        let translations: TranslationsFile = toml::from_str(TRANSLATIONS_TOML)
            .map_err(|e| SeedError::Toml { file: "kz-2022/translations.toml", message: e.to_string() })?;
        let announcement = announcement::parse(ANNOUNCEMENT_DOCUMENT)
            .map_err(|e| SeedError::Invalid(format!("announcement document: {e}")))?;
        let data = SeedData {
            referendum,
            amendments: amendments.amendment,
            themes: amendments.theme,
            announcement,
            document: ANNOUNCEMENT_DOCUMENT,
            results,
            translations,
        };
        data.check()?;
        Ok(data)
    }

    /// All sources: the referendum's and the results'.
    pub fn sources(&self) -> impl Iterator<Item = &SourceSeed> {
        self.referendum.sources.iter().chain(&self.results.sources)
    }

    /// The status events of one amendment in the order they happened: the
    /// pipeline shared by all amendments, then entry into force (once, at the
    /// first date) and any later changes.
    pub fn status_events<'a>(&'a self, amendment: &'a AmendmentSeed) -> Result<Vec<SeedStatusEvent<'a>>, SeedError> {
        let mut events = Vec::new();
        for common in &self.referendum.status_events {
            let key = common.status.as_deref().unwrap_or_default();
            let status = key.parse::<Status>().map_err(|e| SeedError::Invalid(e.to_string()))?;
            events.push((status, common));
        }
        if let Some(first) = amendment.in_force.iter().min_by_key(|e| e.date) {
            events.push((Status::InForce, first));
        }
        events.extend(amendment.later_changes.iter().map(|e| (Status::AmendedLater, e)));
        events.extend(self.referendum.superseded.iter().map(|e| (Status::Superseded, e)));

        let mut previous = None;
        let mut out = Vec::with_capacity(events.len());
        for (status, event) in events {
            Status::check_transition(previous, status)
                .map_err(|e| SeedError::Invalid(format!("article {}: {e}", amendment.article)))?;
            previous = Some(status);
            out.push(SeedStatusEvent {
                seed_key: format!("{}/{}/{}/{}", self.referendum.slug, amendment.article, status, event.date),
                status,
                date: event.date,
                note: &event.note,
                source: &event.source,
            });
        }
        Ok(out)
    }

    fn check(&self) -> Result<(), SeedError> {
        let invalid = |m: String| Err(SeedError::Invalid(m));
        let known_source = |key: &str| self.sources().any(|s| s.key == key);
        let statement_slugs: Vec<&str> =
            self.announcement.sections.iter().flat_map(|s| &s.statements).map(|s| s.slug.as_str()).collect();

        let mut cited: Vec<&str> = vec![&self.referendum.question_source];
        cited.extend(self.referendum.thresholds_sources.iter().map(String::as_str));
        cited.extend(self.referendum.announcement.sources.iter().map(String::as_str));
        cited.extend(self.referendum.status_events.iter().map(|e| e.source.as_str()));
        cited.extend(self.referendum.superseded.iter().map(|e| e.source.as_str()));
        cited.extend(self.referendum.headings.iter().flat_map(|h| &h.sources).map(String::as_str));
        let council = &self.referendum.council;
        for list in [&council.submitted_sources, &council.accepted_sources, &council.conclusion_sources] {
            cited.extend(list.iter().map(String::as_str));
        }
        cited.extend(council.open_questions.iter().flat_map(|q| &q.sources).map(String::as_str));
        for event in &self.referendum.timeline {
            cited.extend(event.sources.iter().map(String::as_str));
            for article in &event.amendments {
                if !self.amendments.iter().any(|a| &a.article == article) {
                    return invalid(format!("timeline event {} names unknown article {article}", event.key));
                }
            }
            for slug in &event.statements {
                if !statement_slugs.contains(&slug.as_str()) {
                    return invalid(format!("timeline event {} names unknown statement {slug}", event.key));
                }
            }
        }
        for amendment in &self.amendments {
            ArticleNumber::parse(&amendment.article).map_err(|e| SeedError::Invalid(e.to_string()))?;
            cited.extend(amendment.sources.iter().map(String::as_str));
            cited.extend(amendment.in_force.iter().chain(&amendment.later_changes).map(|e| e.source.as_str()));
            for theme in &amendment.themes {
                if !self.themes.iter().any(|t| &t.key == theme) {
                    return invalid(format!("article {} names unknown theme {theme}", amendment.article));
                }
            }
            for link in &amendment.motivations {
                if !statement_slugs.contains(&link.statement.as_str()) {
                    return invalid(format!(
                        "article {} names unknown statement {}",
                        amendment.article, link.statement
                    ));
                }
            }
            self.status_events(amendment)?;
        }
        for t in &self.translations.amendment {
            if !self.amendments.iter().any(|a| a.article == t.article) {
                return invalid(format!("translations name unknown article {}", t.article));
            }
        }
        let r = &self.results;
        cited.extend(r.rules.iter().flat_map(|rule| &rule.sources).map(String::as_str));
        cited.extend(r.units.iter().flat_map(|u| &u.name_sources).map(String::as_str));
        for set in &r.sets {
            cited.extend(set.sources.iter().map(String::as_str));
            cited.extend(set.majority_all_units_source.as_deref());
            for figure in set.figures()? {
                cited.push(figure.source);
                if figure.scope != "national" && !r.units.iter().any(|u| u.key == figure.scope) {
                    return invalid(format!("results: unknown unit {}", figure.scope));
                }
            }
        }
        if let Some(missing) = cited.into_iter().find(|key| !known_source(key)) {
            return invalid(format!("source key {missing} is cited but not defined"));
        }
        if self.referendum.announcement.file != "2022-04-29-assembly-of-the-people-factsheet.txt" {
            return invalid(format!("announcement file {} is not embedded", self.referendum.announcement.file));
        }
        Ok(())
    }
}

/// TOML writes dates as bare values (`2022-06-05`), which chrono's serde
/// support does not read; go through TOML's own date type.
fn date<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    let value = toml::value::Datetime::deserialize(deserializer)?;
    NaiveDate::parse_from_str(&value.to_string(), "%Y-%m-%d").map_err(serde::de::Error::custom)
}

fn optional_date<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<NaiveDate>, D::Error> {
    date(deserializer).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_seeds_parse_and_all_references_resolve() {
        let data = SeedData::embedded().unwrap();
        assert_eq!(data.amendments.len(), 33);
        let first = &data.amendments[0];
        let events = data.status_events(first).unwrap();
        assert_eq!(events[0].status, Status::Drafted);
        let statuses: Vec<Status> = events.iter().map(|e| e.status).collect();
        assert_eq!(statuses[statuses.len() - 2..], [Status::InForce, Status::Superseded]);
        for amendment in &data.amendments {
            let last = data.status_events(amendment).unwrap().pop().unwrap();
            assert_eq!((last.status, last.date.to_string()), (Status::Superseded, "2026-07-01".to_owned()));
        }
    }
}
