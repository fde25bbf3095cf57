//! schema.org `Legislation` descriptions of the official texts, as JSON-LD
//! in the page head. Each says it is not the authoritative publication.

use chrono::NaiveDate;
use serde_json::{Value, json};

use crate::domain::provision::Document;

const NOT_AUTHORITATIVE: &str = "A copy kept by referendum-tracker for reference; not the authoritative publication.";

/// `<script>`-safe JSON: no `</` can end the element early.
pub fn script_body(value: &Value) -> String {
    value.to_string().replace("</", "<\\/")
}

fn legal_force(document: &Document, day: NaiveDate) -> &'static str {
    let started = document.in_force_from.is_none_or(|from| from <= day);
    let ended = document.in_force_to.is_some_and(|to| to < day);
    if started && !ended { "https://schema.org/InForce" } else { "https://schema.org/NotInForce" }
}

/// The law of 8 June 2022 as schema.org describes an amending act.
fn law_2022() -> Value {
    json!({
        "@type": "Legislation",
        "name": "Закон Республики Казахстан от 8 июня 2022 года «О внесении изменений и дополнений в Конституцию Республики Казахстан»",
        "legislationDate": "2022-06-08",
        "legislationJurisdiction": "KZ",
        "inLanguage": "ru"
    })
}

/// A constitution as shown on a day.
pub fn constitution(document: &Document, day: NaiveDate, url: &str, source_url: Option<&str>) -> Value {
    let mut value = json!({
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": document.title,
        "legislationIdentifier": document.slug,
        "legislationJurisdiction": "KZ",
        "legislationType": "Constitution",
        "inLanguage": document.lang,
        "legislationDate": document.adopted_on.to_string(),
        "legislationLegalForce": legal_force(document, day),
        "temporalCoverage": day.to_string(),
        "url": url,
        "description": NOT_AUTHORITATIVE,
    });
    if let Some(source) = source_url {
        value["isBasedOn"] = json!(source);
    }
    if document.versions.iter().any(|v| v.act == "law-2022-06-08" && v.valid_from.is_some_and(|f| f <= day)) {
        value["legislationChanges"] = json!([law_2022()]);
    }
    value
}

/// An amendment page: the articles of the 1995 Constitution the law changed.
pub fn amendment(article: &str, day: NaiveDate, url: &str, in_force: bool) -> Value {
    json!({
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": format!("Конституция Республики Казахстан (1995), статья {article}"),
        "legislationJurisdiction": "KZ",
        "inLanguage": "ru",
        "legislationLegalForce": if in_force { "https://schema.org/InForce" } else { "https://schema.org/NotInForce" },
        "temporalCoverage": day.to_string(),
        "isPartOf": { "@type": "Legislation", "name": "Конституция Республики Казахстан (1995)", "legislationDate": "1995-08-30" },
        "legislationChanges": [law_2022()],
        "url": url,
        "description": NOT_AUTHORITATIVE,
    })
}
