//! Parses an announcement document (the seed format) into sections and
//! statements, keeping every statement's words verbatim.
//!
//! The format is what officials publish as a plain-text factsheet:
//! - the first line is the title;
//! - a line without closing punctuation is a heading;
//! - a line starting with a bullet glyph (· • ▪) is a bullet statement;
//! - any other line is a paragraph statement;
//! - Word's `[bookmark: …]` artefacts are dropped wherever they appear.
//!
//! A heading followed directly by another heading groups the ones after it,
//! so it is rendered one level up.

use super::slug::slugify;

pub const MAX_DOCUMENT_BYTES: usize = 256 * 1024;
const MAX_HEADING_CHARS: usize = 150;
const BULLET_GLYPHS: [char; 4] = ['·', '•', '▪', '◦'];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedAnnouncement {
    pub title: String,
    pub sections: Vec<ParsedSection>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedSection {
    pub heading: String,
    pub slug: String,
    /// 2 for top-level headings, 3 for headings under a grouping heading.
    pub level: u8,
    pub statements: Vec<ParsedStatement>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatementKind {
    Bullet,
    Paragraph,
}

impl StatementKind {
    pub fn as_str(self) -> &'static str {
        match self {
            StatementKind::Bullet => "bullet",
            StatementKind::Paragraph => "paragraph",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedStatement {
    /// Anchor id on the announcement page: the section slug and the
    /// statement's 1-based position in it.
    pub slug: String,
    pub text: String,
    pub kind: StatementKind,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ParseError {
    #[error("the document is empty")]
    Empty,
    #[error("the document is larger than {} KiB", MAX_DOCUMENT_BYTES / 1024)]
    TooLarge,
    #[error("line {line}: text appears before the first heading")]
    TextBeforeFirstHeading { line: usize },
    #[error("line {line}: a bullet has no text")]
    EmptyBullet { line: usize },
    #[error("the document has a title but no statements")]
    NoStatements,
}

pub fn parse(document: &str) -> Result<ParsedAnnouncement, ParseError> {
    if document.len() > MAX_DOCUMENT_BYTES {
        return Err(ParseError::TooLarge);
    }
    let mut lines = document
        .lines()
        .enumerate()
        .map(|(index, raw)| (index + 1, clean_line(raw)))
        .filter(|(_, text)| !text.is_empty());

    let (_, title) = lines.next().ok_or(ParseError::Empty)?;
    let mut sections: Vec<ParsedSection> = Vec::new();
    let mut slugs = Slugs::default();
    let mut grouped = false;

    for (line, text) in lines {
        let bullet = text.strip_prefix(BULLET_GLYPHS).map(str::trim);
        if bullet.is_none() && is_heading(&text) {
            if sections.last().is_some_and(|s| s.statements.is_empty()) {
                // The previous heading only groups what follows.
                let group = sections.last_mut().expect("checked above");
                group.level = 2;
                grouped = true;
            }
            let slug = slugs.unique(&text, sections.len() + 1);
            sections.push(ParsedSection {
                heading: text,
                slug,
                level: if grouped { 3 } else { 2 },
                statements: Vec::new(),
            });
            continue;
        }
        let section = sections.last_mut().ok_or(ParseError::TextBeforeFirstHeading { line })?;
        let (text, kind) = match bullet {
            Some("") => return Err(ParseError::EmptyBullet { line }),
            Some(words) => (words.to_owned(), StatementKind::Bullet),
            None => (text, StatementKind::Paragraph),
        };
        let slug = format!("{}-{}", section.slug, section.statements.len() + 1);
        section.statements.push(ParsedStatement { slug, text, kind });
    }

    if sections.iter().all(|s| s.statements.is_empty()) {
        return Err(ParseError::NoStatements);
    }
    Ok(ParsedAnnouncement { title, sections })
}

/// Drops `[bookmark: …]` markers, a byte-order mark and surrounding space.
fn clean_line(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw.trim_start_matches('\u{feff}');
    while let Some(start) = rest.find("[bookmark:") {
        out.push_str(&rest[..start]);
        match rest[start..].find(']') {
            Some(end) => rest = &rest[start + end + 1..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out.trim().to_owned()
}

fn is_heading(text: &str) -> bool {
    let ends_like_a_sentence = text.ends_with(['.', '!', '?', ':', ';', '…', '"', '”', '»', ')']);
    !ends_like_a_sentence && text.chars().count() <= MAX_HEADING_CHARS
}

/// The slugs given so far, and for each base the next number to try, so
/// that a document with thousands of identical headings takes linear time.
#[derive(Default)]
struct Slugs {
    taken: std::collections::HashSet<String>,
    next: std::collections::HashMap<String, usize>,
}

impl Slugs {
    fn unique(&mut self, heading: &str, position: usize) -> String {
        let mut base = slugify(heading);
        if base.is_empty() {
            base = format!("section-{position}");
        }
        let mut slug = base.clone();
        if self.taken.contains(&slug) {
            let n = self.next.entry(base.clone()).or_insert(2);
            loop {
                slug = format!("{base}-{n}");
                *n += 1;
                if !self.taken.contains(&slug) {
                    break;
                }
            }
        }
        self.taken.insert(slug.clone());
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../seeds/2022-04-29-assembly-of-the-people-factsheet.txt");

    #[test]
    fn the_seed_document_has_a_title_the_overview_and_six_topic_sections() {
        let doc = parse(SEED).unwrap();
        assert!(doc.title.starts_with("Factsheet on President Tokayev’s participation"));
        let topics: Vec<(&str, usize, u8)> = doc
            .sections
            .iter()
            .filter(|s| s.level == 3)
            .map(|s| (s.slug.as_str(), s.statements.len(), s.level))
            .collect();
        assert_eq!(
            topics,
            [
                ("on-the-referendum-in-kazakhstan", 3, 3),
                ("on-the-new-kazakhstan", 3, 3),
                ("on-the-national-kurultay", 2, 3),
                ("on-the-state-language", 2, 3),
                ("on-the-assembly-of-the-people", 7, 3),
                ("on-kazakhstans-unity", 4, 3),
            ]
        );
        assert_eq!(doc.sections[0].slug, "overview");
        assert_eq!(doc.sections[0].statements.len(), 2);
    }

    #[test]
    fn bookmarks_and_bullet_glyphs_are_dropped_and_words_kept_verbatim() {
        let doc = parse(SEED).unwrap();
        let all: Vec<&ParsedStatement> = doc.sections.iter().flat_map(|s| &s.statements).collect();
        assert!(all.iter().all(|s| !s.text.contains("[bookmark") && !s.text.starts_with('·')));
        let first = &doc.sections[0].statements[0];
        assert!(first.text.starts_with("On 29 April, the President of Kazakhstan"));
        let bullet = all.iter().find(|s| s.slug == "on-the-new-kazakhstan-2").unwrap();
        assert!(bullet.text.starts_with("He noted that the reform of the party and electoral systems"));
        assert_eq!(bullet.kind, StatementKind::Bullet);
        // Every statement's words appear in the source document unchanged.
        for statement in all {
            assert!(SEED.contains(&statement.text), "{}", statement.slug);
        }
    }

    #[test]
    fn bookmark_markers_are_removed_anywhere_in_a_line() {
        assert_eq!(clean_line(" [bookmark: _a][bookmark: _b]Some text [bookmark: x]here "), "Some text here");
        assert_eq!(clean_line("unterminated [bookmark: oops"), "unterminated");
    }

    #[test]
    fn structural_errors_name_the_line() {
        assert_eq!(parse(""), Err(ParseError::Empty));
        assert_eq!(parse("\n \n"), Err(ParseError::Empty));
        assert_eq!(
            parse("Title\nA sentence first.\nHeading\n· x"),
            Err(ParseError::TextBeforeFirstHeading { line: 2 })
        );
        assert_eq!(parse("Title\nHeading\n· \n"), Err(ParseError::EmptyBullet { line: 3 }));
        assert_eq!(parse("Title\nHeading"), Err(ParseError::NoStatements));
        assert_eq!(parse(&"x".repeat(MAX_DOCUMENT_BYTES + 1)), Err(ParseError::TooLarge));
    }

    #[test]
    fn thousands_of_identical_headings_parse_in_linear_time() {
        let document = format!("Title\n{}", "Same heading\n· A.\n".repeat(10_000));
        let started = std::time::Instant::now();
        let parsed = parse(&document).unwrap();
        assert_eq!(parsed.sections.len(), 10_000);
        assert_eq!(parsed.sections[9_999].slug, "same-heading-10000");
        // Quadratic work would take minutes here; linear takes milliseconds.
        assert!(started.elapsed() < std::time::Duration::from_secs(5), "{:?}", started.elapsed());
    }

    #[test]
    fn repeated_and_non_latin_headings_get_unique_slugs() {
        let doc = parse("T\nNotes\n· a\nNotes\n· b\nРеферендум туралы\n· c").unwrap();
        let slugs: Vec<&str> = doc.sections.iter().map(|s| s.slug.as_str()).collect();
        assert_eq!(slugs, ["notes", "notes-2", "section-3"]);
        assert_eq!(doc.sections[1].statements[0].slug, "notes-2-1");
    }
}
