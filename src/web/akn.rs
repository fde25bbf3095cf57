//! Akoma Ntoso 3.0 (OASIS LegalDocML) XML of the official texts: each
//! expression of a constitution (its text as in force from a day) with an
//! `eId` on every provision and the 2022 changes as passive modifications,
//! and the Law of 8 June 2022 with its points as active modifications.
//! Marked as not the authoritative publication.

use axum::{
    extract::{Path, State},
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
};
use chrono::NaiveDate;

use super::{area::Area, error::AppError, routes::Route, state::AppState};
use crate::{
    domain::provision::{Document, Fidelity, LawPoint, Provision, ProvisionKind, Version},
    texts::{DOCUMENT_1995, DOCUMENT_2026},
};

const NAMESPACE: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
const LAW_URI: &str = "/akn/kz/act/2022-06-08/law";

pub fn routes() -> Vec<Route> {
    vec![Route::get(Area::Public, "/data/akn/{file}", download)]
}

/// The files there are: one per expression of each constitution, and the law.
pub async fn files(state: &AppState) -> Result<Vec<String>, AppError> {
    let mut files = Vec::new();
    for slug in [DOCUMENT_1995, DOCUMENT_2026] {
        if let Some(document) = state.storage.legal_document(slug, None).await? {
            files.extend(expression_dates(&document).into_iter().map(|d| format!("{slug}@{d}.xml")));
        }
    }
    files.push("law-2022-06-08.xml".into());
    Ok(files)
}

/// The file of the expression in force on `day` (the latest that began by
/// then; the earliest, for a day before any).
pub fn file_for(document: &Document, day: NaiveDate) -> String {
    let dates = expression_dates(document);
    let date = dates.iter().rev().find(|d| **d <= day).or(dates.first()).copied().unwrap_or(document.adopted_on);
    format!("{}@{date}.xml", document.slug)
}

/// The days a document's text changed: each is the first day of an expression.
fn expression_dates(document: &Document) -> Vec<NaiveDate> {
    let mut dates: Vec<NaiveDate> = document
        .versions
        .iter()
        .filter_map(|v| v.valid_from)
        .filter(|d| document.in_force_to.is_none_or(|end| *d <= end))
        .collect();
    dates.sort();
    dates.dedup();
    dates
}

async fn download(State(state): State<AppState>, Path(file): Path<String>) -> Result<Response, AppError> {
    let name = file.strip_suffix(".xml").ok_or(AppError::NotFound(None))?;
    let xml = if name == "law-2022-06-08" {
        let referendum = state.storage.current_referendum().await?.ok_or(AppError::NotFound(None))?;
        let points = state.storage.law_points(referendum.id, None).await?;
        let consolidated = state.storage.legal_document(DOCUMENT_1995, None).await?.ok_or(AppError::NotFound(None))?;
        let last = expression_dates(&consolidated).last().copied().ok_or(AppError::NotFound(None))?;
        law(&points, &work_uri(&consolidated), last)
    } else {
        let (slug, date) = name.split_once('@').ok_or(AppError::NotFound(None))?;
        let date: NaiveDate = date.parse().map_err(|_| AppError::NotFound(None))?;
        let known = [DOCUMENT_1995, DOCUMENT_2026].contains(&slug);
        let document = if known { state.storage.legal_document(slug, None).await? } else { None };
        let document = document.ok_or(AppError::NotFound(None))?;
        if !expression_dates(&document).contains(&date) {
            return Err(AppError::NotFound(None));
        }
        constitution(&document, date)
    };
    let content_type = HeaderValue::from_static("application/akn+xml; charset=utf-8");
    Ok(([(header::CONTENT_TYPE, content_type)], xml).into_response())
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

fn work_uri(document: &Document) -> String {
    format!("/akn/kz/act/{}/constitution", document.adopted_on)
}

fn identification(work: &str, work_date: NaiveDate, expression_date: NaiveDate, name: &str) -> String {
    let expression = format!("{work}/rus@{expression_date}");
    let today = chrono::Utc::now().date_naive();
    format!(
        "<identification source=\"#tracker\">\
<FRBRWork><FRBRthis value=\"{work}/main\"/><FRBRuri value=\"{work}\"/><FRBRdate date=\"{work_date}\" name=\"Generation\"/>\
<FRBRauthor href=\"#people\"/><FRBRcountry value=\"kz\"/><FRBRname value=\"{name}\"/></FRBRWork>\
<FRBRExpression><FRBRthis value=\"{expression}/main\"/><FRBRuri value=\"{expression}\"/><FRBRdate date=\"{expression_date}\" name=\"Generation\"/>\
<FRBRauthor href=\"#tracker\"/><FRBRauthoritative value=\"false\"/><FRBRlanguage language=\"rus\"/></FRBRExpression>\
<FRBRManifestation><FRBRthis value=\"{expression}/main.xml\"/><FRBRuri value=\"{expression}.akn\"/><FRBRdate date=\"{today}\" name=\"Generation\"/>\
<FRBRauthor href=\"#tracker\"/></FRBRManifestation></identification>"
    )
}

const TRACKER_REFERENCES: &str = "<TLCOrganization eId=\"tracker\" href=\"/ontology/organization/referendum-tracker\" showAs=\"referendum-tracker: not an official publication\"/>\
<TLCPerson eId=\"people\" href=\"/ontology/person/people-of-kazakhstan\" showAs=\"The people of Kazakhstan, by referendum\"/>";

/// How a 2022 point changed a provision, in Akoma Ntoso's words.
fn modification_type(before: Option<&Version>, after: &Version) -> &'static str {
    match (before, after.fidelity) {
        (_, Fidelity::Repealed) => "repeal",
        (None, _) => "insertion",
        _ => "substitution",
    }
}

fn constitution(document: &Document, date: NaiveDate) -> String {
    let work = work_uri(document);
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<akomaNtoso xmlns=\"{NAMESPACE}\"><act name=\"constitution\"><meta>"
    );
    xml.push_str(&identification(&work, document.adopted_on, date, "Конституция Республики Казахстан"));
    // The changes in force in this expression, and when each took effect.
    let mut modifications = String::new();
    let mut events: Vec<NaiveDate> = Vec::new();
    for node in &document.nodes {
        let versions = document.versions_of(&node.eid);
        for (i, v) in versions.iter().enumerate() {
            let Some(from) = v.valid_from.filter(|from| *from <= date) else { continue };
            if !v.act.starts_with("law-2022") {
                continue;
            }
            events.push(from);
            let source = match v.act_point {
                Some(point) => format!("{LAW_URI}#art_1__point_{point}"),
                None => "/akn/kz/act/2022-09-17/law".to_owned(),
            };
            let before = i.checked_sub(1).map(|j| versions[j]);
            let n = modifications.matches("<textualMod").count() + 1;
            modifications.push_str(&format!(
                "<textualMod type=\"{}\" eId=\"pmod_{n}\"><source href=\"{source}\"/><destination href=\"#{}\"/></textualMod>",
                modification_type(before, v),
                node.eid
            ));
        }
    }
    events.sort();
    events.dedup();
    xml.push_str(&format!(
        "<lifecycle source=\"#tracker\"><eventRef eId=\"e_1\" date=\"{}\" source=\"#original\" type=\"generation\"/>",
        document.adopted_on
    ));
    for (i, day) in events.iter().enumerate() {
        let source = if day.to_string() == "2022-09-17" { "#law_2022_09_17" } else { "#law_2022_06_08" };
        xml.push_str(&format!("<eventRef eId=\"e_{}\" date=\"{day}\" source=\"{source}\" type=\"amendment\"/>", i + 2));
    }
    xml.push_str("</lifecycle>");
    if !modifications.is_empty() {
        xml.push_str(&format!(
            "<analysis source=\"#tracker\"><passiveModifications>{modifications}</passiveModifications></analysis>"
        ));
    }
    xml.push_str(&format!(
        "<references source=\"#tracker\"><original eId=\"original\" href=\"{work}/rus\" showAs=\"{}\"/>\
<passiveRef eId=\"law_2022_06_08\" href=\"{LAW_URI}\" showAs=\"Закон Республики Казахстан от 8 июня 2022 года\"/>\
<passiveRef eId=\"law_2022_09_17\" href=\"/akn/kz/act/2022-09-17/law\" showAs=\"Закон Республики Казахстан от 17 сентября 2022 года № 142-VII\"/>{TRACKER_REFERENCES}</references></meta>",
        escape(&document.title)
    ));
    let in_force: Vec<(&Provision, &Version)> = document
        .nodes
        .iter()
        .filter_map(|n| document.versions_of(&n.eid).into_iter().find(|v| v.in_force_on(date)).map(|v| (n, v)))
        .collect();
    if let Some((_, preamble)) = in_force.iter().find(|(n, _)| n.kind == ProvisionKind::Preamble) {
        xml.push_str("<preamble>");
        push_paragraphs(&mut xml, preamble.text.as_deref());
        xml.push_str("</preamble>");
    }
    xml.push_str("<body>");
    for (node, version) in in_force.iter().filter(|(n, _)| n.parent.is_none() && n.kind != ProvisionKind::Preamble) {
        push_provision(&mut xml, node, version, &in_force);
    }
    xml.push_str("</body></act></akomaNtoso>\n");
    xml
}

fn element(kind: ProvisionKind) -> (&'static str, &'static str) {
    match kind {
        ProvisionKind::Section => ("chapter", ""),
        ProvisionKind::Article => ("article", ""),
        ProvisionKind::Paragraph => ("paragraph", ""),
        ProvisionKind::Subparagraph => ("point", ""),
        ProvisionKind::Part | ProvisionKind::Preamble => ("hcontainer", " name=\"part\""),
    }
}

/// A provision's words without the number the document writes before them
/// (Akoma Ntoso keeps the number in `<num>`).
fn without_number<'a>(node: &Provision, text: &'a str) -> &'a str {
    let Some(num) = &node.num else { return text };
    let rest = text.strip_prefix(num.as_str()).unwrap_or(text);
    match rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
        Some(words) if node.kind != ProvisionKind::Article && node.kind != ProvisionKind::Section => words,
        _ => text,
    }
}

fn push_paragraphs(xml: &mut String, text: Option<&str>) {
    match text {
        Some(text) => {
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                xml.push_str(&format!("<p>{}</p>", escape(line)));
            }
        }
        // Not found in the sources checked: marked as omitted, never guessed.
        None => xml.push_str("<p><omissis/></p>"),
    }
}

fn push_provision(xml: &mut String, node: &Provision, version: &Version, in_force: &[(&Provision, &Version)]) {
    let (name, attributes) = element(node.kind);
    xml.push_str(&format!("<{name} eId=\"{}\"{attributes}>", node.eid));
    if let Some(num) = &node.num {
        let shown = match node.kind {
            ProvisionKind::Paragraph => format!("{num}."),
            ProvisionKind::Subparagraph => format!("{num})"),
            _ => num.clone(),
        };
        xml.push_str(&format!("<num>{}</num>", escape(&shown)));
    }
    let children: Vec<&(&Provision, &Version)> =
        in_force.iter().filter(|(n, _)| n.parent.as_deref() == Some(node.eid.as_str())).collect();
    let own = version.text.as_deref().map(|t| without_number(node, t));
    match node.kind {
        ProvisionKind::Section => {
            // "Раздел VI. Конституционный Суд", or the number and the title
            // on lines of their own (the 2026 text).
            let heading = own.and_then(|t| match t.split_once('\n') {
                Some((_, title)) => Some(title.replace('\n', " ")),
                None => t.split_once(". ").map(|(_, title)| title.to_owned()),
            });
            if let Some(heading) = heading {
                xml.push_str(&format!("<heading>{}</heading>", escape(&heading)));
            }
        }
        ProvisionKind::Article => {}
        _ if children.is_empty() => {
            xml.push_str("<content>");
            push_paragraphs(xml, own);
            xml.push_str("</content>");
        }
        _ => {
            xml.push_str("<intro>");
            push_paragraphs(xml, own);
            xml.push_str("</intro>");
        }
    }
    for (child, child_version) in children {
        push_provision(xml, child, child_version, in_force);
    }
    xml.push_str(&format!("</{name}>"));
}

fn law(points: &[LawPoint], constitution_work: &str, consolidated: NaiveDate) -> String {
    let date = NaiveDate::from_ymd_opt(2022, 6, 8).expect("date");
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<akomaNtoso xmlns=\"{NAMESPACE}\"><act name=\"law\"><meta>"
    );
    xml.push_str(&identification(
        LAW_URI,
        date,
        date,
        "Закон Республики Казахстан «О внесении изменений и дополнений в Конституцию Республики Казахстан»",
    ));
    xml.push_str("<analysis source=\"#tracker\"><activeModifications>");
    let mut n = 0;
    for point in points {
        for target in &point.targets {
            n += 1;
            let kind = if point.kind.starts_with("add") {
                "insertion"
            } else if point.kind.starts_with("delete") {
                "repeal"
            } else {
                "substitution"
            };
            xml.push_str(&format!(
                "<textualMod type=\"{kind}\" eId=\"amod_{n}\"><source href=\"#art_1__point_{}\"/><destination href=\"{constitution_work}/rus@{consolidated}#{target}\"/></textualMod>",
                point.number
            ));
        }
    }
    xml.push_str(&format!(
        "</activeModifications></analysis><references source=\"#tracker\"><activeRef eId=\"constitution\" href=\"{constitution_work}\" showAs=\"Конституция Республики Казахстан\"/>{TRACKER_REFERENCES}</references></meta><body><article eId=\"art_1\"><num>1</num>"
    ));
    for point in points {
        xml.push_str(&format!("<point eId=\"art_1__point_{0}\"><num>{0}.</num><content>", point.number));
        let lines: Vec<String> = point.text.lines().map(|l| l.trim_start_matches(['>', ' ']).to_owned()).collect();
        let text = lines.join("\n");
        let prefix = format!("{}. ", point.number);
        push_paragraphs(&mut xml, Some(text.strip_prefix(&prefix).unwrap_or(&text)));
        xml.push_str("</content></point>");
    }
    xml.push_str("</article></body></act></akomaNtoso>\n");
    xml
}
