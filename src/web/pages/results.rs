//! `/results`: national and regional figures by stage, the validity rules
//! computed from them, and server-rendered SVG charts with text
//! alternatives and data tables.

use askama::Template;
use axum::{
    extract::{Query, State, rejection::QueryRejection},
    response::Html,
};
use serde::Deserialize;

use super::page_context::Context;
use crate::{
    domain::results::{self, Evaluation, Figures, Outcome, Stage},
    i18n::{Arg, Lang},
    storage::results::{FigureRow, ListedSourceRow, ResultSetRow, UnitRow},
    web::error::AppError,
    web::{
        render::render,
        state::AppState,
        view::{DateView, Layout, PageLocation, PublicNav},
    },
};

#[derive(Debug, Deserialize, Default)]
pub struct ResultsQuery {
    stage: Option<String>,
    sort: Option<String>,
    dir: Option<String>,
}

#[derive(Template)]
#[template(path = "pages/results.html")]
struct ResultsPage {
    layout: Layout,
    shown: Option<SetView>,
    other: Vec<OtherSet>,
    rules: Vec<RuleView>,
    national_bar: Vec<BarPart>,
    national_bar_text: String,
    units: Vec<UnitView>,
    turnout_chart: Vec<ChartRow>,
    turnout_chart_text: String,
    sort_links: Vec<SortLink>,
    unit_count: usize,
}

struct SetView {
    stage_label: String,
    published_on: DateView,
    description: String,
    sources: Vec<SourceLink>,
    national: Vec<FigureView>,
    majority_note: Option<String>,
    majority_source: Option<SourceLink>,
}

struct OtherSet {
    stage: &'static str,
    label: String,
    published_on: DateView,
}

struct FigureView {
    label: String,
    value: Option<String>,
    source: Option<SourceLink>,
}

#[derive(Clone)]
struct SourceLink {
    title: String,
    url: Option<String>,
}

struct RuleView {
    description: String,
    outcome: &'static str,
    outcome_label: String,
    detail: String,
    sources: Vec<SourceLink>,
}

/// A stretch of the national bar: x and width out of 1000.
struct BarPart {
    class: &'static str,
    x: i64,
    width: i64,
    label: String,
    label_x: i64,
    show_label: bool,
}

struct UnitView {
    name: String,
    turnout: String,
    yes: String,
    no: String,
    note: Option<String>,
    sources: Vec<SourceLink>,
}

struct ChartRow {
    name: String,
    y: usize,
    text_y: usize,
    width: i64,
    value: String,
    value_x: i64,
}

struct SortLink {
    label: String,
    href: String,
    current: bool,
}

fn pct(lang: Lang, hundredths: i64) -> String {
    format!("{} %", lang.decimal(hundredths as f64 / 100.0, 2))
}

fn figure_text(lang: Lang, field: &str, value: i64) -> String {
    if results::is_percentage(field) { pct(lang, value) } else { lang.number(value) }
}

fn figures_of(rows: &[&FigureRow], scope: &str) -> Figures {
    let mut figures = Figures::default();
    for row in rows.iter().filter(|r| r.scope == scope) {
        figures.set(&row.field, row.value);
    }
    figures
}

fn source_link(row: &FigureRow) -> Option<SourceLink> {
    row.source_title.clone().map(|title| SourceLink { title, url: row.source_url.clone() })
}

fn listed(rows: &[ListedSourceRow], owner: i64) -> Vec<SourceLink> {
    rows.iter()
        .filter(|r| r.owner_id == owner)
        .map(|r| SourceLink { title: r.title.clone(), url: r.url.clone() })
        .collect()
}

fn unit_name(unit: &UnitRow, lang: Lang) -> String {
    match lang {
        Lang::Kk => unit.name_kk.clone(),
        Lang::Ru => unit.name_ru.clone(),
        Lang::En => unit.name_en.clone(),
    }
}

pub async fn show(
    State(state): State<AppState>,
    at: PageLocation,
    query: Result<Query<ResultsQuery>, QueryRejection>,
) -> Result<Html<String>, AppError> {
    let lang = at.lang;
    let Query(query) = query.map_err(|e| AppError::BadRequest(lang.ts("error-bad-query", "detail", &e.body_text())))?;
    let storage = &state.storage;
    let ctx = Context::load(storage, &at).await?;
    let referendum_id = ctx.referendum.id;
    let sets = storage.result_sets(referendum_id, ctx.as_of).await?;
    let units = storage.result_units(referendum_id).await?;
    let rules = storage.result_rules(referendum_id).await?;
    let rule_sources = storage.result_rule_sources(referendum_id).await?;
    let set_sources = storage.result_set_sources(referendum_id).await?;
    let figures = storage.result_figures(referendum_id).await?;
    let notes = storage.result_unit_notes(referendum_id).await?;

    let requested = match query.stage.as_deref().filter(|s| !s.is_empty()) {
        Some(text) => Some(text.parse::<Stage>().map_err(|_| {
            AppError::BadRequest(format!(
                "{} {}",
                lang.ts("error-unknown-stage", "value", &text.chars().take(40).collect::<String>()),
                lang.ts("error-allowed", "allowed", "preliminary, final")
            ))
        })?),
        None => None,
    };
    let shown: Option<&ResultSetRow> = match requested {
        Some(stage) => Some(
            sets.iter()
                .find(|s| s.stage == stage.as_str())
                .ok_or_else(|| AppError::NotFound(Some(lang.t("error-stage-not-published"))))?,
        ),
        None => sets.last(),
    };
    let (sort, descending) = sort_order(&query, lang)?;

    let set_figures: Vec<&FigureRow> =
        shown.map(|s| figures.iter().filter(|f| f.result_set_id == s.id).collect()).unwrap_or_default();
    let national = figures_of(&set_figures, crate::domain::results::NATIONAL);
    let unit_figures: Vec<(&UnitRow, Figures)> = units.iter().map(|u| (u, figures_of(&set_figures, &u.key))).collect();
    let unit_count = units.len();

    let rule_views = rules
        .iter()
        .map(|rule| {
            let parsed = rule.rule();
            let only_units: Vec<Figures> = unit_figures.iter().map(|(_, f)| f.clone()).collect();
            let evaluation = if shown.is_some() {
                results::evaluate(parsed, &national, &only_units, unit_count)
            } else {
                Evaluation { outcome: Outcome::Unknown, units: None, turnout: None }
            };
            RuleView {
                description: rule.description.clone(),
                outcome: evaluation.outcome.as_str(),
                outcome_label: lang.t(&format!("rule-{}", evaluation.outcome.as_str())),
                detail: rule_detail(&evaluation, rule.threshold_hundredths, lang),
                sources: listed(&rule_sources, rule.id),
            }
        })
        .collect();

    let shown_view = shown.map(|set| SetView {
        stage_label: lang.t(&format!("stage-{}", set.stage)),
        published_on: DateView::new(set.published_on, lang),
        description: set.description.clone(),
        sources: listed(&set_sources, set.id),
        national: results::FIELDS
            .iter()
            .filter(|f| **f != results::YES_SHARE_BOUND)
            .map(|field| {
                let row = set_figures.iter().find(|r| r.scope == results::NATIONAL && r.field == *field);
                FigureView {
                    label: lang.t(&format!("figure-{}", field.replace('_', "-"))),
                    value: row.map(|r| figure_text(lang, field, r.value)),
                    source: row.and_then(|r| source_link(r)),
                }
            })
            .collect(),
        majority_note: set.majority_note.clone(),
        majority_source: set
            .majority_note_source_title
            .clone()
            .map(|title| SourceLink { title, url: set.majority_note_source_url.clone() }),
    });

    let parts = [
        ("yes", national.yes_pct),
        ("no", national.no_pct),
        ("invalid", national.invalid_pct),
        ("both-marked", national.both_marked_pct),
    ];
    let mut x = 0;
    let national_bar: Vec<BarPart> = parts
        .iter()
        .filter_map(|(class, value)| {
            let value = (*value)?;
            let width = value * 1000 / 10_000;
            let part = BarPart {
                class,
                x,
                width,
                label: format!("{} {}", lang.t(&format!("figure-{class}")), pct(lang, value)),
                label_x: x + width / 2,
                show_label: width >= 150,
            };
            x += width;
            Some(part)
        })
        .collect();
    let national_bar_text = national_bar.iter().map(|p| p.label.clone()).collect::<Vec<_>>().join("; ");

    let mut rows: Vec<(String, &UnitRow, Figures)> =
        unit_figures.iter().map(|(u, f)| (unit_name(u, lang), *u, f.clone())).collect();
    let key = |f: &Figures| -> i64 {
        match sort {
            SortKey::Turnout => f.turnout().unwrap_or(-1),
            SortKey::Yes => f.yes_pct.or(f.yes_pct_above).unwrap_or(-1),
            SortKey::Name => 0,
        }
    };
    if sort == SortKey::Name {
        rows.sort_by(|a, b| a.0.cmp(&b.0));
    } else {
        rows.sort_by_key(|(_, _, f)| key(f));
    }
    if descending {
        rows.reverse();
    }
    let not_known = lang.t("not-known");
    let shown_id = shown.map(|s| s.id);
    let unit_views = rows
        .iter()
        .map(|(name, unit, f)| UnitView {
            name: name.clone(),
            turnout: f.turnout().map_or_else(|| not_known.clone(), |v| pct(lang, v)),
            yes: match (f.yes_pct, f.yes_pct_above) {
                (Some(v), _) => pct(lang, v),
                (None, Some(bound)) => lang.ts("more-than", "value", &pct(lang, bound)),
                _ => not_known.clone(),
            },
            no: f.no_pct.map_or_else(|| not_known.clone(), |v| pct(lang, v)),
            note: notes
                .iter()
                .find(|n| Some(n.result_set_id) == shown_id && n.scope == unit.key)
                .map(|n| n.note.clone()),
            sources: {
                let mut seen: Vec<SourceLink> = Vec::new();
                for row in set_figures.iter().filter(|r| r.scope == unit.key) {
                    if let Some(link) = source_link(row)
                        && !seen.iter().any(|s| s.title == link.title)
                    {
                        seen.push(link);
                    }
                }
                seen
            },
        })
        .collect();

    let turnout_chart: Vec<ChartRow> = rows
        .iter()
        .enumerate()
        .map(|(i, (name, _, f))| {
            let width = f.turnout().map_or(0, |t| t * 600 / 10_000);
            ChartRow {
                name: name.clone(),
                y: i * 28,
                text_y: i * 28 + 18,
                width,
                value: f.turnout().map_or_else(|| not_known.clone(), |v| pct(lang, v)),
                value_x: 290 + width + 8,
            }
        })
        .collect();
    let turnout_chart_text =
        turnout_chart.iter().map(|r| format!("{}: {}", r.name, r.value)).collect::<Vec<_>>().join("; ");

    let base = format!("{}/results", at.path().trim_end_matches("/results"));
    let stage_q = shown.map(|s| format!("stage={}&", s.stage)).unwrap_or_default();
    let keep = at.as_of.map(|d| format!("&as_of={d}")).unwrap_or_default();
    let sort_links = SortKey::ALL
        .into_iter()
        .flat_map(|key| {
            [false, true]
                .into_iter()
                .map(move |desc| (key.as_str(), direction(desc), key == sort && desc == descending))
        })
        .map(|(key, dir, current)| SortLink {
            label: format!("{} {}", lang.t(&format!("sort-{key}")), lang.t(&format!("sort-{dir}"))),
            href: format!("{base}?{stage_q}sort={key}&dir={dir}{keep}"),
            current,
        })
        .collect();

    let other = sets
        .iter()
        .filter(|s| Some(s.id) != shown_id)
        .filter_map(|s| {
            let stage = s.stage.parse::<Stage>().ok()?.as_str();
            Some(OtherSet {
                stage,
                label: lang.t(&format!("stage-{}", s.stage)),
                published_on: DateView::new(s.published_on, lang),
            })
        })
        .collect();

    let page = ResultsPage {
        layout: Layout::new(&at, lang.t("results-title"), lang.t("results-description"), PublicNav::Results, ctx.data),
        shown: shown_view,
        other,
        rules: rule_views,
        national_bar,
        national_bar_text,
        units: unit_views,
        turnout_chart,
        turnout_chart_text,
        sort_links,
        unit_count,
    };
    render(&page)
}

/// How the units table and chart are ordered: the `sort` query value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SortKey {
    Name,
    Turnout,
    Yes,
}

impl SortKey {
    const ALL: [SortKey; 3] = [SortKey::Name, SortKey::Turnout, SortKey::Yes];

    /// The query value, also the suffix of the label's message key.
    fn as_str(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Turnout => "turnout",
            SortKey::Yes => "yes",
        }
    }
}

/// The `dir` query value: ascending or descending.
fn direction(descending: bool) -> &'static str {
    if descending { "desc" } else { "asc" }
}

/// The order the query asks for; no value means by name, ascending.
fn sort_order(query: &ResultsQuery, lang: Lang) -> Result<(SortKey, bool), AppError> {
    let refused = |value: &str, allowed: &[&str]| {
        AppError::BadRequest(format!(
            "{} {}",
            lang.ts("error-unknown-sort", "value", &value.chars().take(40).collect::<String>()),
            lang.ts("error-allowed", "allowed", &allowed.join(", "))
        ))
    };
    let sort = match query.sort.as_deref().filter(|s| !s.is_empty()) {
        None => SortKey::Name,
        Some(value) => SortKey::ALL
            .into_iter()
            .find(|k| k.as_str() == value)
            .ok_or_else(|| refused(value, &SortKey::ALL.map(SortKey::as_str)[..]))?,
    };
    let descending = match query.dir.as_deref().filter(|s| !s.is_empty()) {
        None => false,
        Some(value) => [false, true]
            .into_iter()
            .find(|d| direction(*d) == value)
            .ok_or_else(|| refused(value, &[direction(false), direction(true)][..]))?,
    };
    Ok((sort, descending))
}

fn rule_detail(evaluation: &Evaluation, threshold: i64, lang: Lang) -> String {
    let threshold = pct(lang, threshold);
    if let Some(turnout) = evaluation.turnout {
        return lang.t_args(
            "rule-turnout-detail",
            &[("turnout", Arg::Str(&pct(lang, turnout))), ("threshold", Arg::Str(&threshold))],
        );
    }
    if let Some((meeting, failing, unknown, needed)) = evaluation.units {
        return lang.t_args(
            "rule-units-detail",
            &[
                ("meeting", Arg::Num(meeting as i64)),
                ("failing", Arg::Num(failing as i64)),
                ("unknown", Arg::Num(unknown as i64)),
                ("needed", Arg::Num(needed as i64)),
                ("threshold", Arg::Str(&threshold)),
            ],
        );
    }
    lang.t("rule-no-figures")
}
