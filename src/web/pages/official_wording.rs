//! The official wording of what a law's point changed: the point verbatim,
//! and for each provision it changed the wording before (official, derived
//! or not found), after, and later, with word-level redlines. Shared by the
//! amendment pages and the Constitution page.

use crate::{
    domain::{
        diff::{Change, word_diff},
        provision::{Document, LawPoint, Version},
    },
    i18n::Lang,
    web::view::DateView,
};

pub struct RedlinePart {
    pub change: &'static str,
    pub text: String,
}

/// Word-level changes from `old` to `new`.
pub fn redline(old: &str, new: &str) -> Vec<RedlinePart> {
    word_diff(old, new)
        .into_iter()
        .map(|part| RedlinePart {
            change: match part.change {
                Change::Same => "same",
                Change::Removed => "removed",
                Change::Added => "added",
            },
            text: part.text,
        })
        .collect()
}

pub struct PointView {
    pub number: i64,
    /// The point as the law words it, line by line.
    pub lines: Vec<String>,
    pub provisions: Vec<ProvisionChange>,
}

pub struct WordingView {
    pub text: Option<String>,
    /// official, derived, unknown, repealed, or absent (no such provision).
    pub fidelity: &'static str,
    pub from: Option<DateView>,
    pub note: Option<String>,
}

pub struct ProvisionChange {
    pub eid: String,
    pub label: String,
    /// The provision in the whole 1995 text.
    pub link: String,
    pub before: WordingView,
    pub after: WordingView,
    pub redline: Vec<RedlinePart>,
    /// A later change to the same provision, in 2022.
    pub later: Option<(WordingView, Vec<RedlinePart>)>,
}

fn wording(version: Option<&Version>, lang: Lang) -> WordingView {
    match version {
        None => WordingView { text: None, fidelity: "absent", from: None, note: None },
        Some(v) => WordingView {
            text: v.text.clone(),
            fidelity: v.fidelity.as_str(),
            from: v.valid_from.map(|d| DateView::new(d, lang)),
            note: v.note.clone(),
        },
    }
}

fn both(a: &WordingView, b: &WordingView) -> Vec<RedlinePart> {
    match (&a.text, &b.text) {
        (Some(old), Some(new)) if a.fidelity != "repealed" => redline(old, new),
        _ => Vec::new(),
    }
}

/// A provision's name from its id, in the page's language:
/// `art_44__subpara_10-1` → "Article 44, subparagraph 10-1".
pub fn label(eid: &str, lang: Lang) -> String {
    eid.split("__")
        .filter_map(|segment| {
            let (kind, number) = segment.split_once('_').unwrap_or((segment, ""));
            let key = match kind {
                "art" => "provision-article",
                "para" => "provision-paragraph",
                "subpara" => "provision-subparagraph",
                "list" => "provision-list",
                "part" => "provision-part",
                "intro" => return Some(lang.t("provision-intro")),
                "sec" => "provision-section",
                _ => return None,
            };
            Some(lang.ts(key, "number", number))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The points that change one article, with each provision's wordings.
pub fn points(points: &[LawPoint], article: &Document, lang: Lang) -> Vec<PointView> {
    points
        .iter()
        .map(|point| {
            let provisions = article
                .nodes
                .iter()
                .filter(|node| point.targets.contains(&node.eid))
                .map(|node| {
                    let versions = article.versions_of(&node.eid);
                    let made = versions.iter().position(|v| v.act_point == Some(point.number));
                    let before = made.and_then(|i| i.checked_sub(1)).map(|i| versions[i]);
                    let after = made.map(|i| versions[i]);
                    let later = made.and_then(|i| versions.get(i + 1)).filter(|v| v.act == "law-2022-09-17");
                    let (before, after) = (wording(before, lang), wording(after, lang));
                    let redline = both(&before, &after);
                    let later = later.map(|v| {
                        let later = wording(Some(v), lang);
                        let redline = both(&after, &later);
                        (later, redline)
                    });
                    ProvisionChange {
                        // The 1995 text on its last day has every provision
                        // at its anchor, and an address of its own.
                        link: format!("{}/constitution/1995#{}", crate::web::view::base(lang), node.eid),
                        label: label(&node.eid, lang),
                        eid: node.eid.clone(),
                        before,
                        after,
                        redline,
                        later,
                    }
                })
                .collect();
            PointView {
                number: point.number,
                lines: point
                    .text
                    .lines()
                    .map(|line| line.trim_start_matches(['>', ' ']).to_owned())
                    .filter(|line| !line.is_empty())
                    .collect(),
                provisions,
            }
        })
        .collect()
}
