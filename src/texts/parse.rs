//! Reads a constitution's verbatim text into its provisions, in document
//! order, each with a stable identifier in the Akoma Ntoso style
//! (`art_15__para_2`, `art_44__subpara_10-1`, `sec_6`).

use std::collections::HashMap;

use crate::domain::provision::{Provision, ProvisionKind};

use super::model::TextError;

/// The line after which a data-pack file holds its source verbatim.
const VERBATIM_MARKER: &str = "BEGIN VERBATIM SOURCE TEXT";

/// How the source lays its text out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// `## Раздел …`, `### Статья N`, footnotes as `> Сноска …`, the
    /// preamble quoted with `>` (the consolidated 1995 text).
    Markdown,
    /// Plain lines: `Раздел I` then its title, `Статья N` (the 2026 text).
    Plain,
}

/// The verbatim part of a data-pack file: everything after its marker line.
pub fn verbatim_body(file: &str) -> Result<&str, TextError> {
    let start = file.find(VERBATIM_MARKER).ok_or_else(|| TextError::new("no verbatim marker line"))?;
    let after = &file[start..];
    Ok(after.find('\n').map_or("", |eol| &after[eol + 1..]))
}

pub fn parse(body: &str, layout: Layout) -> Result<Vec<Provision>, TextError> {
    let mut builder = Builder::default();
    let mut lines = body.lines().map(str::trim_end).filter(|l| !l.trim().is_empty());
    while let Some(line) = lines.next() {
        match layout {
            Layout::Markdown => {
                if let Some(heading) = line.strip_prefix("## ") {
                    builder.section(heading.trim().to_owned())?;
                } else if let Some(article) = line.strip_prefix("### ") {
                    builder.article(article.trim())?;
                } else if let Some(quoted) = line.strip_prefix('>') {
                    // Before the first section: the preamble; later: the
                    // consolidated text's footnotes, which are not provisions.
                    if builder.section.is_none() {
                        builder.preamble(quoted.trim());
                    }
                } else if line.starts_with("# ") || line.starts_with('*') {
                    // The document's title and its adoption line.
                } else {
                    builder.line(line)?;
                }
            }
            Layout::Plain => {
                if is_section_line(line) {
                    let title = lines.next().ok_or_else(|| TextError::new(format!("{line} has no title")))?;
                    builder.section(format!("{line}\n{}", title.trim()))?;
                } else if line.starts_with("Статья ") && article_number(line).is_some() {
                    builder.article(line)?;
                } else if builder.article.is_none() && builder.section.is_some() {
                    // A section title over more than one line.
                    builder.continue_section(line.trim());
                } else if builder.section.is_none() {
                    builder.preamble(line.trim());
                } else {
                    builder.line(line)?;
                }
            }
        }
    }
    builder.finish()
}

fn is_section_line(line: &str) -> bool {
    line.strip_prefix("Раздел ").is_some_and(|n| !n.is_empty() && n.chars().all(|c| "IVXL".contains(c)))
}

fn article_number(line: &str) -> Option<&str> {
    let number = line.strip_prefix("Статья ")?.trim();
    is_number(number).then_some(number)
}

/// "15", "83-1".
fn is_number(text: &str) -> bool {
    let mut parts = text.split('-');
    let whole = |p: Option<&str>| p.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    whole(parts.next()) && parts.clone().count() <= 1 && parts.next().is_none_or(|p| whole(Some(p)))
}

/// "3. Text" → ("3", '.'), "10-1) text" → ("10-1", ')').
fn leading_number(line: &str) -> Option<(&str, char)> {
    let end = line.find(['.', ')'])?;
    let (number, rest) = line.split_at(end);
    let delimiter = rest.chars().next()?;
    let spaced = rest[1..].starts_with(' ');
    (is_number(number) && spaced).then_some((number, delimiter))
}

/// (major, minor) of "10-1", for telling a new list from the next item.
fn order(number: &str) -> (u32, u32) {
    let mut parts = number.split('-').map(|p| p.parse().unwrap_or(0));
    (parts.next().unwrap_or(0), parts.next().unwrap_or(0))
}

fn roman(numeral: &str) -> Option<u32> {
    let value = |c| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        _ => None,
    };
    let digits: Option<Vec<u32>> = numeral.chars().map(value).collect();
    let digits = digits?;
    let mut total = 0;
    for (i, d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|next| next > d) {
            total -= *d as i64;
        } else {
            total += *d as i64;
        }
    }
    u32::try_from(total).ok().filter(|t| *t > 0)
}

#[derive(Default)]
struct Builder {
    nodes: Vec<Provision>,
    index: HashMap<String, usize>,
    section: Option<String>,
    article: Option<String>,
    paragraph: Option<String>,
    /// Per container: (lists so far, the last item's number).
    lists: HashMap<String, (u32, (u32, u32))>,
    parts: HashMap<String, u32>,
    preamble: Vec<String>,
}

impl Builder {
    fn push(&mut self, node: Provision) -> Result<(), TextError> {
        if self.index.insert(node.eid.clone(), self.nodes.len()).is_some() {
            return Err(TextError::new(format!("two provisions would be {}", node.eid)));
        }
        self.nodes.push(node);
        Ok(())
    }

    fn preamble(&mut self, line: &str) {
        self.preamble.push(line.to_owned());
    }

    fn section(&mut self, heading: String) -> Result<(), TextError> {
        self.flush_preamble()?;
        let numeral = heading.strip_prefix("Раздел ").and_then(|rest| rest.split(['.', '\n', ' ']).next());
        let number = numeral.and_then(roman).ok_or_else(|| TextError::new(format!("section heading {heading:?}")))?;
        let eid = format!("sec_{number}");
        self.section = Some(eid.clone());
        self.article = None;
        self.paragraph = None;
        self.push(Provision {
            eid,
            parent: None,
            kind: ProvisionKind::Section,
            num: numeral.map(str::to_owned),
            text: heading,
        })
    }

    fn continue_section(&mut self, line: &str) {
        if let Some(section) = self.nodes.last_mut().filter(|n| n.kind == ProvisionKind::Section) {
            section.text.push('\n');
            section.text.push_str(line);
        }
    }

    fn article(&mut self, line: &str) -> Result<(), TextError> {
        let number = article_number(line).ok_or_else(|| TextError::new(format!("article heading {line:?}")))?;
        let eid = format!("art_{number}");
        self.article = Some(eid.clone());
        self.paragraph = None;
        self.push(Provision {
            eid,
            parent: self.section.clone(),
            kind: ProvisionKind::Article,
            num: Some(number.to_owned()),
            text: line.to_owned(),
        })
    }

    fn line(&mut self, line: &str) -> Result<(), TextError> {
        let Some(article) = self.article.clone() else {
            return Err(TextError::new(format!("text outside any article: {line:?}")));
        };
        match leading_number(line) {
            Some((number, '.')) => {
                let eid = format!("{article}__para_{number}");
                self.paragraph = Some(eid.clone());
                self.push(Provision {
                    eid,
                    parent: Some(article),
                    kind: ProvisionKind::Paragraph,
                    num: Some(number.to_owned()),
                    text: line.to_owned(),
                })
            }
            Some((number, _)) => {
                let container = self.paragraph.clone().unwrap_or(article);
                let (lists, last) = self.lists.get(&container).copied().unwrap_or((0, (0, 0)));
                let lists = if lists == 0 || order(number) <= last { lists + 1 } else { lists };
                self.lists.insert(container.clone(), (lists, order(number)));
                let list = if lists > 1 { format!("__list_{lists}") } else { String::new() };
                self.push(Provision {
                    eid: format!("{container}{list}__subpara_{number}"),
                    parent: Some(container),
                    kind: ProvisionKind::Subparagraph,
                    num: Some(number.to_owned()),
                    text: line.to_owned(),
                })
            }
            None => {
                let container = self.paragraph.clone().unwrap_or(article);
                let has_children = self.nodes.iter().rev().any(|n| n.parent.as_deref() == Some(&container));
                if self.paragraph.is_some() && !has_children {
                    // Another part of the paragraph, before any list.
                    let at = self.index[&container];
                    self.nodes[at].text.push('\n');
                    self.nodes[at].text.push_str(line);
                    return Ok(());
                }
                let eid = if has_children {
                    let part = self.parts.entry(container.clone()).or_insert(0);
                    *part += 1;
                    format!("{container}__part_{part}")
                } else {
                    format!("{container}__intro")
                };
                self.push(Provision {
                    eid,
                    parent: Some(container),
                    kind: ProvisionKind::Part,
                    num: None,
                    text: line.to_owned(),
                })
            }
        }
    }

    fn flush_preamble(&mut self) -> Result<(), TextError> {
        if self.preamble.is_empty() || self.index.contains_key("preamble") {
            return Ok(());
        }
        let text = std::mem::take(&mut self.preamble).join("\n");
        self.push(Provision { eid: "preamble".into(), parent: None, kind: ProvisionKind::Preamble, num: None, text })
    }

    fn finish(mut self) -> Result<Vec<Provision>, TextError> {
        self.flush_preamble()?;
        if !self.nodes.iter().any(|n| n.kind == ProvisionKind::Article) {
            return Err(TextError::new("no article found"));
        }
        Ok(self.nodes)
    }
}

/// Parses one article's text as a point of a law writes it ("Статья 71\n\n1. …"
/// or a single "2. …" paragraph), for the wording a point gave.
pub fn parse_fragment(article: &str, text: &str) -> Result<Vec<Provision>, TextError> {
    let mut builder = Builder { section: Some("sec_0".into()), ..Builder::default() };
    builder.article(&format!("Статья {article}"))?;
    for line in text.lines().map(str::trim_end).filter(|l| !l.trim().is_empty()) {
        if article_number(line).is_some() {
            continue;
        }
        builder.line(line)?;
    }
    Ok(builder.nodes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_lists_and_parts_get_stable_identifiers() {
        let body = "> Мы, народ\n\n## Раздел I. Общие положения\n\n### Статья 44\n\nПрезидент:\n\n1) первое;\n\n10-1) второе;\n\n### Статья 52\n\n5. Полномочия прекращаются:\nещё часть\n\n1) а;\n\n3) б. Депутат лишается мандата при:\n\n1) в;\n\n> Сноска. Статья 52 с изменениями\n";
        let nodes = parse(body, Layout::Markdown).unwrap();
        let eids: Vec<&str> = nodes.iter().map(|n| n.eid.as_str()).collect();
        assert_eq!(
            eids,
            [
                "preamble",
                "sec_1",
                "art_44",
                "art_44__intro",
                "art_44__subpara_1",
                "art_44__subpara_10-1",
                "art_52",
                "art_52__para_5",
                "art_52__para_5__subpara_1",
                "art_52__para_5__subpara_3",
                "art_52__para_5__list_2__subpara_1",
            ]
        );
        assert_eq!(nodes[7].text, "5. Полномочия прекращаются:\nещё часть");
        assert_eq!(nodes[5].num.as_deref(), Some("10-1"));
    }

    #[test]
    fn the_plain_layout_reads_sections_over_two_lines() {
        let body = "Мы, единый народ\n\nРаздел IX\nЗаключительные положения\n\nСтатья 94\n1. Конституция вступает в силу.\nВторая часть.\n";
        let nodes = parse(body, Layout::Plain).unwrap();
        assert_eq!(nodes[1].eid, "sec_9");
        assert_eq!(nodes[1].text, "Раздел IX\nЗаключительные положения");
        assert_eq!(nodes[3].eid, "art_94__para_1");
        assert_eq!(nodes[3].text, "1. Конституция вступает в силу.\nВторая часть.");
    }

    #[test]
    fn roman_numerals_and_numbers() {
        assert_eq!([roman("IV"), roman("IX"), roman("XI"), roman("Q")], [Some(4), Some(9), Some(11), None]);
        assert!(is_number("83-1") && is_number("7") && !is_number("7-") && !is_number("a") && !is_number("1-2-3"));
        assert_eq!(leading_number("3-1) текст"), Some(("3-1", ')')));
    }
}
