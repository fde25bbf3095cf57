//! Text made safe for the formats it leaves in: feeds, calendars and
//! spreadsheets. Whatever an editor typed, no control character reaches a
//! client that would read it as structure, and no cell starts a formula.

use std::borrow::Cow;

/// Text with every control character removed except line feeds and tabs;
/// a CR LF pair or a lone CR becomes one line feed. XML and iCalendar text
/// may hold line breaks (escaped by their writers) but nothing else below
/// U+0020.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A spreadsheet cell: the `printable` text (line feeds stay, and the CSV
/// writer quotes the cell around them, which is CSV's own escaping; a lone
/// CR becomes a line feed; other control characters go), and a cell that a
/// spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a
/// tab or a CR) gets a leading single quote, as OWASP advises for CSV
/// injection.
pub fn csv_cell(text: &str) -> Cow<'_, str> {
    let starts_a_formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let clean = printable(text);
    if starts_a_formula { Cow::Owned(format!("'{clean}")) } else { clean }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable_text_keeps_line_feeds_and_tabs_and_drops_other_controls() {
        assert_eq!(printable("plain"), "plain");
        assert_eq!(printable("a\r\nb\rc\nd"), "a\nb\nc\nd");
        assert_eq!(printable("bell\u{7} escape\u{1b}[31m nul\u{0} del\u{7f}"), "bell escape[31m nul del");
        assert_eq!(printable("tab\there"), "tab\there");
    }

    #[test]
    fn csv_cells_never_start_a_formula_or_break_a_line() {
        assert_eq!(csv_cell("Article 15"), "Article 15");
        for formula in ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"] {
            assert!(csv_cell(formula).starts_with('\''), "{formula:?}");
            assert!(!csv_cell(formula).contains('\r'), "{formula:?}");
        }
        assert_eq!(csv_cell("two\nlines\r\nthree\rfour\u{7}"), "two\nlines\nthree\nfour");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")\n"), "'=HYPERLINK(\"x\")\n");
    }
}
