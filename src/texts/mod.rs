//! The official texts, read from the verbatim copies in `seeds/texts/`:
//! the 1995 Constitution as consolidated after the 2022 laws, the 2026
//! Constitution, and the 35 points of the Law of 8 June 2022. The 1995
//! text's versions are built from the points (see `history`), and the
//! loader checks itself before anything is stored.

mod history;
mod model;
pub mod parse;

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use crate::domain::provision::{Document, Version};
use model::date;
pub use model::{Act, TextError, Texts};

const CONSTITUTION_1995: &str = include_str!("../../seeds/texts/constitution-2022-ru.md");
const CONSTITUTION_2026: &str = include_str!("../../seeds/texts/constitution-2026-ru.md");
const LAW_POINTS: &str = include_str!("../../seeds/texts/law-2022-points.tsv");
const BEFORE_2022: &str = include_str!("../../seeds/texts/before-2022-ru.tsv");
const POINT_TARGETS: &str = include_str!("../../seeds/kz-2022/law-points-targets.tsv");

/// The first day of the 2026 Constitution, when the 1995 one ceased.
pub fn document_2026_first_day() -> NaiveDate {
    history::IN_FORCE_2026
}

pub use model::{DOCUMENT_1995, DOCUMENT_2026};

impl Texts {
    /// The embedded texts, parsed and checked once per process.
    pub fn shared() -> Result<&'static Texts, TextError> {
        static TEXTS: std::sync::OnceLock<Result<Texts, String>> = std::sync::OnceLock::new();
        TEXTS
            .get_or_init(|| Texts::embedded().map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| TextError::new(e.clone()))
    }

    /// Parses the embedded texts, checks their hashes and builds the versions.
    pub fn embedded() -> Result<Texts, TextError> {
        let body_1995 = checked_body(CONSTITUTION_1995, "constitution-2022-ru.md")?;
        let body_2026 = checked_body(CONSTITUTION_2026, "constitution-2026-ru.md")?;
        let nodes_1995 = parse::parse(body_1995, parse::Layout::Markdown)?;
        let nodes_2026 = parse::parse(body_2026, parse::Layout::Plain)?;
        let points = history::points(LAW_POINTS, POINT_TARGETS)?;
        let before = history::before_2022(BEFORE_2022)?;
        let versions_1995 = history::versions_1995(&nodes_1995, &points, &before, POINT_TARGETS)?;
        let versions_2026 = nodes_2026
            .iter()
            .map(|node| Version {
                eid: node.eid.clone(),
                text: Some(node.text.clone()),
                fidelity: crate::domain::provision::Fidelity::Official,
                valid_from: Some(history::IN_FORCE_2026),
                valid_to: None,
                act: "constitution-2026".into(),
                act_point: None,
                note: None,
            })
            .collect();
        let texts = Texts {
            acts: history::acts(),
            documents: vec![
                Document {
                    slug: DOCUMENT_1995.into(),
                    title: "Конституция Республики Казахстан (1995)".into(),
                    lang: "ru".into(),
                    adopted_on: date(1995, 8, 30),
                    in_force_from: None,
                    in_force_to: Some(history::LAST_DAY_1995),
                    source_key: "CONST-CONSOLIDATED".into(),
                    nodes: nodes_1995,
                    versions: versions_1995,
                },
                Document {
                    slug: DOCUMENT_2026.into(),
                    title: "Конституция Республики Казахстан (2026)".into(),
                    lang: "ru".into(),
                    adopted_on: date(2026, 3, 15),
                    in_force_from: Some(history::IN_FORCE_2026),
                    in_force_to: None,
                    source_key: "CONST-2026".into(),
                    nodes: nodes_2026,
                    versions: versions_2026,
                },
            ],
            points,
        };
        history::check(&texts)?;
        Ok(texts)
    }
}

/// The verbatim body of a data-pack file, checked against the SHA-256 its
/// header states: a copy that drifted from its source fails here.
fn checked_body(file: &'static str, name: &str) -> Result<&'static str, TextError> {
    let body = parse::verbatim_body(file)?.trim_start_matches('\n');
    let stated = file
        .split_once("SHA-256 of body: `")
        .and_then(|(_, rest)| rest.get(..64))
        .ok_or_else(|| TextError::new(format!("{name}: no stated SHA-256")))?;
    let actual = hex::encode(Sha256::digest(body.as_bytes()));
    if actual != stated {
        return Err(TextError::new(format!("{name}: the text's SHA-256 is {actual}, its header says {stated}")));
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::provision::{Fidelity, in_force_on};

    fn wording_on<'a>(document: &'a Document, eid: &str, day: NaiveDate) -> Option<&'a Version> {
        let versions: Vec<Version> = document.versions.iter().filter(|v| v.eid == eid).cloned().collect();
        in_force_on(&versions, day).and_then(|found| document.versions.iter().find(|v| **v == *found))
    }

    /// The copies are the data pack's bytes: each matches the manifest the
    /// copying script wrote, and, where the data pack sits beside the
    /// project, the file there too.
    #[test]
    fn the_official_texts_are_the_data_packs_bytes() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/texts");
        let manifest = std::fs::read_to_string(dir.join("MANIFEST.sha256")).unwrap();
        let shared = dir.join("../../../shared/data/texts");
        let mut checked = 0;
        for line in manifest.lines() {
            let (hash, name) = line.split_once("  ").unwrap();
            let bytes = std::fs::read(dir.join(name)).unwrap();
            assert_eq!(hex::encode(Sha256::digest(&bytes)), hash, "{name} differs from what was copied");
            if let Ok(source) = std::fs::read(shared.join(name)) {
                assert!(source == bytes, "{name} differs from the data pack");
            }
            checked += 1;
        }
        assert_eq!(checked, 6);
        // The embedded copies are those files.
        assert_eq!(std::fs::read_to_string(dir.join("constitution-2022-ru.md")).unwrap(), CONSTITUTION_1995);
        assert_eq!(std::fs::read_to_string(dir.join("law-2022-points.tsv")).unwrap(), LAW_POINTS);
    }

    #[test]
    fn the_texts_load_and_check_themselves() {
        let texts = Texts::embedded().unwrap();
        let old = texts.document(DOCUMENT_1995).unwrap();
        let new = texts.document(DOCUMENT_2026).unwrap();
        let articles = |d: &Document| {
            d.nodes.iter().filter(|n| n.kind == crate::domain::provision::ProvisionKind::Article).count()
        };
        assert_eq!(articles(new), 96);
        assert!(articles(old) > 95);
        // Art. 15(2): unknown before 8 June 2022, then the death penalty banned.
        let before = wording_on(old, "art_15__para_2", date(2022, 6, 1)).unwrap();
        assert_eq!((before.fidelity, before.text.as_deref()), (Fidelity::Unknown, None));
        let after = wording_on(old, "art_15__para_2", date(2022, 6, 9)).unwrap();
        assert!(after.text.as_deref().unwrap().contains("Смертная казнь запрещается"));
        assert_eq!((after.act.as_str(), after.act_point), ("law-2022-06-08", Some(3)));
        // Art. 4(1): Council until 31 December 2022 (derived), Court from 1 January 2023.
        let council = wording_on(old, "art_4__para_1", date(2022, 12, 31)).unwrap();
        assert_eq!(council.fidelity, Fidelity::Derived);
        assert!(council.text.as_deref().unwrap().contains("Конституционного Совета"));
        assert!(
            wording_on(old, "art_4__para_1", date(2023, 1, 2))
                .unwrap()
                .text
                .as_deref()
                .unwrap()
                .contains("Конституционного Суда")
        );
        // Art. 71(1): the June wording (six years) until September, then eight.
        let june = wording_on(old, "art_71__para_1", date(2022, 6, 9)).unwrap().text.clone().unwrap();
        let later = wording_on(old, "art_71__para_1", date(2023, 1, 2)).unwrap().text.clone().unwrap();
        assert!(june.contains("шесть лет"), "{june}");
        assert!(later.contains("восемь лет"), "{later}");
        // Art. 83-1 did not exist before 8 June 2022.
        assert!(wording_on(old, "art_83-1", date(2022, 6, 1)).is_none());
        assert!(wording_on(old, "art_83-1", date(2022, 6, 8)).is_some());
        // Every article keeps its heading on every day, even where its words
        // before September 2022 are unknown.
        let heading = wording_on(old, "art_2", date(2022, 6, 1)).unwrap();
        assert_eq!(heading.text.as_deref(), Some("Статья 2"));
        assert_eq!(wording_on(old, "art_2__para_3", date(2022, 6, 1)).unwrap().fidelity, Fidelity::Unknown);
        // Nothing of the 1995 text is in force on 1 July 2026.
        assert!(old.versions.iter().all(|v| !v.in_force_on(date(2026, 7, 1))));
        assert!(new.versions.iter().all(|v| v.in_force_on(date(2026, 7, 1)) && !v.in_force_on(date(2026, 6, 30))));
    }
}
