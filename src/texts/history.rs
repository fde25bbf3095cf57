//! The versions of the 1995 Constitution's provisions, built from the
//! consolidated text (as it stood from September 2022 until 30 June 2026),
//! the points of the Law of 8 June 2022 and what is known of the wording
//! before them. Nothing is guessed: a wording not in the sources is stored
//! as unknown.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::model::{Act, DOCUMENT_1995, TextError, Texts, date};
use super::parse;
use crate::domain::provision::{Fidelity, LawPoint, Provision, ProvisionKind, Version};

/// The 2026 Constitution's first day in force, and the 1995 one's last
/// (Art. 94(1) of the 2026 text).
pub const IN_FORCE_2026: NaiveDate = NaiveDate::from_ymd_opt(2026, 7, 1).expect("date");
pub const LAST_DAY_1995: NaiveDate = NaiveDate::from_ymd_opt(2026, 6, 30).expect("date");
/// Law No. 142-VII of 17 September 2022 took effect on its first official
/// publication; our sources give the day it was signed, not that day.
pub const LAW_SEPTEMBER_2022: NaiveDate = NaiveDate::from_ymd_opt(2022, 9, 17).expect("date");
/// The articles the law of 17 September 2022 changed (the consolidated
/// text's footnotes).
const CHANGED_IN_SEPTEMBER: [&str; 6] = ["2", "41", "42", "71", "91", "94-2"];

const SEPTEMBER_NOTE: &str = "The law of 17 September 2022 (No. 142-VII) changed this article, in force from its first official publication; our sources give the day it was signed. Whether this provision read differently before that law is not in the sources checked.";
const ART2_NOTE: &str = "Article 2 of the law brings some provisions into effect only as the term of each official ends, or from 1 January 2023; the consolidated text's footnote points there.";

pub fn acts() -> Vec<Act> {
    vec![
        Act {
            key: "constitution-1995",
            title: "Constitution of 30 August 1995 (as consolidated; earlier amendments not recorded here)",
            date: Some(date(1995, 8, 30)),
            source_key: "CONST-CONSOLIDATED",
        },
        Act {
            key: "law-2022-06-08",
            title: "Law of 8 June 2022 on amendments and additions to the Constitution",
            date: Some(date(2022, 6, 8)),
            source_key: "LAW-RU",
        },
        Act {
            key: "law-2022-09-17",
            title: "Law of 17 September 2022 No. 142-VII on amendments to the Constitution",
            date: Some(LAW_SEPTEMBER_2022),
            source_key: "CONST-CONSOLIDATED",
        },
        Act {
            key: "constitution-2026",
            title: "Constitution adopted at the referendum of 15 March 2026",
            date: Some(date(2026, 3, 15)),
            source_key: "CONST-2026",
        },
    ]
}

/// Data rows of a data-pack TSV: `#` comments and the header line skipped,
/// `\n` in cells turned back into line breaks.
fn rows(tsv: &str) -> impl Iterator<Item = Vec<String>> + '_ {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| l.split('\t').map(|cell| cell.replace("\\n", "\n")).collect())
}

fn cell(row: &[String], i: usize) -> &str {
    row.get(i).map_or("", |c| c.trim())
}

pub fn points(points_tsv: &str, targets_tsv: &str) -> Result<Vec<LawPoint>, TextError> {
    let mut targets: HashMap<i64, Vec<String>> = HashMap::new();
    for row in rows(targets_tsv) {
        let point = cell(&row, 0).parse().map_err(|_| TextError::new(format!("targets: bad point {row:?}")))?;
        targets.entry(point).or_default().push(cell(&row, 1).to_owned());
    }
    let mut out = Vec::new();
    for row in rows(points_tsv) {
        let number: i64 = cell(&row, 0).parse().map_err(|_| TextError::new(format!("points: bad row {row:?}")))?;
        out.push(LawPoint {
            number,
            article: cell(&row, 1).to_owned(),
            kind: cell(&row, 3).to_owned(),
            wording: row.get(4).cloned().unwrap_or_default(),
            text: row.get(5).cloned().unwrap_or_default(),
            targets: targets.remove(&number).unwrap_or_default(),
        });
    }
    if out.len() != 35 || out.iter().enumerate().any(|(i, p)| p.number != i as i64 + 1) {
        return Err(TextError::new("the law has 35 points, numbered 1 to 35"));
    }
    Ok(out)
}

/// The known wording before June 2022, by "article|paragraph": a derived
/// reconstruction where one is given.
pub fn before_2022(tsv: &str) -> Result<HashMap<String, Option<String>>, TextError> {
    Ok(rows(tsv)
        .map(|row| {
            let derived = Some(cell(&row, 5).to_owned()).filter(|t| !t.is_empty());
            (format!("{}|{}", cell(&row, 0), cell(&row, 1)), derived)
        })
        .collect())
}

struct Target {
    point: i64,
    eid: String,
    subtree: bool,
    before: String,
    before_row: String,
    in_force: NaiveDate,
    phasing: bool,
    after: String,
    block: usize,
}

fn targets(tsv: &str) -> Result<Vec<Target>, TextError> {
    rows(tsv)
        .map(|row| {
            let bad = || TextError::new(format!("targets: bad row {row:?}"));
            let eid = cell(&row, 1);
            Ok(Target {
                point: cell(&row, 0).parse().map_err(|_| bad())?,
                eid: eid.trim_end_matches("/*").to_owned(),
                subtree: eid.ends_with("/*"),
                before: cell(&row, 2).to_owned(),
                before_row: cell(&row, 3).to_owned(),
                in_force: cell(&row, 4).parse().map_err(|_| bad())?,
                phasing: cell(&row, 5) == "art2",
                after: cell(&row, 6).to_owned(),
                block: cell(&row, 7).parse().unwrap_or(1),
            })
        })
        .collect()
}

fn article_of(eid: &str) -> Option<&str> {
    eid.split("__").next()?.strip_prefix("art_")
}

fn is_repeal_note(node: &Provision) -> bool {
    let words = node.text.split_once([' ']).map_or("", |(_, rest)| rest);
    words.starts_with("Исключен") || words.starts_with("исключен")
}

/// The wording a point gave, by provision: the point's sub-item `block`
/// (the data pack's exact new wording, sub-items joined by " || "), parsed
/// as the article's text.
fn law_wording(point: &LawPoint, block: usize) -> Result<HashMap<String, String>, TextError> {
    let blocks: Vec<&str> = point.wording.split(" || ").collect();
    let chosen = blocks
        .get(block - 1)
        .ok_or_else(|| TextError::new(format!("point {}: no wording block {block}", point.number)))?;
    let chosen = match chosen.strip_prefix('[') {
        Some(rest) => rest.split_once("] ").map_or(rest, |(_, text)| text),
        None => chosen,
    };
    let nodes = parse::parse_fragment(&point.article, chosen)?;
    Ok(nodes.into_iter().filter(|n| n.kind != ProvisionKind::Article).map(|n| (n.eid, n.text)).collect())
}

/// One version of `node`: its wording and fidelity, the days it was in
/// force, the act (and point) that made it, and a note.
fn version(
    node: &Provision,
    (text, fidelity): (Option<String>, Fidelity),
    (valid_from, valid_to): (Option<NaiveDate>, Option<NaiveDate>),
    (act, act_point): (&str, Option<i64>),
    note: Option<&str>,
) -> Version {
    Version {
        eid: node.eid.clone(),
        text,
        fidelity,
        valid_from,
        valid_to,
        act: act.to_owned(),
        act_point,
        note: note.map(str::to_owned),
    }
}

/// The consolidated wording, from the law of 17 September 2022 to the 1995
/// text's last day.
fn as_changed_in_september(node: &Provision, wording: (Option<String>, Fidelity)) -> Version {
    version(
        node,
        wording,
        (Some(LAW_SEPTEMBER_2022), Some(LAST_DAY_1995)),
        ("law-2022-09-17", None),
        Some(SEPTEMBER_NOTE),
    )
}

/// The wording as consolidated: official, or a repeal note.
fn consolidated(node: &Provision) -> (Option<String>, Fidelity) {
    if is_repeal_note(node) {
        (Some(node.text.clone()), Fidelity::Repealed)
    } else {
        (Some(node.text.clone()), Fidelity::Official)
    }
}

pub fn versions_1995(
    nodes: &[Provision],
    points: &[LawPoint],
    before: &HashMap<String, Option<String>>,
    targets_tsv: &str,
) -> Result<Vec<Version>, TextError> {
    let targets = targets(targets_tsv)?;
    let day_before = |d: NaiveDate| d.pred_opt().expect("a day before");
    let last = Some(LAST_DAY_1995);
    let mut versions = Vec::new();
    for node in nodes {
        let target =
            targets.iter().find(|t| node.eid == t.eid || (t.subtree && node.eid.starts_with(&format!("{}__", t.eid))));
        // An article's heading ("Статья 2") is the same whatever its words.
        let september = node.kind != ProvisionKind::Article
            && article_of(&node.eid).is_some_and(|a| CHANGED_IN_SEPTEMBER.contains(&a));
        let (text, fidelity) = consolidated(node);
        let Some(target) = target else {
            if september {
                versions.push(version(
                    node,
                    (None, Fidelity::Unknown),
                    (None, Some(day_before(LAW_SEPTEMBER_2022))),
                    ("constitution-1995", None),
                    Some(SEPTEMBER_NOTE),
                ));
                versions.push(as_changed_in_september(node, (text, fidelity)));
            } else {
                versions.push(version(node, (text, fidelity), (None, last), ("constitution-1995", None), None));
            }
            continue;
        };
        let start = target.in_force;
        let note = target.phasing.then_some(ART2_NOTE);
        let point = Some(target.point);
        match target.before.as_str() {
            "absent" => {}
            "derived" => {
                let derived = before.get(&target.before_row).cloned().flatten().ok_or_else(|| {
                    TextError::new(format!("{}: no reconstruction in row {}", node.eid, target.before_row))
                })?;
                versions.push(version(
                    node,
                    (Some(derived), Fidelity::Derived),
                    (None, Some(day_before(start))),
                    ("constitution-1995", None),
                    None,
                ));
            }
            "unknown" => versions.push(version(
                node,
                (None, Fidelity::Unknown),
                (None, Some(day_before(start))),
                ("constitution-1995", None),
                None,
            )),
            other => return Err(TextError::new(format!("{}: unknown 'before' {other}", node.eid))),
        }
        match target.after.as_str() {
            "consolidated" => {
                versions.push(version(node, (text, fidelity), (Some(start), last), ("law-2022-06-08", point), note))
            }
            "law" => {
                let law_point = &points[(target.point - 1) as usize];
                let wording = law_wording(law_point, target.block)?;
                let june = wording
                    .get(&node.eid)
                    .cloned()
                    .ok_or_else(|| TextError::new(format!("point {}: no wording for {}", target.point, node.eid)))?;
                versions.push(version(
                    node,
                    (Some(june), Fidelity::Official),
                    (Some(start), Some(day_before(LAW_SEPTEMBER_2022))),
                    ("law-2022-06-08", point),
                    note,
                ));
                versions.push(as_changed_in_september(node, (text, fidelity)));
            }
            "unknown-until-sept" => {
                versions.push(version(
                    node,
                    (None, Fidelity::Unknown),
                    (Some(start), Some(day_before(LAW_SEPTEMBER_2022))),
                    ("law-2022-06-08", point),
                    Some(SEPTEMBER_NOTE),
                ));
                versions.push(as_changed_in_september(node, (text, fidelity)));
            }
            other => return Err(TextError::new(format!("{}: unknown 'after' {other}", node.eid))),
        }
    }
    Ok(versions)
}

/// The loader's own checks: every point lands on provisions that exist,
/// every provision has exactly one version on any day of the 1995 text's
/// life, and on 9 June 2022 each provision no later law touched reads as
/// the consolidated text.
pub fn check(texts: &Texts) -> Result<(), TextError> {
    let document = texts.document(DOCUMENT_1995).ok_or_else(|| TextError::new("no 1995 document"))?;
    let eids: std::collections::HashSet<&str> = document.nodes.iter().map(|n| n.eid.as_str()).collect();
    for point in &texts.points {
        if point.targets.is_empty() {
            return Err(TextError::new(format!("point {} changes no provision", point.number)));
        }
        for target in &point.targets {
            let eid = target.trim_end_matches("/*");
            let lands = eids.contains(eid)
                || (target.ends_with("/*") && eids.iter().any(|e| e.starts_with(&format!("{eid}__"))));
            if !lands {
                return Err(TextError::new(format!("point {}: no provision {target}", point.number)));
            }
        }
    }
    let by_eid = |eid: &str| document.versions.iter().filter(|v| v.eid == eid).collect::<Vec<_>>();
    for day in [date(2022, 6, 1), date(2022, 6, 9), date(2022, 12, 31), date(2023, 1, 2), LAST_DAY_1995] {
        for node in &document.nodes {
            let versions = by_eid(&node.eid);
            let count = versions.iter().filter(|v| v.in_force_on(day)).count();
            // None is right only before a point created the provision.
            let created = versions.iter().all(|v| v.valid_from.is_some_and(|from| from > day));
            if count > 1 || (count == 0 && !created) {
                return Err(TextError::new(format!("{} has {count} versions on {day}", node.eid)));
            }
        }
    }
    for node in &document.nodes {
        let september = article_of(&node.eid).is_some_and(|a| CHANGED_IN_SEPTEMBER.contains(&a));
        if september {
            continue;
        }
        if let Some(v) = by_eid(&node.eid).into_iter().find(|v| v.in_force_on(date(2023, 1, 2))) {
            if v.text.as_deref() != Some(node.text.as_str()) {
                return Err(TextError::new(format!("{} does not read as the consolidated text", node.eid)));
            }
        }
    }
    Ok(())
}
