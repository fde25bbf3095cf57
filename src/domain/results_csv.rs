//! The results CSV: one row per stage and scope (the nation or a unit), one
//! column per figure plus its source. The export always has every row, with
//! empty cells for figures not (yet) published, so the shape exists before
//! voting day; the import takes the same shape and is refused whole, naming
//! the line and the column, if any cell is wrong.

use chrono::NaiveDate;

use super::{
    input,
    results::{FIELDS, Stage, is_percentage, parse_hundredths},
};

pub fn header() -> Vec<String> {
    let mut columns = vec!["stage".to_owned(), "published_on".to_owned(), "scope".to_owned(), "scope_name".to_owned()];
    for field in FIELDS {
        columns.push(field.to_owned());
        columns.push(format!("{field}_source"));
    }
    columns
}

/// Formats a stored value: counts as integers, percentages with two decimals.
pub fn format_value(field: &str, value: i64) -> String {
    if is_percentage(field) { format!("{}.{:02}", value / 100, value % 100) } else { value.to_string() }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedFigure {
    pub scope: String,
    pub field: &'static str,
    pub value: i64,
    /// An http(s) address, or the key of a source the tracker knows.
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedSet {
    pub stage: Stage,
    pub published_on: NaiveDate,
    pub figures: Vec<ImportedFigure>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvError {
    /// 1-based line of the file (the header is line 1).
    pub line: usize,
    pub column: String,
    pub message: &'static str,
}

pub const MAX_CSV_BYTES: usize = 1024 * 1024;

/// Parses an import. Rows whose figure cells are all empty are skipped; a
/// set with at least one figure needs a publication date.
pub fn parse(text: &str, scopes: &[String]) -> Result<Vec<ImportedSet>, Vec<CsvError>> {
    let error =
        |line: usize, column: &str, message: &'static str| CsvError { line, column: column.to_owned(), message };
    if text.len() > MAX_CSV_BYTES {
        return Err(vec![error(1, "", "error-csv-too-large")]);
    }
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(text.as_bytes());
    let expected = header();
    match reader.headers() {
        Ok(found) if found.iter().map(str::trim).eq(expected.iter().map(String::as_str)) => {}
        Ok(_) => return Err(vec![error(1, "", "error-csv-header")]),
        Err(_) => return Err(vec![error(1, "", "error-csv-unreadable")]),
    }
    let mut errors = Vec::new();
    let mut sets: Vec<ImportedSet> = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let line = index + 2;
        let record = match record {
            Ok(record) => record,
            Err(_) => {
                errors.push(error(line, "", "error-csv-unreadable"));
                continue;
            }
        };
        let cell = |i: usize| record.get(i).unwrap_or_default().trim();
        let mut figures = Vec::new();
        for (i, field) in FIELDS.iter().enumerate() {
            let (value, source) = (cell(4 + 2 * i), cell(5 + 2 * i));
            if value.is_empty() {
                if !source.is_empty() {
                    errors.push(error(line, field, "error-csv-source-without-value"));
                }
                continue;
            }
            let parsed = if is_percentage(field) {
                parse_hundredths(value)
            } else {
                value.parse::<i64>().ok().filter(|v| *v >= 0 && *v <= 1_000_000_000)
            };
            let Some(parsed) = parsed else {
                errors.push(error(
                    line,
                    field,
                    if is_percentage(field) { "error-csv-percentage" } else { "error-csv-count" },
                ));
                continue;
            };
            let source_ok = input::parse_source_url(source).is_ok()
                || (!source.is_empty()
                    && source.len() <= 60
                    && source.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
            if !source_ok {
                errors.push(error(line, &format!("{field}_source"), "error-csv-source"));
                continue;
            }
            figures.push((field, parsed, source.to_owned()));
        }
        if figures.is_empty() {
            continue;
        }
        let Ok(stage) = cell(0).parse::<Stage>() else {
            errors.push(error(line, "stage", "error-csv-stage"));
            continue;
        };
        let scope = cell(2);
        if scope != super::results::NATIONAL && !scopes.iter().any(|s| s == scope) {
            errors.push(error(line, "scope", "error-csv-scope"));
            continue;
        }
        let Ok(published_on) = input::parse_date(cell(1)) else {
            errors.push(error(line, "published_on", "error-csv-date"));
            continue;
        };
        let set = match sets.iter_mut().find(|s| s.stage == stage) {
            Some(set) if set.published_on != published_on => {
                errors.push(error(line, "published_on", "error-csv-date-differs"));
                continue;
            }
            Some(set) => set,
            None => {
                sets.push(ImportedSet { stage, published_on, figures: Vec::new() });
                sets.last_mut().expect("just pushed")
            }
        };
        if set.figures.iter().any(|f| f.scope == scope) {
            errors.push(error(line, "scope", "error-csv-duplicate"));
            continue;
        }
        for (field, value, source) in figures {
            set.figures.push(ImportedFigure { scope: scope.to_owned(), field, value, source });
        }
    }
    if errors.is_empty() { Ok(sets) } else { Err(errors) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv_with(rows: &[&str]) -> String {
        let mut text = header().join(",");
        for row in rows {
            text.push('\n');
            text.push_str(row);
        }
        text
    }

    fn row(stage: &str, date: &str, scope: &str, cells: &[(&str, &str, &str)]) -> String {
        let mut out = vec![stage.to_owned(), date.to_owned(), scope.to_owned(), String::new()];
        for field in FIELDS {
            match cells.iter().find(|(f, _, _)| *f == field) {
                Some((_, value, source)) => {
                    out.push((*value).to_owned());
                    out.push((*source).to_owned());
                }
                None => {
                    out.push(String::new());
                    out.push(String::new());
                }
            }
        }
        out.join(",")
    }

    #[test]
    fn a_valid_file_parses_into_sets_of_figures() {
        let text = csv_with(&[
            &row(
                "final",
                "2022-06-08",
                "national",
                &[("turnout_pct", "68.05", "ZAKON-FINAL"), ("eligible", "11734642", "https://example.org/x")],
            ),
            &row("final", "2022-06-08", "almaty", &[("turnout_pct", "32.99", "ABAI-FINAL")]),
            &row("preliminary", "", "akmola", &[]),
        ]);
        let sets = parse(&text, &["almaty".to_owned(), "akmola".to_owned()]).unwrap();
        assert_eq!(sets.len(), 1);
        assert_eq!(sets[0].figures.len(), 3);
        assert_eq!(sets[0].figures[0].value, 11_734_642);
        assert_eq!(sets[0].figures[1].value, 6805);
    }

    #[test]
    fn every_bad_cell_is_named_by_line_and_column() {
        let text = csv_with(&[
            &row("final", "2022-06-08", "national", &[("turnout_pct", "168.05", "X")]),
            &row("final", "2022-06-08", "mars", &[("yes", "1", "X")]),
            &row("semi", "2022-06-08", "national", &[("yes", "1", "X")]),
            &row("final", "08.06.2022", "national", &[("yes", "1", "X")]),
            &row("final", "2022-06-08", "national", &[("no", "-3", "X"), ("yes", "5", "javascript:x")]),
        ]);
        let errors = parse(&text, &[]).unwrap_err();
        let found: Vec<(usize, &str)> = errors.iter().map(|e| (e.line, e.column.as_str())).collect();
        assert_eq!(
            found,
            [(2, "turnout_pct"), (3, "scope"), (4, "stage"), (5, "published_on"), (6, "yes_source"), (6, "no")]
        );
    }

    #[test]
    fn quoting_survives_commas_quotes_and_newlines_and_a_wrong_header_is_refused() {
        assert_eq!(parse("stage,x\n", &[]).unwrap_err()[0].message, "error-csv-header");
        let text = csv_with(&[&row("final", "2022-06-08", "national", &[("yes", "5", "\"KEY,\"\"x\"\"\n\"")])]);
        assert_eq!(parse(&text, &[]).unwrap_err()[0].column, "yes_source");
        assert_eq!(format_value("turnout_pct", 6805), "68.05");
        assert_eq!(format_value("cast", 7), "7");
    }
}
